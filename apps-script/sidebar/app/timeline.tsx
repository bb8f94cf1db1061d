import type { IsoDate, MilestoneReport, Payment, Reminder } from '../../../shared/model.ts';
import type { Messages } from '../i18n/index.ts';
import type { Formatter } from '../i18n/formatter.ts';
import { useStore } from './context.ts';

export interface TimelineEvent {
  date: IsoDate;
  kind: 'due' | 'payment' | 'reminder';
  text: string;
  /** Second line (a reminder's subject), or ''. */
  detail: string;
  /** Ledger row, for a stable key. */
  key: string;
}

/** Same-day order: the invoice falls due, then money comes in, then a reminder goes out. */
const KIND_ORDER = { due: 0, payment: 1, reminder: 2 } as const;

/**
 * The client's history, newest first: each milestone's due date, every payment, every
 * reminder logged. The view has no invoice dates, so an invoice appears on its due date.
 */
export function timelineEvents(
  client: string,
  milestones: readonly MilestoneReport[],
  payments: readonly Payment[],
  reminders: readonly Reminder[],
  t: Messages,
  f: Formatter,
): TimelineEvent[] {
  const byId = new Map(milestones.map((m) => [m.id, m]));
  const events: TimelineEvent[] = [];
  for (const m of milestones) {
    if (m.dueDate) {
      events.push({
        date: m.dueDate,
        kind: 'due',
        text: t.eventDue(m.invoice, m.id),
        detail: '',
        key: `due-${m.row}`,
      });
    }
  }
  for (const p of payments) {
    const m = byId.get(p.milestone);
    if (!m) continue;
    events.push({
      date: p.date,
      kind: 'payment',
      text: t.eventPaid(f.money(p.amount, m.currency), m.id, p.method),
      detail: '',
      key: `payment-${p.row}`,
    });
  }
  for (const r of reminders) {
    if (r.client !== client && !r.milestones.some((id) => byId.has(id))) continue;
    const stage = r.stage ? t.stages[r.stage] : '—';
    events.push({
      date: r.sent,
      kind: 'reminder',
      text: `${t.eventReminder(stage, r.channel ? t.channels[r.channel] : '')} · ${r.milestones.join(', ')}`,
      detail: r.subject,
      key: `reminder-${r.row}`,
    });
  }
  return events.sort((a, b) =>
    a.date === b.date ? KIND_ORDER[b.kind] - KIND_ORDER[a.kind] : a.date < b.date ? 1 : -1,
  );
}

export function Timeline({ client, milestones }: { client: string; milestones: readonly MilestoneReport[] }) {
  const store = useStore();
  const t = store.t.value;
  const f = store.format.value;
  const view = store.view.value;
  const events = view ? timelineEvents(client, milestones, view.payments, view.reminders, t, f) : [];
  return (
    <section aria-labelledby="timeline-heading">
      <h3 id="timeline-heading">{t.timeline}</h3>
      {events.length === 0 ? <p class="muted">{t.timelineEmpty}</p> : null}
      <ol class="timeline">
        {events.map((e) => (
          <li key={e.key} class={`event event-${e.kind}`}>
            <time dateTime={e.date}>{f.date(e.date)}</time>
            <span>{e.text}</span>
            {e.detail ? <span class="muted small">{e.detail}</span> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
