import { describe, expect, it } from 'vitest';
import { compareUrgency } from '../../shared/index.ts';
import { CLIENTS_PER_STAGE, NEEDS_ACTION_SHOWN, PopupView, buildView } from '../../extension/sync/view.ts';
import { TODAY, demoState } from './demo-state.ts';

describe('buildView', () => {
  const { report, state } = demoState();
  const view = buildView(report, state.ledger, {
    source: 'demo',
    spreadsheetId: null,
    title: 'Demo',
    syncedAt: 5,
  });

  it('passes its own schema (what the popup validates on read)', () => {
    expect(PopupView.parse(view)).toEqual(view);
  });

  it('keeps the totals and the count due today from the report', () => {
    expect(view.totals).toEqual(report.totals);
    expect(view.dueTodayCount).toBe(report.dueTodayCount);
    expect(view.today).toBe(TODAY);
  });

  it('lists what needs action today, most urgent first, with the worst stage for the badge', () => {
    expect(view.needsAction.length).toBe(Math.min(NEEDS_ACTION_SHOWN, report.dueTodayCount));
    for (const a of view.needsAction) expect(a.next.on <= TODAY).toBe(true);
    const stages = view.needsAction.map((a) => a.stage);
    expect(stages).toEqual([...stages].sort(compareUrgency));
    expect(view.dueTodayWorst).toBe(stages[0]);
  });

  it('groups every client under its worst stage, most urgent stage first', () => {
    expect(view.byStage.reduce((n, g) => n + g.count, 0)).toBe(
      report.clients.filter((c) => c.worstStage).length,
    );
    const order = view.byStage.map((g) => g.stage);
    expect(order).toEqual([...order].sort(compareUrgency));
    for (const g of view.byStage) expect(g.clients.length).toBeLessThanOrEqual(CLIENTS_PER_STAGE);
    const paid = view.byStage.find((g) => g.stage === 'paid');
    if (paid) expect(paid.clients).toEqual([]);
  });

  it('counts problems and shows errors before warnings', () => {
    expect(view.problems.errors + view.problems.warnings).toBe(report.problems.length);
    const severities = view.problems.first.map((p) => p.severity);
    expect(severities).toEqual([...severities].sort());
  });

  it('stays small for a popup', () => {
    expect(JSON.stringify(view).length).toBeLessThan(20_000);
  });
});
