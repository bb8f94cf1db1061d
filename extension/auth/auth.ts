/**
 * Google sign-in for the extension, two ways:
 * - `chrome`: `identity.getAuthToken`, in a build made with an OAuth client of type "Chrome
 *   extension" (PAYLADDER_OAUTH_CLIENT_ID, written into the manifest's `oauth2`). Chrome keeps
 *   and refreshes the token itself.
 * - `web`: `identity.launchWebAuthFlow` with Google's implicit flow and an OAuth client of type
 *   "Web application" (PAYLADDER_WEB_OAUTH_CLIENT_ID): Firefox, Chromium browsers without
 *   getAuthToken (Edge, Brave, Chromium itself), or a Chrome build without the first id. The
 *   token lives in memory and `storage.session` (gone when the browser closes), never in
 *   `storage.local`; when it expires a silent flow (`prompt=none`) fetches another.
 *
 * Background syncs never open a window: `token()` answers null and the popup offers to sign
 * in. Only `signIn()`, from a click, is interactive.
 */
import * as z from 'zod';
import type { Stored } from '../sync/stored.ts';
import { defineStored } from '../sync/stored.ts';
import { SHEETS_READONLY_SCOPE, SHEETS_SCOPE, covers } from './scopes.ts';
import { authUrl, randomState, readRedirect } from './web-flow.ts';

export type AuthMethod = 'chrome' | 'web';

/** The part of `browser.identity` used here (Firefox has no getAuthToken). */
export interface IdentityApi {
  getAuthToken?: (details: {
    interactive: boolean;
    scopes: string[];
  }) => Promise<{ token?: string; grantedScopes?: string[] } | string | undefined>;
  removeCachedAuthToken?: (details: { token: string }) => Promise<void>;
  clearAllCachedAuthTokens?: () => Promise<void>;
  launchWebAuthFlow: (details: { url: string; interactive: boolean }) => Promise<string | undefined>;
  getRedirectURL: (path?: string) => string;
}

export interface AuthConfig {
  /** OAuth client of type "Chrome extension" ('' when the build has none). */
  chromeClientId: string;
  /** OAuth client of type "Web application" ('' when the build has none). */
  webClientId: string;
}

export const AUTH_ERROR_CODES = ['no_client_id', 'cancelled', 'failed'] as const;
export type AuthErrorCode = (typeof AUTH_ERROR_CODES)[number];

export class AuthError extends Error {
  constructor(
    readonly code: AuthErrorCode,
    detail = '',
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'AuthError';
  }
}

export const AuthState = z.object({
  /** null: this build has no OAuth client for this browser. */
  method: z.enum(['chrome', 'web']).nullable(),
  /** The user signed in and has not signed out (a token may still need renewing). */
  signedIn: z.boolean(),
  /** Scopes granted at the last sign-in. */
  scopes: z.array(z.string()),
});
export type AuthState = z.infer<typeof AuthState>;

/** What is remembered across restarts: that the user signed in, how, for which scopes. Never a token. */
export const Account = z.object({
  signedIn: z.boolean(),
  method: z.enum(['chrome', 'web']),
  scopes: z.array(z.string()),
});
export type Account = z.infer<typeof Account>;

/** The launchWebAuthFlow token: `storage.session` only, so it dies with the browser session. */
export const SessionToken = z.object({
  token: z.string(),
  scopes: z.array(z.string()),
  expiresAt: z.number().nullable(),
});
export type SessionToken = z.infer<typeof SessionToken>;

export const accountItem = defineStored<Account | null>('local:account', {
  schema: Account.nullable(),
  fallback: null,
  version: 1,
});
export const sessionTokenItem = defineStored<SessionToken | null>('session:webToken', {
  schema: SessionToken.nullable(),
  fallback: null,
  version: 1,
});

