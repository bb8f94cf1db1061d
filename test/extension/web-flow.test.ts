import { describe, expect, it } from 'vitest';
import { SHEETS_READONLY_SCOPE, SHEETS_SCOPE, covers, scopeFor } from '../../extension/auth/scopes.ts';
import { GOOGLE_AUTH_URL, authUrl, randomState, readRedirect } from '../../extension/auth/web-flow.ts';

const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';

describe('authUrl', () => {
  it("is Google's implicit-flow URL with the redirect, scope and state", () => {
    const url = new URL(
      authUrl({
        clientId: 'cid.apps.googleusercontent.com',
        redirectUri: REDIRECT,
        scope: SHEETS_SCOPE,
        state: 's1',
        silent: false,
      }),
    );
    expect(`${url.origin}${url.pathname}`).toBe(GOOGLE_AUTH_URL);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'cid.apps.googleusercontent.com',
      response_type: 'token',
      redirect_uri: REDIRECT,
      scope: SHEETS_SCOPE,
      state: 's1',
      include_granted_scopes: 'true',
    });
  });

  it('asks for no page at all when silent', () => {
    const url = new URL(
      authUrl({ clientId: 'c', redirectUri: REDIRECT, scope: SHEETS_SCOPE, state: 's', silent: true }),
    );
    expect(url.searchParams.get('prompt')).toBe('none');
  });
});

describe('readRedirect', () => {
  it('reads the token, scopes and lifetime from the fragment', () => {
    const url = `${REDIRECT}#state=s1&access_token=ya29.abc&token_type=Bearer&expires_in=3599&scope=${encodeURIComponent(SHEETS_SCOPE)}`;
    expect(readRedirect(url, 's1')).toEqual({
      ok: true,
      token: 'ya29.abc',
      scopes: [SHEETS_SCOPE],
      expiresInS: 3599,
    });
  });

  it.each([
    [undefined, 'no_redirect'],
    ['not a url', 'bad_redirect'],
    [`${REDIRECT}#state=other&access_token=ya29.abc`, 'state_mismatch'],
    [`${REDIRECT}#access_token=ya29.abc`, 'state_mismatch'],
    [`${REDIRECT}#state=s1&error=access_denied`, 'access_denied'],
    [`${REDIRECT}?error=interaction_required#state=s1`, 'interaction_required'],
    [`${REDIRECT}#state=s1`, 'no_token'],
  ])('%s → %s', (url, error) => {
    expect(readRedirect(url, 's1')).toEqual({ ok: false, error });
  });
});

describe('scopes', () => {
  it('asks for write only when logging is on', () => {
    expect(scopeFor(true)).toBe(SHEETS_SCOPE);
    expect(scopeFor(false)).toBe(SHEETS_READONLY_SCOPE);
  });
  it.each([
    [[SHEETS_SCOPE], SHEETS_READONLY_SCOPE, true],
    [[SHEETS_SCOPE], SHEETS_SCOPE, true],
    [[SHEETS_READONLY_SCOPE], SHEETS_SCOPE, false],
    [[SHEETS_READONLY_SCOPE], SHEETS_READONLY_SCOPE, true],
    [[], SHEETS_READONLY_SCOPE, false],
  ])('granted %j covers %s: %s', (granted, wanted, expected) => {
    expect(covers(granted, wanted)).toBe(expected);
  });
});

it('makes a fresh 128-bit state each time', () => {
  const a = randomState();
  expect(a).toMatch(/^[0-9a-f]{32}$/);
  expect(randomState()).not.toBe(a);
});
