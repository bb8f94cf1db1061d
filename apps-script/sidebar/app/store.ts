/**
 * The sidebar's state: one store made by a factory (signals), passed down through context,
 * so every test and every page load gets its own. Components read signals and call the
 * store's actions; only the store calls the server.
 */
import { batch, computed, signal } from '@preact/signals';
import type { Client, Language, MilestoneReport, ClientReport } from '../../../shared/model.ts';
import type {
  ActionResult,
  ConfirmSentInput,
  DraftReminderInput,
  LogPromiseInput,
  PackResult,
  PaymentPlanInput,
  PaymentPlanPreview,
  RecordPaymentInput,
  SelectCellInput,
  SetStatusInput,
  SidebarView,
} from '../../src/api.ts';
import { todayHeadline, todayWork } from '../../../shared/today.ts';
import type { ServerCall } from '../client.ts';
import { asError } from '../client.ts';
import { messageLocale } from '../../../shared/money.ts';
import { createFormatter } from '../i18n/formatter.ts';
import { messagesFor } from '../i18n/index.ts';

export type Route =
  { name: 'dashboard' } | { name: 'clients' } | { name: 'client'; client: string } | { name: 'problems' };

export interface Notice {
  kind: 'success' | 'error';
  text: string;
  /** Runs the failed call again. */
  retry?: () => void;
}

export interface StoreOptions {
  /** Language before the view arrives (the view's own language wins once loaded). */
  language?: Language;
  route?: Route;
}

/** The documentation pack last exported, for the download links beside its client. */
export interface ExportedPack {
  client: string;
  pack: PackResult;
}

