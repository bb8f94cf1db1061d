/** Whether a client's promise (PRODUCT.md, "Promises") was kept, is open, or was broken. */
import type { IsoDate, Milestone, Payment, PromiseRow, PromiseState } from '../model.ts';

/**
 * Kept when the payments on the promise's milestones dated from the promise through
 * `Promised by` reach the promised amount (or everything outstanding on them when Amount is
 * empty); else open until `Promised by`, broken after it. Minor units throughout.
 */
export function promiseState(
  p: PromiseRow,
  milestones: Pick<ReadonlyMap<string, Milestone>, 'get'>,
  paymentsBy: Pick<ReadonlyMap<string, readonly Payment[]>, 'get'>,
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
