/**
 * buildReport joins Payments and Reminders rows to their milestones by the positions parse
 * noted (bench/core.ts; Promises by ID, with the links so gathered); computeReport, given a
 * ledger alone, joins by ID.
 * Both must give the same report, to the last field and problem.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, buildReport, computeReport, parseLedger } from '../../shared/index.ts';
import { ledgerArb, TODAY } from './ledger-arbitrary.ts';

const promiseArb = fc.record({
  milestones: fc.array(fc.nat(20), { minLength: 1, maxLength: 3 }),
  offset: fc.integer({ min: -60, max: 10 }),
  days: fc.integer({ min: 0, max: 40 }),
  amount: fc.option(fc.integer({ min: 1, max: 5000 }), { nil: null }),
});

const caseArb = fc.record({
  ledger: ledgerArb,
  promises: fc.array(promiseArb, { maxLength: 4 }),
  // As of a day before the real today too: rows dated after it are left out.
  asOf: fc.integer({ min: -40, max: 0 }),
});

describe('report joins', () => {
  it('buildReport (joined by position) gives exactly the report computeReport joins by ID', () => {
    fc.assert(
      fc.property(caseArb, ({ ledger: { raw }, promises, asOf }) => {
        const n = (raw.Milestones?.length ?? 1) - 1;
        if (n > 0)
          raw.Promises = [
            ['Date', 'Milestone', 'Client', 'Amount', 'Promised by', 'Source', 'Note'],
            ...promises.map((p) => [
              addDays(TODAY, p.offset),
              [...new Set(p.milestones.map((k) => `M-${(k % n) + 1}`))].join('; '),
              '',
              p.amount ?? '',
              addDays(TODAY, p.offset + p.days),
              '',
              '',
            ]),
          ];
        const today = addDays(TODAY, asOf);
        const opts = { realToday: TODAY };
        const joined = buildReport(raw, today, opts);
        const parsed = parseLedger(raw);
        expect(joined.ledger).toEqual(parsed.ledger);
        const expected = computeReport(parsed.ledger, parsed.problems, today, opts);
        expect(joined.report).toEqual(expected);
        // The day asked of the parsed ledger (the CLI's and the add-on's way: its time zone
        // decides today), with the real today given back the same way.
        let seen: unknown;
        const asked = buildReport(raw, (ledger) => {
          seen = ledger;
          return { today, realToday: TODAY };
        });
        expect(seen).toEqual(parsed.ledger);
        expect(asked.today).toBe(today);
        expect(asked.report).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
