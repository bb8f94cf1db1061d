/**
 * Issue 18 item 11: the extension asks Google for read-only access at first sign-in, for
 * write access only when the user turns on logging sent reminders (incremental
 * authorization), reads with the read-only token, and revokes the grant on sign-out.
 * The real auth and sync service, against the Sheets fake (which refuses a write with a
 * read-only token, as Google does) and a consent page that grants per requested scope.
 */
import { fakeBrowser } from 'wxt/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { demoLedger } from '../../shared/index.ts';
import type { IdentityApi } from '../../extension/auth/auth.ts';
import { AuthError, createAuth } from '../../extension/auth/auth.ts';
import { GOOGLE_REVOKE_URL, revokeGrant } from '../../extension/auth/revoke.ts';
import { SHEETS_READONLY_SCOPE, SHEETS_SCOPE } from '../../extension/auth/scopes.ts';
import { preferencesItem } from '../../extension/sync/items.ts';
import { createSyncService } from '../../extension/sync/sync-service.ts';
import { toolbarBadge } from '../../extension/ui/badge.ts';
import type { FakeCell, SheetsFake } from '../support/sheets-fake.ts';
import { startSheetsFake } from '../support/sheets-fake.ts';
import { fetchVia } from './fake-sheets-fetch.ts';

const SHEET = 'unit-least-privilege-01';
const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';
const T0 = Date.UTC(2026, 10, 30, 9, 0, 0);

let fake: SheetsFake;
beforeAll(async () => {
  fake = await startSheetsFake();
});
afterAll(async () => {
  await fake.close();
});

interface Google {
  identity: IdentityApi;
  /** Every consent: the scope asked for, whether a window could show, include_granted_scopes. */
  flows: { scope: string; interactive: boolean; include: boolean }[];
  revoked: string[];
  /** The user closes the next interactive consent window. */
  refuseNext: boolean;
}

/** Google's consent page for launchWebAuthFlow: grants what is asked, adds up grants, revokes them. */
function google(): Google {
  const granted = new Set<string>();
  let n = 0;
  const g: Google = {
    flows: [],
    revoked: [],
    refuseNext: false,
    identity: {
      getRedirectURL: () => REDIRECT,
      launchWebAuthFlow: async ({ url, interactive }) => {
        const u = new URL(url);
        const scope = u.searchParams.get('scope') ?? '';
        const include = u.searchParams.get('include_granted_scopes') === 'true';
        g.flows.push({ scope, interactive, include });
        const state = u.searchParams.get('state') ?? '';
        if (interactive && g.refuseNext) {
          g.refuseNext = false;
          throw new Error('The user did not approve access.');
        }
        if (!interactive && !scope.split(' ').every((s) => granted.has(s))) {
          return `${REDIRECT}#state=${state}&error=consent_required`;
        }
        for (const s of scope.split(' ')) granted.add(s);
        const scopes = include ? [...granted] : scope.split(' ');
        const token = `ya29.lp-${++n}`;
        fake.addToken(token, scopes.join(' '));
        return `${REDIRECT}#state=${state}&access_token=${token}&token_type=Bearer&expires_in=3599&scope=${encodeURIComponent(scopes.join(' '))}`;
      },
    },
  };
  return g;
}

function setup(g: Google) {
  const auth = createAuth({
    identity: g.identity,
    config: { chromeClientId: '', webClientId: 'web.apps.googleusercontent.com' },
    now: () => T0,
    revoke: async (token) => {
      g.revoked.push(token);
      fake.revokeToken(token);
      return true;
    },
  });
  const service = createSyncService({
    fetch: fetchVia(fake.port),
    auth,
    badge: toolbarBadge(fakeBrowser.action),
    alarms: fakeBrowser.alarms,
    now: () => T0,
    random: () => 0.5,
    sleep: async () => undefined,
    requestTimeoutMs: 2000,
  });
  return { auth, service };
}

const tokenOf = (r: { headers: Record<string, string | string[] | undefined> }) =>
  String(r.headers['authorization']).replace(/^Bearer /, '');
const appends = () => fake.requests.filter((r) => r.method === 'POST' && r.path.includes(':append'));
const reads = () => fake.requests.filter((r) => r.method === 'GET');

const sent = {
  client: 'Northwind Analytics Ltd',
  milestones: ['NW-3'],
  stage: 'followup' as const,
  template: 'followup',
  to: 'ap@northwind.example.co.uk',
  subject: 'Invoice INV-1063',
  link: 'https://mail.google.com/mail/u/0/#sent/18c2f',
  sentAt: '2026-11-30T09:05:00Z',
};

beforeEach(async () => {
  fakeBrowser.reset();
  fake.reset();
  fake.setSpreadsheet(SHEET, {
    title: 'Morgan Studio ledger',
    locale: 'en_GB',
    timeZone: 'Europe/Rome',
    tabs: demoLedger('2026-11-30') as Record<string, FakeCell[][]>,
  });
  await preferencesItem.set({ ...(await preferencesItem.get()), spreadsheetId: SHEET });
});

describe('first sign-in', () => {
  it('asks for read-only access, reads with it, and leaves logging off', async () => {
    const g = google();
    const { service } = setup(g);
    expect((await preferencesItem.get()).logging).toBe(false);
    const status = await service.signIn();
    expect(g.flows).toEqual([{ scope: SHEETS_READONLY_SCOPE, interactive: true, include: true }]);
    expect(status.auth.scopes).toEqual([SHEETS_READONLY_SCOPE]);
    expect(status.error).toBeNull();
    expect(reads().length).toBeGreaterThan(0);
    expect(await service.logReminder(sent)).toMatchObject({ status: 'disabled' });
    expect(appends()).toHaveLength(0);
  });
});

