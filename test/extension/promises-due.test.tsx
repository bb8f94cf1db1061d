// @vitest-environment happy-dom
/** The popup's promises due in the next 7 days (issue 11), on the demo ledger. */
import { cleanup, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { computeReport } from '../../shared/index.ts';
import { PopupView, buildView } from '../../extension/sync/view.ts';
import { promisesDue } from '../../extension/sync/promises-due.ts';
import { PopupApp } from '../../extension/ui/popup-app.tsx';
import { TODAY, demoState } from './demo-state.ts';
import { cached, demoView, renderPage } from './ui-fixtures.tsx';

afterEach(cleanup);

describe('promises due this week', () => {
  it('lists the demo’s open promise (HP-4, by 6 Dec), not the kept or the broken one', () => {
    const { report } = demoState();
    expect(promisesDue(report)).toEqual([
      {
        client: 'Harbor & Pine LLC',
        milestones: ['HP-4'],
        by: '2026-12-06',
        amount: 100000,
        currency: 'USD',
        outstanding: expect.any(Number) as number,
      },
    ]);
  });

  it('keeps a promise due on the seventh day (today included), leaves out one due on the eighth', () => {
    // The demo's dates follow its today: the same ledger, read a day earlier.
    const { state } = demoState(TODAY);
    const on = (today: string) =>
      promisesDue(computeReport(state.ledger, state.problems, today)).map((p) => p.by);
    expect(on('2026-11-30')).toEqual(['2026-12-06']);
    expect(on('2026-11-29')).toEqual([]);
    expect(on('2026-12-06')).toEqual(['2026-12-06']);
    expect(on('2026-12-07')).toEqual([]);
  });

  it('shows them in the popup, and a view saved before them still reads', () => {
    const { state, report } = demoState(TODAY);
    const view = buildView(report, state.ledger, {
      source: 'demo',
      spreadsheetId: null,
      title: 'Demo',
      syncedAt: 0,
    });
    renderPage(PopupApp, { cached: cached({ view }) });
    const section = screen.getByTestId('promises-due');
    expect(within(section).getByRole('heading').textContent).toBe('Promises due this week');
    expect(within(section).getByRole('listitem').textContent).toBe(
      'Harbor & Pine LLCpromised by 6 Dec · US$1,000.00 · HP-4',
    );
    // On its day, the promise is one of today's promises to check, and listed there only.
    const onTheDay = { ...view, today: '2026-12-06' };
    cleanup();
    renderPage(PopupApp, { cached: cached({ view: onTheDay }) });
    expect(screen.queryByTestId('promises-due')).toBeNull();
    const { promisesDue: _, ...older } = demoView();
    expect(PopupView.parse(older).promisesDue).toEqual([]);
  });
});
