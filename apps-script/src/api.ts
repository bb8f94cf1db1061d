/**
 * The contract between the sidebar and the server (Apps Script handlers). Everything that
 * crosses `google.script.run` is plain JSON: no Date, no Map, no undefined in arrays. The
 * server validates every input with these schemas; the sidebar imports only the types
 * (`import type`), so zod stays out of the sidebar bundle.
 */
// zod/mini: the same checks as zod's classic API in a tree-shakable form, so the server
// bundle Apps Script evaluates before every execution carries only the checks used here.
import * as z from 'zod/mini';
import { isIsoDate } from '../../shared/dates.ts';
import type {
  ChangeOrder,
  Client,
  IsoDate,
  Language,
  Payment,
  Reminder,
  Report,
  Settings,
  ShownProblem,
} from '../../shared/index.ts';

/**
 * Each schema is built on its first use, not when Code.js loads: Apps Script evaluates the
 * whole file before every execution, and the triggers (onEdit above all) never validate a
 * sidebar request (issue 15, cold start).
 */
function lazy<T>(build: () => T): () => T {
  let built: T | undefined;
  return () => (built ??= build());
}

const Id = lazy(() => z.string().check(z.trim(), z.minLength(1), z.maxLength(200)));
// A real calendar date: the pattern alone let 2026-02-30 through (issue 18).
const Iso = lazy(() =>
  z
    .string()
    .check(
      z.regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD'),
      z.refine(isIsoDate, 'not a real calendar date'),
    ),
);

/** What the sidebar shows: the report plus the ledger rows its detail views need. */
export interface SidebarView {
  today: IsoDate;
  /** UI language: Settings → Default language, else the sheet's locale. */
  language: Language;
  /** Spreadsheet locale for Intl (`it_IT`). */
  locale: string;
  timeZone: string;
  report: Report;
  clients: Client[];
  payments: Payment[];
  reminders: Reminder[];
  changeOrders: ChangeOrder[];
  settings: Settings;
  /**
   * Every problem of the report, its message and fix written in `language` by the server:
   * the sidebar carries no problem texts (its bundle budget), and shows a milestone's own
   * problems from here too (tab Milestones, its row).
   */
  problems: ShownProblem[];
  /** ISO timestamp of the last recompute, or null. */
  recomputedAt: string | null;
  /** Whether the daily trigger is installed, and at which hour. */
  dailyTrigger: { hour: number } | null;
  /** Payladder drafts waiting to be sent or confirmed (the ladder's next message, drafted). */
  drafts: DraftView[];
  /**
   * Each milestone's `Status note` as typed, by milestone ID, for the rows that have one:
   * Mark disputed shows it rather than asking for a reason it would not write.
   */
  statusNotes: Record<string, string>;
}

/**
 * A message Payladder drafted that the log does not show as sent (PRODUCT.md, Evidence): it
 * is prepared, not sent, until the user confirms it (a new Reminders row) or sends it from
 * Gmail with the extension.
 */
export interface DraftView {
  /** The Reminders rows' Link: the draft in Gmail, and the key to confirm it by. */
  link: string;
  client: string;
  /** The day it was drafted. */
  on: IsoDate;
  stage: string;
  subject: string;
  milestones: string[];
  /** Gmail no longer has the draft (sent or deleted): "sent? confirm". Null when unknown. */
  gone: boolean | null;
}

export const ConfirmSentInput = lazy(() =>
  z.object({
    link: z.string().check(z.trim(), z.minLength(1), z.maxLength(2000)),
    /** The day the user says the message went out. */
    sentOn: Iso(),
  }),
);
export type ConfirmSentInput = z.input<ReturnType<typeof ConfirmSentInput>>;

export const RecordPaymentInput = lazy(() =>
  z.object({
    milestone: Id(),
    /** Major units, > 0. */
    amount: z.number().check(z.positive()),
    date: Iso(),
    method: z._default(z.string().check(z.maxLength(200)), ''),
    note: z._default(z.string().check(z.maxLength(2000)), ''),
  }),
);
export type RecordPaymentInput = z.input<ReturnType<typeof RecordPaymentInput>>;

export const SetStatusInput = lazy(() =>
  z.object({
    milestone: Id(),
    /** '' resumes the ladder (clears a Disputed / On hold status that Payladder's sidebar set). */
    status: z.enum(['Disputed', 'On hold', '']),
    /**
     * With Disputed: the reason (and where the client said it), written to the row's
     * `Status note` when that cell is empty. Clearing the status leaves the note.
     */
    note: z.optional(z.string().check(z.maxLength(2000))),
  }),
);
export type SetStatusInput = z.input<ReturnType<typeof SetStatusInput>>;

