/**
 * Calendar dates as ISO `YYYY-MM-DD` strings. No clock: `today` always comes in as a
 * parameter, and `todayIn` turns an instant the caller read into the ledger's local date.
 */
import type { IsoDate } from './model.ts';

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

// Calendar ↔ day-number conversions by integer arithmetic (H. Hinnant, "chrono-compatible
// low-level date algorithms"): no Date objects on the hot path of a 100,000-row ledger.
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** The digits of `text` from `start` to `end` as a number, NaN when one is not a digit. */
function digitsAt(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    n = n * 10 + c;
  }
  return n;
}

/** Days since 1970-01-01 (calendar arithmetic: no time zone, no DST). */
export function epochDay(date: IsoDate): number {
  // Fast path for well-formed ISO text, reading the digits in place (a report reads a
  // few dates per milestone: three substrings each showed in the profile); the regex only
  // runs to reject anything else.
  if (date.length === 10 && date.charCodeAt(4) === 45 && date.charCodeAt(7) === 45) {
    const y = digitsAt(date, 0, 4);
    const m = digitsAt(date, 5, 7);
    const d = digitsAt(date, 8, 10);
    if (y === y && m === m && d === d) return daysFromCivil(y, m, d);
  }
  if (!ISO_RE.test(date)) throw new RangeError(`not an ISO date: ${date}`);
  return daysFromCivil(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

/**
 * Day number → ISO text, remembered: a ledger's dates fall on a few thousand days, so a
 * 100,000-row ledger formats each day once and its rows share one string per day (fewer
 * strings to collect; equal dates compare as the same string). Bounded, as a guard.
 */
const isoOfDay = new Map<number, IsoDate>();
const ISO_CACHE_LIMIT = 50_000;

/** The ISO date `days` calendar days after 1970-01-01. */
export function fromEpochDay(days: number): IsoDate {
  let iso = isoOfDay.get(days);
  if (iso === undefined) {
    if (isoOfDay.size >= ISO_CACHE_LIMIT) isoOfDay.clear();
    iso = formatEpochDay(days);
    isoOfDay.set(days, iso);
  }
  return iso;
}

function formatEpochDay(days: number): IsoDate {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const year = y >= 1000 ? `${y}` : String(y).padStart(4, '0');
  return `${year}-${pad2(m)}-${pad2(d)}`;
}

/** `date` plus `days` calendar days (negative goes back). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromEpochDay(epochDay(date) + days);
}

/** Calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return epochDay(to) - epochDay(from);
}

/** `date` plus `months` calendar months, clamped to the month's last day (31 Jan + 1 → 28/29 Feb). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const m = ISO_RE.exec(date);
  if (!m) throw new RangeError(`not an ISO date: ${date}`);
  const total = Number(m[1]) * 12 + Number(m[2]) - 1 + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(Number(m[3]), last);
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** True for a real calendar date in ISO form (`2026-02-30` is false). */
export function isIsoDate(value: string): boolean {
  const m = ISO_RE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || year < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Builds an ISO date from parts, or null when the parts name no real date. */
export function isoFromParts(year: number, month: number, day: number): IsoDate | null {
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/**
 * Spreadsheet serial number → ISO date. Day 0 is 1899-12-30 (the Lotus 1900 leap-year bug
 * kept by Excel and Google Sheets); a fraction is a time of day and is dropped.
 */
export function serialToIso(serial: number): IsoDate {
  return fromEpochDay(Math.floor(serial) - 25_569);
}

/** ISO date → spreadsheet serial number. */
export function isoToSerial(date: IsoDate): number {
  return epochDay(date) + 25_569;
}

/** Serial numbers from 1 (1899-12-31) to 2958465 (9999-12-31) are dates; the rest are not. */
export const SERIAL_MIN = 1;
export const SERIAL_MAX = 2_958_465;

/**
 * The calendar date of the instant `at` in the IANA `timeZone` (falls back to UTC for an
 * unknown zone). Used for "today in the ledger's time zone" and for Apps Script dates,
 * which are midnight in the spreadsheet's zone.
 */
export function dateInZone(at: Date, timeZone: string): IsoDate {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = zoneFormatter(timeZone).formatToParts(at);
  } catch {
    return at.toISOString().slice(0, 10);
  }
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function zoneFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    zoneFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** `today` in the ledger's time zone for the instant `now` the caller read from its clock. */
export function todayIn(timeZone: string, now: Date): IsoDate {
  return dateInZone(now, timeZone);
}

/** Half-year of a date: `2026-H1` (Jan–Jun) or `2026-H2` (Jul–Dec). */
export function halfYear(date: IsoDate): string {
  return `${date.slice(0, 4)}-H${Number(date.slice(5, 7)) <= 6 ? 1 : 2}`;
}

/** First day of the half-year after the one `date` falls in. */
export function nextHalfYearStart(date: IsoDate): IsoDate {
  const year = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) <= 6 ? `${year}-07-01` : `${year + 1}-01-01`;
}

/** Ledger locales write dates day first, month first or year first. */
export type DateOrder = 'DMY' | 'MDY' | 'YMD';

/** Day/month order of a spreadsheet locale (`it_IT` → DMY, `en_US` → MDY, `ja_JP` → YMD). */
export function dateOrder(locale: string): DateOrder {
  const tag = locale.replace('_', '-');
  const lang = tag.split('-')[0]?.toLowerCase() ?? '';
  const region = tag.split('-')[1]?.toUpperCase() ?? '';
  if (lang === 'en' && ['US', 'PH', 'FM', 'MH', 'PW', 'AS', 'GU', 'MP', 'PR', 'UM', 'VI'].includes(region))
    return 'MDY';
  if (['zh', 'ja', 'ko', 'hu', 'lt', 'mn', 'sv'].includes(lang)) return 'YMD';
  return 'DMY';
}
