/**
 * The words a cell may hold, read case- and space-insensitively: stages, statuses,
 * languages, business kinds, channels, and the reference key names and IDs match by.
 */
import { keyOf } from '../cells.ts';
import type { Channel, Client, Language, ManualStatus, Stage } from '../model.ts';
import { CHANNELS, MANUAL_STATUSES, STAGES } from '../stages.ts';

const STAGE_BY_KEY = new Map<string, Stage>(STAGES.map((s) => [keyOf(s), s]));
const STATUS_BY_KEY = new Map<string, ManualStatus>([
  ...MANUAL_STATUSES.map((s): [string, ManualStatus] => [keyOf(s), s]),
  ['canceled', 'cancelled'],
]);
const LANGUAGE_BY_KEY = new Map<string, Language>([
  ['en', 'en'],
  ['english', 'en'],
  ['inglese', 'en'],
  ['it', 'it'],
  ['italian', 'it'],
  ['italiano', 'it'],
]);

export function parseStage(text: string): Stage | null {
  return STAGE_BY_KEY.get(keyOf(text)) ?? null;
}
export function parseStatus(text: string): ManualStatus | null {
  return STATUS_BY_KEY.get(keyOf(text)) ?? null;
}
export function parseLanguage(text: string): Language | null {
  return LANGUAGE_BY_KEY.get(text.trim().toLowerCase()) ?? null;
}

/** Reference keys: names and IDs match case- and space-insensitively. */
export function refKey(text: string): string {
  // Most references are typed cleanly: skip the regex unless there is whitespace to fold.
  return needsFolding(text) ? text.trim().replace(/\s+/g, ' ').toLowerCase() : text.toLowerCase();
}

const FOLD_RE = /\s\s|^\s|\s$|[\t\n\r\u00a0]/;

/**
 * Whether `text` has whitespace to fold (FOLD_RE), read by character codes: printable ASCII
 * with single spaces between words has none; any other character is left to the regex.
 * (One or two references per row of a large ledger: the regex showed in its profile.)
 */
function needsFolding(text: string): boolean {
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c > 32 && c < 127) continue;
    const next = text.charCodeAt(i + 1);
    if (c === 32 && i > 0 && next > 32 && next < 127) continue;
    return FOLD_RE.test(text);
  }
  return false;
}

/**
 * A Business cell: `company`, `sole_trader` (also "sole trader", "sole-trader"), `consumer`;
 * the older `B2B` / `B2C` read as `company` / `consumer`. Null for anything else.
 */
export function parseBusiness(text: string): Client['business'] | null {
  const k = text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
  if (k === 'company' || k === 'b2b') return 'company';
  if (k === 'soletrader') return 'sole_trader';
  if (k === 'consumer' || k === 'b2c') return 'consumer';
  return null;
}

/** A Channel cell, its key already lower-cased; the older `manual` reads as `email`. */
export function parseChannel(key: string): Channel | null {
  if (key === 'manual') return 'email';
  return (CHANNELS as readonly string[]).includes(key) ? (key as Channel) : null;
}
