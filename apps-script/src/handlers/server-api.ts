/**
 * The server side of the sidebar (ServerApi in api.ts). Every input is parsed with the
 * contract's zod schemas; every action writes only what it owns (a Payments row, one Status
 * cell, new Milestones rows), under the document lock, then recomputes and answers with a
 * fresh view. Everything returned is plain JSON.
 */
import type * as z from 'zod/mini';
import type { Milestone, MilestoneReport, PaymentPlan } from '../../../shared/index.ts';
import {
  amountFromNumber,
  findTabName,
  isBlank,
  isOpen,
  locateColumns,
  makePaymentPlan,
  normalizeHeader,
  PaymentPlanError,
  problemText,
  refKey,
  smallClaimsLimit,
  TABS,
  toMajor,
} from '../../../shared/index.ts';
import type {
  ActionResult,
  DraftResult,
  PackResult,
  PaymentPlanPreview,
  ServerApi,
  SidebarView,
} from '../api.ts';
import {
  ClientInput,
  ConfirmSentInput,
  DraftReminderInput,
  LogPromiseInput,
  MilestoneInput,
  PaymentPlanInput,
  RecordPaymentInput,
  SelectCellInput,
  SetStatusInput,
  WriteOffInput,
} from '../api.ts';
import type { Services } from '../services.ts';
import { textCell } from './cells.ts';
import { draftAndLog, draftedOn, rowFor } from './drafts.ts';
import { stageInSentence } from '../../../shared/stage-look.ts';
import type { LoadedLedger } from './ledger.ts';
import { loadLedger, requireColumn, requireLayout, UserError } from './ledger.ts';
import { LOCK_WAIT, locked } from './locked.ts';
import { clientPack } from './pack.ts';
import { recomputeUnlocked } from './recompute.ts';
import { sidebarView } from './view.ts';

export const CONFIRM_ERRORS = {
  no_draft: 'That draft is no longer in the Reminders tab: open the sidebar again to see the current drafts.',
  future: (on: string) => `${on} is after today: confirm a message only once it has gone out.`,
  before_draft: (on: string, drafted: string) =>
    `${on} is before the draft was made (${drafted}): give the day the message actually went out.`,
  drafted:
    "This message is already drafted and waiting in Gmail → Drafts: send it from there (and confirm it here if the extension didn't log it), rather than drafting it again.",
} as const;

/** Parses a sidebar input; a bad one is a UserError naming the field. */
function parse<S extends z.ZodMiniType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  throw new UserError(
    `Payladder could not read that request (${where}${issue?.message ?? 'invalid input'}).`,
  );
}

/** Why Record payment writes nothing (issue 18: it accepted 1e308 and cancelled milestones). */
export const PAYMENT_ERRORS = {
  closed: (id: string, stage: string) =>
    stage === 'paid'
      ? `Milestone ${id} is already paid in full: nothing was recorded. If this is another payment, check which milestone it belongs to.`
      : stage === 'renegotiated'
        ? `Milestone ${id} was replaced by a payment plan: nothing was recorded. Record the payment on its instalments.`
        : `Milestone ${id} is ${stageInSentence(stage)}: nothing was recorded. If the client paid it after all, change its Status in the sheet first.`,
  too_large: (amount: number, currency: string) =>
    `${amount} ${currency} is too large to count exactly: nothing was recorded. Check the amount.`,
  decimals: (amount: number, currency: string) =>
    `${amount} has more decimals than ${currency} allows: nothing was recorded.`,
  not_amount: (amount: number, currency: string) =>
    `${amount} is not an amount in ${currency}: nothing was recorded.`,
} as const;

/** Why Mark disputed writes nothing (the reason goes only where nothing was typed). */
export const STATUS_ERRORS = {
  note_only_disputed: 'A note goes with Mark disputed only: nothing was changed.',
  note_taken: (id: string, row: number) =>
    `Milestone ${id} already has a Status note (Milestones row ${row}): nothing was changed. Payladder never overwrites what you typed; edit the note in the sheet, then mark it disputed without a reason.`,
} as const;

