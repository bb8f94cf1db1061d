import { fakeBrowser } from 'wxt/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RawLedger } from '../../shared/index.ts';
import { REMINDERS, TABS, demoLedger } from '../../shared/index.ts';
import type { Auth } from '../../extension/auth/auth.ts';
import type { SyncService, SyncServiceDeps } from '../../extension/sync/sync-service.ts';
import { RETRY_ALARM, SYNC_ALARM, createSyncService } from '../../extension/sync/sync-service.ts';
import { toolbarBadge } from '../../extension/ui/badge.ts';
import {
  demoRemindersItem,
  metaItem,
  preferencesItem,
  reminderLogItem,
  statusItem,
  viewItem,
} from '../../extension/sync/items.ts';
import { ledgerItem } from '../../extension/sync/ledger-cache.ts';
import { PopupView } from '../../extension/sync/view.ts';
import type { FakeCell, SheetsFake } from '../support/sheets-fake.ts';
import { startSheetsFake } from '../support/sheets-fake.ts';
import { fetchVia } from './fake-sheets-fetch.ts';

const SHEET = 'unit-ledger-0000000001';
const TODAY = '2026-11-30';
// 10:00 in Rome on TODAY.
const T0 = Date.UTC(2026, 10, 30, 9, 0, 0);

let fake: SheetsFake;
let clock = T0;

beforeAll(async () => {
  fake = await startSheetsFake();
});
afterAll(async () => {
  await fake.close();
});

function sheetFrom(raw: RawLedger, order?: Record<string, string[]>) {
  const tabs: Record<string, FakeCell[][]> = {};
  for (const [name, rows] of Object.entries(raw)) {
    const wanted = order?.[name];
    if (!wanted) {
      tabs[name] = rows as FakeCell[][];
      continue;
    }
    // The same tab with its columns in another order (and unknown ones), as a user may have it.
    const header = rows[0] as string[];
    tabs[name] = rows.map((row, i) =>
      wanted.map((h) => (i === 0 ? h : ((row[header.indexOf(h)] ?? '') as FakeCell))),
    );
  }
  return tabs;
}

function putDemoSheet(order?: Record<string, string[]>) {
  fake.setSpreadsheet(SHEET, {
    title: 'Morgan Studio ledger',
    locale: 'en_GB',
    timeZone: 'Europe/Rome',
    tabs: sheetFrom(demoLedger(TODAY), order),
  });
}

interface AuthControl {
  auth: Auth;
  /** Every token issued, to register again after `fake.reset()` (which forgets them). */
  issued: string[];
  /** What `token()` gives after Google refused one: a fresh token, or null (the user must sign in). */
  renew: boolean;
  dropped: string[];
}

function fakeAuth(): AuthControl {
  let n = 0;
  const issued: string[] = [];
  const issue = () => {
    const token = `ya29.unit-${++n}`;
    fake.addToken(token);
    issued.push(token);
    return token;
  };
  let current: string | null = issue();
  const control: AuthControl = {
    issued,
    renew: true,
    dropped: [],
    auth: {
      token: async () => current,
      signIn: async () => void (current = issue()),
      grant: async () => undefined,
      drop: async (token) => {
        control.dropped.push(token);
        if (current === token) current = control.renew ? issue() : null;
      },
      signOut: async () => {
        current = null;
        return { revokeSent: false };
      },
      state: async () => ({ method: 'web', signedIn: current !== null, scopes: [] }),
    },
  };
  return control;
}

let control: AuthControl;
let service: SyncService;

function makeService(overrides: Partial<SyncServiceDeps> = {}): SyncService {
  return createSyncService({
    fetch: fetchVia(fake.port),
    auth: control.auth,
    badge: toolbarBadge(fakeBrowser.action),
    alarms: fakeBrowser.alarms,
    now: () => clock,
    random: () => 0.5,
    sleep: async () => undefined,
    requestTimeoutMs: 300,
    ...overrides,
  });
}

const sheetRequests = () => fake.requests.filter((r) => r.method !== 'OPTIONS');

/** Forgets the request log and puts the sheet back (the demo by default); the tokens stay. */
function clearLog(put: () => void = () => putDemoSheet()) {
  fake.reset();
  put();
  for (const token of control.issued) fake.addToken(token);
}

