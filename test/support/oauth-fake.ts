import { createVerify, generateKeyPairSync, randomBytes } from 'node:crypto';
import { FakeService } from './fake-service.ts';
import {
  type FakeExchange,
  type FakeRequest,
  corsHeaders,
  listenHttps,
  param,
  sendJson,
  sendPreflight,
} from './https-server.ts';

/**
 * Google's OAuth 2.0 endpoints, faked:
 * - `POST https://oauth2.googleapis.com/token` for the refresh-token grant
 *   (installed apps, `authorized_user` ADC files), the service-account JWT
 *   bearer grant, and the authorization-code grant;
 * - `GET https://accounts.google.com/o/oauth2/v2/auth`, the page
 *   `chrome.identity.launchWebAuthFlow` opens: it consents at once and
 *   redirects to `redirect_uri` with the token in the fragment
 *   (`response_type=token`) or a code in the query (`response_type=code`);
 * - `GET /tokeninfo` and `POST /revoke`.
 * Every access token it issues is registered with the Sheets fake it is given, with the
 * scopes it carries. As at Google, consents add up per client (one user): with
 * `include_granted_scopes=true` a token carries every scope granted so far, without it
 * only the scope asked for; revoking any token of a grant revokes the whole grant (every
 * token issued under it), and answers without CORS headers, as Google's endpoint does.
 */

/** Where issued tokens go: the Sheets fake, so they are accepted there. */
export interface TokenSink {
  addToken(token: string, scope: string): void;
  revokeToken(token: string): void;
}

export interface OAuthClient {
  readonly clientId: string;
  /** undefined: a public client (a browser extension has no secret). */
  readonly clientSecret?: string;
}

export interface OAuthFakeOptions {
  /** Issued tokens are registered here. */
  readonly sheets?: TokenSink;
  /**
   * The registered OAuth clients. Left out, any client id is accepted, which is
   * what most tests want; given, unknown ids get `invalid_client` as from Google.
   */
  readonly clients?: readonly OAuthClient[];
  /** Seconds; Google answers 3599. */
  readonly expiresIn?: number;
}

export interface IssuedToken {
  readonly accessToken: string;
  readonly scope: string;
  readonly grant: 'refresh_token' | 'jwt-bearer' | 'authorization_code' | 'implicit';
  readonly clientId: string;
}

export type ConsentError = 'access_denied' | 'interaction_required' | 'login_required' | 'consent_required';

export type OAuthFailureStatus = 400 | 401 | 403 | 500 | 503;

export interface AuthorizedUserJson {
  readonly type: 'authorized_user';
  readonly client_id: string;
  readonly client_secret: string;
  readonly refresh_token: string;
}

export interface ServiceAccountJson {
  readonly type: 'service_account';
  readonly project_id: string;
  readonly private_key_id: string;
  readonly private_key: string;
  readonly client_email: string;
  readonly client_id: string;
  readonly auth_uri: string;
  readonly token_uri: string;
}

export const OAUTH_TOKEN_URL = 'https://oauth2.googleapis.com/token';
export const OAUTH_AUTH_URL = 'https://accounts.google.com/o/oauth2/v2/auth';
const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const DEFAULT_CLIENT_ID = 'payladder-test.apps.googleusercontent.com';
const DEFAULT_CLIENT_SECRET = 'payladder-test-secret';

interface RefreshGrant {
  clientId: string;
  scope: string;
}

interface Redirect {
  uri: string;
  state: string | undefined;
  responseType: string;
}

export class OAuthFake extends FakeService<OAuthFailureStatus> {
  /** Every access token handed out, in order. */
  readonly issued: IssuedToken[] = [];
  /** Every token a `/revoke` request named and the fake accepted, in order. */
  readonly revoked: string[] = [];
  /** Client id → the scopes the user consented to in the consent page (implicit and code flows). */
  readonly grants = new Map<string, Set<string>>();
  private readonly refreshTokens = new Map<string, RefreshGrant>();
  private readonly serviceAccounts = new Map<string, { publicKey: string; scope?: string }>();
  private readonly codes = new Map<string, RefreshGrant & { redirectUri: string }>();
  private readonly clients: Map<string, OAuthClient> | undefined;
  private readonly sheets: TokenSink | undefined;
  private readonly expiresIn: number;
  private denials: ConsentError[] = [];
  private sequence = 0;