/** Why Log a promise writes nothing. */
export const PROMISE_ERRORS = {
  closed: (id: string, stage: string) =>
    `Milestone ${id} is ${stage.replace(/_/g, ' ')}: there is nothing to promise, so nothing was logged.`,
  past: (by: string, today: string) =>
    `${by} is before today (${today}): a promise is to pay today or later. Nothing was logged.`,
  amount: (amount: number, currency: string) =>
    `${amount} is not an amount in ${currency} Payladder can count exactly: nothing was logged.`,
  more_than_owed: (amount: number, currency: string, outstanding: number) =>
    `${amount} ${currency} is more than is outstanding on it (${outstanding} ${currency}): nothing was logged.`,
} as const;

function findMilestone(loaded: LoadedLedger, id: string): Milestone {
  const m = loaded.ledger.milestones.find((x) => refKey(x.id) === refKey(id));
  if (m) return m;
  const problem = loaded.report.problems.find(
    (p) =>
      p.tab === 'Milestones' && p.row !== null && p.code !== 'no_contract' && rowHasId(loaded, p.row, id),
  );
  throw new UserError(
    problem
      ? `Milestone ${id} has a problem in Milestones row ${problem.row}: ${problemText(problem, 'en', loaded.ledger.settings.locale).message} Fix it first.`
      : `Milestone ${id} is not in the Milestones tab.`,
  );
}

function rowHasId(loaded: LoadedLedger, row: number, id: string): boolean {
  const layout = loaded.layout.milestones;
  const column = layout?.columns.ID;
  if (!layout || column === undefined) return false;
  const cell = loaded.snapshot.tabs[layout.name]?.[row - 1]?.[column];
  return refKey(String(cell ?? '')) === refKey(id);
}

function reportOf(loaded: LoadedLedger, id: string): MilestoneReport | undefined {
  return loaded.report.milestones.find((m) => m.id === id);
}

/**
 * New rows at the end of a ledger tab, each given by canonical header, once the columns
 * every row needs are there (a UserError pointing to setup otherwise).
 */
function appendRowsTo(
  services: Services,
  loaded: LoadedLedger,
  tab: { key: Parameters<typeof requireLayout>[1]; name: string; needs: readonly string[] },
  rows: readonly Record<string, string | number>[],
): void {
  const layout = requireLayout(loaded, tab.key, tab.name);
  for (const header of tab.needs) requireColumn(layout, header);
  services.appendRows(
    layout.name,
    rows.map((fields) => rowFor(layout.width, layout.columns, fields)),
  );
}

/** Writes one Milestones Status cell: the only cell a status action owns. */
function writeStatus(services: Services, loaded: LoadedLedger, m: Milestone, status: string): void {
  const layout = requireLayout(loaded, 'milestones', 'Milestones');
  const column = requireColumn(layout, 'Status');
  services.writeBlocks([{ tab: layout.name, row: m.row, column, values: [[textCell(status)]] }]);
}

function planFrom(loaded: LoadedLedger, input: z.output<ReturnType<typeof PaymentPlanInput>>): PaymentPlan {
  if (!input.milestone && !input.client)
    throw new UserError('Choose a milestone or a client for the payment plan.');
  try {
    return makePaymentPlan({
      ledger: loaded.ledger,
      report: loaded.report,
      ...(input.milestone ? { milestones: [input.milestone] } : {}),
      ...(input.client ? { client: input.client } : {}),
      instalments: input.instalments,
      interval: input.interval,
      start: input.start,
      keepUnderSmallClaimsLimit: input.keepUnderSmallClaimsLimit,
    });
  } catch (error) {
    if (error instanceof PaymentPlanError) throw new UserError(error.message);
    throw error;
  }
}

function previewOf(loaded: LoadedLedger, plan: PaymentPlan, keepUnderLimit: boolean): PaymentPlanPreview {
  const client = loaded.ledger.clients.find((c) => c.client === plan.client);
  const limit = keepUnderLimit && client ? smallClaimsLimit(client.jurisdiction, loaded.today) : null;
  return {
    rows: plan.instalments.map((i) => ({
      id: i.id,
      dueDate: i.dueDate,
      amount: toMajor(i.amount, plan.currency),
      currency: plan.currency,
    })),
    replaces: plan.replaces,
    total: toMajor(plan.total, plan.currency),
    currency: plan.currency,
    limit: limit && limit.currency === plan.currency ? limit.limit : null,
    // In the sidebar's language (Settings → Default language, as its view).
    warnings: plan.warnings.map((w) => w.text[loaded.ledger.settings.defaultLanguage]),
  };
}

