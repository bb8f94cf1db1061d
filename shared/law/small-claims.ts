/**
 * Small-claims limits per jurisdiction, dated, each with its source and confidence grade
 * (legal-facts §4). Rows graded C or U there are not on file: their limit stays unknown.
 */
import type { IsoDate } from '../model.ts';

export interface SmallClaimsLimit {
  jurisdiction: string;
  /** Major units of `currency`. */
  limit: number;
  currency: string;
  /**
   * The limit applies to claims started on or after this date: the date the law took
   * effect where the source gives it, else the earliest date the sources confirm it.
   */
  from: IsoDate;
  court: string;
  source: string;
  confidence: 'A' | 'B';
  note?: string;
}

const US_CONSENSUS =
  'Consensus of Nolo, InfoTalker (2026), LegalKB (2025) and LawsuitAnalysis state charts; re-check before filing';

/** `[state, limit]` pairs graded B by list consensus (legal-facts §4, United States). */
const US_B: ReadonlyArray<readonly [string, number]> = [
  ['AL', 6000],
  ['AK', 10000],
  ['AZ', 3500],
  ['AR', 5000],
  ['CO', 7500],
  ['CT', 5000],
  ['DC', 10000],
  ['FL', 8000],
  ['GA', 15000],
  ['HI', 5000],
  ['ID', 5000],
  ['IL', 10000],
  ['IA', 6500],
  ['KS', 4000],
  ['KY', 2500],
  ['LA', 5000],
  ['ME', 6000],
  ['MD', 5000],
  ['MA', 7000],
  ['MS', 3500],
  ['MO', 5000],
  ['MT', 7000],
  ['NV', 10000],
  ['NH', 10000],
  ['NM', 10000],
  ['ND', 15000],
  ['OH', 6000],
  ['OK', 10000],
  ['OR', 10000],
  ['PA', 12000],
  ['SC', 7500],
  ['SD', 12000],
  ['TN', 25000],
  ['UT', 11000],
  ['VT', 5000],
  ['VA', 5000],
  ['WV', 10000],
  ['WI', 10000],
];

