/**
 * Statutory late-payment interest and fixed compensation (PRODUCT.md, "Statutory late
 * interest and compensation"). Simple interest, day by day, from the day after the due
 * date through `today`, on the amount still unpaid at the start of each day, each day at
 * annual rate / 365, rounded half up once at the end to the currency's minor unit.
 */
import { addDays, epochDay, fromEpochDay, nextHalfYearStart } from '../dates.ts';
import type { IsoDate } from '../model.ts';
import { divRoundHalfUp } from '../money.ts';
import {
  BANK_RATE_CHANGES,
  BANK_RATE_KNOWN_THROUGH,
  BANK_RATE_SOURCE,
  ECB_REFERENCE_RATES,
  EU_MARGIN_BP,
  IT_MARGIN_BEFORE_2013_BP,
  UK_MARGIN_BP,
} from './rates.ts';

export type InterestRegime = 'EU' | 'IT' | 'UK';

/** Which statutory regime a jurisdiction's late-payment law follows, if Payladder knows it. */
export function interestRegime(jurisdiction: string): InterestRegime | null {
  if (jurisdiction === 'IT') return 'IT';
  if (jurisdiction === 'EU') return 'EU';
  if (['GB-ENG', 'GB-WLS', 'GB-SCT', 'GB-NIR'].includes(jurisdiction)) return 'UK';
  return null;
}

/** The currency a regime's fixed compensation is set in. */
export function regimeCurrency(regime: InterestRegime): string {
  return regime === 'UK' ? 'GBP' : 'EUR';
}

export interface DatedPayment {
  date: IsoDate;
  /** Minor units. */
  amount: number;
}

export interface InterestInput {
  regime: InterestRegime;
  /** Minor units. */
  amount: number;
  dueDate: IsoDate;
  /** Payments against this debt, any order. */
  payments: readonly DatedPayment[];
  today: IsoDate;
  /** The contract's signing date, when known (Italy: +7 for contracts before 2013). */
  contractDate?: IsoDate | null;
}

export interface InterestResult {
  /** Minor units accrued over the covered days. */
  interest: number;
  /** The annual rates used, basis points, in date order (one for UK, one per half-year for EU/IT). */
  ratesBp: number[];
  /** Days charged (days with something unpaid and a known rate). */
  days: number;
  /**
   * Days with something unpaid for which no published rate is on file: the interest for
   * them is left out and the caller reports a warning.
   */
  uncovered: { from: IsoDate; to: IsoDate } | null;
  source: string;
}

/** Exact half-up division of non-negative safe integers. */
function roundHalfUp(numerator: number, denominator: number): number {
  const q = Math.floor(numerator / denominator);
  const r = numerator - q * denominator;
  return r * 2 >= denominator ? q + 1 : q;
}

/** Epoch days of every 1 January and 1 July from 1990 to 2100, for segmenting by half-year. */
const HALF_YEAR_STARTS: readonly number[] = Array.from({ length: 222 }, (_, i) =>
  epochDay(`${1990 + Math.floor(i / 2)}-${i % 2 === 0 ? '01' : '07'}-01`),
);

/** First day (epoch day) of the half-year after the one `day` falls in. */
function nextHalfYearDay(day: number): number {
  let lo = 0;
  let hi = HALF_YEAR_STARTS.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((HALF_YEAR_STARTS[mid] as number) <= day) lo = mid + 1;
    else hi = mid;
  }
  return HALF_YEAR_STARTS[lo] ?? epochDay(nextHalfYearStart(fromEpochDay(day)));
}

/** ECB reference rates as [first epoch day, first day after, bp], for day-number lookups. */
const ECB_RANGES: readonly (readonly [number, number, number])[] = ECB_REFERENCE_RATES.map((r) => {
  const year = r.halfYear.slice(0, 4);
  const start = epochDay(r.halfYear.endsWith('H1') ? `${year}-01-01` : `${year}-07-01`);
  return [start, nextHalfYearDay(start), r.referenceBp] as const;
});

/** Annual rate in basis points for a day under the EU/IT rule, or null when not on file. */
function euRateBp(day: number, regime: 'EU' | 'IT', contractDate: IsoDate | null | undefined): number | null {
  let referenceBp: number | null = null;
  for (const [start, end, bp] of ECB_RANGES) {
    if (day >= start && day < end) {
      referenceBp = bp;
      break;
    }
  }
  if (referenceBp === null) return null;
  const margin =
    regime === 'IT' && contractDate && contractDate < '2013-01-01' ? IT_MARGIN_BEFORE_2013_BP : EU_MARGIN_BP;
  return referenceBp + margin;
}

/**
 * UK: the Bank Rate in force on 30 June (interest starting 1 Jul–31 Dec) or 31 December
 * (starting 1 Jan–30 Jun) immediately before the day interest starts, + 8 points, fixed
 * for the whole debt (SI 2002/1675 art. 4). Null when the reference date is not covered.
 */
