/**
 * The ledger's tab layout, kept in document properties between executions (issue 15): where
 * each ledger tab is (its name, its position among the tabs, a hash of its header row), how
 * many tabs the spreadsheet has, the spreadsheet's locale and time zone, and the values of
 * the small tabs only the user edits (Settings, Rates, Change orders: the extension writes
 * none of them). An edit then lists the tabs once (Spreadsheet.getSheets) and reads each
 * tab it needs at its cached position, instead of finding each by name (one call a tab
 * instead of two), and reads the cached tabs not at all: a typed payment is 12 calls.
 * The menu's Recompute now, which the user asks for, reads the cached tabs live.
 *
 * Nothing here is trusted blindly. A full read (every tab listed and named: the sidebar,
 * setup, drafting, the daily run, and any edit the checks below refuse) stores it afresh.
 * - A different number of tabs (one inserted, duplicated or deleted) means a full read.
 * - Each tab read at its position has its header row (read in the same getSheetValues as
 *   its data, so free) compared with the cached hash: a moved tab, another tab in its place
 *   or a changed header means a full read, never a guess.
 * - A tab whose header row another tab shares (an archived copy, "Payments 2025") could
 *   swap places with it unseen: the full read reads row 1 of every tab it does not read
 *   whole to find such twins, and a tab with a twin is found by name, as before.
 * - The edited tab comes with the event and is named in this execution; the tab that is
 *   WRITTEN (Milestones' computed columns) is named too (one Sheet.getName) unless it is the
 *   edited one, so a renamed or moved tab is never written.
 * - An edit on a tab no recompute reads (one of the user's own, Templates) may have made a
 *   twin (a pasted header): it leaves a time in `payladder.edit.other`, and a layout read
 *   before that time is not used. An edit on a tab whose values are cached leaves a time in
 *   `payladder.edit.<tab>` before the run takes the lock, so the cached values are not used
 *   when that run was skipped (the lock busy) or another run stored values read before the
 *   edit; the edited tab itself is always read live.
 * - Column positions are never cached: the parser finds them in the header row read now.
 * - A layout older than MAX_AGE_MS, or of another version, is not used, so a changed locale
 *   or time zone (File → Settings, which no trigger reports) is seen within the hour.
 *
 * What this does not see: a read-only tab (not edited, not written) RENAMED between two
 * edits, nothing else changed: same count, same position, same header. Apps Script has no
 * call that names every tab at once, so seeing it costs one call a tab on every edit. Until
 * the next full read (at most an hour; at once when the sidebar opens or the daily run runs)
 * the edit goes on reading the renamed tab where it is (renaming it and starting a new tab
 * of that name is seen: one more tab). Likewise a cached
 * tab changed with no onEdit (an edit where the add-on's trigger does not run, a script).
 *
 * Size: about a kilobyte plus the cached values, under Apps Script's 9 KB per property
 * value and 500 KB per store (https://developers.google.com/apps-script/guides/services/quotas);
 * values that would not fit are left out (those tabs are read at each edit), and a layout
 * that would not fit is not stored (a full read every time).
 */
import type { RawTab, TabKey } from '../../../shared/index.ts';

export const LAYOUT_KEY = 'payladder.layout';
/** When a tab no recompute reads was last edited (ms since the epoch, as text). */
export const EDIT_OTHER_KEY = 'payladder.edit.other';
/** When each tab whose values are cached was last edited. */
export const EDIT_KEYS = {
  settings: 'payladder.edit.settings',
  rates: 'payladder.edit.rates',
  changeOrders: 'payladder.edit.changeOrders',
} as const;
export type CachedValuesKey = keyof typeof EDIT_KEYS;
/** The tabs whose values are cached, the first kept longest when space is short. */
export const CACHED_VALUES: readonly CachedValuesKey[] = ['settings', 'rates', 'changeOrders'];

const VERSION = 2;
/** After this, the next read is a full one (settings and names refreshed). */
export const MAX_AGE_MS = 60 * 60 * 1000;
/** Apps Script's limit per property value is 9 KB; stay well under it. */
const MAX_BYTES = 8 * 1024;

export interface CachedTab {
  /** The user's name for it. */
  name: string;
  /** 0-based position in Spreadsheet.getSheets(). */
  index: number;
  /** headerHash of its row 1. */
  head: string;
  /** Another tab has the same header row: found by name, never by position. */
  twin: boolean;
}

export interface CachedValues {
  /** When it was read (before the read), ms since the epoch. */
  at: number;
  rows: RawTab;
}

export interface TabLayoutCache {
  /** Each ledger tab that exists, by key. */
  tabs: Partial<Record<TabKey, CachedTab>>;
  /** How many tabs the spreadsheet had. */
  count: number;
  locale: string;
  timeZone: string;
  /** When the full read began, ms since the epoch. */
  at: number;
  values: Partial<Record<CachedValuesKey, CachedValues>>;
}