export interface Auth {
  /** A token for `scope` without any window, or null when the user must sign in. */
  token(scope: string): Promise<string | null>;
  /** Interactive sign-in for `scope`; throws AuthError. */
  signIn(scope: string): Promise<void>;
  /**
   * Incremental authorization: asks the signed-in user for `scope` on top of what they
   * granted (one consent screen naming only what is new); throws AuthError.
   */
  grant(scope: string): Promise<void>;
  /** Forgets a token Google refused (401), so the next `token()` fetches a fresh one. */
  drop(token: string): Promise<void>;
  /**
   * Asks Google to revoke the grant (every scope), then forgets the cached tokens and the
   * signed-in flag. Resolves to whether the revocation request went out.
   */
  signOut(): Promise<{ revokeSent: boolean }>;
  state(): Promise<AuthState>;
}

export interface AuthDeps {
  identity: IdentityApi;
  config: AuthConfig;
  now: () => number;
  account?: Stored<Account | null>;
  session?: Stored<SessionToken | null>;
  /** Asks Google to revoke a token's grant (revoke.ts); true when the request went out. */
  revoke?: (token: string) => Promise<boolean>;
}

// Renew a minute early: a token that expires in flight gives a 401 and a wasted request.
const EARLY_MS = 60_000;
// Chrome's message when the user closes the consent window or clicks Cancel.
const CANCELLED = /did not approve|user cancel|closed by the user|access_denied/i;