  constructor(options: OAuthFakeOptions = {}) {
    super();
    this.sheets = options.sheets;
    this.clients = options.clients ? new Map(options.clients.map((c) => [c.clientId, c])) : undefined;
    this.expiresIn = options.expiresIn ?? 3599;
  }

  /** Lets `refreshToken` be exchanged for access tokens with `scope` (space-separated). */
  addRefreshToken(refreshToken: string, grant: { clientId?: string; scope: string }): void {
    this.refreshTokens.set(refreshToken, {
      clientId: grant.clientId ?? DEFAULT_CLIENT_ID,
      scope: grant.scope,
    });
  }

  /**
   * An `authorized_user` credentials file's content (what `gcloud auth
   * application-default login` writes), with its refresh token registered here.
   */
  authorizedUser(scope: string): AuthorizedUserJson {
    const refreshToken = `1//fake-refresh-${this.next()}`;
    this.addRefreshToken(refreshToken, { clientId: DEFAULT_CLIENT_ID, scope });
    return {
      type: 'authorized_user',
      client_id: DEFAULT_CLIENT_ID,
      client_secret: DEFAULT_CLIENT_SECRET,
      refresh_token: refreshToken,
    };
  }

  /**
   * A service-account key file's content with a fresh RSA key; its JWTs are
   * verified against the public half. `scope` limits what it may ask for
   * (default: whatever the JWT asks).
   */
  serviceAccount(options: { scope?: string } = {}): ServiceAccountJson {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const n = this.next();
    const email = `payladder-test-${n}@payladder-test.iam.gserviceaccount.com`;
    this.serviceAccounts.set(email, {
      publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      ...(options.scope === undefined ? {} : { scope: options.scope }),
    });
    return {
      type: 'service_account',
      project_id: 'payladder-test',
      private_key_id: randomBytes(20).toString('hex'),
      private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      client_email: email,
      client_id: `1${String(n).padStart(20, '0')}`,
      auth_uri: 'https://accounts.google.com/o/oauth2/auth',
      token_uri: OAUTH_TOKEN_URL,
    };
  }

  /**
   * The next `count` consent pages redirect with an error instead of a token:
   * `access_denied` is the user clicking Cancel; `interaction_required`,
   * `login_required` and `consent_required` are what a `prompt=none` (silent)
   * request gets when Google would have to show a page.
   */
  denyNext(count = 1, error: ConsentError = 'access_denied'): void {
    for (let i = 0; i < count; i += 1) this.denials.push(error);
  }

  /** Forgets the log, issued tokens, grants and pending scenarios. */
  override reset(): void {
    super.reset();
    this.issued.length = 0;
    this.revoked.length = 0;
    this.grants.clear();
    this.refreshTokens.clear();
    this.serviceAccounts.clear();
    this.codes.clear();
    this.denials = [];
  }

  handle(exchange: FakeExchange): void {
    if (this.playScenario(exchange)) return;
    const { request, res } = exchange;
    if (request.method === 'OPTIONS') {
      sendPreflight(res, request);
      return;
    }
    const { method, path } = request;
    if (method === 'GET' && (path === '/o/oauth2/v2/auth' || path === '/o/oauth2/auth')) {
      this.consent(exchange);
    } else if (method === 'POST' && (path === '/token' || path === '/oauth2/v4/token')) {
      this.token(exchange);
    } else if (
      (method === 'GET' || method === 'POST') &&
      (path === '/tokeninfo' || path === '/oauth2/v3/tokeninfo')
    ) {
      this.tokenInfo(exchange);
    } else if (method === 'POST' && (path === '/revoke' || path === '/o/oauth2/revoke')) {
      this.revoke(exchange);
    } else {
      sendJson(res, 404, {
        error: 'not_found',
        error_description: `Payladder OAuth fake: no route for ${method} ${path}`,
      });
    }
  }

