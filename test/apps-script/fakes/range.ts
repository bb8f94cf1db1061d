/** The fake `Range`: a box of cells on one tab, reading and writing the SheetModel. */
import type { GridBox } from './a1.ts';
import { formatA1, parseA1 } from './a1.ts';
import { counted, describeTarget } from './call-log.ts';
import type { CellValue } from './cells.ts';
import { displayText, parseWritten } from './cells.ts';
import type { FakeEnv } from './env.ts';
import { appsScriptError, isDate, requireInteger, signatureError } from './env.ts';
import { FakeDataValidation } from './rules.ts';
import { FakeProtection } from './protection.ts';
import { FakeSheet } from './sheet.ts';
import type { CellFormat, SheetModel, SpreadsheetModel } from './spreadsheet-model.ts';

type Range = GoogleAppsScript.Spreadsheet.Range;

/** What the spreadsheet facades share. */
export interface SheetsContext {
  readonly env: FakeEnv;
  readonly book: SpreadsheetModel;
  /** The Spreadsheet facade over `book` (Sheet.getParent). */
  spreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet;
}

// Defaults Sheets reports for a cell nobody formatted.
const DEFAULT_BACKGROUND = '#ffffff';
const DEFAULT_FONT_COLOR = '#000000';
const DEFAULT_NUMBER_FORMAT = '0.###############';

export class FakeRange implements Partial<Range> {
  constructor(
    private readonly ctx: SheetsContext,
    /** The tab and cells this range covers: for tests, not part of Apps Script. */
    readonly sheet: SheetModel,
    readonly box: Readonly<GridBox>,
  ) {
    return counted(this, 'Range', ctx.env.calls);
  }

  [describeTarget](): string {
    return this.ctx.book.describe(this.sheet, this.box);
  }

  private real(): Range {
    return this as unknown as Range;
  }

  private get env(): FakeEnv {
    return this.ctx.env;
  }

