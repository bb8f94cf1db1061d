import { fakeBrowser } from 'wxt/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import type { IdentityApi } from '../../extension/auth/auth.ts';
import { AuthError, createAuth } from '../../extension/auth/auth.ts';
import { SHEETS_READONLY_SCOPE, SHEETS_SCOPE } from '../../extension/auth/scopes.ts';

const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';

interface FakeIdentity extends IdentityApi {
  flows: { url: URL; interactive: boolean }[];
  removed: string[];
  cleared: number;
}

/** Google's consent page as launchWebAuthFlow sees it: answers at once, from a script. */
function webIdentity(answer: (url: URL, interactive: boolean, n: number) => string | Error): FakeIdentity {
  const identity: FakeIdentity = {
    flows: [],
    removed: [],
    cleared: 0,
    getRedirectURL: () => REDIRECT,
    launchWebAuthFlow: async ({ url, interactive }) => {
      const parsed = new URL(url);
      identity.flows.push({ url: parsed, interactive });
      const result = answer(parsed, interactive, identity.flows.length);
      if (result instanceof Error) throw result;
      return result;
    },
  };
  return identity;
}

const grant = (url: URL, token: string, expires = 3599) =>
  `${REDIRECT}#state=${url.searchParams.get('state')}&access_token=${token}&token_type=Bearer&expires_in=${expires}&scope=${encodeURIComponent(url.searchParams.get('scope') ?? '')}`;

let clock = 1_000_000;
const now = () => clock;

beforeEach(() => {
  fakeBrowser.reset();
  clock = 1_000_000;
});

async function everythingStored(): Promise<string> {
  return JSON.stringify([
    await fakeBrowser.storage.local.get(null),
    await fakeBrowser.storage.sync.get(null),
  ]);
}

describe('web flow (launchWebAuthFlow)', () => {
  const config = { chromeClientId: '', webClientId: 'web.apps.googleusercontent.com' };

  it('signs in interactively and keeps the token in memory and storage.session only', async () => {
    const identity = webIdentity((url, _i, n) => grant(url, `ya29.t${n}`));
    const auth = createAuth({ identity, config, now });
    expect(await auth.token(SHEETS_SCOPE)).toBeNull();
    expect(identity.flows).toHaveLength(0);

    await auth.signIn(SHEETS_SCOPE);
    expect(identity.flows[0]?.interactive).toBe(true);
    expect(identity.flows[0]?.url.searchParams.get('client_id')).toBe('web.apps.googleusercontent.com');
    expect(identity.flows[0]?.url.searchParams.get('redirect_uri')).toBe(REDIRECT);
    expect(await auth.token(SHEETS_SCOPE)).toBe('ya29.t1');
    expect(await auth.state()).toEqual({ method: 'web', signedIn: true, scopes: [SHEETS_SCOPE] });

    expect(await everythingStored()).not.toContain('ya29.');
    expect(JSON.stringify(await fakeBrowser.storage.session.get(null))).toContain('ya29.t1');
    // A worker restart: a new auth object finds the token in storage.session without a flow.
    const again = createAuth({ identity, config, now });
    expect(await again.token(SHEETS_SCOPE)).toBe('ya29.t1');
    expect(identity.flows).toHaveLength(1);
  });

  it('renews an expiring token with a silent flow, never a window', async () => {
    const identity = webIdentity((url, _i, n) => grant(url, `ya29.t${n}`, 3600));
    const auth = createAuth({ identity, config, now });
    await auth.signIn(SHEETS_SCOPE);
    clock += 3600_000 - 30_000;
    expect(await auth.token(SHEETS_SCOPE)).toBe('ya29.t2');
    expect(identity.flows[1]?.interactive).toBe(false);
    expect(identity.flows[1]?.url.searchParams.get('prompt')).toBe('none');
  });

  it('answers null when the silent flow needs the user', async () => {
    const identity = webIdentity((url, interactive) =>
      interactive
        ? grant(url, 'ya29.one')
        : `${REDIRECT}#state=${url.searchParams.get('state')}&error=interaction_required`,
    );
    const auth = createAuth({ identity, config, now });
    await auth.signIn(SHEETS_SCOPE);
    await auth.drop('ya29.one');
    expect(await auth.token(SHEETS_SCOPE)).toBeNull();
  });

  it('does not use a read-only token where writing is needed', async () => {
    const identity = webIdentity((url, interactive) =>
      interactive
        ? grant(url, 'ya29.read')
        : `${REDIRECT}#state=${url.searchParams.get('state')}&error=consent_required`,
    );
    const auth = createAuth({ identity, config, now });
    await auth.signIn(SHEETS_READONLY_SCOPE);
    expect(await auth.token(SHEETS_READONLY_SCOPE)).toBe('ya29.read');
    expect(await auth.token(SHEETS_SCOPE)).toBeNull();
  });

  it('refuses a redirect whose state is not the one it sent', async () => {
    const identity = webIdentity(() => `${REDIRECT}#state=forged&access_token=ya29.evil`);
    const auth = createAuth({ identity, config, now });
    await expect(auth.signIn(SHEETS_SCOPE)).rejects.toMatchObject({ code: 'failed' });
    expect(await auth.token(SHEETS_SCOPE)).toBeNull();
  });

  it('reports a closed consent window as cancelled', async () => {
    const identity = webIdentity(() => new Error('The user did not approve access.'));
    await expect(createAuth({ identity, config, now }).signIn(SHEETS_SCOPE)).rejects.toMatchObject({
      code: 'cancelled',
    });
  });

  it('signs out: the token is gone from memory and storage.session, and no flow runs after', async () => {
    const identity = webIdentity((url, _i, n) => grant(url, `ya29.t${n}`));
    const auth = createAuth({ identity, config, now });
    await auth.signIn(SHEETS_SCOPE);
    await auth.signOut();
    expect(await auth.token(SHEETS_SCOPE)).toBeNull();
    expect(identity.flows).toHaveLength(1);
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    expect((await auth.state()).signedIn).toBe(false);
  });
});

