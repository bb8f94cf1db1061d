/**
 * The law tables' side of the report: the rate table and the rates found missing while
 * computing interest, turned into one warning per law and period for the whole ledger.
 */
import { addDays, addMonths } from '../dates.ts';
import type { MissingRate } from '../law/interest.ts';
import type { RateTable } from '../law/rates.ts';
import type { IsoDate, Problem } from '../model.ts';
import { problem } from '../problems.ts';

/**
 * What the law tables give the report: the rate table (built-in + `Rates` rows), and where
 * each milestone's missing rates are collected, to become one warning per law and period
 * for the whole ledger. Collected grouped as they come (`noteMissingRates`): a ledger whose
 * every milestone misses a rate gathers one set of IDs per period, not an object per milestone.
 */
export interface LawContext {
  rates: RateTable;
  /** By law, then by the period's first day (no key text built per milestone). */
  missing: Map<MissingRate['law'], Map<IsoDate, MissingGroup>>;
}

/** The milestones missing one law's rate for one period. */
export interface MissingGroup {
  law: MissingRate['law'];
  from: IsoDate;
  /** In the order noted; each milestone once (its missing rates name each period once). */
  ids: string[];
  /** Some milestone's interest is counted up to the period (EU/IT: to the day before it). */
  counted: boolean;
}

/**
 * Adds a milestone's missing rates to `law.missing`; `through` is the last day it counts
 * interest to. Called once per milestone (IDs are unique in a ledger, and a milestone's
 * `missing` names each law and period once), so a list keeps the IDs without a set.
 */
export function noteMissingRates(
  law: LawContext,
  milestone: string,
  missing: readonly MissingRate[],
  through: IsoDate | null,
): void {
  for (const r of missing) {
    let periods = law.missing.get(r.law);
    if (periods === undefined) {
      periods = new Map();
      law.missing.set(r.law, periods);
    }
    let group = periods.get(r.from);
    if (group === undefined) {
      group = { law: r.law, from: r.from, ids: [], counted: false };
      periods.set(r.from, group);
    }
    group.ids.push(milestone);
    if (through !== null) group.counted = true;
  }
}

/**
 * One warning per law and missing period for the whole ledger (PRODUCT.md: "not one per
 * milestone"), naming the official source and the exact `Rates` row that covers it.
 */
export function missingRateProblems(missing: LawContext['missing']): Problem[] {
  const out: Problem[] = [];
  const groups = [...missing.values()].flatMap((periods) => [...periods.values()]);
  groups.sort((a, b) => (a.law !== b.law ? (a.law < b.law ? -1 : 1) : a.from < b.from ? -1 : 1));
  for (const group of groups) {
    const ids = group.ids;
    const gb = group.law === 'GB';
    // UK: the rate on `from` fixes it for debts whose interest starts from `start` to `end`.
    const start = addDays(group.from, 1);
    out.push(
      problem('interest_rate_unknown', 'Rates', null, null, {
        law: group.law,
        from: group.from,
        count: ids.length,
        ids: ids.length > 5 ? `${ids.slice(0, 5).join(', ')}…` : ids.join(', '),
        // EU/IT: counting stops the day before the missing half-year (debts due later: none).
        // UK: the rate is fixed for the whole debt on the reference date, so nothing counts.
        ...(gb
          ? { start, end: addDays(addMonths(start, 6), -1) }
          : { through: group.counted ? addDays(group.from, -1) : '' }),
      }),
    );
  }
  return out;
}
