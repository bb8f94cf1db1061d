/**
 * The values of Milestones' computed columns for one row, as the add-on writes them and a
 * CSV export shows them: amounts in major units, dates as ISO text, stage ids.
 */
import type { MilestoneReport, Problem } from './model.ts';
import { stageLabel } from './stage-look.ts';
import { toMajor } from './money.ts';
import type { MilestoneComputed } from './tabs.ts';

/** One-line summary of row problems for the Problems cell. */
export function problemsCell(problems: readonly Problem[]): string {
  return problems
    .map(
      (p) => `${p.severity === 'error' ? '✖' : '⚠'} ${p.column ? `${p.column}: ` : ''}${p.message} ${p.fix}`,
    )
    .join('\n');
}

export function computedValues(m: MilestoneReport): Record<MilestoneComputed, string | number> {
  const major = (v: number) => toMajor(v, m.currency);
  return {
    'Paid to date': major(m.paid),
    Outstanding: major(m.outstanding),
    'Days overdue': m.daysOverdue ?? '',
    Stage: m.stage,
    'Next action': m.nextAction ? stageLabel(m.nextAction.stage) : '',
    'Next action on': m.nextAction?.on ?? '',
    'Late interest': m.lateInterest ? major(m.lateInterest) : '',
    // Owed in the law's currency: a number in a USD row would read as dollars, so another
    // currency is written with its code ("40 EUR").
    Compensation: !m.compensation
      ? ''
      : m.compensationCurrency === m.currency
        ? major(m.compensation)
        : `${toMajor(m.compensation, m.compensationCurrency)} ${m.compensationCurrency}`,
    Problems: problemsCell(m.problems),
  };
}

/** Computed values for a row the parser left out: only its problems. */
export function rejectedRowValues(problems: readonly Problem[]): Record<MilestoneComputed, string | number> {
  return {
    'Paid to date': '',
    Outstanding: '',
    'Days overdue': '',
    Stage: '',
    'Next action': '',
    'Next action on': '',
    'Late interest': '',
    Compensation: '',
    Problems: problemsCell(problems),
  };
}
