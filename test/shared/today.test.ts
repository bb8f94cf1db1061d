/**
 * Today's work (issue 12): what the user does today, counted the same on every surface —
 * one message per client, the drafts waiting to be confirmed, the promises due today.
 */
import { describe, expect, it } from 'vitest';
import { addDays, buildReport, DEMO_SHEET, demoLedger } from '../../shared/index.ts';
import { todayHeadline, todayWork } from '../../shared/today.ts';
import { CLIENT, rawLedger } from './builder.ts';

const TODAY = '2026-11-30';
const d = (n: number) => addDays(TODAY, n);

function reportOf(raw: ReturnType<typeof rawLedger>) {
  return buildReport(raw, TODAY, DEMO_SHEET).report;
}

describe('todayWork', () => {
  it('counts one message per client however many milestones it covers, by invoice number', () => {
    const raw = rawLedger({
      clients: [CLIENT, { ...CLIENT, Client: 'Bolt', Emails: 'ap@bolt.example' }],
      milestones: [
        { ID: 'A-1', Client: 'Acme', Amount: 100, Invoice: 'INV-1', 'Due date': d(-10) },
        { ID: 'A-2', Client: 'Acme', Amount: 200, Invoice: 'INV-2', 'Due date': d(-12) },
        { ID: 'B-1', Client: 'Bolt', Amount: 300, 'Due date': d(-9) },
        { ID: 'B-2', Client: 'Bolt', Amount: 300, 'Due date': d(30) },
      ],
    });
    const work = todayWork(reportOf(raw));
    expect(work.messages.map((m) => m.client)).toEqual(['Acme', 'Bolt']);
    expect(work.messages[0]?.invoices.sort()).toEqual(['INV-1', 'INV-2']);
    expect(work.messages[1]?.invoices).toEqual(['B-1']);
    expect(work.count).toBe(2);
    expect(todayHeadline(work, 'en')).toBe('2 messages to send');
    expect(todayHeadline(work, 'it')).toBe('2 messaggi da inviare');
  });

  it('puts a message already drafted under drafts to confirm, not messages to send', () => {
    const raw = rawLedger({
      clients: [CLIENT],
      milestones: [{ ID: 'A-1', Client: 'Acme', Amount: 100, 'Due date': d(-10) }],
      reminders: [
        {
          Sent: TODAY,
          Milestone: 'A-1',
          Stage: 'followup',
          Channel: 'draft',
          Link: 'https://mail.google.com/mail/#drafts?compose=1',
        },
      ],
    });
    const work = todayWork(reportOf(raw));
    expect(work.messages).toEqual([]);
    expect(work.drafts.map((m) => m.client)).toEqual(['Acme']);
    expect(todayHeadline(work, 'en')).toBe('1 draft to confirm');
  });

  it('lists an open promise due today to check, and nothing on a quiet day', () => {
    const raw = rawLedger({
      clients: [CLIENT],
      milestones: [{ ID: 'A-1', Client: 'Acme', Amount: 100, Invoice: 'INV-9', 'Due date': d(-20) }],
    });
    raw.Promises = [
      ['Date', 'Milestone', 'Client', 'Amount', 'Promised by', 'Source', 'Note'],
      [d(-3), 'A-1', 'Acme', '', TODAY, '', ''],
    ];
    const work = todayWork(reportOf(raw));
    expect(work.messages).toEqual([]);
    expect(work.promises).toEqual([
      { client: 'Acme', milestone: 'A-1', invoice: 'INV-9', by: TODAY, amount: null, currency: 'EUR' },
    ]);
    expect(todayHeadline(work, 'en')).toBe('1 promise to check');
    expect(todayHeadline({ messages: [], drafts: [], promises: [], count: 0 }, 'it')).toBe(
      'Niente da fare oggi',
    );
  });

  it('joins the parts in words and agrees with the report on the demo ledger', () => {
    const { report } = buildReport(demoLedger(TODAY), TODAY, DEMO_SHEET);
    const work = todayWork(report);
    expect(work.messages.length + work.drafts.length).toBe(report.messagesDue);
    const headline = todayHeadline(
      { ...work, drafts: work.drafts.slice(0, 1), promises: [work.promises[0] ?? ({} as never)] },
      'en',
    );
    expect(headline).toMatch(/^\d+ messages? to send, 1 draft to confirm and 1 promise to check$/);
  });
});
