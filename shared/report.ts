/**
 * The typed ledger → the report every surface shows: each milestone's stage, next action,
 * interest and small-claims fit; each client's worst stage and behaviour; totals per
 * currency with aging; and every problem. Pure: `today` comes in.
 */
import { paymentBehaviour } from './behaviour.ts';
import { addDays, addMonths, daysBetween } from './dates.ts';
import type { MissingRate } from './law/interest.ts';
import { fixedCompensation, interestRegime, regimeCurrency, statutoryInterest } from './law/interest.ts';
import type { RateTable } from './law/rates.ts';
import { BUILT_IN_RATES, buildRateTable, RATE_PUBLISHERS } from './law/rates.ts';
import { smallClaimsFits } from './law/small-claims.ts';
import type { SentStep } from './ladder.ts';
import {
  compareUrgency,
  isLadderStage,
  ladderIndex,
  ladderPosition,
  needsWrittenRecord,
  stepRank,
} from './ladder.ts';
import { noticePeriod } from './law/notice-period.ts';
import type {
  AgingBucket,
  Client,
  ClientMessage,
  ClientReport,
  CurrencyTotals,
  IsoDate,
  Ledger,
  Milestone,
  MilestoneReport,
  NextAction,
  Payment,
  PromiseRow,
  PromiseState,
  Problem,
  RawLedger,
  Reminder,
  Report,
  SmallClaimsFit,
  Stage,
} from './model.ts';
import { currencyDigits, formatMoney } from './money.ts';
import type { ParseOptions, Parsed } from './parse.ts';
import { parseLedger } from './parse.ts';
import { problem } from './problems.ts';
import { TABS } from './tabs.ts';
import { isBusinessParty, isOpen, STEPS } from './stages.ts';
import type { Step } from './stages.ts';

export { isOpen };

/** Due date as typed, or the invoice date + the client's terms; null before invoicing. */
export function dueDateOf(m: Milestone, client: Client | undefined): IsoDate | null {
  if (m.dueDate) return m.dueDate;
  if (m.invoiceDate && client) return addDays(m.invoiceDate, client.terms);
  return null;
}

/** The aging bucket of an amount `daysOverdue` days late (null or ≤ 0 = current). */
export function agingBucket(daysOverdue: number | null): AgingBucket {
  if (daysOverdue === null || daysOverdue <= 0) return 'current';
  if (daysOverdue <= 30) return '1-30';
  if (daysOverdue <= 60) return '31-60';
  if (daysOverdue <= 90) return '61-90';
  return '90+';
}

