/**
 * The background's one service: reads the ledger (ONE values.batchGet per sync, metadata
 * cached), parses it with the core, keeps it in memory and in storage, writes the popup's
 * view and the badge, answers the Gmail overlay, and logs sent reminders in the Reminders
 * tab through a queue that survives failures and restarts.
 *
 * Concurrency: one sync at a time (a second caller shares the running one), one queue
 * flush at a time, and every change to the reminder log goes through `mutateLog`, so a
 * reminder reported while a flush is running is never lost.
 */
import type {
  ChangeOrder,
  Client,
  ClientReport,
  IsoDate,
  MilestoneReport,
  RawLedger,
  Reminder,
  Settings,
  TemplateRow,
} from '../../shared/index.ts';
import {
  DEMO_SHEET,
  REMINDERS,
  TABS,
  cellText,
  computeReport,
  demoLedger,
  findTabName,
  locateColumns,
  parseLedger,
  todayIn,
} from '../../shared/index.ts';
import type { Auth, AuthState } from '../auth/auth.ts';
import { SHEETS_READONLY_SCOPE, SHEETS_SCOPE, covers, scopeFor } from '../auth/scopes.ts';
import { SYNC_BACKOFF, backoffDelay } from '../sheets/backoff.ts';
import type { SheetMeta, SheetsClient } from '../sheets/client.ts';
import { createSheetsClient } from '../sheets/client.ts';
import { SheetsError } from '../sheets/errors.ts';
import { spreadsheetIdFrom } from '../sheets/spreadsheet-id.ts';
import { resolveLang } from '../ui/i18n.ts';
import type { BadgeApi } from './badge.ts';
import { applyBadge, badgeFor } from './badge.ts';
import type { ClientSummary } from './client-summary.ts';
import { lookupClient, summaryByName } from './client-summary.ts';
import type { ErrorPlace } from './errors.ts';
import { isRetryable, isUncertain, syncError, toSyncError } from './errors.ts';
import type {
  CachedMeta,
  DemoReminder,
  Preferences,
  QueuedReminder,
  ReminderLog,
  ReminderRequest,
  SyncError,
  SyncStatus,
} from './items.ts';
import {
  IDLE_STATUS,
  Preferences as PreferencesSchema,
  ReminderRequest as ReminderRequestSchema,
  demoRemindersItem,
  metaItem,
  preferencesItem,
  reminderLogItem,
  statusItem,
  viewItem,
} from './items.ts';
import type { CachedLedger, RemindersHeader, WriteFigures } from './ledger-cache.ts';
import { ledgerItem, readLedgerCache, writeLedgerCache } from './ledger-cache.ts';
import type { LedgerState } from './ledger-state.ts';
import { addressedTo, clientPart, clientSlice, findClient, makeLedgerState } from './ledger-state.ts';
import { LOGGED_KEYS_KEPT, asReminder, isInLedger, reminderKey, reminderRow } from './reminder-log.ts';
import { splitQueue } from './queue-split.ts';
import type { Stored } from './stored.ts';
import type { RenderedMessages, RenderOptions } from './render-messages.ts';
import { type ReplyActions, createReplyActions } from './reply-actions.ts';
import { renderMessagesFor } from './render-messages.ts';
import type { PopupView } from './view.ts';
import { buildView } from './view.ts';

export const SYNC_ALARM = 'payladder:sync';
export const RETRY_ALARM = 'payladder:retry';

/** Metadata is read again after this long, or sooner while a ledger tab is missing (the user may be adding it). */
const META_MAX_AGE_MS = 24 * 3600_000;
const META_MAX_AGE_INCOMPLETE_MS = 3600_000;
/** chrome.alarms fires no sooner than 30 s after it is set (Chrome 120+). */
const MIN_RETRY_MS = 30_000;

export interface AlarmsApi {
  create(
    name: string,
    info: { when?: number; delayInMinutes?: number; periodInMinutes?: number },
  ): Promise<void> | void;
  clear(name: string): Promise<boolean>;
  get(name: string): Promise<{ name: string; periodInMinutes?: number } | undefined>;
}

export interface SyncServiceDeps {
  fetch: typeof fetch;
  auth: Auth;
  badge: BadgeApi;
  alarms: AlarmsApi;
  now: () => number;
  random?: () => number;
  isOnline?: () => boolean;
  /** The browser's UI language (`navigator.language`), for `language: 'auto'`. */
  browserLanguage?: () => string;
  sleep?: (ms: number) => Promise<void>;
  requestTimeoutMs?: number;
  /** Storage items, replaceable in tests. */
  items?: Partial<ServiceItems>;
}

