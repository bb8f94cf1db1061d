/**
 * The sidebar's dev harness runs the real handlers on apps-script/dev/memory-services.ts:
 * the same views and actions as in a sheet, without Google.
 */
import { describe, expect, it } from 'vitest';
import { createMemoryServices } from '../../apps-script/dev/memory-services.ts';
import { createHandlers } from '../../apps-script/src/handlers/menu.ts';
import { createServerApi } from '../../apps-script/src/handlers/server-api.ts';

const NOW = new Date('2026-03-02T09:00:00+01:00');

describe('memory services', () => {
  it('serve the demo ledger, set up, to the real getSidebarView as plain JSON', () => {
    const services = createMemoryServices({ now: NOW });
    const view = createServerApi(services).getSidebarView();
    expect(view.today).toBe('2026-03-02');
    expect(view.report.milestones.length).toBeGreaterThan(20);
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
    // The computed columns were written, as in a sheet.
    const header = services.tabs.get('Milestones')?.[0] ?? [];
    expect(header).toContain('Problems');
    expect(services.notes.size).toBe(1);
  });

  it('run the sidebar’s actions: a payment, a draft, a plan', () => {
    const services = createMemoryServices({ now: NOW });
    const api = createServerApi(services);
    const paid = api.recordPayment({ milestone: 'KM-1', amount: 100, date: '2026-03-01' });
    expect(paid.view.payments.some((p) => p.milestone === 'KM-1' && p.amount === 10000)).toBe(true);
    const drafted = api.draftReminder({ client: 'Giorgio Rossi' });
    expect(services.drafts).toHaveLength(1);
    expect(drafted.result.milestones).toEqual(['GR-1']);
    const plan = api.createPaymentPlan({
      milestone: 'GD-1',
      instalments: 2,
      interval: 'monthly',
      start: '2026-04-01',
    });
    expect(plan.result.rows.map((r) => r.id)).toEqual(['GD-1/1', 'GD-1/2']);
  });

  it('report a busy lock as a message the sidebar can show', () => {
    const services = createMemoryServices({ now: NOW });
    services.holdLock = true;
    expect(() =>
      createServerApi(services).recordPayment({ milestone: 'KM-1', amount: 1, date: '2026-03-01' }),
    ).toThrow(/busy/);
    // The view still comes, read-only.
    expect(createServerApi(services).getSidebarView().report.milestones.length).toBeGreaterThan(0);
  });

  it('run the menu handlers, the daily run included, with no UI', () => {
    const services = createMemoryServices({ now: NOW, ui: false });
    const result = createHandlers(services).draftDueReminders(true);
    expect(result?.drafted.length).toBeGreaterThan(3);
    expect(createHandlers(services).draftDueReminders(true)?.drafted).toEqual([]);
  });
});
