import { createSign } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeFetch } from '../support/fake-fetch.ts';
import { type GoogleFakes, startGoogleFakes } from '../support/google-fake.ts';
import { startOAuthFake } from '../support/oauth-fake.ts';
import { SHEETS_READONLY_SCOPE, SHEETS_SCOPE } from '../support/sheets-fake.ts';

let fakes: GoogleFakes;

beforeAll(async () => {
  fakes = await startGoogleFakes();
});

afterAll(async () => {
  await fakes.close();
});

beforeEach(() => {
  fakes.reset();
  fakes.sheets.setSpreadsheet('s1', { tabs: { Clients: [['Client']] } });
});

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  path: '/token',
  host: 'oauth2.googleapis.com',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});
const readSheet = (token: string) =>
  fakeFetch(fakes.port, { path: '/v4/spreadsheets/s1', headers: { authorization: `Bearer ${token}` } });

function signedJwt(privateKey: string, claims: Record<string, unknown>): string {
  const encode = (part: unknown) => Buffer.from(JSON.stringify(part)).toString('base64url');
  const unsigned = `${encode({ alg: 'RS256', typ: 'JWT' })}.${encode(claims)}`;
  const signature = createSign('RSA-SHA256').update(unsigned).sign(privateKey).toString('base64url');
  return `${unsigned}.${signature}`;
}

describe('POST oauth2.googleapis.com/token', () => {
  it('exchanges a refresh token for an access token the Sheets fake accepts', async () => {
    const user = fakes.oauth.authorizedUser(SHEETS_READONLY_SCOPE);
    const res = await fakeFetch(
      fakes.port,
      form({
        grant_type: 'refresh_token',
        client_id: user.client_id,
        client_secret: user.client_secret,
        refresh_token: user.refresh_token,
      }),
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      access_token: expect.stringMatching(/^ya29\./),
      expires_in: 3599,
      scope: SHEETS_READONLY_SCOPE,
      token_type: 'Bearer',
    });
    const token = (res.body as { access_token: string }).access_token;
    expect((await readSheet(token)).status).toBe(200);
    expect(fakes.oauth.issued).toEqual([
      { accessToken: token, scope: SHEETS_READONLY_SCOPE, grant: 'refresh_token', clientId: user.client_id },
    ]);
  });

  it('answers invalid_grant for an unknown refresh token', async () => {
    const res = await fakeFetch(
      fakes.port,
      form({ grant_type: 'refresh_token', client_id: 'c', client_secret: 's', refresh_token: '1//unknown' }),
    );
    expect(res).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' },
    });
  });

  it('verifies a service account JWT against its key and issues a token', async () => {
    const account = fakes.oauth.serviceAccount();
    const claims = {
      iss: account.client_email,
      scope: SHEETS_SCOPE,
      aud: account.token_uri,
      iat: 1_800_000_000,
      exp: 1_800_003_600,
    };
    const grant = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
    const ok = await fakeFetch(
      fakes.port,
      form({ grant_type: grant, assertion: signedJwt(account.private_key, claims) }),
    );
    expect(ok.body).toEqual({
      access_token: expect.stringMatching(/^ya29\./),
      expires_in: 3599,
      token_type: 'Bearer',
    });
    expect((await readSheet((ok.body as { access_token: string }).access_token)).status).toBe(200);

    const other = fakes.oauth.serviceAccount();
    const forged = await fakeFetch(
      fakes.port,
      form({ grant_type: grant, assertion: signedJwt(other.private_key, claims) }),
    );
    expect(forged.body).toEqual({ error: 'invalid_grant', error_description: 'Invalid JWT Signature.' });
  });

  it('refuses an unknown client once clients are registered', async () => {
    const strict = await startOAuthFake({ clients: [{ clientId: 'known', clientSecret: 'secret' }] });
    try {
      strict.addRefreshToken('1//r', { clientId: 'known', scope: SHEETS_SCOPE });
      const unknown = await fakeFetch(
        strict.port,
        form({ grant_type: 'refresh_token', client_id: 'other', client_secret: 'x', refresh_token: '1//r' }),
      );
      expect(unknown).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
      const known = await fakeFetch(
        strict.port,
        form({
          grant_type: 'refresh_token',
          client_id: 'known',
          client_secret: 'secret',
          refresh_token: '1//r',
        }),
      );
      expect(known.status).toBe(200);
    } finally {
      await strict.close();
    }
  });

  it('answers unsupported_grant_type for anything else', async () => {
    const res = await fakeFetch(fakes.port, form({ grant_type: 'password' }));
    expect(res.body).toEqual({
      error: 'unsupported_grant_type',
      error_description: 'Invalid grant_type: password',
    });
  });
});