export interface ServiceItems {
  preferences: Stored<Preferences>;
  status: Stored<SyncStatus>;
  view: Stored<PopupView | null>;
  meta: Stored<CachedMeta | null>;
  reminderLog: Stored<ReminderLog>;
  demoReminders: Stored<DemoReminder[]>;
  ledger: typeof ledgerItem;
}

/** What `status()` answers: everything the popup shows besides the view. */
export interface StatusReply {
  configured: boolean;
  demo: boolean;
  spreadsheetId: string | null;
  title: string | null;
  syncing: boolean;
  lastAttemptAt: number | null;
  lastSuccessAt: number | null;
  /** ms since the last success; null before the first. */
  ageMs: number | null;
  /** Older than the sync interval. */
  stale: boolean;
  error: SyncError | null;
  nextRetryAt: number | null;
  /** Requests the last sync sent to the Sheets API. */
  requests: number;
  auth: AuthState;
  logging: boolean;
  syncMinutes: number;
  /** Reminders waiting to be logged into the ledger chosen now. */
  queue: { pending: number; lastError: SyncError | null; otherLedgers: OtherLedgerQueue[] };
  dueTodayCount: number | null;
}

/** Reminders queued for a ledger other than the one chosen now (they wait for it). */
export interface OtherLedgerQueue {
  /** The spreadsheet's ID; null: the demo ledger; undefined: not recorded (queued by an older version). */
  spreadsheetId: string | null | undefined;
  count: number;
}

/**
 * `not_addressed`: no To recipient of the message is the client's (an address or `@domain`
 * entry of theirs in the ledger); nothing is logged. `no_ledger`: no ledger is loaded to
 * check the recipients against; nothing is logged.
 */
export type LogReminderStatus =
  'logged' | 'queued' | 'duplicate' | 'disabled' | 'not_addressed' | 'no_ledger';

export interface LogReminderResult {
  status: LogReminderStatus;
  key: string;
  /** Reminders still waiting in the queue. */
  pending: number;
  /** Why it is still queued, when it is. */
  error: SyncError | null;
}

export interface ClientListEntry {
  client: string;
  emails: string[];
}

/** The ledger slice and report rows the message templates need for one client. */
export interface MessageContext {
  client: Client;
  settings: Settings;
  report: ClientReport;
  milestones: MilestoneReport[];
  reminders: Reminder[];
  changeOrders: ChangeOrder[];
  templates: TemplateRow[];
  today: IsoDate;
}

export interface RenderMessagesRequest extends RenderOptions {
  client?: string;
  addresses?: string[];
  exclude?: string[];
}

export interface ConnectionTest {
  ok: boolean;
  spreadsheetId: string | null;
  title: string | null;
  tabsFound: string[];
  tabsMissing: string[];
  error: SyncError | null;
}

export interface SyncOptions {
  /** Skip the sync when the data is younger than the interval and the last sync succeeded. */
  ifStale?: boolean;
}

export interface SyncService {
  sync(options?: SyncOptions): Promise<StatusReply>;
  status(): Promise<StatusReply>;
  lookup(request: {
    addresses?: string[];
    exclude?: string[];
    client?: string;
  }): Promise<ClientSummary | null>;
  clientList(): Promise<ClientListEntry[]>;
  logReminder(request: ReminderRequest): Promise<LogReminderResult>;
  messageContext(client: string): Promise<MessageContext | null>;
  /** The client named, or the first of `addresses` that is a client; null when none is. */
  renderMessages(request: RenderMessagesRequest): Promise<RenderedMessages | null>;
  /** The in-memory ledger (loaded from the cache when the worker was restarted). */
  ledgerState(): Promise<LedgerState | null>;
  signIn(): Promise<StatusReply>;
  /**
   * Asks the signed-in user for write access (incremental authorization), for logging sent
   * reminders; then sends what waits in the queue. Throws AuthError when refused.
   */
  grantWrite(): Promise<StatusReply>;
  signOut(): Promise<StatusReply>;
  savePreferences(patch: Partial<Preferences>): Promise<Preferences>;
  testConnection(spreadsheet: string): Promise<ConnectionTest>;
  flushQueue(): Promise<void>;
  /** Drops the reminders queued for another ledger than the one chosen now (the user's choice). */
  discardOtherQueued(): Promise<StatusReply>;
  /** Alarms, browser start, extension install or update. */
  onAlarm(name: string): Promise<void>;
  onStartup(): Promise<void>;
  /** A Gmail tab came to the front. */
  onGmailFocus(): Promise<void>;
  /** Figures of the last cache write, for the benchmark. */
  lastWrite(): WriteFigures | null;
  /** The chip's actions on a client's reply (reply-actions.ts). */
  replies: ReplyActions;
}

