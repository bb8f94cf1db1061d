/**
 * The ledger through SpreadsheetApp. Each Services call maps to a fixed handful of
 * SpreadsheetApp calls whatever the ledger's size: one getValues per tab on read, one
 * setValues per block on write. Each Sheets call is a round trip costing tens of
 * milliseconds and a run has 6 minutes (30 s for a simple trigger), so nothing here loops
 * over rows.
 */
import type { RawLedger, RawTab, TabKey } from '../../../shared/index.ts';
import { findTabName, MILESTONES as MILESTONES_SPEC, TABS } from '../../../shared/index.ts';
import type { CellBlock, CellRef, CellValue, KeyValueStore, LedgerSnapshot, TabWanted } from '../services.ts';
import type { CachedTab, CachedValues, CachedValuesKey, TabLayoutCache } from './layout-cache.ts';
import {
  CACHED_VALUES,
  decodeLayout,
  EDIT_KEYS,
  EDIT_OTHER_KEY,
  encodeLayout,
  headerHash,
  LAYOUT_KEY,
  MAX_AGE_MS,
  sameLayout,
} from './layout-cache.ts';

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
  /** The tab an onEdit happened on, named in this execution. */
  private edited: { name: string; sheet: Sheet } | null = null;
  /** The tabs as a fast read that gave up listed them, for the full read that follows. */
  private listed: Sheet[] | null = null;
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

  /** A tab found and named in this execution (setup's new tabs). */
  remember(name: string, sheet: Sheet): void {
    this.sheets.set(name, sheet);
  }

  /**
   * The tab an onEdit happened on, named from the event. Before the run takes the lock (it
   * may not get it), the edit leaves its time where the next runs look: an edit on a tab
   * whose values are cached (Settings, Rates, Change orders) makes them stale; an edit on a tab no recompute reads (the
   * user's own, Templates) may have given it a ledger tab's header, so the cached layout
   * is not used again. A property write, no Sheets call.
   */
  noteEdit(name: string, sheet: Sheet): void {
    this.remember(name, sheet);
    this.edited = { name, sheet };
    if (!this.layout) return;
    const spec = TABS.find((t) => findTabName(t, [name]) !== null);
    const key =
      !spec || spec.key === 'templates'
        ? EDIT_OTHER_KEY
        : isCachedValuesKey(spec.key)
          ? EDIT_KEYS[spec.key]
          : null;
    if (key) this.layout.properties.set({ [key]: String(this.layout.now()) });
  }

  /**
   * The ledger tabs' values. With `want` (a recompute of the computed columns) and a usable
   * cached layout, the tabs are listed once and each wanted tab read at its cached position
   * (see layout-cache.ts for every check); anything that does not match means a full read.
   * Without `want` (the sidebar, setup, the daily run) every tab is listed, named and read,
   * and the layout is stored for the next runs.
   */
  readLedger(want?: TabWanted): LedgerSnapshot {
    const start = this.layout?.now() ?? 0;
    const props = this.layout ? this.layout.properties.getAll() : {};
    if (want && this.layout) {
      const cached = decodeLayout(props[LAYOUT_KEY], start);
      const usable = cached !== null && !editedSince(props[EDIT_OTHER_KEY], cached.at);
      const fast = usable ? this.readByLayout(cached, want, props, start) : null;
      if (fast) return fast;
    }
    const { snapshot, layout } = this.readAll(want, start);
    if (layout) this.storeLayout(layout, props);
    return snapshot;
  }

  private readByLayout(
    cached: TabLayoutCache,
    want: TabWanted,
    props: Record<string, string>,
    start: number,
  ): LedgerSnapshot | null {
    const book = this.spreadsheet();
    const all = book.getSheets();
    // Kept for the full read, should a check below fail: the tabs are listed once.
    this.listed = all;
    // A tab inserted, duplicated or deleted: positions say nothing any more.
    if (all.length !== cached.count) return null;
    const edited = this.edited;
    const tabs: RawLedger = {};
    const skipped: string[] = [];
    const fresh: Partial<Record<CachedValuesKey, CachedValues>> = {};
    let written: { name: string; sheet: Sheet } | null = null;
    for (const spec of TABS) {
      const entry = cached.tabs[spec.key];
      const isEdited = edited !== null && findTabName(spec, [edited.name]) !== null;
      // A tab of that kind, but not the one the layout knows (renamed, or a new one).
      if (edited && isEdited && entry?.name !== edited.name) return null;
      if (!want(spec, tabs)) {
        if (entry) skipped.push(entry.name);
        // Not read, but edited: its header may be another tab's now (a twin), so check it.
        if (edited && isEdited && headerHash(edited.sheet.getSheetValues(1, 1, 1, -1)[0]) !== entry?.head)
          return null;
        continue;
      }
      // Wanted but absent when the layout was read: it may exist now.
      if (!entry) return null;
      // Cached values only in an onEdit run: they are kept current by the edits noted (see
      // noteEdit). The menu's Recompute now, asked for by the user, reads them live.
      const kept = !edited || isEdited ? null : cachedValues(cached, spec.key, props);
      let sheet: Sheet | null = null;
      if (edited && isEdited) sheet = edited.sheet;
      // A tab with a twin is found by its name, never by its position.
      else if (!kept) sheet = (entry.twin ? book.getSheetByName(entry.name) : all[entry.index]) ?? null;
      if (!kept && !sheet) return null;
      // One call per tab: -1 rows and columns read up to the last row and column holding a
      // value (Sheet.getSheetValues), header row and data together.
      const rows = kept ?? (sheet as Sheet).getSheetValues(1, 1, -1, -1);
      // Another tab in its place, or its header changed: only a full read can tell.
      if (!kept && headerHash(rows[0]) !== entry.head) return null;
      if (sheet && isCachedValuesKey(spec.key)) fresh[spec.key] = { at: start, rows };
      if (spec.key === MILESTONES_SPEC.key && sheet) {
        // The tab this run writes: named now, unless the event or getSheetByName named it.
        if (!isEdited && !entry.twin && sheet.getName() !== entry.name) return null;
        written = { name: entry.name, sheet };
      }
      tabs[entry.name] = rows;
    }
    // Only tabs named in this execution are kept for writing: any other write finds its
    // tab by name.
    if (written) this.sheets.set(written.name, written.sheet);
    // A later full read in this execution (after setup added tabs, say) lists them afresh.
    this.listed = null;
    this.zone ??= { locale: cached.locale, timeZone: cached.timeZone };
    this.storeValues(cached, fresh, props);
    const tabNames = TABS.map((t) => cached.tabs[t.key]?.name).filter((n): n is string => n !== undefined);
    return { tabs, tabNames, skipped, locale: cached.locale, timeZone: cached.timeZone };
  }

  /** Cached tabs read live in a fast read (edited, stale, or the menu's): cached again for the next runs. */
  private storeValues(
    cached: TabLayoutCache,
    fresh: Partial<Record<CachedValuesKey, CachedValues>>,
    props: Record<string, string>,
  ): void {
    if (!this.layout) return;
    const values = { ...cached.values };
    let changed = false;
    for (const key of CACHED_VALUES) {
      const next = fresh[key];
      const before = cached.values[key];
      if (!next) continue;
      const same =
        before !== undefined &&
        !editedSince(props[EDIT_KEYS[key]], before.at) &&
        sameRows(before.rows, next.rows);
      if (same) continue;
      values[key] = next;
      changed = true;
    }
    if (!changed) return;
    const text = encodeLayout({ ...cached, values });
    // Too big even without values: cannot happen (the layout alone fitted), but never store half.
    if (text !== null && text !== props[LAYOUT_KEY]) this.layout.properties.set({ [LAYOUT_KEY]: text });
  }

  private storeLayout(next: TabLayoutCache, props: Record<string, string>): void {
    if (!this.layout) return;
    const stored = props[LAYOUT_KEY];
    const previous = decodeLayout(stored, next.at);
    // Unchanged, nothing edited since, and not half-way to expiry: no write (a property
    // write is a round trip too).
    if (
      previous &&
      sameLayout(previous, next) &&
      next.at - previous.at < MAX_AGE_MS / 2 &&
      !editedSince(props[EDIT_OTHER_KEY], previous.at) &&
      CACHED_VALUES.every((k) => {
        const v = previous.values[k];
        return v === undefined || !editedSince(props[EDIT_KEYS[k]], v.at);
      })
    )
      return;
    const text = encodeLayout(next);
    if (text === null) {
      if (stored !== undefined) this.layout.properties.delete([LAYOUT_KEY]);
      return;
    }
    this.layout.properties.set({ [LAYOUT_KEY]: text });
  }

  /**
   * Every tab listed and named, the ledger tabs read (those `want` asks for). When the
   * layout is cached, row 1 of every other tab is read too, to find twins (layout-cache.ts).
   */
  private readAll(
    want: TabWanted | undefined,
    start: number,
  ): { snapshot: LedgerSnapshot; layout: TabLayoutCache | null } {
    const all = this.listed ?? this.spreadsheet().getSheets();
    this.listed = null;
    const tabNames = all.map((s) => s.getName());
    this.sheets = new Map(all.map((s, i) => [tabNames[i] ?? '', s]));
    const tabs: RawLedger = {};
    const skipped: string[] = [];
    const heads: (string | null)[] = all.map(() => null);
    const cachedTabs: Partial<Record<TabKey, CachedTab>> = {};
    const values: Partial<Record<CachedValuesKey, CachedValues>> = {};
    for (const spec of TABS) {
      const name = findTabName(spec, tabNames);
      if (name === null) continue;
      const index = tabNames.indexOf(name);
      cachedTabs[spec.key] = { name, index, head: '', twin: false };
      if (want && !want(spec, tabs)) {
        skipped.push(name);
        continue;
      }
      const sheet = all[index];
      // One call per tab: -1 rows and columns read up to the last row and column holding a
      // value, the block getDataRange().getValues() reads in two (Sheet.getSheetValues).
      if (!sheet) continue;
      const rows = sheet.getSheetValues(1, 1, -1, -1);
      tabs[name] = rows;
      heads[index] = headerHash(rows[0]);
      if (isCachedValuesKey(spec.key)) values[spec.key] = { at: start, rows };
    }
    const snapshot = { tabs, tabNames, skipped, ...this.settings() };
    if (!this.layout) return { snapshot, layout: null };
    // Row 1 of every tab not read whole: the user's own tabs, and ledger tabs not wanted.
    all.forEach((sheet, i) => {
      heads[i] ??= headerHash(sheet.getSheetValues(1, 1, 1, -1)[0]);
    });
    for (const tab of Object.values(cachedTabs)) {
      tab.head = heads[tab.index] ?? '';
      tab.twin = heads.some((h, i) => i !== tab.index && h === tab.head);
    }
    const layout: TabLayoutCache = {
      tabs: cachedTabs,
      count: all.length,
      locale: snapshot.locale,
      timeZone: snapshot.timeZone,
      at: start,
      values,
    };
    return { snapshot, layout };
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

function isCachedValuesKey(key: TabKey): key is CachedValuesKey {
  return (CACHED_VALUES as readonly string[]).includes(key);
}

/**
 * Whether an edit was noted at or after `at` (a stored time, ms as text). A mark that is not
 * a number counts as an edit: the cache is then not trusted.
 */
function editedSince(mark: string | undefined, at: number): boolean {
  if (mark === undefined) return false;
  const t = Number(mark);
  return !Number.isFinite(t) || t >= at;
}

/** The cached rows of a tab whose values are cached, unless absent or edited since they were read. */
function cachedValues(cached: TabLayoutCache, key: TabKey, props: Record<string, string>): RawTab | null {
  if (!isCachedValuesKey(key)) return null;
  const v = cached.values[key];
  if (!v || editedSince(props[EDIT_KEYS[key]], v.at)) return null;
  return v.rows;
}

function sameRows(a: RawTab, b: RawTab): boolean {
  if (a.length !== b.length) return false;
  return a.every((row, r) => {
    const other = b[r] ?? [];
    return row.length === other.length && row.every((cell, c) => sameCell(cell, other[c]));
  });
}

function sameCell(a: unknown, b: unknown): boolean {
  if (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null)
    return JSON.stringify(a) === JSON.stringify(b);
  return a === b;
}
