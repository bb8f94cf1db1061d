/**
 * The law tables' side of the report: the rate table and the rates found missing while
 * computing interest, turned into one warning per law and period for the whole ledger.
 */
import { pushTo } from '../collections.ts';
import { addDays, addMonths } from '../dates.ts';
import type { MissingRate } from '../law/interest.ts';
import type { RateTable } from '../law/rates.ts';
import type { IsoDate, Problem } from '../model.ts';
import { problem } from '../problems.ts';

/**
 * What the law tables give the report: the rate table (built-in + `Rates` rows), and where
 * each milestone's missing rates are collected, to become one warning per law and period
 * for the whole ledger.
 */
export interface LawContext {
  rates: RateTable;
  missing: Array<MissingRate & { milestone: string; through: IsoDate | null }>;
}

/**
 * One warning per law and missing period for the whole ledger (PRODUCT.md: "not one per
 * milestone"), naming the official source and the exact `Rates` row that covers it.
 */
export function missingRateProblems(missing: LawContext['missing']): Problem[] {
  const groups = new Map<string, LawContext['missing']>();
  for (const m of missing) {
    const key = `${m.law}|${m.from}`;
    pushTo(groups, key, m);
  }
  const out: Problem[] = [];
  for (const list of [...groups.values()].sort((a, b) =>
    `${a[0]?.law}${a[0]?.from}` < `${b[0]?.law}${b[0]?.from}` ? -1 : 1,
  )) {
    const first = list[0];
    if (!first) continue;
    const ids = [...new Set(list.map((m) => m.milestone))];
    const gb = first.law === 'GB';
    // EU/IT: counting stops the day before the missing half-year (debts due later: none).
    // UK: the rate is fixed for the whole debt on the reference date, so nothing counts.
    const anyCounted = list.some((m) => m.through !== null);
    // UK: the rate on `from` fixes it for debts whose interest starts from `start` to `end`.
    const start = addDays(first.from, 1);
    out.push(
      problem('interest_rate_unknown', 'Rates', null, null, {
        law: first.law,
        from: first.from,
        count: ids.length,
        ids: ids.length > 5 ? `${ids.slice(0, 5).join(', ')}…` : ids.join(', '),
        // GB: the debts the missing rate is for; EU/IT: the last day counted ('' = none).
        ...(gb
          ? { start, end: addDays(addMonths(start, 6), -1) }
          : { through: anyCounted ? addDays(first.from, -1) : '' }),
      }),
    );
  }
  return out;
}
