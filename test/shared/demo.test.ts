import { describe, expect, it } from 'vitest';
import { DEMO_SHEET, demoLedger } from '../../shared/demo.ts';
import { LADDER_STAGES, MANUAL_STATUSES } from '../../shared/model.ts';
import { buildReport } from '../../shared/report.ts';
import { problemText } from '../../shared/problems.ts';
import type { Problem } from '../../shared/model.ts';

/** A problem's English message and fix (texts are written on demand, problems.ts). */
const en = (p: Problem | undefined) => (p ? problemText(p, 'en') : { message: '', fix: '' });

describe.each(['2026-11-30', '2027-03-01', '2026-07-01'])('the demo ledger on %s', (today) => {
  const { ledger, report, problems } = buildReport(demoLedger(today), today, DEMO_SHEET);
  it('covers every stage and every manual status', () => {
    const stages = new Set(report.milestones.map((m) => m.stage));
    for (const s of [...LADDER_STAGES, ...MANUAL_STATUSES]) expect(stages, s).toContain(s);
  });
  it('has the breadth a new user needs to see', () => {
    expect(ledger.clients.length).toBeGreaterThanOrEqual(8);
    expect(ledger.milestones.length).toBeGreaterThanOrEqual(30);
    expect(new Set(ledger.clients.map((c) => c.jurisdiction.slice(0, 2)))).toEqual(
      new Set(['IT', 'GB', 'US', 'EU']),
    );
    expect(new Set(ledger.clients.map((c) => c.language))).toEqual(new Set(['en', 'it']));
    expect(new Set(ledger.milestones.map((m) => m.currency))).toEqual(new Set(['EUR', 'GBP', 'USD']));
    expect(ledger.changeOrders.some((c) => c.signed) && ledger.changeOrders.some((c) => !c.signed)).toBe(
      true,
    );
    expect(ledger.reminders.length).toBeGreaterThan(10);
    expect(report.milestones.some((m) => m.paid > 0 && m.outstanding > 0)).toBe(true);
    expect(ledger.milestones.some((m) => m.id.includes('/'))).toBe(true);
    expect(report.milestones.some((m) => m.lateInterest > 0)).toBe(true);
  });
  it('fills the party details a formal letter needs, for the user and every client', () => {
    expect(ledger.settings.yourAddress).not.toBe('');
    expect(ledger.settings.yourVatNumber).not.toBe('');
    expect(ledger.settings.paymentDetails).toMatch(/IBAN/);
    for (const c of ledger.clients) {
      expect(c.address, c.client).not.toBe('');
      if (c.business !== 'consumer') expect(c.legalName, c.client).not.toBe('');
    }
  });
  it('gives at most one rate warning per law and period', () => {
    const rate = report.problems.filter((p) => p.code === 'interest_rate_unknown');
    // Three laws (EU, IT, GB), at most two missing periods each by March 2027.
    expect(rate.length).toBeGreaterThan(0);
    expect(rate.length).toBeLessThanOrEqual(6);
    expect(
      new Set(
        rate.map((p) =>
          en(p)
            .fix.match(/Law (\w+), From ([\d-]+)/)
            ?.slice(1)
            .join(' '),
        ),
      ).size,
    ).toBe(rate.length);
  });
  it('shows what problems look like', () => {
    const errors = problems.filter((p) => p.severity === 'error').map((p) => p.code);
    expect(errors).toEqual(
      expect.arrayContaining([
        'duplicate_id',
        'unknown_client',
        'formula_error',
        'not_positive',
        'impossible_date',
      ]),
    );
  });
});
