/**
 * The typed ledger and report: the contract between the core and every surface.
 *
 * Units: money is always integer minor units of its own currency (cents, pence; yen have
 * no minor unit); dates are ISO `YYYY-MM-DD` strings in the ledger's time zone; day
 * counts are calendar days. Each schema shares its name with its type; surfaces use the
 * schemas at their edges (storage reads, sidebar calls, messages).
 */
import * as z from 'zod';
import {
  AGING_BUCKETS,
  BUSINESS_KINDS,
  CHANNELS,
  LADDER_STAGES,
  LANGUAGES,
  MANUAL_STATUSES,
  STAGES,
  STEPS,
} from './stages.ts';

export {
  AGING_BUCKETS,
  ENDING_STATUSES,
  LADDER_STAGES,
  LANGUAGES,
  MANUAL_STATUSES,
  STAGES,
} from './stages.ts';

export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'an ISO date YYYY-MM-DD');
export type IsoDate = string;

export const LadderStage = z.enum(LADDER_STAGES);
export type LadderStage = z.infer<typeof LadderStage>;

export const ManualStatus = z.enum(MANUAL_STATUSES);
export type ManualStatus = z.infer<typeof ManualStatus>;

export const Stage = z.enum(STAGES);
export type Stage = z.infer<typeof Stage>;

export const Language = z.enum(LANGUAGES);
export type Language = z.infer<typeof Language>;

export const Business = z.enum(BUSINESS_KINDS);
export type Business = z.infer<typeof Business>;

export const Risk = z.enum(['low', 'medium', 'high']);
export type Risk = z.infer<typeof Risk>;

export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;

export const Severity = z.enum(['error', 'warning']);
export type Severity = z.infer<typeof Severity>;

/**
 * What is wrong with the ledger and where. `row` is the sheet row (header = 1) or null for
 * the whole tab; `column` is the header as the user wrote it (or the canonical name when
 * the column is missing), null for the whole row. `code` and `params` are data only: the
 * message and the fix are written in the reader's language by `problemText` (problems.ts).
 */
