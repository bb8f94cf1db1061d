/**
 * Google's OAuth 2.0 implicit flow for `identity.launchWebAuthFlow`
 * (developers.google.com/identity/protocols/oauth2/javascript-implicit-flow): the consent
 * page redirects to the extension's redirect URL (`https://<id>.chromiumapp.org/` in
 * Chromium, `https://<hash>.extensions.allizom.org/` in Firefox) with the token in the
 * fragment. No client secret exists or is needed.
 */

export const GOOGLE_AUTH_URL = 'https://accounts.google.com/o/oauth2/v2/auth';

export interface AuthUrlOptions {
  clientId: string;
  redirectUri: string;
  scope: string;
  /** An unguessable value the redirect must echo (CSRF, RFC 6749 §10.12). */
  state: string;
  /** `prompt=none`: answer at once from the browser's Google session, or fail; never show a page. */
  silent: boolean;
}

export function authUrl(o: AuthUrlOptions): string {
  const query = new URLSearchParams({
    client_id: o.clientId,
    response_type: 'token',
    redirect_uri: o.redirectUri,
    scope: o.scope,
    state: o.state,
    // Keeps scopes granted earlier, so turning logging on asks only for what is new.
    include_granted_scopes: 'true',
  });
  if (o.silent) query.set('prompt', 'none');
  return `${GOOGLE_AUTH_URL}?${query}`;
}

export type Redirect =
  { ok: true; token: string; scopes: string[]; expiresInS: number | null } | { ok: false; error: string };

/** Reads the redirect `launchWebAuthFlow` resolved with; refuses one whose `state` is not ours. */
export function readRedirect(url: string | undefined, state: string): Redirect {
  if (!url) return { ok: false, error: 'no_redirect' };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, error: 'bad_redirect' };
  }
  const fields = new URLSearchParams(parsed.hash.slice(1));
  // Errors come back in the query for some failures and in the fragment for others.
  const error = fields.get('error') ?? parsed.searchParams.get('error');
  if (error) return { ok: false, error };
  if (fields.get('state') !== state) return { ok: false, error: 'state_mismatch' };
  const token = fields.get('access_token');
  if (!token) return { ok: false, error: 'no_token' };
  const expires = Number(fields.get('expires_in'));
  return {
    ok: true,
    token,
    scopes: (fields.get('scope') ?? '').split(/\s+/).filter(Boolean),
    expiresInS: Number.isFinite(expires) && expires > 0 ? expires : null,
  };
}

/** 128 random bits as hex, for `state`. */
export function randomState(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}
