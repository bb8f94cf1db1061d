/**
 * A CSV ledger: a folder with one `<Tab>.csv` per tab (`Change orders.csv` has a space), as
 * File → Download → CSV gives them, read with csv-parse (RFC 4180).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { CsvError, parse } from 'csv-parse/sync';
import path from 'node:path';
import type { RawLedger } from '../../shared/index.ts';
import { TABS, normalizeHeader } from '../../shared/index.ts';

export const CSV_ERRORS = {
  unclosed_quote: (file: string, line: number) =>
    `${file}, line ${line}: a quoted cell starts here and its closing quote is missing, so the rest of the file would be read as one cell. Close the quote (a quote inside a cell is written twice: "").`,
  malformed: (file: string, line: number, why: string) =>
    `${file}, line ${line}: not valid CSV (${why}). Export the tab again with File → Download → Comma-separated values.`,
} as const;

/**
 * RFC 4180 rows of one CSV file, by csv-parse: quoted fields, doubled quotes, newlines in
 * quotes, CRLF or LF (mixed too), a BOM, rows of any length. Blank lines stay as rows so
 * row numbers match the sheet's. A file that is not valid CSV (an unclosed quote above all,
 * which would swallow the rest of the file into one cell) is a LedgerReadError naming
 * `file` and the line where the bad row starts.
 */
export function parseCsv(text: string, file = 'CSV'): string[][] {
  // The line where the last complete row ended: an unclosed quote opens on the row after it.
  let lastLine = 0;
  try {
    return parse(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      record_delimiter: ['\r\n', '\n', '\r'],
      on_record: (record: string[], context: { lines: number }) => {
        lastLine = context.lines;
        return record;
      },
    }) as string[][];
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    if (e.code === 'CSV_QUOTE_NOT_CLOSED')
      throw new LedgerReadError(CSV_ERRORS.unclosed_quote(file, lastLine + 1));
    const line = (e as CsvError & { lines?: number }).lines ?? lastLine + 1;
    throw new LedgerReadError(CSV_ERRORS.malformed(file, line, e.message.replace(/\.$/, '')));
  }
}

export class LedgerReadError extends Error {}

/** Reads every `<Tab>.csv` of a folder whose name matches a ledger tab (case and spaces ignored). */
export async function readCsvLedger(dir: string): Promise<RawLedger> {
  let files: string[];
  try {
    if (!(await stat(dir)).isDirectory()) throw new LedgerReadError(`${dir} is not a folder of CSV files.`);
    files = await readdir(dir);
  } catch (e) {
    if (e instanceof LedgerReadError) throw e;
    throw new LedgerReadError(`Cannot read the ledger folder ${dir}: ${(e as Error).message}`);
  }
  const raw: RawLedger = {};
  const wanted = new Set(TABS.map((t) => normalizeHeader(t.name)));
  for (const file of files) {
    if (!file.toLowerCase().endsWith('.csv')) continue;
    const tab = file.slice(0, -4);
    if (!wanted.has(normalizeHeader(tab))) continue;
    const where = path.join(dir, file);
    raw[tab] = parseCsv(await readFile(where, 'utf8'), where);
  }
  if (Object.keys(raw).length === 0) {
    throw new LedgerReadError(
      `No ledger CSV files in ${dir}: expected ${TABS.map((t) => `"${t.name}.csv"`).join(', ')}.`,
    );
  }
  return raw;
}
