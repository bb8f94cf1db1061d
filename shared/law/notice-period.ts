/**
 * How long a formal demand must give before the court step (legal-facts §8), per client
 * jurisdiction and kind of party. The ladder waits this many days after the first sent
 * `demand` before `small_claims`; the demand letter states it as its deadline.
 */
import type { BusinessKind } from '../stages.ts';

export interface NoticePeriod {
  /** Calendar days from the date of the demand. */
  days: number;
  /** The rule's id in legal-facts §8. */
  rule: 'uk.pap.period' | 'uk.pdpac.period' | 'it.diffida' | 'default.period';
  source: string;
}

const PAP: NoticePeriod = {
  days: 30,
  rule: 'uk.pap.period',
  source:
    'Pre-Action Protocol for Debt Claims (justice.gov.uk/courts/procedure-rules/civil/protocol/pre-action-protocol-for-debt-claims)',
};
const PDPAC: NoticePeriod = {
  days: 14,
  rule: 'uk.pdpac.period',
  source: 'CPR Practice Direction – Pre-Action Conduct and Protocols, para 6',
};
const IT: NoticePeriod = { days: 15, rule: 'it.diffida', source: 'art. 1454 c.c.' };
const DEFAULT: NoticePeriod = { days: 14, rule: 'default.period', source: 'Payladder default (not law)' };

/**
 * England and Wales: 30 days for a debt owed by an individual, sole traders included (the
 * Pre-Action Protocol for Debt Claims), 14 for a company; Italy 15 days (the term of a
 * diffida ad adempiere, art. 1454 c.c.); anywhere else 14 days.
 */
export function noticePeriod(jurisdiction: string, business: BusinessKind): NoticePeriod {
  if (jurisdiction === 'GB-ENG' || jurisdiction === 'GB-WLS') return business === 'company' ? PDPAC : PAP;
  if (jurisdiction === 'IT') return IT;
  return DEFAULT;
}