  /** Calls `fn` for each cell, row by row, and returns the results in the range's shape. */
  private map<T>(fn: (row: number, column: number, r: number, c: number) => T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < this.box.numRows; r += 1) {
      const cells: T[] = [];
      for (let c = 0; c < this.box.numColumns; c += 1)
        cells.push(fn(this.box.row + r, this.box.column + c, r, c));
      out.push(cells);
    }
    return out;
  }

  private each(fn: (row: number, column: number) => void): void {
    this.map(fn);
  }

  private get size(): number {
    return this.box.numRows * this.box.numColumns;
  }

  /** A value as the code under test receives it: dates in its own realm. */
  private out(value: CellValue): unknown {
    return isDate(value) ? new this.env.realm.Date(value.getTime()) : value;
  }

  /** Apps Script's shape check for a 2D argument, with its own messages. */
  private checkShape(method: string, grid: unknown): asserts grid is unknown[][] {
    if (!Array.isArray(grid) || !grid.every((row) => Array.isArray(row))) {
      throw signatureError(this.env, `SpreadsheetApp.Range.${method}`, [grid]);
    }
    if (grid.length !== this.box.numRows) {
      throw appsScriptError(
        this.env,
        `The number of rows in the data does not match the number of rows in the range. The data has ${grid.length} but the range has ${this.box.numRows}.`,
      );
    }
    for (const row of grid as unknown[][]) {
      if (row.length !== this.box.numColumns) {
        throw appsScriptError(
          this.env,
          `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${this.box.numColumns}.`,
        );
      }
    }
  }

  private parse(value: unknown): { value: CellValue; formula: string | undefined } {
    try {
      return parseWritten(value, this.ctx.book);
    } catch (error) {
      throw appsScriptError(this.env, `The fake cannot write this value: ${(error as Error).message}`);
    }
  }

  // --- position ---

  getRow(): number {
    return this.box.row;
  }
  getRowIndex(): number {
    return this.box.row;
  }
  getColumn(): number {
    return this.box.column;
  }
  getNumRows(): number {
    return this.box.numRows;
  }
  getNumColumns(): number {
    return this.box.numColumns;
  }
  getHeight(): number {
    return this.box.numRows;
  }
  getWidth(): number {
    return this.box.numColumns;
  }
  getLastRow(): number {
    return this.box.row + this.box.numRows - 1;
  }
  getLastColumn(): number {
    return this.box.column + this.box.numColumns - 1;
  }
  getA1Notation(): string {
    return formatA1(this.box);
  }
  getGridId(): number {
    return this.sheet.sheetId;
  }
  getSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    return new FakeSheet(this.ctx, this.sheet) as unknown as GoogleAppsScript.Spreadsheet.Sheet;
  }

  /** One cell of this range, 1-based within it. */
  getCell(row: number, column: number): Range {
    requireInteger(this.env, row);
    requireInteger(this.env, column);
    if (row < 1 || column < 1 || row > this.box.numRows || column > this.box.numColumns) {
      throw appsScriptError(
        this.env,
        'The coordinates of the range are outside the dimensions of the sheet.',
      );
    }
    return makeRange(this.ctx, this.sheet, {
      row: this.box.row + row - 1,
      column: this.box.column + column - 1,
      numRows: 1,
      numColumns: 1,
    });
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): Range {
    return makeRange(this.ctx, this.sheet, {
      row: this.box.row + requireInteger(this.env, rowOffset),
      column: this.box.column + requireInteger(this.env, columnOffset),
      numRows: numRows ?? this.box.numRows,
      numColumns: numColumns ?? this.box.numColumns,
    });
  }

  // --- values ---

  /** Dates as Date objects of the caller's realm, numbers, booleans, strings, '' for empty. */
  getValues(): unknown[][] {
    return this.map((row, column) => this.out(this.sheet.get(row, column)));
  }

  getValue(): unknown {
    return this.out(this.sheet.get(this.box.row, this.box.column));
  }

  getDisplayValues(): string[][] {
    return this.map((row, column) =>
      displayText(this.sheet.get(row, column), this.sheet.format(row, column).numberFormat, this.ctx.book),
    );
  }

  getDisplayValue(): string {
    return this.getDisplayValues()[0]?.[0] ?? '';
  }

  /** Checks the shape first, so a mismatched write leaves every cell as it was. */
  setValues(values: unknown[][]): Range {
    this.checkShape('setValues', values);
    const parsed = values.map((row) => row.map((v) => this.parse(v)));
    this.each((row, column) => {
      const cell = parsed[row - this.box.row]?.[column - this.box.column];
      if (cell) this.sheet.set(row, column, cell.value, cell.formula);
    });
    this.env.calls.noteCellsWritten(this.size);
    return this.real();
  }

  /** Writes `value` into every cell of the range, as Sheets does. */
  setValue(value: unknown): Range {
    const cell = this.parse(value);
    this.each((row, column) => this.sheet.set(row, column, cell.value, cell.formula));
    this.env.calls.noteCellsWritten(this.size);
    return this.real();
  }

  getFormula(): string {
    return this.sheet.formula(this.box.row, this.box.column);
  }

  getFormulas(): string[][] {
    return this.map((row, column) => this.sheet.formula(row, column));
  }

  /** Stored, not evaluated: the cell reads back as the formula's text. */
  setFormula(formula: string): Range {
    if (typeof formula !== 'string')
      throw signatureError(this.env, 'SpreadsheetApp.Range.setFormula', [formula]);
    return this.setValue(formula.startsWith('=') ? formula : `=${formula}`);
  }

  isBlank(): boolean {
    return this.map((row, column) => this.sheet.get(row, column)).every((cells) =>
      cells.every((v) => v === ''),
    );
  }

  /** Empties values and formulas; notes, formatting and validation stay. */
  clearContent(): Range {
    this.each((row, column) => this.sheet.set(row, column, ''));
    this.env.calls.noteCellsWritten(this.size);
    return this.real();
  }

  clear(options?: {
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
    commentsOnly?: boolean;
  }): Range {
    const only =
      options &&
      (options.contentsOnly || options.formatOnly || options.validationsOnly || options.commentsOnly);
    if (!only || options.contentsOnly) this.clearContent();
    if (!only || options.formatOnly) this.clearFormat();
    if (options?.validationsOnly) this.clearDataValidations();
    if (options?.commentsOnly) this.clearNote();
    return this.real();
  }

  // --- notes ---

  getNote(): string {
    return this.sheet.note(this.box.row, this.box.column);
  }

  getNotes(): string[][] {
    return this.map((row, column) => this.sheet.note(row, column));
  }

  setNote(note: string | null): Range {
    this.each((row, column) => this.sheet.setNote(row, column, note === null ? null : String(note)));
    return this.real();
  }

  setNotes(notes: (string | null)[][]): Range {
    this.checkShape('setNotes', notes);
    this.each((row, column) => {
      const note = notes[row - this.box.row]?.[column - this.box.column];
      this.sheet.setNote(row, column, note === null || note === undefined ? null : String(note));
    });
    return this.real();
  }

  clearNote(): Range {
    return this.setNote(null);
  }

  // --- formatting ---

  private formatAll(patch: CellFormat): Range {
    this.each((row, column) => this.sheet.updateFormat(row, column, patch));
    return this.real();
  }

  private formatEach<T>(method: string, grid: T[][], patch: (value: T) => CellFormat): Range {
    this.checkShape(method, grid);
    this.each((row, column) => {
      const value = grid[row - this.box.row]?.[column - this.box.column] as T;
      this.sheet.updateFormat(row, column, patch(value));
    });
    return this.real();
  }

  setBackground(color: string | null): Range {
    return this.formatAll({ background: color });
  }
  setBackgrounds(colors: (string | null)[][]): Range {
    return this.formatEach('setBackgrounds', colors, (background) => ({ background }));
  }
  getBackground(): string {
    return this.sheet.format(this.box.row, this.box.column).background ?? DEFAULT_BACKGROUND;
  }
  getBackgrounds(): string[][] {
    return this.map((row, column) => this.sheet.format(row, column).background ?? DEFAULT_BACKGROUND);
  }
  setFontColor(color: string | null): Range {
    return this.formatAll({ fontColor: color });
  }
  setFontColors(colors: (string | null)[][]): Range {
    return this.formatEach('setFontColors', colors, (fontColor) => ({ fontColor }));
  }
  /** Deprecated in Apps Script but still answered; kept for tests reading colors back. */
  getFontColor(): string {
    return this.sheet.format(this.box.row, this.box.column).fontColor ?? DEFAULT_FONT_COLOR;
  }
  setFontWeight(fontWeight: 'normal' | 'bold' | null): Range {
    return this.formatAll({ fontWeight });
  }
  setFontWeights(fontWeights: ('normal' | 'bold' | null)[][]): Range {
    return this.formatEach('setFontWeights', fontWeights, (fontWeight) => ({ fontWeight }));
  }
  getFontWeight(): 'normal' | 'bold' {
    return this.sheet.format(this.box.row, this.box.column).fontWeight ?? 'normal';
  }
  getFontWeights(): ('normal' | 'bold')[][] {
    return this.map((row, column) => this.sheet.format(row, column).fontWeight ?? 'normal');
  }
  setFontStyle(fontStyle: 'normal' | 'italic' | null): Range {
    return this.formatAll({ fontStyle });
  }
  setNumberFormat(numberFormat: string): Range {
    return this.formatAll({ numberFormat });
  }
  setNumberFormats(numberFormats: string[][]): Range {
    return this.formatEach('setNumberFormats', numberFormats, (numberFormat) => ({ numberFormat }));
  }
  getNumberFormat(): string {
    return this.sheet.format(this.box.row, this.box.column).numberFormat ?? DEFAULT_NUMBER_FORMAT;
  }
  getNumberFormats(): string[][] {
    return this.map((row, column) => this.sheet.format(row, column).numberFormat ?? DEFAULT_NUMBER_FORMAT);
  }
  setHorizontalAlignment(alignment: 'left' | 'center' | 'normal' | 'right' | null): Range {
    return this.formatAll({ horizontalAlignment: alignment });
  }
  setVerticalAlignment(alignment: 'top' | 'middle' | 'bottom' | null): Range {
    return this.formatAll({ verticalAlignment: alignment });
  }
  setWrap(isWrapEnabled: boolean): Range {
    return this.formatAll({ wrap: isWrapEnabled });
  }
  setBorder(
    top: boolean | null,
    left: boolean | null,
    bottom: boolean | null,
    right: boolean | null,
    _vertical: boolean | null,
    _horizontal: boolean | null,
    color?: string | null,
    style?: GoogleAppsScript.Spreadsheet.BorderStyle | null,
  ): Range {
    // Kept per cell for every cell of the range; inner (vertical/horizontal) borders are not modelled.
    return this.formatAll({
      border: { top, left, bottom, right, color: color ?? null, style: style == null ? null : String(style) },
    });
  }
  clearFormat(): Range {
    this.each((row, column) => this.sheet.formats.delete(`${row},${column}`));
    return this.real();
  }

  // --- data validation ---

  setDataValidation(rule: GoogleAppsScript.Spreadsheet.DataValidation | null): Range {
    const fake = rule === null ? null : asValidation(this.env, 'setDataValidation', rule);
    this.each((row, column) => this.sheet.setValidation(row, column, fake));
    return this.real();
  }

  setDataValidations(rules: (GoogleAppsScript.Spreadsheet.DataValidation | null)[][]): Range {
    this.checkShape('setDataValidations', rules);
    const fakes = rules.map((cells) =>
      cells.map((r) => (r === null ? null : asValidation(this.env, 'setDataValidations', r))),
    );
    this.each((row, column) =>
      this.sheet.setValidation(row, column, fakes[row - this.box.row]?.[column - this.box.column] ?? null),
    );
    return this.real();
  }

  getDataValidation(): GoogleAppsScript.Spreadsheet.DataValidation | null {
    return this.sheet.validation(
      this.box.row,
      this.box.column,
    ) as GoogleAppsScript.Spreadsheet.DataValidation | null;
  }

  getDataValidations(): (GoogleAppsScript.Spreadsheet.DataValidation | null)[][] {
    return this.map(
      (row, column) =>
        this.sheet.validation(row, column) as GoogleAppsScript.Spreadsheet.DataValidation | null,
    );
  }

  clearDataValidations(): Range {
    return this.setDataValidation(null);
  }

  // --- selection and protection ---

  activate(): Range {
    this.ctx.book.activeSheetId = this.sheet.sheetId;
    this.ctx.book.activeRange = { sheetId: this.sheet.sheetId, box: { ...this.box } };
    return this.real();
  }

  protect(): GoogleAppsScript.Spreadsheet.Protection {
    const model = {
      type: 'RANGE' as const,
      sheetId: this.sheet.sheetId,
      box: { ...this.box },
      description: '',
      warningOnly: false,
      unprotected: [],
      removed: false,
    };
    this.ctx.book.protections.push(model);
    return new FakeProtection(this.ctx, model) as unknown as GoogleAppsScript.Spreadsheet.Protection;
  }
}

