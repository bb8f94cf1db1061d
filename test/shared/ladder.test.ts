import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, daysBetween } from '../../shared/dates.ts';
import type { LadderStage } from '../../shared/stages.ts';
import { ladderIndex, ladderPosition, stageAt } from '../../shared/ladder.ts';
import { noticePeriod } from '../../shared/law/notice-period.ts';

describe('stageAt: every boundary of the ladder (default grace 30)', () => {
  it.each([
    [-8, 'current'],
    [-7, 'upcoming'],
    [0, 'upcoming'],
    [1, 'reminder'],
    [7, 'reminder'],
    [8, 'followup'],
    [21, 'followup'],
    [22, 'final'],
    [29, 'final'],
    [30, 'stop_work'],
    [44, 'stop_work'],
    [45, 'demand'],
    [59, 'demand'],
    [60, 'small_claims'],
    [900, 'small_claims'],
  ] as const)('%i days overdue → %s', (days, stage) => {
    expect(stageAt(days)).toBe(stage);
  });

  it.each([
    [21, 20, 'followup'],
    [21, 21, 'stop_work'],
    [21, 22, 'stop_work'], // final (22) comes before stop_work in order: the last stage reached wins
    [40, 39, 'final'],
    [40, 40, 'stop_work'],
    [50, 45, 'demand'], // grace beyond demand's threshold: demand is later in the table
    [50, 49, 'demand'],
  ] as const)('grace %i: %i days overdue → %s', (grace, days, stage) => {
    expect(stageAt(days, grace)).toBe(stage);
  });
});

const DUE = '2026-10-01';
const day = (n: number) => addDays(DUE, n);
const dayOf = (date: string | undefined) => (date === undefined ? null : daysBetween(DUE, date));
type Sent = ReadonlyArray<readonly [LadderStage, number]>;

function at(today: number, sent: Sent, opts: { ongoing?: boolean; grace?: number; notice?: number } = {}) {
  const p = ladderPosition({
    dueDate: DUE,
    today: day(today),
    grace: opts.grace ?? 30,
    ongoingWork: opts.ongoing ?? false,
    sent: sent.map(([stage, d]) => ({ stage, on: day(d) })),
    noticeDays: opts.notice ?? 14,
  });
  return { stage: p.stage, next: p.next?.stage ?? null, on: dayOf(p.next?.on), last: p.lastSent };
}

describe('ladderPosition: a sequence, not a clock (PRODUCT.md, the algorithm block)', () => {
  it.each([
    // days overdue, sent [step, day], options → stage, next step, on day
    ['nothing sent, due in 10 days', -10, [], {}, 'current', 'upcoming', -7],
    ['nothing sent, due in a week', -7, [], {}, 'upcoming', 'upcoming', -7],
    ['courtesy note sent: once, then the reminder', -3, [['upcoming', -7]], {}, 'upcoming', 'reminder', 1],
    [
      'courtesy note sent 2 days before due: 7 days after it',
      1,
      [['upcoming', -2]],
      {},
      'upcoming',
      'reminder',
      5,
    ],
    ['first day late, nothing sent', 1, [], {}, 'reminder', 'reminder', 1],
    ['day 10, nothing sent: the reminder is skipped', 10, [], {}, 'followup', 'followup', 8],
    ['day 40, nothing sent: the first message is the final notice', 40, [], {}, 'final', 'final', 22],
    ['day 62, nothing sent: still the final notice (never skipped)', 62, [], {}, 'final', 'final', 22],
    [
      'reminder sent day 1, day 5: it repeats on its cadence',
      5,
      [['reminder', 1]],
      {},
      'reminder',
      'reminder',
      8,
    ],
    ['reminder sent day 1, day 8: the follow-up', 8, [['reminder', 1]], {}, 'followup', 'followup', 8],
    ['reminder sent day 6, day 8: 7 days after it', 8, [['reminder', 6]], {}, 'reminder', 'followup', 13],
    ['final sent day 22, day 25: final repeats weekly', 25, [['final', 22]], {}, 'final', 'final', 29],
    [
      'final sent day 50, no work ongoing: demand after 7 days',
      62,
      [['final', 50]],
      {},
      'demand',
      'demand',
      57,
    ],
    [
      'final sent day 50, work ongoing: stop-work first',
      62,
      [['final', 50]],
      { ongoing: true },
      'stop_work',
      'stop_work',
      57,
    ],
    [
      'final sent day 30, grace 50, ongoing, day 46: stop-work on day 50',
      46,
      [['final', 30]],
      { ongoing: true, grace: 50 },
      'final',
      'stop_work',
      50,
    ],
    [
      'stop-work sent day 35, day 45: the demand',
      45,
      [
        ['final', 22],
        ['stop_work', 35],
      ],
      { ongoing: true },
      'demand',
      'demand',
      45,
    ],
    [
      'stop-work sent, work ongoing: it repeats every 14 days before demand',
      40,
      [
        ['final', 22],
        ['stop_work', 32],
      ],
      { ongoing: true },
      'stop_work',
      'stop_work',
      46,
    ],
    [
      'demand sent day 60, 30 days notice: court step on day 90',
      70,
      [
        ['final', 40],
        ['demand', 60],
      ],
      { notice: 30 },
      'demand',
      'small_claims',
      90,
    ],
    [
      'demand sent day 60, 14 days notice: court step on day 74',
      74,
      [
        ['final', 40],
        ['demand', 60],
      ],
      { notice: 14 },
      'small_claims',
      'small_claims',
      74,
    ],
    [
      'notice counts from the first demand',
      80,
      [
        ['final', 30],
        ['demand', 45],
        ['demand', 62],
      ],
      { notice: 30 },
      'small_claims',
      'small_claims',
      75,
    ],
    [
      'demand sent without a final notice satisfies it: demand repeats',
      50,
      [['demand', 46]],
      {},
      'demand',
      'demand',
      60,
    ],
    [
      'reminder logged before the due date repeats no sooner than day 1',
      -2,
      [['reminder', -10]],
      {},
      'reminder',
      'reminder',
      1,
    ],
    [
      'court notice sent: once, nothing after',
      120,
      [
        ['final', 30],
        ['demand', 50],
        ['small_claims', 80],
      ],
      {},
      'small_claims',
      null,
      null,
    ],
  ] as const)('%s', (_name, today, sent, opts, stage, next, on) => {
    const r = at(today, sent as Sent, opts);
    expect({ stage: r.stage, next: r.next, on: r.on }).toEqual({ stage, next, on });
  });

  it('lastSent is the most recent sent step, the higher one on a tie', () => {
    expect(
      at(50, [
        ['final', 30],
        ['reminder', 10],
      ]).last,
    ).toEqual({ stage: 'final', on: day(30) });
    expect(
      at(50, [
        ['followup', 30],
        ['final', 30],
      ]).last,
    ).toEqual({ stage: 'final', on: day(30) });
    expect(at(50, []).last).toBeNull();
  });

  it('ignores messages dated after today', () => {
    expect(at(30, [['final', 40]])).toMatchObject({ stage: 'final', next: 'final', on: 22 });
  });
});

