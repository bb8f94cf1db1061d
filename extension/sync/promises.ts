/**
 * The client's answer, acted on from Gmail (issue 11): the date a reply names, and the
 * Promises and Payments rows the chip's panel appends. Runs in the background only: the
 * date parser (chrono-node) is far too big for the content script's budget.
 *
 * Rows are placed by the tab's own header row, read just before the append (columns found
 * by name, never assumed by position), and every text value is written formula-safe.
 */
import type { ParsedComponents } from 'chrono-node';
// The two locales only: the package's root module carries a dozen more (about 100 KB).
import * as en from 'chrono-node/en';
import * as it from 'chrono-node/it';
import type { IsoDate, Language, PromiseRow, Report } from '../../shared/index.ts';
import { PAYMENTS, PROMISES, cellText, locateColumns, readDate, refKey } from '../../shared/index.ts';

const chrono = { en, it } as const;

/** True when one of the client's unpaid milestones is under an open promise. */
export function hasOpenPromise(report: Report, client: string): boolean {
  return report.milestones.some(
    (m) => m.client === client && m.promise?.state === 'open' && m.outstanding > 0,
  );
}

// chrono-node 2.10.3's Italian parser reads "15/12" and "15 dicembre" but not a bare day
// ("entro il 15", "il giorno 15"): such a day is rewritten as DD/MM, in the first month from
// `today` on that holds it, and chrono reads that. Only a day after "il", "giorno" or
// "entro" (a lone number may be an amount), and not one a month name follows. Seen 2026-12-04.
const BARE_DAY_IT =
  /\b((?:entro\s+)?(?:il\s+|giorno\s+|entro\s+)+)(\d{1,2})(?!\d|[/.:,-]\d|\s*(?:°|º)?\s*(?:gen|feb|mar|apr|mag|giu|lug|ago|set|ott|nov|dic))/giu;

function bareDaysAsDates(text: string, today: IsoDate): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  return text.replace(BARE_DAY_IT, (whole: string, lead: string, day: string) => {
    const n = Number(day);
    if (n < 1 || n > 31) return whole;
    let month = n >= d ? m : m + 1;
    let year = y;
    // The 31st of a 30-day month is the next month that has one.
    for (;;) {
      if (month > 12) {
        month = 1;
        year++;
      }
      if (new Date(Date.UTC(year, month - 1, n)).getUTCDate() === n) break;
      month++;
    }
    return `${lead}${n}/${month}/${year}`;
  });
}

/**
 * The first date on or after `today` (the day the client wrote) that `text` names ("by
 * Friday", "next week", "entro il 15", "15/12"), read in the client's language first, then
 * the other one; null when it names none. Calendar dates only: chrono reads relative words
 * from noon of `today` in the worker's own zone, which moves no date.
 */
export function readPromisedDate(text: string, today: IsoDate, language: Language): IsoDate | null {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const ref = new Date(y, m - 1, d, 12);
  const order: Language[] = language === 'it' ? ['it', 'en'] : ['en', 'it'];
  for (const lang of order) {
    const input = lang === 'it' ? bareDaysAsDates(text, today) : text;
    for (const result of chrono[lang].parse(input, ref, { forwardDate: true })) {
      const found = isoOf(result.start);
      if (found !== null && found >= today) return found;
    }
  }
  return null;
}

/**
 * The day of a message from Gmail's full date text ("Wed, 2 Dec 2026, 10:12", "mer 2 dic
 * 2026, 10:12", "Tue, Apr 1, 2014 at 9:12 AM"), in English or Italian; null when neither
 * reads a whole date on or before `today`. The year is read, never assumed.
 */
export function readMessageDate(text: string, today: IsoDate): IsoDate | null {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const ref = new Date(y, m - 1, d, 12);
  for (const lang of ['en', 'it'] as const) {
    const result = chrono[lang].parse(text, ref)[0];
    if (!result || !result.start.isCertain('year') || !result.start.isCertain('day')) continue;
    const found = isoOf(result.start);
    if (found !== null && found <= today) return found;
  }
  return null;
}

