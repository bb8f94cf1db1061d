/**
 * The documentation pack for one client, as of the report's day: what a lawyer, a
 * collection agency, a small-claims filing or an accountant asks for (PRODUCT.md, "Other
 * rules from the field"). Every ledger row about the client becomes at least one timeline
 * event that names its tab and row, so each line of the pack can be traced to the sheet.
 *
 * The client's Notes and Risk are left out on purpose: they are the user's private
 * judgement, and a pack may be handed to the debtor's side or a court.
 */
import type { InterestPeriod, MissingRate } from '../law/interest.ts';
import { interestPeriods, interestRegime, statutoryInterest } from '../law/interest.ts';
import type { Notice } from '../law/notices.ts';
import { noticeFor } from '../law/notices.ts';
import { buildRateTable } from '../law/rates.ts';
import type { BadDebtDate, BadDebtRules } from '../law/bad-debt.ts';
import { badDebtDate, badDebtRules } from '../law/bad-debt.ts';
import { addDays } from '../dates.ts';
import { businessOf } from '../law/notices.ts';
import type { SmallClaimsLimit } from '../law/small-claims.ts';
import { smallClaimsFits } from '../law/small-claims.ts';
import type {
  Payment,
  Channel,
  ChangeOrder,
  Client,
  IsoDate,
  Language,
  Ledger,
  Milestone,
  MilestoneReport,
  Problem,
  Report,
  Stage,
} from '../model.ts';
import { currencyDigits } from '../money.ts';
import { refKey } from '../parse.ts';
import { compareMilestones, isOpen, promiseState } from '../report.ts';
import { isBusinessParty } from '../stages.ts';
import { stageLabel } from '../computed.ts';

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

const KIND_ORDER = new Map(PACK_EVENT_KINDS.map((k, i) => [k, i]));

/** Dated events in date order (ties: kind, then ledger row); undated ones last. */
export function compareEvents(a: PackEvent, b: PackEvent): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? -1 : 1;
  }
  return (
    (KIND_ORDER.get(a.kind) ?? 0) - (KIND_ORDER.get(b.kind) ?? 0) ||
    a.source.tab.localeCompare(b.source.tab) ||
    a.source.row - b.source.row
  );
}

function event(
  partial: Partial<PackEvent> & Pick<PackEvent, 'date' | 'kind' | 'title' | 'source'>,
): PackEvent {
  return {
    detail: '',
    milestones: [],
    invoice: '',
    amount: null,
    currency: null,
    stage: null,
    channel: null,
    to: '',
    subject: '',
    link: '',
    ...partial,
  };
}

const describe = (m: Milestone) => [m.project, m.description].filter(Boolean).join(' — ');

