import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Writes a raw ledger as the CSV folder File → Download → CSV produces; returns the folder. */
export function writeCsvLedger(raw: Readonly<Record<string, readonly (readonly unknown[])[]>>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'payladder-csv-'));
  for (const [tab, rows] of Object.entries(raw)) {
    writeFileSync(
      path.join(dir, `${tab}.csv`),
      rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n',
    );
  }
  return dir;
}
