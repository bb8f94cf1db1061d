/**
 * Reading one cell as a date, an amount, a whole number or text. Cells arrive as
 * Range.getValues() gives them (Date, number, string, boolean), as the Sheets API gives
 * them with UNFORMATTED_VALUE + SERIAL_NUMBER (number, string, boolean), or as CSV text.
 */
import {
  dateInZone,
  dateOrder,
  isIsoDate,
  isoFromParts,
  SERIAL_MAX,
  SERIAL_MIN,
  serialToIso,
} from './dates.ts';
import type { IsoDate } from './model.ts';
import type { AmountError } from './amounts.ts';
import { amountFromNumber, parseAmountText } from './amounts.ts';

/** Spreadsheet formula errors, as getValues and the Sheets API return them. */
const FORMULA_ERROR_RE = /^#(REF!|N\/A|VALUE!|DIV\/0!|NAME\?|ERROR!|NUM!|NULL!|SPILL!|CALC!)$/;

export function formulaError(value: unknown): string | null {
  return typeof value === 'string' && FORMULA_ERROR_RE.test(value.trim()) ? value.trim() : null;
}

/** True for a Date from any realm (Apps Script values cross a vm boundary in tests). */
export function isDateValue(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** True for a printable ASCII character other than space: no `trim` can remove it. */
function isSolid(code: number): boolean {
  return code > 32 && code < 127;
}

export function isBlank(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value !== 'string') return false;
  // Most cells start with a letter or digit: no need to trim them to know they are not blank.
  return value.length === 0 || (!isSolid(value.charCodeAt(0)) && value.trim() === '');
}

/** A cell as trimmed text: numbers as typed, dates as ISO, booleans as TRUE/FALSE. */
export function cellText(value: unknown, timeZone = 'UTC'): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string')
    return value.length > 0 && isSolid(value.charCodeAt(0)) && isSolid(value.charCodeAt(value.length - 1))
      ? value
      : value.trim();
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (isDateValue(value)) return Number.isNaN(value.getTime()) ? '' : dateInZone(value, timeZone);
  return String(value).trim();
}

export type Read<T> =
  { ok: true; value: T } | { ok: false; why: 'date' | 'impossible-date' | 'number' | AmountError };

const ISO_LIKE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/;
const YMD_SLASH = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/;
const THREE_PART = /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})$/;

/**
 * A date cell: ISO `YYYY-MM-DD`, a serial number, a native Date (read in `sheetTimeZone`,
 * where the spreadsheet put its midnight), or text in the locale's day/month order.
 */
export function readDate(value: unknown, locale: string, sheetTimeZone: string): Read<IsoDate> {
  if (isDateValue(value)) {
    if (Number.isNaN(value.getTime())) return { ok: false, why: 'date' };
    return { ok: true, value: dateInZone(value, sheetTimeZone) };
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < SERIAL_MIN || value > SERIAL_MAX)
      return { ok: false, why: 'date' };
    return { ok: true, value: serialToIso(value) };
  }
  const text = cellText(value);
  let m = ISO_LIKE.exec(text) ?? YMD_SLASH.exec(text);
  if (m) return dateFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
  m = THREE_PART.exec(text);
  if (m) {
    const [a, b, c] = [m[1] ?? '', m[2] ?? '', m[3] ?? ''];
    if (a.length === 4) return dateFromParts(Number(a), Number(b), Number(c));
    if (c.length !== 2 && c.length !== 4) return { ok: false, why: 'date' };
    const year = c.length === 2 ? 2000 + Number(c) : Number(c);
    const order = dateOrder(locale);
    return order === 'MDY'
      ? dateFromParts(year, Number(a), Number(b))
      : dateFromParts(year, Number(b), Number(a));
  }
  return { ok: false, why: 'date' };
}

function dateFromParts(year: number, month: number, day: number): Read<IsoDate> {
  const iso = isoFromParts(year, month, day);
  return iso && isIsoDate(iso) ? { ok: true, value: iso } : { ok: false, why: 'impossible-date' };
}

/**
 * An amount cell → minor units of `currency`. Numbers as they are (Infinity, NaN and more
 * than MAX_MINOR_UNITS refused); text by parseAmountText (amounts.ts): the locale's format,
 * one currency symbol or code at either end, nothing else dropped.
 */
export function readAmount(value: unknown, currency: string, locale: string): Read<number> {
  if (typeof value === 'number') return amountFromNumber(value, currency);
  return parseAmountText(cellText(value), currency, locale);
}

/** A whole number of days (Terms, Grace): 30, "30", "30 days", "30,0". */
export function readDays(value: unknown): Read<number> {
  const n =
    typeof value === 'number'
      ? value
      : Number(
          cellText(value)
            .replace(/\s*(days?|giorni|gg)$/i, '')
            .replace(',', '.'),
        );
  return Number.isInteger(n) && n >= 0 && n <= 3650 ? { ok: true, value: n } : { ok: false, why: 'number' };
}

/** Lower-case letters only: "Stop work", "stop_work", "STOP-WORK" → "stopwork". */
export function keyOf(text: string): string {
  // Most cells are typed as the key already ("reminder", "gmail"): no regex for those.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 97 || c > 122) return text.toLowerCase().replace(/[^a-z]/g, '');
  }
  return text;
}
