/**
 * Small-claims limits per jurisdiction, dated, each with its source and confidence grade
 * (legal-facts §4). Rows graded C or U there are not on file: their limit stays unknown.
 */
import type { IsoDate } from '../model.ts';
import { currencyDigits } from '../money.ts';

/** Who brings the claim, where the limit depends on it: the user. */
export type Claimant = 'natural_person' | 'entity';

export interface SmallClaimsLimit {
  jurisdiction: string;
  /** Major units of `currency`. */
  limit: number;
  currency: string;
  /** The route's own name in its legal system (Scotland: Simple Procedure). */
  route: string;
  /** Set when the limit depends on who claims (California: natural persons vs entities). */
  claimant?: Claimant;
  /**
   * The limit applies to claims started on or after this date: the date the law took
   * effect where the source gives it, else the earliest date the sources confirm it.
   */
  from: IsoDate;
  court: string;
  source: string;
  confidence: 'A' | 'B';
  note?: string;
  /** `court` and `note` in Italian, for packs in Italian (the Italian route only, so far). */
  it?: { court: string; note?: string };
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
    route: 'small claims track',
    court: 'County Court small claims track (England and Wales)',
    source: 'CPR Part 26/27 track allocation; MoneySavingExpert guide (5 Mar 2025)',
    confidence: 'B',
  },
  {
    jurisdiction: 'GB-WLS',
    limit: 10000,
    currency: 'GBP',
    from: '2013-04-01',
    route: 'small claims track',
    court: 'County Court small claims track (England and Wales)',
    source: 'CPR Part 26/27 track allocation; MoneySavingExpert guide (5 Mar 2025)',
    confidence: 'B',
  },
  {
    jurisdiction: 'GB-SCT',
    limit: 5000,
    currency: 'GBP',
    from: '2016-11-28',
    route: 'Simple Procedure',
    court:
      'Simple Procedure in the sheriff court (Scotland; "small claim" is obsolete there since 28 Nov 2016)',
    source: 'Simple Procedure Rules; https://www.scotcourts.gov.uk/taking-action/simple-procedure',
    confidence: 'A',
  },
  {
    jurisdiction: 'GB-NIR',
    limit: 5000,
    currency: 'GBP',
    from: '2022-10-03',
    route: 'small claims procedure',
    court: 'County Court small claims (Northern Ireland)',
    source: 'County Courts (Financial Limits) Order (NI) 2022; nidirect.gov.uk',
    confidence: 'A',
  },
  {
    // Italy has no small-claims court as such: an invoice debt goes by decreto ingiuntivo
    // (art. 633 c.p.c., no value cap) before the Giudice di pace up to EUR 10,000 (art. 7
    // c.p.c.) or the Tribunale above. The limit that matters for acting alone is the one
    // for appearing without a lawyer: EUR 1,100 (art. 82 c.p.c.). Above it, a lawyer.
    jurisdiction: 'IT',
    limit: 1100,
    currency: 'EUR',
    from: '2012-01-01',
    route: 'decreto ingiuntivo / Giudice di pace',
    court:
      'Decreto ingiuntivo (art. 633 c.p.c.) or claim before the Giudice di pace, without a lawyer up to EUR 1,100 (art. 82 c.p.c.)',
    source:
      'art. 82 c.p.c. (amount set by DL 212/2011); art. 633 c.p.c.; art. 7 c.p.c. as amended by D.Lgs. 149/2022',
    confidence: 'B',
    note:
      'The Giudice di pace hears money claims up to EUR 10,000 (Tribunale above; a rise to EUR 30,000 was scheduled for 31 Oct 2026 and deferred before: check). ' +
      'Above EUR 1,100 a lawyer is needed. The European Small Claims Procedure is for cross-border claims only.',
    it: {
      court:
        'decreto ingiuntivo (art. 633 c.p.c.) o domanda al Giudice di pace, senza avvocato fino a EUR 1.100 (art. 82 c.p.c.)',
      note:
        'Il Giudice di pace decide le domande di pagamento fino a EUR 10.000 (oltre, il Tribunale; l’aumento a EUR 30.000 previsto per il 31 ottobre 2026 è già stato rinviato in passato: verificare). ' +
        'Oltre EUR 1.100 serve un avvocato. Il procedimento europeo per le controversie di modesta entità vale solo per le cause transfrontaliere.',
    },
  },
  {
    jurisdiction: 'EU',
    limit: 5000,
    currency: 'EUR',
    from: '2017-07-14',
    route: 'European Small Claims Procedure',
    court: 'European Small Claims Procedure (cross-border claims only; not Denmark)',
    source: 'Reg. (EC) 861/2007 as amended by Reg. (EU) 2015/2421',
    confidence: 'B',
    note: 'The limit excludes interest, expenses and disbursements.',
  },
  {
    jurisdiction: 'US-CA',
    limit: 12500,
    currency: 'USD',
    from: '2024-01-01',
    route: 'small claims court',
    claimant: 'natural_person',
    court: 'California small claims court (USD 12,500 when you claim as a natural person)',
    source: 'CCP §116.221 (SB 71)',
    confidence: 'A',
    note: 'At most two claims over USD 2,500 a year (CCP §116.231).',
  },
  {
    jurisdiction: 'US-CA',
    limit: 6250,
    currency: 'USD',
    from: '2024-01-01',
    route: 'small claims court',
    claimant: 'entity',
    court: 'California small claims court (USD 6,250 when you claim as a business entity, such as an LLC)',
    source: 'CCP §116.220 (SB 71)',
    confidence: 'A',
  },
  {
    jurisdiction: 'US-WA',
    limit: 10000,
    currency: 'USD',
    from: '2025-01-01',
    route: 'small claims',
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
    route: 'justice court',
    court: 'Justice court',
    source: "Gov't Code §27.031; TRCP 500.3",
    confidence: 'A',
  },
  {
    jurisdiction: 'US-MI',
    limit: 7000,
    currency: 'USD',
    from: '2024-01-01',
    route: 'small claims division',
    court: 'District court, small claims division',
    source: 'MCL 600.8401(e)',
    confidence: 'A',
  },
  {
    jurisdiction: 'US-NJ',
    limit: 5000,
    currency: 'USD',
    from: '2022-07-01',
    route: 'small claims section',
    court: 'Special Civil Part, small claims section',
    source: 'NJ Supreme Court order (National Law Review)',
    confidence: 'A',
  },
  {
    jurisdiction: 'US-IN',
    limit: 10000,
    currency: 'USD',
    from: '2021-07-01',
    route: 'small claims docket',
    court: 'Small claims docket',
    source: 'HB 1435 (2021)',
    confidence: 'B',
  },
  {
    jurisdiction: 'US-DE',
    limit: 25000,
    currency: 'USD',
    from: '2023-09-01',
    route: 'Justice of the Peace Court',
    court: 'Justice of the Peace Court',
    source: 'FindLaw, reviewed Sep 2023',
    confidence: 'B',
  },
  {
    jurisdiction: 'US-MN',
    limit: 15000,
    currency: 'USD',
    from: '2024-01-01',
    route: 'conciliation court',
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
    route: 'Small Claims Part (New York City only)',
    court: 'Small Claims Part of the Civil Court of the City of New York (New York City only)',
    source: 'LawsuitAnalysis state chart',
    confidence: 'B',
    note: 'USD 10,000 in New York City; USD 5,000 in other city courts and Nassau / West Suffolk district courts; USD 3,000 in town and village courts.',
  },
  ...US_B.map(([state, limit]): SmallClaimsLimit => ({
    jurisdiction: `US-${state}`,
    limit,
    currency: 'USD',
    from: '2025-01-01',
    route: 'small claims court',
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

/**
 * The limits in force for a claim started on `on`: one row, or one per claimant kind
 * where the limit depends on who claims (California).
 */
export function smallClaimsLimits(jurisdiction: string, on: IsoDate): SmallClaimsLimit[] {
  const latest = new Map<string, SmallClaimsLimit>();
  for (const row of BY_JURISDICTION.get(jurisdiction) ?? []) {
    const key = row.claimant ?? '';
    const found = latest.get(key);
    if (row.from <= on && (!found || row.from > found.from)) latest.set(key, row);
  }
  return [...latest.values()];
}

/**
 * The limit on file for a claim started on `on`, or null when unknown. With `claimant`
 * unknown and a limit that depends on it, the lowest one: a plan kept under it fits
 * whoever claims.
 */
export function smallClaimsLimit(
  jurisdiction: string,
  on: IsoDate,
  claimant?: Claimant,
): SmallClaimsLimit | null {
  const rows = smallClaimsLimits(jurisdiction, on);
  const mine = claimant ? rows.find((r) => r.claimant === claimant) : undefined;
  if (mine) return mine;
  let low: SmallClaimsLimit | null = null;
  for (const r of rows) if (!low || r.limit < low.limit) low = r;
  return low;
}

/**
 * Whether a principal of `principal` minor units of `currency` fits the route: true when
 * it fits every limit in force, false when it fits none, null when it depends on who
 * claims (between California's two limits), when the currency differs, or when no limit
 * is on file. The limit is on the principal only: interest and costs are left out (CPR
 * 26.8(2) in England and Wales; Reg. 861/2007 Art. 2 for the EU procedure).
 */
export function smallClaimsFits(
  jurisdiction: string,
  on: IsoDate,
  principal: number,
  currency: string,
): { limit: SmallClaimsLimit | null; fits: boolean | null; court: string } {
  const rows = smallClaimsLimits(jurisdiction, on);
  const limit = smallClaimsLimit(jurisdiction, on);
  if (!limit || rows.some((r) => r.currency !== currency))
    return { limit, fits: null, court: limit?.court ?? '' };
  const fit = rows.map((r) => principal <= r.limit * 10 ** currencyDigits(r.currency));
  const fits = fit.every(Boolean) ? true : fit.some(Boolean) ? null : false;
  return { limit, fits, court: rows.map((r) => r.court).join('; ') };
}
