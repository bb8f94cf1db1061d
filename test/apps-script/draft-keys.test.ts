/**
 * The draft-key ledger in document properties, and the daily run's time budget, on the
 * in-memory Services (the same handlers the bundle runs).
 */
import { describe, expect, it } from 'vitest';
import { createMemoryServices } from '../../apps-script/dev/memory-services.ts';
import {
  DRAFT_BUDGET_MS,
  draftedOn,
  draftKey,
  pruneDraftKeys,
  rememberDrafts,
} from '../../apps-script/src/handlers/drafts.ts';
import { createHandlers } from '../../apps-script/src/handlers/menu.ts';

const NOW = new Date('2026-03-02T09:00:00+01:00');

describe('draft keys in document properties', () => {
  it('split a big day over several values under the 9 KB limit, and read back whole', () => {
    const services = createMemoryServices({ now: NOW, seed: 'empty' });
    const keys = new Set(
      Array.from({ length: 1500 }, (_, i) => draftKey(`Milestone-${i}`, 'followup', '2026-03-02')),
    );
    rememberDrafts(services, '2026-03-02', keys);
    const values = [...services.props.values()];
    expect(values.length).toBeGreaterThan(3);
    for (const v of values) expect(Buffer.byteLength(v, 'utf8')).toBeLessThanOrEqual(9 * 1024);
    expect(draftedOn(services, '2026-03-02')).toEqual(keys);
    expect(draftedOn(services, '2026-03-03').size).toBe(0);
  });

  it('are dropped after 45 days, other properties kept', () => {
    const services = createMemoryServices({ now: NOW, seed: 'empty' });
    rememberDrafts(services, '2026-01-01', new Set(['a|reminder|2026-01-01']));
    rememberDrafts(services, '2026-03-01', new Set(['b|reminder|2026-03-01']));
    services.props.set('payladder.daily', '{"hour":8}');
    pruneDraftKeys(services, '2026-03-02');
    expect([...services.props.keys()].sort()).toEqual(['payladder.daily', 'payladder.drafts.2026-03-01']);
  });
});

describe('the daily run’s time budget', () => {
  it('stops drafting when time runs short, and the next run finishes without repeating a draft', () => {
    const services = createMemoryServices({ now: NOW, ui: false });
    const create = services.createDraft.bind(services);
    let clock = NOW.getTime();
    // Each draft takes a minute and a half of the run's six.
    services.createDraft = (message) => {
      clock += 90_000;
      services.setNow(new Date(clock));
      return create(message);
    };
    const first = createHandlers(services).draftDueReminders(true);
    expect(first?.deferred.length).toBeGreaterThan(0);
    expect(first?.drafted.length).toBe(Math.floor(DRAFT_BUDGET_MS / 90_000) + 1);
    // Later runs pick up where it stopped, each within its own budget, until nothing is left.
    const later: string[] = [];
    for (let run = 0; run < 5; run++) {
      const next = createHandlers(services).draftDueReminders(true);
      later.push(...(next?.drafted.map((d) => d.client) ?? []));
      if (next?.deferred.length === 0) break;
    }
    expect(later.sort()).toEqual([...(first?.deferred ?? [])].sort());
    const clients = services.drafts.map((d) => d.to.join());
    expect(new Set(clients).size).toBe(clients.length);
  });
});
