/**
 * The pack's timeline: every ledger row about the client as at least one dated event (undated
 * ones last), each naming its tab and row so every line can be traced to the sheet.
 */
import type { Channel } from '../model.ts';
import { stageLabel } from '../stage-look.ts';
import type { PackEvent } from './types.ts';
import { PACK_EVENT_KINDS } from './types.ts';
import type { PackScope } from './scope.ts';
import { describe, invoicesOf } from './scope.ts';

const KIND_ORDER = new Map(PACK_EVENT_KINDS.map((k, i) => [k, i]));

/** Dated events in date order (ties: kind, then ledger row); undated ones last. */
export function compareEvents(a: PackEvent, b: PackEvent): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? -1 : 1;
  }
  return (
    (KIND_ORDER.get(a.kind) ?? 0) - (KIND_ORDER.get(b.kind) ?? 0) ||
    a.source.tab.localeCompare(b.source.tab) ||
    a.source.row - b.source.row
  );
}

function event(
  partial: Partial<PackEvent> & Pick<PackEvent, 'date' | 'kind' | 'title' | 'source'>,
): PackEvent {
  return {
    detail: '',
    milestones: [],
    invoice: '',
    amount: null,
    currency: null,
    stage: null,
    channel: null,
    to: '',
    subject: '',
    link: '',
    ...partial,
  };
}

export function timelineSection(scope: PackScope): PackEvent[] {
  const { client, changeOrders, milestones, reports, payments, reminders, byId } = scope;
  const events: PackEvent[] = [];

  // Contract: a date is an event; a link or other text is on file but undated.
  if (client.contract !== '') {
    events.push(
      event({
        date: client.contractDate,
        kind: 'contract',
        title: client.contractDate ? 'Contract signed' : 'Contract on file',
        detail: client.contractDate ? '' : client.contract,
        link: client.contractDate ? '' : client.contract,
        source: { tab: 'Clients', row: client.row },
      }),
    );
  }

  for (const c of changeOrders) {
    const billed = milestones.filter((m) => m.changeOrder === c.id).map((m) => m.id);
    events.push(
      event({
        date: c.requested,
        kind: 'change_order',
        title: `Change order ${c.id} requested`,
        detail: `${c.description}${c.signed ? '' : ' (not signed)'}`,
        milestones: billed,
        amount: c.amount,
        currency: c.amount === null ? null : client.currency,
        source: { tab: 'Change orders', row: c.row },
      }),
    );
    if (c.signed) {
      events.push(
        event({
          date: c.signed,
          kind: 'change_order_signed',
          title: `Change order ${c.id} signed`,
          detail: c.description,
          milestones: billed,
          source: { tab: 'Change orders', row: c.row },
        }),
      );
    }
  }

  for (const m of milestones) {
    const r = reports.get(m.id);
    const source = { tab: 'Milestones', row: m.row };
    const base = { milestones: [m.id], invoice: m.invoice, currency: m.currency, source };
    if (m.invoiceDate) {
      events.push(
        event({
          ...base,
          date: m.invoiceDate,
          kind: 'invoice',
          title: m.invoice ? `Invoice ${m.invoice} issued` : `Milestone ${m.id} billed`,
          detail: describe(m) + (m.changeOrder ? ` (change order ${m.changeOrder})` : ''),
          amount: m.amount,
        }),
      );
    }
    const due = r?.dueDate ?? m.dueDate;
    if (due) {
      events.push(
        event({
          ...base,
          date: due,
          kind: 'due',
          title: 'Payment due',
          detail: describe(m),
          amount: m.amount,
        }),
      );
    }
    if (!m.invoiceDate && !due) {
      events.push(
        event({
          ...base,
          date: null,
          kind: 'milestone',
          title: `Milestone ${m.id} (not invoiced yet)`,
          detail: describe(m),
          amount: m.amount,
        }),
      );
    }
    if (m.status === 'disputed') {
      // Dated by the first message logged at the disputed stage, when there is one.
      const first = reminders
        .filter((x) => x.stage === 'disputed' && x.milestones.includes(m.id))
        .map((x) => x.sent)
        .sort()[0];
      events.push(
        event({
          ...base,
          date: first ?? null,
          kind: 'dispute',
          title: 'Disputed by the client',
          detail: `${describe(m)}; status Disputed in the ledger${m.statusNote ? `: ${m.statusNote}` : ''}`,
          amount: r?.outstanding ?? null,
          stage: 'disputed',
        }),
      );
    } else if (m.status) {
      events.push(
        event({
          ...base,
          date: m.status === 'paid' ? (r?.paidOn ?? null) : null,
          kind: 'status',
          title: `Status: ${stageLabel(m.status)}`,
          detail: describe(m),
          stage: m.status,
        }),
      );
    }
  }

  for (const p of payments) {
    const m = byId.get(p.milestone);
    events.push(
      event({
        date: p.date,
        kind: 'payment',
        title: 'Payment received',
        detail: [p.method, p.note].filter(Boolean).join(' — '),
        milestones: [p.milestone],
        invoice: m?.invoice ?? '',
        amount: p.amount,
        currency: m?.currency ?? client.currency,
        source: { tab: 'Payments', row: p.row },
      }),
    );
  }

  for (const r of reminders) {
    events.push(
      event({
        date: r.sent,
        kind: 'reminder',
        title: `${reminderTitle(r.channel)}${r.stage ? ` (${stageLabel(r.stage)})` : ''}`,
        detail: r.subject,
        milestones: r.milestones,
        invoice: invoicesOf(scope, r.milestones),
        stage: r.stage,
        channel: r.channel,
        to: r.to,
        subject: r.subject,
        link: r.link,
        source: { tab: 'Reminders', row: r.row },
      }),
    );
  }
  return events.sort(compareEvents);
}

/**
 * What a Reminders row proves (PRODUCT.md, Evidence): a draft was prepared, not confirmed
 * sent; a phone call was made but is not written; anything else was sent.
 */
export function reminderTitle(channel: Channel | null): string {
  if (channel === 'draft') return 'Reminder prepared, not confirmed sent';
  if (channel === 'phone') return 'Phone call (not written)';
  return 'Reminder sent';
}