export const PLAN_CHANGED =
  'The ledger changed since the preview, so the plan would differ: nothing was created. Check the new preview, then create it.';

/** Whether the plan is the one the preview showed: the same instalments, days and amounts. */
function samePlan(
  expected: readonly { id: string; dueDate: string; amount: number }[],
  preview: PaymentPlanPreview,
) {
  return (
    expected.length === preview.rows.length &&
    expected.every((e, i) => {
      const row = preview.rows[i];
      return row !== undefined && row.id === e.id && row.dueDate === e.dueDate && row.amount === e.amount;
    })
  );
}

/** Appends the plan's rows to Milestones and marks the originals Renegotiated. */
export function applyPlan(services: Services, loaded: LoadedLedger, plan: PaymentPlan): void {
  const layout = requireLayout(loaded, 'milestones', 'Milestones');
  for (const header of ['ID', 'Client', 'Amount', 'Due date', 'Status']) requireColumn(layout, header);
  services.appendRows(
    layout.name,
    plan.rows.map((r) => rowFor(layout.width, layout.columns, r)),
  );
  const status = requireColumn(layout, 'Status');
  services.writeBlocks(
    plan.statusUpdates.map((u) => ({
      tab: layout.name,
      row: u.row,
      column: status,
      values: [[textCell(u.status)]],
    })),
  );
}

/** The user's name and 1-based column for a tab and header as a Problem names them. */
function resolveCell(
  loaded: LoadedLedger,
  tab: string,
  column: string | null,
): { tab: string; column: number | null } {
  const spec = TABS.find((t) => normalizeHeader(t.name) === normalizeHeader(tab));
  const name =
    (spec ? findTabName(spec, loaded.snapshot.tabNames) : null) ??
    loaded.snapshot.tabNames.find((n) => normalizeHeader(n) === normalizeHeader(tab));
  if (!name) throw new UserError(`There is no tab named ${tab}.`);
  if (column === null) return { tab: name, column: null };
  const header = loaded.snapshot.tabs[name]?.[0] ?? [];
  let index = spec ? locateColumns(spec, header).get(column) : undefined;
  if (index === undefined) {
    const i = header.findIndex((h) => normalizeHeader(h) === normalizeHeader(column));
    index = i === -1 ? undefined : i;
  }
  return { tab: name, column: index === undefined ? null : index + 1 };
}

