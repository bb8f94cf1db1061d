import { describe, expect, it } from 'vitest';
import { PAYMENTS, PROMISES } from '../../shared/index.ts';
import { SheetsError } from '../../extension/sheets/errors.ts';
import { DEFAULT_PREFERENCES } from '../../extension/sync/defaults.ts';
import type { LedgerState } from '../../extension/sync/ledger-state.ts';
import { REPLY_PROBLEMS, createReplyActions } from '../../extension/sync/reply-actions.ts';
import { TODAY, demoState } from './demo-state.ts';
import { memorySheet } from './memory-sheet.ts';

const LINK = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQ';
const HP = 'Harbor & Pine LLC';

function setup(options: { failAppend?: SheetsError } = {}) {
  const { state: demo } = demoState();
  const state: LedgerState = { ...demo, source: 'sheet', spreadsheetId: 'sheet-1' };
  const tabs: Record<string, unknown[][]> = {
    [PROMISES.name]: [PROMISES.columns.map((c) => c.header)],
    [PAYMENTS.name]: [PAYMENTS.columns.map((c) => c.header)],
  };
  const appended: { tab: string; row: unknown[] }[] = [];
  let refreshed = 0;
  const actions = createReplyActions({
    ledgerState: () => Promise.resolve(state),
    preferences: () => Promise.resolve({ ...DEFAULT_PREFERENCES, spreadsheetId: 'sheet-1' }),
    matches: () => true,
    today: () => TODAY,
    refresh: () => {
      refreshed++;
      return Promise.resolve();
    },
    sheets: {
      ...memorySheet(tabs),
      batchGet: (_id, names) => Promise.resolve(Object.fromEntries(names.map((n) => [n, tabs[n] ?? []]))),
      append: async (_id, tab, row) => {
        // The answer comes after a turn of the event loop, as a real request's does.
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (options.failAppend) throw options.failAppend;
        appended.push({ tab, row: [...row] });
        const rows = tabs[tab] ?? [];
        // What Sheets keeps of a USER_ENTERED apostrophe text: the text.
        rows.push(row.map((v) => (typeof v === 'string' ? v.replace(/^'/, '') : v)));
        return { updatedRange: `${tab}!A${rows.length}:G${rows.length}`, row: rows.length };
      },
    },
  });
  return { actions, state, appended, tabs, refreshed: () => refreshed };
}

const promise = {
  kind: 'promise' as const,
  client: HP,
  milestones: ['HP-1'],
  amount: null,
  date: '2026-12-04',
  source: LINK,
};

describe('reply actions', () => {
  it('logs one Promises row with the date and link, and the chip sees the promise at once', async () => {
    const { actions, appended, refreshed } = setup();
    const result = await actions.replyAction(promise);
    expect(result.status).toBe('logged');
    expect(appended).toEqual([
      { tab: 'Promises', row: [TODAY, "'HP-1", `'${HP}`, null, '2026-12-04', `'${LINK}`, null] },
    ]);
    expect(result.summary?.milestones.find((m) => m.id === 'HP-1')?.stage).toBe('promised');
    expect(refreshed()).toBe(1);
  });

  it('appends once when clicked twice, even while the first append is on its way', async () => {
    const { actions, appended } = setup();
    const [a, b] = await Promise.all([actions.replyAction(promise), actions.replyAction(promise)]);
    expect([a.status, b.status]).toEqual(['logged', 'duplicate']);
    expect(await actions.replyAction(promise)).toMatchObject({ status: 'duplicate' });
    expect(appended).toHaveLength(1);
  });

  it('recognises a row already in the sheet (an earlier append whose answer was lost)', async () => {
    const { actions, appended, tabs } = setup();
    tabs['Promises']?.push([TODAY, 'HP-1', HP, '', 46360, LINK, '']); // 46360 = 2026-12-04
    expect((await actions.replyAction(promise)).status).toBe('duplicate');
    expect(appended).toHaveLength(0);
  });

  it('records a payment with the link in Note, and the outstanding drops at once', async () => {
    const { actions, appended } = setup();
    const result = await actions.replyAction({ ...promise, kind: 'payment', amount: 500, date: TODAY });
    expect(result.status).toBe('logged');
    expect(appended).toEqual([{ tab: 'Payments', row: [TODAY, "'HP-1", 500, null, `'${LINK}`] }]);
    expect(result.summary?.milestones.find((m) => m.id === 'HP-1')?.paid).toBe(50000);
  });

  it.each([
    ['a date before today', { date: '2026-11-01' }, REPLY_PROBLEMS.past('2026-11-01', TODAY)],
    ['another client’s milestone', { milestones: ['GD-3'] }, REPLY_PROBLEMS.otherClient('GD-3', HP)],
    ['an unknown milestone', { milestones: ['NOPE'] }, REPLY_PROBLEMS.noMilestone('NOPE')],
    ['a zero amount', { amount: 0 }, REPLY_PROBLEMS.amount('USD')],
  ])('refuses %s with a problem, writing nothing', async (_name, change, message) => {
    const { actions, appended } = setup();
    expect(await actions.replyAction({ ...promise, ...change })).toMatchObject({
      status: 'problem',
      message,
    });
    expect(appended).toHaveLength(0);
  });

  it('says when Payladder may only read the sheet', async () => {
    const { actions } = setup({ failAppend: new SheetsError('scope') });
    expect(await actions.replyAction(promise)).toMatchObject({
      status: 'no_write_access',
      message: REPLY_PROBLEMS.writeAccess,
    });
  });

  describe('readReply', () => {
    const client = 'billing@harborpine.example.com';
    const mine = { sender: 'me@example.com', date: 'Sun, 29 Nov 2026, 08:00', text: 'Any news?' };
    // The last reminder sent to Harbor & Pine is the final notice of 2026-11-26.
    it.each([
      [
        'EN, naming a day',
        'Sat, 28 Nov 2026, 09:00',
        "I'll pay by Friday",
        { on: '2026-11-28', promisedBy: '2026-12-04' },
      ],
      [
        'IT, naming a bare day',
        'sab 28 nov 2026, 09:00',
        'Pagherò entro il 15.',
        { on: '2026-11-28', promisedBy: '2026-12-15' },
      ],
      [
        'naming none',
        'Sat, 28 Nov 2026, 09:00',
        'We are looking into it.',
        { on: '2026-11-28', promisedBy: null },
      ],
      ['collapsed (no words)', 'Sat, 28 Nov 2026, 09:00', '', { on: '2026-11-28', promisedBy: null }],
    ])('a reply after the reminder, %s', async (_name, date, text, expected) => {
      const { actions } = setup();
      const messages = [
        { sender: client, date: 'Mon, 2 Nov 2026, 10:00', text: 'Received, thanks. Payment by 15/11.' },
        { sender: client, date, text },
        mine,
      ];
      expect(await actions.readReply({ client: HP, messages })).toEqual({
        reply: { ...expected, after: '2026-11-26' },
      });
    });

    it.each([
      ['the same day as the reminder (it may come before it)', 'Thu, 26 Nov 2026, 18:00'],
      ['before the reminder', 'Wed, 25 Nov 2026, 18:00'],
      ['a date that cannot be read', '10:12 (2 hours ago)'],
    ])('no reply: %s', async (_name, date) => {
      const { actions } = setup();
      const messages = [{ sender: client, date, text: "I'll pay by Friday" }, mine];
      expect(await actions.readReply({ client: HP, messages })).toEqual({ reply: null });
    });

    it('a draft is no reminder sent: the reply still counts after the last one sent', async () => {
      const { actions, state } = setup();
      const draft = {
        row: 99,
        sent: '2026-11-29',
        milestones: ['HP-1'],
        client: HP,
        stage: 'stop_work' as const,
        template: 'stop_work',
        to: client,
        subject: 'Stop work',
        channel: 'draft' as const,
        link: '',
      };
      state.ledger.reminders.push(draft);
      state.remindersByMilestone.get('HP-1')?.push(draft);
      const messages = [{ sender: client, date: 'Sat, 28 Nov 2026, 09:00', text: 'Friday' }];
      expect((await actions.readReply({ client: HP, messages })).reply?.after).toBe('2026-11-26');
    });

    it('no reply when only the user wrote, or another client', async () => {
      const { actions } = setup();
      const other = { sender: 'ap@northwind.example.co.uk', date: 'Sat, 28 Nov 2026, 09:00', text: 'Friday' };
      expect(await actions.readReply({ client: HP, messages: [mine, other] })).toEqual({ reply: null });
    });
  });

  it('logs a promise made on the day of the client’s message, and refuses one made later than today', async () => {
    const { actions, appended } = setup();
    expect(await actions.replyAction({ ...promise, made: '2026-12-01' })).toMatchObject({
      status: 'problem',
      message: REPLY_PROBLEMS.madeLater('2026-12-01', TODAY),
    });
    expect(await actions.replyAction({ ...promise, made: '2026-11-28', date: '2026-11-27' })).toMatchObject({
      status: 'problem',
      message: REPLY_PROBLEMS.past('2026-11-27', '2026-11-28'),
    });
    expect((await actions.replyAction({ ...promise, made: '2026-11-28' })).status).toBe('logged');
    expect(appended[0]?.row[0]).toBe('2026-11-28');
  });
});
