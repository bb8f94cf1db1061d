/**
 * The documentation pack for one client, as of the report's day: what a lawyer, a
 * collection agency, a small-claims filing or an accountant asks for (PRODUCT.md, "Other
 * rules from the field"). Every ledger row about the client becomes at least one timeline
 * event that names its tab and row, so each line of the pack can be traced to the sheet.
 *
 * The client's Notes and Risk are left out on purpose: they are the user's private
 * judgement, and a pack may be handed to the debtor's side or a court.
 *
 * One function per section, beside this file; this one puts them together.
 */
import type { BadDebtDate, BadDebtRules } from '../law/bad-debt.ts';
import { badDebtDate, badDebtRules } from '../law/bad-debt.ts';
import { interestRegime } from '../law/interest.ts';
import type { IsoDate, Ledger, Problem, Report } from '../model.ts';
import { isOpen } from '../stages.ts';
import { isBusinessParty } from '../stages.ts';
import { agreementSection } from './agreement.ts';
import { chasingSection } from './chasing.ts';
import { interestSection } from './interest.ts';
import { partiesSection } from './parties.ts';
import { noticeSection, smallClaimsSection } from './route.ts';
import type { PackScope } from './scope.ts';
import { packScope } from './scope.ts';
import { packMilestonesOf, statementSection, totalsSection } from './statement.ts';
import { timelineSection } from './timeline.ts';
import type { Pack, PackMilestone } from './types.ts';

export * from './types.ts';
export { compareEvents, reminderTitle } from './timeline.ts';

/** Builds the pack for `client` from a report computed for `today`. */
export function buildPack(input: { ledger: Ledger; report: Report; client: string; today: IsoDate }): Pack {
  const scope = packScope(input);
  const { ledger, report, client, today } = scope;
  const events = timelineSection(scope);
  const milestones = packMilestonesOf(scope);
  const totals = totalsSection(milestones);
  const { statement, excluded } = statementSection(scope, milestones);
  return {
    today,
    ...partiesSection(scope),
    changeOrders: agreementSection(scope),
    statement,
    excluded,
    interest: interestSection(scope, milestones),
    chasing: chasingSection(scope, events),
    notice: noticeSection(scope),
    locale: ledger.settings.locale,
    events,
    milestones,
    totals: [...totals].sort((a, b) => a.currency.localeCompare(b.currency)),
    smallClaims: smallClaimsSection(scope, totals),
    ...badDebtNotes(ledger, milestones),
    interestRegime: isBusinessParty(client.business) ? interestRegime(client.jurisdiction) : null,
    statutoryInterestOn: ledger.settings.statutoryInterest,
    problems: problemsOf(scope),
    ledgerErrors: report.problems.filter((p) => p.severity === 'error').length,
  };
}

/**
 * For the internal notes, never the pack: bad-debt rules where the user is taxed (Settings →
 * Tax country, default the Default jurisdiction), and when each open milestone qualifies.
 */
function badDebtNotes(
  ledger: Ledger,
  milestones: readonly PackMilestone[],
): { badDebt: BadDebtRules | null; badDebtDates: BadDebtDate[] } {
  const tax = ledger.settings.taxCountry ?? ledger.settings.defaultJurisdiction;
  const badDebt = tax ? badDebtRules(tax) : null;
  const badDebtDates = badDebt
    ? milestones
        .filter((m) => isOpen(m.stage) || m.stage === 'written_off')
        .map((m) => badDebtDate(badDebt.jurisdiction, m))
        .filter((d): d is BadDebtDate => d !== null)
    : [];
  return { badDebt, badDebtDates };
}

/** The report's problems on the rows this pack is built from. */
function problemsOf(scope: PackScope): Problem[] {
  const rows = {
    Clients: new Set([scope.client.row]),
    Milestones: new Set(scope.milestones.map((m) => m.row)),
    Payments: new Set(scope.payments.map((p) => p.row)),
    Reminders: new Set(scope.reminders.map((r) => r.row)),
    'Change orders': new Set(scope.changeOrders.map((c) => c.row)),
  } as Record<string, Set<number>>;
  return scope.report.problems.filter((p) => p.row !== null && rows[p.tab]?.has(p.row));
}
