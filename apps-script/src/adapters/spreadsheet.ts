/**
 * The ledger through SpreadsheetApp. Each Services call maps to a fixed handful of
 * SpreadsheetApp calls whatever the ledger's size: one getValues per tab on read, one
 * setValues per block on write. Each Sheets call is a round trip costing tens of
 * milliseconds and a run has 6 minutes (30 s for a simple trigger), so nothing here loops
 * over rows.
 */
import type { RawLedger, TabKey } from '../../../shared/index.ts';
import { findTabName, TABS } from '../../../shared/index.ts';
import type { CellBlock, CellRef, CellValue, KeyValueStore, LedgerSnapshot, TabWanted } from '../services.ts';
import type { TabLayoutCache } from './layout-cache.ts';
import { decodeLayout, encodeLayout, LAYOUT_KEY, MAX_AGE_MS, sameLayout } from './layout-cache.ts';

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

/** Where the adapter keeps the tab layout between executions, and its clock. */
export interface LayoutStore {
  properties: KeyValueStore;
  /** ms since the epoch. */
  now(): number;
}

/** One execution's view of the active spreadsheet: tabs found once, reused by every call. */
export class SpreadsheetAdapter {
  private book: Spreadsheet | null = null;
  private sheets = new Map<string, Sheet>();
  private zone: { locale: string; timeZone: string } | null = null;
  /** Whether this execution changed the spreadsheet (so the lock's flush has work to do). */
  wrote = false;

  /**
   * `source`: the spreadsheet an onEdit event carries (`e.source`), so the run need not
   * ask SpreadsheetApp for it. `layout`: where the tab layout is cached between runs.
   */
  constructor(
    source: Spreadsheet | null = null,
    private readonly layout: LayoutStore | null = null,
  ) {
    this.book = source;
  }

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

  /** A tab found and named in this execution (setup's new tabs, the edited tab). */
  remember(name: string, sheet: Sheet): void {
    this.sheets.set(name, sheet);
  }

  /**
   * The ledger tabs' values. With `want` (a recompute of the computed columns) and a cached
   * layout, each wanted tab is found by its cached name and read: two calls a tab, nothing
   * else; any tab not found there, or wanted but absent from the layout, means a full read.
   * Without `want` (the sidebar, setup, the daily run) every tab is listed and read, and the
   * layout is stored for the next runs.
   */
  readLedger(want?: TabWanted): LedgerSnapshot {
    if (want && this.layout) {
      const cached = decodeLayout(this.layout.properties.get(LAYOUT_KEY), this.layout.now());
      const fast = cached ? this.readByLayout(cached, want) : null;
      if (fast) return fast;
    }
    const snapshot = this.readAll(want);
    this.storeLayout(snapshot);
    return snapshot;
  }

  private readByLayout(cached: TabLayoutCache, want: TabWanted): LedgerSnapshot | null {
    const book = this.spreadsheet();
    const tabs: RawLedger = {};
    const skipped: string[] = [];
    const found = new Map<string, Sheet>();
    for (const spec of TABS) {
      const name = cached.tabs[spec.key];
      if (!want(spec, tabs)) {
        if (name !== undefined) skipped.push(name);
        continue;
      }
      // Wanted but absent when the layout was read: it may exist now.
      if (name === undefined) return null;
      // The edited tab was named in this execution already; the others are found by name.
      const sheet = this.sheets.get(name) ?? book.getSheetByName(name);
      // Renamed or deleted since: only a full read can tell what the ledger is now.
      if (!sheet) return null;
      found.set(name, sheet);
      tabs[name] = sheet.getSheetValues(1, 1, -1, -1);
    }
    for (const [name, sheet] of found) this.sheets.set(name, sheet);
    this.zone ??= { locale: cached.locale, timeZone: cached.timeZone };
    const tabNames = TABS.map((t) => cached.tabs[t.key]).filter((n): n is string => n !== undefined);
    return { tabs, tabNames, skipped, locale: cached.locale, timeZone: cached.timeZone };
  }

  private storeLayout(snapshot: LedgerSnapshot): void {
    if (!this.layout) return;
    const now = this.layout.now();
    const tabs: Partial<Record<TabKey, string>> = {};
    for (const spec of TABS) {
      const name = findTabName(spec, snapshot.tabNames);
      if (name !== null) tabs[spec.key] = name;
    }
    const next: TabLayoutCache = { tabs, locale: snapshot.locale, timeZone: snapshot.timeZone, at: now };
    const stored = this.layout.properties.get(LAYOUT_KEY);
    const previous = decodeLayout(stored, now);
    // Unchanged and not half-way to expiry: no write (a property write is a round trip too).
    if (previous && sameLayout(previous, next) && now - previous.at < MAX_AGE_MS / 2) return;
    const text = encodeLayout(next);
    if (text === null) {
      if (stored !== null) this.layout.properties.delete([LAYOUT_KEY]);
      return;
    }
    this.layout.properties.set({ [LAYOUT_KEY]: text });
  }

  private readAll(want?: TabWanted): LedgerSnapshot {
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
      this.wrote = true;
      this.sheet(b.tab).getRange(b.row, b.column, b.values.length, width).setValues(b.values);
    }
  }

  appendRows(tab: string, rows: readonly CellValue[][]): number {
    this.wrote = true;
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
    this.wrote = true;
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
    this.wrote = true;
    const sheet = this.sheet(cell.tab);
    const range =
      cell.column === null
        ? sheet.getRange(cell.row, 1, 1, Math.max(1, sheet.getLastColumn()))
        : sheet.getRange(cell.row, cell.column);
    range.activate();
  }
}