function isoOf(date: ParsedComponents): IsoDate | null {
  const [yy, mm, dd] = [date.get('year'), date.get('month'), date.get('day')];
  if (yy === null || mm === null || dd === null) return null;
  return `${String(yy).padStart(4, '0')}-${String(mm).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}

// USER_ENTERED, so dates become date cells; text gets the apostrophe that keeps it as typed
// ("=IMPORTXML(…)" stays text), as the Reminders rows do (reminder-log.ts).
function text(value: string): string | null {
  return value === '' ? null : `'${value}`;
}

export type PlacedRow = { ok: true; row: (string | number | null)[] } | { ok: false; missing: string[] };

function place(
  spec: typeof PROMISES,
  header: readonly unknown[],
  values: Record<string, string | number | null>,
): PlacedRow {
  const columns = locateColumns(spec, header);
  const missing = spec.columns.filter((c) => c.required && !columns.has(c.header)).map((c) => c.header);
  if (missing.length > 0) return { ok: false, missing };
  // The API's table starts at the header's first non-empty cell.
  const first = Math.max(
    0,
    header.findIndex((h) => String(h ?? '').trim() !== ''),
  );
  const row = new Array<string | number | null>(header.length - first).fill(null);
  for (const [name, value] of Object.entries(values)) {
    const index = columns.get(name);
    if (index === undefined || index < first || value === null) continue;
    row[index - first] = value;
  }
  return { ok: true, row };
}

export interface PromiseEntry {
  /** When the client promised (the ledger's today). */
  date: IsoDate;
  milestones: string[];
  client: string;
  /** Major units as typed by the user; null = everything outstanding. */
  amount: number | null;
  by: IsoDate;
  /** The thread's link. */
  source: string;
  note: string;
}

/** The Promises row to append, aligned on the tab's header. */
export function promiseRow(entry: PromiseEntry, header: readonly unknown[]): PlacedRow {
  return place(PROMISES, header, {
    Date: entry.date,
    Milestone: text(entry.milestones.join(', ')),
    Client: text(entry.client),
    Amount: entry.amount,
    'Promised by': entry.by,
    Source: text(entry.source),
    Note: text(entry.note),
  });
}

export interface PaymentEntry {
  date: IsoDate;
  milestone: string;
  /** Major units. */
  amount: number;
  method: string;
  /** The Payments tab has no Source column: the thread's link goes in Note. */
  note: string;
}

export function paymentRow(entry: PaymentEntry, header: readonly unknown[]): PlacedRow {
  return place(PAYMENTS, header, {
    Date: entry.date,
    Milestone: text(entry.milestone),
    Amount: entry.amount,
    Method: text(entry.method),
    Note: text(entry.note),
  });
}

/**
 * True when the ledger already holds this promise (same made-on day, milestones, date and
 * source): a second click, or a retry after an answer that never came, appends nothing.
 */
export function hasPromise(promises: readonly PromiseRow[], entry: PromiseEntry): boolean {
  const ids = entry.milestones.map(refKey).sort().join('\n');
  return promises.some(
    (p) =>
      p.date === entry.date &&
      p.by === entry.by &&
      p.source.trim() === entry.source.trim() &&
      p.milestones.map(refKey).sort().join('\n') === ids,
  );
}

/**
 * True when the Promises tab as just read (`rows`, header first) holds this promise: same
 * milestones, Promised by and Source. Catches a row appended by an earlier click whose
 * answer never came back (the worker restarted, the network dropped).
 */
export function sheetHasPromise(
  rows: readonly (readonly unknown[])[],
  entry: PromiseEntry,
  locale: string,
  timeZone: string,
): boolean {
  const columns = locateColumns(PROMISES, rows[0] ?? []);
  const [milestone, by, source] = ['Milestone', 'Promised by', 'Source'].map((h) => columns.get(h));
  if (milestone === undefined || by === undefined || source === undefined) return false;
  const ids = entry.milestones.map(refKey).sort().join('\n');
  return rows.slice(1).some((row) => {
    const date = readDate(row[by], locale, timeZone);
    const refs = cellText(row[milestone])
      .split(/[,;\n]/)
      .map((r) => r.trim())
      .filter((r) => r !== '')
      .map(refKey)
      .sort()
      .join('\n');
    return (
      date.ok &&
      date.value === entry.by &&
      cellText(row[source]).trim() === entry.source.trim() &&
      refs === ids
    );
  });
}
