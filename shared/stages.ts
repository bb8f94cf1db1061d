/**
 * Stage, status and language ids as plain constants, with no zod: the sidebar and the
 * Gmail content script import these without pulling the schema library into their bundles.
 * model.ts builds its zod enums from them.
 */

/** Ladder stages in the table's order (PRODUCT.md, "The ladder"). */
export const LADDER_STAGES = [
  'current',
  'upcoming',
  'reminder',
  'followup',
  'final',
  'stop_work',
  'demand',
  'small_claims',
] as const;
export type LadderStage = (typeof LADDER_STAGES)[number];

/** A manual `Status`, in snake case. The first three end the ladder, the rest pause it. */
export const MANUAL_STATUSES = [
  'paid',
  'cancelled',
  'written_off',
  'disputed',
  'on_hold',
  'renegotiated',
] as const;
export type ManualStatus = (typeof MANUAL_STATUSES)[number];
export const ENDING_STATUSES: readonly ManualStatus[] = ['paid', 'cancelled', 'written_off'];

/**
 * A client's promise (PRODUCT.md, "Promises"): `promised` while one is open (chasing
 * pauses), `broken_promise` when it was not kept (the next message names it).
 */
export const PROMISE_STAGES = ['promised', 'broken_promise'] as const;
export type PromiseStage = (typeof PROMISE_STAGES)[number];

export const STAGES = [...LADDER_STAGES, ...MANUAL_STATUSES, ...PROMISE_STAGES] as const;
export type Stage = (typeof STAGES)[number];

/** A step a next action can name: a ladder step, or the message after a broken promise. */
export const STEPS = [...LADDER_STAGES, 'broken_promise'] as const;
export type Step = (typeof STEPS)[number];

/** Ladder stages that send a message (all but `current`), in ladder order. */
export const SENDING_STAGES = LADDER_STAGES.filter(
  (s): s is Exclude<LadderStage, 'current'> => s !== 'current',
);
export type SendingStage = (typeof SENDING_STAGES)[number];

/** Messages besides the ladder's: a Templates row may name these too. */
export const MESSAGE_IDS = [
  'dispute',
  'change_order',
  'payment_plan',
  'diffida',
  'broken_promise',
  'promise_thanks',
] as const;
export type MessageId = (typeof MESSAGE_IDS)[number];

/** Every built-in message: the sending ladder stages, then the others (the Templates dropdown). */
export const MESSAGE_KINDS: readonly (SendingStage | MessageId)[] = [...SENDING_STAGES, ...MESSAGE_IDS];

/**
 * What a Templates row's Stage may name: any stage (a thank-you at `paid`, say) or message.
 * `broken_promise` is both.
 */
export const TEMPLATE_STAGE_IDS: readonly string[] = [...STAGES, ...MESSAGE_IDS];

/**
 * What kind of party the client is (PRODUCT.md, Clients → Business): statutory interest and
 * compensation are for `company` and `sole_trader`; in England and Wales the Pre-Action
 * Protocol for Debt Claims covers a debt owed by an individual, sole traders included
 * (legal-facts §8 `uk.pap.scope`). `B2B` still reads as `company`, `B2C` as `consumer`.
 */
export const BUSINESS_KINDS = ['company', 'sole_trader', 'consumer'] as const;
export type BusinessKind = (typeof BUSINESS_KINDS)[number];

/** True for the parties the late-payment laws cover (a business, sole traders included). */
export function isBusinessParty(business: BusinessKind): boolean {
  return business !== 'consumer';
}

/**
 * How a Reminders row went out (PRODUCT.md, Reminders → Channel). Every channel but `draft`
 * counts as sent; `phone` is sent but not written evidence. The old `manual` reads as `email`.
 */
export const CHANNELS = ['gmail', 'email', 'post', 'pec', 'registered', 'phone', 'draft'] as const;
export type ChannelKind = (typeof CHANNELS)[number];
/** Channels that leave a written record a lawyer or court can be shown. */
export const WRITTEN_CHANNELS: readonly ChannelKind[] = ['gmail', 'email', 'post', 'pec', 'registered'];

export const LANGUAGES = ['en', 'it'] as const;
export type Language = (typeof LANGUAGES)[number];

export const AGING_BUCKETS = ['current', '1-30', '31-60', '61-90', '90+'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

/** Stages whose amount is no longer owed, or owed under other milestones. */
const CLOSED: ReadonlySet<Stage> = new Set<Stage>(['paid', 'cancelled', 'written_off', 'renegotiated']);

/** True when the milestone still counts in outstanding totals (disputed and on hold do). */
export function isOpen(stage: Stage): boolean {
  return !CLOSED.has(stage);
}