export const SMALL_CLAIMS_LIMITS: readonly SmallClaimsLimit[] = [
  {
    jurisdiction: 'GB-ENG',
    limit: 10000,
    currency: 'GBP',
    from: '2013-04-01',
    court: 'County Court small claims track (England and Wales)',
    source: 'CPR Part 26/27 track allocation; MoneySavingExpert guide (5 Mar 2025)',
    confidence: 'B',
  },
  {
    jurisdiction: 'GB-WLS',
    limit: 10000,
    currency: 'GBP',
    from: '2013-04-01',
    court: 'County Court small claims track (England and Wales)',
    source: 'CPR Part 26/27 track allocation; MoneySavingExpert guide (5 Mar 2025)',
    confidence: 'B',
  },
  {
    jurisdiction: 'GB-SCT',
    limit: 5000,
    currency: 'GBP',
    from: '2016-11-28',
    court: 'Sheriff court, Simple Procedure',
    source: 'Simple Procedure Rules; scotcourts.gov.uk',
    confidence: 'A',
  },
  {
    jurisdiction: 'GB-NIR',
    limit: 5000,
    currency: 'GBP',
    from: '2022-10-03',
    court: 'County Court small claims (Northern Ireland)',
    source: 'County Courts (Financial Limits) Order (NI) 2022; nidirect.gov.uk',
    confidence: 'A',
  },
  {
    jurisdiction: 'IT',
    limit: 10000,
    currency: 'EUR',
    from: '2023-03-01',
    court: 'Giudice di pace (art. 7 c.p.c.)',
    source: 'art. 7 c.p.c. as amended by D.Lgs. 149/2022 (riforma Cartabia), proceedings after 28 Feb 2023',
    confidence: 'B',
    note:
      'A rise to EUR 30,000 was scheduled for 31 Oct 2026 (D.Lgs. 116/2017 art. 27) and deferred before; check whether it took effect. ' +
      'Without a lawyer only up to EUR 1,100 (art. 82 c.p.c.); an invoice debt can also go by decreto ingiuntivo, with no cap.',
  },
  {
    jurisdiction: 'EU',
    limit: 5000,
    currency: 'EUR',
    from: '2017-07-14',
    court: 'European Small Claims Procedure (cross-border; not Denmark)',
    source: 'Reg. (EC) 861/2007 as amended by Reg. (EU) 2015/2421',
    confidence: 'B',
    note: 'The limit excludes interest, expenses and disbursements.',
  },
  {
    jurisdiction: 'US-CA',
    limit: 12500,
    currency: 'USD',
    from: '2024-01-01',
    court: 'California small claims court',
    source: 'CCP §116.221 (SB 71)',
    confidence: 'A',
    note: 'USD 12,500 for natural persons; USD 6,250 for businesses and other entities (CCP §116.220); at most two claims over USD 2,500 a year.',
  },
  {
    jurisdiction: 'US-WA',
    limit: 10000,
    currency: 'USD',
    from: '2025-01-01',
    court: 'Washington small claims (district court)',
    source: 'RCW 12.40.010',
    confidence: 'A',
    note: 'USD 10,000 for natural persons; USD 5,000 for others.',
  },
  {
    jurisdiction: 'US-TX',
    limit: 20000,
    currency: 'USD',
    from: '2020-09-01',
    court: 'Justice court',
    source: "Gov't Code §27.031; TRCP 500.3",
    confidence: 'A',
  },
  {
    jurisdiction: 'US-MI',
    limit: 7000,
    currency: 'USD',
    from: '2024-01-01',
    court: 'District court, small claims division',
    source: 'MCL 600.8401(e)',
    confidence: 'A',
  },
  {
    jurisdiction: 'US-NJ',
    limit: 5000,
    currency: 'USD',
    from: '2022-07-01',
    court: 'Special Civil Part, small claims section',
    source: 'NJ Supreme Court order (National Law Review)',
    confidence: 'A',
  },
  {
    jurisdiction: 'US-IN',
    limit: 10000,
    currency: 'USD',
    from: '2021-07-01',
    court: 'Small claims docket',
    source: 'HB 1435 (2021)',
    confidence: 'B',
  },
  {
    jurisdiction: 'US-DE',
    limit: 25000,
    currency: 'USD',
    from: '2023-09-01',
    court: 'Justice of the Peace Court',
    source: 'FindLaw, reviewed Sep 2023',
    confidence: 'B',
  },
  {
    jurisdiction: 'US-MN',
    limit: 15000,
    currency: 'USD',
    from: '2024-01-01',
    court: 'Conciliation court',
    source: 'Minn. Stat. 491A.01 subd. 3a',
    confidence: 'B',
    note: 'USD 4,000 for consumer-credit claims; a rise to USD 20,000 was proposed in 2024 (SF 1760).',
  },
  {
    jurisdiction: 'US-NY',
    limit: 10000,
    currency: 'USD',
    from: '2025-01-01',
    court: 'NYC Civil Court small claims part',
    source: 'LawsuitAnalysis state chart',
    confidence: 'B',
    note: 'USD 10,000 in New York City; USD 5,000 in other city courts and Nassau / West Suffolk district courts; USD 3,000 in town and village courts.',
  },
  ...US_B.map(([state, limit]): SmallClaimsLimit => ({
    jurisdiction: `US-${state}`,
    limit,
    currency: 'USD',
    from: '2025-01-01',
    court: 'State small claims court',
    source: US_CONSENSUS,
    confidence: 'B',
  })),
];

const BY_JURISDICTION = new Map<string, SmallClaimsLimit[]>();
for (const row of SMALL_CLAIMS_LIMITS) {
  const list = BY_JURISDICTION.get(row.jurisdiction) ?? [];
  list.push(row);
  BY_JURISDICTION.set(row.jurisdiction, list);
}

/** The limit on file for a claim started on `on`, or null when unknown. */
export function smallClaimsLimit(jurisdiction: string, on: IsoDate): SmallClaimsLimit | null {
  let found: SmallClaimsLimit | null = null;
  for (const row of BY_JURISDICTION.get(jurisdiction) ?? [])
    if (row.from <= on && (!found || row.from > found.from)) found = row;
  return found;
}
