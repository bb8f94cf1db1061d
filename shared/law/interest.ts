/**
 * Statutory late-payment interest and fixed compensation (PRODUCT.md, "Statutory late
 * interest and compensation"). Simple interest, day by day, from the day after the due
 * date through `today`, on the amount still unpaid at the start of each day, each day at
 * annual rate / 365, rounded half up once at the end to the currency's minor unit.
 */
import { addDays, epochDay, fromEpochDay, nextHalfYearStart } from '../dates.ts';
import type { IsoDate } from '../model.ts';
import { divRoundHalfUp } from '../money.ts';
import type { RateLaw, RateTable } from './rates.ts';
import {
  BANK_RATE_SOURCE,
  bankRateOn,
  BUILT_IN_RATES,
  EU_MARGIN_BP,
  IT_MARGIN_BEFORE_2013_BP,
  UK_MARGIN_BP,
} from './rates.ts';

export type InterestRegime = 'EU' | 'IT' | 'UK';

const UK_JURISDICTIONS: readonly string[] = ['GB-ENG', 'GB-WLS', 'GB-SCT', 'GB-NIR'];

/** Which statutory regime a jurisdiction's late-payment law follows, if Payladder knows it. */
export function interestRegime(jurisdiction: string): InterestRegime | null {
  if (jurisdiction === 'IT') return 'IT';
  if (jurisdiction === 'EU') return 'EU';
  if (UK_JURISDICTIONS.includes(jurisdiction)) return 'UK';
  return null;
}

/** The `Rates` tab's name for a regime's reference rate (`UK` → `GB`). */
export function rateLaw(regime: InterestRegime): RateLaw {
  return regime === 'UK' ? 'GB' : regime;
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
  /** Reference rates: the built-in table with the ledger's `Rates` rows (default: built-in only). */
  rates?: RateTable;
}

/**
 * A reference rate the table lacks: EU/IT the half-year starting `from` (1 Jan / 1 Jul);
 * UK the Bank Rate in force on the reference date `from` (30 Jun / 31 Dec).
 */
