import { describe, expect, it } from 'vitest';
import type { Envelope, Reply } from '../../extension/messages.ts';
import {
  MESSAGE_TAG,
  MessageError,
  PAGE_ONLY_MESSAGES,
  createMessenger,
  sendMessage,
} from '../../extension/messages.ts';
import { AuthError } from '../../extension/auth/auth.ts';
import type { Sender } from '../../extension/sync/message-router.ts';
import { createMessageRouter } from '../../extension/sync/message-router.ts';
import type { SyncService } from '../../extension/sync/sync-service.ts';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXTENSION_ID}/`;
const POPUP: Sender = { id: EXTENSION_ID, url: `${ORIGIN}popup.html` };
const GMAIL: Sender = { id: EXTENSION_ID, url: 'https://mail.google.com/mail/u/0/#inbox' };

function fakeService(calls: { name: string; args: unknown[] }[]): SyncService {
  return new Proxy({} as SyncService, {
    get:
      (_t, name: string) =>
      async (...args: unknown[]) => {
        calls.push({ name, args });
        if (name === 'signIn') throw new AuthError('cancelled', 'closed');
        if (name === 'clientList') throw new Error('boom');
        return name === 'lookup' ? { client: 'Acme' } : { ok: name };
      },
  });
}

const DISPUTE = {
  kind: 'dispute' as const,
  client: 'Acme',
  milestones: ['M-1'],
  reason: '=1+1 hours were never agreed',
  said: '2026-12-02',
  source: 'https://mail.google.com/mail/u/0/#inbox/abc',
  lang: 'en' as const,
};

function setup() {
  const calls: { name: string; args: unknown[] }[] = [];
  const route = createMessageRouter(fakeService(calls), {
    extensionId: EXTENSION_ID,
    extensionOrigin: ORIGIN,
  });
  const via = (sender: Sender) => (envelope: Envelope) =>
    route(envelope, sender) ?? Promise.resolve(undefined);
  return { calls, route, via };
}

describe('the message router', () => {
  it('answers the overlay’s lookup through the typed messenger', async () => {
    const { calls, via } = setup();
    const payladder = createMessenger(via(GMAIL));
    expect(await payladder.lookup({ addresses: ['ap@acme.example'] })).toEqual({ client: 'Acme' });
    expect(calls).toEqual([{ name: 'lookup', args: [{ addresses: ['ap@acme.example'] }] }]);
  });

  it('maps each message to its service call', async () => {
    const { calls, via } = setup();
    const popup = createMessenger(via(POPUP));
    await popup.status();
    await popup.sync({ ifStale: true });
    await popup.getMessageContext({ client: 'Acme' });
    await popup.renderMessages({ addresses: ['a@b.example'] });
    await popup.savePreferences({ syncMinutes: 15 });
    await popup.testConnection({ spreadsheet: 'https://docs.google.com/spreadsheets/d/x/edit' });
    await popup.flushQueue();
    expect(calls.map((c) => c.name)).toEqual([
      'status',
      'sync',
      'messageContext',
      'renderMessages',
      'savePreferences',
      'testConnection',
      'flushQueue',
      'status',
    ]);
    expect(calls[2]?.args).toEqual(['Acme']);
  });

  it.each(PAGE_ONLY_MESSAGES)('refuses %s from a content script', async (type) => {
    const { calls, route } = setup();
    const reply = await route({ tag: MESSAGE_TAG, type, data: {} }, GMAIL);
    expect(reply).toEqual({
      ok: false,
      error: { code: 'forbidden', message: `${type} is for the extension's own pages` },
    });
    expect(calls).toEqual([]);
  });

  it('refuses messages from another extension', async () => {
    const { route } = setup();
    const reply = await route(
      { tag: MESSAGE_TAG, type: 'status', data: {} },
      { id: 'someone-else', url: ORIGIN },
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it.each([
    ['lookup', { addresses: 'ap@acme.example' }],
    ['lookup', { addresses: [], extra: 1 }],
    ['lookup', { addresses: Array.from({ length: 501 }, () => 'a@b.c') }],
    ['getMessageContext', { client: '' }],
    ['lookup', { addresses: ['constructor'] }],
    ['lookup', { addresses: ['__proto__'] }],
    ['rowBadges', { addresses: ['a@b.c', 'toString'] }],
    ['renderMessages', { addresses: ['giu'] }],
    ['renderMessages', { client: 'Acme', window: { lines: 'Hi Sam,', signature: false } }],
    ['renderMessages', { client: 'Acme', window: { lines: ['Hi Sam,'], signature: true, html: '<b>' } }],
    [
      'logReminder',
      {
        client: 'Acme',
        milestones: [],
        stage: 'reminder',
        template: '',
        to: '',
        subject: '',
        link: '',
        sentAt: 'yesterday',
      },
    ],
    [
      'logReminder',
      {
        client: 'Acme',
        milestones: ['M-1'],
        stage: 'shouting',
        template: '',
        to: '',
        subject: '',
        link: '',
        sentAt: '2026-11-30T09:00:00Z',
      },
    ],
    ['replyAction', { ...DISPUTE, lang: 'fr' }],
    ['replyAction', { ...DISPUTE, amount: 100 }],
    ['replyAction', { ...DISPUTE, reason: 'x'.repeat(1001) }],
    ['replyAction', { ...DISPUTE, said: '2 Dec' }],
    ['replyAction', { ...DISPUTE, milestones: [] }],
  ])('refuses a malformed %s, naming only the fields', async (type, data) => {
    const { calls, route } = setup();
    const reply = (await route({ tag: MESSAGE_TAG, type, data } as Envelope, GMAIL)) as Reply;
    expect(reply.ok).toBe(false);
    if (!reply.ok) {
      expect(reply.error.code).toBe('bad_request');
      expect(reply.error.message).not.toContain('a@b.c');
    }
    expect(calls).toEqual([]);
  });

  it('accepts a well-formed reminder from the overlay', async () => {
    const { calls, via } = setup();
    await createMessenger(via(GMAIL)).logReminder({
      client: 'Acme',
      milestones: ['M-1'],
      stage: 'reminder',
      template: 'reminder',
      to: 'ap@acme.example',
      subject: 'Invoice 7',
      link: '',
      sentAt: '2026-11-30T09:00:00+01:00',
    });
    expect(calls[0]?.args[0]).toMatchObject({ client: 'Acme', channel: 'gmail' });
  });

  it('passes a well-formed dispute from the overlay to the reply actions', async () => {
    const asked: unknown[] = [];
    const service = {
      replies: {
        replyAction: async (data: unknown) => {
          asked.push(data);
          return { status: 'logged', message: '', summary: null };
        },
      },
    } as unknown as SyncService;
    const route = createMessageRouter(service, { extensionId: EXTENSION_ID, extensionOrigin: ORIGIN });
    const messenger = createMessenger((envelope) => route(envelope, GMAIL) ?? Promise.resolve(undefined));
    expect(await messenger.replyAction(DISPUTE)).toMatchObject({ status: 'logged' });
    expect(asked).toEqual([DISPUTE]);
  });

  it('leaves other messages to other listeners', () => {
    const { route } = setup();
    expect(route({ type: 'status' }, POPUP)).toBeUndefined();
    expect(route({ tag: MESSAGE_TAG, type: 'toString', data: {} }, POPUP)).toBeUndefined();
    expect(route('hello', POPUP)).toBeUndefined();
  });

  it('turns failures into coded replies the messenger throws as MessageError', async () => {
    const { via } = setup();
    const popup = createMessenger(via(POPUP));
    await expect(popup.signIn()).rejects.toMatchObject({ name: 'MessageError', code: 'cancelled' });
    const error = await popup.clientList().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MessageError);
    expect((error as MessageError).code).toBe('internal');
  });

  it('reports a missing answer', async () => {
    await expect(sendMessage('status', {}, async () => undefined)).rejects.toMatchObject({
      code: 'internal',
    });
  });
});