export function createAuth(deps: AuthDeps): Auth {
  const { identity, config, now } = deps;
  const account = deps.account ?? accountItem;
  const session = deps.session ?? sessionTokenItem;
  let memory: SessionToken | null | undefined;

  const chromeUsable = () => config.chromeClientId !== '' && typeof identity.getAuthToken === 'function';
  const defaultMethod = (): AuthMethod | null =>
    chromeUsable() ? 'chrome' : config.webClientId !== '' ? 'web' : null;

  async function webToken(): Promise<SessionToken | null> {
    if (memory === undefined) memory = await session.get();
    return memory;
  }
  async function keepWebToken(value: SessionToken | null): Promise<void> {
    memory = value;
    await (value ? session.set(value) : session.remove());
  }

  async function chromeToken(
    scope: string,
    interactive: boolean,
  ): Promise<{ token: string; scopes: string[] }> {
    const getAuthToken = identity.getAuthToken;
    if (!getAuthToken) throw new AuthError('failed', 'getAuthToken is not available');
    const result = await getAuthToken({ interactive, scopes: [scope] });
    // Promise form gives { token, grantedScopes }; older polyfills give the bare string.
    const token = typeof result === 'string' ? result : result?.token;
    if (!token) throw new AuthError('failed', 'no token');
    const granted = typeof result === 'object' && result?.grantedScopes ? result.grantedScopes : [scope];
    return { token, scopes: granted };
  }

  async function webFlow(scope: string, interactive: boolean): Promise<SessionToken> {
    const state = randomState();
    const url = authUrl({
      clientId: config.webClientId,
      redirectUri: identity.getRedirectURL(),
      scope,
      state,
      silent: !interactive,
    });
    let final: string | undefined;
    try {
      final = await identity.launchWebAuthFlow({ url, interactive });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new AuthError(CANCELLED.test(message) ? 'cancelled' : 'failed', message);
    }
    const redirect = readRedirect(final, state);
    if (!redirect.ok)
      throw new AuthError(redirect.error === 'access_denied' ? 'cancelled' : 'failed', redirect.error);
    return {
      token: redirect.token,
      scopes: redirect.scopes.length > 0 ? redirect.scopes : [scope],
      expiresAt: redirect.expiresInS === null ? null : now() + redirect.expiresInS * 1000,
    };
  }

  return {
    async token(scope) {
      const acc = await account.get();
      if (!acc?.signedIn) return null;
      if (acc.method === 'chrome') {
        if (!chromeUsable()) return null;
        try {
          const { token, scopes } = await chromeToken(scope, false);
          return covers(scopes, scope) ? token : null;
        } catch {
          return null;
        }
      }
      if (config.webClientId === '') return null;
      const cached = await webToken();
      if (
        cached &&
        covers(cached.scopes, scope) &&
        (cached.expiresAt === null || cached.expiresAt - EARLY_MS > now())
      ) {
        return cached.token;
      }
      try {
        const fresh = await webFlow(scope, false);
        await keepWebToken(fresh);
        return covers(fresh.scopes, scope) ? fresh.token : null;
      } catch {
        return null;
      }
    },

    async signIn(scope) {
      const method = defaultMethod();
      if (method === null) throw new AuthError('no_client_id');
      if (method === 'chrome') {
        try {
          const { scopes } = await chromeToken(scope, true);
          await account.set({ signedIn: true, method: 'chrome', scopes: withGranted([], scopes) });
          return;
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          if (CANCELLED.test(message)) throw new AuthError('cancelled', message);
          // Edge, Brave and Chromium expose getAuthToken but cannot serve it: use the web flow.
          if (config.webClientId === '') throw new AuthError('failed', message);
        }
      }
      const fresh = await webFlow(scope, true);
      await keepWebToken(fresh);
      await account.set({ signedIn: true, method: 'web', scopes: withGranted([], fresh.scopes) });
    },

    async grant(scope) {
      const acc = await account.get();
      if (!acc?.signedIn) throw new AuthError('failed', 'not signed in');
      if (covers(acc.scopes, scope)) return;
      let granted: string[];
      if (acc.method === 'chrome') {
        if (!chromeUsable()) throw new AuthError('failed', 'getAuthToken is not available');
        try {
          // Chrome keeps a token per scope set; the grant at Google adds up.
          granted = (await chromeToken(scope, true)).scopes;
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          throw new AuthError(CANCELLED.test(message) ? 'cancelled' : 'failed', message);
        }
      } else {
        // include_granted_scopes=true (web-flow.ts): the new token carries the old scopes too.
        const fresh = await webFlow(scope, true);
        await keepWebToken(fresh);
        granted = fresh.scopes;
      }
      if (!covers(granted, scope)) throw new AuthError('cancelled', 'the scope was not granted');
      await account.set({ ...acc, scopes: withGranted(acc.scopes, granted) });
    },

    async drop(token) {
      const acc = await account.get();
      if (acc?.method === 'chrome') await identity.removeCachedAuthToken?.({ token });
      const cached = await webToken();
      if (cached?.token === token) await keepWebToken(null);
    },

    async signOut() {
      const acc = await account.get();
      const tokens: string[] = [];
      if (acc?.method === 'chrome' && chromeUsable()) {
        for (const scope of acc.scopes) {
          try {
            const { token } = await chromeToken(scope, false);
            if (!tokens.includes(token)) tokens.push(token);
          } catch {
            // Nothing cached for this scope: nothing to revoke or remove.
          }
        }
      }
      const web = await webToken();
      if (web && !tokens.includes(web.token)) tokens.push(web.token);
      // One token is enough to revoke the whole grant; an expired one may be refused, so each is sent.
      let revokeSent = false;
      for (const token of tokens) if (deps.revoke && (await deps.revoke(token))) revokeSent = true;
      if (acc?.method === 'chrome') {
        for (const token of tokens) await identity.removeCachedAuthToken?.({ token });
        await identity.clearAllCachedAuthTokens?.();
      }
      await keepWebToken(null);
      await account.remove();
      return { revokeSent };
    },

    async state() {
      const acc = await account.get();
      return {
        method: acc?.signedIn ? acc.method : defaultMethod(),
        signedIn: acc?.signedIn ?? false,
        scopes: acc?.scopes ?? [],
      };
    },
  };
}

/** `before` and `granted` together, in a fixed order (read-only first), without repeats. */
function withGranted(before: readonly string[], granted: readonly string[]): string[] {
  const all = new Set([...before, ...granted]);
  const known = [SHEETS_READONLY_SCOPE, SHEETS_SCOPE].filter((s) => all.has(s));
  return [...known, ...[...all].filter((s) => !known.includes(s))];
}
