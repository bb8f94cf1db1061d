/**
 * `readRanges` and `setCells` of the Sheets client over tabs held in memory (header first),
 * for unit tests of what the extension writes. Ranges are read with the Sheets fake's own
 * A1 parser; only what a dispute asks for is served (whole rows to read, single cells to
 * set): anything else throws, so a change in what is asked cannot pass unnoticed. The
 * HTTP shapes themselves are checked in sheets-client.test.ts and against the Sheets fake.
 */
import type { CellUpdate, SheetsClient } from '../../extension/sheets/client.ts';
import { parseA1 } from '../support/a1-notation.ts';

export interface MemorySheet extends Pick<SheetsClient, 'readRanges' | 'setCells'> {
  /** Every cell set, in order, as the request gave it. */
  readonly set: { range: string; value: string }[];
  /** Ranges of every read, one list per request. */
  readonly reads: string[][];
}

function place(tabs: Record<string, unknown[][]>, range: string) {
  const parsed = parseA1(range);
  const rows = parsed?.sheet === undefined ? undefined : tabs[parsed.sheet];
  if (!parsed?.cells || !rows) throw new Error(`memory sheet: no range ${range}`);
  return { rows, cells: parsed.cells };
}

export function memorySheet(tabs: Record<string, unknown[][]>, options: { fail?: Error } = {}): MemorySheet {
  const set: MemorySheet['set'] = [];
  const reads: string[][] = [];
  return {
    set,
    reads,
    async readRanges(_id, ranges) {
      // The answer comes after a turn of the event loop, as a real request's does.
      await new Promise((resolve) => setTimeout(resolve, 0));
      reads.push([...ranges]);
      return ranges.map((range) => {
        const { rows, cells } = place(tabs, range);
        if (cells.startRow === undefined || cells.startCol !== undefined || cells.endRow !== cells.startRow) {
          throw new Error(`memory sheet: reads whole rows only, not ${range}`);
        }
        const row = rows[cells.startRow - 1] ?? [];
        return row.length === 0 ? [] : [[...row]];
      });
    },
    async setCells(_id, updates: readonly CellUpdate[]) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (options.fail) throw options.fail;
      for (const { range, values } of updates) {
        const { rows, cells } = place(tabs, range);
        const [r, c] = [cells.startRow, cells.startCol];
        const value = values[0]?.[0];
        if (
          r === undefined ||
          c === undefined ||
          values.length !== 1 ||
          values[0]?.length !== 1 ||
          value === undefined
        ) {
          throw new Error(`memory sheet: sets single cells only, not ${range}`);
        }
        while (rows.length < r) rows.push([]);
        const row = rows[r - 1] as unknown[];
        while (row.length < c) row.push('');
        row[c - 1] = value;
        set.push({ range, value });
      }
      return updates.length;
    },
  };
}
