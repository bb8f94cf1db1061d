/**
 * The spreadsheet's state, apart from the Apps Script objects that read and write it. Tests
 * seed it and look into it here without counting calls; the facades (FakeSpreadsheet,
 * FakeSheet, FakeRange) are what the code under test sees, and every call on them counts.
 */
import type { GridBox } from './a1.ts';
import { qualifiedA1 } from './a1.ts';
import type { CellValue, SheetLocale } from './cells.ts';
import { toCell } from './cells.ts';

/** Formatting the fakes keep per cell; unset fields read back as Sheets' defaults. */
export interface CellFormat {
  background?: string | null;
  fontColor?: string | null;
  fontWeight?: 'normal' | 'bold' | null;
  fontStyle?: 'normal' | 'italic' | null;
  numberFormat?: string;
  horizontalAlignment?: string | null;
  verticalAlignment?: string | null;
  wrap?: boolean;
  border?: {
    top: boolean | null;
    left: boolean | null;
    bottom: boolean | null;
    right: boolean | null;
    color?: string | null;
    style?: string | null;
  };
}

/** Data behind a DataValidation, readable by tests without counting. */
export interface ValidationSpec {
  criteria: string;
  values: readonly unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

/** Data behind a conditional format rule; `ranges` as qualified A1 (`Milestones!A2:M40`). */
export interface ConditionalFormatSpec {
  criteria: string | null;
  values: readonly unknown[];
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  italic: boolean | null;
  strikethrough: boolean | null;
  underline: boolean | null;
  ranges: readonly string[];
}

/** A rule object as the facades hand it around: opaque to the model except for its spec. */
export interface WithSpec<S> {
  readonly spec: S;
}

export interface ProtectionModel {
  type: 'SHEET' | 'RANGE';
  sheetId: number;
  /** The protected cells for a RANGE protection. */
  box: GridBox | undefined;
  description: string;
  warningOnly: boolean;
  unprotected: GridBox[];
  removed: boolean;
}

export interface Toast {
  message: string;
  title: string;
  timeoutSeconds: number;
}

// New sheets in Google Sheets have 1000 rows and 26 columns (A-Z).
export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;
/** Sheets' column width in pixels before anyone resizes it. */
export const DEFAULT_COLUMN_WIDTH = 100;

const key = (row: number, column: number) => `${row},${column}`;

export class SheetModel {
  frozenRows = 0;
  frozenColumns = 0;
  hidden = false;
  tabColor: string | null = null;
  /** Rows of values from row 1; a missing row or cell is empty. */
  private readonly grid: CellValue[][] = [];
  readonly formulas = new Map<string, string>();
  readonly notes = new Map<string, string>();
  readonly formats = new Map<string, CellFormat>();
  readonly validations = new Map<string, WithSpec<ValidationSpec>>();
  conditionalRules: WithSpec<ConditionalFormatSpec>[] = [];
  readonly columnWidths = new Map<number, number>();
  readonly hiddenColumns = new Set<number>();

  constructor(
    public name: string,
    readonly sheetId: number,
    public maxRows = DEFAULT_ROWS,
    public maxColumns = DEFAULT_COLUMNS,
  ) {}

  get(row: number, column: number): CellValue {
    return this.grid[row - 1]?.[column - 1] ?? '';
  }

  set(row: number, column: number, value: CellValue, formula?: string): void {
    const cells = (this.grid[row - 1] ??= []);
    while (cells.length < column - 1) cells.push('');
    cells[column - 1] = value;
    if (formula === undefined) this.formulas.delete(key(row, column));
    else this.formulas.set(key(row, column), formula);
  }

  /** Last row holding a value (formatting, notes and validation do not count, as in Sheets). */
  lastRow(): number {
    for (let r = this.grid.length; r > 0; r -= 1) {
      if (this.grid[r - 1]?.some((v) => v !== '')) return r;
    }
    return 0;
  }

  lastColumn(): number {
    let last = 0;
    for (const cells of this.grid) {
      if (!cells) continue;
      for (let c = cells.length; c > last; c -= 1) {
        if (cells[c - 1] !== '') {
          last = c;
          break;
        }
      }
    }
    return last;
  }

