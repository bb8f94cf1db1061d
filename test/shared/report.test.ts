import { describe, expect, it } from 'vitest';
import { addDays } from '../../shared/dates.ts';
import { buildReport } from '../../shared/report.ts';
import { CLIENT, rawLedger } from './builder.ts';
import { problemText } from '../../shared/problems.ts';
import type { Problem } from '../../shared/model.ts';

/** A problem's English message and fix (texts are written on demand, problems.ts). */
const en = (p: Problem | undefined) => (p ? problemText(p, 'en') : { message: '', fix: '' });

const today = '2026-03-31';
const ms = (rows: Record<string, unknown>[], extra: Parameters<typeof rawLedger>[0] = {}) =>
  buildReport(rawLedger({ milestones: rows, ...extra }), today).report;
const M = { ID: 'M-1', Client: 'Acme', Amount: 1000 };

describe('milestone stage and next action', () => {
  it.each([
    ['Paid', 'paid'],
    ['Disputed', 'disputed'],
    ['On hold', 'on_hold'],
    ['Renegotiated', 'renegotiated'],
    ['Written off', 'written_off'],
    ['Cancelled', 'cancelled'],
    ['canceled', 'cancelled'],
    ['WRITTEN_OFF', 'written_off'],
  ])('manual status %s → %s, no next action', (status, stage) => {
    const [m] = ms([{ ...M, 'Due date': addDays(today, -50), Status: status }]).milestones;
    expect(m?.stage).toBe(stage);
    expect(m?.nextAction).toBeNull();
  });

  it('derives the due date from the invoice date and the client terms', () => {
    const [m] = ms([{ ...M, 'Invoice date': '2026-02-01' }], {
      clients: [{ ...CLIENT, Terms: 14 }],
    }).milestones;
    // 44 days late with nothing sent: the first message is the final notice (never skipped).
    expect(m).toMatchObject({ dueDate: '2026-02-15', daysOverdue: 44, stage: 'final' });
  });

  it('uses the client grace for stop work, taken only while work is ongoing', () => {
    const sentFinal = [{ Sent: addDays(today, -10), Milestone: 'M-1', Stage: 'final', Channel: 'gmail' }];
    const future = { ID: 'M-2', Client: 'Acme', Amount: 500, 'Due date': addDays(today, 20) };
    const ongoing = ms([{ ...M, 'Due date': addDays(today, -40) }, future], {
      clients: [{ ...CLIENT, Grace: 35 }],
      reminders: sentFinal,
    }).milestones[0];
    // Grace 35 was reached 5 days ago, but the gap after the final notice ended 3 days ago.
    expect(ongoing).toMatchObject({
      stage: 'stop_work',
      nextAction: { stage: 'stop_work', on: addDays(today, -3) },
    });
    const done = ms([{ ...M, 'Due date': addDays(today, -40) }], {
      clients: [{ ...CLIENT, Grace: 35 }],
      reminders: sentFinal,
    }).milestones[0];
    // No work left to stop: the final notice repeats weekly until the demand's day (45) comes.
    expect(done).toMatchObject({ stage: 'final', nextAction: { stage: 'final', on: addDays(today, -3) } });
    const later = buildReport(
      rawLedger({
        milestones: [{ ...M, 'Due date': addDays(today, -40) }],
        clients: [{ ...CLIENT, Grace: 35 }],
        reminders: sentFinal,
      }),
      addDays(today, 5),
    ).report.milestones[0];
    expect(later).toMatchObject({ stage: 'demand', nextAction: { stage: 'demand', on: addDays(today, 5) } });
  });

  it('counts a draft as prepared, not sent: it does not advance the ladder', () => {
    const draft = [
      {
        Sent: addDays(today, -3),
        Milestone: 'M-1',
        Stage: 'reminder',
        Channel: 'draft',
        Link: 'https://mail.google.com/#drafts/d1',
      },
    ];
    const [m] = ms([{ ...M, 'Due date': addDays(today, -5) }], { reminders: draft }).milestones;
    expect(m).toMatchObject({
      stage: 'reminder',
      nextAction: { stage: 'reminder', on: addDays(today, -4) },
      lastSent: null,
      draft: { on: addDays(today, -3), link: 'https://mail.google.com/#drafts/d1' },
    });
    const report = ms([{ ...M, 'Due date': addDays(today, -5) }], { reminders: draft });
    expect(report.clients[0]?.message).toMatchObject({ messageId: 'reminder', drafted: true });
    const sent = ms([{ ...M, 'Due date': addDays(today, -5) }], {
      reminders: [{ ...draft[0], Channel: 'gmail' }],
    }).milestones[0];
    expect(sent).toMatchObject({
      stage: 'reminder',
      lastSent: { stage: 'reminder', on: addDays(today, -3) },
      draft: null,
    });
    expect(sent?.nextAction).toEqual({ stage: 'reminder', on: addDays(today, 4) });
  });

  it.each([['manual'], ['email'], ['post'], ['pec'], ['registered'], ['phone'], ['gmail'], ['']])(
    'channel "%s" counts as sent',
    (channel) => {
      const [m] = ms([{ ...M, 'Due date': addDays(today, -5) }], {
        reminders: [{ Sent: addDays(today, -3), Milestone: 'M-1', Stage: 'reminder', Channel: channel }],
      }).milestones;
      expect(m?.lastSent).toEqual({ stage: 'reminder', on: addDays(today, -3) });
    },
  );

  it('as of a day: later payments and reminders are left out; those after the real today are warnings', () => {
    const rows = [{ ...M, 'Due date': addDays(today, -30) }];
    const extra = {
      payments: [{ Date: addDays(today, 2), Milestone: 'M-1', Amount: 1000 }],
      reminders: [{ Sent: addDays(today, 1), Milestone: 'M-1', Stage: 'final', Channel: 'gmail' }],
    };
    const asOf = buildReport(rawLedger({ milestones: rows, ...extra }), today, {
      realToday: addDays(today, 5),
    }).report;
    expect(asOf.milestones[0]).toMatchObject({ stage: 'final', outstanding: 100_000, lastSent: null });
    expect(asOf.problems.filter((p) => p.code === 'future_entry')).toEqual([]);
    const typo = buildReport(rawLedger({ milestones: rows, ...extra }), today).report;
    expect(
      typo.problems.filter((p) => p.code === 'future_entry').map((p) => [p.tab, p.row, p.column]),
    ).toEqual([
      ['Payments', 2, 'Date'],
      ['Reminders', 2, 'Sent'],
    ]);
    const later = buildReport(rawLedger({ milestones: rows, ...extra }), addDays(today, 5)).report;
    expect(later.milestones[0]?.stage).toBe('paid');
  });

  it('has no due date, and stays current, before it is invoiced', () => {
    const [m] = ms([M]).milestones;
    expect(m).toMatchObject({ dueDate: null, daysOverdue: null, stage: 'current', nextAction: null });
  });

  it('adds up partial payments, and is paid once they cover the amount', () => {
    const due = addDays(today, -10);
    const partial = ms([{ ...M, 'Due date': due }], {
      payments: [
        { Date: addDays(today, -5), Milestone: 'M-1', Amount: 300 },
        { Date: addDays(today, -2), Milestone: 'M-1', Amount: 200.5 },
      ],
    }).milestones[0];
    expect(partial).toMatchObject({ paid: 50_050, outstanding: 49_950, stage: 'followup' });
    const paid = ms([{ ...M, 'Due date': due }], {
      payments: [
        { Date: addDays(today, -5), Milestone: 'M-1', Amount: 300 },
        { Date: addDays(today, -2), Milestone: 'M-1', Amount: 700 },
      ],
    }).milestones[0];
    expect(paid).toMatchObject({
      paid: 100_000,
      outstanding: 0,
      stage: 'paid',
      paidOn: addDays(today, -2),
      nextAction: null,
    });
  });

  it('schedules the next message from the last reminder at the current stage only', () => {
    const due = addDays(today, -10); // followup
    const report = ms([{ ...M, 'Due date': due }], {
      reminders: [
        { Sent: addDays(today, -9), Milestone: 'M-1', Stage: 'reminder' },
        { Sent: addDays(today, -2), Milestone: 'M-1', Stage: 'followup' },
      ],
    });
    expect(report.milestones[0]?.nextAction).toEqual({ stage: 'followup', on: addDays(today, 5) });
    expect(report.dueTodayCount).toBe(0);
  });

  it('after missed days, one message is due (from the past), not one per missed day', () => {
    const report = ms([{ ...M, 'Due date': addDays(today, -20) }], {
      reminders: [{ Sent: addDays(today, -12), Milestone: 'M-1', Stage: 'followup' }],
    });
    expect(report.milestones[0]?.nextAction).toEqual({ stage: 'followup', on: addDays(today, -5) });
    expect(report.dueTodayCount).toBe(1);
  });

  it('warns when a milestone reaches the demand with no written reminder sent (a call is not written)', () => {
    const calls = ms([{ ...M, 'Due date': addDays(today, -50) }], {
      reminders: [{ Sent: addDays(today, -20), Milestone: 'M-1', Stage: 'final', Channel: 'phone' }],
    });
    expect(calls.milestones[0]?.stage).toBe('demand');
    const warning = calls.milestones[0]?.problems.find((p) => p.code === 'no_written_reminder');
    expect(en(warning).message).toBe('No written reminder sent before the formal demand.');
    const written = ms([{ ...M, 'Due date': addDays(today, -50) }], {
      reminders: [{ Sent: addDays(today, -20), Milestone: 'M-1', Stage: 'final', Channel: 'email' }],
    });
    expect(written.milestones[0]?.stage).toBe('demand');
    expect(written.milestones[0]?.problems.map((p) => p.code)).not.toContain('no_written_reminder');
  });
});

