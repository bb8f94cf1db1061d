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
  Client,
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
import type { Joins, ParseOptions, Parsed } from './parse.ts';
import { parseWithJoins } from './parse.ts';
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
  // Indexed loops over the whole ledger's rows here and below: this runs once per report,
  // and a for-of not yet optimized allocates an iterator result per row (bench/core.ts).
  for (let i = 0; i < milestones.length; i++) {
    const m = milestones[i] as MilestoneReport;
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
  for (let i = 0; i < milestones.length; i++) {
    const m = milestones[i] as MilestoneReport;
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
  return joinedReport(ledger, problems, today, options, null);
}

/** `computeReport`, joining rows to milestones by the positions `joins` notes when given. */
function joinedReport(
  ledger: Ledger,
  problems: readonly Problem[],
  today: IsoDate,
  options: ReportOptions,
  joins: Joins | null,
): Report {
  const realToday = options.realToday ?? today;
  const extra: Problem[] = [];
  const future = (tab: string, row: number, column: string, value: IsoDate) => {
    if (value > realToday) extra.push(problem('future_entry', tab, row, column, { value, today: realToday }));
  };
  // What each milestone gathers from the other tabs: joined by the positions parse noted
  // when it gives them (buildReport), else by ID, one lookup per milestone (ID lookups led
  // the profile of a 100,000-milestone ledger, bench/core.ts).
  const linksAt: (MilestoneLinks | undefined)[] = new Array(ledger.milestones.length);
  let byId: Map<string, MilestoneLinks> | null = joins ? null : new Map();
  for (let i = 0; i < ledger.payments.length; i++) {
    const p = ledger.payments[i] as Payment;
    future('Payments', p.row, 'Date', p.date);
    if (p.date > today) continue;
    const l = byId ? linksOf(byId, p.milestone) : linkAt(linksAt, (joins as Joins).payments[i] as number);
    (l.payments ??= []).push(p);
  }
  for (let i = 0; i < ledger.reminders.length; i++) {
    const r = ledger.reminders[i] as Reminder;
    future('Reminders', r.row, 'Sent', r.sent);
    if (r.sent > today) continue;
    const positions = joins?.reminders[i];
    for (let k = 0; k < r.milestones.length; k++) {
      const l = positions
        ? linkAt(linksAt, positions[k] as number)
        : linksOf(byId!, r.milestones[k] as string);
      (l.reminders ??= []).push(r);
    }
  }
  for (const c of ledger.changeOrders) {
    if (c.requested !== null) future('Change orders', c.row, 'Requested', c.requested);
    if (c.signed !== null) future('Change orders', c.row, 'Signed', c.signed);
  }
  // Promises as of today, and the latest one covering each milestone.
  const promiseCounts = new Map<string, { kept: number; broken: number }>();
  if (ledger.promises.length > 0) {
    // Promises are joined by ID: with positions, each milestone's links go under its ID
    // first (parse reads each ID once).
    byId ??= new Map(ledger.milestones.map((m, i) => [m.id, linkAt(linksAt, i)]));
    const links = byId;
    const milestoneById = new Map(ledger.milestones.map((m) => [m.id, m]));
    const paymentsBy = { get: (id: string) => links.get(id)?.payments ?? undefined };
    for (const p of ledger.promises) {
      future('Promises', p.row, 'Date', p.date);
      if (p.date > today) continue;
      const state = promiseState(p, milestoneById, paymentsBy, today);
      const counts = promiseCounts.get(p.client) ?? { kept: 0, broken: 0 };
      if (state === 'kept') counts.kept++;
      if (state === 'broken') counts.broken++;
      promiseCounts.set(p.client, counts);
      for (const id of p.milestones) {
        const l = linksOf(links, id);
        const cur = l.promise;
        if (!cur || p.date > cur.row.date || (p.date === cur.row.date && p.row > cur.row.row))
          l.promise = { row: p, state };
      }
    }
  }
  const slots = new Map<string, ClientSlot>();
  for (let i = 0; i < ledger.clients.length; i++) {
    const c = ledger.clients[i] as Client;
    slots.set(c.client, { client: c, ongoing: false, reports: [] });
  }
  // Ongoing work: the client has a milestone, not cancelled, due after today.
  const slotOf: ClientSlot[] = new Array(ledger.milestones.length);
  for (let i = 0; i < ledger.milestones.length; i++) {
    const m = ledger.milestones[i] as Milestone;
    const slot = clientSlot(slots, m.client);
    slotOf[i] = slot;
    if (m.status === 'cancelled') continue;
    const due = dueDateOf(m, slot.client);
    if (due !== null && due > today) slot.ongoing = true;
  }
  const milestoneRowProblems = new Map<number, Problem[]>();
  for (let i = 0; i < problems.length; i++) {
    const p = problems[i] as Problem;
    if (p.tab === 'Milestones' && p.row !== null) push(milestoneRowProblems, p.row, p);
  }
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
    const slot = slotOf[i] as ClientSlot;
    const l = joins ? linksAt[i] : (byId as Map<string, MilestoneLinks>).get(m.id);
    const parsed = milestoneRowProblems.get(m.row);
    const rowProblems: Problem[] = parsed ? parsed.slice() : [];
    const before = rowProblems.length;
    const report = reportMilestone(
      m,
      {
        client: slot.client,
        payments: l?.payments ?? none,
        reminders: l?.reminders ?? noReminders,
        ongoingWork: slot.ongoing,
        promise: l?.promise ?? null,
      },
      ledger,
      today,
      rowProblems,
      law,
    );
    milestones[i] = report;
    slot.reports.push(report);
    for (let j = before; j < rowProblems.length; j++) extra.push(rowProblems[j] as Problem);
  }

  for (const p of missingRateProblems(law.missing)) extra.push(p);

  const totals = currencyTotals(milestones);

  const clients: ClientReport[] = ledger.clients.map((c) => {
    // Every client has a slot; the last of two clients with one name holds the record.
    const slot = slots.get(c.client) as ClientSlot;
    const ms = slot.reports;
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
      ongoingWork: slot.ongoing,
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

/** What a milestone ID gathers from the other tabs as of the report's day. */
interface MilestoneLinks {
  /** Its payments dated on or before the day, in tab order; null when none. */
  payments: Payment[] | null;
  /** The Reminders rows naming it dated on or before the day, in tab order; null when none. */
  reminders: Reminder[] | null;
  /** The latest promise covering it, dated on or before the day, and its state. */
  promise: { row: PromiseRow; state: PromiseState } | null;
}

function linksOf(links: Map<string, MilestoneLinks>, id: string): MilestoneLinks {
  let l = links.get(id);
  if (l === undefined) {
    l = { payments: null, reminders: null, promise: null };
    links.set(id, l);
  }
  return l;
}

function linkAt(links: (MilestoneLinks | undefined)[], position: number): MilestoneLinks {
  return (links[position] ??= { payments: null, reminders: null, promise: null });
}

/**
 * A client name's record (undefined when no Clients row has the name), whether work with
 * them is ongoing, and their milestones' report rows in ledger order.
 */
interface ClientSlot {
  client: Client | undefined;
  ongoing: boolean;
  reports: MilestoneReport[];
}

function clientSlot(slots: Map<string, ClientSlot>, name: string): ClientSlot {
  let slot = slots.get(name);
  if (slot === undefined) {
    slot = { client: undefined, ongoing: false, reports: [] };
    slots.set(name, slot);
  }
  return slot;
}

/**
 * Parse + compute in one call: what every surface does with raw rows. The day may depend on
 * the ledger (its own time zone, Settings → Time zone): a function is asked once parse is
 * done, and may give the real today too (ReportOptions.realToday). The report then links
 * rows by the positions parse found, not by ID text again.
 */
export function buildReport(
  raw: RawLedger,
  today: IsoDate | ((ledger: Ledger) => { today: IsoDate; realToday?: IsoDate }),
  opts: ParseOptions & ReportOptions = {},
): Parsed & { report: Report; today: IsoDate } {
  const { parsed, joins } = parseWithJoins(raw, opts);
  const day = typeof today === 'function' ? today(parsed.ledger) : { today };
  const options = day.realToday === undefined ? opts : { ...opts, realToday: day.realToday };
  const report = joinedReport(parsed.ledger, parsed.problems, day.today, options, joins);
  return { ...parsed, today: day.today, report };
}
