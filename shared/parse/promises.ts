/**
 * The Promises tab (optional; PRODUCT.md, "Promises"): what a client promised to pay, by
 * when, for which milestones.
 */
import type { Milestone, PromiseRow, Settings } from '../model.ts';
import type { ClientIndex } from './clients.ts';
import { namedClient } from './clients.ts';
import type { MilestoneIndex } from './milestones.ts';
import { milestoneRefs } from './milestones.ts';
import type { TabReader } from './reader.ts';

export function parsePromises(
  tab: TabReader,
  clients: ClientIndex,
  milestones: MilestoneIndex,
  settings: Settings,
): PromiseRow[] {
  const promises: PromiseRow[] = [];
  if (!tab.check(false)) return promises;
  tab.forEachRow((r) => {
    const date = r.date('Date', true);
    const by = r.date('Promised by', true);
    const ms = milestoneRefs(milestones, r);
    const first = ms[0] ?? null;
    const amount = r.amount('Amount', first?.currency ?? settings.defaultCurrency ?? 'EUR', false);
    if (date && by && by < date) r.fail('promise_before_made', 'Promised by', { value: by, date });
    if (r.failed || !date || !by || ms.length === 0 || ms.some((m) => m === null)) return;
    promises.push({
      row: r.row,
      date,
      milestones: ms.map((m) => (m as Milestone).id),
      client: namedClient(clients, r, first?.client ?? ''),
      amount,
      by,
      source: r.text('Source'),
      note: r.text('Note'),
    });
  });
  return promises;
}