beforeEach(async () => {
  fakeBrowser.reset();
  fake.reset();
  clock = T0;
  putDemoSheet();
  control = fakeAuth();
  service = makeService();
  // These tests log reminders: the user turned logging on (it is off until they do).
  await preferencesItem.set({ ...(await preferencesItem.get()), spreadsheetId: SHEET, logging: true });
});

describe('sync', () => {
  it('asks for a ledger before one is chosen, with no badge count and no request', async () => {
    await preferencesItem.set({ ...(await preferencesItem.get()), spreadsheetId: null });
    const status = await service.sync();
    expect(status.configured).toBe(false);
    expect(status.error?.code).toBe('not_configured');
    expect(sheetRequests()).toHaveLength(0);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it('reads the metadata once, then every sync is exactly one batchGet of every ledger tab', async () => {
    const first = await service.sync();
    expect(first.error).toBeNull();
    expect(first.requests).toBe(2);
    expect(sheetRequests().map((r) => r.path)).toEqual([
      `/v4/spreadsheets/${SHEET}`,
      `/v4/spreadsheets/${SHEET}/values:batchGet`,
    ]);
    clearLog();
    const second = await service.sync();
    expect(second.requests).toBe(1);
    const [batch] = sheetRequests();
    expect(sheetRequests()).toHaveLength(1);
    expect(batch?.query['ranges']).toEqual(TABS.map((t) => `'${t.name}'`));
    expect(batch?.query['valueRenderOption']).toEqual(['UNFORMATTED_VALUE']);
    expect(batch?.query['dateTimeRenderOption']).toEqual(['SERIAL_NUMBER']);
    expect(batch?.headers.authorization).toMatch(/^Bearer ya29\.unit-/);
  });

  it('writes the view, the cached ledger and the badge', async () => {
    await service.sync();
    const view = await viewItem.get();
    expect(view?.title).toBe('Morgan Studio ledger');
    expect(view?.today).toBe(TODAY);
    expect(view?.work.count).toBeGreaterThan(0);
    expect(await fakeBrowser.action.getBadgeText({})).toBe(String(view?.work.count));
    expect(await ledgerItem.get()).not.toBeNull();
    const status = await statusItem.get();
    expect(status).toMatchObject({
      syncing: false,
      lastSuccessAt: clock,
      error: null,
      failures: 0,
      requests: 2,
    });
  });

  it('does not parse or write the ledger again when the sheet is unchanged, but moves the date', async () => {
    await service.sync();
    const writes: string[] = [];
    fakeBrowser.storage.local.onChanged.addListener((changes) => writes.push(...Object.keys(changes)));
    clock += 24 * 3600_000;
    await service.sync();
    expect(writes).not.toContain('ledger');
    expect(writes).toContain('view');
    expect((await viewItem.get())?.today).toBe('2026-12-01');
    writes.length = 0;
    const raw = demoLedger(TODAY);
    raw['Payments']?.push(['2026-11-30', 'NW-2', 100, 'bank', '']);
    clearLog(() =>
      fake.setSpreadsheet(SHEET, {
        title: 'Morgan Studio ledger',
        locale: 'en_GB',
        timeZone: 'Europe/Rome',
        tabs: sheetFrom(raw),
      }),
    );
    await service.sync();
    expect(writes).toContain('ledger');
    // After a worker restart the ledger carries the last success's time, not the last write's.
    clock += 60_000;
    await service.sync();
    const restarted = makeService();
    expect((await restarted.lookup({ client: 'Glenmore Distillery' }))?.syncedAt).toBe(clock);
  });

  it('shares one running sync between callers: one request for three syncs', async () => {
    await service.sync();
    clearLog();
    await Promise.all([service.sync(), service.sync(), service.onGmailFocus(), service.sync()]);
    expect(sheetRequests()).toHaveLength(1);
  });

  it('runs a Refresh asked during a skipped staleness check, once', async () => {
    await service.sync();
    clearLog();
    await Promise.all([service.onGmailFocus(), service.sync(), service.sync()]);
    expect(sheetRequests()).toHaveLength(1);
  });

  it('skips a sync when asked only if stale and the data is fresh', async () => {
    await service.sync();
    clearLog();
    await service.sync({ ifStale: true });
    await service.onGmailFocus();
    expect(sheetRequests()).toHaveLength(0);
    clock += 11 * 60_000;
    await service.onGmailFocus();
    expect(sheetRequests()).toHaveLength(1);
  });

  it('syncs when asked only if stale but the stored view is missing or of an older shape', async () => {
    await service.sync();
    clearLog();
    // A view written by an older version: its problems carry no words (the schema drops it).
    const stored = (await fakeBrowser.storage.local.get('view'))['view'] as PopupView;
    expect(stored.problems.first.length).toBeGreaterThan(0);
    const older = {
      ...stored,
      problems: { ...stored.problems, first: stored.problems.first.map(({ text: _, ...p }) => p) },
    };
    await fakeBrowser.storage.local.set({ view: older });
    await service.sync({ ifStale: true });
    expect(sheetRequests()).toHaveLength(1);
    expect(PopupView.parse((await fakeBrowser.storage.local.get('view'))['view'])).not.toBeNull();
    clearLog();
    await service.sync({ ifStale: true });
    expect(sheetRequests()).toHaveLength(0);
  });

  it('schedules itself on the sync interval', async () => {
    await service.onStartup();
    expect(await fakeBrowser.alarms.get(SYNC_ALARM)).toMatchObject({ periodInMinutes: 10 });
    await service.savePreferences({ syncMinutes: 30 });
    expect(await fakeBrowser.alarms.get(SYNC_ALARM)).toMatchObject({ periodInMinutes: 30 });
  });

  it('reads the tab names again when a tab was renamed since', async () => {
    await service.sync();
    const raw = demoLedger(TODAY);
    const renamed: RawLedger = Object.fromEntries(
      Object.entries(raw).map(([k, v]) => [k === 'Payments' ? 'PAYMENTS ' : k, v]),
    );
    clearLog(() =>
      fake.setSpreadsheet(SHEET, {
        title: 'Morgan Studio ledger',
        locale: 'en_GB',
        timeZone: 'Europe/Rome',
        tabs: sheetFrom(renamed),
      }),
    );
    const status = await service.sync();
    expect(status.error).toBeNull();
    expect(sheetRequests().map((r) => r.path.split('/').pop())).toEqual([
      'values:batchGet',
      SHEET,
      'values:batchGet',
    ]);
    expect(sheetRequests()[2]?.query['ranges']).toContain("'PAYMENTS '");
  });
});

describe('failures', () => {
  it('on 401 drops the token, retries once with a fresh one, and succeeds', async () => {
    await service.sync();
    clearLog();
    fake.revokeToken('ya29.unit-1');
    const status = await service.sync();
    expect(status.error).toBeNull();
    expect(control.dropped).toEqual(['ya29.unit-1']);
    expect(sheetRequests().map((r) => r.headers.authorization)).toEqual([
      'Bearer ya29.unit-1',
      'Bearer ya29.unit-2',
    ]);
  });

  it('after a 401 with no fresh token asks to sign in, keeping the cached figures and showing !', async () => {
    await service.sync();
    const before = await viewItem.get();
    control.renew = false;
    fake.failNext(1, 401);
    const status = await service.sync();
    expect(status.error?.code).toBe('signed_out');
    expect(await viewItem.get()).toEqual(before);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
    expect(await fakeBrowser.alarms.get(RETRY_ALARM)).toBeUndefined();
  });

  it.each([
    [403, 'forbidden'],
    [404, 'not_found'],
  ] as const)('on %i names the sheet and does not retry by itself', async (code, expected) => {
    await service.sync();
    fake.failNext(1, code);
    const status = await service.sync();
    expect(status.error).toMatchObject({
      code: expected,
      status: code,
      sheetTitle: 'Morgan Studio ledger',
      spreadsheetId: SHEET,
    });
    expect(status.nextRetryAt).toBeNull();
    expect(await fakeBrowser.alarms.get(RETRY_ALARM)).toBeUndefined();
    expect((await fakeBrowser.action.getTitle({})).length).toBeGreaterThan(0);
  });

  it('on 429 and 5xx retries in the request, then backs off with an alarm, figures kept with their age', async () => {
    await service.sync();
    const view = await viewItem.get();
    clearLog();
    fake.failNext(3, 500);
    clock += 60_000;
    const status = await service.sync();
    expect(sheetRequests()).toHaveLength(3);
    expect(status.error?.code).toBe('server');
    expect(status.ageMs).toBe(60_000);
    expect(await viewItem.get()).toEqual(view);
    const alarm = await fakeBrowser.alarms.get(RETRY_ALARM);
    // First failure: equal jitter in [30 s, 60 s] (random 0.5 → 45 s).
    expect(status.nextRetryAt).toBe(clock + 45_000);
    expect(alarm?.scheduledTime).toBe(clock + 45_000);

    fake.failNext(3, 429);
    const again = await service.sync();
    expect(again.error?.code).toBe('rate_limited');
    // Second failure in a row: the window doubles.
    expect(again.nextRetryAt).toBe(clock + 90_000);

    await service.onAlarm(RETRY_ALARM);
    const after = await service.status();
    expect(after.error).toBeNull();
    expect((await statusItem.get()).failures).toBe(0);
  });

  it('times out a hanging request and schedules a retry', async () => {
    await service.sync();
    fake.hangNext(1);
    const status = await service.sync();
    expect(status.error?.code).toBe('timeout');
    expect(status.nextRetryAt).not.toBeNull();
  });

  it('sends nothing while offline', async () => {
    const offline = makeService({ isOnline: () => false });
    const status = await offline.sync();
    expect(status.error?.code).toBe('offline');
    expect(sheetRequests()).toHaveLength(0);
  });
});

describe('the Gmail overlay after a worker restart', () => {
  it('answers lookups from the cached ledger with no request', async () => {
    await service.sync();
    clearLog();
    const restarted = makeService();
    const summary = await restarted.lookup({ addresses: ['AP@northwind.example.co.uk'] });
    expect(summary?.client).toBe('Northwind Analytics Ltd');
    expect((await restarted.clientList()).map((c) => c.client)).toContain('Glenmore Distillery');
    const context = await restarted.messageContext('glenmore distillery');
    expect(context?.client.client).toBe('Glenmore Distillery');
    expect(context?.milestones.every((m) => m.client === 'Glenmore Distillery')).toBe(true);
    expect(sheetRequests()).toHaveLength(0);
  });

  it('renders the messages for a client through the core', async () => {
    await service.sync();
    const rendered = await service.renderMessages({ addresses: ['ap@northwind.example.co.uk'] });
    expect(rendered?.client).toBe('Northwind Analytics Ltd');
    expect(rendered?.messages.length).toBeGreaterThan(3);
    if (rendered?.recommended) {
      expect(rendered.messages.map((m) => m.messageId)).toContain(rendered.recommended);
    }
    for (const m of rendered?.messages ?? []) expect(m.text).not.toContain('{{');
    expect(await service.renderMessages({ client: 'Nobody at all' })).toBeNull();
  });
});

describe('logging reminders', () => {
  const sent = {
    client: 'Northwind Analytics Ltd',
    milestones: ['NW-3'],
    stage: 'followup' as const,
    template: 'followup',
    to: 'ap@northwind.example.co.uk',
    subject: '=HYPERLINK("x") Invoice INV-1063',
    link: 'https://mail.google.com/mail/u/0/#sent/18c2f',
    sentAt: '2026-11-30T09:05:00Z',
  };
  // The user's Reminders tab: columns in their own order, one of their own in the middle.
  const order = {
    [REMINDERS.name]: [
      'Client',
      'Sent',
      'Milestone',
      'My notes',
      'Subject',
      'To',
      'Stage',
      'Template',
      'Channel',
      'Link',
    ],
  };

  beforeEach(() => {
    putDemoSheet(order);
  });

  it('appends one row in the columns the header names, once, however often it is reported', async () => {
    await service.sync();
    clearLog(() => putDemoSheet(order));
    const before = fake.tab(SHEET, 'Reminders').length;
    const first = await service.logReminder(sent);
    expect(first).toMatchObject({ status: 'logged', pending: 0, error: null });
    const second = await service.logReminder(sent);
    expect(second).toMatchObject({ status: 'duplicate', key: first.key });
    expect(sheetRequests().filter((r) => r.method === 'POST')).toHaveLength(1);
    const rows = fake.tab(SHEET, 'Reminders');
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toEqual([
      'Northwind Analytics Ltd',
      { date: TODAY },
      'NW-3',
      null,
      '=HYPERLINK("x") Invoice INV-1063',
      'ap@northwind.example.co.uk',
      'followup',
      'followup',
      'gmail',
      'https://mail.google.com/mail/u/0/#sent/18c2f',
    ]);
    // The overlay sees it at once, without another read of the sheet.
    const summary = await service.lookup({ client: 'Northwind Analytics Ltd' });
    expect(summary?.lastReminders[0]).toMatchObject({ sent: TODAY, milestones: ['NW-3'], stage: 'followup' });
  });

  it('queues a reminder that could not be appended, shows it, and logs it after the next sync', async () => {
    await service.sync();
    fake.failNext(1, 403);
    const result = await service.logReminder(sent);
    expect(result).toMatchObject({ status: 'queued', pending: 1 });
    expect(result.error?.code).toBe('forbidden');
    expect((await service.status()).queue.pending).toBe(1);
    await service.sync();
    expect((await reminderLogItem.get()).queue).toEqual([]);
    expect(fake.tab(SHEET, 'Reminders').filter((r) => r[2] === 'NW-3' && r[4] === sent.subject)).toHaveLength(
      1,
    );
  });

  it('after a 500 does not append again if the row did land (found in the next read)', async () => {
    await service.sync();
    fake.failNext(1, 500);
    const result = await service.logReminder(sent);
    expect(result.status).toBe('queued');
    expect((await reminderLogItem.get()).queue[0]?.uncertain).toBe(true);
    // The append had in fact gone through: the row is in the sheet.
    const rows = fake.tab(SHEET, 'Reminders');
    rows.push([
      'Northwind Analytics Ltd',
      { date: TODAY },
      'NW-3',
      null,
      sent.subject,
      sent.to,
      'followup',
      'followup',
      'gmail',
      sent.link,
    ]);
    clearLog(() =>
      fake.setSpreadsheet(SHEET, {
        title: 'Morgan Studio ledger',
        locale: 'en_GB',
        timeZone: 'Europe/Rome',
        tabs: { ...sheetFrom(demoLedger(TODAY), order), Reminders: rows },
      }),
    );
    await service.sync();
    expect(sheetRequests().filter((r) => r.method === 'POST')).toHaveLength(0);
    expect((await reminderLogItem.get()).queue).toEqual([]);
  });

  it('says when logging is off, and writes nothing', async () => {
    await service.savePreferences({ logging: false });
    clearLog();
    expect((await service.logReminder(sent)).status).toBe('disabled');
    expect(sheetRequests()).toHaveLength(0);
  });

  it.each([
    ['a stranger who only copied the client', 'fraud@attacker.example'],
    ['an address the ledger gives another client', 'finance@glenmore.example.com'],
    ['nobody', ''],
  ])('logs nothing when the To is %s (the client in Cc is not enough)', async (_who, to) => {
    await service.sync();
    clearLog(() => putDemoSheet(order));
    const result = await service.logReminder({ ...sent, to });
    expect(result.status).toBe('not_addressed');
    expect(sheetRequests().filter((r) => r.method === 'POST')).toHaveLength(0);
    expect((await reminderLogItem.get()).queue).toEqual([]);
  });

  it('logs the actual To, strangers included, when one To recipient is the client', async () => {
    await service.sync();
    clearLog(() => putDemoSheet(order));
    const to = 'fraud@attacker.example, "Accounts" <AP@northwind.example.co.uk>';
    expect((await service.logReminder({ ...sent, to })).status).toBe('logged');
    expect(fake.tab(SHEET, 'Reminders').at(-1)?.[5]).toBe(to);
  });

  it('keeps a queued reminder for its own sheet: never flushed into the next one chosen, shown apart, discarded on request', async () => {
    await service.sync();
    fake.failNext(1, 403);
    expect((await service.logReminder(sent)).status).toBe('queued');
    expect((await reminderLogItem.get()).queue[0]?.spreadsheetId).toBe(SHEET);
    // The user signs out, switches to another ledger, and signs in again there.
    await service.signOut();
    await control.auth.signIn('x');
    const OTHER = 'unit-ledger-0000000002';
    fake.setSpreadsheet(OTHER, {
      title: 'Another ledger',
      locale: 'en_GB',
      timeZone: 'Europe/Rome',
      tabs: sheetFrom(demoLedger(TODAY)),
    });
    await service.savePreferences({ spreadsheetId: OTHER });
    await service.flushQueue();
    expect(fake.tab(OTHER, 'Reminders').filter((r) => r.includes(sent.subject))).toHaveLength(0);
    const status = await service.status();
    expect(status.queue).toMatchObject({ pending: 0, otherLedgers: [{ spreadsheetId: SHEET, count: 1 }] });
    // Back to the first sheet: it is logged there.
    await service.savePreferences({ spreadsheetId: SHEET });
    expect((await service.status()).queue).toMatchObject({ pending: 0, otherLedgers: [] });
    expect(fake.tab(SHEET, 'Reminders').filter((r) => r.includes(sent.subject))).toHaveLength(1);
    // One left for another sheet is discarded only when the user asks.
    fake.failNext(1, 403);
    await service.logReminder({ ...sent, subject: 'Second', key: 'second' });
    await service.savePreferences({ spreadsheetId: OTHER });
    expect((await service.discardOtherQueued()).queue.otherLedgers).toEqual([]);
    expect((await reminderLogItem.get()).queue).toEqual([]);
  });

  it('keeps the reminder queued, with the reason, when the sheet has no Reminders tab', async () => {
    const raw = demoLedger(TODAY);
    delete raw['Reminders'];
    fake.setSpreadsheet(SHEET, {
      title: 'Morgan Studio ledger',
      locale: 'en_GB',
      timeZone: 'Europe/Rome',
      tabs: sheetFrom(raw),
    });
    await service.sync();
    const result = await service.logReminder(sent);
    expect(result.status).toBe('queued');
    expect(result.error?.code).toBe('no_reminders_tab');
  });
});

describe('mark disputed from a reply', () => {
  const LINK = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQ';
  const dispute = {
    kind: 'dispute' as const,
    client: 'Harbor & Pine LLC',
    milestones: ['HP-1'],
    reason: '=the hours were never agreed',
    said: '2026-11-28',
    source: LINK,
    lang: 'en' as const,
  };
  const note = `=the hours were never agreed (client's reply of 28 Nov 2026: ${LINK})`;
  const stageOf = async () =>
    (await service.lookup({ client: 'Harbor & Pine LLC' }))?.milestones.find((m) => m.id === 'HP-1')?.stage;

  it('sets the two cells in the sheet, RAW, shows Disputed at once, and the next sync agrees, undone too', async () => {
    await service.sync();
    const row = (fake.tab(SHEET, 'Milestones') as unknown[][]).findIndex((r) => r[0] === 'HP-1') + 1;
    clearLog();
    const result = await service.replies.replyAction(dispute);
    expect(result.status).toBe('logged');
    expect(sheetRequests().map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /v4/spreadsheets/${SHEET}/values:batchGet`,
      `POST /v4/spreadsheets/${SHEET}/values:batchUpdate`,
    ]);
    const sheetRow = fake.tab(SHEET, 'Milestones')[row - 1] ?? [];
    expect([sheetRow[9], sheetRow[11]]).toEqual(['Disputed', note]);
    expect(await stageOf()).toBe('disputed');
    // The cached ledger carries it over a worker restart, before any sync.
    expect(
      (await makeService().lookup({ client: 'Harbor & Pine LLC' }))?.milestones.find((m) => m.id === 'HP-1')
        ?.stage,
    ).toBe('disputed');

    // The user clears both cells in the sheet before any sync: the sheet is as it was at the
    // first sync, and the next sync must not keep the dispute it no longer holds.
    clearLog();
    await service.sync();
    expect(await stageOf()).not.toBe('disputed');
    // Marked again, the next sync reads it back from the sheet.
    expect((await service.replies.replyAction(dispute)).status).toBe('logged');
    await service.sync();
    expect(await stageOf()).toBe('disputed');
  });

  it('asks for write access when logging is off, writing nothing', async () => {
    await service.sync();
    await preferencesItem.set({ ...(await preferencesItem.get()), logging: false });
    const readOnly = makeService({
      auth: {
        ...control.auth,
        token: async (scope) => (scope.endsWith('.readonly') ? control.auth.token(scope) : null),
      },
    });
    clearLog();
    expect(await readOnly.replies.replyAction(dispute)).toMatchObject({ status: 'no_write_access' });
    expect(sheetRequests().filter((r) => r.method === 'POST')).toHaveLength(0);
  });
});

describe('demo mode', () => {
  it('serves the bundled demo ledger with no account and no network', async () => {
    const offline = makeService({
      fetch: () => Promise.reject(new Error('no network in demo mode')),
      isOnline: () => false,
    });
    control.renew = false;
    await offline.savePreferences({ demo: true });
    const status = await offline.status();
    expect(status).toMatchObject({
      demo: true,
      configured: true,
      error: null,
      title: 'Payladder demo ledger',
    });
    const view = await viewItem.get();
    expect(view?.source).toBe('demo');
    expect(view?.work.count).toBeGreaterThan(0);
    expect(await fakeBrowser.action.getBadgeText({})).toBe(String(view?.work.count));
    expect((await offline.lookup({ addresses: ['finance@glenmore.example.com'] }))?.client).toBe(
      'Glenmore Distillery',
    );
  });

  it('logs reminders into the demo ledger, which moves the ladder', async () => {
    await service.savePreferences({ demo: true });
    const before = await viewItem.get();
    const due = before?.work.messages[0];
    const message = due ? (await service.messageContext(due.client))?.report.message : null;
    if (!due || !message) throw new Error('the demo has nothing due');
    const result = await service.logReminder({
      client: due.client,
      milestones: message.milestones,
      stage: message.messageId,
      template: message.messageId,
      to: due.to.find((e) => !e.startsWith('@')) ?? '',
      subject: 'Demo reminder',
      link: '',
      sentAt: new Date(clock).toISOString(),
    });
    expect(result.status).toBe('logged');
    expect(await demoRemindersItem.get()).toHaveLength(1);
    const after = await viewItem.get();
    // The message sent is no longer today's for the client (another of theirs may be).
    expect(after?.work.messages.find((r) => r.client === due.client)?.stage).not.toBe(due.stage);
    expect(sheetRequests()).toHaveLength(0);
  });
});

describe('preferences and account', () => {
  it('never shows one ledger under another: changing the sheet clears the figures', async () => {
    await service.sync();
    expect(await viewItem.get()).not.toBeNull();
    fake.setSpreadsheet('another-ledger-000000', { title: 'Other', tabs: { Clients: [['Client']] } });
    await service.savePreferences({ spreadsheetId: 'another-ledger-000000' });
    expect((await viewItem.get())?.title).toBe('Other');
    expect(await service.lookup({ addresses: ['ap@northwind.example.co.uk'] })).toBeNull();
  });

  it('signing out forgets the cached ledger and asks to sign in', async () => {
    await service.sync();
    const status = await service.signOut();
    expect(status.error?.code).toBe('signed_out');
    expect(await viewItem.get()).toBeNull();
    expect(await ledgerItem.get()).toBeNull();
    expect(await metaItem.get()).toBeNull();
    expect(await service.lookup({ addresses: ['ap@northwind.example.co.uk'] })).toBeNull();
  });

  it('tests a connection from a pasted URL without saving it', async () => {
    const result = await service.testConnection(`https://docs.google.com/spreadsheets/d/${SHEET}/edit#gid=0`);
    expect(result).toMatchObject({
      ok: true,
      spreadsheetId: SHEET,
      title: 'Morgan Studio ledger',
      tabsMissing: [],
    });
    expect(result.tabsFound).toEqual(TABS.map((t) => t.name));
    expect(
      (await service.testConnection('https://docs.google.com/spreadsheets/d/missing-sheet-0000/edit')).error
        ?.code,
    ).toBe('not_found');
    expect((await service.testConnection('my ledger')).ok).toBe(false);
    // The metadata read for the test is kept: the first sync is then one request.
    clearLog();
    expect((await service.sync()).requests).toBe(1);
  });
});
