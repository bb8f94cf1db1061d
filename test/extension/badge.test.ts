import { describe, expect, it } from 'vitest';
import { STAGES, todayHeadline, todayWork } from '../../shared/index.ts';
import { contrastRatio, stageLook } from '../../shared/stage-look.ts';
import { ERROR_COLOR, applyBadge, badgeFor } from '../../extension/ui/badge.ts';
import { IDLE_STATUS } from '../../extension/sync/items.ts';
import { buildView } from '../../extension/sync/view.ts';
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
    const worst = stageLook[view.work.worst ?? 'current'];
    expect([b.color, b.textColor]).toEqual([worst.color, worst.text]);
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
      textColor: '#ffffff',
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

it.each([
  ...STAGES.map((s) => [s, { ...view, work: { ...view.work, count: 3, worst: s } }] as const),
  ['error', null] as const,
])('the count on the %s badge meets WCAG AA 4.5:1', (_stage, v) => {
  const b = badgeFor(v, IDLE_STATUS, 'en', 0);
  expect(contrastRatio(b.color, b.textColor)).toBeGreaterThanOrEqual(4.5);
});

it('paints the text colour where the browser can, and goes without it where it cannot', async () => {
  const calls: string[] = [];
  const api = {
    setBadgeText: ({ text }: { text: string }) => void calls.push(`text ${text}`),
    setBadgeBackgroundColor: ({ color }: { color: string }) => void calls.push(`fill ${color}`),
    setTitle: () => undefined,
  };
  const b = badgeFor({ ...view, work: { ...view.work, count: 2, worst: 'demand' } }, IDLE_STATUS, 'en', 0);
  await applyBadge(api, b);
  expect(calls).toEqual(['text 2', `fill ${stageLook.demand.color}`]);
  await applyBadge({ ...api, setBadgeTextColor: ({ color }) => void calls.push(`ink ${color}`) }, b);
  expect(calls.slice(2)).toEqual([
    'text 2',
    `fill ${stageLook.demand.color}`,
    `ink ${stageLook.demand.text}`,
  ]);
});