describe('interest, compensation and small claims in the report', () => {
  it('charges B2B clients under a known regime, not consumers, and not with the setting off', () => {
    const due = '2026-01-31';
    const b2b = ms([{ ...M, 'Due date': due }]).milestones[0];
    expect(b2b?.lateInterest).toBe(Math.round((100_000 * 1015 * 59) / 3_650_000));
    expect(b2b?.compensation).toBe(4_000);
    const b2c = ms([{ ...M, 'Due date': due }], { clients: [{ ...CLIENT, Business: 'B2C' }] }).milestones[0];
    expect(b2c).toMatchObject({ lateInterest: 0, compensation: 0 });
    const off = ms([{ ...M, 'Due date': due }], { settings: { 'Statutory interest': 'off' } }).milestones[0];
    expect(off).toMatchObject({ lateInterest: 0, compensation: 0 });
  });

  it('keeps interest claimable on a milestone paid late', () => {
    const m = ms([{ ...M, 'Due date': '2026-01-31' }], {
      payments: [{ Date: '2026-02-10', Milestone: 'M-1', Amount: 1000 }],
    }).milestones[0];
    expect(m?.stage).toBe('paid');
    expect(m?.lateInterest).toBe(Math.round((100_000 * 1015 * 10) / 3_650_000));
    expect(m?.compensation).toBe(4_000);
  });

  it('owes the compensation in the law currency on an invoice in another one, totals unmixed', () => {
    // A USD invoice to an Italian business still carries EUR 40 (D.Lgs. 231/2002 art. 6(2)).
    const report = ms([{ ...M, Currency: 'USD', 'Due date': '2026-01-31' }]);
    const m = report.milestones[0];
    expect(m).toMatchObject({ currency: 'USD', compensation: 4_000, compensationCurrency: 'EUR' });
    expect(m?.problems.map((p) => p.code)).not.toContain('compensation_currency');
    expect(report.totals.USD).toMatchObject({ outstanding: 100_000, compensation: 0 });
    expect(report.totals.EUR).toMatchObject({ outstanding: 0, compensation: 4_000, lateInterest: 0 });
  });

  it('gives no UK compensation band on a debt in another currency, and says so', () => {
    const m = ms([{ ...M, Currency: 'EUR', 'Due date': '2026-01-31' }], {
      clients: [{ ...CLIENT, Jurisdiction: 'GB-ENG', Currency: 'EUR' }],
    }).milestones[0];
    expect(m).toMatchObject({ compensation: 0, compensationCurrency: 'EUR' });
    expect(m?.problems.map((p) => p.code)).toContain('compensation_currency');
  });

  it('says whether a small claim fits the jurisdiction limit', () => {
    const due = addDays(today, -70);
    const reminders = [
      { Sent: addDays(today, -45), Milestone: 'M-1', Stage: 'final', Channel: 'gmail' },
      { Sent: addDays(today, -25), Milestone: 'M-1', Stage: 'demand', Channel: 'post' },
    ];
    const under = ms([{ ...M, Amount: 9_000, 'Due date': due }], {
      clients: [{ ...CLIENT, Jurisdiction: 'GB-SCT', Currency: 'GBP' }],
      reminders,
    }).milestones[0];
    expect(under?.stage).toBe('small_claims');
    expect(under?.smallClaims).toMatchObject({ limit: 500_000, currency: 'GBP', fits: false });
    const unknown = ms([{ ...M, 'Due date': due }], {
      clients: [{ ...CLIENT, Jurisdiction: 'US-RI', Currency: 'USD' }],
      reminders,
    }).milestones[0];
    expect(unknown?.smallClaims).toMatchObject({ limit: null, fits: null });
  });
});