describe('turning logging on', () => {
  it('asks for write access then (incrementally), and logs with it', async () => {
    const g = google();
    const { service } = setup(g);
    await service.signIn();
    await service.savePreferences({ logging: true });
    expect(g.flows.slice(1).filter((f) => f.interactive)).toEqual([
      { scope: SHEETS_SCOPE, interactive: true, include: true },
    ]);
    expect((await service.status()).auth.scopes).toEqual([SHEETS_READONLY_SCOPE, SHEETS_SCOPE]);
    expect(await service.logReminder(sent)).toMatchObject({ status: 'logged' });
    expect(appends()).toHaveLength(1);
  });

  it('keeps logging off when the user refuses write access', async () => {
    const g = google();
    const { service } = setup(g);
    await service.signIn();
    g.refuseNext = true;
    await expect(service.savePreferences({ logging: true })).rejects.toBeInstanceOf(AuthError);
    expect((await preferencesItem.get()).logging).toBe(false);
    expect((await service.status()).auth.scopes).toEqual([SHEETS_READONLY_SCOPE]);
  });

  it('queues a reminder with a clear reason, sending nothing, when write access is missing', async () => {
    const g = google();
    const { service } = setup(g);
    await service.signIn();
    // Logging was on before this version (stored), the grant is read-only.
    await preferencesItem.set({ ...(await preferencesItem.get()), logging: true });
    const result = await service.logReminder(sent);
    expect(result).toMatchObject({ status: 'queued', error: { code: 'scope' } });
    expect(appends()).toHaveLength(0);
    // Allow editing (Options) grants it and sends what waited.
    const status = await service.grantWrite();
    expect(status.queue.pending).toBe(0);
    expect(appends()).toHaveLength(1);
  });
});

describe('the Sheets fake, as Google', () => {
  it('answers a write with a read-only token 403 PERMISSION_DENIED, insufficient scopes', async () => {
    fake.addToken('ya29.read-only', SHEETS_READONLY_SCOPE);
    const res = await fetchVia(fake.port)(
      `https://sheets.googleapis.com/v4/spreadsheets/${SHEET}/values/Reminders!A1:append?valueInputOption=RAW`,
      {
        method: 'POST',
        headers: { authorization: 'Bearer ya29.read-only', 'content-type': 'application/json' },
        body: JSON.stringify({ values: [['x']] }),
      },
    );
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({
      error: { status: 'PERMISSION_DENIED', message: 'Request had insufficient authentication scopes.' },
    });
  });
});

describe('sign-out', () => {
  it('revokes the grant at Google, so the token no longer opens the sheet', async () => {
    const g = google();
    const { auth, service } = setup(g);
    await service.signIn();
    await service.savePreferences({ logging: true });
    const token = tokenOf(reads().at(-1) as never);
    const status = await service.signOut();
    expect(g.revoked).toEqual([token]);
    expect(status.auth).toMatchObject({ signedIn: false, scopes: [] });
    expect(await auth.token(SHEETS_READONLY_SCOPE)).toBeNull();
    const res = await fetchVia(fake.port)(`https://sheets.googleapis.com/v4/spreadsheets/${SHEET}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(401);
  });

  it('with getAuthToken: revokes and removes each cached token', async () => {
    const removed: string[] = [];
    const revoked: string[] = [];
    const asked: { scopes: string[]; interactive: boolean }[] = [];
    const identity: IdentityApi = {
      ...google().identity,
      getAuthToken: async ({ interactive, scopes }) => {
        asked.push({ scopes, interactive });
        return { token: `ya29.chrome-${scopes[0] === SHEETS_SCOPE ? 'w' : 'r'}`, grantedScopes: scopes };
      },
      removeCachedAuthToken: async ({ token }) => void removed.push(token),
      clearAllCachedAuthTokens: async () => undefined,
    };
    const auth = createAuth({
      identity,
      config: { chromeClientId: 'c.apps.googleusercontent.com', webClientId: '' },
      now: () => T0,
      revoke: async (token) => (revoked.push(token), true),
    });
    await auth.signIn(SHEETS_READONLY_SCOPE);
    await auth.grant(SHEETS_SCOPE);
    expect(asked.filter((a) => a.interactive).map((a) => a.scopes)).toEqual([
      [SHEETS_READONLY_SCOPE],
      [SHEETS_SCOPE],
    ]);
    expect((await auth.state()).scopes).toEqual([SHEETS_READONLY_SCOPE, SHEETS_SCOPE]);
    expect(await auth.signOut()).toEqual({ revokeSent: true });
    expect(revoked).toEqual(['ya29.chrome-r', 'ya29.chrome-w']);
    expect(removed).toEqual(['ya29.chrome-r', 'ya29.chrome-w']);
  });
});

describe('revokeGrant', () => {
  it('posts the token as a form to Google’s revoke endpoint, without cookies or CORS', async () => {
    const calls: { url: string; init: RequestInit | undefined }[] = [];
    const ok = await revokeGrant(async (url, init) => {
      calls.push({ url: String(url), init });
      return new Response(null, { status: 200 });
    }, 'ya29.abc');
    expect(ok).toBe(true);
    expect(calls[0]?.url).toBe(GOOGLE_REVOKE_URL);
    expect(calls[0]?.init).toMatchObject({ method: 'POST', mode: 'no-cors', credentials: 'omit' });
    expect(String(calls[0]?.init?.body)).toBe('token=ya29.abc');
  });

  it('answers false when the request could not go out', async () => {
    expect(await revokeGrant(() => Promise.reject(new TypeError('offline')), 'ya29.abc')).toBe(false);
  });
});
