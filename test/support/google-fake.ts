import { type FakeHandler, type FakeServer, listenHttps, sendJson } from './https-server.ts';
import { nodeGoogleHostsEnv } from './node-google-hosts-env.ts';
import { type OAuthFakeOptions, OAuthFake } from './oauth-fake.ts';
import { type SheetsFakeOptions, SheetsFake } from './sheets-fake.ts';
import { FAKE_GOOGLE_HOSTS } from './tls.ts';

export interface GoogleFakesOptions {
  readonly sheets?: SheetsFakeOptions;
  readonly oauth?: Omit<OAuthFakeOptions, 'sheets'>;
  /** More hosts answered on the same port, e.g. a saved-page server for `mail.google.com`. */
  readonly hosts?: Readonly<Record<string, FakeHandler>>;
}

export interface GoogleFakes {
  /** The one port every faked Google host is served on. */
  readonly port: number;
  readonly sheets: SheetsFake;
  /** Its tokens are accepted by `sheets`. */
  readonly oauth: OAuthFake;
  /** `{ 'sheets.googleapis.com': port, … }` for `launchWithExtension({ hostMap })`. */
  hostMap(hosts?: readonly string[]): Record<string, number>;
  /** Environment for a Node child that loads `node-google-hosts.ts`. */
  nodeEnv(): Record<string, string>;
  /** Resets both fakes (state, tokens, logs, scenarios). */
  reset(): void;
  close(): Promise<void>;
}

const SHEETS_HOSTS = new Set(['sheets.googleapis.com']);
const OAUTH_HOSTS = new Set(['oauth2.googleapis.com', 'accounts.google.com', 'www.googleapis.com']);

/**
 * The Sheets and OAuth fakes on one HTTPS server, routed by Host header — the
 * shape Chromium's `--host-resolver-rules` and the Node preload want (every
 * Google host → 127.0.0.1:PORT). Requests to the IP itself are routed by path.
 */
export async function startGoogleFakes(options: GoogleFakesOptions = {}): Promise<GoogleFakes> {
  const sheets = new SheetsFake(options.sheets);
  const oauth = new OAuthFake({ ...options.oauth, sheets });
  const extra = new Map(Object.entries(options.hosts ?? {}));
  const server: FakeServer = await listenHttps((exchange) => {
    const { host, path } = exchange.request;
    const handler = extra.get(host);
    if (handler) return handler(exchange);
    if (SHEETS_HOSTS.has(host)) return sheets.handle(exchange);
    if (OAUTH_HOSTS.has(host)) return oauth.handle(exchange);
    if (host === '127.0.0.1' || host === 'localhost') {
      return path.startsWith('/v4/') ? sheets.handle(exchange) : oauth.handle(exchange);
    }
    sendJson(exchange.res, 404, { error: `Payladder fake Google: nothing serves host ${host}` });
  });
  sheets.mount(server);
  oauth.mount(server);
  return {
    port: server.port,
    sheets,
    oauth,
    hostMap: (hosts = [...FAKE_GOOGLE_HOSTS]) => Object.fromEntries(hosts.map((host) => [host, server.port])),
    nodeEnv: () => nodeGoogleHostsEnv(server.port),
    reset() {
      sheets.reset();
      oauth.reset();
    },
    async close() {
      await Promise.all([sheets.close(), oauth.close()]);
    },
  };
}
