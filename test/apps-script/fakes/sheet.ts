/** The fake `Sheet` (a tab): a facade over one SheetModel. */
import { counted, describeTarget } from './call-log.ts';
import { displayText, parseWritten } from './cells.ts';
import { appsScriptError, requireInteger, signatureError } from './env.ts';
import { FakeProtection } from './protection.ts';
import type { SheetsContext } from './range.ts';
import { makeRange, rangeFromA1 } from './range.ts';
import { FakeConditionalFormatRule } from './rules.ts';
import type { SheetModel } from './spreadsheet-model.ts';
import { DEFAULT_COLUMN_WIDTH } from './spreadsheet-model.ts';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

export class FakeSheet implements Partial<Sheet> {
  constructor(
    private readonly ctx: SheetsContext,
    /** The tab's state: for tests, not part of Apps Script. */
    readonly model: SheetModel,
  ) {
    return counted(this, 'Sheet', ctx.env.calls);
  }

  [describeTarget](): string {
    return this.model.name;
  }

  private real(): Sheet {
    return this as unknown as Sheet;
  }

  getName(): string {
    return this.model.name;
  }
  setName(name: string): Sheet {
    const clash = this.ctx.book.findSheet(name, { ignoreCase: true });
    if (clash && clash !== this.model) {
      throw appsScriptError(
        this.ctx.env,
        `A sheet with the name "${name}" already exists. Please enter another name.`,
      );
    }
    this.model.name = name;
    return this.real();
  }
  getSheetId(): number {
    return this.model.sheetId;
  }
  /** 1-based position among the tabs. */
  getIndex(): number {
    return this.ctx.book.sheets.indexOf(this.model) + 1;
  }
  getParent(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return this.ctx.spreadsheet();
  }

  getLastRow(): number {
    return this.model.lastRow();
  }
  getLastColumn(): number {
    return this.model.lastColumn();
  }
  getMaxRows(): number {
    return this.model.maxRows;
  }
  getMaxColumns(): number {
    return this.model.maxColumns;
  }

  getRange(rowOrA1: number | string, column?: number, numRows?: number, numColumns?: number): Range {
    if (typeof rowOrA1 === 'string') {
      if (column !== undefined)
        throw signatureError(this.ctx.env, 'SpreadsheetApp.Sheet.getRange', [rowOrA1, column]);
      return rangeFromA1(this.ctx, this.model, rowOrA1);
    }
    if (column === undefined) throw signatureError(this.ctx.env, 'SpreadsheetApp.Sheet.getRange', [rowOrA1]);
    return makeRange(this.ctx, this.model, {
      row: rowOrA1,
      column,
      numRows: numRows ?? 1,
      numColumns: numColumns ?? 1,
    });
  }

  /** A1 to the last row and column with a value; A1 alone on an empty tab. */
  getDataRange(): Range {
    return makeRange(this.ctx, this.model, {
      row: 1,
      column: 1,
      numRows: Math.max(1, this.model.lastRow()),
      numColumns: Math.max(1, this.model.lastColumn()),
    });
  }

