/**
 * Promises (PRODUCT.md, "Promises"): while one is open the ladder pauses; kept, it closes;
 * broken, its own message is due the day after `Promised by`, then the ladder resumes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, buildReport, composeMessage, toJsonReport } from '../../shared/index.ts';
import { CLIENT, rawLedger } from './builder.ts';

const TODAY = '2026-11-30';
const d = (n: number) => addDays(TODAY, n);
const M = (id: string, due: number, amount = 1000) => ({
  ID: id,
  Client: 'Acme',
  Amount: amount,
  'Due date': d(due),
});
const sent = (id: string, stage: string, on: number) => ({
  Sent: d(on),
  Milestone: id,
  Stage: stage,
  Channel: 'email',
});
type Rows = Parameters<typeof rawLedger>[0];
function withPromises(rows: Rows, promises: Record<string, unknown>[]) {
  const raw = rawLedger({ clients: [CLIENT], ...rows });
  raw.Promises = [
    ['Date', 'Milestone', 'Client', 'Amount', 'Promised by', 'Source', 'Note'],
    ...promises.map((p) => [
      p.Date,
      p.Milestone,
      p.Client ?? '',
      p.Amount ?? '',
      p['Promised by'],
      p.Source ?? '',
      '',
    ]),
  ];
  return raw;
}

describe('promise states', () => {
  it.each([
    [
      'open: chasing pauses until the day after',
      [],
      [{ Date: d(-2), Milestone: 'M-1', 'Promised by': d(3) }],
      'open',
      'promised',
      'broken_promise',
      4,
    ],
    [
      'kept early: paid in full before the day',
      [{ Date: d(-1), Milestone: 'M-1', Amount: 1000 }],
      [{ Date: d(-2), Milestone: 'M-1', 'Promised by': d(3) }],
      'kept',
      'paid',
      null,
      null,
    ],
    [
      'kept partly: the promised part arrived, the ladder resumes for the rest',
      [{ Date: d(-3), Milestone: 'M-1', Amount: 400 }],
      [{ Date: d(-5), Milestone: 'M-1', Amount: 400, 'Promised by': d(-2) }],
      'kept',
      'final',
      'final',
      -18,
    ],
    [
      'broken: the message is due the day after',
      [],
      [{ Date: d(-10), Milestone: 'M-1', 'Promised by': d(-3) }],
      'broken',
      'broken_promise',
      'broken_promise',
      -2,
    ],
    [
      'broken: a payment after the day does not keep it',
      [{ Date: d(-1), Milestone: 'M-1', Amount: 300 }],
      [{ Date: d(-10), Milestone: 'M-1', Amount: 300, 'Promised by': d(-3) }],
      'broken',
      'broken_promise',
      'broken_promise',
      -2,
    ],
    [
      'two promises in a row: the latest counts',
      [],
      [
        { Date: d(-20), Milestone: 'M-1', 'Promised by': d(-12) },
        { Date: d(-8), Milestone: 'M-1', 'Promised by': d(2) },
      ],
      'open',
      'promised',
      'broken_promise',
      3,
    ],
  ] as const)('%s', (_name, payments, promises, state, stage, next, on) => {
    const raw = withPromises({ milestones: [M('M-1', -40)], payments: [...payments] }, [...promises]);
    const m = buildReport(raw, TODAY).report.milestones[0];
    expect(m?.promise?.state).toBe(state);
    expect(m?.stage).toBe(stage);
    expect(m?.nextAction?.stage ?? null).toBe(next);
    expect(m?.nextAction ? m.nextAction.on : null).toBe(on === null ? null : d(on));
  });

  it('a promise on several milestones is kept when the payments on all of them reach it', () => {
    const raw = withPromises(
      {
        milestones: [M('M-1', -40, 500), M('M-2', -30, 500)],
        payments: [
          { Date: d(-4), Milestone: 'M-1', Amount: 500 },
          { Date: d(-3), Milestone: 'M-2', Amount: 200 },
        ],
      },
      [{ Date: d(-6), Milestone: 'M-1, M-2', Amount: 700, 'Promised by': d(-1) }],
    );
    const { report: r } = buildReport(raw, TODAY);
    expect(r.milestones.map((m) => m.promise?.state)).toEqual(['kept', 'kept']);
    expect(r.clients[0]).toMatchObject({ promisesKept: 1, promisesBroken: 0 });
    const json = toJsonReport(r);
    expect(json.milestones[1]?.promise).toEqual({ by: d(-1), amount: 700, state: 'kept' });
    expect(json.clients[0]?.behaviour).toMatchObject({ promisesKept: 1, promisesBroken: 0 });
  });

  it('after the broken-promise message is sent, the ladder resumes from the last step sent', () => {
    const raw = withPromises(
      {
        milestones: [M('M-1', -40)],
        reminders: [sent('M-1', 'final', -30), sent('M-1', 'broken_promise', -2)],
      },
      [{ Date: d(-10), Milestone: 'M-1', 'Promised by': d(-3) }],
    );
    const m = buildReport(raw, TODAY).report.milestones[0];
    expect(m?.promise?.state).toBe('broken');
    // The demand was due (day 45 not yet: the final notice repeats), 7 days after the last message.
    expect(m?.stage).toBe('final');
    expect(m?.nextAction).toEqual({ stage: 'final', on: d(5) });
  });

  it('the broken-promise message names the promise’s date and amount, without a new threat', () => {
    const raw = withPromises({ milestones: [M('M-1', -40)] }, [
      { Date: d(-10), Milestone: 'M-1', Amount: 600, 'Promised by': d(-3) },
    ]);
    const { ledger, report: r } = buildReport(raw, TODAY);
    const msg = composeMessage({ ledger, report: r, client: 'Acme', today: TODAY });
    expect(msg.messageId).toBe('broken_promise');
    expect(msg.text).toContain(
      'On 20 November 2026 you let me know that €600.00 would be paid by 27 November 2026',
    );
    expect(msg.text).not.toMatch(/court|lawyer|legal|demand|work on hold/i);
  });

  it('a promise dated after the report’s day is left out', () => {
    const raw = withPromises({ milestones: [M('M-1', -40)] }, [
      { Date: d(2), Milestone: 'M-1', 'Promised by': d(9) },
    ]);
    expect(buildReport(raw, TODAY).report.milestones[0]?.promise).toBeNull();
  });

  it('no chase is due while a promise is open (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -120, max: 10 }),
        fc.integer({ min: -30, max: 0 }),
        fc.integer({ min: 0, max: 30 }),
        fc.array(
          fc.tuple(
            fc.constantFrom('reminder', 'followup', 'final', 'demand'),
            fc.integer({ min: -120, max: 0 }),
          ),
          { maxLength: 4 },
        ),
        (due, made, lasts, reminders) => {
          const raw = withPromises(
            { milestones: [M('M-1', due)], reminders: reminders.map(([s, on]) => sent('M-1', s, on)) },
            [{ Date: d(made), Milestone: 'M-1', 'Promised by': d(made + lasts) }],
          );
          const { report: r } = buildReport(raw, TODAY);
          const m = r.milestones[0];
          if (m?.promise?.state !== 'open') return;
          expect(m.stage).toBe('promised');
          expect(m.nextAction?.stage).toBe('broken_promise');
          expect((m.nextAction?.on ?? '') > TODAY).toBe(true);
          expect(r.clients[0]?.message).toBeNull();
        },
      ),
      { numRuns: 500 },
    );
  });
});
