/**
 * One Reminders row per sent reminder (PRODUCT.md: the Reminders tab is the append-only
 * evidence a lawyer or a court asks for). Values are placed by the tab's own header row, as
 * the last batchGet returned it: columns are found by name, never assumed by position, and
 * columns Payladder does not know are left empty.
 */
import type { IsoDate, Reminder } from '../../shared/index.ts';
import { REMINDERS, locateColumns, refKey, reminderLogRows, todayIn } from '../../shared/index.ts';
import type { QueuedReminder, ReminderRequest } from './items.ts';
import type { RemindersHeader } from './ledger-cache.ts';

/** Keys kept after logging, to recognise a retried send (weeks of reminders for anyone). */
export const LOGGED_KEYS_KEPT = 2000;

/** A stable key for a reminder: the same send reported twice gives the same key. */
export async function reminderKey(r: ReminderRequest): Promise<string> {
  if (r.key) return r.key;
  const canonical = JSON.stringify([
    refKey(r.client),
    [...r.milestones].map(refKey).sort(),
    r.stage,
    r.template,
    r.to.trim().toLowerCase(),
    r.subject,
    new Date(r.sentAt).toISOString(),
  ]);
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonical));
  return `sha256:${[...new Uint8Array(digest).slice(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** The calendar date of the send in the ledger's time zone. */
export function sentDate(sentAt: string, timeZone: string): IsoDate {
  return todayIn(timeZone, new Date(sentAt));
}

// USER_ENTERED, so the Sent date becomes a real date cell; every text value gets the leading
// apostrophe that makes Sheets keep it as typed: a subject such as "=IMPORTXML(…)" or
// "2026-01" stays text and never becomes a formula, a number or a date.
function text(value: string): string | null {
  return value === '' ? null : `'${value}`;
}

export type RowResult = { ok: true; row: (string | null)[] } | { ok: false; missing: string[] };

/** The row to append, aligned on the header (from its first non-empty cell, where the API's table starts). */
export function reminderRow(entry: QueuedReminder, header: RemindersHeader, timeZone: string): RowResult {
  const columns = locateColumns(REMINDERS, header.header);
  const missing = REMINDERS.columns.filter((c) => c.required && !columns.has(c.header)).map((c) => c.header);
  if (missing.length > 0) return { ok: false, missing };
  const first = Math.max(
    0,
    header.header.findIndex((h) => h.trim() !== ''),
  );
  const row: (string | null)[] = new Array<string | null>(header.header.length - first).fill(null);
  // The core says what goes in each column; this only places it and escapes it. One request
  // is one row: a message logged at several stages is reported once per stage.
  const [values = {}] = reminderLogRows(
    {
      messageId: entry.template,
      client: entry.client,
      log: [{ stage: entry.stage, milestones: entry.milestones }],
      to: entry.to === '' ? [] : [entry.to],
      subject: entry.subject,
    },
    { on: sentDate(entry.sentAt, timeZone), channel: entry.channel, link: entry.link },
  );
  for (const [name, value] of Object.entries(values)) {
    const index = columns.get(name);
    if (index === undefined || index < first) continue;
    row[index - first] = name === 'Sent' ? value : text(value);
  }
  return { ok: true, row };
}

/** The reminder as the parser would read the appended row back (for the overlay until the next sync). */
export function asReminder(entry: QueuedReminder, row: number, timeZone: string): Reminder {
  return {
    row: Math.max(2, row),
    sent: sentDate(entry.sentAt, timeZone),
    milestones: entry.milestones,
    client: entry.client,
    stage: entry.stage,
    template: entry.template,
    to: entry.to,
    subject: entry.subject,
    channel: entry.channel,
    link: entry.link,
  };
}

/**
 * True when the ledger already holds this reminder: same day, same milestones, same
 * recipient and subject. Used for an append whose outcome is unknown (5xx, timeout) before
 * it is sent again.
 */
export function isInLedger(entry: QueuedReminder, reminders: readonly Reminder[], timeZone: string): boolean {
  const sent = sentDate(entry.sentAt, timeZone);
  const ids = [...entry.milestones].map(refKey).sort().join('\n');
  return reminders.some(
    (r) =>
      r.sent === sent &&
      [...r.milestones].map(refKey).sort().join('\n') === ids &&
      r.subject === entry.subject &&
      r.to.trim().toLowerCase() === entry.to.trim().toLowerCase(),
  );
}
