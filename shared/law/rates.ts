/**
 * Dated reference-rate tables for statutory late-payment interest. Every row cites its
 * source and a confidence grade (A: official text read; B: two or more consistent
 * secondary sources), as collected in shared/facts/legal-facts.md (§1–§3). Rows graded
 * C or U there are left out on purpose: a date outside these tables gives a warning,
 * never a made-up rate.
 */
import type { RateRow } from '../model.ts';

/** Rates are basis points (1 % = 100 bp) so interest stays in integer arithmetic. */
export interface HalfYearRate {
  /** `2026-H1` = 1 January – 30 June 2026. */
  halfYear: string;
  /** ECB main refinancing operations rate in force on 1 January / 1 July. */
  referenceBp: number;
  source: string;
  confidence: 'A' | 'B';
}

/**
 * ECB MRO rate in force on the first day of each half-year, as published by Italy's MEF in
 * the Gazzetta Ufficiale (D.Lgs. 231/2002 art. 5) — the same rate Directive 2011/7/EU
 * Art. 2(7) and 3(2) use. 2026 H2: no notice found yet (legal-facts §1, §7).
 */
export const ECB_REFERENCE_RATES: readonly HalfYearRate[] = [
  ...['2018-H2', '2019-H1', '2019-H2', '2020-H1', '2020-H2', '2021-H1', '2021-H2', '2022-H1', '2022-H2'].map(
    (halfYear): HalfYearRate => ({
      halfYear,
      referenceBp: 0,
      source:
        'MEF notices, e.g. GU n.158 of 10 Jul 2018; "8% fino al 31.12.2022" (ANCE Ragusa circ. 58/C/2023)',
      confidence: 'B',
    }),
  ),
  { halfYear: '2023-H1', referenceBp: 250, source: 'GU n.14, 18 Jan 2023', confidence: 'B' },
  { halfYear: '2023-H2', referenceBp: 400, source: 'GU n.165, 17 Jul 2023', confidence: 'B' },
  { halfYear: '2024-H1', referenceBp: 450, source: 'GU n.12, 16 Jan 2024', confidence: 'B' },
  {
    halfYear: '2024-H2',
    referenceBp: 425,
    source: 'GU n.176, 29 Jul 2024 (MEF notice text read)',
    confidence: 'A',
  },
  { halfYear: '2025-H1', referenceBp: 315, source: 'GU n.63, 17 Mar 2025', confidence: 'B' },
  { halfYear: '2025-H2', referenceBp: 215, source: 'GU n.161, 14 Jul 2025', confidence: 'B' },
  {
    halfYear: '2026-H1',
    referenceBp: 215,
    source: 'GU n.15, 20 Jan 2026 (MEF notice text read)',
    confidence: 'A',
  },
];

/** Statutory margin over the ECB rate: Directive 2011/7/EU Art. 2(6) and D.Lgs. 231/2002 art. 5. */
export const EU_MARGIN_BP = 800;
/** Italy, contracts concluded before 1 Jan 2013 (D.Lgs. 192/2012 art. 3(1) transitional rule). */
export const IT_MARGIN_BEFORE_2013_BP = 700;

export interface BankRateChange {
  /** The day the new Bank Rate took effect. */
  from: string;
  bp: number;
}

/**
 * Bank of England Bank Rate changes since December 2022 (BoE Bank Rate database, as
 * tabulated in legal-facts §3, grade B). The table answers "Bank Rate in force on day X"
 * for X from 15 Dec 2022 on; earlier reference dates are not covered.
 */
export const BANK_RATE_CHANGES: readonly BankRateChange[] = [
  { from: '2022-12-15', bp: 350 },
  { from: '2023-02-02', bp: 400 },
  { from: '2023-03-23', bp: 425 },
  { from: '2023-05-11', bp: 450 },
  { from: '2023-06-22', bp: 500 },
  { from: '2023-08-03', bp: 525 },
  { from: '2024-08-01', bp: 500 },
  { from: '2024-11-07', bp: 475 },
  { from: '2025-02-06', bp: 450 },
  { from: '2025-05-08', bp: 425 },
  { from: '2025-08-07', bp: 400 },
  { from: '2025-12-18', bp: 375 },
];
export const BANK_RATE_SOURCE = 'Bank of England Bank Rate database (changes 15 Dec 2022 – 18 Dec 2025)';
/**
 * The last day the Bank Rate table is known to hold. A 30 June 2026 reference date is
 * past it: the rate then (3.75 %) comes from market press only (legal-facts §3, grade C).
 */
export const BANK_RATE_KNOWN_THROUGH = '2026-02-05';

/** Late Payment of Commercial Debts (Interest) Act 1998, SI 2002/1675 art. 4: Bank Rate + 8. */
export const UK_MARGIN_BP = 800;

