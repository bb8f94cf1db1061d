/**
 * Before going to court: which formal letter each jurisdiction expects, how long it must
 * give, what it must say, what goes with it and how to send it (legal-facts §8). A table,
 * not prose: the ladder reads the notice period from here and the letters their content.
 * Each row cites its source and grade (A: official text read; B: consistent secondary
 * sources; `-`: a product choice, not law).
 */

/**
 * Who the client is in law. The ledger's `Business` column will carry these values (issue
 * 10 item 1); until then `businessOf` maps the old `B2B` / `B2C`.
 */
export type LawBusiness = 'company' | 'sole_trader' | 'consumer';

/** `B2B` → `company`, `B2C` → `consumer`; the new values pass through; anything else null. */
export function businessOf(value: string): LawBusiness | null {
  const v = value
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  if (v === 'company' || v === 'b2b') return 'company';
  if (v === 'sole_trader') return 'sole_trader';
  if (v === 'consumer' || v === 'b2c') return 'consumer';
  return null;
}

/** Formal messages a notice rule can be asked about. */
export type FormalMessage = 'demand' | 'diffida';

/** Something the letter must contain; `id` is what tests and templates check against. */
export interface NoticeElement {
  id: string;
  /** What the letter must say, in plain English. */
  what: string;
  /** Only when the condition holds (e.g. instalments were offered). */
  when?: string;
}

export interface NoticeEnclosure {
  id: string;
  name: string;
  /** The official page it is published on; null when it is the user's own document. */
  url: string | null;
}

/** How the letter should travel so that receipt can be proved. */
export type NoticeDelivery = 'post' | 'email' | 'pec' | 'registered';

export interface Notice {
  /** The legal-facts §8 id of the rule. */
  id: string;
  /** The letter's name in its own legal system. */
  letter: string;
  /** Days the debtor has, counted from the date of the letter, before a court step. */
  days: number;
  /** True when `days` is a legal minimum, false when it is the usual reasonable time. */
  minimum: boolean;
  elements: readonly NoticeElement[];
  enclosures: readonly NoticeEnclosure[];
  /** Recommended ways to send it, best first. */
  delivery: readonly NoticeDelivery[];
  /** Delivery advice to show the user. */
  deliveryNote: string;
  source: string;
  grade: 'A' | 'B' | '-';
}

const PAP_URL =
  'https://www.justice.gov.uk/courts/procedure-rules/civil/protocol/pre-action-protocol-for-debt-claims';

/** England & Wales, debt owed by an individual or a sole trader (`uk.pap.scope`, `uk.pap.letter`, `uk.pap.period`). */
const UK_PAP: Notice = {
  id: 'uk.pap.letter',
  letter: 'Letter of Claim (Pre-Action Protocol for Debt Claims)',
  days: 30,
  minimum: true,
  elements: [
    { id: 'amount', what: 'the amount of the debt' },
    { id: 'interest_continuing', what: 'whether interest or other charges are continuing' },
    {
      id: 'agreement',
      what: 'the agreement the debt arises from: date and parties of a written one; who, what, when and where for an oral one',
    },
    {
      id: 'instalments_refused',
      what: 'why the instalments offered or being paid are not acceptable',
      when: 'instalments are being offered or paid',
    },
    { id: 'how_to_pay', what: 'how the debt can be paid and how to discuss payment options' },
    { id: 'reply_address', what: 'the address to send the Reply Form to' },
    {
      id: 'statement_of_account',
      what: 'an up-to-date statement of account: the debt, interest and charges',
    },
    { id: 'dated', what: 'the date of the letter' },
    { id: 'deadline', what: '30 days from the date of the letter to reply; no claim before then' },
  ],
  enclosures: [
    { id: 'information_sheet', name: 'Information Sheet (Annex 1 of the Protocol)', url: PAP_URL },
    { id: 'reply_form', name: 'Reply Form (Annex 1 of the Protocol)', url: PAP_URL },
    { id: 'financial_statement', name: 'Financial Statement form', url: PAP_URL },
  ],
  delivery: ['post', 'email'],
  deliveryNote:
    'Send it by post; by email as well, or instead, only if the debtor asked for email. If the debtor replies and agreement fails, give 14 days’ notice before issuing a claim.',
  source: `Civil Procedure Rules, Pre-Action Protocol for Debt Claims (in force 1 Oct 2017), paras 1–2 and Annex 1: ${PAP_URL}`,
  grade: 'B',
};

/** England & Wales, debt owed by a company (`uk.pdpac.period`). */
const UK_PDPAC: Notice = {
  id: 'uk.pdpac.period',
  letter: 'Letter before claim (Practice Direction – Pre-Action Conduct)',
  days: 14,
  minimum: false,
  elements: [
    {
      id: 'amount',
      what: 'the amount claimed and how it is made up (principal, statutory interest, compensation)',
    },
    { id: 'agreement', what: 'the basis of the claim: the contract and the invoices' },
    { id: 'how_to_pay', what: 'how to pay' },
    { id: 'deadline', what: 'a reasonable time to reply, normally 14 days' },
    { id: 'next_step', what: 'that a court claim may follow without further notice if it is not paid' },
  ],
  enclosures: [{ id: 'invoices', name: 'Copies of the unpaid invoices', url: null }],
  delivery: ['post', 'email'],
  deliveryNote: 'Send it to the registered office address, by post and email, and keep proof of sending.',
  source:
    'CPR Practice Direction – Pre-Action Conduct and Protocols, para 6 (legal-facts §8 uk.pdpac.period)',
  grade: 'B',
};

