/**
 * The Payladder menu, the simple triggers and the daily trigger. Each handler takes the
 * Services and does one thing; main.ts exposes them as Apps Script globals.
 */
import type { RawTab } from '../../../shared/index.ts';
import {
  addDays,
  findTabName,
  formatMoney,
  makePaymentPlan,
  PaymentPlanError,
  TABS,
} from '../../../shared/index.ts';
import type { MenuEntry, Services, SetupOutcome, UserInterface } from '../services.ts';
import type { DailyResult } from './drafts.ts';
import { DRAFT_BUDGET_MS, draftDue } from './drafts.ts';
import { goneDrafts } from './draft-status.ts';
import type { LoadedLedger } from './ledger.ts';
import { loadLedger, UserError } from './ledger.ts';
import { LOCK_WAIT, locked } from './locked.ts';
import { writeDemo } from './demo.ts';
import { clientPack } from './pack.ts';
import { recomputeUnlocked } from './recompute.ts';
import { applyPlan } from './server-api.ts';
import { planSetup } from './setup-plan.ts';

/** The handler the daily trigger calls; also the menu's "Draft due reminders". */
export const DAILY_HANDLER = 'draftDueReminders';

export const DAILY_RUN_NEEDS_BOUND_SCRIPT =
  'The daily run cannot work from the installed add-on: Google runs a scheduled add-on with no open spreadsheet, and Payladder only asks for access to the spreadsheet it is opened in. Use Draft due reminders from the menu each day, or bind Payladder to this sheet (Extensions → Apps Script) to schedule it.';
export const DEFAULT_DAILY_HOUR = 8;

export const MENU: readonly MenuEntry[] = [
  { caption: 'Open sidebar', functionName: 'showSidebar' },
  'separator',
  { caption: 'Set up ledger', functionName: 'setupLedger' },
  { caption: 'Load demo data', functionName: 'loadDemoData' },
  { caption: 'Recompute now', functionName: 'recomputeLedger' },
  'separator',
  { caption: 'Draft due reminders in Gmail', functionName: DAILY_HANDLER },
  { caption: 'Install daily run…', functionName: 'installDailyTrigger' },
  { caption: 'Remove daily run', functionName: 'removeDailyTrigger' },
  'separator',
  { caption: 'Payment plan for the selected milestone…', functionName: 'paymentPlanForSelection' },
  { caption: 'Documentation pack for the selected client', functionName: 'documentationPackForSelection' },
];

/** Tabs a typed value can change the computed columns through. */
const INPUT_TABS = TABS.filter((t) => t.key !== 'templates');

export interface Handlers {
  onOpen(): void;
  /** `tab` is the edited tab's name, or null when the event named none. */
  onEdit(tab: string | null): void;
  showSidebar(): void;
  setupLedger(): void;
  loadDemoData(): void;
  recomputeLedger(): void;
  /** `fromTrigger`: no one is watching, so nothing is shown and failures are thrown. */
  draftDueReminders(fromTrigger: boolean): DailyResult | null;
  installDailyTrigger(): void;
  removeDailyTrigger(): void;
  paymentPlanForSelection(): void;
  documentationPackForSelection(): void;
}

