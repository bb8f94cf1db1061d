import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { InterestRegime } from '../../shared/law/interest.ts';
import {
  fixedCompensation,
  interestPeriods,
  statutoryInterest,
  ukRateBp,
} from '../../shared/law/interest.ts';
import { addDays, epochDay, fromEpochDay } from '../../shared/dates.ts';
import { divRoundHalfUp } from '../../shared/money.ts';

/** The rule itself, for vectors quoted at a rate rather than a date: amount × rate × days / 365, half up. */
const simple = (minor: number, bp: number, days: number) =>
  Number(divRoundHalfUp(BigInt(minor) * BigInt(bp) * BigInt(days), 3_650_000n));

// Test vectors from shared/facts/legal-facts.md §6.
describe('statutory interest: published test vectors', () => {
  it('tv.uk.1: £1,000 at 8.5 % for 50 days is £11.64 unrounded per day (gov.uk shows 11.50)', () => {
    expect(simple(100_000, 850, 50)).toBe(1164);
  });
  it('tv.uk.2: £1,000 at 8.25 % for 100 days is £22.60 (capitalspace shows 23.00)', () => {
    expect(simple(100_000, 825, 100)).toBe(2260);
    expect(fixedCompensation('UK', 100_000)).toBe(7_000);
  });
  it('tv.uk.3: £5,000, interest from 2025-03-01 → 12.75 %, 30 days = £52.40 + £70', () => {
    const r = statutoryInterest({
      regime: 'UK',
      amount: 500_000,
      dueDate: '2025-02-28',
      payments: [],
      today: '2025-03-30',
    });
    expect(r.ratesBp).toEqual([1275]);
    expect(r.days).toBe(30);
    expect(r.interest).toBe(5240);
    expect(fixedCompensation('UK', 500_000)).toBe(7_000);
  });
  it('tv.uk.4: £2,500, interest from 2026-02-10 → 11.75 %, 45 days = £36.22 + £70', () => {
    const due = '2026-02-09';
    const r = statutoryInterest({
      regime: 'UK',
      amount: 250_000,
      dueDate: due,
      payments: [],
      today: addDays(due, 45),
    });
    expect(r.ratesBp).toEqual([1175]);
    expect(r.interest).toBe(3622);
  });
  it.each([
    [99_999, 4_000],
    [100_000, 7_000],
    [999_999, 7_000],
    [1_000_000, 10_000],
  ])('tv.uk.5: debt %i pence → compensation %i pence', (debt, expected) => {
    expect(fixedCompensation('UK', debt)).toBe(expected);
  });
  it('tv.uk.6: overdue from 2025-06-20 and unpaid in 2026 keeps 12.75 % for the whole debt', () => {
    const r = statutoryInterest({
      regime: 'UK',
      amount: 100_000,
      dueDate: '2025-06-19',
      payments: [],
      today: '2026-02-01',
    });
    expect(r.ratesBp).toEqual([1275]);
    expect(ukRateBp('2025-06-20')).toBe(1275);
    expect(r.uncovered).toBeNull();
  });
  it('tv.it.1: €10,000, 60 days inside 2026 H1 at 10.15 % = €166.85 + €40', () => {
    const r = statutoryInterest({
      regime: 'IT',
      amount: 1_000_000,
      dueDate: '2026-01-31',
      payments: [],
      today: '2026-04-01',
    });
    expect(r.days).toBe(60);
    expect(r.ratesBp).toEqual([1015]);
    expect(r.interest).toBe(16_685);
    expect(fixedCompensation('IT', 1_000_000)).toBe(4_000);
  });
  it('tv.it.2: €1,000 due 2025-05-31 paid 2025-08-29: 30 d at 11.15 % + 60 d at 10.15 % = €25.85', () => {
    const r = statutoryInterest({
      regime: 'IT',
      amount: 100_000,
      dueDate: '2025-05-31',
      payments: [{ date: '2025-08-29', amount: 100_000 }],
      today: '2026-01-15',
    });
    expect(r.ratesBp).toEqual([1115, 1015]);
    expect(r.days).toBe(90);
    expect(r.interest).toBe(2585);
  });
  it('tv.it.3: a contract from before 2013 uses ECB + 7 (9.15 % in 2026 H1)', () => {
    const r = statutoryInterest({
      regime: 'IT',
      amount: 1_000_000,
      dueDate: '2026-01-31',
      payments: [],
      today: '2026-02-10',
      contractDate: '2012-06-01',
    });
    expect(r.ratesBp).toEqual([915]);
  });
});

