/** A client's payment behaviour, from their paid milestones (PRODUCT.md, "Other rules"). */
import { daysBetween } from './dates.ts';
import type { IsoDate } from './model.ts';

export interface PaidRecord {
  dueDate: IsoDate | null;
  /** The date of the payment that completed the milestone. */
  paidOn: IsoDate | null;
}

export interface Behaviour {
  /** Mean days late over paid milestones, an on-time payment counting 0; null with none. */
  avgDaysLate: number | null;
  /** Share (0..1) paid on or before the due date; null with none. */
  onTimeShare: number | null;
  /** How many paid milestones the figures rest on. */
  count: number;
}

export function paymentBehaviour(records: Iterable<PaidRecord>): Behaviour {
  let count = 0;
  let late = 0;
  let onTime = 0;
  for (const r of records) {
    if (!r.dueDate || !r.paidOn) continue;
    const days = daysBetween(r.dueDate, r.paidOn);
    count++;
    if (days <= 0) onTime++;
    else late += days;
  }
  if (count === 0) return { avgDaysLate: null, onTimeShare: null, count };
  return { avgDaysLate: Math.round((late / count) * 10) / 10, onTimeShare: onTime / count, count };
}
