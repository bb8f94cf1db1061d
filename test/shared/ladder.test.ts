import { describe, expect, it } from 'vitest';
import { nextActionFor, stageAt } from '../../shared/ladder.ts';

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

describe('nextActionFor', () => {
  const today = '2026-11-30';
  it('is due today when nothing was logged at this stage', () => {
    expect(nextActionFor('followup', null, today)).toEqual({ stage: 'followup', on: today });
  });
  it('follows the cadence after the last reminder at this stage', () => {
    expect(nextActionFor('followup', '2026-11-25', today)).toEqual({ stage: 'followup', on: '2026-12-02' });
    expect(nextActionFor('stop_work', '2026-11-25', today)).toEqual({ stage: 'stop_work', on: '2026-12-09' });
    expect(nextActionFor('demand', '2026-11-01', today)).toEqual({ stage: 'demand', on: '2026-11-15' });
  });
  it('sends a once-stage only once', () => {
    expect(nextActionFor('upcoming', '2026-11-28', today)).toBeNull();
    expect(nextActionFor('small_claims', '2026-11-28', today)).toBeNull();
    expect(nextActionFor('small_claims', null, today)).toEqual({ stage: 'small_claims', on: today });
  });
  it.each(['current', 'paid', 'disputed', 'on_hold', 'renegotiated', 'written_off', 'cancelled'] as const)(
    'has no next action at %s',
    (stage) => {
      expect(nextActionFor(stage, null, today)).toBeNull();
    },
  );
});
