import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  dateInZone,
  dateOrder,
  daysBetween,
  epochDay,
  fromEpochDay,
  isIsoDate,
  isoToSerial,
  serialToIso,
} from '../../shared/dates.ts';

describe('day arithmetic', () => {
  it('agrees with Date.UTC for every day from 1900 to 2200', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25_567, max: 84_000 }), (n) => {
        const iso = new Date(n * 86_400_000).toISOString().slice(0, 10);
        expect(fromEpochDay(n)).toBe(iso);
        expect(epochDay(iso)).toBe(n);
      }),
      { numRuns: 5_000 },
    );
  });
  it('stays right past the bound of its remembered days', () => {
    // fromEpochDay remembers up to 50,000 days, then starts again: cross that twice.
    for (let n = -30_000; n < 80_000; n++) {
      if (n % 997 === 0) expect(fromEpochDay(n)).toBe(new Date(n * 86_400_000).toISOString().slice(0, 10));
      else fromEpochDay(n);
    }
    expect(fromEpochDay(20_000)).toBe('2024-10-04');
  });
  it('adds days across months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
  });
  it('adds months, clamping to the month end', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
  });
  it('knows real calendar dates', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-1-01')).toBe(false);
  });
});

describe('spreadsheet serial numbers', () => {
  it.each([
    [1, '1899-12-31'],
    [61, '1900-03-01'],
    [45_658, '2025-01-01'],
    [46_052, '2026-01-30'],
  ])('%i ↔ %s', (serial, iso) => {
    expect(serialToIso(serial)).toBe(iso);
    expect(isoToSerial(iso)).toBe(serial);
  });
});

describe('time zones and locales', () => {
  it('reads the calendar date of an instant in the ledger time zone', () => {
    const instant = new Date('2026-11-30T23:30:00Z');
    expect(dateInZone(instant, 'Europe/Rome')).toBe('2026-12-01');
    expect(dateInZone(instant, 'America/Los_Angeles')).toBe('2026-11-30');
    expect(dateInZone(instant, 'Not/AZone')).toBe('2026-11-30');
  });
  it.each([
    ['it_IT', 'DMY'],
    ['en_GB', 'DMY'],
    ['en_US', 'MDY'],
    ['ja_JP', 'YMD'],
    ['de_DE', 'DMY'],
  ])('%s writes dates %s', (locale, order) => {
    expect(dateOrder(locale)).toBe(order);
  });
});
