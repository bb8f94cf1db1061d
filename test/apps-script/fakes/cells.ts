/**
 * Cell values as Sheets stores them, how written values are parsed, and how they display.
 */
import { isDate } from './env.ts';
import { formatPattern, instantOf, wallTime } from './zoned-time.ts';

/** What a cell holds: '' when empty; dates are stored as this realm's Date. */
export type CellValue = string | number | boolean | Date;

export interface SheetLocale {
  /** Sheets' locale code, e.g. `it_IT`, `en_US`. */
  locale: string;
  timeZone: string;
}

/** Seeds and model reads: any cell content a test may state. */
export function toCell(value: unknown): CellValue {
  if (value === null || value === undefined) return '';
  if (isDate(value)) return new Date(value.getTime());
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`a cell cannot hold ${value}`);
    return value;
  }
  throw new TypeError(`a cell cannot hold a ${typeof value}: ${String(value)}`);
}

function decimalSeparator(locale: string): string {
  const parts = new Intl.NumberFormat(locale.replace('_', '-')).formatToParts(1.5);
  return parts.find((p) => p.type === 'decimal')?.value ?? '.';
}

/**
 * The value Sheets stores when a script writes `value` (setValue, setValues, appendRow
 * parse strings as if the user had typed them). The fake parses the unambiguous subset:
 * a leading `'` keeps text, integers and decimals in the locale's separator become
 * numbers, ISO `YYYY-MM-DD` becomes a date at midnight in the spreadsheet's zone, TRUE and
 * FALSE become booleans. So a test sees the classic surprise: writing the text `007`
 * reads back as the number 7. Formulas are stored as their text, not evaluated.
 * Returns the stored value and, for `=...`, the formula.
 */
export function parseWritten(
  value: unknown,
  where: SheetLocale,
): { value: CellValue; formula: string | undefined } {
  if (typeof value !== 'string') return { value: toCell(value), formula: undefined };
  if (value.startsWith("'")) return { value: value.slice(1), formula: undefined };
  if (value.startsWith('=')) return { value, formula: value };
  const text = value.trim();
  if (/^[+-]?\d{1,15}$/.test(text)) return { value: Number(text), formula: undefined };
  const sep = decimalSeparator(where.locale);
  const decimal = sep === ',' ? /^[+-]?\d*,\d+$/ : /^[+-]?\d*\.\d+$/;
  if (decimal.test(text)) return { value: Number(text.replace(',', '.')), formula: undefined };
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (iso) {
    const [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    const ms = instantOf({ year, month, day, hour: 0, minute: 0, second: 0 }, where.timeZone);
    const back = wallTime(ms, where.timeZone);
    // 2026-02-30 is not a date to Sheets: it stays text.
    if (back.year === year && back.month === month && back.day === day) {
      return { value: new Date(ms), formula: undefined };
    }
  }
  if (/^(true|false)$/i.test(text)) return { value: text.toUpperCase() === 'TRUE', formula: undefined };
  return { value, formula: undefined };
}

// Sheets' default date display by locale; others fall back to ISO, which no locale test
// should rely on without adding its locale here.
const DATE_PATTERNS: Record<string, string> = {
  en_US: 'M/d/yyyy',
  en_GB: 'dd/MM/yyyy',
  it_IT: 'dd/MM/yyyy',
  fr_FR: 'dd/MM/yyyy',
  de_DE: 'dd.MM.yyyy',
  es_ES: 'd/M/yyyy',
};

/**
 * The text Sheets shows for a cell (getDisplayValues). Number formats understood: `0`,
 * `0.00`, `#,##0.00` (decimals and grouping), and date formats in Sheets' letters
 * (`yyyy-mm-dd`, `dd/mm/yyyy`, with `hh:mm:ss`); anything else displays as unformatted.
 */
export function displayText(value: CellValue, numberFormat: string | undefined, where: SheetLocale): string {
  if (value === '') return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const locale = where.locale.replace('_', '-');
  if (typeof value === 'number') {
    const decimals = numberFormat?.match(/^[#,0]*0(?:\.(0+))?$/);
    if (decimals) {
      const places = decimals[1]?.length ?? 0;
      return new Intl.NumberFormat(locale, {
        minimumFractionDigits: places,
        maximumFractionDigits: places,
        useGrouping: numberFormat?.includes(',') ?? false,
      }).format(value);
    }
    return new Intl.NumberFormat(locale, { maximumFractionDigits: 10, useGrouping: false }).format(value);
  }
  const ms = value.getTime();
  if (numberFormat && /[yd]/i.test(numberFormat))
    return formatPattern(ms, where.timeZone, sheetsToJavaPattern(numberFormat));
  const w = wallTime(ms, where.timeZone);
  const datePattern = DATE_PATTERNS[where.locale] ?? 'yyyy-MM-dd';
  const midnight = w.hour === 0 && w.minute === 0 && w.second === 0;
  return formatPattern(ms, where.timeZone, midnight ? datePattern : `${datePattern} H:mm:ss`);
}

// Sheets writes month and minute both as `m`: minutes when next to an hour or seconds.
function sheetsToJavaPattern(format: string): string {
  return format
    .replace(
      /(h+)(:)(m+)/gi,
      (_all, h: string, colon: string, m: string) => `${'H'.repeat(h.length)}${colon}${'μ'.repeat(m.length)}`,
    )
    .replace(
      /(m+)(:)(s+)/gi,
      (_all, m: string, colon: string, s: string) => `${'μ'.repeat(m.length)}${colon}${s}`,
    )
    .replace(/m/gi, 'M')
    .replace(/μ/g, 'm')
    .replace(/D/g, 'd')
    .replace(/Y/g, 'y');
}