  protected sendFailure(exchange: FakeExchange, status: OAuthFailureStatus): void {
    const body = {
      400: { error: 'invalid_grant', error_description: 'Bad Request' },
      401: { error: 'invalid_client', error_description: 'Unauthorized' },
      403: { error: 'access_denied', error_description: 'Forbidden' },
      500: { error: 'internal_failure', error_description: 'Backend Error' },
      503: { error: 'temporarily_unavailable', error_description: 'The service is currently unavailable.' },
    }[status];
    sendJson(exchange.res, status, body, corsHeaders(exchange.request));
  }

  private consent({ request, res }: FakeExchange): void {
    const clientId = param(request, 'client_id');
    const redirectUri = param(request, 'redirect_uri');
    const responseType = param(request, 'response_type') ?? '';
    const scope = (param(request, 'scope') ?? '').trim();
    // Google shows an error page (no redirect) when it cannot trust the redirect target.
    if (!clientId)
      return sendPage(res, 400, 'Error 400: invalid_request', 'Missing required parameter: client_id');
    if (!redirectUri)
      return sendPage(res, 400, 'Error 400: invalid_request', 'Missing required parameter: redirect_uri');
    if (this.clients && !this.clients.has(clientId)) {
      return sendPage(res, 401, 'Error 401: invalid_client', 'The OAuth client was not found.');
    }
    const redirect: Redirect = { uri: redirectUri, state: param(request, 'state'), responseType };
    if (responseType !== 'token' && responseType !== 'code') {
      return this.redirect(res, redirect, { error: 'unsupported_response_type' });
    }
    if (scope === '') return this.redirect(res, redirect, { error: 'invalid_scope' });
    const denial = this.denials.shift();
    if (denial !== undefined) return this.redirect(res, redirect, { error: denial });
    const asked = scope.split(/\s+/);
    // Consents at once, silent requests included (denyNext makes them fail).
    const granted = this.grants.get(clientId) ?? new Set<string>();
    for (const s of asked) granted.add(s);
    this.grants.set(clientId, granted);
    const carried =
      param(request, 'include_granted_scopes') === 'true' ? [...granted].join(' ') : asked.join(' ');
    if (responseType === 'code') {
      const code = `4/fake-code-${this.next()}`;
      this.codes.set(code, { clientId, scope, redirectUri });
      return this.redirect(res, redirect, { code, scope });
    }
    const accessToken = this.issue({ scope: carried, grant: 'implicit', clientId });
    this.redirect(res, redirect, {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: String(this.expiresIn),
      scope: carried,
    });
  }

  /** The implicit flow answers in the fragment, the code flow in the query, both with `state` echoed. */
  private redirect(res: FakeExchange['res'], redirect: Redirect, fields: Record<string, string>): void {
    const all = redirect.state === undefined ? fields : { state: redirect.state, ...fields };
    // %20 for spaces (not '+'), so both URLSearchParams and decodeURIComponent read the scope back right.
    const encoded = Object.entries(all)
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
      .join('&');
    const separator = redirect.responseType === 'token' ? '#' : redirect.uri.includes('?') ? '&' : '?';
    res.writeHead(302, { location: `${redirect.uri}${separator}${encoded}`, 'content-length': '0' });
    res.end();
  }

