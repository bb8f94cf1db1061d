/**
 * The machinery every tab's parser shares: a tab found by name with its columns located
 * (`TabReader`), and one data row read cell by cell by canonical header (`RowReader`),
 * each bad cell recorded as a problem with its tab, row and column.
 */
import { dateOrder } from '../dates.ts';
import { cellText, formulaError, isBlank, readAmount, readDate, readDays } from '../cells.ts';
import type { IsoDate, Problem, RawLedger, RawTab } from '../model.ts';
import type { AmountError } from '../amounts.ts';
import { MAX_MINOR_UNITS } from '../amounts.ts';
import { bcp47, currencyDigits, isCurrency } from '../money.ts';
import type { ProblemCode } from '../problems.ts';
import { problem } from '../problems.ts';
import type { TabKey, TabSpec } from '../tabs.ts';
import { columnLetter, findTabName, inputHeaders, locateColumns } from '../tabs.ts';
import { refKey } from './values.ts';

export interface ParseOptions {
  /** The spreadsheet's locale (`it_IT`), used when Settings has no Locale. */
  locale?: string;
  /** The spreadsheet's time zone: native Date cells are midnight there. */
  timeZone?: string;
}

/** Where a tab's known columns sit, for surfaces that write computed cells back. */
export interface TabLayout {
  /** The tab's name as the user wrote it. */
  name: string;
  /** 0-based column index by canonical header; only columns present. */
  columns: Record<string, number>;
  /** Number of columns in the header row. */
  width: number;
  /** Number of data rows (after the header), blank ones included. */
  rowCount: number;
}

export type Layout = Partial<Record<TabKey, TabLayout>>;

const AMOUNT_PROBLEM: Record<AmountError, ProblemCode> = {
  amount: 'bad_amount',
  letters: 'amount_letters',
  exponent: 'amount_exponent',
  decimals: 'bad_decimals',
  too_large: 'amount_too_large',
  currency: 'amount_currency',
};

export interface Context {
  locale: string;
  sheetTimeZone: string;
  problems: Problem[];
}

/**
 * One data row of one tab: reads cells by canonical header and records problems. `forEachRow`
 * moves one reader from row to row (a reader per row was 170,000 objects for a large ledger);
 * a parser reads it during its callback and keeps nothing of it.
 */
export class RowReader {
  failed = false;
  cells: readonly unknown[] = [];
  /** Sheet row (header = 1). */
  row = 0;
  constructor(private readonly tab: TabReader) {}

  /** Points the reader at another row, with no problem recorded on it yet. */
  moveTo(cells: readonly unknown[], row: number): void {
    this.cells = cells;
    this.row = row;
    this.failed = false;
  }

  get locale(): string {
    return this.tab.ctx.locale;
  }
  raw(header: string): unknown {
    const i = this.tab.index[header];
    return i === undefined ? undefined : this.cells[i];
  }
  /** Cell by 0-based column index (the hot path of forEachRow). */
  at(index: number): unknown {
    return this.cells[index];
  }
  has(header: string): boolean {
    return !isBlank(this.raw(header));
  }
  text(header: string): string {
    return cellText(this.raw(header), this.tab.ctx.sheetTimeZone);
  }
  cell(header: string): string {
    const i = this.tab.columns.get(header);
    return `${this.tab.name}!${i === undefined ? '?' : columnLetter(i + 1)}${this.row}`;
  }
  fail(code: ProblemCode, header: string | null, vars: Record<string, string | number> = {}): void {
    this.failed = true;
    this.report(code, header, vars);
  }
  report(code: ProblemCode, header: string | null, vars: Record<string, string | number> = {}): void {
    this.tab.ctx.problems.push(
      problem(code, this.tab.spec.name, this.row, header, { cell: header ? this.cell(header) : '', ...vars }),
    );
  }
  required(header: string): string | null {
    const t = this.text(header);
    if (t === '') {
      this.fail('required', header);
      return null;
    }
    return t;
  }
  date(header: string, required = false): IsoDate | null {
    const v = this.raw(header);
    if (isBlank(v)) {
      if (required) this.fail('required', header);
      return null;
    }
    const r = readDate(v, this.tab.ctx.locale, this.tab.ctx.sheetTimeZone);
    if (r.ok) return r.value;
    const order = dateOrder(this.tab.ctx.locale);
    const example = order === 'MDY' ? '01/30/2026' : order === 'YMD' ? '2026/01/30' : '30/01/2026';
    this.fail(r.why === 'impossible-date' ? 'impossible_date' : 'bad_date', header, {
      value: this.text(header),
      example,
      locale: this.tab.ctx.locale,
    });
    return null;
  }
  amount(header: string, currency: string, required = true): number | null {
    const v = this.raw(header);
    if (isBlank(v)) {
      if (required) this.fail('required', header);
      return null;
    }
    const r = readAmount(v, currency, this.tab.ctx.locale);
    if (!r.ok) {
      const example = new Intl.NumberFormat(bcp47(this.tab.ctx.locale), { minimumFractionDigits: 2 }).format(
        1234.5,
      );
      this.fail(AMOUNT_PROBLEM[r.why as AmountError] ?? 'bad_amount', header, {
        value: this.text(header),
        currency,
        digits: currencyDigits(currency),
        locale: this.tab.ctx.locale,
        example,
        max: MAX_MINOR_UNITS,
      });
      return null;
    }
    if (r.value <= 0) {
      this.fail('not_positive', header, { value: this.text(header) });
      return null;
    }
    return r.value;
  }
  days(header: string, fallback: number): number {
    if (!this.has(header)) return fallback;
    const r = readDays(this.raw(header));
    if (r.ok) return r.value;
    this.fail('bad_days', header, { value: this.text(header) });
    return fallback;
  }
}