export const Problem = z.object({
  tab: z.string(),
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  severity: Severity,
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type Problem = z.infer<typeof Problem>;

const Minor = z.number().int();
const Row = z.number().int().min(2);

export const Client = z.object({
  row: Row,
  client: z.string().min(1),
  /** Lower-cased addresses (`a@b.com`) and whole domains (`@b.com`). */
  emails: z.array(z.string()),
  contact: z.string(),
  language: Language,
  currency: z.string().length(3),
  jurisdiction: z.string(),
  business: Business,
  /** Payment terms in days. */
  terms: z.number().int().min(0),
  /** Days overdue at which work stops. */
  grace: z.number().int().min(1),
  /** The Contract cell as typed ('' = no signed contract). */
  contract: z.string(),
  /** The signing date when Contract holds a date. */
  contractDate: IsoDate.nullable(),
  risk: Risk.nullable(),
  notes: z.string(),
  /** Party details for formal letters and the pack ('' when not given). */
  legalName: z.string(),
  address: z.string(),
  companyNumber: z.string(),
  vatNumber: z.string(),
});
export type Client = z.infer<typeof Client>;

export const Milestone = z.object({
  row: Row,
  id: z.string().min(1),
  client: z.string().min(1),
  project: z.string(),
  description: z.string(),
  /** Minor units of `currency`, > 0. */
  amount: Minor.positive(),
  currency: z.string().length(3),
  invoice: z.string(),
  invoiceDate: IsoDate.nullable(),
  /** Due date as typed; when null, invoice date + the client's terms (see `dueDateOf`). */
  dueDate: IsoDate.nullable(),
  status: ManualStatus.nullable(),
  /** Why the Status was set (a dispute's reason and where it was said); free text, may be empty. */
  statusNote: z.string(),
  changeOrder: z.string(),
});
export type Milestone = z.infer<typeof Milestone>;

export const Payment = z.object({
  row: Row,
  date: IsoDate,
  milestone: z.string().min(1),
  /** Minor units of the milestone's currency. */
  amount: Minor.positive(),
  method: z.string(),
  note: z.string(),
});
export type Payment = z.infer<typeof Payment>;

export const Reminder = z.object({
  row: Row,
  sent: IsoDate,
  milestones: z.array(z.string().min(1)).min(1),
  client: z.string(),
  /** The stage the message was sent at; null when the cell is empty. */
  stage: Stage.nullable(),
  template: z.string(),
  to: z.string(),
  subject: z.string(),
  channel: Channel.nullable(),
  link: z.string(),
});
export type Reminder = z.infer<typeof Reminder>;

/** A Promises row (PRODUCT.md, "Promises"): what the client said they would pay, and by when. */
export const PromiseRow = z.object({
  row: Row,
  /** When the client promised. */
  date: IsoDate,
  milestones: z.array(z.string().min(1)).min(1),
  client: z.string(),
  /** Minor units of the first milestone's currency; null = everything outstanding on them. */
  amount: Minor.nullable(),
  by: IsoDate,
  source: z.string(),
  note: z.string(),
});
export type PromiseRow = z.infer<typeof PromiseRow>;

/** Where a promise stands as of the report's day. */
export const PromiseState = z.enum(['open', 'kept', 'broken']);
export type PromiseState = z.infer<typeof PromiseState>;

export const ChangeOrder = z.object({
  row: Row,
  id: z.string().min(1),
  client: z.string(),
  description: z.string(),
  /** Minor units of the client's currency; null when empty. */
  amount: Minor.nullable(),
  requested: IsoDate.nullable(),
  signed: IsoDate.nullable(),
});
export type ChangeOrder = z.infer<typeof ChangeOrder>;

export const TemplateRow = z.object({
  row: Row,
  /** A stage id or a message id such as `dispute`, `change_order`, `payment_plan`. */
  stage: z.string(),
  language: Language,
  subject: z.string(),
  body: z.string(),
});
export type TemplateRow = z.infer<typeof TemplateRow>;

export const Settings = z.object({
  yourName: z.string(),
  businessName: z.string(),
  /** Party details for formal letters and the pack ('' when not given). */
  yourAddress: z.string(),
  yourCompanyNumber: z.string(),
  yourVatNumber: z.string(),
  /** How to pay: IBAN, sort code and account, or a payment link. */
  paymentDetails: z.string(),
  defaultCurrency: z.string().length(3).nullable(),
  defaultLanguage: Language,
  defaultJurisdiction: z.string().nullable(),
  /** Where the user is taxed, for the pack's bad-debt notes; the Default jurisdiction when empty. */
  taxCountry: z.string().nullable(),
  defaultTerms: z.number().int().min(0),
  defaultGrace: z.number().int().min(1),
  /** A spreadsheet locale such as `it_IT` or `en_GB`. */
  locale: z.string(),
  /** An IANA time zone such as `Europe/Rome`. */
  timeZone: z.string(),
  statutoryInterest: z.boolean(),
});
export type Settings = z.infer<typeof Settings>;

/** A `Rates` row: a reference rate the user adds to the built-in table (PRODUCT.md, "Rates"). */
export const RateRow = z.object({
  row: Row,
  law: z.enum(['EU', 'IT', 'GB']),
  /** EU/IT: a 1 January or 1 July; GB: the day the Bank Rate took effect. */
  from: IsoDate,
  /** Basis points, before the statutory margin. */
  referenceBp: z.number().int(),
  source: z.string(),
});
export type RateRow = z.infer<typeof RateRow>;

export const Ledger = z.object({
  settings: Settings,
  clients: z.array(Client),
  milestones: z.array(Milestone),
  payments: z.array(Payment),
  reminders: z.array(Reminder),
  changeOrders: z.array(ChangeOrder),
  promises: z.array(PromiseRow),
  templates: z.array(TemplateRow),
  /**
   * IDs typed in Milestones rows that were left out for a problem (a half-typed `SB-2/1`).
   * They are still taken: a new row (a payment plan's instalment) must not reuse one.
   */
  leftOutMilestoneIds: z.array(z.string()).optional(),
  rates: z.array(RateRow),
});
export type Ledger = z.infer<typeof Ledger>;

export const NextAction = z.object({ stage: z.enum(STEPS), on: IsoDate });
export type NextAction = z.infer<typeof NextAction>;

export const SmallClaimsFit = z.object({
  jurisdiction: z.string(),
  /** Minor units of `currency`; null when the limit is unknown. */
  limit: Minor.nullable(),
  currency: z.string().nullable(),
  /**
   * null when unknown (no limit on file, a different currency, or a limit that depends on
   * who claims and the amount lies between the two).
   */
  fits: z.boolean().nullable(),
  /** The route's own name (Simple Procedure; decreto ingiuntivo / Giudice di pace…). */
  route: z.string(),
  court: z.string(),
  source: z.string(),
});
export type SmallClaimsFit = z.infer<typeof SmallClaimsFit>;

export const AgingBucket = z.enum(AGING_BUCKETS);
export type AgingBucket = z.infer<typeof AgingBucket>;

export const MilestoneReport = z.object({
  id: z.string(),
  row: Row,
  client: z.string(),
  project: z.string(),
  description: z.string(),
  invoice: z.string(),
  currency: z.string(),
  /** Minor units. */
  amount: Minor,
  /** Minor units paid so far (may exceed `amount` on an overpayment). */
  paid: Minor,
  /** The invoice date as typed; null before invoicing. */
  invoiceDate: IsoDate.nullable(),
  /** Minor units still owed: max(0, amount − paid); 0 for cancelled milestones. */
  outstanding: Minor,
  dueDate: IsoDate.nullable(),
  /** today − due date in calendar days; null with no due date or once paid. */
  daysOverdue: z.number().int().nullable(),
  /** Date of the payment that completed it, for paid milestones. */
  paidOn: IsoDate.nullable(),
  stage: Stage,
  nextAction: NextAction.nullable(),
  /** Statutory interest accrued so far, minor units (0 when none applies). */
  lateInterest: Minor,
  /** Annual statutory rate(s) used, in basis points, for display. */
  interestRates: z.array(z.number().int()),
  /**
   * The last day `lateInterest` is counted to: today when the rate table covers every
   * day; an earlier day when it stops short (messages say "to <that day>"); null when no
   * statutory interest applies or no day is covered.
   */
  interestThrough: IsoDate.nullable(),
  /** Fixed compensation, minor units of `compensationCurrency` (0 when none applies). */
  compensation: Minor,
  /**
   * The currency the compensation is owed in: the law's (EUR under EU/IT law, GBP under UK
   * law) even when the invoice is in another currency; the milestone's when none applies.
   */
  compensationCurrency: z.string(),
  smallClaims: SmallClaimsFit.nullable(),
  /** The most recent ladder message sent for it (Channel not `draft`), as of the report's day. */
  lastSent: z.object({ stage: LadderStage, on: IsoDate }).nullable(),
  /**
   * A Payladder draft of the next action's message, prepared but not confirmed sent: the
   * next action is then to send it, not to draft it again (PRODUCT.md, Evidence).
   */
  draft: z.object({ on: IsoDate, link: z.string() }).nullable(),
  /**
   * The latest promise covering this milestone (dated on or before the report's day):
   * `by` and `amount` (minor units, null = everything outstanding) as the client said.
   */
  promise: z
    .object({ by: IsoDate, amount: Minor.nullable(), state: PromiseState, row: Row, date: IsoDate })
    .nullable(),
  /** Last reminder logged for this milestone (drafts included), if any. */
  lastReminder: z.object({ sent: IsoDate, stage: Stage.nullable(), channel: Channel.nullable() }).nullable(),
  remindersLogged: z.number().int(),
  /** Problems on this milestone's row (the row's `Problems` cell). */
  problems: z.array(Problem),
});
export type MilestoneReport = z.infer<typeof MilestoneReport>;

/**
 * The one message a client is due today (PRODUCT.md, "One message per client a day"): the
 * most urgent step due, covering exactly the milestones that travel with it, in one
 * currency. `overdue` is the covered milestones' overdue outstanding in minor units of
 * `currency` (0 for an `upcoming` note): never anything not yet due.
 */
export const ClientMessage = z.object({
  messageId: z.enum(STEPS),
  milestones: z.array(z.string()),
  overdue: Minor,
  currency: z.string(),
  /** Every covered milestone already has a Payladder draft of this message: send it. */
  drafted: z.boolean(),
});
export type ClientMessage = z.infer<typeof ClientMessage>;

export const ClientReport = z.object({
  client: z.string(),
  row: Row,
  worstStage: Stage.nullable(),
  /** Per currency, minor units. */
  outstanding: z.record(z.string(), Minor),
  overdue: z.record(z.string(), Minor),
  maxDaysOverdue: z.number().int().nullable(),
  /** Average days late over paid milestones (on-time counts as 0); null with none paid. */
  avgDaysLate: z.number().nullable(),
  /** Share (0..1) of paid milestones paid by their due date; null with none paid. */
  onTimeShare: z.number().nullable(),
  paidMilestones: z.number().int(),
  /** Promises of this client kept and broken, as of the report's day (open ones not counted). */
  promisesKept: z.number().int(),
  promisesBroken: z.number().int(),
  /** Earliest next action over the client's milestones. */
  nextAction: NextAction.nullable(),
  /** IDs of milestones whose next action is due on or before today. */
  dueToday: z.array(z.string()),
  /** The client has a milestone, not cancelled, due after today (so `stop_work` applies). */
  ongoingWork: z.boolean(),
  /** The one message due to this client today, if any (see ClientMessage). */
  message: ClientMessage.nullable(),
  milestones: z.array(z.string()),
});
export type ClientReport = z.infer<typeof ClientReport>;

export const CurrencyTotals = z.object({
  outstanding: Minor,
  overdue: Minor,
  lateInterest: Minor,
  compensation: Minor,
  aging: z.record(AgingBucket, Minor),
});
export type CurrencyTotals = z.infer<typeof CurrencyTotals>;

export const Report = z.object({
  today: IsoDate,
  milestones: z.array(MilestoneReport),
  clients: z.array(ClientReport),
  totals: z.record(z.string(), CurrencyTotals),
  stageCounts: z.record(z.string(), z.number().int()),
  /** Milestones whose next action is due on or before today. */
  dueTodayCount: z.number().int(),
  /** Messages to send today: one per client with a message due (ClientReport.message). */
  messagesDue: z.number().int(),
  problems: z.array(Problem),
});
export type Report = z.infer<typeof Report>;

/** Raw rows of one tab: a header row then data rows, as getValues / batchGet / CSV give them. */
export type RawTab = unknown[][];
/** Raw tabs by tab name as the user named them (matched case- and space-insensitively). */
export type RawLedger = Record<string, RawTab>;
