import { describe, expect, it } from 'vitest';
import { DEMO_SHEET, demoLedger } from '../../shared/demo.ts';
import { LADDER_STAGES, MANUAL_STATUSES } from '../../shared/model.ts';
import { buildReport } from '../../shared/report.ts';

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