describe('noticePeriod (legal-facts §8)', () => {
  it.each([
    ['GB-ENG', 'sole_trader', 30],
    ['GB-ENG', 'consumer', 30],
    ['GB-WLS', 'sole_trader', 30],
    ['GB-ENG', 'company', 14],
    ['GB-WLS', 'company', 14],
    ['IT', 'company', 15],
    ['IT', 'consumer', 15],
    ['GB-SCT', 'company', 14],
    ['EU', 'sole_trader', 14],
    ['US-NY', 'company', 14],
  ] as const)('%s %s → %i days', (jurisdiction, business, days) => {
    expect(noticePeriod(jurisdiction, business).days).toBe(days);
  });
});

const FORMAL: readonly LadderStage[] = ['final', 'stop_work', 'demand', 'small_claims'];
const STEPS: readonly LadderStage[] = [
  'upcoming',
  'reminder',
  'followup',
  'final',
  'stop_work',
  'demand',
  'small_claims',
];

describe('ladder properties', () => {
  const sentArb = fc.array(fc.tuple(fc.constantFrom(...STEPS), fc.integer({ min: -10, max: 200 })), {
    maxLength: 6,
  });
  const caseArb = fc.record({
    today: fc.integer({ min: -20, max: 220 }),
    sent: sentArb,
    ongoing: fc.boolean(),
    grace: fc.integer({ min: 1, max: 90 }),
    notice: fc.constantFrom(14, 15, 30),
  });

  it('the next step is never a formal step beyond the first unsent formal one', () => {
    fc.assert(
      fc.property(caseArb, ({ today, sent, ongoing, grace, notice }) => {
        const past = sent.filter(([, d]) => d <= today);
        const r = at(today, past, { ongoing, grace, notice });
        const reached = Math.max(0, ...past.map(([s]) => ladderIndex(s)));
        const firstRequired = FORMAL.find((s) => (s !== 'stop_work' || ongoing) && ladderIndex(s) > reached);
        for (const step of [r.next, r.stage] as const) {
          if (step === null || !FORMAL.includes(step as LadderStage)) continue;
          const i = ladderIndex(step as LadderStage);
          if (i > reached) expect(i).toBeLessThanOrEqual(ladderIndex(firstRequired as LadderStage));
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('a step is never due sooner than 7 days after the last sent one, nor before its threshold', () => {
    fc.assert(
      fc.property(caseArb, ({ today, sent, ongoing, grace, notice }) => {
        const past = sent.filter(([, d]) => d <= today);
        const r = at(today, past, { ongoing, grace, notice });
        if (r.on === null || r.next === null) return;
        const latest = past.length > 0 ? Math.max(...past.map(([, d]) => d)) : null;
        if (latest !== null) expect(r.on).toBeGreaterThanOrEqual(latest + 7);
        expect(r.on).toBeGreaterThanOrEqual(r.next === 'stop_work' ? grace : stageThreshold(r.next));
        if (r.next === 'small_claims') {
          const demands = past.filter(([s]) => s === 'demand').map(([, d]) => d);
          expect(demands.length).toBeGreaterThan(0);
          expect(r.on).toBeGreaterThanOrEqual(Math.min(...demands) + notice);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('with nothing sent the stage is at most the final notice', () => {
    fc.assert(
      fc.property(fc.integer({ min: -30, max: 400 }), fc.boolean(), (today, ongoing) => {
        expect(ladderIndex(at(today, [], { ongoing }).stage)).toBeLessThanOrEqual(ladderIndex('final'));
      }),
    );
  });
});

function stageThreshold(stage: LadderStage): number {
  const table: Record<LadderStage, number> = {
    current: -999,
    upcoming: -7,
    reminder: 1,
    followup: 8,
    final: 22,
    stop_work: 30,
    demand: 45,
    small_claims: 60,
  };
  return table[stage];
}