  /** The data range's values (row 1 to the last row, column 1 to the last column), dates copied. */
  values(): CellValue[][] {
    return this.read({ row: 1, column: 1, numRows: this.lastRow(), numColumns: this.lastColumn() });
  }

  read(box: GridBox): CellValue[][] {
    const out: CellValue[][] = [];
    for (let r = 0; r < box.numRows; r += 1) {
      const row: CellValue[] = [];
      for (let c = 0; c < box.numColumns; c += 1) row.push(toCell(this.get(box.row + r, box.column + c)));
      out.push(row);
    }
    return out;
  }

  format(row: number, column: number): Readonly<CellFormat> {
    return this.formats.get(key(row, column)) ?? {};
  }

  updateFormat(row: number, column: number, patch: CellFormat): void {
    this.formats.set(key(row, column), { ...this.formats.get(key(row, column)), ...patch });
  }

  note(row: number, column: number): string {
    return this.notes.get(key(row, column)) ?? '';
  }

  setNote(row: number, column: number, note: string | null): void {
    if (note === null || note === '') this.notes.delete(key(row, column));
    else this.notes.set(key(row, column), note);
  }

  formula(row: number, column: number): string {
    return this.formulas.get(key(row, column)) ?? '';
  }

  validation(row: number, column: number): WithSpec<ValidationSpec> | null {
    return this.validations.get(key(row, column)) ?? null;
  }

  setValidation(row: number, column: number, rule: WithSpec<ValidationSpec> | null): void {
    if (rule === null) this.validations.delete(key(row, column));
    else this.validations.set(key(row, column), rule);
  }

  /**
   * Inserts empty rows before `before`, moving values, notes, formats and validations down
   * as Sheets does. Known difference: conditional format and protection ranges stay put.
   */
  insertRows(before: number, count: number): void {
    if (this.grid.length >= before)
      this.grid.splice(before - 1, 0, ...Array.from({ length: count }, () => []));
    this.maxRows += count;
    this.shiftKeys('row', before, count);
  }

  /** Inserts empty columns before `before`; same moves and known difference as insertRows. */
  insertColumns(before: number, count: number): void {
    for (const cells of this.grid) {
      if (cells && cells.length >= before) cells.splice(before - 1, 0, ...Array<CellValue>(count).fill(''));
    }
    this.maxColumns += count;
    this.shiftKeys('column', before, count);
    const widths = [...this.columnWidths];
    this.columnWidths.clear();
    for (const [c, w] of widths) this.columnWidths.set(c >= before ? c + count : c, w);
    const hidden = [...this.hiddenColumns];
    this.hiddenColumns.clear();
    for (const c of hidden) this.hiddenColumns.add(c >= before ? c + count : c);
  }

  private shiftKeys(axis: 'row' | 'column', from: number, by: number): void {
    const maps: Map<string, unknown>[] = [this.formulas, this.notes, this.formats, this.validations];
    for (const map of maps) {
      const entries = [...map];
      map.clear();
      for (const [k, v] of entries) {
        const [r = 0, c = 0] = k.split(',').map(Number);
        map.set(axis === 'row' ? key(r >= from ? r + by : r, c) : key(r, c >= from ? c + by : c), v);
      }
    }
  }
}

export interface SheetSeed {
  name: string;
  /** Cell contents as stored: strings are not parsed (a seeded `'007'` stays text). */
  rows?: readonly (readonly unknown[])[];
  maxRows?: number;
  maxColumns?: number;
  frozenRows?: number;
}

export interface SpreadsheetSeed {
  id?: string;
  name?: string;
  /** Sheets' locale code; decides decimal separators and date display. Default `en_US`. */
  locale?: string;
  /** Default `Europe/Rome`, the manifest's zone. */
  timeZone?: string;
  /** Owner's email; null for a file on a shared drive. */
  owner?: string | null;
  /** Tabs in order: an array, or `{ Clients: rows, ... }` in insertion order. Default: one empty `Sheet1`. */
  sheets?: readonly SheetSeed[] | Readonly<Record<string, readonly (readonly unknown[])[]>>;
}

export class SpreadsheetModel implements SheetLocale {
  readonly id: string;
  name: string;
  locale: string;
  timeZone: string;
  readonly owner: string | null;
  readonly sheets: SheetModel[] = [];
  activeSheetId: number | undefined;
  activeRange: { sheetId: number; box: GridBox } | undefined;
  readonly toasts: Toast[] = [];
  readonly protections: ProtectionModel[] = [];
  private nextSheetId = 0;

