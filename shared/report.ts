/**
 * The typed ledger → the report every surface shows: each milestone's stage, next action,
 * interest and small-claims fit; each client's worst stage and behaviour; totals per
 * currency with aging; and every problem. Pure: `today` comes in.
 */
import { paymentBehaviour } from './behaviour.ts';
import { pushTo as push } from './collections.ts';
import { buildRateTable } from './law/rates.ts';
import { compareUrgency } from './ladder.ts';
import type {
  AgingBucket,
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
  Stage,
} from './model.ts';
import type { ParseOptions, Parsed } from './parse.ts';
import { parseLedger } from './parse.ts';
import { problem } from './problems.ts';
import { clientMessage } from './report/client-message.ts';
import { dueDateOf, reportMilestone } from './report/milestone.ts';
import { compareClients, sortProblems } from './report/order.ts';
import { promiseState } from './report/promise-state.ts';
import type { LawContext } from './report/rate-problems.ts';
import { missingRateProblems } from './report/rate-problems.ts';
import { isOpen } from './stages.ts';

export { isOpen };
export type { MilestoneContext } from './report/milestone.ts';
export { dueDateOf, isSent, isWritten, reminderStep, reportMilestone } from './report/milestone.ts';
export { clientMessage } from './report/client-message.ts';
export { compareClients, compareMilestones } from './report/order.ts';
export { promiseState } from './report/promise-state.ts';
export type { LawContext } from './report/rate-problems.ts';
export { missingRateProblems } from './report/rate-problems.ts';

/** The aging bucket of an amount `daysOverdue` days late (null or ≤ 0 = current). */
export function agingBucket(daysOverdue: number | null): AgingBucket {
  if (daysOverdue === null || daysOverdue <= 0) return 'current';
  if (daysOverdue <= 30) return '1-30';
  if (daysOverdue <= 60) return '31-60';
  if (daysOverdue <= 90) return '61-90';
  return '90+';
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
 * The report's counts over these milestones and their clients: milestones per stage, next
 * actions due by `today`, and messages due (one per client): the whole ledger's in the
 * report, one client's in the CLI's `--client`.
 */
export function reportCounts(
  milestones: readonly MilestoneReport[],
  clients: readonly ClientReport[],
  today: IsoDate,
): Pick<Report, 'stageCounts' | 'dueTodayCount' | 'messagesDue'> {
  const stageCounts: Record<string, number> = {};
  let dueTodayCount = 0;
  for (const m of milestones) {
    stageCounts[m.stage] = (stageCounts[m.stage] ?? 0) + 1;
    if (m.nextAction && m.nextAction.on <= today) dueTodayCount++;
  }
  let messagesDue = 0;
  for (const c of clients) if (c.message !== null) messagesDue++;
  return { stageCounts, dueTodayCount, messagesDue };
}

/**
 * Outstanding, overdue, aging, interest and compensation per currency (minor units) over
 * these milestones: the whole ledger's in the report, one client's in the CLI's `--client`.
 */
export function currencyTotals(milestones: readonly MilestoneReport[]): Record<string, CurrencyTotals> {
  const totals: Record<string, CurrencyTotals> = {};
  for (const m of milestones) {
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
  return totals;
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
        value: c.row.referenceBp / 100,
        builtIn: c.builtInBp / 100,
        source: c.builtInSource,
      }),
    );
  const law: LawContext = { rates, missing: new Map() };

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

  const totals = currencyTotals(milestones);
  const byClient = new Map<string, MilestoneReport[]>();
  for (const m of milestones) push(byClient, m.client, m);

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

  return {
    today,
    milestones,
    clients,
    totals,
    ...reportCounts(milestones, clients, today),
    problems: sortProblems([...problems, ...extra]),
  };
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
