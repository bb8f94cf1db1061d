import { describe, expect, it } from 'vitest';
import { STAGES, todayHeadline, todayWork } from '../../shared/index.ts';
import { badgeFor } from '../../extension/ui/badge.ts';
import { IDLE_STATUS } from '../../extension/sync/items.ts';
import { buildView } from '../../extension/sync/view.ts';
import { ERROR_COLOR, STAGE_COLORS } from '../../extension/ui/stages.ts';
import { demoState } from './demo-state.ts';

const { report, state } = demoState();
const view = buildView(report, state.ledger, {
  source: 'demo',
  spreadsheetId: null,
  title: 'Demo',
  syncedAt: 0,
});

describe('badgeFor', () => {
  it('shows today’s work (the CLI’s count) in the colour of the most urgent, and says it in words', () => {
    const work = todayWork(report);
    const b = badgeFor(view, IDLE_STATUS, 'en', 0);
    expect(work.count).toBeGreaterThan(0);
    // Messages to send, one per client: fewer than the milestones with an action due.
    expect(work.count).toBeLessThan(report.dueTodayCount);
    expect(b.text).toBe(String(work.count));
    expect(view.work.worst).not.toBeNull();
    expect(b.color).toBe(STAGE_COLORS[view.work.worst ?? 'current']);
    expect(b.title).toBe(`Payladder: ${todayHeadline(work, 'en')}`);
    expect(b.title).toMatch(/^Payladder: \d+ messages to send/);
    expect(badgeFor(view, IDLE_STATUS, 'it', 0).title).toMatch(/^Payladder: \d+ messaggi da inviare/);
  });

  it('is empty when there is nothing to do today', () => {
    const quiet = {
      ...view,
      work: {
        ...view.work,
        count: 0,
        worst: null,
        headline: { en: 'Nothing to do today', it: 'Niente da fare oggi' },
      },
    };
    const b = badgeFor(quiet, IDLE_STATUS, 'en', 0);
    expect(b.text).toBe('');
    expect(b.title).toBe('Payladder: Nothing to do today');
  });

  it('caps at four characters', () => {
    expect(badgeFor({ ...view, work: { ...view.work, count: 12_345 } }, IDLE_STATUS, 'en', 0).text).toBe(
      '999+',
    );
  });

  it('shows ! in red on an error, naming it in the tooltip', () => {
    const error = {
      code: 'forbidden' as const,
      status: 403,
      detail: '',
      spreadsheetId: 'x',
      sheetTitle: 'Studio ledger',
      at: 0,
    };
    const b = badgeFor(view, { ...IDLE_STATUS, error }, 'en', 0);
    expect(b).toEqual({
      text: '!',
      color: ERROR_COLOR,
      title: 'Payladder: This Google account has no access to “Studio ledger”.',
    });
  });

  it('shows nothing but a hint before a ledger is chosen', () => {
    const error = {
      code: 'not_configured' as const,
      status: null,
      detail: '',
      spreadsheetId: null,
      sheetTitle: null,
      at: 0,
    };
    expect(badgeFor(null, { ...IDLE_STATUS, error }, 'en', 0).text).toBe('');
    expect(badgeFor(null, IDLE_STATUS, 'en', 0).text).toBe('');
  });
});

// WCAG 2.x relative luminance and contrast ratio.
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.039_28 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

it.each([...STAGES.map((s) => [s, STAGE_COLORS[s]] as const), ['error', ERROR_COLOR] as const])(
  'white text on %s (%s) meets WCAG AA 4.5:1',
  (_stage, color) => {
    expect(1.05 / (luminance(color) + 0.05)).toBeGreaterThanOrEqual(4.5);
  },
);
