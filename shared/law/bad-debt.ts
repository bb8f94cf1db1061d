/**
 * Bad debts and tax: short notes per country for the documentation pack, each with its
 * source and confidence grade from shared/facts/legal-facts.md §5 (A: official text read;
 * B: two or more consistent secondary sources). Facts graded C or U there are not stated
 * as facts: they appear as open questions for an accountant. A jurisdiction with nothing on
 * file stays unknown — no rule is made up.
 *
 * Tax relief for a bad debt follows the rules where the creditor (the user) is taxed; the
 * pack shows the notes for the client's jurisdiction and, when it differs, for the user's
 * (Settings → Default jurisdiction), each labelled.
 */
import { addMonths } from '../dates.ts';
import type { IsoDate } from '../model.ts';

export type BadDebtGrade = 'A' | 'B' | 'A/B';

export interface BadDebtNote {
  /** The fact's id in legal-facts.md §5. */
  id: string;
  text: string;
  source: string;
  grade: BadDebtGrade;
}

export interface BadDebtRules {
  jurisdiction: string;
  /** The tax country the notes are for; null when Payladder has nothing on file. */
  country: 'US' | 'IT' | 'GB' | null;
  title: string;
  notes: BadDebtNote[];
  /** Points not confirmed in the sources: to check with an accountant, not to rely on. */
  openQuestions: string[];
}

const US: BadDebtNote[] = [
  {
    id: 'us.baddebt.basis',
    text: 'A bad debt is deductible only if the amount was already included in income. Most freelancers use the cash method: an unpaid invoice was never income, so it cannot be deducted.',
    source:
      'IRS Publication 17 (archived text); IRS Publication 535 caution "only if the amount owed to you was previously included in gross income"; troutmanfinancialservices.com (2024)',
    grade: 'B',
  },
  {
    id: 'us.baddebt.business',
    text: 'For accrual-method businesses, a business bad debt is an ordinary deduction (IRC §166), also when only partly worthless, in the year it becomes worthless, limited to its basis; a later recovery is income.',
    source: 'IRC §166; IRS Publication 535 (2003) ch. 11; troutmanfinancialservices.com (2024)',
    grade: 'B',
  },
  {
    id: 'us.baddebt.documentation',
    text: "Be ready to show a genuine debtor-creditor relationship and why the debt is worthless: the collection attempts in this pack, the debtor's insolvency and so on.",
    source: 'troutmanfinancialservices.com (2024)',
    grade: 'B',
  },
  {
    id: 'us.pub535.status',
    text: 'IRS Publication 535 was discontinued after its 2022 revision; business bad debts are now covered in Publication 334 and the IRS topic pages.',
    source: 'https://www.irs.gov/forms-pubs/guide-to-business-expense-resources',
    grade: 'A',
  },
];

const IT: BadDebtNote[] = [
  {
    id: 'it.perdite.general',
    text: 'A loss on a receivable is deductible from business income when it rests on "certain and precise elements" (elementi certi e precisi), and always once the debtor is in insolvency proceedings, from the date of the judgment or decree that opens them.',
    source: 'art. 101(5) TUIR; ecnews.it',
    grade: 'B',
  },
  {
    id: 'it.perdite.mini',
    text: 'Mini-credits: the "certain and precise elements" exist automatically for a credit of at most EUR 2,500 (EUR 5,000 for firms with revenue of EUR 100 million or more) once 6 months have passed since its due date. The threshold is tested per single credit, not per client (Circ. 26/E of 1 Aug 2013).',
    source:
      'art. 101(5) TUIR as amended by art. 33(5) DL 83/2012 (L. 134/2012); Agenzia delle Entrate Circ. 26/E 2013',
    grade: 'B',
  },
  {
    id: 'it.perdite.prescribed',
    text: 'The loss is also deductible automatically when the right to collect is time-barred (prescritto).',
    source: 'art. 101(5) TUIR as amended by DL 83/2012',
    grade: 'B',
  },
  {
    id: 'it.perdite.booking',
    text: 'The loss must be booked in the income statement; a mini-credit loss is deductible in the year it is booked, even if later than when the conditions arose, but not later than when accounting principles require derecognition.',
    source: 'art. 101(5-bis) TUIR; michelebana.it',
    grade: 'B',
  },
];

