/**
 * How long a formal demand must give before the court step (legal-facts §8), per client
 * jurisdiction and kind of party: the `days` of the jurisdiction's notice in
 * law/notices.ts, the one table of §8. The ladder waits this many days after the first sent
 * `demand` before `small_claims`; the demand letter states it as its deadline.
 */
import type { BusinessKind } from '../stages.ts';
import { noticeFor } from './notices.ts';

export interface NoticePeriod {
  /** Calendar days from the date of the demand. */
  days: number;
  /** The rule's id in legal-facts §8. */
  rule: string;
  source: string;
}

/**
 * England and Wales: 30 days for a debt owed by an individual, sole traders included (the
 * Pre-Action Protocol for Debt Claims), 14 for a company; Italy 15 days; anywhere else 14.
 */
export function noticePeriod(jurisdiction: string, business: BusinessKind): NoticePeriod {
  const notice = noticeFor(jurisdiction, business);
  return { days: notice.days, rule: notice.id, source: notice.source };
}