describe('GET accounts.google.com/o/oauth2/v2/auth', () => {
  const consent = (params: Record<string, string>) =>
    fakeFetch(fakes.port, {
      host: 'accounts.google.com',
      path: `/o/oauth2/v2/auth?${new URLSearchParams(params)}`,
    });
  const redirectUri = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';

  it('redirects with the token in the fragment for response_type=token', async () => {
    const res = await consent({
      client_id: 'ext.apps.googleusercontent.com',
      redirect_uri: redirectUri,
      response_type: 'token',
      scope: `${SHEETS_SCOPE} email`,
      state: 'xyz',
    });
    expect(res.status).toBe(302);
    const location = new URL(String(res.headers.location));
    expect(`${location.origin}${location.pathname}`).toBe(redirectUri);
    const fragment = new URLSearchParams(location.hash.slice(1));
    expect(Object.fromEntries(fragment)).toEqual({
      state: 'xyz',
      access_token: fakes.oauth.issued[0]?.accessToken,
      token_type: 'Bearer',
      expires_in: '3599',
      scope: `${SHEETS_SCOPE} email`,
    });
    expect((await readSheet(fragment.get('access_token') ?? '')).status).toBe(200);
  });

  it('redirects with a code for response_type=code, which the token endpoint exchanges once', async () => {
    const res = await consent({
      client_id: 'c',
      redirect_uri: redirectUri,
      response_type: 'code',
      scope: SHEETS_SCOPE,
    });
    const code = new URL(String(res.headers.location)).searchParams.get('code') ?? '';
    const exchange = () =>
      fakeFetch(
        fakes.port,
        form({ grant_type: 'authorization_code', code, client_id: 'c', redirect_uri: redirectUri }),
      );
    const first = await exchange();
    expect(first.body).toMatchObject({ refresh_token: expect.stringMatching(/^1\/\//), scope: SHEETS_SCOPE });
    expect((await exchange()).body).toMatchObject({ error: 'invalid_grant' });
  });

  it('answers access_denied when the user is set to cancel', async () => {
    fakes.oauth.denyNext();
    const res = await consent({
      client_id: 'c',
      redirect_uri: redirectUri,
      response_type: 'token',
      scope: SHEETS_SCOPE,
      state: 's',
    });
    expect(String(res.headers.location)).toBe(`${redirectUri}#state=s&error=access_denied`);
    expect(fakes.oauth.issued).toEqual([]);
  });

  it('answers interaction_required to a silent request when set to', async () => {
    fakes.oauth.denyNext(1, 'interaction_required');
    const silent = {
      client_id: 'c',
      redirect_uri: redirectUri,
      response_type: 'token',
      scope: SHEETS_SCOPE,
      prompt: 'none',
    };
    expect(String((await consent(silent)).headers.location)).toBe(
      `${redirectUri}#error=interaction_required`,
    );
    expect(String((await consent(silent)).headers.location)).toContain('#access_token=');
  });

  it('shows an error page, not a redirect, without a redirect_uri', async () => {
    const res = await consent({ client_id: 'c', response_type: 'token', scope: SHEETS_SCOPE });
    expect(res.status).toBe(400);
    expect(String(res.body)).toContain('Missing required parameter: redirect_uri');
  });
});

describe('revoke and tokeninfo', () => {
  it('describes an issued token and stops the Sheets fake accepting it once revoked', async () => {
    const user = fakes.oauth.authorizedUser(SHEETS_SCOPE);
    const issued = await fakeFetch(
      fakes.port,
      form({
        grant_type: 'refresh_token',
        client_id: user.client_id,
        client_secret: user.client_secret,
        refresh_token: user.refresh_token,
      }),
    );
    const token = (issued.body as { access_token: string }).access_token;
    const info = await fakeFetch(fakes.port, {
      host: 'oauth2.googleapis.com',
      path: `/tokeninfo?access_token=${token}`,
    });
    expect(info.body).toMatchObject({ aud: user.client_id, scope: SHEETS_SCOPE, expires_in: '3599' });
    const revoked = await fakeFetch(fakes.port, {
      method: 'POST',
      host: 'oauth2.googleapis.com',
      path: `/revoke?token=${token}`,
    });
    expect(revoked.status).toBe(200);
    expect((await readSheet(token)).status).toBe(401);
  });
});

describe('one server for every host', () => {
  it('routes by Host header, and by path when called by IP', async () => {
    const wrongHost = await fakeFetch(fakes.port, {
      host: 'oauth2.googleapis.com',
      path: '/v4/spreadsheets/s1',
    });
    expect(wrongHost.status).toBe(404);
    const byIp = await fakeFetch(fakes.port, { host: '127.0.0.1', path: '/v4/spreadsheets/s1' });
    expect(byIp.status).toBe(401);
    const unknownHost = await fakeFetch(fakes.port, { host: 'example.com', path: '/' });
    expect(unknownHost.body).toEqual({ error: 'Payladder fake Google: nothing serves host example.com' });
    expect(fakes.hostMap(['sheets.googleapis.com'])).toEqual({ 'sheets.googleapis.com': fakes.port });
  });

  it('plays failNext on the token endpoint with OAuth error bodies', async () => {
    fakes.oauth.failNext(1, 503);
    const res = await fakeFetch(fakes.port, form({ grant_type: 'refresh_token' }));
    expect(res).toMatchObject({ status: 503, body: { error: 'temporarily_unavailable' } });
  });
});

describe('grants (incremental authorization, revocation)', () => {
  const redirectUri = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';
  const consent = (params: Record<string, string>) =>
    fakeFetch(fakes.port, {
      host: 'accounts.google.com',
      path: `/o/oauth2/v2/auth?${new URLSearchParams(params)}`,
    });
  const ask = (scope: string, include: boolean) =>
    consent({
      client_id: 'grant-client',
      redirect_uri: redirectUri,
      response_type: 'token',
      scope,
      ...(include ? { include_granted_scopes: 'true' } : {}),
    });
  const scopeOf = (location: unknown) =>
    new URLSearchParams(String(location).split('#')[1] ?? '').get('scope');
  const tokenOf = (location: unknown) =>
    new URLSearchParams(String(location).split('#')[1] ?? '').get('access_token') ?? '';

  it('issues each token for the scope asked, plus earlier grants with include_granted_scopes', async () => {
    const read = await ask(SHEETS_READONLY_SCOPE, true);
    expect(scopeOf(read.headers.location)).toBe(SHEETS_READONLY_SCOPE);
    const write = await ask(SHEETS_SCOPE, true);
    expect(scopeOf(write.headers.location)).toBe(`${SHEETS_READONLY_SCOPE} ${SHEETS_SCOPE}`);
    const alone = await ask(SHEETS_SCOPE, false);
    expect(scopeOf(alone.headers.location)).toBe(SHEETS_SCOPE);
  });

  it('revokes the whole grant: every token of it stops opening the sheet, and the answer has no CORS headers', async () => {
    const first = tokenOf((await ask(SHEETS_READONLY_SCOPE, true)).headers.location);
    const second = tokenOf((await ask(SHEETS_SCOPE, true)).headers.location);
    const revoked = await fakeFetch(fakes.port, {
      method: 'POST',
      host: 'oauth2.googleapis.com',
      path: '/revoke',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'chrome-extension://x' },
      body: `token=${first}`,
    });
    expect(revoked.status).toBe(200);
    expect(revoked.headers['access-control-allow-origin']).toBeUndefined();
    expect(fakes.oauth.revoked).toEqual([first]);
    expect(fakes.oauth.grants.has('grant-client')).toBe(false);
    expect((await readSheet(first)).status).toBe(401);
    expect((await readSheet(second)).status).toBe(401);
  });
});