const GB: BadDebtNote[] = [
  {
    id: 'uk.vat.bdr',
    text: 'VAT bad debt relief: you can reclaim the VAT you paid on an unpaid invoice once the debt has been unpaid for 6 months after the later of its due date and the date of supply, provided you accounted for and paid the VAT, wrote the debt off into a separate bad-debt account, charged no more than the customary price and did not sell or factor the debt. Claim within 4 years and 6 months of that later date, and keep the invoices and the bad-debt account.',
    source:
      'VATA 1994 s.36; VAT Notice 700/18; HMRC manual VBDR3100 (gov.uk/hmrc-internal-manuals/vat-bad-debt-relief/vbdr3100)',
    grade: 'A/B',
  },
  {
    id: 'uk.income.cashbasis',
    text: 'From 2024-25 the cash basis is the default for sole traders and partnerships of individuals: income counts when received, so an unpaid invoice was never taxed and relief is automatic. Accruals users (and companies, which cannot use the cash basis) claim bad-debt relief instead.',
    source: 'Finance Act 2024 Sch. 10; bookkeepers.org.uk; stewartassociates guide',
    grade: 'B',
  },
];

const IT_OPEN = [
  'Freelancers taxed on a cash basis (art. 54 TUIR, regime forfettario) are believed never to recognise unpaid fees as income, so there would be no loss to deduct; and VAT on an unpaid invoice is believed recoverable by credit note (art. 26 DPR 633/72) only once insolvency proceedings start or enforcement fails. Not confirmed: ask your commercialista.',
];
const US_OPEN = [
  'IRS Topic No. 453 (https://www.irs.gov/taxtopics/tc453) was not checked; state income-tax rules are not covered.',
];

/** The tax country of a jurisdiction code, or null when Payladder has no notes for it. */
export function badDebtCountry(jurisdiction: string): BadDebtRules['country'] {
  if (jurisdiction === 'IT') return 'IT';
  if (jurisdiction.startsWith('GB-')) return 'GB';
  if (jurisdiction.startsWith('US-')) return 'US';
  return null;
}

/** The bad-debt notes for a jurisdiction; unknown ones come back with no notes. */
export function badDebtRules(jurisdiction: string): BadDebtRules {
  const country = badDebtCountry(jurisdiction);
  if (country === 'US')
    return {
      jurisdiction,
      country,
      title: 'United States (federal income tax)',
      notes: US,
      openQuestions: US_OPEN,
    };
  if (country === 'IT')
    return { jurisdiction, country, title: 'Italy (income tax)', notes: IT, openQuestions: IT_OPEN };
  if (country === 'GB')
    return {
      jurisdiction,
      country,
      title: 'United Kingdom (VAT and income tax)',
      notes: GB,
      openQuestions: [],
    };
  return {
    jurisdiction,
    country: null,
    title: jurisdiction ? `${jurisdiction}: not on file` : 'No jurisdiction set',
    notes: [],
    openQuestions: [
      `Payladder has no bad-debt tax rules on file for ${jurisdiction || 'this client'}: ask your accountant what relief applies where you are taxed.`,
    ],
  };
}

/** The EUR 2,500 mini-credit threshold of art. 101(5) TUIR, in cents (smaller firms). */
export const IT_MINI_CREDIT_MAX_CENTS = 250_000;

export interface BadDebtDate {
  milestone: string;
  /** The fact it follows, from legal-facts §5. */
  rule: 'it.perdite.mini' | 'uk.vat.bdr';
  /** The first day the condition is met. */
  from: IsoDate;
  /** The last day to claim, where the rule has one. */
  until: IsoDate | null;
}

/**
 * When a still-unpaid milestone meets a dated bad-debt condition: Italy's mini-credit rule
 * (≤ EUR 2,500 outstanding, 6 months after the due date) or UK VAT bad debt relief (6
 * months after the later of the due date and the supply date, here the invoice date;
 * claim within 4 years and 6 months). Null when no dated rule applies.
 */
export function badDebtDate(
  jurisdiction: string,
  m: {
    id: string;
    currency: string;
    /** Minor units. */
    outstanding: number;
    dueDate: IsoDate | null;
    invoiceDate: IsoDate | null;
  },
): BadDebtDate | null {
  if (m.outstanding <= 0 || m.dueDate === null) return null;
  const country = badDebtCountry(jurisdiction);
  if (country === 'IT' && m.currency === 'EUR' && m.outstanding <= IT_MINI_CREDIT_MAX_CENTS)
    return { milestone: m.id, rule: 'it.perdite.mini', from: addMonths(m.dueDate, 6), until: null };
  if (country === 'GB') {
    const later = m.invoiceDate !== null && m.invoiceDate > m.dueDate ? m.invoiceDate : m.dueDate;
    return { milestone: m.id, rule: 'uk.vat.bdr', from: addMonths(later, 6), until: addMonths(later, 54) };
  }
  return null;
}
