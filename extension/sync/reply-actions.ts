/**
 * What the chip's panel does with a client's reply (issue 11): log a promise (one Promises
 * row), record a payment (one Payments row), or mark milestones disputed (their Status and
 * Status note cells, dispute.ts), with the thread's link, through the Sheets API and the
 * write grant reminder logging uses. The change is applied to the in-memory
 * ledger at once, so the chip redraws from the answer without reading the sheet again; the
 * next sync reads the real rows.
 *
 * A second click, or two requests racing, append one row: requests run one after the other,
 * and each first reads the tab (its header places the values, its rows tell a repeat).
 */
import type { IsoDate, Milestone, Payment, PromiseRow } from '../../shared/index.ts';
import { MILESTONES, PAYMENTS, PROMISES, matchClient, toMinor } from '../../shared/index.ts';
import { SheetsError } from '../sheets/errors.ts';
import type { SheetsClient } from '../sheets/client.ts';
import type { ClientSummary } from './client-summary.ts';
import { summaryByName } from './client-summary.ts';
import type { DisputeRequest } from './dispute.ts';
import { markDisputed } from './dispute.ts';
import type { Preferences } from './items.ts';
import type { LedgerState } from './ledger-state.ts';
import { clientPart, findClient } from './ledger-state.ts';
import {
  hasPromise,
  paymentRow,
  promiseRow,
  readMessageDate,
  readPromisedDate,
  sheetHasPromise,
} from './promises.ts';

export type { DisputeRequest } from './dispute.ts';

export type ReplyActionRequest = EntryRequest | DisputeRequest;

/** A row to append: a promise or a payment. */
export interface EntryRequest {
  kind: 'promise' | 'payment';
  client: string;
  /** Milestone IDs: a promise may cover several, a payment goes to the first. */
  milestones: string[];
  /** Major units as the user typed them; null (promise only) = everything outstanding. */
  amount: number | null;
  /** Promise: Promised by. Payment: the day it was paid. */
  date: IsoDate;
  /** Promise: the day the client promised (their message's day); default today. */
  made?: IsoDate;
  /** The conversation's link, the promise's Source (a payment's Note). */
  source: string;
  note?: string;
}

export type ReplyActionStatus =
  'logged' | 'duplicate' | 'no_ledger' | 'no_write_access' | 'problem' | 'failed';

export interface ReplyActionResult {
  status: ReplyActionStatus;
  /** For `problem` and `failed`: what is wrong and how to fix it, for the panel. */
  message: string;
  /** The client as the ledger now stands, for the chip to redraw at once. */
  summary: ClientSummary | null;
}

export interface ReplyActionDeps {
  ledgerState(): Promise<LedgerState | null>;
  preferences(): Promise<Preferences>;
  /** True when `s` is the ledger the preferences name. */
  matches(s: LedgerState, prefs: Preferences): boolean;
  sheets: Pick<SheetsClient, 'append' | 'batchGet' | 'readRanges' | 'setCells'>;
  today(s: LedgerState): IsoDate;
  /** Recomputes the popup's view and the badge after the ledger changed in memory. */
  refresh(s: LedgerState): Promise<void>;
}

/** One message of the open conversation, as the page shows it (gmail/read/replies.ts). */
export interface ShownMessageData {
  sender: string | null;
  /** Gmail's full, localized date ("Wed, 2 Dec 2026, 10:12"). */
  date: string | null;
  text: string;
}

/** The client's latest message in the conversation, when it came after the last reminder sent. */
export interface ReplyInfo {
  /** The day the client wrote. */
  on: IsoDate;
  /** The day of the last reminder sent to them (drafts are not sent). */
  after: IsoDate;
  /** The first day from `on` that their message names; null when it names none. */
  promisedBy: IsoDate | null;
}

export interface ReplyActions {
  /** The client's reply in a conversation, if they wrote after the last reminder. */
  readReply(request: { client: string; messages: ShownMessageData[] }): Promise<{ reply: ReplyInfo | null }>;
  replyAction(request: ReplyActionRequest): Promise<ReplyActionResult>;
}

