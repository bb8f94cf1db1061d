/**
 * Ledgers for the add-on's tests: seeds for the fake spreadsheet, and snapshots of what a
 * user typed, to prove the add-on never changed it.
 */
import type { RawLedger, TabSpec } from '../../shared/index.ts';
import { computedHeaders, findTabName, locateColumns, TABS } from '../../shared/index.ts';
import type { SheetModel, SheetSeed, SpreadsheetModel } from './fakes/spreadsheet-model.ts';
import { isDate } from './fakes/env.ts';

/** A Monday morning in Rome. */
export const NOW = '2026-03-02T09:00:00+01:00';
export const TODAY = '2026-03-02';

/** Sheet seeds from raw tabs, in the order given. */
export function seedsOf(raw: RawLedger): SheetSeed[] {
  return Object.entries(raw).map(([name, rows]) => ({ name, rows, frozenRows: 1 }));
}

/** A cell as a comparable value: dates as their instant. */
function plain(value: unknown): unknown {
  return isDate(value) ? `date:${value.getTime()}` : value;
}

/**
 * Every cell a user may type in: all cells of non-ledger tabs, and in ledger tabs every
 * column that is not a computed one (found by header, as the add-on finds them).
 */
export function userCells(book: SpreadsheetModel): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const sheet of book.sheets) {
    const spec = TABS.find((t) => findTabName(t, [sheet.name]) !== null);
    const computed = computedIndexes(spec, sheet);
    sheet.values().forEach((row, r) =>
      row.forEach((v, c) => {
        if (r > 0 && computed.has(c)) return;
        if (v === '') return;
        out.set(`${sheet.name}!${r + 1},${c + 1}`, plain(v));
      }),
    );
  }
  return out;
}

function computedIndexes(spec: TabSpec | undefined, sheet: SheetModel): Set<number> {
  if (!spec) return new Set();
  const header = sheet.values()[0] ?? [];
  const located = locateColumns(spec, header);
  return new Set(computedHeaders(spec).flatMap((h) => (located.has(h) ? [located.get(h) as number] : [])));
}

/** Everything setup can touch, as plain data: for "running it twice changes nothing". */
export function setupState(book: SpreadsheetModel): unknown {
  return {
    tabs: book.sheets.map((s) => ({
      name: s.name,
      values: s.values().map((r) => r.map(plain)),
      frozenRows: s.frozenRows,
      maxRows: s.maxRows,
      maxColumns: s.maxColumns,
      validations: [...s.validations].map(([k, v]) => [k, v.spec]).sort(),
      rules: s.conditionalRules.map((r) => r.spec),
      formats: [...s.formats].sort(),
    })),
    protections: book.protections
      .filter((p) => !p.removed)
      .map((p) => ({ sheet: p.sheetId, box: p.box, description: p.description, warningOnly: p.warningOnly })),
  };
}

/** 1-based column of `header` in a tab's header row (case and spaces ignored), or throws. */
export function col(sheet: SheetModel, header: string): number {
  const want = header.toLowerCase().replace(/\s+/g, '');
  const i = (sheet.values()[0] ?? []).findIndex((h) => String(h).toLowerCase().replace(/\s+/g, '') === want);
  if (i === -1) throw new Error(`${sheet.name} has no column ${header}`);
  return i + 1;
}

/** The data rows of a tab as objects by header (row 2 first). */
export function rowsOf(sheet: SheetModel): Record<string, unknown>[] {
  const [header = [], ...rows] = sheet.values();
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
}