describe('statutory interest: the day-by-day rule', () => {
  it('paying one day late costs one day', () => {
    const r = statutoryInterest({
      regime: 'EU',
      amount: 365_000,
      dueDate: '2026-03-10',
      payments: [{ date: '2026-03-11', amount: 365_000 }],
      today: '2026-05-01',
    });
    expect(r.days).toBe(1);
    expect(r.interest).toBe(simple(365_000, 1015, 1));
  });
  it('paying on the due date costs nothing', () => {
    const r = statutoryInterest({
      regime: 'EU',
      amount: 100_000,
      dueDate: '2026-03-10',
      payments: [{ date: '2026-03-10', amount: 100_000 }],
      today: '2026-05-01',
    });
    expect(r.interest).toBe(0);
  });
  it('a partial payment lowers the base from the day after its date', () => {
    const r = statutoryInterest({
      regime: 'EU',
      amount: 200_000,
      dueDate: '2026-03-01',
      payments: [{ date: '2026-03-11', amount: 100_000 }],
      today: '2026-03-21',
    });
    // 10 days on 2,000.00 (Mar 2–11) + 10 days on 1,000.00 (Mar 12–21), rounded once.
    expect(r.interest).toBe(
      Number(divRoundHalfUp(200_000n * 1015n * 10n + 100_000n * 1015n * 10n, 3_650_000n)),
    );
  });
  it('days without a published rate are left out and reported, never guessed', () => {
    const r = statutoryInterest({
      regime: 'IT',
      amount: 100_000,
      dueDate: '2026-06-20',
      payments: [],
      today: '2026-07-10',
    });
    expect(r.days).toBe(10); // June 21–30 at the 2026 H1 rate
    expect(r.uncovered).toEqual({ from: '2026-07-01', to: '2026-07-10' });
  });
  it('UK interest starting after the last confirmed Bank Rate is not guessed', () => {
    const r = statutoryInterest({
      regime: 'UK',
      amount: 100_000,
      dueDate: '2026-08-01',
      payments: [],
      today: '2026-09-01',
    });
    expect(r.interest).toBe(0);
    expect(r.uncovered).toEqual({ from: '2026-08-02', to: '2026-09-01' });
  });
  it('nothing accrues before the day after the due date', () => {
    const r = statutoryInterest({
      regime: 'EU',
      amount: 100_000,
      dueDate: '2026-03-01',
      payments: [],
      today: '2026-03-01',
    });
    expect(r).toMatchObject({ interest: 0, days: 0, uncovered: null });
  });
});

describe('interestPeriods: the working behind statutoryInterest', () => {
  const day = fc.integer({ min: epochDay('2012-06-01'), max: epochDay('2027-12-31') }).map(fromEpochDay);
  const input = fc.record({
    regime: fc.constantFrom<InterestRegime>('EU', 'IT', 'UK'),
    amount: fc.integer({ min: 1, max: 5_000_000_000 }),
    dueDate: day,
    today: day,
    payments: fc.array(fc.record({ date: day, amount: fc.integer({ min: 1, max: 2_000_000_000 }) }), {
      maxLength: 4,
    }),
    contractDate: fc.option(day),
  });

  it('adds up to the total to the minor unit, over the same days, each period within a unit of its own figure', () => {
    fc.assert(
      fc.property(input, (i) => {
        const total = statutoryInterest(i);
        const periods = interestPeriods(i);
        expect(periods.reduce((s, p) => s + p.interest, 0)).toBe(total.interest);
        expect(periods.reduce((s, p) => s + p.days, 0)).toBe(total.days);
        expect([...new Set(periods.map((p) => p.rateBp))]).toEqual(
          [...new Set(total.ratesBp)].filter((bp) => periods.some((p) => p.rateBp === bp)),
        );
        for (const p of periods) {
          expect(epochDay(p.to) - epochDay(p.from) + 1).toBe(p.days);
          expect(p.principal).toBeGreaterThan(0);
          const own = (p.principal * p.rateBp * p.days) / 3_650_000;
          expect(Math.abs(p.interest - own)).toBeLessThan(1);
        }
        for (let k = 1; k < periods.length; k++) expect(periods[k]!.from > periods[k - 1]!.to).toBe(true);
        if (total.interestThrough !== null && periods.length > 0)
          expect(periods[periods.length - 1]!.to <= total.interestThrough).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('splits an Italian debt at the half-year and at a part payment', () => {
    // EUR 10,000 due 2024-05-31; EUR 4,000 paid 2024-07-10; counted to 2024-08-31.
    const periods = interestPeriods({
      regime: 'IT',
      amount: 1_000_000,
      dueDate: '2024-05-31',
      payments: [{ date: '2024-07-10', amount: 400_000 }],
      today: '2024-08-31',
    });
    expect(periods.map((p) => [p.from, p.to, p.days, p.rateBp, p.principal])).toEqual([
      ['2024-06-01', '2024-06-30', 30, 1250, 1_000_000],
      ['2024-07-01', '2024-07-10', 10, 1225, 1_000_000],
      ['2024-07-11', '2024-08-31', 52, 1225, 600_000],
    ]);
  });
});
