/**
 * The pack's route to court: the notice the law asks for before a claim (legal-facts §8),
 * with the first formal demand actually sent, and whether each currency's principal fits
 * the small-claims track.
 */
import { addDays } from '../dates.ts';
import { businessOf, noticeFor } from '../law/notices.ts';
import { smallClaimsFits } from '../law/small-claims.ts';
import { currencyDigits } from '../money.ts';
import type { PackNotice, PackSmallClaims, PackTotals } from './types.ts';
import type { PackScope } from './scope.ts';

export function noticeSection(scope: PackScope): PackNotice | null {
  const { client, reminders } = scope;
  const business = businessOf(client.business);
  if (!business) return null;
  const n = noticeFor(client.jurisdiction, business);
  // Drafts prove nothing.
  const demandSent =
    reminders
      .filter((r) => r.stage === 'demand' && r.channel !== 'draft')
      .map((r) => r.sent)
      .sort()[0] ?? null;
  return { notice: n, demandSent, deadline: demandSent ? addDays(demandSent, n.days) : null };
}

export function smallClaimsSection(scope: PackScope, totals: readonly PackTotals[]): PackSmallClaims[] {
  const { client, today } = scope;
  return totals
    .filter((t) => t.outstanding > 0)
    .map((t) => {
      // The limit is on the principal (CPR 26.8(2); Reg. 861/2007 Art. 2), as in the report.
      const { limit, fits, court } = smallClaimsFits(client.jurisdiction, today, t.outstanding, t.currency);
      return {
        currency: t.currency,
        principal: t.outstanding,
        limit,
        limitMinor: limit ? limit.limit * 10 ** currencyDigits(limit.currency) : null,
        fits,
        court,
      };
    });
}