function push<K, T>(map: Map<K, T[]>, key: K, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

export function emptyTotals(): CurrencyTotals {
  return {
    outstanding: 0,
    overdue: 0,
    lateInterest: 0,
    compensation: 0,
    aging: { current: 0, '1-30': 0, '31-60': 0, '61-90': 0, '90+': 0 },
  };
}

/**
 * What the law tables give the report: the rate table (built-in + `Rates` rows), and where
 * each milestone's missing rates are collected, to become one warning per law and period
 * for the whole ledger.
 */
export interface LawContext {
  rates: RateTable;
  missing: Array<MissingRate & { milestone: string; through: IsoDate | null }>;
}

/** The steps at which a sent written reminder must be on file, in prose (problem texts). */
const STEP_NAMES: Partial<Record<Stage, string>> = {
  stop_work: 'stop-work notice',
  demand: 'formal demand',
  small_claims: 'notice of court claim',
};

/** What a milestone's row is worked out from, besides the milestone itself. */
export interface MilestoneContext {
  client: Client | undefined;
  /** This milestone's payments dated on or before `today`. */
  payments: readonly Payment[];
  /** This milestone's Reminders rows dated on or before `today`. */
  reminders: readonly Reminder[];
  /** The client has a milestone, not cancelled, due after `today` (stop_work only then). */
  ongoingWork: boolean;
  /** The latest promise covering this milestone, dated on or before `today`, and its state. */
  promise: { row: PromiseRow; state: PromiseState } | null;
}

/**
 * The ladder step a Reminders row records: its Stage when that is a step of the ladder,
 * else its Template when that names one (a row logged with only the message id).
 */
export function reminderStep(r: Reminder): Step | null {
  if (r.stage !== null && (STEPS as readonly string[]).includes(r.stage) && r.stage !== 'current')
    return r.stage as Step;
  const t = r.template.trim().toLowerCase();
  return (STEPS as readonly string[]).includes(t) && t !== 'current' ? (t as Step) : null;
}

/** A Reminders row counts as sent unless its Channel is `draft` (PRODUCT.md, Evidence). */
export function isSent(r: Reminder): boolean {
  return r.channel !== 'draft';
}

/** Sent in writing: any channel but `draft` and `phone` (an empty Channel counts as written). */
export function isWritten(r: Reminder): boolean {
  return r.channel !== 'draft' && r.channel !== 'phone';
}

/** One milestone's report row, as of `today`. */
export function reportMilestone(
  m: Milestone,
  ctx: MilestoneContext,
  ledger: Pick<Ledger, 'settings'>,
  today: IsoDate,
  rowProblems: Problem[],
  law: LawContext = { rates: BUILT_IN_RATES, missing: [] },
): MilestoneReport {
  const { client, payments, reminders } = ctx;
  const tab = 'Milestones';
  const dueDate = dueDateOf(m, client);
  let paid = 0;
  let paidOn: IsoDate | null = null;
  const sorted = payments.length > 1 ? [...payments].sort((a, b) => (a.date < b.date ? -1 : 1)) : payments;
  for (const p of sorted) {
    paid += p.amount;
    if (paidOn === null && paid >= m.amount) paidOn = p.date;
  }
  if (paid > m.amount) {
    const locale = ledger.settings.locale;
    rowProblems.push(
      problem('overpaid', tab, m.row, 'Amount', {
        paid: formatMoney(paid, m.currency, locale),
        amount: formatMoney(m.amount, m.currency, locale),
      }),
    );
  }

  const grace = client?.grace ?? ledger.settings.defaultGrace;
  const days = dueDate === null ? null : daysBetween(dueDate, today);

  // The sent ladder messages, and the last Reminders row of any kind.
  const sent: SentStep[] = [];
  let last: Reminder | null = null;
  let written = false;
  // The last sent message of any step, the one after a broken promise too (7 days after it).
  let lastMessage: IsoDate | null = null;
  let brokenSentOn: IsoDate | null = null;
  for (const r of reminders) {
    if (last === null || r.sent > last.sent) last = r;
    const step = reminderStep(r);
    if (step === null || !isSent(r)) continue;
    if (lastMessage === null || r.sent > lastMessage) lastMessage = r.sent;
    if (isWritten(r)) written = true;
    if (step === 'broken_promise') {
      if (brokenSentOn === null || r.sent > brokenSentOn) brokenSentOn = r.sent;
      continue;
    }
    sent.push({ stage: step, on: r.sent });
  }

  let stage: Stage;
  let nextAction: NextAction | null = null;
  let lastSent: SentStep | null = null;
  if (m.status) stage = m.status;
  else if (paidOn !== null) stage = 'paid';
  else if (dueDate === null) stage = 'current';
  else {
    const business = client?.business ?? 'company';
    const position = ladderPosition({
      dueDate,
      today,
      grace,
      ongoingWork: ctx.ongoingWork,
      sent,
      noticeDays: noticePeriod(client?.jurisdiction ?? '', business).days,
      lastMessage,
    });
    stage = position.stage;
    nextAction = position.next;
    lastSent = position.lastSent;
    // A promise pauses the ladder while open; once broken, its own message comes first, then
    // the ladder resumes from the last step sent (PRODUCT.md, "Promises").
    const p = ctx.promise;
    if (p !== null && p.state === 'open') {
      stage = 'promised';
      nextAction = { stage: 'broken_promise', on: addDays(p.row.by, 1) };
    } else if (p !== null && p.state === 'broken' && (brokenSentOn === null || brokenSentOn <= p.row.by)) {
      stage = 'broken_promise';
      nextAction = { stage: 'broken_promise', on: addDays(p.row.by, 1) };
    }
  }
  if (lastSent === null && sent.length > 0) {
    for (const s of sent)
      if (
        lastSent === null ||
        s.on > lastSent.on ||
        (s.on === lastSent.on && ladderIndex(s.stage) > ladderIndex(lastSent.stage))
      )
        lastSent = s;
  }

  // A Payladder draft of the next message, made after the last sent one: send it, don't redraft.
  let draft: MilestoneReport['draft'] = null;
  if (nextAction !== null) {
    for (const r of reminders) {
      if (isSent(r) || reminderStep(r) !== nextAction.stage) continue;
      if (lastSent !== null && r.sent < lastSent.on) continue;
      if (draft === null || r.sent > draft.on) draft = { on: r.sent, link: r.link };
    }
  }

  const ended = stage === 'paid' || stage === 'cancelled';
  const outstanding = ended ? 0 : Math.max(0, m.amount - paid);
  const daysOverdue = ended ? null : days;

  if (needsWrittenRecord(stage) && !written) {
    rowProblems.push(
      problem('no_written_reminder', tab, m.row, 'Stage', { step: STEP_NAMES[stage] ?? stage }),
    );
  }

  // Statutory interest and compensation: B2B, setting on, a regime on file, and late.
  let lateInterest = 0;
  let interestRates: number[] = [];
  let interestThrough: IsoDate | null = null;
  let compensation = 0;
  let compensationCurrency = m.currency;
  const regime = client ? interestRegime(client.jurisdiction) : null;
  const wasLate = dueDate !== null && (paidOn !== null ? paidOn > dueDate : today > dueDate);
  // Cancelled, written-off and renegotiated amounts are not claimed (a payment plan's
  // instalments carry their own due dates); a manual Paid without payments has no date.
  const claimable =
    stage !== 'cancelled' &&
    stage !== 'written_off' &&
    stage !== 'renegotiated' &&
    (stage !== 'paid' || paidOn !== null);
  if (
    ledger.settings.statutoryInterest &&
    client !== undefined &&
    isBusinessParty(client.business) &&
    dueDate &&
    wasLate &&
    claimable
  ) {
    if (regime) {
      const result = statutoryInterest({
        regime,
        amount: m.amount,
        dueDate,
        payments: sorted,
        today,
        contractDate: client.contractDate,
        rates: law.rates,
      });
      lateInterest = result.interest;
      interestRates = result.ratesBp;
      interestThrough = result.interestThrough;
      for (const missing of result.missing)
        law.missing.push({ ...missing, milestone: m.id, through: result.interestThrough });
      // The compensation is owed in the law's currency whatever the invoice's (Directive
      // 2011/7/EU Art. 6: EUR 40; Late Payment Act s.5A: GBP). UK bands are set in pounds,
      // so a debt in another currency cannot be placed in a band: no figure, a warning.
      compensationCurrency = regimeCurrency(regime);
      if (regime !== 'UK' || m.currency === 'GBP') compensation = fixedCompensation(regime, m.amount);
      else {
        compensationCurrency = m.currency;
        rowProblems.push(
          problem('compensation_currency', tab, m.row, 'Compensation', {
            regimeCurrency: 'GBP',
            currency: m.currency,
          }),
        );
      }
    } else if (client.jurisdiction && !client.jurisdiction.startsWith('US-')) {
      rowProblems.push(
        problem('interest_not_on_file', tab, m.row, 'Late interest', { jurisdiction: client.jurisdiction }),
      );
    }
  }

  let smallClaims: SmallClaimsFit | null = null;
  if ((stage === 'demand' || stage === 'small_claims') && client) {
    const { limit, fits, court } = smallClaimsFits(client.jurisdiction, today, outstanding, m.currency);
    smallClaims = {
      jurisdiction: client.jurisdiction,
      limit: limit ? limit.limit * 10 ** currencyDigits(limit.currency) : null,
      currency: limit?.currency ?? null,
      fits,
      route: limit?.route ?? '',
      court,
      source: limit?.source ?? '',
    };
  }

  return {
    id: m.id,
    row: m.row,
    client: m.client,
    project: m.project,
    description: m.description,
    invoice: m.invoice,
    currency: m.currency,
    amount: m.amount,
    paid,
    outstanding,
    invoiceDate: m.invoiceDate,
    dueDate,
    daysOverdue,
    paidOn,
    stage,
    nextAction,
    lateInterest,
    interestRates,
    interestThrough,
    compensation,
    compensationCurrency,
    smallClaims,
    lastSent,
    draft,
    promise: ctx.promise
      ? {
          by: ctx.promise.row.by,
          amount: ctx.promise.row.amount,
          state: ctx.promise.state,
          row: ctx.promise.row.row,
          date: ctx.promise.row.date,
        }
      : null,
    lastReminder: last ? { sent: last.sent, stage: last.stage, channel: last.channel } : null,
    remindersLogged: reminders.length,
    problems: rowProblems,
  };
}

export interface ReportOptions {
  /**
   * The real today, when the report is as of another day (`--today`): entries dated after
   * it are warnings. Defaults to the report's own day.
   */
  realToday?: IsoDate;
}

/**
 * Computes the report as of `today` (PRODUCT.md, "As of a day"): payments, reminders and
 * change orders dated after `today` are left out; those dated after the real today are a
 * warning on their row. `problems` are the parse problems; report-time ones are added.
 */
export function computeReport(
  ledger: Ledger,
  problems: readonly Problem[],
  today: IsoDate,
  options: ReportOptions = {},
): Report {
  const realToday = options.realToday ?? today;
  const extra: Problem[] = [];
  const future = (tab: string, row: number, column: string, value: IsoDate) => {
    if (value > realToday) extra.push(problem('future_entry', tab, row, column, { value, today: realToday }));
  };
  const clientByName = new Map(ledger.clients.map((c) => [c.client, c]));
  const paymentsBy = new Map<string, Payment[]>();
  for (const p of ledger.payments) {
    future('Payments', p.row, 'Date', p.date);
    if (p.date <= today) push(paymentsBy, p.milestone, p);
  }
  const remindersBy = new Map<string, Reminder[]>();
  for (const r of ledger.reminders) {
    future('Reminders', r.row, 'Sent', r.sent);
    if (r.sent <= today) for (const id of r.milestones) push(remindersBy, id, r);
  }
  for (const c of ledger.changeOrders) {
    if (c.requested !== null) future('Change orders', c.row, 'Requested', c.requested);
    if (c.signed !== null) future('Change orders', c.row, 'Signed', c.signed);
  }
  // Promises as of today, and the latest one covering each milestone.
  const latestPromise = new Map<string, { row: PromiseRow; state: PromiseState }>();
  const promiseCounts = new Map<string, { kept: number; broken: number }>();
  const milestoneById = new Map(ledger.milestones.map((m) => [m.id, m]));
  for (const p of ledger.promises) {
    future('Promises', p.row, 'Date', p.date);
    if (p.date > today) continue;
    const state = promiseState(p, milestoneById, paymentsBy, today);
    const counts = promiseCounts.get(p.client) ?? { kept: 0, broken: 0 };
    if (state === 'kept') counts.kept++;
    if (state === 'broken') counts.broken++;
    promiseCounts.set(p.client, counts);
    for (const id of p.milestones) {
      const cur = latestPromise.get(id);
      if (!cur || p.date > cur.row.date || (p.date === cur.row.date && p.row > cur.row.row))
        latestPromise.set(id, { row: p, state });
    }
  }
  // Ongoing work: the client has a milestone, not cancelled, due after today.
  const ongoing = new Set<string>();
  for (const m of ledger.milestones) {
    if (m.status === 'cancelled') continue;
    const due = dueDateOf(m, clientByName.get(m.client));
    if (due !== null && due > today) ongoing.add(m.client);
  }
  const milestoneRowProblems = new Map<number, Problem[]>();
  for (const p of problems)
    if (p.tab === 'Milestones' && p.row !== null) push(milestoneRowProblems, p.row, p);
  const { table: rates, conflicts } = buildRateTable(ledger.rates);
  for (const c of conflicts)
    extra.push(
      problem('rate_overrides_builtin', 'Rates', c.row.row, 'Reference rate', {
        law: c.row.law,
        from: c.row.from,
        value: bpText(c.row.referenceBp),
        builtIn: bpText(c.builtInBp),
        source: c.builtInSource,
      }),
    );
  const law: LawContext = { rates, missing: [] };

  const milestones: MilestoneReport[] = new Array(ledger.milestones.length);
  const none: readonly Payment[] = [];
  const noReminders: readonly Reminder[] = [];
  for (let i = 0; i < ledger.milestones.length; i++) {
    const m = ledger.milestones[i] as Milestone;
    const parsed = milestoneRowProblems.get(m.row);
    const rowProblems: Problem[] = parsed ? parsed.slice() : [];
    const before = rowProblems.length;
    milestones[i] = reportMilestone(
      m,
      {
        client: clientByName.get(m.client),
        payments: paymentsBy.get(m.id) ?? none,
        reminders: remindersBy.get(m.id) ?? noReminders,
        ongoingWork: ongoing.has(m.client),
        promise: latestPromise.get(m.id) ?? null,
      },
      ledger,
      today,
      rowProblems,
      law,
    );
    for (let j = before; j < rowProblems.length; j++) extra.push(rowProblems[j] as Problem);
  }

  for (const p of missingRateProblems(law.missing)) extra.push(p);

  const totals: Record<string, CurrencyTotals> = {};
  const stageCounts: Record<string, number> = {};
  let dueTodayCount = 0;
  const byClient = new Map<string, MilestoneReport[]>();
  for (const m of milestones) push(byClient, m.client, m);
  for (const m of milestones) {
    stageCounts[m.stage] = (stageCounts[m.stage] ?? 0) + 1;
    if (m.nextAction && m.nextAction.on <= today) dueTodayCount++;
    const t = (totals[m.currency] ??= emptyTotals());
    if (m.stage !== 'cancelled' && m.stage !== 'written_off') {
      t.lateInterest += m.lateInterest;
      // Each amount in its own currency: €40 on a USD invoice goes to the EUR totals.
      if (m.compensation > 0)
        (totals[m.compensationCurrency] ??= emptyTotals()).compensation += m.compensation;
    }
    if (!isOpen(m.stage)) continue;
    t.outstanding += m.outstanding;
    if ((m.daysOverdue ?? 0) >= 1) t.overdue += m.outstanding;
    t.aging[agingBucket(m.daysOverdue)] += m.outstanding;
  }

  const clients: ClientReport[] = ledger.clients.map((c) => {
    const ms = byClient.get(c.client) ?? [];
    const outstanding: Record<string, number> = {};
    const overdue: Record<string, number> = {};
    let worstStage: Stage | null = null;
    let maxDaysOverdue: number | null = null;
    let nextAction: NextAction | null = null;
    const dueToday: string[] = [];
    for (const m of ms) {
      if (worstStage === null || compareUrgency(m.stage, worstStage) < 0) worstStage = m.stage;
      if (m.nextAction) {
        if (nextAction === null || m.nextAction.on < nextAction.on) nextAction = m.nextAction;
        if (m.nextAction.on <= today) dueToday.push(m.id);
      }
      if (!isOpen(m.stage)) continue;
      outstanding[m.currency] = (outstanding[m.currency] ?? 0) + m.outstanding;
      if ((m.daysOverdue ?? 0) >= 1) {
        overdue[m.currency] = (overdue[m.currency] ?? 0) + m.outstanding;
        if (maxDaysOverdue === null || (m.daysOverdue ?? 0) > maxDaysOverdue) maxDaysOverdue = m.daysOverdue;
      }
    }
    const behaviour = paymentBehaviour(ms.filter((m) => m.stage === 'paid'));
    return {
      client: c.client,
      row: c.row,
      worstStage,
      outstanding,
      overdue,
      maxDaysOverdue,
      avgDaysLate: behaviour.avgDaysLate,
      onTimeShare: behaviour.onTimeShare,
      paidMilestones: behaviour.count,
      promisesKept: promiseCounts.get(c.client)?.kept ?? 0,
      promisesBroken: promiseCounts.get(c.client)?.broken ?? 0,
      nextAction,
      dueToday,
      ongoingWork: ongoing.has(c.client),
      message: clientMessage(ms, today),
      milestones: ms.map((m) => m.id),
    };
  });
  clients.sort(compareClients);
  let messagesDue = 0;
  for (const c of clients) if (c.message !== null) messagesDue++;

  return {
    today,
    milestones,
    clients,
    totals,
    stageCounts,
    dueTodayCount,
    messagesDue,
    problems: sortProblems([...problems, ...extra]),
  };
}

/**
 * Kept when the payments on the promise's milestones dated from the promise through
 * `Promised by` reach the promised amount (or everything outstanding on them when Amount is
 * empty); else open until `Promised by`, broken after it. Minor units throughout.
 */
export function promiseState(
  p: PromiseRow,
  milestones: ReadonlyMap<string, Milestone>,
  paymentsBy: ReadonlyMap<string, readonly Payment[]>,
  today: IsoDate,
): PromiseState {
  const until = p.by < today ? p.by : today;
  let paidSince = 0;
  let owedAtPromise = 0;
  for (const id of p.milestones) {
    const m = milestones.get(id);
    let before = 0;
    for (const pay of paymentsBy.get(id) ?? []) {
      if (pay.date < p.date) before += pay.amount;
      else if (pay.date <= until) paidSince += pay.amount;
    }
    if (m) owedAtPromise += Math.max(0, m.amount - before);
  }
  const target = p.amount ?? owedAtPromise;
  if (paidSince >= target) return 'kept';
  return p.by >= today ? 'open' : 'broken';
}

/** Steps that travel together in one message; every other step goes alone. */
const TRAVEL_TOGETHER: ReadonlySet<Stage> = new Set<Stage>(['reminder', 'followup', 'final']);

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
  const byStep = (m: MilestoneReport) => stepRank((m.nextAction as NextAction).stage);
  due.sort((a, b) => byStep(b) - byStep(a) || compareMilestones(a, b));
  const top = due[0] as MilestoneReport;
  const step = (top.nextAction as NextAction).stage;
  const together = TRAVEL_TOGETHER.has(step);
  const covered = due.filter(
    (m) =>
      m.currency === top.currency &&
      (together ? TRAVEL_TOGETHER.has((m.nextAction as NextAction).stage) : m.nextAction?.stage === step),
  );
  covered.sort(compareMilestones);
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

/** 215 → "2.15", -50 → "-0.50". */
function bpText(bp: number): string {
  return (bp / 100).toFixed(2);
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
/** `2026-07-01` → "1 July 2026" (problem texts are English, like the rest of them). */
function longDate(iso: IsoDate): string {
  return `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1] ?? ''} ${iso.slice(0, 4)}`;
}

/**
 * One warning per law and missing period for the whole ledger (PRODUCT.md: "not one per
 * milestone"), naming the official source and the exact `Rates` row that covers it.
 */
export function missingRateProblems(missing: LawContext['missing']): Problem[] {
  const groups = new Map<string, LawContext['missing']>();
  for (const m of missing) push(groups, `${m.law}|${m.from}`, m);
  const out: Problem[] = [];
  for (const list of [...groups.values()].sort((a, b) =>
    `${a[0]?.law}${a[0]?.from}` < `${b[0]?.law}${b[0]?.from}` ? -1 : 1,
  )) {
    const first = list[0];
    if (!first) continue;
    const ids = [...new Set(list.map((m) => m.milestone))];
    const gb = first.law === 'GB';
    // EU/IT: counting stops the day before the missing half-year (debts due later: none).
    // UK: the rate is fixed for the whole debt on the reference date, so nothing counts.
    const anyCounted = list.some((m) => m.through !== null);
    const through =
      gb || !anyCounted ? 'is not counted' : `is counted only to ${longDate(addDays(first.from, -1))}`;
    out.push(
      problem('interest_rate_unknown', 'Rates', null, null, {
        law: first.law,
        period: gb
          ? `for ${longDate(first.from)} (it fixes the rate for debts whose interest starts from ${longDate(addDays(first.from, 1))} to ${longDate(addDays(addMonths(addDays(first.from, 1), 6), -1))})`
          : `for the half-year from ${longDate(first.from)}`,
        count: ids.length,
        // "is counted only to 30 June 2026" / "is not counted".
        ids: ids.length > 5 ? `${ids.slice(0, 5).join(', ')}…` : ids.join(', '),
        through,
        publisher: RATE_PUBLISHERS[first.law],
        from: first.from,
        what: gb
          ? `<the Bank Rate in force on ${longDate(first.from)}>`
          : `<the ECB main refinancing rate in force on ${longDate(first.from)}>`,
        sourceHint:
          first.law === 'IT'
            ? '<the Gazzetta Ufficiale notice, e.g. "GU n.…, <date>">'
            : first.law === 'EU'
              ? '<the ECB page or decision you read>'
              : '<the Bank of England page you read>',
      }),
    );
  }
  return out;
}

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
function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort(
    (a, b) =>
      (TAB_ORDER.get(a.tab) ?? 99) - (TAB_ORDER.get(b.tab) ?? 99) ||
      (a.row ?? 0) - (b.row ?? 0) ||
      (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1),
  );
}

/** Parse + compute in one call: what every surface does with raw rows. */
export function buildReport(
  raw: RawLedger,
  today: IsoDate,
  opts: ParseOptions & ReportOptions = {},
): Parsed & { report: Report } {
  const parsed = parseLedger(raw, opts);
  return { ...parsed, report: computeReport(parsed.ledger, parsed.problems, today, opts) };
}
