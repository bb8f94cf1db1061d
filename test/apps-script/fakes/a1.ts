/**
 * A1 notation as Apps Script's `getRange` takes it: `B2`, `$B$2`, `A1:C10`, `A:C` (whole
 * columns), `2:4` (whole rows), `'My tab'!A1`. Column letters are the tests' one A1 module's
 * (test/support/a1-notation.ts); what differs from the Sheets API's grammar is here.
 */
import { columnLetters, columnNumber } from '../../support/a1-notation.ts';

export { columnLetters, columnNumber };

export interface GridBox {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export interface ParsedA1 {
  /** The tab named before `!`, unquoted; undefined when the notation names none. */
  sheet: string | undefined;
  /** Bounds; a missing one means "to the edge of the sheet". */
  startRow: number | undefined;
  startColumn: number | undefined;
  endRow: number | undefined;
  endColumn: number | undefined;
}

const CELL = /^\$?([A-Za-z]*)\$?(\d*)$/;

/** Returns undefined for text that is not A1 notation. */
export function parseA1(notation: string): ParsedA1 | undefined {
  let sheet: string | undefined;
  let cells = notation.trim();
  const bang = cells.lastIndexOf('!');
  if (bang !== -1) {
    sheet = cells.slice(0, bang);
    cells = cells.slice(bang + 1);
    if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length >= 2) {
      sheet = sheet.slice(1, -1).replaceAll("''", "'");
    }
  }
  const [from, to, extra] = cells.split(':');
  if (from === undefined || extra !== undefined) return undefined;
  const start = CELL.exec(from);
  const end = to === undefined ? start : CELL.exec(to);
  if (!start || !end || (start[1] === '' && start[2] === '') || (end[1] === '' && end[2] === ''))
    return undefined;
  // A single reference must name both column and row (`B` alone is not a range).
  if (to === undefined && (start[1] === '' || start[2] === '')) return undefined;
  const num = (s: string | undefined) => (s ? Number(s) : undefined);
  const col = (s: string | undefined) => (s ? columnNumber(s) : undefined);
  return {
    sheet,
    startRow: num(start[2]),
    startColumn: col(start[1]),
    endRow: num(end[2]),
    endColumn: col(end[1]),
  };
}

/**
 * `A1` for one cell, `A1:C3` otherwise. Known difference: Sheets answers `A:C` for a range
 * made from whole-column notation; the fake always answers bounded notation.
 */
export function formatA1(box: GridBox): string {
  const first = `${columnLetters(box.column)}${box.row}`;
  if (box.numRows === 1 && box.numColumns === 1) return first;
  return `${first}:${columnLetters(box.column + box.numColumns - 1)}${box.row + box.numRows - 1}`;
}

/** `'My tab'!A1:B2`; quotes a tab name unless it is a plain identifier, as Sheets does. */
export function qualifiedA1(sheet: string, box: GridBox): string {
  const name = /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet) ? sheet : `'${sheet.replaceAll("'", "''")}'`;
  return `${name}!${formatA1(box)}`;
}
