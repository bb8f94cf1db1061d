/**
 * The report as one JSON document for machines (`payladder --json`): amounts in major units
 * rounded to the currency's minor unit, stages as PRODUCT.md's ids, `tab` the tab name.
 * Problems keep their shape: `code` for machines, `message` and `fix` in English (written
 * here from the code and params, money and dates in the ledger's `locale`).
 */
import type { MilestoneReport, Report } from './model.ts';
import { toMajor } from './money.ts';
import { problemText } from './problems.ts';

const majors = (amounts: Record<string, number>) =>
  Object.fromEntries(Object.entries(amounts).map(([c, v]) => [c, toMajor(v, c)]));

export function milestoneJson(m: MilestoneReport) {
  const major = (v: number) => toMajor(v, m.currency);
  return {
    id: m.id,
    client: m.client,
    project: m.project,
    description: m.description,
    invoice: m.invoice,
    currency: m.currency,
    amount: major(m.amount),
    paid: major(m.paid),
    outstanding: major(m.outstanding),
    dueDate: m.dueDate,
    daysOverdue: m.daysOverdue,
    stage: m.stage,
    nextAction: m.nextAction,
    lastSent: m.lastSent,
    draft: m.draft,
    promise: m.promise
      ? {
          by: m.promise.by,
          amount: m.promise.amount === null ? null : major(m.promise.amount),
          state: m.promise.state,
        }
      : null,
    lateInterest: major(m.lateInterest),
    interestRates: m.interestRates.map((bp) => bp / 100),
    interestThrough: m.interestThrough,
    compensation: toMajor(m.compensation, m.compensationCurrency),
    compensationCurrency: m.compensationCurrency,
    smallClaims: m.smallClaims
      ? {
          limit:
            m.smallClaims.limit === null || !m.smallClaims.currency
              ? null
              : toMajor(m.smallClaims.limit, m.smallClaims.currency),
          currency: m.smallClaims.currency,
          fits: m.smallClaims.fits,
          route: m.smallClaims.route,
          court: m.smallClaims.court,
        }
      : null,
    lastReminder: m.lastReminder,
    row: m.row,
  };
}

export function toJsonReport(report: Report, locale?: string) {
  return {
    today: report.today,
    milestones: report.milestones.map(milestoneJson),
    clients: report.clients.map((c) => ({
      client: c.client,
      worstStage: c.worstStage,
      outstanding: majors(c.outstanding),
      overdue: majors(c.overdue),
      maxDaysOverdue: c.maxDaysOverdue,
      avgDaysLate: c.avgDaysLate,
      onTimeShare: c.onTimeShare,
      nextAction: c.nextAction,
      dueToday: c.dueToday,
      ongoingWork: c.ongoingWork,
      behaviour: {
        avgDaysLate: c.avgDaysLate,
        onTimeShare: c.onTimeShare,
        paidMilestones: c.paidMilestones,
        promisesKept: c.promisesKept,
        promisesBroken: c.promisesBroken,
      },
      message: c.message
        ? {
            messageId: c.message.messageId,
            milestones: c.message.milestones,
            overdue: toMajor(c.message.overdue, c.message.currency),
            currency: c.message.currency,
            drafted: c.message.drafted,
          }
        : null,
    })),
    totals: Object.fromEntries(
      Object.entries(report.totals).map(([cur, t]) => [
        cur,
        {
          outstanding: toMajor(t.outstanding, cur),
          overdue: toMajor(t.overdue, cur),
          lateInterest: toMajor(t.lateInterest, cur),
          compensation: toMajor(t.compensation, cur),
          aging: majors(t.aging),
        },
      ]),
    ),
    stageCounts: report.stageCounts,
    dueTodayCount: report.dueTodayCount,
    messagesDue: report.messagesDue,
    problems: report.problems.map((p) => {
      const t = problemText(p, 'en', locale);
      return {
        tab: p.tab,
        row: p.row,
        column: p.column,
        severity: p.severity,
        code: p.code,
        message: t.message,
        fix: t.fix,
      };
    }),
  };
}
export type JsonReport = ReturnType<typeof toJsonReport>;