/**
 * The laws a `Rates` row can extend (PRODUCT.md, "Rates"): `EU` and `IT` take the ECB MRO
 * rate in force on 1 January / 1 July; `GB` takes the Bank of England Bank Rate.
 */
export const RATE_LAWS = ['EU', 'IT', 'GB'] as const;
export type RateLaw = (typeof RATE_LAWS)[number];

/**
 * The reference rates interest is computed from: the built-in tables with the ledger's
 * `Rates` rows laid over them. `halfYears` maps `2026-H2` to the reference rate in basis
 * points; `bankRate` is sorted by date; `bankRateKnownThrough` is the last day the Bank Rate
 * table is known to hold.
 */
export interface RateTable {
  halfYears: Readonly<Record<'EU' | 'IT', ReadonlyMap<string, number>>>;
  bankRate: readonly BankRateChange[];
  bankRateKnownThrough: string;
}

/** A `Rates` row that says something else than the built-in table for the same period. */
export interface RateConflict {
  row: RateRow;
  /** The built-in value, basis points, and its source. */
  builtInBp: number;
  builtInSource: string;
}

function builtInHalfYears(): Map<string, number> {
  return new Map(ECB_REFERENCE_RATES.map((r) => [r.halfYear, r.referenceBp]));
}

/** The built-in table alone (what a ledger without a `Rates` tab uses). */
export const BUILT_IN_RATES: RateTable = {
  halfYears: { EU: builtInHalfYears(), IT: builtInHalfYears() },
  bankRate: BANK_RATE_CHANGES,
  bankRateKnownThrough: BANK_RATE_KNOWN_THROUGH,
};

/** `2026-07-01` → `2026-H2`; null for any day but 1 January and 1 July. */
export function halfYearOfStart(from: string): string | null {
  const md = from.slice(5);
  if (md === '01-01') return `${from.slice(0, 4)}-H1`;
  if (md === '07-01') return `${from.slice(0, 4)}-H2`;
  return null;
}

/** Bank Rate in force on `day` by a sorted change list, basis points; null before the first. */
export function bankRateOn(changes: readonly BankRateChange[], day: string): number | null {
  let bp: number | null = null;
  for (const change of changes) if (change.from <= day) bp = change.bp;
  return bp;
}

/**
 * Lays the ledger's `Rates` rows over the built-in table. A row wins over the built-in
 * value for its period and, when the two differ, is returned as a conflict for a warning.
 * Rows are assumed valid (the parser checks law, date and rate); with two rows for the
 * same period the later row in the tab wins.
 */
export function buildRateTable(rows: readonly RateRow[]): { table: RateTable; conflicts: RateConflict[] } {
  if (rows.length === 0) return { table: BUILT_IN_RATES, conflicts: [] };
  const conflicts: RateConflict[] = [];
  const halfYears = { EU: builtInHalfYears(), IT: builtInHalfYears() };
  const builtInGb = new Map(BANK_RATE_CHANGES.map((c) => [c.from, c.bp]));
  const gb = new Map(builtInGb);
  let knownThrough = BANK_RATE_KNOWN_THROUGH;
  for (const row of rows) {
    if (row.law === 'GB') {
      // A day the built-in table covers: the rate it says was in force then.
      if (row.from >= (BANK_RATE_CHANGES[0]?.from ?? '') && row.from <= BANK_RATE_KNOWN_THROUGH) {
        const builtIn = bankRateOn(BANK_RATE_CHANGES, row.from);
        if (builtIn !== null && builtIn !== row.referenceBp)
          conflicts.push({ row, builtInBp: builtIn, builtInSource: BANK_RATE_SOURCE });
      }
      gb.set(row.from, row.referenceBp);
      if (row.from > knownThrough) knownThrough = row.from;
      continue;
    }
    const half = halfYearOfStart(row.from);
    if (half === null) continue;
    const builtIn = ECB_REFERENCE_RATES.find((r) => r.halfYear === half);
    if (builtIn && builtIn.referenceBp !== row.referenceBp)
      conflicts.push({ row, builtInBp: builtIn.referenceBp, builtInSource: builtIn.source });
    halfYears[row.law].set(half, row.referenceBp);
  }
  const bankRate = [...gb].map(([from, bp]) => ({ from, bp })).sort((a, b) => (a.from < b.from ? -1 : 1));
  return { table: { halfYears, bankRate, bankRateKnownThrough: knownThrough }, conflicts };
}

/** Where to check a missing rate: the official publisher for each law (legal-facts §1–§3). */
export const RATE_PUBLISHERS: Readonly<Record<RateLaw, string>> = {
  EU: 'the ECB main refinancing operations rate (ecb.europa.eu → Key ECB interest rates)',
  IT: 'the MEF notice in the Gazzetta Ufficiale ("saggio degli interessi … transazioni commerciali", tasso di riferimento for the half-year)',
  GB: 'the Bank of England Bank Rate history (bankofengland.co.uk → Bank Rate)',
};
