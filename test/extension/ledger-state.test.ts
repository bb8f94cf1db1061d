import { describe, expect, it } from 'vitest';
import { addDays } from '../../shared/index.ts';
import { lookupClient, summaryByName } from '../../extension/sync/client-summary.ts';
import { clientPart, findClient } from '../../extension/sync/ledger-state.ts';
import { TODAY, demoState } from './demo-state.ts';

describe("a client's part of the report", () => {
  // The claim the overlay rests on: computing one client's slice gives the rows the whole
  // ledger gives, so nothing differs between the popup and the Gmail chip.
  it.each([0, 1, 17, 45, 120])('equals the whole report for every demo client, %i days on', (offset) => {
    const today = addDays(TODAY, offset);
    const { state, report } = demoState(today);
    expect(state.ledger.clients.length).toBeGreaterThan(5);
    for (const client of state.ledger.clients) {
      const part = clientPart(state, client, today);
      expect(part.report).toEqual(report.clients.find((c) => c.client === client.client));
      expect(part.milestones).toEqual(report.milestones.filter((m) => m.client === client.client));
    }
  });
});

describe('lookup', () => {
  const { state } = demoState();

  it('matches an exact address, and says so', () => {
    const s = lookupClient(state, ['ap@northwind.example.co.uk'], [], TODAY);
    expect(s?.client).toBe('Northwind Analytics Ltd');
    expect(s?.matched).toEqual({ address: 'ap@northwind.example.co.uk', by: 'address' });
  });

  it('matches a whole-domain entry, case ignored', () => {
    const s = lookupClient(state, ['Someone.Else@NORTHWIND.example.co.uk'], [], TODAY);
    expect(s?.matched).toEqual({ address: 'someone.else@northwind.example.co.uk', by: 'domain' });
  });

  it("skips the user's own addresses and unknown ones, and answers the first client", () => {
    const s = lookupClient(
      state,
      [
        'me@morgan.example',
        'nobody@nowhere.example',
        'finance@glenmore.example.com',
        'ap@northwind.example.co.uk',
      ],
      ['ME@morgan.example'],
      TODAY,
    );
    expect(s?.client).toBe('Glenmore Distillery');
    expect(
      lookupClient(state, ['finance@glenmore.example.com'], ['finance@glenmore.example.com'], TODAY),
    ).toBeNull();
  });

  it('answers null for nobody', () => {
    expect(lookupClient(state, [], [], TODAY)).toBeNull();
    expect(lookupClient(state, ['stranger@example.org'], [], TODAY)).toBeNull();
  });

  it('sums up the client: stage, money per currency, milestones open first, last reminders newest first', () => {
    const s = summaryByName(state, 'northwind analytics ltd', TODAY);
    if (!s) throw new Error('no summary');
    expect(s.client).toBe('Northwind Analytics Ltd');
    expect(s.matched).toBeNull();
    expect(s.language).toBe('en');
    expect(s.emails).toContain('ap@northwind.example.co.uk');
    expect(Object.keys(s.outstanding)).toEqual(['GBP']);
    expect(s.worstStage).not.toBeNull();
    const open = s.milestones.filter((m) => m.outstanding > 0).map((m) => m.id);
    expect(s.milestones.slice(0, open.length).map((m) => m.id)).toEqual(open);
    const sent = s.lastReminders.map((r) => r.sent);
    expect(sent).toEqual([...sent].sort().reverse());
    expect(s.today).toBe(TODAY);
    expect(s.locale).toBe(state.ledger.settings.locale);
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });

  it('finds clients by name case- and space-insensitively', () => {
    expect(findClient(state, '  GLENMORE   distillery ')?.client).toBe('Glenmore Distillery');
    expect(findClient(state, 'Nobody')).toBeNull();
  });
});