export function createStore(call: ServerCall, options: StoreOptions = {}) {
  const view = signal<SidebarView | null>(null);
  /** `loading` only before the first view; a refresh keeps the last view on screen. */
  const loadState = signal<'loading' | 'ready' | 'error'>('loading');
  const loadError = signal<string | null>(null);
  const refreshing = signal(false);
  const route = signal<Route>(options.route ?? { name: 'dashboard' });
  /** The key of the action in flight (`recordPayment:SB-2`), or null. */
  const busy = signal<string | null>(null);
  const notice = signal<Notice | null>(null);
  const exported = signal<ExportedPack | null>(null);

  const language = computed<Language>(() => view.value?.language ?? options.language ?? 'en');
  const t = computed(() => messagesFor(language.value));
  // Money, dates and numbers in the UI language's locale (Italian: it-IT, always
  // "5.880,00 €"; English: the ledger's English locale, else en-GB), as problem texts.
  const format = computed(() =>
    createFormatter(messageLocale(language.value, view.value?.locale ?? 'en_GB')),
  );
  const milestoneById = computed(
    () => new Map<string, MilestoneReport>((view.value?.report.milestones ?? []).map((m) => [m.id, m])),
  );
  const clientByName = computed(
    () => new Map<string, Client>((view.value?.clients ?? []).map((c) => [c.client, c])),
  );
  /** Today's work as every surface counts it (shared/today.ts): messages, drafts, promises. */
  const work = computed(() => (view.value ? todayWork(view.value.report) : null));
  const headline = computed(() => (work.value ? todayHeadline(work.value, language.value) : ''));
  const clientReportByName = computed(
    () => new Map<string, ClientReport>((view.value?.report.clients ?? []).map((c) => [c.client, c])),
  );

  async function load(): Promise<void> {
    if (view.value === null) loadState.value = 'loading';
    refreshing.value = true;
    try {
      const fresh = await call('getSidebarView');
      batch(() => {
        view.value = fresh;
        loadState.value = 'ready';
        loadError.value = null;
        // Fresh numbers supersede an earlier failure; a success notice may stay.
        if (notice.value?.kind === 'error') notice.value = null;
      });
    } catch (error) {
      const message = asError(error).message;
      batch(() => {
        if (view.value === null) {
          loadState.value = 'error';
          loadError.value = message;
        } else {
          notice.value = { kind: 'error', text: t.value.actionFailed(message), retry: () => void load() };
        }
      });
    } finally {
      refreshing.value = false;
    }
  }

  /**
   * Runs one server action. One at a time: the sheet is the ledger, and two writes in
   * flight could interleave rows. An action's answer carries a fresh view, so totals never
   * go stale; a failure leaves a notice that can run the same call again.
   */
  async function act<T>(
    key: string,
    run: () => Promise<T>,
    done: (result: T) => string | null,
  ): Promise<T | null> {
    if (busy.value !== null) return null;
    batch(() => {
      busy.value = key;
      notice.value = null;
    });
    try {
      const result = await run();
      batch(() => {
        if (isActionResult(result)) view.value = result.view;
        const text = done(result);
        notice.value = text === null ? null : { kind: 'success', text };
      });
      return result;
    } catch (error) {
      notice.value = {
        kind: 'error',
        text: t.value.actionFailed(asError(error).message),
        retry: () => void act(key, run, done),
      };
      return null;
    } finally {
      busy.value = null;
    }
  }

  /** A typed amount (major units) in the milestone's currency, for a notice. */
  const money = (id: string, major: number) => {
    const m = milestoneById.value.get(id);
    return m ? format.value.moneyMajor(major, m.currency) : format.value.number(major);
  };

  return {
    view,
    loadState,
    loadError,
    refreshing,
    route,
    busy,
    notice,
    exported,
    language,
    t,
    format,
    milestoneById,
    clientByName,
    clientReportByName,
    work,
    headline,
    load,

    /** Opens a section; the last action's notice belongs to the section it was taken in. */
    go(next: Route): void {
      batch(() => {
        route.value = next;
        notice.value = null;
      });
    },
    dismissNotice(): void {
      notice.value = null;
    },

    recordPayment: (input: RecordPaymentInput) =>
      act(
        `recordPayment:${input.milestone}`,
        () => call('recordPayment', input),
        () => t.value.paymentRecorded(money(input.milestone, input.amount), input.milestone),
      ),

    setStatus: (input: SetStatusInput) =>
      act(
        `setMilestoneStatus:${input.milestone}`,
        () => call('setMilestoneStatus', input),
        () =>
          input.status === ''
            ? t.value.resumed(input.milestone)
            : t.value.statusSet(
                input.milestone,
                t.value.stages[input.status === 'Disputed' ? 'disputed' : 'on_hold'],
              ),
      ),

    logPromise: (input: LogPromiseInput) =>
      act(
        `logPromise:${input.milestone}`,
        () => call('logPromise', input),
        () => t.value.promiseLogged(input.milestone, format.value.date(input.by)),
      ),

    draftReminder: (input: DraftReminderInput) =>
      act(
        `draftReminder:${input.client}`,
        () => call('draftReminder', input),
        (r) => t.value.draftCreated(r.result.subject, r.result.to.join(', ')),
      ),

    confirmSent: (input: ConfirmSentInput) =>
      act(
        `confirmDraftSent:${input.link}`,
        () => call('confirmDraftSent', input),
        () => t.value.draftConfirmed(format.value.date(input.sentOn)),
      ),

    previewPlan: (key: string, input: PaymentPlanInput) =>
      act<PaymentPlanPreview>(
        `previewPaymentPlan:${key}`,
        () => call('previewPaymentPlan', input),
        () => null,
      ),

    /**
     * The preview again, after the ledger changed under an open one: read-only, so it runs
     * beside the action in flight and leaves the notice of that action alone.
     */
    repreviewPlan: (input: PaymentPlanInput) => call('previewPaymentPlan', input),

    createPlan: (key: string, input: PaymentPlanInput) =>
      act(
        `createPaymentPlan:${key}`,
        () => call('createPaymentPlan', input),
        (r) => t.value.planCreated(r.result.rows.length),
      ),

    writeOff: (milestone: string) =>
      act(
        `writeOffMilestone:${milestone}`,
        () => call('writeOffMilestone', { milestone, confirm: true }),
        () => t.value.writtenOff(milestone),
      ),

    exportPack: (client: string) =>
      act(
        `exportPack:${client}`,
        () => call('exportPack', { client }),
        (pack) => {
          exported.value = { client, pack };
          return t.value.packReady(pack.filename);
        },
      ),

    selectCell: (input: SelectCellInput) =>
      act(
        `selectCell:${input.tab}:${input.row ?? ''}:${input.column ?? ''}`,
        () => call('selectCell', input),
        () => null,
      ),

    jumpToMilestone: (milestone: string) =>
      act(
        `jumpToMilestone:${milestone}`,
        () => call('jumpToMilestone', { milestone }),
        () => null,
      ),
  };
}

export type Store = ReturnType<typeof createStore>;

function isActionResult(value: unknown): value is ActionResult<unknown> {
  return typeof value === 'object' && value !== null && 'view' in value && 'result' in value;
}