/**
 * The stored text, with as many cached values as fit (Settings first, then Rates, then
 * Change orders), or null when even the layout alone does not.
 */
export function encodeLayout(layout: TabLayoutCache): string | null {
  for (let n = CACHED_VALUES.length; n >= 0; n--) {
    const values: Partial<Record<CachedValuesKey, CachedValues>> = {};
    for (const key of CACHED_VALUES.slice(0, n)) {
      const v = layout.values[key];
      if (v) values[key] = v;
    }
    const text = JSON.stringify({ v: VERSION, ...layout, values: encodeValues(values) });
    // UTF-8 bytes: a tab name or a cell may hold any character.
    if (utf8Length(text) <= MAX_BYTES) return text;
  }
  return null;
}

/** The stored layout when it is well formed, of this version and fresh; null otherwise. */
export function decodeLayout(text: string | null | undefined, now: number): TabLayoutCache | null {
  if (!text) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isObject(parsed)) return null;
  const { v, at, count, locale, timeZone, tabs, values } = parsed;
  if (v !== VERSION || typeof at !== 'number' || typeof count !== 'number') return null;
  if (typeof locale !== 'string' || typeof timeZone !== 'string') return null;
  if (!isObject(tabs) || !isObject(values)) return null;
  if (now - at > MAX_AGE_MS || at > now) return null;
  const out: TabLayoutCache = { tabs: {}, count, locale, timeZone, at, values: {} };
  for (const [key, tab] of Object.entries(tabs)) {
    if (!isObject(tab)) return null;
    const { name, index, head, twin } = tab;
    if (typeof name !== 'string' || typeof index !== 'number' || typeof head !== 'string') return null;
    if (typeof twin !== 'boolean') return null;
    out.tabs[key as TabKey] = { name, index, head, twin };
  }
  for (const key of CACHED_VALUES) {
    const stored = values[key];
    if (stored === undefined) continue;
    const decoded = decodeValues(stored);
    if (!decoded) return null;
    out.values[key] = decoded;
  }
  return out;
}

/** Whether two layouts say the same (the times aside). */
export function sameLayout(a: TabLayoutCache, b: TabLayoutCache): boolean {
  const strip = (l: TabLayoutCache) => JSON.stringify({ ...l, at: 0, values: encodeValues(l.values, true) });
  return strip(a) === strip(b);
}

/**
 * A short hash of a header row, its trailing blank cells left out (the row read with the
 * data is as wide as the widest row). 53 bits (cyrb53): two different headers sharing it
 * is not a case to plan for.
 */
export function headerHash(row: readonly unknown[] | undefined): string {
  const cells = (row ?? []).map((c) => (isDate(c) ? `D${c.getTime()}` : String(c)));
  while (cells.length > 0 && cells.at(-1) === '') cells.pop();
  const text = JSON.stringify(cells);
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

// Cells as getValues gives them: strings, numbers, booleans and Dates (a date cell). A
// Date is kept as {d: ms}, so it comes back a Date, as the parser expects.
type StoredCell = string | number | boolean | { d: number };

function encodeValues(
  values: Partial<Record<CachedValuesKey, CachedValues>>,
  timeless = false,
): Partial<Record<CachedValuesKey, { at: number; rows: StoredCell[][] }>> {
  const out: Partial<Record<CachedValuesKey, { at: number; rows: StoredCell[][] }>> = {};
  for (const key of CACHED_VALUES) {
    const v = values[key];
    if (v) out[key] = { at: timeless ? 0 : v.at, rows: v.rows.map((r) => r.map(encodeCell)) };
  }
  return out;
}

function encodeCell(cell: unknown): StoredCell {
  if (isDate(cell)) return { d: cell.getTime() };
  if (typeof cell === 'number' || typeof cell === 'boolean' || typeof cell === 'string') return cell;
  return cell === null || cell === undefined ? '' : String(cell);
}

function decodeValues(stored: unknown): CachedValues | null {
  if (!isObject(stored) || typeof stored.at !== 'number' || !Array.isArray(stored.rows)) return null;
  const rows: unknown[][] = [];
  for (const row of stored.rows as unknown[]) {
    if (!Array.isArray(row)) return null;
    const cells: unknown[] = [];
    for (const cell of row as unknown[]) {
      if (typeof cell === 'number' || typeof cell === 'boolean' || typeof cell === 'string') cells.push(cell);
      else if (isObject(cell) && typeof cell.d === 'number') cells.push(new Date(cell.d));
      else return null;
    }
    rows.push(cells);
  }
  return { at: stored.at, rows };
}

function isDate(value: unknown): value is Date {
  // Not instanceof: a Date from another realm (a test's fakes) is a Date too.
  return Object.prototype.toString.call(value) === '[object Date]';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
