/**
 * The popup's list of promises due in the next days (issue 11): each open promise once,
 * with the milestones it covers, soonest first. Kept apart from promises.ts, which carries
 * the date parser: the popup's bundle reads this file's schema.
 */
import * as z from 'zod';
import type { Report } from '../../shared/index.ts';
import { IsoDate, addDays } from '../../shared/index.ts';

/** Promises due within this many days from today (today included) are listed. */
export const PROMISES_DUE_DAYS = 7;
export const PROMISES_DUE_SHOWN = 10;

export const PromiseDue = z.object({
  client: z.string(),
  milestones: z.array(z.string()),
  by: IsoDate,
  /** Minor units of `currency`; null = everything outstanding on the milestones. */
  amount: z.number().int().nullable(),
  currency: z.string(),
  /** What is still outstanding on the milestones (minor units of `currency`). */
  outstanding: z.number().int(),
});
export type PromiseDue = z.infer<typeof PromiseDue>;

export function promisesDue(report: Report): PromiseDue[] {
  const last = addDays(report.today, PROMISES_DUE_DAYS - 1);
  // A promise on several milestones shows on each of them: one line per Promises row.
  const byRow = new Map<number, PromiseDue>();
  for (const m of report.milestones) {
    const p = m.promise;
    if (!p || p.state !== 'open' || p.by < report.today || p.by > last || m.outstanding <= 0) continue;
    const line = byRow.get(p.row);
    if (line) {
      line.milestones.push(m.id);
      if (m.currency === line.currency) line.outstanding += m.outstanding;
      continue;
    }
    byRow.set(p.row, {
      client: m.client,
      milestones: [m.id],
      by: p.by,
      amount: p.amount,
      currency: m.currency,
      outstanding: m.outstanding,
    });
  }
  return [...byRow.values()]
    .sort((a, b) => (a.by < b.by ? -1 : a.by > b.by ? 1 : a.client.localeCompare(b.client)))
    .slice(0, PROMISES_DUE_SHOWN);
}
