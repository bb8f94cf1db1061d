/**
 * The background's service: reads the ledger (ONE values.batchGet per sync, metadata
 * cached), parses it with the core, keeps it in memory and in storage, writes the popup's
 * view and the badge, and answers the extension's messages. Its other concerns live beside
 * it: the sheet's reading (sheet-source.ts), the demo (demo-source.ts), the reminder queue
 * (reminder-queue.ts), sign-in and ledger choice (account-flow.ts), and the overlay's
 * questions to the ledger (ledger-queries.ts, pure).
 *
 * Concurrency: one sync at a time (a second caller shares the running one); the queue
 * serialises its own changes.
 */
import { type ReplyActions, createReplyActions } from './reply-actions.ts';
import type { IsoDate } from '../../shared/index.ts';
import { DEMO_SHEET, cellText, computeReport, parseLedger, todayIn } from '../../shared/index.ts';
import { SHEETS_READONLY_SCOPE, SHEETS_SCOPE } from '../auth/scopes.ts';
import { SYNC_BACKOFF, backoffDelay } from '../sheets/backoff.ts';
import type { SheetsClient } from '../sheets/client.ts';
import { createSheetsClient } from '../sheets/client.ts';
import { SheetsError } from '../sheets/errors.ts';
import type {
  ClientListEntry,
  ClientSummary,
  ConnectionTest,
  LogReminderResult,
  MessageContext,
  RenderedMessages,
  RenderMessagesRequest,
  Requests,
  StatusReply,
} from '../messages.ts';
import { createAccountFlow } from './account-flow.ts';
import { readDemoLedger, recordDemoReminders } from './demo-source.ts';
import type { ErrorPlace } from './errors.ts';
import { isRetryable, syncError, toSyncError } from './errors.ts';
import type { Preferences, ReminderRequest } from './items.ts';
import {
  IDLE_STATUS,
  demoRemindersItem,
  metaItem,
  preferencesItem,
  reminderLogItem,
  statusItem,
  viewItem,
} from './items.ts';
import type { CachedLedger, RemindersHeader, WriteFigures } from './ledger-cache.ts';
import { ledgerItem, readLedgerCache, writeLedgerCache } from './ledger-cache.ts';
import * as queries from './ledger-queries.ts';
import type { LedgerState } from './ledger-state.ts';
import { makeLedgerState } from './ledger-state.ts';
import { createReminderQueue, queueFigures } from './reminder-queue.ts';
import type { ServiceItems, SyncServiceDeps } from './service-context.ts';
import { MIN_RETRY_MS, RETRY_ALARM, SYNC_ALARM, timed } from './service-context.ts';
import type { Loaded } from './sheet-source.ts';
import { createSheetSource } from './sheet-source.ts';
import { buildView } from './view.ts';

export { RETRY_ALARM, SYNC_ALARM };
export type { AlarmsApi, BadgePainter, ServiceItems, SyncServiceDeps } from './service-context.ts';

export interface SyncOptions {
  /** Skip the sync when the data is younger than the interval and the last sync succeeded. */
  ifStale?: boolean;
}

export interface SyncService {
  sync(options?: SyncOptions): Promise<StatusReply>;
  status(): Promise<StatusReply>;
  lookup(request: Requests['lookup']): Promise<ClientSummary | null>;
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

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
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
    // per request); only a write (an append, a dispute's cells) asks for the write scope.
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
  const source = createSheetSource(sheets, items.meta, now);

  // undefined: not loaded from the cache yet in this worker's life; null: nothing cached.
  let state: LedgerState | null | undefined;
  let loading: Promise<LedgerState | null> | null = null;
  let running: Promise<void> | null = null;
  let runningForced = false;
  let queued: Promise<void> | null = null;
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
    await deps.badge(view, status, prefs.language, now());
  }

  async function ensureSchedule(prefs: Preferences): Promise<void> {
    const existing = await deps.alarms.get(SYNC_ALARM);
    if (existing?.periodInMinutes === prefs.syncMinutes) return;
    await deps.alarms.create(SYNC_ALARM, {
      periodInMinutes: prefs.syncMinutes,
      delayInMinutes: prefs.syncMinutes,
    });
  }

  async function readDemo(): Promise<Loaded> {
    const raw = await readDemoLedger(items.demoReminders, todayIn(DEMO_SHEET.timeZone, new Date(now())));
    return { raw, meta: DEMO_SHEET };
  }

  const queue = createReminderQueue({
    items,
    sheets,
    alarms: deps.alarms,
    now,
    random,
    ledgerState,
    matches,
    place,
    refreshView,
    recordDemo: (entries) => recordDemoReminders(items.demoReminders, entries, DEMO_SHEET.timeZone),
    async reloadDemo() {
      state = await ingest(await readDemo(), await items.preferences.get(), now());
      await refreshBadge();
    },
  });

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
      // A view missing or of an older shape (dropped by its schema, as after an update) is
      // rebuilt by a sync even when the figures are fresh: the popup has nothing to show.
      if (fresh && matches(await ledgerState(), prefs) && (await items.view.get()) !== null) return;
    }
    requests = 0;
    await items.status.set({ ...before, syncing: true, lastAttemptAt: started });
    try {
      const loaded = prefs.demo ? await readDemo() : await source.read(prefs.spreadsheetId as string);
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
    if (status.error === null) await queue.flush(true);
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

  /**
   * Recomputes the popup's view after the ledger changed in memory (reminders logged, a
   * promise, a payment or a dispute written; no request: the rows are known).
   */
  async function refreshView(s: LedgerState): Promise<void> {
    // The ledger in memory is no longer what the sheet answered: the next sync must parse
    // it even if the sheet is back as it was then (the user undid the write there).
    delete s.fingerprint;
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

  const account = createAccountFlow({
    auth,
    alarms: deps.alarms,
    items,
    source,
    now,
    sync: () => sync({}),
    status,
    flushQueue: () => queue.flush(),
    forgetLedger: () => (state = null),
    place,
    refreshBadge,
    ensureSchedule,
  });

  /** Answers a question to the ledger, or null before any ledger is loaded. */
  async function ask<T>(query: (s: LedgerState, today: IsoDate) => T): Promise<T | null> {
    const s = await ledgerState();
    return s ? query(s, todayFor(s)) : null;
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
    ledgerState,
    lookup: (request) => ask((s, today) => queries.lookup(s, request, today)),
    clientList: async () => (await ask((s) => queries.clientList(s))) ?? [],
    messageContext: (name) => ask((s, today) => queries.messageContext(s, name, today)),
    renderMessages: (request) => ask((s, today) => queries.renderMessages(s, request, today)),
    logReminder: (request) => queue.log(request),
    flushQueue: () => queue.flush(),
    async discardOtherQueued() {
      await queue.discardOther();
      return status();
    },
    ...account,

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
