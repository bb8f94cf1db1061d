/**
 * The escalation ladder (PRODUCT.md, "The ladder"): where an unpaid milestone stands, and
 * when the next message is due. Thresholds are days overdue; cadences are days between
 * messages at the same stage (null = once).
 */
import { addDays, epochDay, fromEpochDay } from './dates.ts';
import type { IsoDate } from './model.ts';
import type { LadderStage, Stage, Step } from './stages.ts';
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

export function rung(stage: LadderStage): Rung {
  // LADDER is in the ladder's order: a stage's rung sits at its index.
  return LADDER[ladderIndex(stage)] as Rung;
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

/**
 * How urgent a step's message is, for the one message a client gets a day: the ladder's
 * order, with the message after a broken promise between the final notice and stop-work.
 */
export function stepRank(step: Step): number {
  return step === 'broken_promise' ? ladderIndex('final') + 0.5 : ladderIndex(step);
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
  'broken_promise',
  'final',
  'followup',
  'reminder',
  'disputed',
  'promised',
  'upcoming',
  'on_hold',
  'renegotiated',
  'current',
  'written_off',
  'paid',
  'cancelled',
];

/** Position in URGENCY, 99 for an unknown stage (a scan of 16 constants beats a Map lookup here). */
function urgencyRank(stage: Stage): number {
  const i = URGENCY.indexOf(stage);
  return i < 0 ? 99 : i;
}

/** Negative when `a` is more urgent than `b`. */
export function compareUrgency(a: Stage, b: Stage): number {
  return urgencyRank(a) - urgencyRank(b);
}

/** True for stages where the ladder runs and messages go out. */
export function isLadderStage(stage: Stage): stage is LadderStage {
  return (LADDER_STAGES as readonly string[]).includes(stage);
}

/** A ladder message that went out (its Reminders row's Channel is not `draft`). */
export interface SentStep {
  stage: LadderStage;
  on: IsoDate;
}

export interface LadderInput {
  /** The milestone's due date. */
  dueDate: IsoDate;
  /** The day the report is as of. */
  today: IsoDate;
  /** The client's grace: days overdue from which work may stop. */
  grace: number;
  /** The client has a milestone, not cancelled, due after `today` (stop_work only then). */
  ongoingWork: boolean;
  /** The milestone's sent ladder messages dated on or before `today`, in any order. */
  sent: readonly SentStep[];
  /** Days the formal demand gives before the court step (see law/notice-period.ts). */
  noticeDays: number;
  /** The last sent message of any kind (the one after a broken promise too): 7 days after it. */
  lastMessage?: IsoDate | null;
}

export interface LadderPosition {
  /** The next step once it is due, otherwise the last step sent; `current`/`upcoming` before any. */
  stage: LadderStage;
  /** The next step and the day it is due (may be past: an action the user is late with). */
  next: { stage: LadderStage; on: IsoDate } | null;
  /** The most recent sent step (the higher one on a tie). */
  lastSent: SentStep | null;
}

/** Minimum days between a sent step and the next one (PRODUCT.md, "Minimum gaps"). */
export const MIN_GAP_DAYS = 7;

/** The formal steps, never skipped (stop_work only while work is ongoing). */
const REQUIRED: readonly LadderStage[] = ['final', 'stop_work', 'demand', 'small_claims'];
/** Steps sent once: after them the ladder moves on instead of repeating. */
const ONCE: ReadonlySet<LadderStage> = new Set(['upcoming', 'small_claims']);

/**
 * Where a milestone stands on the ladder, as a sequence and not a clock (PRODUCT.md, "The
 * ladder", the algorithm block): the thresholds are the earliest day of each step; what was
 * sent decides what comes next. Friendly steps may be skipped; `final`, `stop_work` (only
 * with ongoing work), `demand` and `small_claims` never are; 7 days after any sent step, and
 * the notice period between a sent demand and the court step. Days are calendar days.
 */
export function ladderPosition(input: LadderInput): LadderPosition {
  const { dueDate, today, grace, ongoingWork, sent, noticeDays } = input;
  // Thresholds compared as day numbers: formatting a date per step and milestone showed in
  // the profile of a 100,000-milestone ledger (bench/core.ts); text only for the answer.
  // The helpers below are module functions, not closures: a closure made per milestone
  // cost a sixth of the core's time there (the bundlers' keep-names wrapper renames each).
  const dueDay = epochDay(dueDate);
  const todayDay = epochDay(today);
  const idx = ladderIndex;

  let reached: LadderStage | null = null;
  let latest: IsoDate | null = null;
  let lastSent: SentStep | null = null;
  let firstDemand: IsoDate | null = null;
  for (const s of sent) {
    if (s.stage === 'current' || s.on > today) continue;
    if (reached === null || idx(s.stage) > idx(reached)) reached = s.stage;
    if (latest === null || s.on > latest) latest = s.on;
    if (
      lastSent === null ||
      s.on > lastSent.on ||
      (s.on === lastSent.on && idx(s.stage) > idx(lastSent.stage))
    )
      lastSent = { stage: s.stage, on: s.on };
    if (s.stage === 'demand' && (firstDemand === null || s.on < firstDemand)) firstDemand = s.on;
  }
  const reachedIdx = reached === null ? 0 : idx(reached);
  if (input.lastMessage && input.lastMessage <= today && (latest === null || input.lastMessage > latest))
    latest = input.lastMessage;

  // The highest step whose earliest day has come.
  let candidate: LadderStage | null = null;
  for (const r of LADDER)
    if (takesStep(r.stage, ongoingWork) && earliestDay(r.stage, dueDay, grace) <= todayDay)
      candidate = r.stage;
  // The first formal step above what was sent (a later formal step sent satisfies an earlier one).
  let required: LadderStage | null = null;
  for (const s of REQUIRED)
    if (takesStep(s, ongoingWork) && idx(s) > reachedIdx) {
      required = s;
      break;
    }

  let next: LadderPosition['next'];
  let chosen = candidate;
  if (chosen !== null && required !== null && idx(required) < idx(chosen)) chosen = required;
  if (chosen === null && reached === null) {
    // Nothing sent and nothing due yet: the first step, on its day.
    const first = stepAfter(null, ongoingWork);
    next = first === null ? null : { stage: first, on: fromEpochDay(earliestDay(first, dueDay, grace)) };
  } else if (chosen === null || (reached !== null && idx(chosen) <= reachedIdx)) {
    const last = reached as LadderStage;
    const cadence = rung(last).cadence;
    if (ONCE.has(last) || cadence === null) {
      const step = stepAfter(last, ongoingWork);
      next =
        step === null
          ? null
          : { stage: step, on: dueOn(step, dueDay, grace, latest, firstDemand, noticeDays) };
    } else {
      // A step sent before its threshold (logged early by hand) repeats no sooner than its own
      // first day, so a reminder never goes out before the invoice is late.
      const own = fromEpochDay(earliestDay(last, dueDay, grace));
      next = { stage: last, on: maxDate(addDays(latest as IsoDate, cadence), own) };
    }
  } else {
    next = { stage: chosen, on: dueOn(chosen, dueDay, grace, latest, firstDemand, noticeDays) };
  }

  const stage: LadderStage = next !== null && next.on <= today ? next.stage : (reached ?? 'current');
  return { stage, next, lastSent };
}

/** The day number from which step `s` applies: its threshold after `dueDay`, grace for stop_work. */
function earliestDay(s: LadderStage, dueDay: number, grace: number): number {
  return dueDay + (s === 'stop_work' ? grace : (rung(s).from ?? 0));
}

/**
 * When `step` is due: its earliest day, no sooner than 7 days after the `latest` message,
 * and for the court step the notice period after the first demand.
 */
function dueOn(
  step: LadderStage,
  dueDay: number,
  grace: number,
  latest: IsoDate | null,
  firstDemand: IsoDate | null,
  noticeDays: number,
): IsoDate {
  let due = fromEpochDay(earliestDay(step, dueDay, grace));
  if (latest !== null) due = maxDate(due, addDays(latest, MIN_GAP_DAYS));
  if (step === 'small_claims' && firstDemand !== null) due = maxDate(due, addDays(firstDemand, noticeDays));
  return due;
}

/** The step after `s` (null: from the start) in the table's order that the milestone takes. */
function stepAfter(s: LadderStage | null, ongoingWork: boolean): LadderStage | null {
  const from = s === null ? 0 : ladderIndex(s);
  for (const r of LADDER) if (takesStep(r.stage, ongoingWork) && ladderIndex(r.stage) > from) return r.stage;
  return null;
}

/** The milestone takes step `s`: never `current`; `stop_work` only while work is ongoing. */
function takesStep(s: LadderStage, ongoingWork: boolean): boolean {
  return s !== 'current' && (s !== 'stop_work' || ongoingWork);
}

function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}

/** Stages from which a sent written reminder must already be on file (PRODUCT.md, Evidence). */
export function needsWrittenRecord(stage: Stage): boolean {
  return isLadderStage(stage) && ladderIndex(stage) >= ladderIndex('stop_work');
}
