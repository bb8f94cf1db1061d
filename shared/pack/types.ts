/** The documentation pack's shape: what each section holds, and the errors that stop it. */
import type { InterestPeriod, MissingRate } from '../law/interest.ts';
import type { Notice } from '../law/notices.ts';
import type { BadDebtDate, BadDebtRules } from '../law/bad-debt.ts';
import type { SmallClaimsLimit } from '../law/small-claims.ts';
import type {
  Channel,
  ChangeOrder,
  Client,
  IsoDate,
  Language,
  MilestoneReport,
  Problem,
  Stage,
} from '../model.ts';

export const PACK_EVENT_KINDS = [
  'contract',
  'change_order',
  'change_order_signed',
  'invoice',
  'milestone',
  'due',
  'payment',
  'reminder',
  'dispute',
  'status',
] as const;
export type PackEventKind = (typeof PACK_EVENT_KINDS)[number];

export interface PackEvent {
  /** Null when the ledger gives no date (a contract link, a manual status). */
  date: IsoDate | null;
  kind: PackEventKind;
  /** Short English title ("Payment received"). */
  title: string;
  /** One line of detail. */
  detail: string;
  milestones: string[];
  invoice: string;
  /** Minor units of `currency`. */
  amount: number | null;
  currency: string | null;
  stage: Stage | null;
  channel: Channel | null;
  to: string;
  subject: string;
  link: string;
  /** The ledger row the event comes from. */
  source: { tab: string; row: number };
}

export interface PackMilestone extends MilestoneReport {
  invoiceDate: IsoDate | null;
  changeOrder: string;
}

/** Totals in one currency, minor units. */
export interface PackTotals {
  currency: string;
  /** Amounts of milestones neither cancelled nor renegotiated (replaced by a plan). */
  invoiced: number;
  paid: number;
  /** Still owed on open milestones (disputed and on hold included). */
  outstanding: number;
  overdue: number;
  lateInterest: number;
  compensation: number;
  /** outstanding + lateInterest + compensation. */
  totalClaim: number;
  /** Unpaid amounts of milestones marked Written off. */
  writtenOff: number;
}

export interface PackSmallClaims {
  currency: string;
  /** Minor units of principal (outstanding) in this currency. */
  principal: number;
  limit: SmallClaimsLimit | null;
  /** Minor units; null when unknown. */
  limitMinor: number | null;
  /**
   * null when unknown: no limit on file, a different currency, or a limit that depends on
   * who claims with the principal between the two (California).
   */
  fits: boolean | null;
  /** The court and route, every limit in force named (California states both). */
  court: string;
}

/** One line of the statement of account. Amounts in minor units of the statement's currency. */
export interface StatementLine {
  /** Null for an undated adjustment (a milestone marked Paid with no payment recorded). */
  date: IsoDate | null;
  /**
   * `invoice`: a milestone billed (or an instalment due); `payment`; `written_off` and
   * `marked_paid`: the unpaid rest of a milestone the ledger marks Written off or Paid.
   */
  kind: 'invoice' | 'payment' | 'written_off' | 'marked_paid';
  milestone: string;
  invoice: string;
  description: string;
  debit: number;
  credit: number;
  /** Running balance after this line. */
  balance: number;
  /** An invoice line whose due date is after the pack's day: owed, but not yet due. */
  notDueUntil: IsoDate | null;
  source: { tab: string; row: number };
}

/** The statement of account in one currency. */
export interface PackStatement {
  currency: string;
  lines: StatementLine[];
  /** The last line's balance (0 with no lines): equals the totals' outstanding. */
  closing: number;
  /** Milestones paid more than their amount (minor units over), shown beside the statement. */
  overpaid: Array<{ milestone: string; amount: number }>;
}

/** Milestones left out of the statement, with their payments: they are not claimed. */
export interface PackExcluded {
  milestone: PackMilestone;
  reason: 'cancelled' | 'renegotiated' | 'not_invoiced';
  payments: Array<{ date: IsoDate; amount: number; source: { tab: string; row: number } }>;
}

/** The interest on one milestone worked out period by period (PRODUCT.md, pack). */
export interface PackInterest {
  milestone: string;
  invoice: string;
  currency: string;
  regime: 'EU' | 'IT' | 'UK';
  dueDate: IsoDate;
  periods: InterestPeriod[];
  /** Minor units; the sum of the periods' interest, equal to the report's Late interest. */
  interest: number;
  /** The last day counted; before `today` when the rate table stops (then `uncovered`). */
  through: IsoDate | null;
  uncovered: { from: IsoDate; to: IsoDate } | null;
  missing: MissingRate[];
  /** Minor units of `compensationCurrency`. */
  compensation: number;
  compensationCurrency: string;
  source: string;
}

/** A line of the chasing record: a Reminders row, or a dispute. */
export interface PackChase {
  date: IsoDate | null;
  kind: 'message' | 'dispute' | 'promise';
  /** For a promise: what was promised and whether it was kept, as of the pack's day. */
  promise?: { amount: number | null; currency: string; by: IsoDate; state: 'open' | 'kept' | 'broken' };
  stage: Stage | null;
  channel: Channel | null;
  milestones: string[];
  invoice: string;
  to: string;
  subject: string;
  link: string;
  source: { tab: string; row: number };
}

/** The notice given before court (legal-facts §8): the first sent demand and the period it gave. */
export interface PackNotice {
  notice: Notice;
  /** The first sent (not draft) `demand` message, if any. */
  demandSent: IsoDate | null;
  /** demandSent + the notice period: the first day a court step may be taken. */
  deadline: IsoDate | null;
}

export interface PackChangeOrder extends ChangeOrder {
  /** Milestones billing it, with their invoice dates. */
  billed: Array<{ id: string; invoice: string; invoiceDate: IsoDate | null }>;
}

export interface Pack {
  today: IsoDate;
  client: Client;
  /** The pack's language: the client's (which defaults to the user's Default language). */
  language: Language;
  preparedBy: { yourName: string; businessName: string };
  /** The user's party details (Settings). */
  you: { address: string; companyNumber: string; vatNumber: string };
  changeOrders: PackChangeOrder[];
  statement: PackStatement[];
  excluded: PackExcluded[];
  interest: PackInterest[];
  chasing: PackChase[];
  notice: PackNotice | null;
  /** The ledger's locale, for formatting. */
  locale: string;
  events: PackEvent[];
  milestones: PackMilestone[];
  totals: PackTotals[];
  smallClaims: PackSmallClaims[];
  /**
   * Internal notes (the notes file, never the pack): bad-debt rules where the user is taxed
   * (Settings → Tax country, default the Default jurisdiction); null when neither is set.
   */
  badDebt: BadDebtRules | null;
  badDebtDates: BadDebtDate[];
  /** The interest regime the figures follow, or null when none applies. */
  interestRegime: 'EU' | 'IT' | 'UK' | null;
  statutoryInterestOn: boolean;
  problems: Problem[];
  /** Problems in the whole ledger: rows with errors are left out of every figure. */
  ledgerErrors: number;
}

export const PACK_ERRORS = {
  unknown_client: (name: string) => `No client named "${name}" in the ledger.`,
  stale_report: (reportDay: string, today: string) =>
    `The report is for ${reportDay}, not ${today}: compute it again for the pack's day.`,
  interest_mismatch: (milestone: string) =>
    `The interest worked out for ${milestone} does not add up to the report's figure: the pack is not written. Please report this.`,
} as const;

export class PackError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PackError';
  }
}
