/**
 * The pack's account: the client's milestones as the report computed them, the totals per
 * currency, and the statement of account (every billed milestone and its payments, per
 * currency, in date order), with the milestones left out of it and why.
 */
import { pushTo } from '../collections.ts';
import { isOpen } from '../stages.ts';
import { compareMilestones } from '../report/order.ts';
import type { PackExcluded, PackMilestone, PackStatement, PackTotals, StatementLine } from './types.ts';
import type { PackScope } from './scope.ts';
import { describe } from './scope.ts';

/** The report's lines of the client's milestones, in the report's order, with invoice dates. */
export function packMilestonesOf(scope: PackScope): PackMilestone[] {
  const { reports, byId } = scope;
  return [...reports.values()].sort(compareMilestones).map((r) => {
    const m = byId.get(r.id);
    return { ...r, invoiceDate: m?.invoiceDate ?? null, changeOrder: m?.changeOrder ?? '' };
  });
}

// Not invoiced and no due date: work not billed yet is no debt, in no figure of the pack.
const notInvoiced = (m: PackMilestone) => m.invoiceDate === null && m.dueDate === null;

/** Totals per currency. */
export function totalsSection(packMilestones: readonly PackMilestone[]): PackTotals[] {
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

  // In the order first met (the small-claims lines follow it); the pack sorts them by currency.
  return [...totals.values()];
}

export function statementSection(
  scope: PackScope,
  packMilestones: readonly PackMilestone[],
): { statement: PackStatement[]; excluded: PackExcluded[] } {
  const { paymentsOf, byId, today } = scope;
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
    if (rest < 0) pushTo(overpaid, m.currency, { milestone: m.id, amount: -rest });
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

  return { statement, excluded };
}
