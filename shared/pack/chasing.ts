/**
 * The pack's chasing record: every Reminders row (drafts and calls as what they are), each
 * dispute, and the promises the client made (PRODUCT.md, "Promises"), in date order.
 */
import { promiseState } from '../report/promise-state.ts';
import type { PackChase, PackEvent } from './types.ts';
import type { PackScope } from './scope.ts';
import { invoicesOf } from './scope.ts';

export function chasingSection(scope: PackScope, events: readonly PackEvent[]): PackChase[] {
  const { ledger, report, reminders, ids, byId, paymentsOf, client, today } = scope;
  const chasing: PackChase[] = reminders.map((r) => ({
    date: r.sent,
    kind: 'message',
    stage: r.stage,
    channel: r.channel,
    milestones: r.milestones,
    invoice: invoicesOf(scope, r.milestones),
    to: r.to,
    subject: r.subject,
    // A draft's link opens the user's own Gmail drafts: nothing a lawyer or a court can use.
    link: r.channel === 'draft' ? '' : r.link,
    source: { tab: 'Reminders', row: r.row },
  }));
  for (const ev of events)
    if (ev.kind === 'dispute')
      chasing.push({
        date: ev.date,
        kind: 'dispute',
        stage: 'disputed',
        channel: null,
        milestones: ev.milestones,
        invoice: ev.invoice,
        to: '',
        // The reason, as the Status note says it (empty when none was written).
        subject: ev.milestones.map((id) => byId.get(id)?.statusNote ?? '').find((n) => n !== '') ?? '',
        link: '',
        source: ev.source,
      });
  // Promises the client made (PRODUCT.md, "Promises"), with where they were made.
  const promiseStateOf = new Map(
    report.milestones.flatMap((m) => (m.promise ? [[m.promise.row, m.promise.state] as const] : [])),
  );
  for (const p of ledger.promises) {
    if (p.date > today || !p.milestones.some((id) => ids.has(id))) continue;
    const state = promiseStateOf.get(p.row) ?? promiseState(p, byId, paymentsOf, today);
    chasing.push({
      date: p.date,
      kind: 'promise',
      stage: state === 'broken' ? 'broken_promise' : 'promised',
      channel: null,
      milestones: p.milestones,
      invoice: invoicesOf(scope, p.milestones),
      to: '',
      subject: '',
      link: p.source,
      source: { tab: 'Promises', row: p.row },
      promise: {
        amount: p.amount,
        currency: byId.get(p.milestones[0] ?? '')?.currency ?? client.currency,
        by: p.by,
        state,
      },
    });
  }
  chasing.sort(
    (a, b) =>
      (a.date === b.date ? 0 : a.date === null ? 1 : b.date === null ? -1 : a.date < b.date ? -1 : 1) ||
      a.source.tab.localeCompare(b.source.tab) ||
      a.source.row - b.source.row,
  );
  return chasing;
}