export class TabReader {
  readonly columns: Map<string, number>;
  /** The same as `columns`, as a plain object: the per-cell lookup on the hot path. */
  readonly index: Record<string, number | undefined>;
  readonly name: string;
  readonly present: boolean;
  constructor(
    readonly spec: TabSpec,
    readonly ctx: Context,
    raw: RawLedger,
    readonly layout: Layout,
  ) {
    const name = findTabName(spec, Object.keys(raw));
    this.present = name !== null;
    this.name = name ?? spec.name;
    const rows: RawTab = name === null ? [] : (raw[name] ?? []);
    this.rows = rows;
    this.columns = locateColumns(spec, rows[0] ?? []);
    this.index = Object.fromEntries(this.columns);
    if (name !== null) {
      layout[spec.key] = {
        name,
        columns: Object.fromEntries(this.columns),
        width: (rows[0] ?? []).length,
        rowCount: Math.max(0, rows.length - 1),
      };
    }
  }
  private readonly rows: RawTab;

  /** Reports a missing tab (when `needed`) and missing required columns; false when unreadable. */
  check(needed: boolean): boolean {
    if (!this.present) {
      if (needed) this.ctx.problems.push(problem('missing_tab', this.spec.name, null, null));
      return false;
    }
    let ok = true;
    for (const c of this.spec.columns) {
      if (c.required && !this.columns.has(c.header)) {
        this.ctx.problems.push(problem('missing_column', this.spec.name, 1, c.header));
        ok = false;
      }
    }
    return ok;
  }

  /** Number of data rows (after the header), blank ones included. */
  get rowCount(): number {
    return Math.max(0, this.rows.length - 1);
  }

  /**
   * The text of every non-blank cell of a column in the data rows, bad rows included, but
   * not the rows whose sheet row is marked in `skip` (indexed by sheet row, header = 1).
   */
  columnTexts(header: string, skip?: Uint8Array): string[] {
    const i = this.columns.get(header);
    const out: string[] = [];
    if (i === undefined) return out;
    for (let r = 1; r < this.rows.length; r++) {
      if (skip !== undefined && skip[r + 1] === 1) continue;
      const t = cellText(this.rows[r]?.[i], this.ctx.sheetTimeZone);
      if (t !== '') out.push(t);
    }
    return out;
  }

  /** Calls `fn` for each non-blank data row after checking its input cells for formula errors. */
  forEachRow(fn: (r: RowReader) => void): void {
    const inputs = inputHeaders(this.spec)
      .filter((header) => this.columns.has(header))
      .map((header) => ({ header, index: this.columns.get(header) as number }));
    const r = new RowReader(this);
    for (let i = 1; i < this.rows.length; i++) {
      const cells = this.rows[i] ?? [];
      let blank = true;
      let broken = false;
      // Indexed: forEachRow runs once per tab, and a for-of not yet optimized allocates an
      // iterator result per cell.
      for (let k = 0; k < inputs.length; k++) {
        const v = cells[(inputs[k] as { index: number }).index];
        if (!isBlank(v)) blank = false;
        if (typeof v === 'string' && v.charCodeAt(0) === 35 /* # */ && formulaError(v)) broken = true;
      }
      if (blank) continue;
      r.moveTo(cells, i + 1);
      if (broken) {
        for (const c of inputs) {
          const err = formulaError(cells[c.index]);
          if (err) r.fail('formula_error', c.header, { value: err });
        }
        continue;
      }
      fn(r);
    }
  }
}

/** A currency cell, or `fallback` when blank; a problem when neither gives one. */
export function readCurrency(r: RowReader, header: string, fallback: string | null): string | null {
  if (!r.has(header)) {
    if (fallback) return fallback;
    r.fail('no_currency', header);
    return null;
  }
  const c = r.text(header).toUpperCase();
  if (isCurrency(c)) return c;
  r.fail('unknown_currency', header, { value: r.text(header) });
  return null;
}

/**
 * A row's identifying cell (`header`: a client's name, a milestone's ID) and its reference
 * key, the first time the tab names it; null, with a problem, when blank or named before.
 * Named before: read into `read` (by key) or left out into `rejected` (key → sheet row);
 * every row past this check ends in one of the two, so no third map of rows is kept.
 */
export function uniqueId(
  r: RowReader,
  header: string,
  read: ReadonlyMap<string, { row: number }>,
  rejected: ReadonlyMap<string, number>,
): { id: string; key: string } | null {
  const id = r.required(header);
  if (id === null) return null;
  const key = refKey(id);
  const first = read.get(key)?.row ?? rejected.get(key);
  if (first !== undefined) {
    r.fail('duplicate_id', header, { value: id, first });
    return null;
  }
  return { id, key };
}
