/** The report's orders: clients and milestones most urgent first, problems by tab and row. */
import { compareUrgency } from '../ladder.ts';
import type { ClientReport, MilestoneReport, Problem } from '../model.ts';
import { TABS } from '../tabs.ts';

/** Most urgent first: worst stage, then the longest overdue, then the name. */
export function compareClients(a: ClientReport, b: ClientReport): number {
  const stage = compareUrgency(a.worstStage ?? 'current', b.worstStage ?? 'current');
  if (stage !== 0) return stage;
  const days = (b.maxDaysOverdue ?? -1) - (a.maxDaysOverdue ?? -1);
  if (days !== 0) return days;
  return a.client.localeCompare(b.client);
}

/** Most urgent first: stage, then days overdue, then ID. */
export function compareMilestones(a: MilestoneReport, b: MilestoneReport): number {
  const stage = compareUrgency(a.stage, b.stage);
  if (stage !== 0) return stage;
  const days = (b.daysOverdue ?? -1e9) - (a.daysOverdue ?? -1e9);
  if (days !== 0) return days;
  return a.id.localeCompare(b.id);
}

const TAB_ORDER = new Map(TABS.map((t, i) => [t.name, i]));
/** Problems by tab (in setup order), then row, errors before warnings. */
export function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort(
    (a, b) =>
      (TAB_ORDER.get(a.tab) ?? 99) - (TAB_ORDER.get(b.tab) ?? 99) ||
      (a.row ?? 0) - (b.row ?? 0) ||
      (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1),
  );
}