export interface MissingRate {
  law: RateLaw;
  from: IsoDate;
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
   * them is left out and the caller reports a warning. Counting stops at the first such
   * day, so the interest is exactly the interest "to `interestThrough`".
   */
  uncovered: { from: IsoDate; to: IsoDate } | null;
  /** The rates to add to the table to cover `uncovered`, in date order. */
  missing: MissingRate[];
  /**
   * The last day the interest is counted to: `today` when every day is covered (or no
   * interest runs yet), the day before the first uncovered day otherwise; null when not
   * a single day is covered.
   */
  interestThrough: IsoDate | null;
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

/** `2026-H2` keys and ISO first days of HALF_YEAR_STARTS, index for index. */
const HALF_YEAR_KEYS: readonly string[] = HALF_YEAR_STARTS.map(
  (_, i) => `${1990 + Math.floor(i / 2)}-${i % 2 === 0 ? 'H1' : 'H2'}`,
);

/** Index into HALF_YEAR_STARTS of the half-year `day` falls in, or -1 outside 1990–2100. */
function halfYearIndex(day: number): number {
  let lo = 0;
  let hi = HALF_YEAR_STARTS.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((HALF_YEAR_STARTS[mid] as number) <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** `2026-H2` for an epoch day. */
function halfYearOfDay(day: number): string {
  const key = HALF_YEAR_KEYS[halfYearIndex(day)];
  if (key !== undefined) return key;
  const iso = fromEpochDay(day);
  return `${iso.slice(0, 4)}-${iso.slice(5, 7) <= '06' ? 'H1' : 'H2'}`;
}

/** Epoch day of the first day of the half-year `day` falls in, when within the table. */
function tabledHalfYearStart(day: number): number | undefined {
  const i = halfYearIndex(day);
  // The last start has no next one in the table to bound its half-year: computed instead.
  return i < HALF_YEAR_STARTS.length - 1 ? HALF_YEAR_STARTS[i] : undefined;
}

/** The first day of the half-year `day` falls in, ISO. */
function halfYearStartOf(day: number): IsoDate {
  const start = tabledHalfYearStart(day);
  if (start !== undefined) return fromEpochDay(start);
  const iso = fromEpochDay(day);
  return `${iso.slice(0, 4)}-${iso.slice(5, 7) <= '06' ? '01' : '07'}-01`;
}

/** Annual rate in basis points for a day under the EU/IT rule, or null when not on file. */
function euRateBp(
  day: number,
  regime: 'EU' | 'IT',
  contractDate: IsoDate | null | undefined,
  rates: RateTable,
): number | null {
  const referenceBp = rates.halfYears[regime].get(halfYearOfDay(day));
  if (referenceBp === undefined) return null;
  const margin =
    regime === 'IT' && contractDate && contractDate < '2013-01-01' ? IT_MARGIN_BEFORE_2013_BP : EU_MARGIN_BP;
  return referenceBp + margin;
}

/** The UK reference date for interest starting on `interestStarts`: 30 June or 31 December before. */
export function ukReferenceDate(interestStarts: IsoDate): IsoDate {
  const year = Number(interestStarts.slice(0, 4));
  return Number(interestStarts.slice(5, 7)) <= 6 ? `${year - 1}-12-31` : `${year}-06-30`;
}

/**
 * UK: the Bank Rate in force on 30 June (interest starting 1 Jul–31 Dec) or 31 December
 * (starting 1 Jan–30 Jun) immediately before the day interest starts, + 8 points, fixed
 * for the whole debt (SI 2002/1675 art. 4). Null when the reference date is not covered.
 */
export function ukRateBp(interestStarts: IsoDate, rates: RateTable = BUILT_IN_RATES): number | null {
  return ukRateOn(ukReferenceDate(interestStarts), rates);
}

/** The UK reference date for interest starting on epoch day `first` (as `ukReferenceDate`). */
function ukReferenceOfDay(first: number): IsoDate {
  // The day before the half-year the interest starts in: 31 December or 30 June.
  const start = tabledHalfYearStart(first);
  return start !== undefined ? fromEpochDay(start - 1) : ukReferenceDate(fromEpochDay(first));
}

/** The UK rate fixed on `reference` (30 June or 31 December), or null when not covered. */
function ukRateOn(reference: IsoDate, rates: RateTable): number | null {
  if (reference > rates.bankRateKnownThrough) return null;
  const bp = bankRateOn(rates.bankRate, reference);
  return bp === null ? null : bp + UK_MARGIN_BP;
}

/**
 * Interest on one late debt. Works in whole segments (runs of days with the same unpaid
 * amount and rate) so a long-overdue debt costs a handful of steps, not one per day.
 */
export function statutoryInterest(input: InterestInput): InterestResult {
  return accrue(input);
}

/** A run of days charged at one annual rate on one unpaid amount. */
export interface InterestPeriod {
  /** First and last day of the run, inclusive. */
  from: IsoDate;
  to: IsoDate;
  days: number;
  /** Annual rate, basis points (reference rate + margin). */
  rateBp: number;
  /** Minor units unpaid on each of these days. */
  principal: number;
  /**
   * Minor units. The law rounds once, on the total: each period carries the rounded
   * running total less the rounded running total before it, so the periods add up to
   * `statutoryInterest(...).interest` exactly and each differs from its own
   * principal × rate × days / 365 by less than one minor unit.
   */
  interest: number;
}

/**
 * The interest worked out period by period, for the documentation pack: the same days,
 * rates and amounts `statutoryInterest` counts (one shared loop), in date order. Days with
 * no rate on file are not periods: they are `statutoryInterest(...).uncovered`.
 */
export function interestPeriods(input: InterestInput): InterestPeriod[] {
  const runs: Array<{ day: number; days: number; unpaid: number; bp: number }> = [];
  accrue(input, (day, days, unpaid, bp) => runs.push({ day, days, unpaid, bp }));
  let cumulative = 0n;
  let before = 0;
  return runs.map((r) => {
    cumulative += BigInt(r.unpaid) * BigInt(r.bp) * BigInt(r.days);
    const rounded = Number(divRoundHalfUp(cumulative, 3_650_000n));
    const period: InterestPeriod = {
      from: fromEpochDay(r.day),
      to: fromEpochDay(r.day + r.days - 1),
      days: r.days,
      rateBp: r.bp,
      principal: r.unpaid,
      interest: rounded - before,
    };
    before = rounded;
    return period;
  });
}

/** A payment as the day from which it stops interest (its date + 1) and its amount. */
interface Change {
  day: number;
  amount: number;
}

const NO_CHANGES: readonly Change[] = Object.freeze([]);

/** The payments as changes in day order (most debts have one payment or none: no sort then). */
function paymentChanges(payments: readonly DatedPayment[]): Change[] {
  const changes = payments.map((p) => ({ day: epochDay(p.date) + 1, amount: p.amount }));
  if (changes.length > 1) changes.sort((a, b) => a.day - b.day);
  return changes;
}

/** Where each regime's rule is written (built once, not per debt). */
const UK_SOURCE = `Late Payment of Commercial Debts (Interest) Act 1998; SI 2002/1675 art. 4; ${BANK_RATE_SOURCE}`;
const IT_SOURCE =
  'D.Lgs. 231/2002 art. 5 (as amended by D.Lgs. 192/2012); ECB rate per MEF notice in the Gazzetta Ufficiale';
const EU_SOURCE = 'Directive 2011/7/EU Art. 2(6), 3(2); ECB main refinancing rate on 1 Jan / 1 Jul';

/** The day-by-day count behind both functions above; `charged` sees each covered run. */
function accrue(
  input: InterestInput,
  charged?: (day: number, days: number, unpaid: number, bp: number) => void,
): InterestResult {
  const { regime, amount, dueDate, today } = input;
  const rates = input.rates ?? BUILT_IN_RATES;
  const start = addDays(dueDate, 1);
  const result: InterestResult = {
    interest: 0,
    ratesBp: [],
    days: 0,
    uncovered: null,
    missing: [],
    interestThrough: today,
    source: regime === 'UK' ? UK_SOURCE : regime === 'IT' ? IT_SOURCE : EU_SOURCE,
  };
  if (start > today) return result;

  // A payment dated d stops interest from d + 1: the unpaid amount at the start of day d
  // counts payments dated before d.
  const changes = input.payments.length === 0 ? NO_CHANGES : paymentChanges(input.payments);

  const first = epochDay(start);
  const ukReference = regime === 'UK' ? ukReferenceOfDay(first) : null;
  const ukBp = ukReference === null ? null : ukRateOn(ukReference, rates);
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
    const bp = regime === 'UK' ? ukBp : euRateBp(day, regime, input.contractDate, rates);
    if (bp === null || uncoveredFrom !== null) {
      // From the first day with no rate on, nothing more is counted: the figure then
      // stays true as "interest to the day before", even if a later rate is on file.
      uncoveredFrom ??= day;
      uncoveredTo = end - 1;
      if (bp === null) {
        const from = ukReference ?? halfYearStartOf(day);
        if (!namesPeriod(result.missing, from)) result.missing.push({ law: rateLaw(regime), from });
      }
    } else {
      const term = unpaid * bp * days;
      if (Number.isSafeInteger(term) && Number.isSafeInteger(total + term)) total += term;
      else big += BigInt(unpaid) * BigInt(bp) * BigInt(days);
      result.days += days;
      charged?.(day, days, unpaid, bp);
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
    result.interestThrough = uncoveredFrom === first ? null : fromEpochDay(uncoveredFrom - 1);
  }
  return result;
}

/** Whether `missing` already names the period starting `from`. */
function namesPeriod(missing: readonly MissingRate[], from: IsoDate): boolean {
  for (let i = 0; i < missing.length; i++) if ((missing[i] as MissingRate).from === from) return true;
  return false;
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
