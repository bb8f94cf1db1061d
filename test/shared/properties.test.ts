import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../shared/dates.ts';
import { LADDER_STAGES } from '../../shared/model.ts';
import { parseLedger } from '../../shared/parse.ts';
import { buildReport } from '../../shared/report.ts';
import { ladderIndex } from '../../shared/ladder.ts';
import { rawLedger } from './builder.ts';

/** Garbage a spreadsheet can hold in any cell. */
const garbage = fc.oneof(
  fc.constantFrom('#REF!', '#N/A', '#VALUE!', '#DIV/0!', '#NAME?', '#ERROR!'),
  fc.string(),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.date({ noInvalidDate: false }),
  fc.constantFrom(
    '2026-02-30',
    '31/02/2026',
    '-0',
    'NaN',
    'Infinity',
    '1e400',
    '  ',
    '{{contact}}',
    '<img src=x>',
  ),
);
const goodDate = fc.integer({ min: 0, max: 3_000 }).map((n) => addDays('2020-01-01', n));

describe('parsing never throws', () => {
  it('on 10,000 random ledgers made of garbage cells', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(garbage, { maxLength: 14 }), { maxLength: 6 }),
        fc.array(fc.array(garbage, { maxLength: 14 }), { maxLength: 6 }),
        fc.array(fc.array(garbage, { maxLength: 8 }), { maxLength: 4 }),
        fc.array(fc.array(garbage, { maxLength: 3 }), { maxLength: 4 }),
        (clients, milestones, payments, settings) => {
          const raw = rawLedger({});
          raw.Clients = [raw.Clients?.[0] ?? [], ...clients];
          raw.Milestones = [raw.Milestones?.[0] ?? [], ...milestones];
          raw.Payments = [raw.Payments?.[0] ?? [], ...payments];
          raw.Settings = [['Setting', 'Value'], ...settings];
          const { report } = buildReport(raw, '2026-06-30');
          expect(report.today).toBe('2026-06-30');
        },
      ),
      { numRuns: 10_000 },
    );
  });
});

describe('every bad cell becomes a problem on its row', () => {
  const badAmount = fc.oneof(
    fc.constantFrom('#REF!', 'abc', 0, -3, '2026-01-01', '#DIV/0!'),
    fc.integer({ max: 0 }),
  );
  const badDate = fc.constantFrom('2026-02-30', 'soon', '#N/A', '13/13/2026', 99_999_999);
  const row = fc.record({
    id: fc.integer({ min: 1, max: 1_000_000 }),
    amount: fc.oneof(
      fc.integer({ min: 1, max: 1_000_000 }).map((n) => ({ ok: true as const, v: n / 100 })),
      badAmount.map((v) => ({ ok: false as const, v })),
    ),
    due: fc.oneof(
      goodDate.map((v) => ({ ok: true as const, v })),
      badDate.map((v) => ({ ok: false as const, v })),
    ),
    client: fc.oneof(
      fc.constant({ ok: true as const, v: 'Acme' }),
      fc.constant({ ok: false as const, v: 'Nobody' }),
    ),
  });
  it('and the good rows are all parsed', () => {
    fc.assert(
      fc.property(fc.uniqueArray(row, { selector: (r) => r.id, maxLength: 20 }), (rows) => {
        const raw = rawLedger({
          milestones: rows.map((r) => ({
            ID: `M-${r.id}`,
            Client: r.client.v,
            Amount: r.amount.v,
            'Due date': r.due.v,
          })),
        });
        const { ledger, problems } = parseLedger(raw);
        const parsed = new Set(ledger.milestones.map((m) => m.id));
        rows.forEach((r, i) => {
          const bad = !r.amount.ok || !r.due.ok || !r.client.ok;
          const sheetRow = i + 2;
          if (bad) {
            expect(parsed.has(`M-${r.id}`)).toBe(false);
            expect(
              problems.some((p) => p.tab === 'Milestones' && p.row === sheetRow && p.severity === 'error'),
            ).toBe(true);
          } else {
            expect(parsed.has(`M-${r.id}`)).toBe(true);
          }
        });
      }),
      { numRuns: 1_000 },
    );
  });
});