/** Italy: the formal demand (`it.mora`). */
const IT_MORA: Notice = {
  id: 'it.mora',
  letter: 'Messa in mora (art. 1219 c.c.)',
  days: 15,
  minimum: false,
  elements: [
    { id: 'parties', what: 'creditor and debtor, with their legal names and addresses' },
    { id: 'amount', what: 'the amount owed and the invoices it comes from' },
    { id: 'demand', what: 'the formal demand to pay (intimazione ad adempiere) by a stated date' },
    {
      id: 'interest',
      what: 'statutory late-payment interest (D.Lgs. 231/2002) and the EUR 40 compensation',
      when: 'the client is a business',
    },
    { id: 'how_to_pay', what: 'how to pay (IBAN)' },
    { id: 'next_step', what: 'that legal action (decreto ingiuntivo) will follow if unpaid' },
  ],
  enclosures: [{ id: 'invoices', name: 'Copies of the unpaid invoices', url: null }],
  delivery: ['pec', 'registered'],
  deliveryNote:
    'Send it by PEC (posta elettronica certificata) or by raccomandata A/R: receipt must be provable. It also interrupts limitation (art. 2943 c.c.).',
  source: 'artt. 1219 and 2943 c.c. (legal-facts §8 it.mora); 15 days is the notice period Payladder uses',
  grade: 'B',
};

/** Italy: the notice that terminates the contract if unpaid (`it.diffida`). */
const IT_DIFFIDA: Notice = {
  id: 'it.diffida',
  letter: 'Diffida ad adempiere (art. 1454 c.c.)',
  days: 15,
  minimum: true,
  elements: [
    { id: 'parties', what: 'creditor and debtor, with their legal names and addresses' },
    { id: 'amount', what: 'the amount owed and the invoices it comes from' },
    { id: 'deadline', what: 'a term of at least 15 days to pay' },
    {
      id: 'termination',
      what: 'the statement that, if unpaid by then, the contract is treated as terminated (risolto di diritto)',
    },
    { id: 'how_to_pay', what: 'how to pay (IBAN)' },
  ],
  enclosures: [{ id: 'invoices', name: 'Copies of the unpaid invoices', url: null }],
  delivery: ['pec', 'registered'],
  deliveryNote: 'Send it by PEC or by raccomandata A/R: the term runs from receipt, which must be provable.',
  source: 'art. 1454 c.c. (legal-facts §8 it.diffida)',
  grade: 'A',
};

/** Anywhere without a rule on file (`default.period`). */
const DEFAULT_NOTICE: Notice = {
  id: 'default.period',
  letter: 'Formal demand',
  days: 14,
  minimum: false,
  elements: [
    { id: 'amount', what: 'the amount owed and the invoices it comes from' },
    { id: 'how_to_pay', what: 'how to pay' },
    { id: 'deadline', what: '14 days to pay before any court step' },
    { id: 'next_step', what: 'the court step that follows if unpaid' },
  ],
  enclosures: [{ id: 'invoices', name: 'Copies of the unpaid invoices', url: null }],
  delivery: ['email', 'post'],
  deliveryNote: 'Send it in writing and keep proof of sending.',
  source: 'Product choice, not law: no rule on file for this jurisdiction (legal-facts §8 default.period)',
  grade: '-',
};

/** Every rule on file, by its id (for tests and the pack's sources list). */
export const NOTICES: Readonly<Record<string, Notice>> = {
  [UK_PAP.id]: UK_PAP,
  [UK_PDPAC.id]: UK_PDPAC,
  [IT_MORA.id]: IT_MORA,
  [IT_DIFFIDA.id]: IT_DIFFIDA,
  [DEFAULT_NOTICE.id]: DEFAULT_NOTICE,
};

/**
 * The formal letter a jurisdiction expects from the user to a client of this kind.
 * `diffida` is Italy's alone: elsewhere it is null (there is no such act to send).
 */
export function noticeFor(jurisdiction: string, business: LawBusiness, message: 'diffida'): Notice | null;
export function noticeFor(jurisdiction: string, business: LawBusiness, message?: 'demand'): Notice;
export function noticeFor(
  jurisdiction: string,
  business: LawBusiness,
  message: FormalMessage = 'demand',
): Notice | null {
  if (message === 'diffida') return jurisdiction === 'IT' ? IT_DIFFIDA : null;
  if (jurisdiction === 'GB-ENG' || jurisdiction === 'GB-WLS')
    // The Protocol covers debts owed by individuals, sole traders included (uk.pap.scope).
    return business === 'company' ? UK_PDPAC : UK_PAP;
  if (jurisdiction === 'IT') return IT_MORA;
  return DEFAULT_NOTICE;
}

/** Days between a sent formal demand and the first court step (PRODUCT.md, "notice period"). */
export function noticePeriodDays(jurisdiction: string, business: LawBusiness): number {
  return noticeFor(jurisdiction, business).days;
}
