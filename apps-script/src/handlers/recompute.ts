/**
 * Recompute: read every tab once, let the core compute, write back ONLY Milestones'
 * computed columns, one write per contiguous run of them, and only the rows whose values
 * changed (so a typed cell costs a small write, not the whole column). Rows the parser left
 * out still get their problems in their Problems cell; blank rows get empty computed cells,
 * so a deleted milestone leaves no stale stage behind. No user-typed cell is written.
 */
import type { Language, MilestoneComputed, Problem, RawTab, Report } from '../../../shared/index.ts';
import { cellText, computedValues, MILESTONE_COMPUTED, rejectedRowValues } from '../../../shared/index.ts';
import type { CellBlock, CellValue, Services } from '../services.ts';
import type { LoadedLedger } from './ledger.ts';
import { COMPUTED_COLUMNS_TABS, loadLedger } from './ledger.ts';

/**
 * Document property holding the stamp note last written and where: the note is written
 * again only when its text or its cell changes (issue 15: two round trips an edit saved).
 */
export const STAMP_KEY = 'payladder.stamp';

/** Sheets refuses a cell over 50,000 characters (seen 2026-11: "Your input contains more than the maximum of 50000 characters in a single cell"). */
const MAX_CELL_CHARS = 50_000;

export interface ComputedWrite {
  blocks: CellBlock[];
  /** Computed columns the Milestones tab lacks (setup adds them). */
  missing: MilestoneComputed[];
  /** The cell that carries the "last recomputed" note: the Stage header, else the first computed header. */
  stampColumn: number | null;
}

/**
 * The values Milestones' computed columns should hold, per data row (row 2 first); the
 * Problems cell in `language` (the ledger's Default language, as the sidebar) and `locale`.
 */
export function computedRows(
  report: Report,
  rowCount: number,
  language: Language,
  locale?: string,
): Record<MilestoneComputed, string | number>[] {
  const byRow = new Map(report.milestones.map((m) => [m.row, m]));
  const rejected = new Map<number, Problem[]>();
  for (const p of report.problems) {
    if (p.tab !== 'Milestones' || p.row === null || p.row < 2 || byRow.has(p.row)) continue;
    const list = rejected.get(p.row);
    if (list) list.push(p);
    else rejected.set(p.row, [p]);
  }
  const blank = rejectedRowValues([], language, locale);
  const rows: Record<MilestoneComputed, string | number>[] = [];
  for (let row = 2; row < rowCount + 2; row++) {
    const m = byRow.get(row);
    const problems = rejected.get(row);
    rows.push(
      m
        ? computedValues(m, language, locale)
        : problems
          ? rejectedRowValues(problems, language, locale)
          : blank,
    );
  }
  return rows;
}

/**
 * The writes that bring Milestones' computed columns up to date: for each contiguous run
 * of computed columns, one block from the first to the last row that differs from what the
 * sheet shows now (compared as text in the sheet's zone, since a written ISO date reads
 * back as a Date).
 */