/** Builds the pack for `client` from a report computed for `today`. */
export function buildPack(input: { ledger: Ledger; report: Report; client: string; today: IsoDate }): Pack {
  const { ledger, report, today } = input;
  if (report.today !== today) throw new PackError(PACK_ERRORS.stale_report(report.today, today));
  const key = refKey(input.client);
  const client = ledger.clients.find((c) => refKey(c.client) === key);
  if (!client) throw new PackError(PACK_ERRORS.unknown_client(input.client));

  const milestones = ledger.milestones.filter((m) => m.client === client.client);
  const ids = new Set(milestones.map((m) => m.id));
  const byId = new Map(milestones.map((m) => [m.id, m]));
  const reports = new Map(report.milestones.filter((m) => ids.has(m.id)).map((m) => [m.id, m]));
  // As of the pack's day: entries dated later are left out (PRODUCT.md, "As of a day").
  const payments = ledger.payments.filter((p) => ids.has(p.milestone) && p.date <= today);
  const reminders = ledger.reminders.filter(
    (r) => (r.client === client.client || r.milestones.some((id) => ids.has(id))) && r.sent <= today,
  );
  const changeOrders = ledger.changeOrders.filter(
    (c) =>
      (c.client === client.client || milestones.some((m) => m.changeOrder === c.id)) &&
      (c.requested === null || c.requested <= today),
  );
  const events: PackEvent[] = [];

  // Contract: a date is an event; a link or other text is on file but undated.
  if (client.contract !== '') {
    events.push(
      event({
        date: client.contractDate,
        kind: 'contract',
        title: client.contractDate ? 'Contract signed' : 'Contract on file',
        detail: client.contractDate ? '' : client.contract,
        link: client.contractDate ? '' : client.contract,
        source: { tab: 'Clients', row: client.row },
      }),
    );
  }

  for (const c of changeOrders) {
    const billed = milestones.filter((m) => m.changeOrder === c.id).map((m) => m.id);
    events.push(
      event({
        date: c.requested,
        kind: 'change_order',
        title: `Change order ${c.id} requested`,
        detail: `${c.description}${c.signed ? '' : ' (not signed)'}`,
        milestones: billed,
        amount: c.amount,
        currency: c.amount === null ? null : client.currency,
        source: { tab: 'Change orders', row: c.row },
      }),
    );
    if (c.signed) {
      events.push(
        event({
          date: c.signed,
          kind: 'change_order_signed',
          title: `Change order ${c.id} signed`,
          detail: c.description,
          milestones: billed,
          source: { tab: 'Change orders', row: c.row },
        }),
      );
    }
  }

  for (const m of milestones) {
    const r = reports.get(m.id);
    const source = { tab: 'Milestones', row: m.row };
    const base = { milestones: [m.id], invoice: m.invoice, currency: m.currency, source };
    if (m.invoiceDate) {
      events.push(
        event({
          ...base,
          date: m.invoiceDate,
          kind: 'invoice',
          title: m.invoice ? `Invoice ${m.invoice} issued` : `Milestone ${m.id} billed`,
          detail: describe(m) + (m.changeOrder ? ` (change order ${m.changeOrder})` : ''),
          amount: m.amount,
        }),
      );
    }
    const due = r?.dueDate ?? m.dueDate;
    if (due) {
      events.push(
        event({
          ...base,
          date: due,
          kind: 'due',
          title: 'Payment due',
          detail: describe(m),
          amount: m.amount,
        }),
      );
    }
    if (!m.invoiceDate && !due) {
      events.push(
        event({
          ...base,
          date: null,
          kind: 'milestone',
          title: `Milestone ${m.id} (not invoiced yet)`,
          detail: describe(m),
          amount: m.amount,
        }),
      );
    }
    if (m.status === 'disputed') {
      // Dated by the first message logged at the disputed stage, when there is one.
      const first = reminders
        .filter((x) => x.stage === 'disputed' && x.milestones.includes(m.id))
        .map((x) => x.sent)
        .sort()[0];
      events.push(
        event({
          ...base,
          date: first ?? null,
          kind: 'dispute',
          title: 'Disputed by the client',
          detail: `${describe(m)}; status Disputed in the ledger`,
          amount: r?.outstanding ?? null,
          stage: 'disputed',
        }),
      );
    } else if (m.status) {
      events.push(
        event({
          ...base,
          date: m.status === 'paid' ? (r?.paidOn ?? null) : null,
          kind: 'status',
          title: `Status: ${stageLabel(m.status)}`,
          detail: describe(m),
          stage: m.status,
        }),
      );
    }
  }

  for (const p of payments) {
    const m = byId.get(p.milestone);
    events.push(
      event({
        date: p.date,
        kind: 'payment',
        title: 'Payment received',
        detail: [p.method, p.note].filter(Boolean).join(' — '),
        milestones: [p.milestone],
        invoice: m?.invoice ?? '',
        amount: p.amount,
        currency: m?.currency ?? client.currency,
        source: { tab: 'Payments', row: p.row },
      }),
    );
  }

  for (const r of reminders) {
    const invoices = r.milestones.map((id) => byId.get(id)?.invoice ?? '').filter(Boolean);
    events.push(
      event({
        date: r.sent,
        kind: 'reminder',
        title: `${reminderTitle(r.channel)}${r.stage ? ` (${stageLabel(r.stage)})` : ''}`,
        detail: r.subject,
        milestones: r.milestones,
        invoice: invoices.join(', '),
        stage: r.stage,
        channel: r.channel,
        to: r.to,
        subject: r.subject,
        link: r.link,
        source: { tab: 'Reminders', row: r.row },
      }),
    );
  }
  events.sort(compareEvents);

  const packMilestones: PackMilestone[] = [...reports.values()].sort(compareMilestones).map((r) => {
    const m = byId.get(r.id);
    return { ...r, invoiceDate: m?.invoiceDate ?? null, changeOrder: m?.changeOrder ?? '' };
  });

  const totals = new Map<string, PackTotals>();
  const totalsFor = (currency: string): PackTotals => {
    let t = totals.get(currency);
    if (!t) {
      t = {
        currency,
        invoiced: 0,
        paid: 0,
        outstanding: 0,
        overdue: 0,
        lateInterest: 0,
        compensation: 0,
        totalClaim: 0,
        writtenOff: 0,
      };
      totals.set(currency, t);
    }
    return t;
  };
  // Not invoiced and no due date: work not billed yet is no debt, in no figure of the pack.
  const notInvoiced = (m: PackMilestone) => m.invoiceDate === null && m.dueDate === null;
  for (const m of packMilestones) {
    const t = totalsFor(m.currency);
    // A renegotiated milestone's balance lives on in its plan's instalments: counting both
    // would bill the client twice.
    if (m.stage === 'cancelled' || m.stage === 'renegotiated' || notInvoiced(m)) continue;
    t.invoiced += m.amount;
    t.paid += m.paid;
    if (m.stage === 'written_off') {
      t.writtenOff += m.outstanding;
      continue;
    }
    t.lateInterest += m.lateInterest;
    // Owed in the law's currency (EUR 40 on a USD invoice): added to that currency's claim.
    if (m.compensation > 0) totalsFor(m.compensationCurrency).compensation += m.compensation;
    if (isOpen(m.stage)) {
      t.outstanding += m.outstanding;
      if ((m.daysOverdue ?? 0) >= 1) t.overdue += m.outstanding;
    }
  }
  for (const t of totals.values()) t.totalClaim = t.outstanding + t.lateInterest + t.compensation;

  const smallClaims: PackSmallClaims[] = [...totals.values()]
    .filter((t) => t.outstanding > 0)
    .map((t) => {
      // The limit is on the principal (CPR 26.8(2); Reg. 861/2007 Art. 2), as in the report.
      const { limit, fits, court } = smallClaimsFits(client.jurisdiction, today, t.outstanding, t.currency);
      return {
        currency: t.currency,
        principal: t.outstanding,
        limit,
        limitMinor: limit ? limit.limit * 10 ** currencyDigits(limit.currency) : null,
        fits,
        court,
      };
    });

  const tax = ledger.settings.taxCountry ?? ledger.settings.defaultJurisdiction;
  const badDebt = tax ? badDebtRules(tax) : null;
  const badDebtDates = badDebt
    ? packMilestones
        .filter((m) => isOpen(m.stage) || m.stage === 'written_off')
        .map((m) => badDebtDate(badDebt.jurisdiction, m))
        .filter((d): d is BadDebtDate => d !== null)
    : [];

  // Statement of account: every billed milestone and its payments, per currency, in date order.
  const paymentsOf = new Map<string, typeof payments>();
  for (const p of payments) paymentsOf.set(p.milestone, [...(paymentsOf.get(p.milestone) ?? []), p]);
  const excluded: PackExcluded[] = [];
  const statementLines = new Map<string, StatementLine[]>();
  const overpaid = new Map<string, PackStatement['overpaid']>();
  for (const m of packMilestones) {
    const mine = paymentsOf.get(m.id) ?? [];
    const reason =
      m.stage === 'cancelled' || m.stage === 'renegotiated'
        ? m.stage
        : notInvoiced(m)
          ? ('not_invoiced' as const)
          : null;
    if (reason) {
      excluded.push({
        milestone: m,
        reason,
        payments: mine.map((p) => ({
          date: p.date,
          amount: p.amount,
          source: { tab: 'Payments', row: p.row },
        })),
      });
      continue;
    }
    const lines = statementLines.get(m.currency) ?? [];
    statementLines.set(m.currency, lines);
    const src = byId.get(m.id);
    const line = (l: Omit<StatementLine, 'balance' | 'milestone' | 'invoice' | 'notDueUntil'>) =>
      lines.push({
        ...l,
        milestone: m.id,
        invoice: m.invoice,
        balance: 0,
        notDueUntil: l.kind === 'invoice' && m.dueDate !== null && m.dueDate > today ? m.dueDate : null,
      });
    line({
      date: m.invoiceDate ?? m.dueDate,
      kind: 'invoice',
      description: src ? describe(src) : '',
      debit: m.amount,
      credit: 0,
      source: { tab: 'Milestones', row: m.row },
    });
    for (const p of mine)
      line({
        date: p.date,
        kind: 'payment',
        description: [p.method, p.note].filter(Boolean).join(' — '),
        debit: 0,
        credit: p.amount,
        source: { tab: 'Payments', row: p.row },
      });
    const rest = m.amount - m.paid;
    if (rest > 0 && (m.stage === 'written_off' || m.stage === 'paid'))
      line({
        date: null,
        kind: m.stage === 'paid' ? 'marked_paid' : 'written_off',
        description: src ? describe(src) : '',
        debit: 0,
        credit: rest,
        source: { tab: 'Milestones', row: m.row },
      });
    if (rest < 0)
      overpaid.set(m.currency, [...(overpaid.get(m.currency) ?? []), { milestone: m.id, amount: -rest }]);
  }
  const LINE_ORDER = { invoice: 0, payment: 1, marked_paid: 2, written_off: 3 } as const;
  const statement: PackStatement[] = [...statementLines.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, lines]) => {
      lines.sort(
        (a, b) =>
          (a.date === b.date ? 0 : a.date === null ? 1 : b.date === null ? -1 : a.date < b.date ? -1 : 1) ||
          LINE_ORDER[a.kind] - LINE_ORDER[b.kind] ||
          a.source.row - b.source.row,
      );
      let balance = 0;
      for (const l of lines) {
        balance += l.debit - l.credit;
        l.balance = balance;
      }
      return { currency, lines, closing: balance, overpaid: overpaid.get(currency) ?? [] };
    });

  // Interest worked out per rate period, with the same inputs as the report's figure.
  const rateTable = buildRateTable(ledger.rates).table;
  const interest: PackInterest[] = [];
  const regime = isBusinessParty(client.business) ? interestRegime(client.jurisdiction) : null;
  for (const m of packMilestones) {
    if (!regime || m.dueDate === null || (m.lateInterest === 0 && m.compensation === 0)) continue;
    const input = {
      regime,
      amount: m.amount,
      dueDate: m.dueDate,
      payments: (paymentsOf.get(m.id) ?? []).map((p) => ({ date: p.date, amount: p.amount })),
      today,
      contractDate: client.contractDate,
      rates: rateTable,
    };
    const periods = interestPeriods(input);
    const total = statutoryInterest(input);
    const sum = periods.reduce((a, p) => a + p.interest, 0);
    // A figure in the pack that the working does not produce would be silently wrong.
    if (sum !== m.lateInterest || total.interest !== m.lateInterest)
      throw new PackError(PACK_ERRORS.interest_mismatch(m.id));
    interest.push({
      milestone: m.id,
      invoice: m.invoice,
      currency: m.currency,
      regime,
      dueDate: m.dueDate,
      periods,
      interest: sum,
      through: total.interestThrough,
      uncovered: total.uncovered,
      missing: total.missing,
      compensation: m.compensation,
      compensationCurrency: m.compensationCurrency,
      source: total.source,
    });
  }

  interest.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));

  // Chasing record: every Reminders row (drafts and calls as what they are) and each dispute.
  const chasing: PackChase[] = reminders.map((r) => ({
    date: r.sent,
    kind: 'message',
    stage: r.stage,
    channel: r.channel,
    milestones: r.milestones,
    invoice: r.milestones
      .map((id) => byId.get(id)?.invoice ?? '')
      .filter(Boolean)
      .join(', '),
    to: r.to,
    subject: r.subject,
    // A draft's link opens the user's own Gmail drafts: nothing a lawyer or a court can use.
    link: r.channel === 'draft' ? '' : r.link,
    source: { tab: 'Reminders', row: r.row },
  }));
  for (const ev of events)
    if (ev.kind === 'dispute')
      chasing.push({
        date: ev.date,
        kind: 'dispute',
        stage: 'disputed',
        channel: null,
        milestones: ev.milestones,
        invoice: ev.invoice,
        to: '',
        subject: '',
        link: '',
        source: ev.source,
      });
  // Promises the client made (PRODUCT.md, "Promises"), with where they were made.
  const promiseStateOf = new Map(
    report.milestones.flatMap((m) => (m.promise ? [[m.promise.row, m.promise.state] as const] : [])),
  );
  for (const p of ledger.promises) {
    if (p.date > today || !p.milestones.some((id) => ids.has(id))) continue;
    const state =
      promiseStateOf.get(p.row) ??
      promiseState(p, new Map(milestones.map((m) => [m.id, m])), paymentsByMilestone(payments), today);
    chasing.push({
      date: p.date,
      kind: 'promise',
      stage: state === 'broken' ? 'broken_promise' : 'promised',
      channel: null,
      milestones: p.milestones,
      invoice: p.milestones
        .map((id) => byId.get(id)?.invoice ?? '')
        .filter(Boolean)
        .join(', '),
      to: '',
      subject: '',
      link: p.source,
      source: { tab: 'Promises', row: p.row },
      promise: {
        amount: p.amount,
        currency: byId.get(p.milestones[0] ?? '')?.currency ?? client.currency,
        by: p.by,
        state,
      },
    });
  }
  chasing.sort(
    (a, b) =>
      (a.date === b.date ? 0 : a.date === null ? 1 : b.date === null ? -1 : a.date < b.date ? -1 : 1) ||
      a.source.tab.localeCompare(b.source.tab) ||
      a.source.row - b.source.row,
  );

  // The notice given: the first formal demand actually sent (drafts prove nothing).
  const business = businessOf(client.business);
  let notice: PackNotice | null = null;
  if (business) {
    const n = noticeFor(client.jurisdiction, business);
    const demandSent =
      reminders
        .filter((r) => r.stage === 'demand' && r.channel !== 'draft')
        .map((r) => r.sent)
        .sort()[0] ?? null;
    notice = { notice: n, demandSent, deadline: demandSent ? addDays(demandSent, n.days) : null };
  }

  const packChangeOrders: PackChangeOrder[] = changeOrders.map((c) => ({
    ...c,
    billed: milestones
      .filter((m) => m.changeOrder === c.id)
      .map((m) => ({ id: m.id, invoice: m.invoice, invoiceDate: m.invoiceDate })),
  }));

  const rows = {
    Clients: new Set([client.row]),
    Milestones: new Set(milestones.map((m) => m.row)),
    Payments: new Set(payments.map((p) => p.row)),
    Reminders: new Set(reminders.map((r) => r.row)),
    'Change orders': new Set(changeOrders.map((c) => c.row)),
  } as Record<string, Set<number>>;
  const problems = report.problems.filter((p) => p.row !== null && rows[p.tab]?.has(p.row));

  return {
    today,
    client,
    language: client.language,
    preparedBy: { yourName: ledger.settings.yourName, businessName: ledger.settings.businessName },
    you: {
      address: ledger.settings.yourAddress,
      companyNumber: ledger.settings.yourCompanyNumber,
      vatNumber: ledger.settings.yourVatNumber,
    },
    changeOrders: packChangeOrders,
    statement,
    excluded,
    interest,
    chasing,
    notice,
    locale: ledger.settings.locale,
    events,
    milestones: packMilestones,
    totals: [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
    smallClaims,
    badDebt,
    badDebtDates,
    interestRegime: isBusinessParty(client.business) ? interestRegime(client.jurisdiction) : null,
    statutoryInterestOn: ledger.settings.statutoryInterest,
    problems,
    ledgerErrors: report.problems.filter((p) => p.severity === 'error').length,
  };
}

function paymentsByMilestone(payments: readonly Payment[]): Map<string, Payment[]> {
  const out = new Map<string, Payment[]>();
  for (const p of payments) out.set(p.milestone, [...(out.get(p.milestone) ?? []), p]);
  return out;
}

/**
 * What a Reminders row proves (PRODUCT.md, Evidence): a draft was prepared, not confirmed
 * sent; a phone call was made but is not written; anything else was sent.
 */
export function reminderTitle(channel: Channel | null): string {
  if (channel === 'draft') return 'Reminder prepared, not confirmed sent';
  if (channel === 'phone') return 'Phone call (not written)';
  return 'Reminder sent';
}