export const REPLY_PROBLEMS = {
  demo: 'The demo ledger is read-only here: choose your own Sheet in the options to log promises and payments.',
  noClient: (client: string) =>
    `No client named "${client}" in the ledger: check the Clients tab, then sync.`,
  noMilestone: (ids: string) => `Milestone ${ids} is not in the ledger: check the Milestones tab, then sync.`,
  otherClient: (id: string, client: string) => `Milestone ${id} is not ${client}'s: pick one of theirs.`,
  noTab: (tab: string) => `The ${tab} tab is missing: run Setup from the Payladder menu in the Sheet.`,
  columns: (tab: string, missing: string[]) =>
    `The ${tab} tab has no ${missing.join(', ')} column: put the header back in row 1 (Setup does it).`,
  amount: (currency: string) => `Type the amount as a positive number of ${currency}, such as 1250.50.`,
  past: (date: IsoDate, made: IsoDate) =>
    `Promised by ${date} is before the day the promise was made (${made}): pick the date the client gave.`,
  madeLater: (made: IsoDate, today: IsoDate) =>
    `A promise made on ${made} is after today (${today}): check the date of the client's message.`,
  future: (date: IsoDate, today: IsoDate) =>
    `A payment dated ${date} is after today (${today}): record it on the day it arrives.`,
  writeAccess:
    'Payladder may only read your Sheet: turn on "Log sent reminders" in its options to let it write there.',
} as const;

