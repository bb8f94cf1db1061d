/** Which milestones the one message due to a client today covers, and at which step. */
import { isLadderStage, stepRank } from '../ladder.ts';
import type { ClientMessage, IsoDate, MilestoneReport, NextAction, Stage } from '../model.ts';
import { sortShort } from '../collections.ts';
import { compareMilestones } from './order.ts';

/** Steps that travel together in one message; every other step goes alone. */
const TRAVEL_TOGETHER: ReadonlySet<Stage> = new Set<Stage>(['reminder', 'followup', 'final']);

/** The rank of the step a milestone's next action names (module level: no closure per client). */
function stepOf(m: MilestoneReport): number {
  return stepRank((m.nextAction as NextAction).stage);
}

/** The most urgent step first, then the most urgent milestone. */
function byStepThenUrgency(a: MilestoneReport, b: MilestoneReport): number {
  return stepOf(b) - stepOf(a) || compareMilestones(a, b);
}

/**
 * The one message due to a client today (PRODUCT.md, "One message per client a day"): the
 * most urgent step due among the milestones still chased; `reminder`, `followup` and
 * `final` travel together, every other step covers only the milestones at that step. A
 * message covers one currency, that of its most urgent milestone (a client invoiced in two
 * currencies gets the other one's message the next day), so its overdue total is one figure.
 */
export function clientMessage(milestones: readonly MilestoneReport[], today: IsoDate): ClientMessage | null {
  const due = milestones.filter(
    (m) =>
      m.nextAction !== null &&
      m.nextAction.on <= today &&
      (isLadderStage(m.stage) || m.stage === 'broken_promise') &&
      m.outstanding > 0,
  );
  if (due.length === 0) return null;
  sortShort(due, byStepThenUrgency);
  const top = due[0] as MilestoneReport;
  const step = (top.nextAction as NextAction).stage;
  const together = TRAVEL_TOGETHER.has(step);
  const covered = due.filter(
    (m) =>
      m.currency === top.currency &&
      (together ? TRAVEL_TOGETHER.has((m.nextAction as NextAction).stage) : m.nextAction?.stage === step),
  );
  sortShort(covered, compareMilestones);
  let overdue = 0;
  for (const m of covered) if ((m.daysOverdue ?? 0) >= 1) overdue += m.outstanding;
  return {
    messageId: step,
    milestones: covered.map((m) => m.id),
    overdue,
    currency: top.currency,
    drafted: covered.every((m) => m.draft !== null),
  };
}