export function planComputedWrite(loaded: LoadedLedger): ComputedWrite {
  const layout = loaded.layout.milestones;
  if (!layout) return { blocks: [], missing: [...MILESTONE_COMPUTED], stampColumn: null };
  const present = MILESTONE_COMPUTED.filter((h) => layout.columns[h] !== undefined);
  const missing = MILESTONE_COMPUTED.filter((h) => layout.columns[h] === undefined);
  const stageIndex =
    layout.columns.Stage ?? (present[0] === undefined ? undefined : layout.columns[present[0]]);
  const stampColumn = stageIndex === undefined ? null : stageIndex + 1;
  if (present.length === 0) return { blocks: [], missing, stampColumn };

  const raw: RawTab = loaded.snapshot.tabs[layout.name] ?? [];
  const rowCount = Math.max(0, raw.length - 1);
  const { defaultLanguage, locale } = loaded.ledger.settings;
  const rows = computedRows(loaded.report, rowCount, defaultLanguage, locale);
  const zone = loaded.snapshot.timeZone;

  // Contiguous runs of computed columns, by position in the sheet.
  const byPosition = present
    .map((header) => ({ header, index: layout.columns[header] as number }))
    .sort((a, b) => a.index - b.index);
  const runs: { header: MilestoneComputed; index: number }[][] = [];
  for (const c of byPosition) {
    const last = runs.at(-1);
    const tail = last?.at(-1);
    if (last && tail && tail.index + 1 === c.index) last.push(c);
    else runs.push([c]);
  }

  const blocks: CellBlock[] = [];
  for (const run of runs) {
    let first = -1;
    let lastRow = -1;
    const values: CellValue[][] = rows.map((row, r) => {
      const cells = raw[r + 1] ?? [];
      const out = run.map(({ header }) => fit(row[header]));
      if (out.some((v, k) => !same(cells[run[k]?.index ?? -1], v, zone))) {
        if (first === -1) first = r;
        lastRow = r;
      }
      return out;
    });
    if (first === -1) continue;
    const start = run[0]?.index ?? 0;
    blocks.push({
      tab: layout.name,
      row: first + 2,
      column: start + 1,
      values: values.slice(first, lastRow + 1),
    });
  }
  return { blocks, missing, stampColumn };
}

function fit(value: string | number): string | number {
  return typeof value === 'string' && value.length > MAX_CELL_CHARS
    ? `${value.slice(0, MAX_CELL_CHARS - 1)}…`
    : value;
}

function same(current: unknown, next: string | number, zone: string): boolean {
  if (typeof next === 'number' && typeof current === 'number') return current === next;
  return cellText(current, zone) === String(next).trim();
}

export interface RecomputeResult {
  loaded: LoadedLedger;
  /** Cells written (0 when the sheet was already current). */
  cellsWritten: number;
  missing: MilestoneComputed[];
}

/**
 * Reads, computes, writes the changed computed cells and stamps the Stage header with when
 * and how it went. Call it holding the document lock. `reads`: `all` when the caller goes on
 * to use the whole ledger (the sidebar's view, drafting), `computed` when only the computed
 * columns matter (an edit, the menu's Recompute): Templates and, unless a milestone names
 * one, Change orders are then not read.
 */
export function recomputeUnlocked(
  services: Services,
  now: Date = services.now(),
  reads: 'all' | 'computed' = 'all',
): RecomputeResult {
  const loaded = loadLedger(services, now, reads === 'computed' ? COMPUTED_COLUMNS_TABS : undefined);
  const plan = planComputedWrite(loaded);
  services.writeBlocks(plan.blocks);
  const layout = loaded.layout.milestones;
  if (layout && plan.stampColumn !== null) {
    // Keyed by the tab and column too: a renamed tab or a moved Stage column gets its note.
    const stamp = `${layout.name}\n${plan.stampColumn}\n${stampNote(loaded)}`;
    if (services.properties.get(STAMP_KEY) !== stamp) {
      services.setNote(layout.name, 1, plan.stampColumn, stampNote(loaded));
      services.properties.set({ [STAMP_KEY]: stamp });
    }
  }
  const cellsWritten = plan.blocks.reduce((n, b) => n + b.values.length * (b.values[0]?.length ?? 0), 0);
  return { loaded, cellsWritten, missing: plan.missing };
}

/**
 * "Last recomputed" where the user looks without opening the sidebar: a note on the Stage
 * header (a computed column's header, never a user cell). The day in the ledger's zone, not
 * the minute, and no counts (the menu's toast and the sidebar give those): the note then
 * changes once a day, so an edit costs no note write (two Sheets calls) but the day's first
 * (a note the user deletes is back the next day).
 */
export function stampNote(loaded: LoadedLedger): string {
  const zone = loaded.ledger.settings.timeZone;
  return [
    `Payladder recomputed ${loaded.today} (${zone}).`,
    'The columns from Paid to date to Problems are computed: edit the others.',
  ].join('\n');
}
