/**
 * The law tables' side of the report: the rate table and the rates found missing while
 * computing interest, turned into one warning per law and period for the whole ledger.
 */
import { pushTo } from '../collections.ts';
import { addDays, addMonths } from '../dates.ts';
import type { MissingRate } from '../law/interest.ts';
import type { RateTable } from '../law/rates.ts';
import { RATE_PUBLISHERS } from '../law/rates.ts';
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

/** 215 → "2.15", -50 → "-0.50". */
export function bpText(bp: number): string {
  return (bp / 100).toFixed(2);
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
/** `2026-07-01` → "1 July 2026" (problem texts are English, like the rest of them). */
function longDate(iso: IsoDate): string {
  return `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1] ?? ''} ${iso.slice(0, 4)}`;
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
    const through =
      gb || !anyCounted ? 'is not counted' : `is counted only to ${longDate(addDays(first.from, -1))}`;
    out.push(
      problem('interest_rate_unknown', 'Rates', null, null, {
        law: first.law,
        period: gb
          ? `for ${longDate(first.from)} (it fixes the rate for debts whose interest starts from ${longDate(addDays(first.from, 1))} to ${longDate(addDays(addMonths(addDays(first.from, 1), 6), -1))})`
          : `for the half-year from ${longDate(first.from)}`,
        count: ids.length,
        // "is counted only to 30 June 2026" / "is not counted".
        ids: ids.length > 5 ? `${ids.slice(0, 5).join(', ')}…` : ids.join(', '),
        through,
        publisher: RATE_PUBLISHERS[first.law],
        from: first.from,
        what: gb
          ? `<the Bank Rate in force on ${longDate(first.from)}>`
          : `<the ECB main refinancing rate in force on ${longDate(first.from)}>`,
        sourceHint:
          first.law === 'IT'
            ? '<the Gazzetta Ufficiale notice, e.g. "GU n.…, <date>">'
            : first.law === 'EU'
              ? '<the ECB page or decision you read>'
              : '<the Bank of England page you read>',
      }),
    );
  }
  return out;
}
