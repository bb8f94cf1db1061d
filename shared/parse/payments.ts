/** The Payments tab (optional): money received, one payment to one milestone a row. */
import type { Payment, Settings } from '../model.ts';
import type { MilestoneIndex } from './milestones.ts';
import { milestoneRef, positionOf } from './milestones.ts';
import type { TabReader } from './reader.ts';

/** `positions` gets the position in `milestones` of each payment's milestone, payment by payment. */
export function parsePayments(
  tab: TabReader,
  milestones: MilestoneIndex,
  settings: Settings,
  positions: number[] = [],
): Payment[] {
  const payments: Payment[] = [];
  if (!tab.check(false)) return payments;
  tab.forEachRow((r) => {
    const date = r.date('Date', true);
    const id = r.required('Milestone');
    const m = id === null ? null : milestoneRef(milestones, r, 'Milestone', id);
    const amount = r.amount('Amount', m?.currency ?? settings.defaultCurrency ?? 'EUR');
    if (r.failed || !m || !date || amount === null) return;
    if (m.invoiceDate && date < m.invoiceDate) {
      r.report('payment_before_invoice', 'Date', { value: date, invoiceDate: m.invoiceDate });
    }
    positions.push(positionOf(milestones, m));
    payments.push({
      row: r.row,
      date,
      milestone: m.id,
      amount,
      method: r.text('Method'),
      note: r.text('Note'),
    });
  });
  return payments;
}
