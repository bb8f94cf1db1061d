/**
 * The ledger through SpreadsheetApp. Each Services call maps to a fixed handful of
 * SpreadsheetApp calls whatever the ledger's size: one getValues per tab on read, one
 * setValues per block on write. Each Sheets call is a round trip costing tens of
 * milliseconds and a run has 6 minutes (30 s for a simple trigger), so nothing here loops
 * over rows.
 */
import type { RawLedger } from '../../../shared/index.ts';
import { findTabName, TABS } from '../../../shared/index.ts';
import type { CellBlock, CellRef, CellValue, LedgerSnapshot, TabWanted } from '../services.ts';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export class NoSpreadsheetError extends Error {
  constructor() {
    // Seen 2026-11: in an Editor add-on's time-driven trigger there is no active document,
    // and opening the file by id would need the whole-Drive `spreadsheets` scope, which
    // Payladder does not ask for. Bound to the sheet, the daily run has its spreadsheet.
    super(
      'Payladder has no spreadsheet to work on in this run. The daily run works when the script is bound to the ledger (Extensions → Apps Script from the sheet).',
    );
    this.name = 'NoSpreadsheetError';
  }
}

/** One execution's view of the active spreadsheet: tabs found once, reused by every call. */
export class SpreadsheetAdapter {
  private book: Spreadsheet | null = null;
  private sheets = new Map<string, Sheet>();
  private zone: { locale: string; timeZone: string } | null = null;

  spreadsheet(): Spreadsheet {
    if (!this.book) {
      const active = SpreadsheetApp.getActiveSpreadsheet() as Spreadsheet | null;
      if (!active) throw new NoSpreadsheetError();
      this.book = active;
    }
    return this.book;
  }

  /** The sheet's locale and zone, read once per execution. */
  settings(): { locale: string; timeZone: string } {
    if (!this.zone) {
      const book = this.spreadsheet();
      this.zone = { locale: book.getSpreadsheetLocale(), timeZone: book.getSpreadsheetTimeZone() };
    }
    return this.zone;
  }

  /** The tab named `name`, from the last read or looked up once. */
  sheet(name: string): Sheet {
    let sheet = this.sheets.get(name);
    if (!sheet) {
      sheet = this.spreadsheet().getSheetByName(name) ?? undefined;
      if (!sheet) throw new Error(`There is no tab named ${name}.`);
      this.sheets.set(name, sheet);
    }
    return sheet;
  }

  /** Forgets tabs after setup inserted some. */
  remember(name: string, sheet: Sheet): void {
    this.sheets.set(name, sheet);
  }

  readLedger(want?: TabWanted): LedgerSnapshot {
    const book = this.spreadsheet();
    const all = book.getSheets();
    const tabNames = all.map((s) => s.getName());
    this.sheets = new Map(all.map((s, i) => [tabNames[i] ?? '', s]));
    const tabs: RawLedger = {};
    const skipped: string[] = [];
    for (const spec of TABS) {
      const name = findTabName(spec, tabNames);
      if (name === null) continue;
      if (want && !want(spec, tabs)) {
        skipped.push(name);
        continue;
      }
      const sheet = this.sheets.get(name);
      // One call per tab: -1 rows and columns read up to the last row and column holding a
      // value, the block getDataRange().getValues() reads in two (Sheet.getSheetValues).
      if (sheet) tabs[name] = sheet.getSheetValues(1, 1, -1, -1);
    }
    return { tabs, tabNames, skipped, ...this.settings() };
  }

  writeBlocks(blocks: readonly CellBlock[]): void {
    for (const b of blocks) {
      const width = b.values[0]?.length ?? 0;
      if (b.values.length === 0 || width === 0) continue;
      this.sheet(b.tab).getRange(b.row, b.column, b.values.length, width).setValues(b.values);
    }
  }

  appendRows(tab: string, rows: readonly CellValue[][]): number {
    const sheet = this.sheet(tab);
    const width = rows.reduce((w, r) => Math.max(w, r.length), 1);
    const first = sheet.getLastRow() + 1;
    if (rows.length === 0) return first;
    const max = sheet.getMaxRows();
    const needed = first + rows.length - 1 - max;
    if (needed > 0) sheet.insertRowsAfter(max, needed);
    const padded = rows.map((r) =>
      r.length === width ? r : [...r, ...Array<CellValue>(width - r.length).fill('')],
    );
    sheet.getRange(first, 1, rows.length, width).setValues(padded);
    return first;
  }

  setNote(tab: string, row: number, column: number, note: string | null): void {
    this.sheet(tab)
      .getRange(row, column)
      .setNote(note ?? '');
  }

  activeCell(): CellRef | null {
    const range = this.spreadsheet().getActiveRange();
    if (!range) return null;
    return { tab: range.getSheet().getName(), row: range.getRow(), column: range.getColumn() };
  }

  select(cell: CellRef): void {
    const sheet = this.sheet(cell.tab);
    const range =
      cell.column === null
        ? sheet.getRange(cell.row, 1, 1, Math.max(1, sheet.getLastColumn()))
        : sheet.getRange(cell.row, cell.column);
    range.activate();
  }
}