export function createServerApi(services: Services): ServerApi {
  /** Under the lock: read, act, recompute, answer with the fresh view. */
  const act = <T>(fn: (loaded: LoadedLedger) => T): ActionResult<T> =>
    locked(services, LOCK_WAIT.interactive, () => {
      const now = services.now();
      const result = fn(loadLedger(services, now));
      const { loaded } = recomputeUnlocked(services, now);
      return { result, view: sidebarView(services, loaded) };
    });

  return {
    getSidebarView(): SidebarView {
      // Opening the sidebar also brings the sheet up to date; if a run holds the lock,
      // the view is computed read-only rather than making the user wait.
      const result = services.withDocumentLock(LOCK_WAIT.edit, () => recomputeUnlocked(services).loaded);
      return sidebarView(services, result.ok ? result.value : loadLedger(services));
    },

    recordPayment(raw) {
      const input = parse(RecordPaymentInput(), raw);
      return act((loaded) => {
        const m = findMilestone(loaded, input.milestone);
        const stage = reportOf(loaded, m.id)?.stage;
        if (stage !== undefined && !isOpen(stage)) throw new UserError(PAYMENT_ERRORS.closed(m.id, stage));
        const amount = amountFromNumber(input.amount, m.currency);
        if (!amount.ok) {
          const why = amount.why === 'too_large' || amount.why === 'decimals' ? amount.why : 'not_amount';
          throw new UserError(PAYMENT_ERRORS[why](input.amount, m.currency));
        }
        const payments = {
          key: 'payments',
          name: 'Payments',
          needs: ['Date', 'Milestone', 'Amount'],
        } as const;
        appendRowsTo(services, loaded, payments, [
          { Date: input.date, Milestone: m.id, Amount: input.amount, Method: input.method, Note: input.note },
        ]);
        return null;
      });
    },

    setMilestoneStatus(raw) {
      const input = parse(SetStatusInput(), raw);
      return act((loaded) => {
        const m = findMilestone(loaded, input.milestone);
        // The sidebar may set or clear a pause; an ending status stays the user's to change.
        if (m.status !== null && m.status !== 'disputed' && m.status !== 'on_hold') {
          throw new UserError(
            `Milestone ${m.id} is ${stageInSentence(m.status)}: change its Status in the sheet if that is wrong.`,
          );
        }
        const note = input.note?.trim() ?? '';
        if (note !== '' && input.status !== 'Disputed') throw new UserError(STATUS_ERRORS.note_only_disputed);
        const layout = requireLayout(loaded, 'milestones', 'Milestones');
        const status = requireColumn(layout, 'Status');
        const blocks = [{ tab: layout.name, row: m.row, column: status, values: [[textCell(input.status)]] }];
        if (note !== '') {
          // The reason goes in the row's Status note, and only where nothing is typed yet.
          const column = requireColumn(layout, 'Status note');
          const typed = loaded.snapshot.tabs[layout.name]?.[m.row - 1]?.[column - 1];
          if (!isBlank(typed)) throw new UserError(STATUS_ERRORS.note_taken(m.id, m.row));
          blocks.push({ tab: layout.name, row: m.row, column, values: [[textCell(note)]] });
        }
        services.writeBlocks(blocks);
        return null;
      });
    },

    logPromise(raw) {
      const input = parse(LogPromiseInput(), raw);
      return act((loaded) => {
        const m = findMilestone(loaded, input.milestone);
        const report = reportOf(loaded, m.id);
        if (report && !isOpen(report.stage)) throw new UserError(PROMISE_ERRORS.closed(m.id, report.stage));
        if (input.by < loaded.today) throw new UserError(PROMISE_ERRORS.past(input.by, loaded.today));
        let amount: number | '' = '';
        if (input.amount !== undefined && input.amount !== null) {
          const minor = amountFromNumber(input.amount, m.currency);
          if (!minor.ok) throw new UserError(PROMISE_ERRORS.amount(input.amount, m.currency));
          const outstanding = report?.outstanding ?? 0;
          if (minor.value > outstanding)
            throw new UserError(
              PROMISE_ERRORS.more_than_owed(input.amount, m.currency, toMajor(outstanding, m.currency)),
            );
          amount = input.amount;
        }
        const promises = {
          key: 'promises',
          name: 'Promises',
          needs: ['Date', 'Milestone', 'Promised by'],
        } as const;
        appendRowsTo(services, loaded, promises, [
          {
            Date: loaded.today,
            Milestone: m.id,
            Client: m.client,
            Amount: amount,
            'Promised by': input.by,
            Source: 'sidebar',
            Note: input.note.trim(),
          },
        ]);
        return null;
      });
    },

    confirmDraftSent(raw) {
      const input = parse(ConfirmSentInput(), raw);
      return act((loaded) => {
        const drafts = loaded.ledger.reminders.filter((r) => r.channel === 'draft' && r.link === input.link);
        const first = drafts[0];
        if (!first) throw new UserError(CONFIRM_ERRORS.no_draft);
        if (input.sentOn > loaded.today) throw new UserError(CONFIRM_ERRORS.future(input.sentOn));
        if (input.sentOn < first.sent)
          throw new UserError(CONFIRM_ERRORS.before_draft(input.sentOn, first.sent));
        const reminders = {
          key: 'reminders',
          name: 'Reminders',
          needs: ['Sent', 'Milestone', 'Channel'],
        } as const;
        // Reminders is append-only: the confirmation is a new row, linked to the draft.
        appendRowsTo(
          services,
          loaded,
          reminders,
          drafts.map((d) => ({
            Sent: input.sentOn,
            Milestone: d.milestones.join(', '),
            Client: d.client,
            Stage: d.stage ?? '',
            Template: d.template,
            To: d.to,
            Subject: d.subject,
            Channel: 'email',
            Link: d.link,
          })),
        );
        return null;
      });
    },

    draftReminder(raw): ActionResult<DraftResult> {
      const input = parse(DraftReminderInput(), raw);
      return act((loaded) => {
        const client = loaded.ledger.clients.find((c) => refKey(c.client) === refKey(input.client));
        if (!client) throw new UserError(`No client named "${input.client}" in the ledger.`);
        const due = loaded.report.clients.find((c) => c.client === client.client)?.message ?? null;
        if (!input.milestones && !input.template && due?.drafted) throw new UserError(CONFIRM_ERRORS.drafted);
        try {
          const outcome = draftAndLog(services, loaded, {
            client,
            ...(input.milestones ? { milestones: input.milestones } : {}),
            ...(input.template ? { messageId: input.template } : {}),
            keys: draftedOn(services, loaded.today),
            refuseRepeats: true,
          });
          return {
            draftId: outcome.draftId,
            to: outcome.to,
            subject: outcome.subject,
            milestones: outcome.milestones,
          };
        } catch (error) {
          if (error instanceof Error && error.name === 'ComposeError') throw new UserError(error.message);
          throw error;
        }
      });
    },

    previewPaymentPlan(raw) {
      const input = parse(PaymentPlanInput(), raw);
      const loaded = loadLedger(services);
      return previewOf(loaded, planFrom(loaded, input), input.keepUnderSmallClaimsLimit);
    },

    createPaymentPlan(raw) {
      const input = parse(PaymentPlanInput(), raw);
      return act((loaded) => {
        // Planned again inside the lock, from what the sheet holds now.
        const plan = planFrom(loaded, input);
        const preview = previewOf(loaded, plan, input.keepUnderSmallClaimsLimit);
        if (input.expected && !samePlan(input.expected, preview)) throw new UserError(PLAN_CHANGED);
        applyPlan(services, loaded, plan);
        return preview;
      });
    },

    writeOffMilestone(raw) {
      const input = parse(WriteOffInput(), raw);
      return act((loaded) => {
        const m = findMilestone(loaded, input.milestone);
        const stage = reportOf(loaded, m.id)?.stage;
        if (
          stage === 'paid' ||
          stage === 'cancelled' ||
          stage === 'written_off' ||
          stage === 'renegotiated'
        ) {
          throw new UserError(
            `Milestone ${m.id} is ${stageInSentence(stage)}: there is nothing to write off.`,
          );
        }
        writeStatus(services, loaded, m, 'Written off');
        return null;
      });
    },

    exportPack(raw): PackResult {
      const input = parse(ClientInput(), raw);
      const loaded = loadLedger(services);
      return clientPack(loaded.ledger, loaded.report, input.client);
    },

    selectCell(raw) {
      const input = parse(SelectCellInput(), raw);
      const loaded = loadLedger(services);
      const cell = resolveCell(loaded, input.tab, input.column);
      services.select({ tab: cell.tab, row: input.row ?? 1, column: cell.column });
      return null;
    },

    jumpToMilestone(raw) {
      const input = parse(MilestoneInput(), raw);
      const loaded = loadLedger(services);
      const layout = requireLayout(loaded, 'milestones', 'Milestones');
      const known = loaded.ledger.milestones.find((m) => refKey(m.id) === refKey(input.milestone));
      let row = known?.row;
      if (row === undefined) {
        // A row the parser left out still has its ID: find it in the raw values.
        const values = loaded.snapshot.tabs[layout.name] ?? [];
        const column = layout.columns.ID;
        const i =
          column === undefined
            ? -1
            : values.findIndex((r, k) => k > 0 && rowHasId(loaded, k + 1, input.milestone));
        if (i > 0) row = i + 1;
      }
      if (row === undefined)
        throw new UserError(`Milestone ${input.milestone} is not in the Milestones tab.`);
      services.select({ tab: layout.name, row, column: null });
      return null;
    },
  };
}
