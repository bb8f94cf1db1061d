/**
 * What the background's service is made of, shared by its parts (sync-service.ts, the
 * reminder queue, the account flow): the browser's APIs it is given, its storage items, its
 * alarm names, and the performance measures it leaves for the benchmark.
 */
import type { Auth } from '../auth/auth.ts';
import type { DemoReminder, CachedMeta, Preferences, ReminderLog, SyncStatus } from './items.ts';
import type { ledgerItem } from './ledger-cache.ts';
import type { Stored } from './stored.ts';
import type { PopupView } from './view.ts';

export const SYNC_ALARM = 'payladder:sync';
export const RETRY_ALARM = 'payladder:retry';

/** chrome.alarms fires no sooner than 30 s after it is set (Chrome 120+). */
export const MIN_RETRY_MS = 30_000;

export interface AlarmsApi {
  create(
    name: string,
    info: { when?: number; delayInMinutes?: number; periodInMinutes?: number },
  ): Promise<void> | void;
  clear(name: string): Promise<boolean>;
  get(name: string): Promise<{ name: string; periodInMinutes?: number } | undefined>;
}

/**
 * Draws the toolbar badge for the popup's view and the sync status (extension/ui/badge.ts
 * makes one from `browser.action`); `language` is the user's preference.
 */
export type BadgePainter = (
  view: PopupView | null,
  status: SyncStatus,
  language: Preferences['language'],
  now: number,
) => Promise<void>;

export interface SyncServiceDeps {
  fetch: typeof fetch;
  auth: Auth;
  badge: BadgePainter;
  alarms: AlarmsApi;
  now: () => number;
  random?: () => number;
  isOnline?: () => boolean;
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

/**
 * Runs `work` and leaves one `performance` measure named `payladder:<name>` (the last run's
 * only), for the benchmark and for anyone profiling the service worker in DevTools.
 */
export async function timed<T>(name: string, work: () => T | Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    performance.clearMeasures(`payladder:${name}`);
    performance.measure(`payladder:${name}`, { start, end: performance.now() });
  }
}
