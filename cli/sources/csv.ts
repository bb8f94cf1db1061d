/**
 * A CSV ledger: a folder with one `<Tab>.csv` per tab (`Change orders.csv` has a space), as
 * File → Download → CSV gives them. RFC 4180: quoted fields, doubled quotes, CRLF, BOM.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { RawLedger } from '../../shared/index.ts';
import { TABS, normalizeHeader } from '../../shared/index.ts';

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
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
    raw[tab] = parseCsv(await readFile(path.join(dir, file), 'utf8'));
  }
  if (Object.keys(raw).length === 0) {
    throw new LedgerReadError(
      `No ledger CSV files in ${dir}: expected ${TABS.map((t) => `"${t.name}.csv"`).join(', ')}.`,
    );
  }
  return raw;
}