  constructor(seed: SpreadsheetSeed = {}) {
    this.id = seed.id ?? 'fake-spreadsheet-id';
    this.name = seed.name ?? 'Payladder ledger';
    this.locale = seed.locale ?? 'en_US';
    this.timeZone = seed.timeZone ?? 'Europe/Rome';
    this.owner = seed.owner === undefined ? 'owner@example.com' : seed.owner;
    const sheets: readonly SheetSeed[] = Array.isArray(seed.sheets)
      ? seed.sheets
      : Object.entries(seed.sheets ?? { Sheet1: [] }).map(([name, rows]) => ({ name, rows }));
    for (const s of sheets) this.seedSheet(s);
    this.activeSheetId = this.sheets[0]?.sheetId;
  }

  get url(): string {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }

  /** Adds a tab with contents, as a test's starting state (no call counted). */
  seedSheet(seed: SheetSeed): SheetModel {
    const rows = seed.rows ?? [];
    const widest = Math.max(0, ...rows.map((r) => r.length));
    const sheet = this.addSheet(seed.name, undefined, {
      maxRows: seed.maxRows ?? Math.max(DEFAULT_ROWS, rows.length),
      maxColumns: seed.maxColumns ?? Math.max(DEFAULT_COLUMNS, widest),
    });
    if (rows.length > sheet.maxRows || widest > sheet.maxColumns) {
      throw new RangeError(`seed for ${seed.name} is larger than its maxRows/maxColumns`);
    }
    rows.forEach((cells, r) => cells.forEach((v, c) => sheet.set(r + 1, c + 1, toCell(v))));
    sheet.frozenRows = seed.frozenRows ?? 0;
    return sheet;
  }

  /** Sheets keeps tab names unique ignoring case; `index` is 0-based as in insertSheet. */
  addSheet(name: string, index?: number, size: { maxRows?: number; maxColumns?: number } = {}): SheetModel {
    if (this.findSheet(name, { ignoreCase: true })) {
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    const sheet = new SheetModel(name, this.nextSheetId, size.maxRows, size.maxColumns);
    this.nextSheetId += 1;
    this.sheets.splice(index ?? this.sheets.length, 0, sheet);
    return sheet;
  }

  /**
   * Case-sensitive by default: stricter than Sheets may be, so code that finds tabs by
   * name compares names itself instead of relying on the lookup.
   */
  findSheet(name: string, options: { ignoreCase?: boolean } = {}): SheetModel | undefined {
    const same = options.ignoreCase
      ? (a: string) => a.toLowerCase() === name.toLowerCase()
      : (a: string) => a === name;
    return this.sheets.find((s) => same(s.name));
  }

  /** For tests: the tab, or a thrown error naming the tabs there are. */
  sheet(name: string): SheetModel {
    const sheet = this.findSheet(name);
    if (!sheet) throw new Error(`no tab "${name}"; tabs: ${this.sheets.map((s) => s.name).join(', ')}`);
    return sheet;
  }

  sheetById(sheetId: number): SheetModel | undefined {
    return this.sheets.find((s) => s.sheetId === sheetId);
  }

  activeSheet(): SheetModel {
    const sheet =
      (this.activeSheetId === undefined ? undefined : this.sheetById(this.activeSheetId)) ?? this.sheets[0];
    if (!sheet) throw new Error('the spreadsheet has no tabs');
    return sheet;
  }

  /** `Milestones!A2:M40`, for log entries and rule specs. */
  describe(sheet: SheetModel, box: GridBox): string {
    return qualifiedA1(sheet.name, box);
  }
}

/** A spreadsheet for a test; the tabs' contents are stored as given. */
export function createSpreadsheet(seed: SpreadsheetSeed = {}): SpreadsheetModel {
  return new SpreadsheetModel(seed);
}