describe('Chrome (getAuthToken)', () => {
  function chromeIdentity(tokens: Record<string, string>, fail?: string): FakeIdentity {
    const identity = webIdentity((url) => grant(url, 'ya29.web'));
    identity.getAuthToken = async ({ interactive, scopes }) => {
      if (fail) throw new Error(fail);
      const token = tokens[scopes[0] ?? ''];
      if (!token)
        throw new Error(interactive ? 'The user did not approve access.' : 'OAuth2 not granted or revoked.');
      return { token, grantedScopes: scopes };
    };
    identity.removeCachedAuthToken = async ({ token }) => void identity.removed.push(token);
    identity.clearAllCachedAuthTokens = async () => void (identity.cleared += 1);
    return identity;
  }

  it('uses getAuthToken when the build has the Chrome client id, and removes a refused token', async () => {
    const identity = chromeIdentity({ [SHEETS_SCOPE]: 'ya29.chrome' });
    const auth = createAuth({
      identity,
      config: { chromeClientId: 'c.apps.googleusercontent.com', webClientId: '' },
      now,
    });
    expect(await auth.token(SHEETS_SCOPE)).toBeNull();
    await auth.signIn(SHEETS_SCOPE);
    expect(await auth.token(SHEETS_SCOPE)).toBe('ya29.chrome');
    await auth.drop('ya29.chrome');
    expect(identity.removed).toEqual(['ya29.chrome']);
    await auth.signOut();
    expect(identity.cleared).toBe(1);
    expect(await auth.token(SHEETS_SCOPE)).toBeNull();
    expect(identity.flows).toHaveLength(0);
    expect(await everythingStored()).not.toContain('ya29.');
  });

  it('falls back to the web flow where getAuthToken cannot serve (Edge, Brave, Chromium)', async () => {
    const identity = chromeIdentity({}, 'This API is not supported on Microsoft Edge.');
    const auth = createAuth({ identity, config: { chromeClientId: 'c', webClientId: 'w' }, now });
    await auth.signIn(SHEETS_SCOPE);
    expect(await auth.state()).toMatchObject({ method: 'web', signedIn: true });
    expect(await auth.token(SHEETS_SCOPE)).toBe('ya29.web');
  });
});

it('says how to set a client id when the build has none', async () => {
  const auth = createAuth({
    identity: webIdentity(() => ''),
    config: { chromeClientId: '', webClientId: '' },
    now,
  });
  const error = await auth.signIn(SHEETS_SCOPE).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AuthError);
  expect((error as AuthError).code).toBe('no_client_id');
  expect(await auth.state()).toEqual({ method: null, signedIn: false, scopes: [] });
});
