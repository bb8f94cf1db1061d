/**
 * Sent reminders on their way into the Reminders tab: a queue in storage that survives
 * failures and worker restarts, flushed one append per reminder, retried on an alarm.
 *
 * Concurrency: one flush at a time, and every change to the reminder log goes through
 * `mutateLog`, so a reminder reported while a flush is running is never lost.
 */
import { SYNC_BACKOFF, backoffDelay } from '../sheets/backoff.ts';
import type { SheetsClient } from '../sheets/client.ts';
import type { LogReminderResult, StatusReply } from '../messages.ts';
import type { ErrorPlace } from './errors.ts';
import { isRetryable, isUncertain, syncError, toSyncError } from './errors.ts';
import type { Preferences, QueuedReminder, ReminderLog, ReminderRequest } from './items.ts';
import { ReminderRequest as ReminderRequestSchema } from './items.ts';
import type { LedgerState } from './ledger-state.ts';
import { addressedTo } from './ledger-state.ts';
import { splitQueue } from './queue-split.ts';
import { LOGGED_KEYS_KEPT, asReminder, isInLedger, reminderKey, reminderRow } from './reminder-log.ts';
import type { AlarmsApi, ServiceItems } from './service-context.ts';
import { MIN_RETRY_MS, RETRY_ALARM } from './service-context.ts';

export interface ReminderQueueContext {
  items: Pick<ServiceItems, 'preferences' | 'reminderLog' | 'meta'>;
  sheets: SheetsClient;
  alarms: AlarmsApi;
  now: () => number;
  random: () => number;
  ledgerState(): Promise<LedgerState | null>;
  /** The state is of the ledger chosen in `prefs`. */
  matches(state: LedgerState | null, prefs: Preferences): boolean;
  place(prefs: Preferences): Promise<ErrorPlace>;
  /** After rows were appended: the popup's view, the cache and the badge again. */
  refreshView(state: LedgerState): Promise<void>;
  /** The demo has no sheet: its reminders are kept in storage, then the demo is read again. */
  recordDemo(queue: readonly QueuedReminder[]): Promise<void>;
  reloadDemo(): Promise<void>;
}

export interface ReminderQueue {
  /** Queues a sent reminder (once per key) and tries to log it at once. */
  log(request: ReminderRequest): Promise<LogReminderResult>;
  /** Sends what waits for the ledger chosen now; `afterSync`: a fresh read can settle uncertain entries. */
  flush(afterSync?: boolean): Promise<void>;
  /** Drops the reminders queued for another ledger than the one chosen now. */
  discardOther(): Promise<void>;
}

/** The popup's figures for the queue: what waits for the ledger chosen now, and for others. */
export function queueFigures(log: ReminderLog, prefs: Preferences): StatusReply['queue'] {
  const { current, other } = splitQueue(log.queue, prefs);
  const others = new Map<string | null | undefined, number>();
  for (const q of other) others.set(q.spreadsheetId, (others.get(q.spreadsheetId) ?? 0) + 1);
  return {
    pending: current.length,
    lastError: current.find((q) => q.lastError)?.lastError ?? null,
    otherLedgers: [...others].map(([spreadsheetId, count]) => ({ spreadsheetId, count })),
  };
}

export function createReminderQueue(ctx: ReminderQueueContext): ReminderQueue {
  const { items, sheets, now } = ctx;
  let flushing: Promise<void> | null = null;
  let logChain: Promise<unknown> = Promise.resolve();

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

  async function flushDemo(queue: QueuedReminder[]): Promise<void> {
    await ctx.recordDemo(queue);
    for (const q of queue) await markLogged(q.key);
    // The demo is local: read it again at once so the logged reminder moves the ladder.
    await ctx.reloadDemo();
  }

  async function runFlush(afterSync: boolean): Promise<void> {
    const prefs = await items.preferences.get();
    if (!prefs.logging) return;
    // Only what was queued for the ledger chosen now: the others wait for theirs.
    const queue = splitQueue((await items.reminderLog.get()).queue, prefs).current;
    if (queue.length === 0) return;
    if (prefs.demo) return flushDemo(queue);
    const s = await ctx.ledgerState();
    // Rows are placed by the header of the last read: without a read of this sheet, wait for one.
    if (!s || !ctx.matches(s, prefs) || !prefs.spreadsheetId) return;
    const where = await ctx.place(prefs);
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
          const delay = Math.max(MIN_RETRY_MS, backoffDelay(entry.attempts, SYNC_BACKOFF, ctx.random));
          await ctx.alarms.create(RETRY_ALARM, { when: now() + delay });
        }
        // The next entries would fail the same way (signed out, no access, Google down).
        break;
      }
    }
    if (appended) await ctx.refreshView(s);
  }

  function flush(afterSync = false): Promise<void> {
    flushing ??= runFlush(afterSync).finally(() => (flushing = null));
    return flushing;
  }

  async function log(request: ReminderRequest): Promise<LogReminderResult> {
    const parsed = ReminderRequestSchema.parse(request);
    const key = await reminderKey(parsed);
    const prefs = await items.preferences.get();
    if (!prefs.logging) return { status: 'disabled', key, pending: 0, error: null };
    // The evidence must be true: a reminder is the client's only when it went To them.
    const s = await ctx.ledgerState();
    if (!s || !ctx.matches(s, prefs)) return { status: 'no_ledger', key, pending: 0, error: null };
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
    const added = await mutateLog((current) => {
      if (current.logged.some((l) => l.key === key) || current.queue.some((q) => q.key === key)) {
        return { log: current, result: false };
      }
      return { log: { ...current, queue: [...current.queue, entry] }, result: true };
    });
    if (!added) {
      const current = await items.reminderLog.get();
      return { status: 'duplicate', key, pending: queueFigures(current, prefs).pending, error: null };
    }
    // A flush already running took its snapshot before this entry: run another after it.
    if (flushing) await flushing.catch(() => undefined);
    await flush();
    const after = await items.reminderLog.get();
    const queued = after.queue.find((q) => q.key === key);
    return {
      status: queued ? 'queued' : 'logged',
      key,
      pending: queueFigures(after, prefs).pending,
      error: queued?.lastError ?? null,
    };
  }

  async function discardOther(): Promise<void> {
    const prefs = await items.preferences.get();
    await mutateLog((current) => ({
      log: { ...current, queue: splitQueue(current.queue, prefs).current },
      result: undefined,
    }));
  }

  return { log, flush, discardOther };
}