/** A promise the client made (PRODUCT.md, "Promises"): one new Promises row, Source `sidebar`. */
export const LogPromiseInput = lazy(() =>
  z.object({
    milestone: Id(),
    /** The day the client said they would pay by: today or later. */
    by: Iso(),
    /** Major units, > 0; null or absent = everything outstanding on the milestone. */
    amount: z.optional(z.nullable(z.number().check(z.positive()))),
    note: z._default(z.string().check(z.maxLength(2000)), ''),
  }),
);
export type LogPromiseInput = z.input<ReturnType<typeof LogPromiseInput>>;

export const DraftReminderInput = lazy(() =>
  z.object({
    client: Id(),
    /** Defaults to the client's milestones whose next action is due. */
    milestones: z.optional(z.array(Id()).check(z.maxLength(500))),
    /** A message id (stage or `dispute`, `payment_plan`, `change_order`); defaults to the recommended one. */
    template: z.optional(z.string().check(z.maxLength(50))),
  }),
);
export type DraftReminderInput = z.input<ReturnType<typeof DraftReminderInput>>;

export const PaymentPlanInput = lazy(() =>
  z.object({
    /** Plan one milestone, or all of a client's outstanding milestones in one currency. */
    milestone: z.optional(Id()),
    client: z.optional(Id()),
    instalments: z.int().check(z.minimum(2), z.maximum(36)),
    interval: z.enum(['weekly', 'fortnightly', 'monthly']),
    start: Iso(),
    keepUnderSmallClaimsLimit: z._default(z.boolean(), false),
    /**
     * On create: the instalments the preview showed (ID, due date, major units). When the
     * ledger changed since, the plan differs and nothing is created (issue 12).
     */
    expected: z.optional(
      z
        .array(z.object({ id: Id(), dueDate: Iso(), amount: z.number() }))
        .check(z.minLength(2), z.maxLength(36)),
    ),
  }),
);
export type PaymentPlanInput = z.input<ReturnType<typeof PaymentPlanInput>>;

export const WriteOffInput = lazy(() => z.object({ milestone: Id(), confirm: z.literal(true) }));
export type WriteOffInput = z.input<ReturnType<typeof WriteOffInput>>;

export const ClientInput = lazy(() => z.object({ client: Id() }));
export type ClientInput = z.input<ReturnType<typeof ClientInput>>;

export const MilestoneInput = lazy(() => z.object({ milestone: Id() }));
export type MilestoneInput = z.input<ReturnType<typeof MilestoneInput>>;

export const SelectCellInput = lazy(() =>
  z.object({
    tab: z.string().check(z.minLength(1), z.maxLength(100)),
    row: z.nullable(z.int().check(z.minimum(1))),
    column: z.nullable(z.string().check(z.maxLength(100))),
  }),
);
export type SelectCellInput = z.input<ReturnType<typeof SelectCellInput>>;

/** One instalment of a proposed plan, as the preview shows it. */
export interface PlanRowView {
  id: string;
  dueDate: IsoDate;
  /** Major units. */
  amount: number;
  currency: string;
}

export interface PaymentPlanPreview {
  rows: PlanRowView[];
  /** Milestones the plan replaces (marked Renegotiated on create). */
  replaces: string[];
  total: number;
  currency: string;
  /** The small-claims limit every instalment stays under, major units, when asked and known. */
  limit: number | null;
  warnings: string[];
}

export interface DraftResult {
  draftId: string;
  to: string[];
  subject: string;
  milestones: string[];
}

export interface PackResult {
  filename: string;
  /** The pack, to print or hand over. */
  html: string;
  /** The user's internal notes (tax, ledger problems): never part of the pack. */
  notes: string;
  statementCsv: string;
  chasingCsv: string;
}

/** Every action answers with a fresh view so the sidebar never shows stale numbers. */
export interface ActionResult<T = null> {
  result: T;
  view: SidebarView;
}

/**
 * The server functions the sidebar may call. Each is a global in Code.js; the sidebar's
 * promise client is typed against this interface.
 */
export interface ServerApi {
  getSidebarView(): SidebarView;
  recordPayment(input: RecordPaymentInput): ActionResult;
  setMilestoneStatus(input: SetStatusInput): ActionResult;
  logPromise(input: LogPromiseInput): ActionResult;
  draftReminder(input: DraftReminderInput): ActionResult<DraftResult>;
  confirmDraftSent(input: ConfirmSentInput): ActionResult;
  previewPaymentPlan(input: PaymentPlanInput): PaymentPlanPreview;
  createPaymentPlan(input: PaymentPlanInput): ActionResult<PaymentPlanPreview>;
  writeOffMilestone(input: WriteOffInput): ActionResult;
  exportPack(input: ClientInput): PackResult;
  selectCell(input: SelectCellInput): null;
  jumpToMilestone(input: MilestoneInput): null;
}
