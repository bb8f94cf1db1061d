/**
 * Which queued reminders belong to the ledger chosen now. Each entry records its ledger
 * (the spreadsheet's ID, null for the demo): it is logged into that ledger only, so a
 * reminder for the client of one sheet never lands in another after the user switches.
 * No zod here: the popup imports it on its way to the first paint.
 */
import type { Preferences, QueuedReminder } from './items.ts';

/** True when `entry` was queued for the ledger `prefs` choose now. */
export function isForLedger(entry: Pick<QueuedReminder, 'spreadsheetId'>, prefs: Preferences): boolean {
  if (entry.spreadsheetId === undefined) return false; // queued before ledgers were recorded
  return prefs.demo ? entry.spreadsheetId === null : entry.spreadsheetId === prefs.spreadsheetId;
}

export interface QueueSplit {
  /** For the ledger chosen now. */
  current: QueuedReminder[];
  /** For other ledgers, or an unknown one: they wait (or the user discards them). */
  other: QueuedReminder[];
}

export function splitQueue(queue: readonly QueuedReminder[], prefs: Preferences): QueueSplit {
  const current: QueuedReminder[] = [];
  const other: QueuedReminder[] = [];
  for (const q of queue) (isForLedger(q, prefs) ? current : other).push(q);
  return { current, other };
}
