/**
 * Reading the ledger through Services and letting the core compute: the one path every
 * handler takes (a surface reads raw rows → shared parses → shared computes).
 */
import type { IsoDate, Parsed, Report, TabLayout } from '../../../shared/index.ts';
import {
  buildReport,
  findTabName,
  isBlank,
  locateColumns,
  MILESTONES as MILESTONES_SPEC,
  todayIn,
} from '../../../shared/index.ts';
import type { LedgerSnapshot, Services, TabWanted } from '../services.ts';

export interface LoadedLedger extends Parsed {
  snapshot: LedgerSnapshot;
  report: Report;
  /** Today in the ledger's time zone (Settings → Time zone, else the sheet's). */
  today: IsoDate;
  /** The instant the execution read the clock, for stamps. */
  now: Date;
}

/**
 * The tabs Milestones' computed columns depend on (issue 15): never Templates (wording
 * only), and Change orders only when a Milestones row names one (its signed or unknown
 * state is a warning in that row's Problems). The Change orders tab's own problems are not
 * in any computed cell; the sidebar, which lists them, reads every tab.
 */
export const COMPUTED_COLUMNS_TABS: TabWanted = (spec, read) => {
  if (spec.key === 'templates') return false;
  if (spec.key !== 'changeOrders') return true;
  const name = findTabName(MILESTONES_SPEC, Object.keys(read));
  const rows = name === null ? undefined : read[name];
  const column = locateColumns(MILESTONES_SPEC, rows?.[0] ?? []).get('Change order');
  // Without the column (or the tab) the parser decides; read the tab so nothing is guessed.
  if (!rows || column === undefined) return true;
  return rows.some((row, i) => i > 0 && !isBlank(row[column]));
};

/** One read of every tab (or of those `want` asks for), parsed and computed. */
export function loadLedger(services: Services, now: Date = services.now(), want?: TabWanted): LoadedLedger {
  const snapshot = services.readLedger(want);
  // Native Date cells are midnight in the sheet's own zone, whatever Settings says.
  const { today, ...parsed } = buildReport(
    snapshot.tabs,
    (ledger) => ({ today: todayIn(ledger.settings.timeZone, now) }),
    { locale: snapshot.locale, timeZone: snapshot.timeZone },
  );
  return { ...parsed, snapshot, today, now };
}

/** 1-based column of a canonical header in a tab, or undefined when the column is missing. */
export function columnOf(layout: TabLayout | undefined, header: string): number | undefined {
  const i = layout?.columns[header];
  return i === undefined ? undefined : i + 1;
}

/** Thrown for things the user can fix; the menu shows the message, the sidebar too. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

/** The layout of a tab the action needs, or a UserError saying to run setup. */
export function requireLayout(
  loaded: Pick<Parsed, 'layout'>,
  key: keyof Parsed['layout'],
  what: string,
): TabLayout {
  const layout = loaded.layout[key];
  if (!layout) throw new UserError(`The ${what} tab is missing. Run Payladder → Set up ledger first.`);
  return layout;
}

/** A header the action writes to, or a UserError naming it. */
export function requireColumn(layout: TabLayout, header: string): number {
  const column = columnOf(layout, header);
  if (column === undefined) {
    throw new UserError(
      `The ${layout.name} tab has no "${header}" column. Run Payladder → Set up ledger to add it.`,
    );
  }
  return column;
}