describe('rowBadges', () => {
  it('answers one badge per sender whose client owes money, in one request', async () => {
    const { demoState } = await import('./demo-state.ts');
    const { lookupClient, summaryByName } = await import('../../extension/sync/client-summary.ts');
    const { state } = demoState();
    const lookups: unknown[] = [];
    const service = {
      ledgerState: async () => state,
      lookup: async (r: { client?: string; addresses?: string[] }) => {
        lookups.push(r);
        return r.client !== undefined
          ? summaryByName(state, r.client, '2026-11-30')
          : lookupClient(state, r.addresses ?? [], [], '2026-11-30');
      },
    } as unknown as SyncService;
    const route = createMessageRouter(service, { extensionId: EXTENSION_ID, extensionOrigin: ORIGIN });
    const gmail = createMessenger((envelope) => route(envelope, GMAIL) ?? Promise.resolve(undefined));
    const badges = await gmail.rowBadges({
      addresses: [
        'ap@northwind.example.co.uk',
        'someone@northwind.example.co.uk',
        'me@morgan.example',
        'stranger@example.org',
      ],
      exclude: ['me@morgan.example'],
    });
    expect(Object.keys(badges)).toEqual(['ap@northwind.example.co.uk', 'someone@northwind.example.co.uk']);
    expect(badges['ap@northwind.example.co.uk']).toMatchObject({ client: 'Northwind Analytics Ltd' });
    // One summary per client, however many of its addresses the list shows.
    expect(lookups).toHaveLength(1);
  });
});