export function createReplyActions(deps: ReplyActionDeps): ReplyActions {
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = chain.then(work, work);
    chain = next.catch(() => undefined);
    return next;
  };

  async function act(request: ReplyActionRequest): Promise<ReplyActionResult> {
    const prefs = await deps.preferences();
    const s = await deps.ledgerState();
    if (!s || !deps.matches(s, prefs)) return { status: 'no_ledger', message: '', summary: null };
    const summary = (): ClientSummary | null => summaryByName(s, request.client, deps.today(s));
    const problem = (message: string): ReplyActionResult => ({
      status: 'problem',
      message,
      summary: summary(),
    });
    if (s.source === 'demo' || !s.spreadsheetId) return problem(REPLY_PROBLEMS.demo);
    const client = findClient(s, request.client);
    if (!client) return problem(REPLY_PROBLEMS.noClient(request.client));
    const milestones = request.milestones.map((id) => s.ledger.milestones.find((m) => m.id === id));
    const first = milestones[0];
    if (!first || milestones.some((m) => !m))
      return problem(REPLY_PROBLEMS.noMilestone(request.milestones.join(', ')));
    const foreign = milestones.find((m) => m && m.client !== client.client);
    if (foreign) return problem(REPLY_PROBLEMS.otherClient(foreign.id, client.client));
    const failed = (error: unknown, tab: string): ReplyActionResult => {
      if (error instanceof SheetsError && error.code === 'range') return problem(REPLY_PROBLEMS.noTab(tab));
      if (error instanceof SheetsError && error.code === 'scope') {
        return { status: 'no_write_access', message: REPLY_PROBLEMS.writeAccess, summary: summary() };
      }
      return {
        status: 'failed',
        message: error instanceof Error ? error.message : String(error),
        summary: summary(),
      };
    };
    if (request.kind === 'dispute') {
      let plan;
      try {
        plan = await markDisputed(deps.sheets, s.spreadsheetId, milestones as Milestone[], request);
      } catch (error) {
        return failed(error, MILESTONES.name);
      }
      if (plan.kind === 'refused') return problem(plan.message);
      await deps.refresh(s);
      return { status: plan.kind === 'write' ? 'logged' : 'duplicate', message: '', summary: summary() };
    }
    const today = deps.today(s);
    const minor = request.amount === null ? null : toMinor(request.amount, first.currency);
    if (request.amount !== null && (minor === null || minor <= 0))
      return problem(REPLY_PROBLEMS.amount(first.currency));
    if (request.kind === 'payment' && minor === null) return problem(REPLY_PROBLEMS.amount(first.currency));
    const made = request.made ?? today;
    if (request.kind === 'promise' && made > today) return problem(REPLY_PROBLEMS.madeLater(made, today));
    if (request.kind === 'promise' && request.date < made)
      return problem(REPLY_PROBLEMS.past(request.date, made));
    if (request.kind === 'payment' && request.date > today)
      return problem(REPLY_PROBLEMS.future(request.date, today));

    const spec = request.kind === 'promise' ? PROMISES : PAYMENTS;
    const tab = spec.name;
    try {
      const raw = (await deps.sheets.batchGet(s.spreadsheetId, [tab]))[tab] ?? [];
      const header = raw[0];
      if (!header) return problem(REPLY_PROBLEMS.noTab(spec.name));
      const note = request.note?.trim() ?? '';
      if (request.kind === 'promise') {
        const entry = {
          date: made,
          milestones: milestones.flatMap((m) => (m ? [m.id] : [])),
          client: client.client,
          amount: request.amount,
          by: request.date,
          source: request.source,
          note,
        };
        if (
          hasPromise(s.ledger.promises, entry) ||
          sheetHasPromise(raw, entry, s.ledger.settings.locale, s.timeZone)
        ) {
          return { status: 'duplicate', message: '', summary: summary() };
        }
        const row = promiseRow(entry, header);
        if (!row.ok) return problem(REPLY_PROBLEMS.columns(tab, row.missing));
        const result = await deps.sheets.append(s.spreadsheetId, tab, row.row);
        const added: PromiseRow = { ...entry, row: result.row ?? raw.length + 1, amount: minor };
        s.ledger.promises.push(added);
      } else {
        const entry = {
          date: request.date,
          milestone: first.id,
          amount: request.amount as number,
          method: '',
          note: note === '' ? request.source : `${note} (${request.source})`,
        };
        const row = paymentRow(entry, header);
        if (!row.ok) return problem(REPLY_PROBLEMS.columns(tab, row.missing));
        const result = await deps.sheets.append(s.spreadsheetId, tab, row.row);
        const added: Payment = { ...entry, row: result.row ?? raw.length + 1, amount: minor as number };
        s.ledger.payments.push(added);
        const list = s.paymentsByMilestone.get(first.id);
        if (list) list.push(added);
        else s.paymentsByMilestone.set(first.id, [added]);
      }
    } catch (error) {
      return failed(error, tab);
    }
    await deps.refresh(s);
    return { status: 'logged', message: '', summary: summary() };
  }

  return {
    async readReply({ client, messages }) {
      const s = await deps.ledgerState();
      const found = s ? findClient(s, client) : null;
      if (!s || !found) return { reply: null };
      const today = deps.today(s);
      const sent = clientPart(s, found, today).reminders.filter((r) => r.channel !== 'draft');
      const after = sent.reduce<IsoDate | null>(
        (last, r) => (last === null || r.sent > last ? r.sent : last),
        null,
      );
      if (after === null) return { reply: null };
      let latest: { on: IsoDate; text: string } | null = null;
      for (const m of messages) {
        if (m.sender === null || m.date === null || matchClient(s.index, m.sender) !== found.client) continue;
        const on = readMessageDate(m.date, today);
        // Page order is time order: a later message of the same day wins.
        if (on !== null && (latest === null || on >= latest.on)) latest = { on, text: m.text };
      }
      // Only a day after the reminder's is surely after it: the same day may be before it.
      if (latest === null || latest.on <= after) return { reply: null };
      const promisedBy = latest.text === '' ? null : readPromisedDate(latest.text, latest.on, found.language);
      return { reply: { on: latest.on, after, promisedBy } };
    },
    replyAction: (request) => serial(() => act(request)),
  };
}
