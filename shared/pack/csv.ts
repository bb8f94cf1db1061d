/**
 * The pack's statement of account and chasing record as CSV for spreadsheets and
 * accounting tools: ISO dates, amounts in major units with a dot decimal, RFC 4180 quoting
 * and CRLF line ends. Text that a spreadsheet would run as a formula (starting with = + - @, tab or CR)
 * gets a leading apostrophe (OWASP, "CSV Injection").
 */
import { toMajor } from '../money.ts';
import type { Pack } from './build.ts';

/** A text cell a spreadsheet will not evaluate. */
export function csvText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** RFC 4180 field: quoted when it holds a comma, quote or line break. */
export function csvField(value: string | number): string {
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const STATEMENT_CSV_HEADERS = [
  'Date',
  'Currency',
  'Kind',
  'Milestone',
  'Invoice',
  'Description',
  'Debit',
  'Credit',
  'Balance',
  'Tab',
  'Row',
] as const;

export const CHASING_CSV_HEADERS = [
  'Date',
  'Kind',
  'Stage',
  'Channel',
  'Milestones',
  'Invoices',
  'To',
  'Subject',
  'Link',
  'Tab',
  'Row',
] as const;

const lines = (headers: readonly string[], rows: Array<Array<string | number>>) =>
  [headers.join(','), ...rows.map((cells) => cells.map(csvField).join(','))].join('\r\n') + '\r\n';

/** The statement of account: one row per line, every currency, with its running balance. */
export function packStatementCsv(pack: Pack): string {
  const rows = pack.statement.flatMap((s) =>
    s.lines.map((l) => [
      l.date ?? '',
      s.currency,
      l.kind,
      csvText(l.milestone),
      csvText(l.invoice),
      csvText(l.description),
      l.debit ? toMajor(l.debit, s.currency) : '',
      l.credit ? toMajor(l.credit, s.currency) : '',
      toMajor(l.balance, s.currency),
      l.source.tab,
      l.source.row,
    ]),
  );
  return lines(STATEMENT_CSV_HEADERS, rows);
}

/** The chasing record: every Reminders row (Channel as logged: `draft` is not confirmed sent) and disputes. */
export function packChasingCsv(pack: Pack): string {
  const rows = pack.chasing.map((c) => [
    c.date ?? '',
    c.kind,
    c.stage ?? '',
    c.channel ?? '',
    csvText(c.milestones.join(', ')),
    csvText(c.invoice),
    csvText(c.to),
    csvText(c.subject),
    csvText(c.link),
    c.source.tab,
    c.source.row,
  ]);
  return lines(CHASING_CSV_HEADERS, rows);
}