export function ukRateBp(interestStarts: IsoDate): number | null {
  const year = Number(interestStarts.slice(0, 4));
  const reference = Number(interestStarts.slice(5, 7)) <= 6 ? `${year - 1}-12-31` : `${year}-06-30`;
  const first = BANK_RATE_CHANGES[0];
  if (!first || reference < first.from || reference > BANK_RATE_KNOWN_THROUGH) return null;
  let bp = first.bp;
  for (const change of BANK_RATE_CHANGES) if (change.from <= reference) bp = change.bp;
  return bp + UK_MARGIN_BP;
}

/**
 * Interest on one late debt. Works in whole segments (runs of days with the same unpaid
 * amount and rate) so a long-overdue debt costs a handful of steps, not one per day.
 */
export function statutoryInterest(input: InterestInput): InterestResult {
  const { regime, amount, dueDate, today } = input;
  const start = addDays(dueDate, 1);
  const result: InterestResult = {
    interest: 0,
    ratesBp: [],
    days: 0,
    uncovered: null,
    source:
      regime === 'UK'
        ? `Late Payment of Commercial Debts (Interest) Act 1998; SI 2002/1675 art. 4; ${BANK_RATE_SOURCE}`
        : regime === 'IT'
          ? 'D.Lgs. 231/2002 art. 5 (as amended by D.Lgs. 192/2012); ECB rate per MEF notice in the Gazzetta Ufficiale'
          : 'Directive 2011/7/EU Art. 2(6), 3(2); ECB main refinancing rate on 1 Jan / 1 Jul',
  };
  if (start > today) return result;

  // A payment dated d stops interest from d + 1: the unpaid amount at the start of day d
  // counts payments dated before d.
  const changes = input.payments
    .map((p) => ({ day: epochDay(p.date) + 1, amount: p.amount }))
    .sort((a, b) => a.day - b.day);

  const ukBp = regime === 'UK' ? ukRateBp(start) : null;
  const first = epochDay(start);
  const last = epochDay(today);
  // Σ unpaid minor units × rate bp × days, exact: Numbers while they stay exact integers,
  // BigInt only for debts large enough to need it (keeps 100,000 milestones cheap).
  let total = 0;
  let big = 0n;
  let unpaid = amount;
  let ci = 0;
  while (ci < changes.length && (changes[ci]?.day ?? Infinity) <= first) unpaid -= changes[ci++]!.amount;
  let day = first;
  let uncoveredFrom: number | null = null;
  let uncoveredTo: number | null = null;
  while (day <= last && unpaid > 0) {
    // The segment ends at the next payment, the next half-year, or today.
    let end = last + 1;
    const nextChange = changes[ci]?.day;
    if (nextChange !== undefined && nextChange < end) end = nextChange;
    if (regime !== 'UK') end = Math.min(end, nextHalfYearDay(day));
    const days = end - day;
    const bp = regime === 'UK' ? ukBp : euRateBp(day, regime, input.contractDate);
    if (bp === null) {
      uncoveredFrom ??= day;
      uncoveredTo = end - 1;
    } else {
      const term = unpaid * bp * days;
      if (Number.isSafeInteger(term) && Number.isSafeInteger(total + term)) total += term;
      else big += BigInt(unpaid) * BigInt(bp) * BigInt(days);
      result.days += days;
      if (result.ratesBp[result.ratesBp.length - 1] !== bp) result.ratesBp.push(bp);
    }
    day = end;
    while (ci < changes.length && (changes[ci]?.day ?? Infinity) <= day) unpaid -= changes[ci++]!.amount;
  }
  // bp → fraction (÷ 10,000) and a year of 365 days (÷ 365), rounded half up once.
  result.interest =
    big === 0n ? roundHalfUp(total, 3_650_000) : Number(divRoundHalfUp(big + BigInt(total), 3_650_000n));
  if (uncoveredFrom !== null && uncoveredTo !== null) {
    result.uncovered = { from: fromEpochDay(uncoveredFrom), to: fromEpochDay(uncoveredTo) };
  }
  return result;
}

/**
 * Fixed compensation per late invoice, in minor units of the regime's currency: EU/IT €40
 * (Directive 2011/7/EU Art. 6; D.Lgs. 231/2002 art. 6(2)); UK £40 below £1,000, £70
 * below £10,000, £100 from £10,000 (Late Payment Act 1998 s.5A(2)).
 */
export function fixedCompensation(regime: InterestRegime, debtMinor: number): number {
  if (regime !== 'UK') return 4_000;
  if (debtMinor < 100_000) return 4_000;
  if (debtMinor < 1_000_000) return 7_000;
  return 10_000;
}