/**
 * Runs `work` and leaves one `performance` measure named `payladder:<name>` (the last run's
 * only), for the benchmark and for anyone profiling the service worker in DevTools.
 */
async function timed<T>(name: string, work: () => T | Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    performance.clearMeasures(`payladder:${name}`);
    performance.measure(`payladder:${name}`, { start, end: performance.now() });
  }
}

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function ledgerTabs(tabs: readonly string[]): string[] {
  return TABS.map((t) => findTabName(t, tabs)).filter((n): n is string => n !== null);
}

function metaExpired(meta: CachedMeta, now: number): boolean {
  const complete = ledgerTabs(meta.tabs).length === TABS.length;
  return now - meta.fetchedAt > (complete ? META_MAX_AGE_MS : META_MAX_AGE_INCOMPLETE_MS);
}

/** A demo reminder as the demo's Reminders tab holds it (plain values: no Sheets in between). */
function demoRow(header: readonly unknown[], r: DemoReminder): unknown[] {
  const columns = locateColumns(REMINDERS, header);
  const row: unknown[] = new Array<unknown>(header.length).fill('');
  const values: Record<string, string> = {
    Sent: r.sent,
    Milestone: r.milestones.join(', '),
    Client: r.client,
    Stage: r.stage,
    Template: r.template,
    To: r.to,
    Subject: r.subject,
    Channel: r.channel,
    Link: r.link,
  };
  for (const [name, value] of Object.entries(values)) {
    const i = columns.get(name);
    if (i !== undefined) row[i] = value;
  }
  return row;
}