describe('report invariants', () => {
  const milestone = fc.record({
    amount: fc.integer({ min: 1, max: 10_000_000 }),
    dueOffset: fc.integer({ min: -400, max: 60 }),
    grace: fc.integer({ min: 1, max: 90 }),
    payments: fc.array(
      fc.record({
        offset: fc.integer({ min: -400, max: 0 }),
        amount: fc.integer({ min: 1, max: 5_000_000 }),
      }),
      { maxLength: 4 },
    ),
    reminders: fc.array(
      fc.record({ offset: fc.integer({ min: -400, max: 0 }), stage: fc.constantFrom(...LADDER_STAGES) }),
      { maxLength: 4 },
    ),
  });
  type MilestoneCase = typeof milestone extends fc.Arbitrary<infer T> ? T : never;
  const ledgerOf = (m: MilestoneCase, today: string) =>
    rawLedger({
      clients: [
        { Client: 'Acme', Currency: 'EUR', Jurisdiction: 'IT', Grace: m.grace, Contract: '2025-01-01' },
      ],
      milestones: [
        { ID: 'M-1', Client: 'Acme', Amount: m.amount / 100, 'Due date': addDays(today, m.dueOffset) },
      ],
      payments: m.payments.map((p) => ({
        Date: addDays(today, p.offset),
        Milestone: 'M-1',
        Amount: p.amount / 100,
      })),
      reminders: m.reminders.map((r) => ({
        Sent: addDays(today, r.offset),
        Milestone: 'M-1',
        Stage: r.stage,
      })),
    });

  it('a later today never lowers an unpaid milestone stage', () => {
    fc.assert(
      fc.property(milestone, fc.integer({ min: 1, max: 400 }), (m, later) => {
        const raw = rawLedger({
          clients: [{ Client: 'Acme', Currency: 'EUR', Grace: m.grace, Contract: '2025-01-01' }],
          milestones: [
            {
              ID: 'M-1',
              Client: 'Acme',
              Amount: m.amount / 100,
              'Due date': addDays('2026-01-01', m.dueOffset),
            },
          ],
        });
        const a = buildReport(raw, '2026-01-01').report.milestones[0];
        const b = buildReport(raw, addDays('2026-01-01', later)).report.milestones[0];
        if (!a || !b) throw new Error('milestone missing');
        const stageA = a.stage as (typeof LADDER_STAGES)[number];
        const stageB = b.stage as (typeof LADDER_STAGES)[number];
        expect(ladderIndex(stageB)).toBeGreaterThanOrEqual(ladderIndex(stageA));
      }),
      { numRuns: 2_000 },
    );
  });

  it('paid + outstanding = amount unless overpaid, and interest is never negative', () => {
    fc.assert(
      fc.property(milestone, (m) => {
        const today = '2026-06-15';
        const r = buildReport(ledgerOf(m, today), today).report.milestones[0];
        if (!r) throw new Error('milestone missing');
        if (r.paid <= r.amount) expect(r.paid + r.outstanding).toBe(r.amount);
        else expect(r.outstanding).toBe(0);
        expect(r.lateInterest).toBeGreaterThanOrEqual(0);
        expect(Number.isInteger(r.lateInterest)).toBe(true);
        // The stage is the next step once it is due, otherwise the last step sent (or current).
        if (r.nextAction && r.nextAction.on <= today) expect(r.stage).toBe(r.nextAction.stage);
        else if (r.lastSent && !['paid', 'cancelled', 'written_off'].includes(r.stage)) {
          const reached = m.reminders
            .map((x) => x.stage)
            .filter((x) => x !== 'current')
            .sort((a, b) => ladderIndex(b) - ladderIndex(a))[0];
          expect(r.stage).toBe(reached);
        }
      }),
      { numRuns: 2_000 },
    );
  });
});