function asValidation(env: FakeEnv, method: string, rule: unknown): FakeDataValidation {
  if (!(rule instanceof FakeDataValidation))
    throw signatureError(env, `SpreadsheetApp.Range.${method}`, [rule]);
  return rule;
}

/** The fake behind a Range the code under test hands back (setActiveRange, setRanges...). */
export function toFakeRange(env: FakeEnv, method: string, range: unknown): FakeRange {
  if (!(range instanceof FakeRange)) throw signatureError(env, method, [range]);
  return range;
}

/** A range after Apps Script's checks of its coordinates. */
export function makeRange(ctx: SheetsContext, sheet: SheetModel, box: GridBox): Range {
  const { env } = ctx;
  const [row, column, numRows, numColumns] = [box.row, box.column, box.numRows, box.numColumns].map((n) =>
    requireInteger(env, n),
  ) as [number, number, number, number];
  if (row < 1) throw appsScriptError(env, 'The starting row of the range is too small.');
  if (column < 1) throw appsScriptError(env, 'The starting column of the range is too small.');
  if (numRows < 1) throw appsScriptError(env, 'The number of rows in the range must be at least 1.');
  if (numColumns < 1) throw appsScriptError(env, 'The number of columns in the range must be at least 1.');
  if (row + numRows - 1 > sheet.maxRows || column + numColumns - 1 > sheet.maxColumns) {
    throw appsScriptError(env, 'The coordinates of the range are outside the dimensions of the sheet.');
  }
  return new FakeRange(ctx, sheet, { row, column, numRows, numColumns }) as unknown as Range;
}

/** `B2:C3`, `A:A`, `2:2` on `sheet`, or `'Tab'!A1` on the named tab. */
export function rangeFromA1(ctx: SheetsContext, sheet: SheetModel, notation: string): Range {
  if (typeof notation !== 'string')
    throw signatureError(ctx.env, 'SpreadsheetApp.Sheet.getRange', [notation]);
  const parsed = parseA1(notation);
  const target = parsed?.sheet === undefined ? sheet : ctx.book.findSheet(parsed.sheet);
  if (!parsed || !target) throw appsScriptError(ctx.env, 'Range not found');
  const startRow = parsed.startRow ?? 1;
  const startColumn = parsed.startColumn ?? 1;
  const endRow = parsed.endRow ?? target.maxRows;
  const endColumn = parsed.endColumn ?? target.maxColumns;
  const [top, bottom] = startRow <= endRow ? [startRow, endRow] : [endRow, startRow];
  const [left, right] = startColumn <= endColumn ? [startColumn, endColumn] : [endColumn, startColumn];
  return makeRange(ctx, target, {
    row: top,
    column: left,
    numRows: bottom - top + 1,
    numColumns: right - left + 1,
  });
}
