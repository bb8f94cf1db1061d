/**
 * The ledger's tab layout, kept in document properties between executions (issue 15): which
 * tab holds each ledger tab, and the spreadsheet's locale and time zone. An edit then reads
 * the tabs it needs by name (one Spreadsheet.getSheetByName each) instead of listing every
 * tab and asking each for its name, and asks the spreadsheet for no settings.
 *
 * Nothing here is trusted blindly:
 * - a tab is found by the name it has now (getSheetByName), so a moved tab is the same tab,
 *   and a renamed or deleted one is not found: the caller falls back to a full read;
 * - column positions are never cached: they come from the header row read in the same
 *   getSheetValues as the data, so a moved, inserted or deleted column is seen at once;
 * - a layout older than MAX_AGE_MS, or written by another version, is not used, so a
 *   changed locale or time zone (File → Settings, which no trigger reports) is picked up
 *   within the hour, and at once by any full read (the sidebar, setup, the daily run).
 *
 * Size: a few hundred bytes, far under Apps Script's 9 KB per property value and 500 KB
 * per store (https://developers.google.com/apps-script/guides/services/quotas); a layout
 * that would not fit is not stored, and the full read is used every time instead.
 */
import type { TabKey } from '../../../shared/index.ts';

export const LAYOUT_KEY = 'payladder.layout';
const VERSION = 1;
/** After this, the next read is a full one (settings and names refreshed). */
export const MAX_AGE_MS = 60 * 60 * 1000;
/** Apps Script's limit per property value is 9 KB; stay well under it. */
const MAX_BYTES = 8 * 1024;

export interface TabLayoutCache {
  /** The user's name of each ledger tab that exists, by key. */
  tabs: Partial<Record<TabKey, string>>;
  locale: string;
  timeZone: string;
  /** When it was read from the live sheet, ms since the epoch. */
  at: number;
}

interface Stored extends TabLayoutCache {
  v: number;
}

export function encodeLayout(layout: TabLayoutCache): string | null {
  const text = JSON.stringify({ v: VERSION, ...layout } satisfies Stored);
  // UTF-8 bytes: a tab name may hold any character.
  return utf8Length(text) <= MAX_BYTES ? text : null;
}

/** The stored layout when it is well formed, of this version and fresh; null otherwise. */
export function decodeLayout(text: string | null, now: number): TabLayoutCache | null {
  if (!text) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const s = parsed as Partial<Stored>;
  if (s.v !== VERSION || typeof s.at !== 'number' || typeof s.locale !== 'string') return null;
  if (typeof s.timeZone !== 'string' || typeof s.tabs !== 'object' || s.tabs === null) return null;
  if (now - s.at > MAX_AGE_MS || s.at > now) return null;
  const tabs: Partial<Record<TabKey, string>> = {};
  for (const [key, name] of Object.entries(s.tabs)) {
    if (typeof name !== 'string') return null;
    tabs[key as TabKey] = name;
  }
  return { tabs, locale: s.locale, timeZone: s.timeZone, at: s.at };
}

/** Whether two layouts name the same tabs with the same settings (the time aside). */
export function sameLayout(a: TabLayoutCache | null, b: TabLayoutCache): boolean {
  if (!a || a.locale !== b.locale || a.timeZone !== b.timeZone) return false;
  const keys = new Set([...Object.keys(a.tabs), ...Object.keys(b.tabs)]) as Set<TabKey>;
  for (const k of keys) if (a.tabs[k] !== b.tabs[k]) return false;
  return true;
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
