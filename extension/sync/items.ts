/**
 * The extension's small storage items (popup, options and background all read them). Each
 * is versioned and validated on read (`defineStored`). The ledger itself, megabytes for a
 * big ledger, lives apart in `ledger-cache.ts`, which only the background imports.
 */
import * as z from 'zod';
import { Channel, IsoDate, Stage } from '../../shared/index.ts';
import { SheetMeta } from '../sheets/client.ts';
import { SheetsErrorCode } from '../sheets/errors.ts';
import { DEFAULT_PREFERENCES, EMPTY_LOG, IDLE_STATUS, UI_LANGUAGES } from './defaults.ts';
import { defineStored } from './stored.ts';
import { PopupView } from './view.ts';

export {
  DEFAULT_PREFERENCES,
  DEFAULT_SYNC_MINUTES,
  EMPTY_LOG,
  IDLE_STATUS,
  SYNC_MINUTES,
  UI_LANGUAGES,
} from './defaults.ts';

export const UiLanguage = z.enum(UI_LANGUAGES);
export type UiLanguage = z.infer<typeof UiLanguage>;

/** What the user chose on the options page. */
export const Preferences = z.object({
  // Only the characters Google uses: it goes into URLs (encoded all the same).
  spreadsheetId: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .nullable(),
  syncMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  language: UiLanguage,
  /** Log sent reminders in the Reminders tab (needs the read-write scope). */
  logging: z.boolean(),
  /** Serve the bundled demo ledger instead of a sheet: no Google account, no network. */
  demo: z.boolean(),
});
export type Preferences = z.infer<typeof Preferences>;

export const preferencesItem = defineStored<Preferences>('local:preferences', {
  schema: Preferences,
  fallback: DEFAULT_PREFERENCES,
  version: 1,
});

/** Errors the sync reports besides the Sheets API's own. */
export const SyncErrorCode = z.union([
  SheetsErrorCode,
  z.enum(['not_configured', 'no_reminders_tab', 'internal']),
]);
export type SyncErrorCode = z.infer<typeof SyncErrorCode>;

/** A failure as the popup shows it: what, where, and Google's own words for the detail line. */
export const SyncError = z.object({
  code: SyncErrorCode,
  status: z.number().int().nullable(),
  detail: z.string(),
  spreadsheetId: z.string().nullable(),
  /** The sheet's title when known, so messages name it. */
  sheetTitle: z.string().nullable(),
  /** Epoch ms. */
  at: z.number(),
});
export type SyncError = z.infer<typeof SyncError>;

export const SyncStatus = z.object({
  syncing: z.boolean(),
  /** Epoch ms of the last attempt and of the last success. */
  lastAttemptAt: z.number().nullable(),
  lastSuccessAt: z.number().nullable(),
  /** The last attempt's failure; null after a success. */
  error: SyncError.nullable(),
  /** Failed attempts in a row (drives the backoff). */
  failures: z.number().int().min(0),
  /** When the backoff retry is due, epoch ms. */
  nextRetryAt: z.number().nullable(),
  /** Requests the last attempt sent to the Sheets API (1 in the steady state). */
  requests: z.number().int().min(0),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const statusItem = defineStored<SyncStatus>('local:status', {
  schema: SyncStatus,
  fallback: IDLE_STATUS,
  version: 1,
});

export const viewItem = defineStored<PopupView | null>('local:view', {
  schema: PopupView.nullable(),
  fallback: null,
  version: 1,
});

/** The spreadsheet's metadata, read once and kept, so a sync is one request. */
export const CachedMeta = SheetMeta.extend({ fetchedAt: z.number() });
export type CachedMeta = z.infer<typeof CachedMeta>;

export const metaItem = defineStored<CachedMeta | null>('local:sheetMeta', {
  schema: CachedMeta.nullable(),
  fallback: null,
  version: 1,
});

/** A reminder to log, as the Gmail overlay reports a sent message. */
export const ReminderRequest = z.object({
  client: z.string().trim().min(1).max(500),
  milestones: z.array(z.string().trim().min(1).max(200)).min(1).max(200),
  stage: Stage,
  template: z.string().max(200),
  to: z.string().max(2000),
  subject: z.string().max(1000),
  link: z.string().max(2000),
  /** When the message was sent: an ISO instant (`2026-11-30T09:15:00Z` or with an offset). */
  sentAt: z.iso.datetime({ offset: true }),
  channel: Channel.default('gmail'),
  /**
   * Makes a retried send log once. Left out, it is derived from the other fields; the
   * overlay can pass Gmail's message id instead.
   */
  key: z.string().min(1).max(200).optional(),
});
export type ReminderRequest = z.input<typeof ReminderRequest>;

export const QueuedReminder = ReminderRequest.extend({
  key: z.string().min(1),
  /**
   * The ledger the reminder belongs to: the spreadsheet's ID, or null for the demo ledger.
   * It is flushed into that ledger only, whatever sheet is chosen meanwhile. Absent on
   * entries queued before this was recorded: their ledger is unknown, so they are never
   * flushed, only shown (and discarded by the user).
   */
  spreadsheetId: z.string().nullable().optional(),
  channel: Channel,
  queuedAt: z.number(),
  attempts: z.number().int().min(0),
  /** A failed append that may still have been applied (5xx, timeout): checked against the sheet before a retry. */
  uncertain: z.boolean(),
  lastError: SyncError.nullable(),
});
export type QueuedReminder = z.infer<typeof QueuedReminder>;

export const ReminderLog = z.object({
  queue: z.array(QueuedReminder),
  /** Keys already logged (most recent last), so a retried send is not logged twice. */
  logged: z.array(z.object({ key: z.string(), at: z.number() })),
});
export type ReminderLog = z.infer<typeof ReminderLog>;

export const reminderLogItem = defineStored<ReminderLog>('local:reminderLog', {
  schema: ReminderLog,
  fallback: EMPTY_LOG,
  version: 1,
});

/** Reminders logged while in demo mode: added to the demo ledger's Reminders tab at each sync. */
export const DemoReminder = z.object({
  sent: IsoDate,
  milestones: z.array(z.string()),
  client: z.string(),
  stage: Stage,
  template: z.string(),
  to: z.string(),
  subject: z.string(),
  channel: Channel,
  link: z.string(),
});
export type DemoReminder = z.infer<typeof DemoReminder>;

export const demoRemindersItem = defineStored<DemoReminder[]>('local:demoReminders', {
  schema: z.array(DemoReminder),
  fallback: [],
  version: 1,
});
