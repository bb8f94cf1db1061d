import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REQUEST_BACKOFF, SYNC_BACKOFF, backoffDelay, retryAfterMs } from '../../extension/sheets/backoff.ts';

describe('backoffDelay', () => {
  it.each([
    // attempt, random, expected (request policy: base 1 s, cap 8 s, full jitter)
    [0, 0, 0],
    [0, 0.999_999, 1_000],
    [1, 0.5, 1_000],
    [2, 1, 4_000],
    [3, 1, 8_000],
    [10, 1, 8_000],
  ])('request policy, attempt %i, random %f → %i ms', (attempt, random, expected) => {
    expect(backoffDelay(attempt, REQUEST_BACKOFF, () => random)).toBe(expected);
  });

  it('never waits less than half the window under equal jitter (the sync policy)', () => {
    expect(backoffDelay(0, SYNC_BACKOFF, () => 0)).toBe(30_000);
    expect(backoffDelay(2, SYNC_BACKOFF, () => 0)).toBe(120_000);
    expect(backoffDelay(20, SYNC_BACKOFF, () => 1)).toBe(SYNC_BACKOFF.capMs);
  });

  it('stays within [floor × window, window] and the window never shrinks as attempts grow', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (attempt, r) => {
          for (const policy of [REQUEST_BACKOFF, SYNC_BACKOFF]) {
            const window = Math.min(policy.capMs, policy.baseMs * 2 ** attempt);
            const d = backoffDelay(attempt, policy, () => r);
            expect(d).toBeGreaterThanOrEqual(Math.floor(window * policy.floor));
            expect(d).toBeLessThanOrEqual(window);
            expect(backoffDelay(attempt + 1, policy, () => 1)).toBeGreaterThanOrEqual(
              backoffDelay(attempt, policy, () => 1),
            );
          }
        },
      ),
    );
  });
});

describe('retryAfterMs', () => {
  const now = Date.UTC(2026, 10, 30, 9, 0, 0);
  it.each([
    [null, null],
    ['', null],
    ['7', 7_000],
    ['0', 0],
    ['Mon, 30 Nov 2026 09:00:30 GMT', 30_000],
    ['Mon, 30 Nov 2026 08:00:00 GMT', 0],
    ['soon', null],
  ])('%s → %s', (header, expected) => {
    expect(retryAfterMs(header, now)).toBe(expected);
  });
});