  private token(exchange: FakeExchange): void {
    const { request, res } = exchange;
    const form = formOf(request);
    const grantType = form['grant_type'];
    const fail = (status: number, error: string, description: string): void =>
      sendJson(res, status, { error, error_description: description }, corsHeaders(request));
    if (grantType === 'refresh_token') {
      const client = this.checkClient(form);
      if (client !== true) return fail(401, 'invalid_client', client);
      const grant = this.refreshTokens.get(form['refresh_token'] ?? '');
      if (!grant) return fail(400, 'invalid_grant', 'Token has been expired or revoked.');
      if (grant.clientId !== form['client_id']) return fail(400, 'unauthorized_client', 'Unauthorized');
      const scope = narrowScope(grant.scope, form['scope']);
      const accessToken = this.issue({ scope, grant: 'refresh_token', clientId: grant.clientId });
      return sendJson(
        res,
        200,
        { access_token: accessToken, expires_in: this.expiresIn, scope, token_type: 'Bearer' },
        corsHeaders(request),
      );
    }
    if (grantType === 'authorization_code') {
      const client = this.checkClient(form);
      if (client !== true) return fail(401, 'invalid_client', client);
      const grant = this.codes.get(form['code'] ?? '');
      if (!grant || grant.clientId !== form['client_id'])
        return fail(400, 'invalid_grant', 'Malformed auth code.');
      if (grant.redirectUri !== form['redirect_uri'])
        return fail(400, 'redirect_uri_mismatch', 'Bad Request');
      this.codes.delete(form['code'] ?? '');
      const refreshToken = `1//fake-refresh-${this.next()}`;
      this.refreshTokens.set(refreshToken, { clientId: grant.clientId, scope: grant.scope });
      const accessToken = this.issue({
        scope: grant.scope,
        grant: 'authorization_code',
        clientId: grant.clientId,
      });
      return sendJson(
        res,
        200,
        {
          access_token: accessToken,
          expires_in: this.expiresIn,
          refresh_token: refreshToken,
          scope: grant.scope,
          token_type: 'Bearer',
        },
        corsHeaders(request),
      );
    }
    if (grantType === JWT_BEARER) {
      const claims = this.verifyJwt(form['assertion'] ?? '');
      if (typeof claims === 'string') return fail(400, 'invalid_grant', claims);
      const scope = claims.scope;
      const accessToken = this.issue({ scope, grant: 'jwt-bearer', clientId: claims.iss });
      // Google's answer to a service account carries no `scope`.
      return sendJson(
        res,
        200,
        { access_token: accessToken, expires_in: this.expiresIn, token_type: 'Bearer' },
        corsHeaders(request),
      );
    }
    fail(400, 'unsupported_grant_type', `Invalid grant_type: ${grantType ?? ''}`);
  }

  /** true, or the `error_description` Google gives. */
  private checkClient(form: Record<string, string>): true | string {
    const clientId = form['client_id'];
    if (!clientId) return 'The OAuth client was not found.';
    if (!this.clients) return true;
    const client = this.clients.get(clientId);
    if (!client) return 'The OAuth client was not found.';
    if (client.clientSecret !== undefined && client.clientSecret !== form['client_secret'])
      return 'Unauthorized';
    return true;
  }