export function createHandlers(services: Services): Handlers {
  const ui = (): UserInterface => {
    const u = services.ui();
    if (!u) throw new Error('This action needs the spreadsheet open in a browser.');
    return u;
  };

  /** Menu actions: a problem the user can fix is an alert, anything else is thrown. */
  const fromMenu = (fn: () => void) => (): void => {
    try {
      fn();
    } catch (error) {
      if (error instanceof UserError) ui().alert('Payladder', error.message);
      else throw error;
    }
  };

  const setup = (): { outcome: SetupOutcome } => {
    const snapshot = services.readLedger();
    const outcome = services.applySetup(planSetup(snapshot));
    return { outcome };
  };

  const runDaily = (): { result: DailyResult; loaded: LoadedLedger } =>
    locked(services, LOCK_WAIT.trigger, () => {
      const now = services.now();
      // Read inside the lock: what an overlapping run logged is seen here.
      const { loaded } = recomputeUnlocked(services, now);
      // Earlier drafts first: at most GONE_CHECK_MAX Gmail calls, so the list is complete
      // whatever drafting then takes.
      const gone = goneDrafts(services, loaded, now.getTime() + DRAFT_BUDGET_MS);
      const result = draftDue(services, loaded, now.getTime());
      result.gone = gone;
      // The new Reminders rows move next actions on: write them to the sheet now.
      const after = result.drafted.length > 0 ? recomputeUnlocked(services, now).loaded : loaded;
      return { result, loaded: after };
    });

  return {
    onOpen() {
      services.ui()?.menu(MENU);
    },

    onEdit(tab) {
      if (tab === null || !INPUT_TABS.some((t) => findTabName(t, [tab]) !== null)) return;
      // A simple trigger: skip when another run holds the lock, that run or the next edit
      // brings the computed columns up to date.
      services.withDocumentLock(LOCK_WAIT.edit, () => recomputeUnlocked(services, undefined, 'computed'));
    },

    showSidebar() {
      ui().showSidebar();
    },

    setupLedger: fromMenu(() => {
      const { outcome } = locked(services, LOCK_WAIT.interactive, () => {
        const result = setup();
        recomputeUnlocked(services);
        return result;
      });
      const parts: string[] = [];
      if (outcome.createdTabs.length > 0) parts.push(`Created tabs: ${outcome.createdTabs.join(', ')}.`);
      if (outcome.addedColumns.length > 0)
        parts.push(`Added columns: ${outcome.addedColumns.map((c) => `${c.tab} → ${c.header}`).join(', ')}.`);
      if (outcome.addedSettings.length > 0)
        parts.push(`Added settings: ${outcome.addedSettings.join(', ')}.`);
      ui().toast(
        parts.length > 0 ? parts.join(' ') : 'The ledger was already set up; nothing changed.',
        'Payladder',
      );
    }),

    loadDemoData: fromMenu(() => {
      const loaded = locked(services, LOCK_WAIT.interactive, () => {
        setup();
        const before = loadLedger(services);
        const filled = TABS.filter((t) => t.key !== 'settings').filter(
          (t) =>
            (before.layout[t.key]?.rowCount ?? 0) > 0 &&
            hasData(before.snapshot.tabs[before.layout[t.key]?.name ?? '']),
        );
        if (filled.length > 0) {
          throw new UserError(
            `Demo data goes into an empty ledger only, and ${filled.map((t) => t.name).join(', ')} already ${filled.length === 1 ? 'has' : 'have'} rows. Try it in a new spreadsheet.`,
          );
        }
        writeDemo(services, before);
        return recomputeUnlocked(services).loaded;
      });
      ui().toast(
        `Demo ledger loaded: ${loaded.report.milestones.length} milestones, ${loaded.report.problems.length} problems on purpose. Open the sidebar to explore.`,
        'Payladder',
      );
    }),

    recomputeLedger: fromMenu(() => {
      const { loaded, cellsWritten, missing } = locked(services, LOCK_WAIT.interactive, () =>
        recomputeUnlocked(services, undefined, 'computed'),
      );
      const r = loaded.report;
      const skipped = loaded.snapshot.skipped;
      const unread =
        skipped.length > 0 ? ` (${skipped.join(' and ')} not checked: the sidebar lists every tab's)` : '';
      const setupHint =
        missing.length > 0 ? ` Missing columns (${missing.join(', ')}): run Set up ledger.` : '';
      ui().toast(
        `${r.milestones.length} milestones, ${r.dueTodayCount} with an action due, ${r.problems.length} problems${unread}; ${cellsWritten} cells updated.${setupHint}`,
        'Payladder recomputed',
      );
    }),

    draftDueReminders(fromTrigger) {
      if (fromTrigger) {
        const { result } = runDaily();
        services.log(
          `Payladder daily run: ${result.drafted.length} drafts, ${result.skipped.length} already drafted, ${result.deferred.length} left for the next run, ${result.failed.length} failed, ${result.gone.length} earlier drafts gone from Gmail.`,
        );
        if (result.failed.length > 0)
          throw new Error(
            `${result.failed.length} drafts failed: ${result.failed.map((f) => f.error).join('; ')}`,
          );
        return result;
      }
      let outcome: DailyResult | null = null;
      fromMenu(() => {
        const { result } = runDaily();
        outcome = result;
        const lines = result.drafted.map((d) => `• ${d.client}: ${d.subject} (${d.milestones.join(', ')})`);
        if (result.skipped.length > 0) lines.push(`Already drafted today: ${result.skipped.join(', ')}.`);
        if (result.deferred.length > 0)
          lines.push(`Out of time; run it again for: ${result.deferred.join(', ')}.`);
        for (const f of result.failed) lines.push(`✖ ${f.client}: ${f.error}`);
        ui().alert(
          result.drafted.length > 0
            ? `${result.drafted.length} drafts in Gmail → Drafts`
            : 'No reminders due',
          lines.length > 0 ? lines.join('\n') : 'No client has a reminder due today.',
        );
      })();
      return outcome;
    },

    installDailyTrigger: fromMenu(() => {
      // An Editor add-on's time-driven trigger runs with no active spreadsheet, and opening
      // the ledger by id needs the whole-Drive `spreadsheets` scope the add-on does not ask
      // for (SpreadsheetApp.openById's reference page). Such a trigger would fail every day
      // out of sight, so it is not installed and the user is told why.
      if (services.isAddOn()) throw new UserError(DAILY_RUN_NEEDS_BOUND_SCRIPT);
      const zone = services.readLedger().timeZone;
      const answer = ui().prompt(
        'Daily run',
        `At which hour should Payladder recompute and draft due reminders every day? 0–23, ${zone} time (default ${DEFAULT_DAILY_HOUR}).`,
      );
      if (answer === null) return;
      const hour = answer.trim() === '' ? DEFAULT_DAILY_HOUR : Number(answer.trim());
      if (!Number.isInteger(hour) || hour < 0 || hour > 23)
        throw new UserError(`"${answer}" is not an hour from 0 to 23.`);
      services.installDailyTrigger(hour, zone, DAILY_HANDLER);
      ui().alert(
        'Daily run installed',
        `Every day between ${hour}:00 and ${hour + 1}:00 (${zone}) Payladder recomputes the ledger and drafts due reminders in Gmail. It never sends them.`,
      );
    }),

    removeDailyTrigger: fromMenu(() => {
      const removed = services.removeDailyTrigger();
      ui().toast(removed ? 'Daily run removed.' : 'There was no daily run to remove.', 'Payladder');
    }),

    paymentPlanForSelection: fromMenu(() => {
      const cell = services.activeCell();
      const loaded = loadLedger(services);
      const layout = loaded.layout.milestones;
      const m =
        cell && layout && cell.tab === layout.name
          ? loaded.report.milestones.find((x) => x.row === cell.row)
          : undefined;
      if (!m) throw new UserError('Select a cell in the row of a milestone in the Milestones tab first.');
      const answer = ui().prompt(
        `Payment plan for ${m.id}`,
        `${formatMoney(m.outstanding, m.currency, loaded.ledger.settings.locale)} outstanding. How many monthly instalments, the first one week from today? (default 3)`,
      );
      if (answer === null) return;
      const instalments = answer.trim() === '' ? 3 : Number(answer.trim());
      const planOf = (l: LoadedLedger) => {
        try {
          return makePaymentPlan({
            ledger: l.ledger,
            report: l.report,
            milestones: [m.id],
            instalments,
            interval: 'monthly',
            start: addDays(l.today, 7),
            keepUnderSmallClaimsLimit: true,
          });
        } catch (error) {
          if (error instanceof PaymentPlanError) throw new UserError(error.message);
          throw error;
        }
      };
      const preview = planOf(loaded);
      const lines = preview.instalments.map(
        (i) =>
          `${i.id}: ${formatMoney(i.amount, preview.currency, loaded.ledger.settings.locale)} due ${i.dueDate}`,
      );
      const ok = ui().confirm(
        `Payment plan for ${m.id}`,
        [
          ...lines,
          ...preview.warnings.map((w) => `⚠ ${w.message}`),
          '',
          `Add these rows and mark ${m.id} Renegotiated?`,
        ].join('\n'),
      );
      if (!ok) return;
      locked(services, LOCK_WAIT.interactive, () => {
        const now = services.now();
        const fresh = loadLedger(services, now);
        applyPlan(services, fresh, planOf(fresh));
        recomputeUnlocked(services, now);
      });
      ui().toast(`Payment plan added: ${preview.instalments.length} instalments.`, 'Payladder');
    }),

    documentationPackForSelection: fromMenu(() => {
      const cell = services.activeCell();
      const loaded = loadLedger(services);
      const client = cell ? clientAt(loaded, cell.tab, cell.row) : null;
      if (!client)
        throw new UserError(
          'Select a cell in a client’s row (Clients tab) or one of their milestones first.',
        );
      const pack = clientPack(loaded.ledger, loaded.report, client);
      ui().showDialog(`Documentation pack: ${client}`, pack.html);
    }),
  };
}

/** True when a tab has a data row with any content. */
function hasData(values: RawTab | undefined): boolean {
  return (values ?? []).slice(1).some((row) => row.some((cell) => String(cell ?? '').trim() !== ''));
}

function clientAt(loaded: LoadedLedger, tab: string, row: number): string | null {
  if (tab === loaded.layout.clients?.name)
    return loaded.ledger.clients.find((c) => c.row === row)?.client ?? null;
  if (tab === loaded.layout.milestones?.name)
    return loaded.ledger.milestones.find((m) => m.row === row)?.client ?? null;
  return null;
}
