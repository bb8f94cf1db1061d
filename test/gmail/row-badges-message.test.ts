/**
 * The background's answer to `rowBadges` (extension/sync/message-router.ts): one request
 * per thread list, each client's summary computed once, only clients owing money.
 */
import { describe, expect, it } from 'vitest';
import { parseLedger } from '../../shared/index.ts';
import { createMessenger, MessageError } from '../../extension/messages.ts';
import { lookupClient, summaryByName } from '../../extension/sync/client-summary.ts';
import { makeLedgerState } from '../../extension/sync/ledger-state.ts';
import { createMessageRouter } from '../../extension/sync/message-router.ts';
import type { SyncService } from '../../extension/sync/sync-service.ts';
import { rawLedger } from './overlay-support.ts';

const TODAY = '2026-11-30';
const ID = 'abcdefghijklmnopabcdefghijklmnop';

function setup(withLedger = true) {
  const parsed = parseLedger(
    rawLedger(
      TODAY,
      [
        { name: 'Northwind', emails: 'ap@northwind.example.com, @northwind.example.com' },
        { name: 'Paid Up', emails: 'ap@paidup.example.com' },
      ],
      [
        { id: 'N-1', client: 'Northwind', amount: 4800, late: 23 },
        { id: 'P-1', client: 'Paid Up', amount: 100, late: 10 },
      ],
      [[TODAY, 'P-1', 100, 'Bank transfer', '']],
    ),
    { timeZone: 'Europe/Rome' },
  );
  const state = makeLedgerState({
    source: 'sheet',
    spreadsheetId: 's',
    syncedAt: 0,
    title: 't',
    locale: 'en_GB',
    timeZone: 'Europe/Rome',
    reminders: null,
    fingerprint: 'f',
    ledger: parsed.ledger,
    problems: parsed.problems,
  });
  const lookups: unknown[] = [];
  const service: Partial<SyncService> = {
    ledgerState: async () => (withLedger ? state : null),
    lookup: async (request) => {
      lookups.push(request);
      return request.client !== undefined
        ? summaryByName(state, request.client, TODAY)
        : lookupClient(state, request.addresses ?? [], request.exclude ?? [], TODAY);
    },
  };
  const route = createMessageRouter(service as SyncService, {
    extensionId: ID,
    extensionOrigin: `chrome-extension://${ID}/`,
  });
  const messenger = createMessenger(
    async (envelope) =>
      (await route(envelope, { id: ID, url: 'https://mail.google.com/mail/u/0/#inbox' })) ?? undefined,
  );
  return { messenger, lookups };
}

describe('rowBadges', () => {
  it('answers each client owing money once per address, by address or domain, skipping the user and paid clients', async () => {
    const { messenger, lookups } = setup();
    const answer = await messenger.rowBadges({
      addresses: [
        'AP@northwind.example.com',
        'sam@northwind.example.com',
        'ap@paidup.example.com',
        'me@example.com',
        'x@example.org',
      ],
      exclude: ['me@example.com'],
    });
    const badge = { client: 'Northwind', stage: 'final', maxDaysOverdue: 23 };
    expect(answer).toEqual({ 'ap@northwind.example.com': badge, 'sam@northwind.example.com': badge });
    // One summary per client, however many of its addresses the list shows.
    expect(lookups).toEqual([{ client: 'Northwind' }, { client: 'Paid Up' }]);
  });

  it('answers nothing before the first sync', async () => {
    expect(await setup(false).messenger.rowBadges({ addresses: ['ap@northwind.example.com'] })).toEqual({});
  });

  it('refuses a malformed request', async () => {
    const { messenger } = setup();
    await expect(
      messenger.rowBadges({ addresses: 'ap@northwind.example.com' as unknown as string[] }),
    ).rejects.toEqual(new MessageError('bad_request', 'addresses'));
  });
});