  private verifyJwt(assertion: string): { iss: string; scope: string } | string {
    const [header, payload, signature, extra] = assertion.split('.');
    if (!header || !payload || signature === undefined || extra !== undefined) return 'Invalid JWT.';
    let claims: { iss?: unknown; scope?: unknown; aud?: unknown; iat?: unknown; exp?: unknown };
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as typeof claims;
    } catch {
      return 'Invalid JWT.';
    }
    if (typeof claims.iss !== 'string') return 'Invalid JWT.';
    const account = this.serviceAccounts.get(claims.iss);
    if (!account) return 'Invalid grant: account not found';
    const verifier = createVerify('RSA-SHA256');
    verifier.update(`${header}.${payload}`);
    if (!verifier.verify(account.publicKey, Buffer.from(signature, 'base64url')))
      return 'Invalid JWT Signature.';
    if (claims.aud !== OAUTH_TOKEN_URL && claims.aud !== 'https://www.googleapis.com/oauth2/v4/token') {
      return 'Invalid JWT: Failed audience check.';
    }
    // The clock check Google makes (iat near now) needs a clock; the fake only checks the span.
    if (
      typeof claims.iat !== 'number' ||
      typeof claims.exp !== 'number' ||
      claims.exp <= claims.iat ||
      claims.exp - claims.iat > 3600
    ) {
      return 'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.';
    }
    if (typeof claims.scope !== 'string' || claims.scope.trim() === '') {
      return 'Invalid OAuth scope or ID token audience provided.';
    }
    if (
      account.scope !== undefined &&
      !claims.scope.split(/\s+/).every((s) => account.scope?.split(/\s+/).includes(s))
    ) {
      return 'Invalid OAuth scope or ID token audience provided.';
    }
    return { iss: claims.iss, scope: claims.scope };
  }

  private tokenInfo({ request, res }: FakeExchange): void {
    const token = param(request, 'access_token') ?? formOf(request)['access_token'];
    const issued = this.issued.find((t) => t.accessToken === token);
    if (!issued) {
      return sendJson(
        res,
        400,
        { error: 'invalid_token', error_description: 'Invalid Value' },
        corsHeaders(request),
      );
    }
    sendJson(
      res,
      200,
      {
        azp: issued.clientId,
        aud: issued.clientId,
        scope: issued.scope,
        expires_in: String(this.expiresIn),
        access_type: issued.grant === 'implicit' ? 'online' : 'offline',
      },
      corsHeaders(request),
    );
  }

  private revoke({ request, res }: FakeExchange): void {
    const token = param(request, 'token') ?? formOf(request)['token'] ?? '';
    const known = this.issued.some((t) => t.accessToken === token) || this.refreshTokens.has(token);
    if (!known) {
      return sendJson(
        res,
        400,
        { error: 'invalid_token', error_description: 'Token expired or revoked' },
        corsHeaders(request),
      );
    }
    this.refreshTokens.delete(token);
    this.sheets?.revokeToken(token);
    this.revoked.push(token);
    // The whole grant goes: every token issued to that client through the consent page.
    const issued = this.issued.find((t) => t.accessToken === token);
    if (issued?.grant === 'implicit') {
      this.grants.delete(issued.clientId);
      for (const t of this.issued) {
        if (t.grant === 'implicit' && t.clientId === issued.clientId) this.sheets?.revokeToken(t.accessToken);
      }
    }
    // No CORS headers: Google's revoke endpoint sends none (pages post a form to it).
    sendJson(res, 200, {});
  }

  private issue(token: Omit<IssuedToken, 'accessToken'>): string {
    // Real access tokens start with `ya29.`; some clients check the prefix.
    const accessToken = `ya29.fake-${this.next()}-${randomBytes(6).toString('hex')}`;
    this.issued.push({ accessToken, ...token });
    this.sheets?.addToken(accessToken, token.scope);
    return accessToken;
  }

  private next(): number {
    this.sequence += 1;
    return this.sequence;
  }
}

/** An OAuth fake on its own HTTPS server (127.0.0.1, ephemeral port). */
export async function startOAuthFake(options: OAuthFakeOptions = {}): Promise<OAuthFake> {
  const fake = new OAuthFake(options);
  fake.mount(await listenHttps((exchange) => fake.handle(exchange)));
  return fake;
}

function formOf(request: FakeRequest): Record<string, string> {
  const body = request.body;
  if (body === null || typeof body !== 'object') return {};
  return Object.fromEntries(
    Object.entries(body).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
}

// A refresh may ask for fewer scopes than were granted, never more.
function narrowScope(granted: string, asked: string | undefined): string {
  if (!asked) return granted;
  const grantedSet = new Set(granted.split(/\s+/));
  const kept = asked.split(/\s+/).filter((s) => grantedSet.has(s));
  return kept.length > 0 ? kept.join(' ') : granted;
}

function sendPage(res: FakeExchange['res'], status: number, title: string, detail: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><title>${title}</title><h1>${title}</h1><p>${detail}</p>`);
}