  /**
   * Values without a Range object (one call instead of getRange + getValues). As on Google,
   * -1 for the number of rows or columns means "to the last row / column with data" (the
   * idiom `getSheetValues(1, 1, -1, -1)` reads what getDataRange would); an empty tab gives
   * A1 alone, as getDataRange does.
   */
  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): unknown[][] {
    const rows = numRows === -1 ? Math.max(1, this.model.lastRow() - startRow + 1) : numRows;
    const columns = numColumns === -1 ? Math.max(1, this.model.lastColumn() - startColumn + 1) : numColumns;
    // One call: the Range used to read is the fake's own work, not the caller's.
    return this.ctx.env.calls.uncounted(() =>
      makeRange(this.ctx, this.model, {
        row: startRow,
        column: startColumn,
        numRows: rows,
        numColumns: columns,
      }).getValues(),
    );
  }

  /** Writes after the last row with a value, growing the tab when it is full, as Sheets does. */
  appendRow(rowContents: unknown[]): Sheet {
    if (!Array.isArray(rowContents))
      throw signatureError(this.ctx.env, 'SpreadsheetApp.Sheet.appendRow', [rowContents]);
    const row = this.model.lastRow() + 1;
    const parsed = rowContents.map((v) => {
      try {
        return parseWritten(v, this.ctx.book);
      } catch (error) {
        throw appsScriptError(this.ctx.env, `The fake cannot write this value: ${(error as Error).message}`);
      }
    });
    if (row > this.model.maxRows) this.model.maxRows = row;
    if (parsed.length > this.model.maxColumns) this.model.maxColumns = parsed.length;
    parsed.forEach((cell, i) => this.model.set(row, i + 1, cell.value, cell.formula));
    this.ctx.env.calls.noteCellsWritten(parsed.length);
    return this.real();
  }

  // --- frozen panes ---

  getFrozenRows(): number {
    return this.model.frozenRows;
  }
  setFrozenRows(rows: number): void {
    this.model.frozenRows = this.checkCount(rows, this.model.maxRows, 'rows');
  }
  getFrozenColumns(): number {
    return this.model.frozenColumns;
  }
  setFrozenColumns(columns: number): void {
    this.model.frozenColumns = this.checkCount(columns, this.model.maxColumns, 'columns');
  }

  private checkCount(n: number, max: number, what: 'rows' | 'columns'): number {
    requireInteger(this.ctx.env, n);
    if (n < 0 || n > max) throw appsScriptError(this.ctx.env, `Those ${what} are out of bounds.`);
    return n;
  }

  // --- inserting ---

  private insertRowsAt(before: number, howMany: number): Sheet {
    requireInteger(this.ctx.env, before);
    requireInteger(this.ctx.env, howMany);
    if (before < 1 || before > this.model.maxRows + 1 || howMany < 1) {
      throw appsScriptError(this.ctx.env, 'Those rows are out of bounds.');
    }
    this.model.insertRows(before, howMany);
    return this.real();
  }

  private insertColumnsAt(before: number, howMany: number): Sheet {
    requireInteger(this.ctx.env, before);
    requireInteger(this.ctx.env, howMany);
    if (before < 1 || before > this.model.maxColumns + 1 || howMany < 1) {
      throw appsScriptError(this.ctx.env, 'Those columns are out of bounds.');
    }
    this.model.insertColumns(before, howMany);
    return this.real();
  }

  insertRowsAfter(afterPosition: number, howMany: number): Sheet {
    return this.insertRowsAt(afterPosition + 1, howMany);
  }
  insertRowsBefore(beforePosition: number, howMany: number): Sheet {
    return this.insertRowsAt(beforePosition, howMany);
  }
  insertRowAfter(afterPosition: number): Sheet {
    return this.insertRowsAt(afterPosition + 1, 1);
  }
  insertRowBefore(beforePosition: number): Sheet {
    return this.insertRowsAt(beforePosition, 1);
  }
  /** Returns nothing, unlike insertRowsBefore (Apps Script's own asymmetry). */
  insertRows(rowIndex: number, numRows = 1): void {
    this.insertRowsAt(rowIndex, numRows);
  }
  insertColumnsAfter(afterPosition: number, howMany: number): Sheet {
    return this.insertColumnsAt(afterPosition + 1, howMany);
  }
  insertColumnsBefore(beforePosition: number, howMany: number): Sheet {
    return this.insertColumnsAt(beforePosition, howMany);
  }
  insertColumnAfter(afterPosition: number): Sheet {
    return this.insertColumnsAt(afterPosition + 1, 1);
  }
  insertColumnBefore(beforePosition: number): Sheet {
    return this.insertColumnsAt(beforePosition, 1);
  }
  insertColumns(columnIndex: number, numColumns = 1): void {
    this.insertColumnsAt(columnIndex, numColumns);
  }

  // --- conditional formatting ---

  getConditionalFormatRules(): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
    return [
      ...this.model.conditionalRules,
    ] as unknown as GoogleAppsScript.Spreadsheet.ConditionalFormatRule[];
  }
  /** Replaces every rule of the tab, as in Sheets: to add one, read, push, set. */
  setConditionalFormatRules(rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[]): void {
    if (!Array.isArray(rules) || !rules.every((r) => r instanceof FakeConditionalFormatRule)) {
      throw signatureError(this.ctx.env, 'SpreadsheetApp.Sheet.setConditionalFormatRules', [rules]);
    }
    this.model.conditionalRules = [...(rules as unknown as FakeConditionalFormatRule[])];
  }
  clearConditionalFormatRules(): void {
    this.model.conditionalRules = [];
  }

  // --- protection ---

  /** The tab's protection, created on first call and returned again after that. */
  protect(): GoogleAppsScript.Spreadsheet.Protection {
    const book = this.ctx.book;
    let model = book.protections.find(
      (p) => p.type === 'SHEET' && p.sheetId === this.model.sheetId && !p.removed,
    );
    if (!model) {
      model = {
        type: 'SHEET',
        sheetId: this.model.sheetId,
        box: undefined,
        description: '',
        warningOnly: false,
        unprotected: [],
        removed: false,
      };
      book.protections.push(model);
    }
    return new FakeProtection(this.ctx, model) as unknown as GoogleAppsScript.Spreadsheet.Protection;
  }

  getProtections(
    type: GoogleAppsScript.Spreadsheet.ProtectionType,
  ): GoogleAppsScript.Spreadsheet.Protection[] {
    const wanted = String(type);
    if (wanted !== 'SHEET' && wanted !== 'RANGE') {
      throw signatureError(this.ctx.env, 'SpreadsheetApp.Sheet.getProtections', [type]);
    }
    return this.ctx.book.protections
      .filter((p) => p.type === wanted && p.sheetId === this.model.sheetId && !p.removed)
      .map((p) => new FakeProtection(this.ctx, p) as unknown as GoogleAppsScript.Spreadsheet.Protection);
  }

  // --- columns and visibility ---

  setColumnWidth(columnPosition: number, width: number): Sheet {
    this.model.columnWidths.set(
      requireInteger(this.ctx.env, columnPosition),
      requireInteger(this.ctx.env, width),
    );
    return this.real();
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): Sheet {
    for (let c = 0; c < numColumns; c += 1) this.model.columnWidths.set(startColumn + c, width);
    return this.real();
  }
  getColumnWidth(columnPosition: number): number {
    return this.model.columnWidths.get(columnPosition) ?? DEFAULT_COLUMN_WIDTH;
  }
  /** Fits each column to its longest displayed text, estimated at 7 px a character. */
  autoResizeColumns(startColumn: number, numColumns: number): Sheet {
    for (let c = startColumn; c < startColumn + numColumns; c += 1) {
      let longest = 0;
      for (let r = 1; r <= this.model.lastRow(); r += 1) {
        const text = displayText(this.model.get(r, c), this.model.format(r, c).numberFormat, this.ctx.book);
        longest = Math.max(longest, text.length);
      }
      this.model.columnWidths.set(c, Math.max(20, longest * 7 + 10));
    }
    return this.real();
  }
  autoResizeColumn(columnPosition: number): Sheet {
    return this.autoResizeColumns(columnPosition, 1);
  }
  hideColumns(columnIndex: number, numColumns = 1): void {
    for (let c = 0; c < numColumns; c += 1) this.model.hiddenColumns.add(columnIndex + c);
  }
  showColumns(columnIndex: number, numColumns = 1): void {
    for (let c = 0; c < numColumns; c += 1) this.model.hiddenColumns.delete(columnIndex + c);
  }
  isColumnHiddenByUser(columnPosition: number): boolean {
    return this.model.hiddenColumns.has(columnPosition);
  }
  hideSheet(): Sheet {
    this.model.hidden = true;
    return this.real();
  }
  showSheet(): Sheet {
    this.model.hidden = false;
    return this.real();
  }
  isSheetHidden(): boolean {
    return this.model.hidden;
  }
  setTabColor(color: string | null): Sheet {
    this.model.tabColor = color;
    return this.real();
  }
  getTabColor(): string | null {
    return this.model.tabColor;
  }
  /** Ledger tabs have no filter; a handler that needs one extends the fake. */
  getFilter(): null {
    return null;
  }

  activate(): Sheet {
    this.ctx.book.activeSheetId = this.model.sheetId;
    return this.real();
  }
}
