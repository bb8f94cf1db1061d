/**
 * The pack's timeline as CSV for spreadsheets and accounting tools: one row per event,
 * ISO dates, amounts in major units with a dot decimal, RFC 4180 quoting and CRLF line
 * ends. Text that a spreadsheet would run as a formula (starting with = + - @, tab or CR)
 * gets a leading apostrophe (OWASP, "CSV Injection").
 */
import { toMajor } from '../money.ts';
import type { Pack } from './build.ts';

export const PACK_CSV_HEADERS = [
  'Date',
  'Event',
  'Kind',
  'Milestone',
  'Invoice',
  'Details',
  'Amount',
  'Currency',
  'Stage',
  'Channel',
  'To',
  'Subject',
  'Link',
  'Tab',
  'Row',
] as const;

/** A text cell a spreadsheet will not evaluate. */
export function csvText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** RFC 4180 field: quoted when it holds a comma, quote or line break. */
export function csvField(value: string | number): string {
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function packCsv(pack: Pack): string {
  const lines = [PACK_CSV_HEADERS.join(',')];
  for (const ev of pack.events) {
    const cells: Array<string | number> = [
      ev.date ?? '',
      csvText(ev.title),
      ev.kind,
      csvText(ev.milestones.join(', ')),
      csvText(ev.invoice),
      csvText(ev.detail),
      ev.amount === null || ev.currency === null ? '' : toMajor(ev.amount, ev.currency),
      ev.currency ?? '',
      ev.stage ?? '',
      ev.channel ?? '',
      csvText(ev.to),
      csvText(ev.subject),
      csvText(ev.link),
      ev.source.tab,
      ev.source.row,
    ];
    lines.push(cells.map(csvField).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}
