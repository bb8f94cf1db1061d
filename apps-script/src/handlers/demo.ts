/**
 * "Load demo data": the core's demo ledger written into the user's tabs, values only, by
 * header. A cell the user filled is never overwritten (Settings fills only empty values).
 */
import type { TabKey } from '../../../shared/index.ts';
import { dateHeaders, demoLedger, findTabName, locateColumns, refKey, TABS } from '../../../shared/index.ts';
import type { CellValue, Services } from '../services.ts';
import { textCell } from './cells.ts';
import type { LoadedLedger } from './ledger.ts';

/**
 * The demo ledger written into the tabs setup made, by header, so it lands in the right
 * columns even where the user's tabs have another order. Settings only fills values that
 * are empty, and leaves Locale and Time zone to the spreadsheet's own.
 */
export function writeDemo(services: Services, loaded: LoadedLedger): void {
  const demo = demoLedger(loaded.today);
  for (const spec of TABS) {
    const layout = loaded.layout[spec.key];
    const demoName = findTabName(spec, Object.keys(demo));
    const rows = demoName === null ? [] : (demo[demoName] ?? []);
    if (!layout || rows.length < 2) continue;
    const demoColumns = locateColumns(spec, rows[0] ?? []);
    const toRow = (cells: readonly unknown[]): CellValue[] => {
      const out: CellValue[] = Array.from({ length: Math.max(1, layout.width) }, () => '');
      for (const [header, i] of demoColumns) {
        const target = layout.columns[header];
        const value = cells[i];
        if (target === undefined || value === undefined || value === null) continue;
        out[target] = typeof value === 'number' ? value : demoText(spec.key, header, String(value));
      }
      return out;
    };
    if (spec.key !== 'settings') {
      services.appendRows(layout.name, rows.slice(1).map(toRow));
      continue;
    }
    // Settings: fill empty values of settings that exist, add the ones that don't.
    const current = loaded.snapshot.tabs[layout.name] ?? [];
    const nameAt = layout.columns.Setting;
    const valueAt = layout.columns.Value;
    if (nameAt === undefined || valueAt === undefined) continue;
    const rowOf = new Map(
      current.slice(1).map((r, k) => [refKey(String(r[nameAt] ?? '')), { cells: r, row: k + 2 }]),
    );
    const add: CellValue[][] = [];
    for (const cells of rows.slice(1)) {
      const name = String(cells[0] ?? '');
      if (name === 'Locale' || name === 'Time zone') continue;
      const value = cells[1];
      const existing = rowOf.get(refKey(name));
      if (!existing) add.push(toRow(cells));
      else if (String(existing.cells[valueAt] ?? '').trim() === '' && value !== undefined && value !== '') {
        services.writeBlocks([
          {
            tab: layout.name,
            row: existing.row,
            column: valueAt + 1,
            values: [[typeof value === 'number' ? value : textCell(String(value))]],
          },
        ]);
      }
    }
    if (add.length > 0) services.appendRows(layout.name, add);
  }
}

// Demo dates are ISO text, which Sheets stores as dates; every other text stays as typed.
// The schema's date columns, and Contract: a text column the demo fills with the signing date.
const DEMO_DATES = new Map(
  TABS.map((t) => [t.key, new Set([...dateHeaders(t), ...(t.key === 'clients' ? ['Contract'] : [])])]),
);
function demoText(tab: TabKey, header: string, value: string): CellValue {
  if (DEMO_DATES.get(tab)?.has(header) && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  return textCell(value);
}
