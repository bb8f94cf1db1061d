/**
 * The values of Milestones' computed columns for one row, as the add-on writes them and a
 * CSV export shows them: amounts in major units, dates as ISO text, stage ids.
 */
import type { Language, MilestoneReport, Problem } from './model.ts';
import { problemText } from './problems.ts';
import { stageLabel } from './stage-look.ts';
import { toMajor } from './money.ts';
import type { MilestoneComputed } from './tabs.ts';

/**
 * Row problems for the Problems cell, one a line, in the ledger's language (Settings →
 * Default language, as the sidebar) with money and dates in its locale.
 */
export function problemsCell(problems: readonly Problem[], language: Language, locale?: string): string {
  return problems
    .map((p) => {
      const t = problemText(p, language, locale);
      return `${p.severity === 'error' ? '✖' : '⚠'} ${p.column ? `${p.column}: ` : ''}${t.message} ${t.fix}`;
    })
    .join('\n');
}

/** `language` and `locale`: the Problems cell's (see problemsCell). */
export function computedValues(
  m: MilestoneReport,
  language: Language,
  locale?: string,
): Record<MilestoneComputed, string | number> {
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
    Problems: problemsCell(m.problems, language, locale),
  };
}

/** Computed values for a row the parser left out: only its problems. */
export function rejectedRowValues(
  problems: readonly Problem[],
  language: Language,
  locale?: string,
): Record<MilestoneComputed, string | number> {
  return {
    'Paid to date': '',
    Outstanding: '',
    'Days overdue': '',
    Stage: '',
    'Next action': '',
    'Next action on': '',
    'Late interest': '',
    Compensation: '',
    Problems: problemsCell(problems, language, locale),
  };
}
