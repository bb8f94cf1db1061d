/**
 * The pack's interest: each milestone's statutory interest worked out per rate period, with
 * the same inputs as the report's figure, and checked to add up to it.
 */
import { interestPeriods, interestRegime, statutoryInterest } from '../law/interest.ts';
import { buildRateTable } from '../law/rates.ts';
import { isBusinessParty } from '../stages.ts';
import type { PackInterest, PackMilestone } from './types.ts';
import { PACK_ERRORS, PackError } from './types.ts';
import type { PackScope } from './scope.ts';

export function interestSection(scope: PackScope, packMilestones: readonly PackMilestone[]): PackInterest[] {
  const { ledger, client, paymentsOf, today } = scope;
  const rateTable = buildRateTable(ledger.rates).table;
  const interest: PackInterest[] = [];
  const regime = isBusinessParty(client.business) ? interestRegime(client.jurisdiction) : null;
  for (const m of packMilestones) {
    if (!regime || m.dueDate === null || (m.lateInterest === 0 && m.compensation === 0)) continue;
    const input = {
      regime,
      amount: m.amount,
      dueDate: m.dueDate,
      payments: (paymentsOf.get(m.id) ?? []).map((p) => ({ date: p.date, amount: p.amount })),
      today,
      contractDate: client.contractDate,
      rates: rateTable,
    };
    const periods = interestPeriods(input);
    const total = statutoryInterest(input);
    const sum = periods.reduce((a, p) => a + p.interest, 0);
    // A figure in the pack that the working does not produce would be silently wrong.
    if (sum !== m.lateInterest || total.interest !== m.lateInterest)
      throw new PackError(PACK_ERRORS.interest_mismatch(m.id));
    interest.push({
      milestone: m.id,
      invoice: m.invoice,
      currency: m.currency,
      regime,
      dueDate: m.dueDate,
      periods,
      interest: sum,
      through: total.interestThrough,
      uncovered: total.uncovered,
      missing: total.missing,
      compensation: m.compensation,
      compensationCurrency: m.compensationCurrency,
      source: total.source,
    });
  }

  interest.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
  return interest;
}
