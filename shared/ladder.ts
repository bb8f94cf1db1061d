/**
 * The escalation ladder (PRODUCT.md, "The ladder"): where an unpaid milestone stands, and
 * when the next message is due. Thresholds are days overdue; cadences are days between
 * messages at the same stage (null = once).
 */
import { addDays } from './dates.ts';
import type { IsoDate, NextAction } from './model.ts';
import type { LadderStage, Stage } from './stages.ts';
import { LADDER_STAGES } from './stages.ts';

export interface Rung {
  stage: LadderStage;
  /** Days overdue from which the stage applies; null for `current` (the floor). */
  from: number | null;
  /** Days between messages at this stage; null = send once; `current` sends nothing. */
  cadence: number | null;
  /** False for `current`: nothing to send yet. */
  sends: boolean;
}

/** Default thresholds. `stop_work` starts at the client's grace (default 30). */
export const LADDER: readonly Rung[] = [
  { stage: 'current', from: null, cadence: null, sends: false },
  { stage: 'upcoming', from: -7, cadence: null, sends: true },
  { stage: 'reminder', from: 1, cadence: 7, sends: true },
  { stage: 'followup', from: 8, cadence: 7, sends: true },
  { stage: 'final', from: 22, cadence: 7, sends: true },
  { stage: 'stop_work', from: 30, cadence: 14, sends: true },
  { stage: 'demand', from: 45, cadence: 14, sends: true },
  { stage: 'small_claims', from: 60, cadence: null, sends: true },
];

export const DEFAULT_GRACE = 30;

const RUNG = new Map(LADDER.map((r) => [r.stage, r]));
export function rung(stage: LadderStage): Rung {
  return RUNG.get(stage) as Rung;
}

/**
 * The last stage in the table's order whose threshold `daysOverdue` has reached, with the
 * client's `grace` as the `stop_work` threshold (so with grace 21, stop_work from day 21,
 * and with grace 50, `demand` at 45 wins over stop_work because it comes later in order).
 */
export function stageAt(daysOverdue: number, grace: number = DEFAULT_GRACE): LadderStage {
  let stage: LadderStage = 'current';
  for (const r of LADDER) {
    const from = r.stage === 'stop_work' ? grace : r.from;
    if (from !== null && daysOverdue >= from) stage = r.stage;
  }
  return stage;
}

/** Position in the ladder's order (current = 0 … small_claims = 7). */
export function ladderIndex(stage: LadderStage): number {
  return LADDER_STAGES.indexOf(stage);
}

/**
 * How urgently a stage wants attention, for "worst stage" and sorting: the ladder from
 * the top, then disputes (a human must answer), then the quiet states.
 */
const URGENCY: readonly Stage[] = [
  'small_claims',
  'demand',
  'stop_work',
  'final',
  'followup',
  'reminder',
  'disputed',
  'upcoming',
  'on_hold',
  'renegotiated',
  'current',
  'written_off',
  'paid',
  'cancelled',
];
const URGENCY_RANK = new Map(URGENCY.map((s, i) => [s, i]));

/** Negative when `a` is more urgent than `b`. */
export function compareUrgency(a: Stage, b: Stage): number {
  return (URGENCY_RANK.get(a) ?? 99) - (URGENCY_RANK.get(b) ?? 99);
}

/** True for stages where the ladder runs and messages go out. */
export function isLadderStage(stage: Stage): stage is LadderStage {
  return (LADDER_STAGES as readonly string[]).includes(stage);
}

/**
 * The next message for a milestone at `stage`: due `today` when nothing was logged at this
 * stage yet; otherwise the last logged date + the stage's cadence; null for a `once`
 * stage already sent and for stages that send nothing. `lastAtStage` is the latest
 * reminder date logged for this milestone at this stage.
 */
export function nextActionFor(stage: Stage, lastAtStage: IsoDate | null, today: IsoDate): NextAction | null {
  if (!isLadderStage(stage)) return null;
  const r = rung(stage);
  if (!r.sends) return null;
  if (lastAtStage === null) return { stage, on: today };
  if (r.cadence === null) return null;
  return { stage, on: addDays(lastAtStage, r.cadence) };
}

/** Stages from which a written reminder must already be on file (PRODUCT.md). */
export function needsWrittenRecord(stage: Stage): boolean {
  return isLadderStage(stage) && ladderIndex(stage) >= ladderIndex('stop_work');
}