describe('totals and clients', () => {
  it('keeps totals per currency with aging buckets, and leaves closed milestones out', () => {
    const report = ms(
      [
        { ID: 'A', Client: 'Acme', Amount: 100, 'Due date': addDays(today, 5) },
        { ID: 'B', Client: 'Acme', Amount: 200, 'Due date': addDays(today, -30) },
        { ID: 'C', Client: 'Acme', Amount: 300, 'Due date': addDays(today, -31) },
        { ID: 'D', Client: 'Acme', Amount: 400, 'Due date': addDays(today, -91), Status: 'Disputed' },
        { ID: 'E', Client: 'Acme', Amount: 500, 'Due date': addDays(today, -91), Status: 'Written off' },
        { ID: 'F', Client: 'Acme', Amount: 600, Currency: 'GBP', 'Due date': addDays(today, -61) },
      ],
      { settings: { 'Statutory interest': 'off' } },
    );
    expect(report.totals.EUR).toMatchObject({
      outstanding: 100_000,
      overdue: 90_000,
      aging: { current: 10_000, '1-30': 20_000, '31-60': 30_000, '61-90': 0, '90+': 40_000 },
    });
    expect(report.totals.GBP).toMatchObject({ outstanding: 60_000, aging: { '61-90': 60_000 } });
    expect(report.clients[0]).toMatchObject({
      worstStage: 'final',
      outstanding: { EUR: 100_000, GBP: 60_000 },
    });
  });

  it('works out a client payment behaviour from paid milestones', () => {
    const report = ms(
      [
        { ID: 'A', Client: 'Acme', Amount: 100, 'Due date': '2026-01-10' },
        { ID: 'B', Client: 'Acme', Amount: 100, 'Due date': '2026-02-10' },
        { ID: 'C', Client: 'Acme', Amount: 100, 'Due date': '2026-03-10' },
      ],
      {
        payments: [
          { Date: '2026-01-10', Milestone: 'A', Amount: 100 },
          { Date: '2026-02-20', Milestone: 'B', Amount: 100 },
        ],
      },
    );
    expect(report.clients[0]).toMatchObject({ avgDaysLate: 5, onTimeShare: 0.5, paidMilestones: 2 });
  });
});