export function createSyncService(deps: SyncServiceDeps): SyncService {
  const { auth, now } = deps;
  const random = deps.random ?? Math.random;
  const items: ServiceItems = {
    preferences: preferencesItem,
    status: statusItem,
    view: viewItem,
    meta: metaItem,
    reminderLog: reminderLogItem,
    demoReminders: demoRemindersItem,
    ledger: ledgerItem,
    ...deps.items,
  };

  let requests = 0;
  const sheets: SheetsClient = createSheetsClient({
    fetch: (input, init) => {
      requests++;
      return deps.fetch(input, init);
    },
    // Reads go with a read-only token even when write access was granted (least privilege
    // per request); only an append asks for the write scope.
    getToken: async (access) => {
      if (access === 'read') return auth.token(SHEETS_READONLY_SCOPE);
      const token = await auth.token(SHEETS_SCOPE);
      // Signed in without write access: say so, rather than "sign in".
      if (token === null && (await auth.state()).signedIn) throw new SheetsError('scope');
      return token;
    },
    dropToken: (token) => auth.drop(token),
    isOnline: deps.isOnline ?? (() => true),
    random,
    now,
    ...(deps.sleep ? { sleep: deps.sleep } : {}),
    ...(deps.requestTimeoutMs ? { timeoutMs: deps.requestTimeoutMs } : {}),
  });

  // undefined: not loaded from the cache yet in this worker's life; null: nothing cached.
  let state: LedgerState | null | undefined;
  let loading: Promise<LedgerState | null> | null = null;
  let running: Promise<void> | null = null;
  let runningForced = false;
  let queued: Promise<void> | null = null;
  let flushing: Promise<void> | null = null;
  let logChain: Promise<unknown> = Promise.resolve();
  let written: WriteFigures | null = null;

  const matches = (s: LedgerState | null, prefs: Preferences) =>
    s !== null &&
    (prefs.demo ? s.source === 'demo' : s.source === 'sheet' && s.spreadsheetId === prefs.spreadsheetId);

  async function ledgerState(): Promise<LedgerState | null> {
    if (state !== undefined) return state;
    loading ??= (async () => {
      const [cached, prefs, status] = await Promise.all([
        timed('cache-read', () => readLedgerCache(items.ledger)),
        items.preferences.get(),
        items.status.get(),
      ]);
      // An unchanged sheet is not written again, so the last success may be later than the cache.
      if (cached && status.lastSuccessAt !== null && status.lastSuccessAt > cached.syncedAt) {
        cached.syncedAt = status.lastSuccessAt;
      }
      const loaded = cached ? await timed('index', () => makeLedgerState(cached)) : null;
      // A sync may have finished while the cache was being read: its state is newer.
      if (state === undefined) state = matches(loaded, prefs) ? loaded : null;
      return state;
    })().finally(() => (loading = null));
    return loading;
  }

  function todayFor(s: LedgerState): IsoDate {
    return todayIn(s.ledger.settings.timeZone, new Date(now()));
  }

  async function place(prefs: Preferences): Promise<ErrorPlace> {
    const meta = await items.meta.get();
    const id = prefs.demo ? null : prefs.spreadsheetId;
    return {
      spreadsheetId: id,
      sheetTitle: prefs.demo ? DEMO_SHEET.title : meta && meta.spreadsheetId === id ? meta.title : null,
      at: now(),
    };
  }

  async function refreshBadge(): Promise<void> {
    const [view, status, prefs] = await Promise.all([
      items.view.get(),
      items.status.get(),
      items.preferences.get(),
    ]);
    const lang = resolveLang(prefs.language, deps.browserLanguage?.() ?? 'en');
    await applyBadge(deps.badge, badgeFor(view, status, lang, now()));
  }

  async function ensureSchedule(prefs: Preferences): Promise<void> {
    const existing = await deps.alarms.get(SYNC_ALARM);
    if (existing?.periodInMinutes === prefs.syncMinutes) return;
    await deps.alarms.create(SYNC_ALARM, {
      periodInMinutes: prefs.syncMinutes,
      delayInMinutes: prefs.syncMinutes,
    });
  }

  async function fetchMeta(id: string): Promise<CachedMeta> {
    const meta: CachedMeta = { ...(await sheets.metadata(id)), fetchedAt: now() };
    await items.meta.set(meta);
    return meta;
  }

  interface Loaded {
    raw: RawLedger;
    meta: Pick<SheetMeta, 'title' | 'locale' | 'timeZone'>;
  }

  async function readSheet(id: string): Promise<Loaded> {
    let meta = await items.meta.get();
    let fresh = false;
    if (!meta || meta.spreadsheetId !== id || metaExpired(meta, now())) {
      meta = await fetchMeta(id);
      fresh = true;
    }
    try {
      return { raw: await sheets.batchGet(id, ledgerTabs(meta.tabs)), meta };
    } catch (error) {
      // A tab renamed since the metadata was kept: read the tab names again, once.
      if (!(error instanceof SheetsError) || error.code !== 'range' || fresh) throw error;
      meta = await fetchMeta(id);
      return { raw: await sheets.batchGet(id, ledgerTabs(meta.tabs)), meta };
    }
  }

  async function readDemo(): Promise<Loaded> {
    const raw = demoLedger(todayIn(DEMO_SHEET.timeZone, new Date(now())));
    const logged = await items.demoReminders.get();
    const tab = findTabName(REMINDERS, Object.keys(raw));
    const rows = tab === null ? undefined : raw[tab];
    if (rows && rows[0]) for (const r of logged) rows.push(demoRow(rows[0], r));
    return { raw, meta: DEMO_SHEET };
  }

  /** Parse, compute, keep: the same for a sheet and for the demo. */
  async function ingest(loaded: Loaded, prefs: Preferences, syncedAt: number): Promise<LedgerState> {
    const fingerprint = await timed('fingerprint', () =>
      sha256(JSON.stringify([loaded.meta.title, loaded.meta.locale, loaded.meta.timeZone, loaded.raw])),
    );
    const current = await ledgerState();
    if (current && matches(current, prefs) && current.fingerprint === fingerprint) {
      // The sheet is as it was: only the date can move the figures. No parse, no cache write.
      current.syncedAt = syncedAt;
      const today = todayFor(current);
      const report = await timed('report', () => computeReport(current.ledger, current.problems, today));
      const view = await timed('view', () =>
        buildView(report, current.ledger, {
          source: current.source,
          spreadsheetId: current.spreadsheetId,
          title: current.title,
          syncedAt,
        }),
      );
      await items.view.set(view);
      return current;
    }
    const parsed = await timed('parse', () =>
      parseLedger(loaded.raw, { locale: loaded.meta.locale, timeZone: loaded.meta.timeZone }),
    );
    const today = todayIn(parsed.ledger.settings.timeZone, new Date(now()));
    const report = await timed('report', () => computeReport(parsed.ledger, parsed.problems, today));
    const layout = parsed.layout.reminders;
    const header = layout ? loaded.raw[layout.name]?.[0] : undefined;
    const reminders: RemindersHeader | null =
      layout && header ? { tab: layout.name, header: header.map((h) => cellText(h)) } : null;
    const cache: CachedLedger = {
      source: prefs.demo ? 'demo' : 'sheet',
      spreadsheetId: prefs.demo ? null : prefs.spreadsheetId,
      syncedAt,
      title: loaded.meta.title,
      locale: parsed.ledger.settings.locale,
      timeZone: parsed.ledger.settings.timeZone,
      reminders,
      fingerprint,
      ledger: parsed.ledger,
      problems: parsed.problems,
    };
    const next = await timed('index', () => makeLedgerState(cache));
    state = next;
    const view = await timed('view', () =>
      buildView(report, parsed.ledger, {
        source: cache.source,
        spreadsheetId: cache.spreadsheetId,
        title: cache.title,
        syncedAt,
      }),
    );
    // The view first: the popup shows the new figures while the ledger is compressed.
    await items.view.set(view);
    await saveLedger(next);
    return next;
  }

  async function saveLedger(s: LedgerState): Promise<void> {
    try {
      written = await timed('cache-write', () => writeLedgerCache(s, items.ledger));
    } catch (error) {
      // Over quota or a storage failure: the popup's view is written and the ledger stays in
      // memory; only a worker restart before the next sync loses the overlay's data.
      console.warn(
        'Payladder: the ledger could not be cached',
        error instanceof Error ? error.message : error,
      );
    }
  }

  async function runSync(options: SyncOptions): Promise<void> {
    const prefs = await items.preferences.get();
    const started = now();
    const before = await items.status.get();
    if (!prefs.demo && !prefs.spreadsheetId) {
      await items.status.set({ ...IDLE_STATUS, error: syncError('not_configured', await place(prefs)) });
      await refreshBadge();
      return;
    }
    if (options.ifStale && before.error === null && before.lastSuccessAt !== null) {
      const fresh = started - before.lastSuccessAt < prefs.syncMinutes * 60_000;
      if (fresh && matches(await ledgerState(), prefs)) return;
    }
    requests = 0;
    await items.status.set({ ...before, syncing: true, lastAttemptAt: started });
    try {
      const loaded = prefs.demo ? await readDemo() : await readSheet(prefs.spreadsheetId as string);
      await ingest(loaded, prefs, now());
      await items.status.set({
        syncing: false,
        lastAttemptAt: started,
        lastSuccessAt: now(),
        error: null,
        failures: 0,
        nextRetryAt: null,
        requests,
      });
      await deps.alarms.clear(RETRY_ALARM);
    } catch (error) {
      const failure = toSyncError(error, await place(prefs));
      const failures = before.failures + 1;
      let nextRetryAt: number | null = null;
      if (isRetryable(failure.code)) {
        const delay = Math.min(prefs.syncMinutes * 60_000, backoffDelay(failures - 1, SYNC_BACKOFF, random));
        nextRetryAt = now() + Math.max(MIN_RETRY_MS, delay);
        await deps.alarms.create(RETRY_ALARM, { when: nextRetryAt });
      }
      await items.status.set({
        ...before,
        syncing: false,
        lastAttemptAt: started,
        error: failure,
        failures,
        nextRetryAt,
        requests,
      });
    }
    await refreshBadge();
    const status = await items.status.get();
    if (status.error === null) await flushQueue(true);
  }

  /**
   * One sync at a time: callers share the running one. A forced sync (Refresh) asked while
   * an `ifStale` one runs, which may skip, runs after it, once for all such callers.
   */
  function sync(options: SyncOptions = {}): Promise<void> {
    const forced = !options.ifStale;
    if (!running) {
      runningForced = forced;
      running = runSync(options).finally(() => (running = null));
      return running;
    }
    if (!forced || runningForced) return running;
    queued ??= running
      .catch(() => undefined)
      .then(() => {
        queued = null;
        return sync({});
      });
    return queued;
  }

  async function status(): Promise<StatusReply> {
    const [prefs, st, view, log, authState] = await Promise.all([
      items.preferences.get(),
      items.status.get(),
      items.view.get(),
      items.reminderLog.get(),
      auth.state(),
    ]);
    const meta = await items.meta.get();
    const ageMs = st.lastSuccessAt === null ? null : Math.max(0, now() - st.lastSuccessAt);
    return {
      configured: prefs.demo || prefs.spreadsheetId !== null,
      demo: prefs.demo,
      spreadsheetId: prefs.spreadsheetId,
      title: prefs.demo
        ? DEMO_SHEET.title
        : (view?.title ?? (meta?.spreadsheetId === prefs.spreadsheetId ? meta.title : null)),
      syncing: running !== null,
      lastAttemptAt: st.lastAttemptAt,
      lastSuccessAt: st.lastSuccessAt,
      ageMs,
      stale: ageMs === null || ageMs > prefs.syncMinutes * 60_000,
      error: st.error,
      nextRetryAt: st.nextRetryAt,
      requests: st.requests,
      auth: authState,
      logging: prefs.logging,
      syncMinutes: prefs.syncMinutes,
      queue: queueFigures(log, prefs),
      dueTodayCount: view?.dueTodayCount ?? null,
    };
  }

  function queueFigures(log: ReminderLog, prefs: Preferences): StatusReply['queue'] {
    const { current, other } = splitQueue(log.queue, prefs);
    const others = new Map<string | null | undefined, number>();
    for (const q of other) others.set(q.spreadsheetId, (others.get(q.spreadsheetId) ?? 0) + 1);
    return {
      pending: current.length,
      lastError: current.find((q) => q.lastError)?.lastError ?? null,
      otherLedgers: [...others].map(([spreadsheetId, count]) => ({ spreadsheetId, count })),
    };
  }

  /** Serialises changes to the reminder log (read, change, write) so none is lost. */
  function mutateLog<T>(change: (log: ReminderLog) => { log: ReminderLog; result: T }): Promise<T> {
    const next = logChain.then(async () => {
      const { log, result } = change(await items.reminderLog.get());
      await items.reminderLog.set(log);
      return result;
    });
    logChain = next.catch(() => undefined);
    return next;
  }

  const markLogged = (key: string) =>
    mutateLog((log) => ({
      log: {
        queue: log.queue.filter((q) => q.key !== key),
        logged: [...log.logged.filter((l) => l.key !== key), { key, at: now() }].slice(-LOGGED_KEYS_KEPT),
      },
      result: undefined,
    }));

  const updateEntry = (key: string, patch: Partial<QueuedReminder>) =>
    mutateLog((log) => ({
      log: { ...log, queue: log.queue.map((q) => (q.key === key ? { ...q, ...patch } : q)) },
      result: undefined,
    }));

  /** Recomputes the popup's view after reminders were logged (no request: the rows are known). */
  async function refreshView(s: LedgerState): Promise<void> {
    const report = computeReport(s.ledger, s.problems, todayFor(s));
    await items.view.set(
      buildView(report, s.ledger, {
        source: s.source,
        spreadsheetId: s.spreadsheetId,
        title: s.title,
        syncedAt: s.syncedAt,
      }),
    );
    await saveLedger(s);
    await refreshBadge();
  }

  async function flushDemo(queue: QueuedReminder[]): Promise<void> {
    const timeZone = DEMO_SHEET.timeZone;
    const logged = await items.demoReminders.get();
    const added: DemoReminder[] = queue.map((q) => {
      const r = asReminder(q, 2, timeZone);
      return { ...r, stage: q.stage, channel: q.channel };
    });
    await items.demoReminders.set([...logged, ...added]);
    for (const q of queue) await markLogged(q.key);
    // The demo is local: read it again at once so the logged reminder moves the ladder.
    state = await ingest(await readDemo(), await items.preferences.get(), now());
    await refreshBadge();
  }

  async function runFlush(afterSync: boolean): Promise<void> {
    const prefs = await items.preferences.get();
    if (!prefs.logging) return;
    // Only what was queued for the ledger chosen now: the others wait for theirs.
    const queue = splitQueue((await items.reminderLog.get()).queue, prefs).current;
    if (queue.length === 0) return;
    if (prefs.demo) return flushDemo(queue);
    const s = await ledgerState();
    // Rows are placed by the header of the last read: without a read of this sheet, wait for one.
    if (!s || !matches(s, prefs) || !prefs.spreadsheetId) return;
    const where = await place(prefs);
    let appended = false;
    for (const entry of queue) {
      if (entry.uncertain) {
        // The last attempt may have landed: only a read taken after it can tell.
        if (!afterSync) continue;
        if (isInLedger(entry, s.ledger.reminders, s.timeZone)) {
          await markLogged(entry.key);
          continue;
        }
      }
      const row = s.reminders ? reminderRow(entry, s.reminders, s.timeZone) : null;
      if (!s.reminders || !row || !row.ok) {
        await updateEntry(entry.key, { lastError: syncError('no_reminders_tab', where) });
        continue;
      }
      try {
        const result = await sheets.append(prefs.spreadsheetId, s.reminders.tab, row.row);
        await markLogged(entry.key);
        // Shown at once, without reading the sheet again; the next sync reads the real row.
        const reminder = asReminder(entry, result.row ?? s.ledger.reminders.length + 2, s.timeZone);
        s.ledger.reminders.push(reminder);
        for (const id of reminder.milestones) {
          const list = s.remindersByMilestone.get(id);
          if (list) list.push(reminder);
          else s.remindersByMilestone.set(id, [reminder]);
        }
        appended = true;
      } catch (error) {
        const failure = toSyncError(error, { ...where, at: now() });
        await updateEntry(entry.key, {
          attempts: entry.attempts + 1,
          lastError: failure,
          uncertain: entry.uncertain || isUncertain(failure.code),
        });
        if (failure.code === 'range') await items.meta.remove();
        if (isRetryable(failure.code) || failure.code === 'range') {
          const delay = Math.max(MIN_RETRY_MS, backoffDelay(entry.attempts, SYNC_BACKOFF, random));
          await deps.alarms.create(RETRY_ALARM, { when: now() + delay });
        }
        // The next entries would fail the same way (signed out, no access, Google down).
        break;
      }
    }
    if (appended) await refreshView(s);
  }

  function flushQueue(afterSync = false): Promise<void> {
    flushing ??= runFlush(afterSync).finally(() => (flushing = null));
    return flushing;
  }

  async function lookup(request: { addresses?: string[]; exclude?: string[]; client?: string }) {
    const s = await ledgerState();
    if (!s) return null;
    const today = todayFor(s);
    if (request.client !== undefined) return summaryByName(s, request.client, today);
    return lookupClient(s, request.addresses ?? [], request.exclude ?? [], today);
  }

  const replies = createReplyActions({
    ledgerState,
    preferences: () => items.preferences.get(),
    matches,
    sheets,
    today: todayFor,
    refresh: refreshView,
  });

  return {
    replies,
    async sync(options) {
      await sync(options);
      return status();
    },
    status,
    lookup,
    ledgerState,

    async clientList() {
      const s = await ledgerState();
      if (!s) return [];
      return s.ledger.clients
        .map((c) => ({ client: c.client, emails: c.emails }))
        .sort((a, b) => a.client.localeCompare(b.client));
    },

    async logReminder(request) {
      const parsed = ReminderRequestSchema.parse(request);
      const key = await reminderKey(parsed);
      const prefs = await items.preferences.get();
      if (!prefs.logging) return { status: 'disabled', key, pending: 0, error: null };
      // The evidence must be true: a reminder is the client's only when it went To them.
      const s = await ledgerState();
      if (!s || !matches(s, prefs)) return { status: 'no_ledger', key, pending: 0, error: null };
      if (!addressedTo(s, parsed.client, parsed.to)) {
        return { status: 'not_addressed', key, pending: 0, error: null };
      }
      const entry: QueuedReminder = {
        ...parsed,
        key,
        spreadsheetId: s.source === 'demo' ? null : s.spreadsheetId,
        queuedAt: now(),
        attempts: 0,
        uncertain: false,
        lastError: null,
      };
      const added = await mutateLog((log) => {
        if (log.logged.some((l) => l.key === key) || log.queue.some((q) => q.key === key)) {
          return { log, result: false };
        }
        return { log: { ...log, queue: [...log.queue, entry] }, result: true };
      });
      if (!added) {
        const log = await items.reminderLog.get();
        return { status: 'duplicate', key, pending: queueFigures(log, prefs).pending, error: null };
      }
      // A flush already running took its snapshot before this entry: run another after it.
      if (flushing) await flushing.catch(() => undefined);
      await flushQueue();
      const log = await items.reminderLog.get();
      const queued = log.queue.find((q) => q.key === key);
      return {
        status: queued ? 'queued' : 'logged',
        key,
        pending: queueFigures(log, prefs).pending,
        error: queued?.lastError ?? null,
      };
    },

    async messageContext(name) {
      const s = await ledgerState();
      if (!s) return null;
      const client = findClient(s, name);
      if (!client) return null;
      const today = todayFor(s);
      const part = clientPart(s, client, today);
      const slice = clientSlice(s, client);
      return {
        client,
        settings: s.ledger.settings,
        report: part.report,
        milestones: part.milestones,
        reminders: part.reminders,
        changeOrders: slice.changeOrders,
        templates: s.ledger.templates,
        today,
      };
    },

    async renderMessages(request) {
      const s = await ledgerState();
      if (!s) return null;
      const name =
        request.client ??
        (await lookup({ addresses: request.addresses ?? [], exclude: request.exclude ?? [] }))?.client;
      if (name === undefined) return null;
      return renderMessagesFor(s, name, todayFor(s), request);
    },

    async signIn() {
      const prefs = await items.preferences.get();
      // Read-only unless the user already turned logging on (then the consent names both).
      await auth.signIn(scopeFor(prefs.logging));
      await sync({});
      return status();
    },

    async grantWrite() {
      await auth.grant(SHEETS_SCOPE);
      await flushQueue();
      return status();
    },

    async signOut() {
      // Revokes the grant at Google too (auth/revoke.ts), not only the browser's copy.
      await auth.signOut();
      // The ledger is the user's business: it does not outlive the sign-in on this browser.
      const prefs = await items.preferences.get();
      if (!prefs.demo) {
        state = null;
        await Promise.all([items.ledger.remove(), items.view.remove(), items.meta.remove()]);
        await items.status.set({ ...IDLE_STATUS, error: syncError('signed_out', await place(prefs)) });
      }
      await refreshBadge();
      return status();
    },

    async savePreferences(patch) {
      const before = await items.preferences.get();
      const next = PreferencesSchema.parse({ ...before, ...patch });
      if (next.logging && !before.logging) {
        // Logging writes to the sheet: ask for write access now, while the user is turning it
        // on (Options says why). Refused: logging stays off and the error reaches the page.
        const account = await auth.state();
        if (account.signedIn && !covers(account.scopes, SHEETS_SCOPE)) await auth.grant(SHEETS_SCOPE);
      }
      await items.preferences.set(next);
      const sourceChanged = next.demo !== before.demo || next.spreadsheetId !== before.spreadsheetId;
      if (sourceChanged) {
        // Never show one ledger's figures under another's name, even for the second a sync takes.
        state = null;
        await Promise.all([items.ledger.remove(), items.view.remove(), items.status.set(IDLE_STATUS)]);
      }
      if (next.syncMinutes !== before.syncMinutes) await deps.alarms.clear(SYNC_ALARM);
      await ensureSchedule(next);
      if (sourceChanged || next.logging !== before.logging) await sync({});
      else await refreshBadge();
      return next;
    },

    async testConnection(input) {
      const id = spreadsheetIdFrom(input);
      const where: ErrorPlace = { spreadsheetId: id, sheetTitle: null, at: now() };
      if (id === null) {
        return {
          ok: false,
          spreadsheetId: null,
          title: null,
          tabsFound: [],
          tabsMissing: [],
          error: syncError('not_found', where),
        };
      }
      try {
        const meta = await fetchMeta(id);
        const found = ledgerTabs(meta.tabs);
        return {
          ok: true,
          spreadsheetId: id,
          title: meta.title,
          tabsFound: found,
          tabsMissing: TABS.filter((t) => findTabName(t, meta.tabs) === null).map((t) => t.name),
          error: null,
        };
      } catch (error) {
        return {
          ok: false,
          spreadsheetId: id,
          title: null,
          tabsFound: [],
          tabsMissing: [],
          error: toSyncError(error, where),
        };
      }
    },

    flushQueue: () => flushQueue(),

    async discardOtherQueued() {
      const prefs = await items.preferences.get();
      await mutateLog((log) => ({
        log: { ...log, queue: splitQueue(log.queue, prefs).current },
        result: undefined,
      }));
      return status();
    },

    async onAlarm(name) {
      if (name === SYNC_ALARM || name === RETRY_ALARM) await sync({});
    },

    async onStartup() {
      const prefs = await items.preferences.get();
      // A worker stopped mid-sync leaves `syncing` set; nothing is running now.
      const st = await items.status.get();
      if (st.syncing) await items.status.set({ ...st, syncing: false });
      await ensureSchedule(prefs);
      await refreshBadge();
      if (prefs.demo || prefs.spreadsheetId) await sync({ ifStale: true });
    },

    async onGmailFocus() {
      await sync({ ifStale: true });
    },

    lastWrite: () => written,
  };
}
