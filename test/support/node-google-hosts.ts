/**
 * Node preload for tests of the CLI's `--sheet` mode:
 *
 *   node --import tsx --import ./test/support/node-google-hosts.ts cli/main.ts --sheet ID
 *
 * with PAYLADDER_FAKE_GOOGLE_PORT (and PAYLADDER_FAKE_GOOGLE_CA, the
 * certificate's PEM or a path to it) in the environment — `nodeGoogleHostsEnv(port)` builds it. Test-only: nothing in the
 * product imports this.
 *
 * It sends every connection to `*.googleapis.com` and `accounts.google.com`
 * to 127.0.0.1:PORT (host *and* port, so nothing needs port 443), keeping the
 * real name for SNI and certificate checks, and trusts the fake's certificate
 * for those connections only. It does so by wrapping `tls.connect`, which is
 * the one door both HTTP stacks use: gaxios 7 (under @googleapis/sheets 14 and
 * google-auth-library 10) fetches with node-fetch 3 → `https.request` →
 * `https.Agent` → `tls.connect`; Node's own `fetch` (undici) also calls
 * `tls.connect` for HTTPS. `dns.lookup` answers 127.0.0.1 for the same hosts,
 * for code that resolves names itself.
 *
 * And it refuses every other non-loopback connection: a test must never
 * reach the network, and google-auth-library otherwise probes the GCE
 * metadata server at 169.254.169.254 when it finds no credentials.
 */
import dns from 'node:dns';
import { readFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';
import tls from 'node:tls';

const port = Number(process.env['PAYLADDER_FAKE_GOOGLE_PORT']);
if (!Number.isInteger(port) || port <= 0 || port > 65_535) {
  throw new Error('node-google-hosts: PAYLADDER_FAKE_GOOGLE_PORT must be the fake Google server port');
}
// The fake's certificate: its PEM text, or a path to a PEM file. Without it the child must get
// the certificate through NODE_EXTRA_CA_CERTS (which Node reads only at startup).
const caSetting = process.env['PAYLADDER_FAKE_GOOGLE_CA'];
const fakeCa = !caSetting
  ? undefined
  : caSetting.includes('-----BEGIN')
    ? caSetting
    : readFileSync(caSetting, 'utf8');

// The metadata probe is skipped outright rather than refused, so ADC errors stay readable.
process.env['METADATA_SERVER_DETECTION'] ??= 'none';

const LOOPBACK = '127.0.0.1';

function isFakedHost(host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  return name === 'googleapis.com' || name.endsWith('.googleapis.com') || name === 'accounts.google.com';
}

function isLoopback(host: string): boolean {
  const name = host.toLowerCase().replace(/^\[|\]$/g, '');
  return name === 'localhost' || name === '::1' || /^127\.\d+\.\d+\.\d+$/.test(name);
}

type Callback = (...args: unknown[]) => void;
type ConnectOptions = Record<string, unknown> & {
  host?: unknown;
  port?: unknown;
  path?: unknown;
  socket?: unknown;
};

/** Folds `connect(port, host?, options?, cb?)` and `connect(options, cb?)` into options + callback. */
function normalize(args: unknown[]): { options: ConnectOptions; callback: Callback | undefined } | undefined {
  const [first, second, third, fourth] = args;
  const callback = args.find((a): a is Callback => typeof a === 'function');
  if (first !== null && typeof first === 'object')
    return { options: { ...(first as ConnectOptions) }, callback };
  const portArg = typeof first === 'string' ? Number(first) : first;
  // A non-numeric string first argument is a Unix socket path: leave those alone.
  if (typeof portArg !== 'number' || Number.isNaN(portArg)) return undefined;
  const host = typeof second === 'string' ? second : undefined;
  const extra = [second, third, fourth].find((a) => a !== null && typeof a === 'object') as
    ConnectOptions | undefined;
  return { options: { ...extra, port: portArg, ...(host === undefined ? {} : { host }) }, callback };
}

function refused(options: ConnectOptions, host: string): ConnectOptions {
  const message =
    `node-google-hosts: refused a connection to ${host}:${String(options.port)}; ` +
    'tests talk to 127.0.0.1 only (map the host to a fake)';
  // A host name that never resolves, with a lookup that fails: the socket then errors
  // asynchronously with this message, as a real refused connection would (IP literals skip lookup).
  return {
    ...options,
    host: 'refused.payladder-test.invalid',
    lookup: (_host: string, _opts: unknown, cb: (error: Error) => void) =>
      cb(Object.assign(new Error(message), { code: 'ECONNREFUSED' })),
  };
}

/** The options to really connect with; `tls` adds the fake's name and CA. */
function reroute(options: ConnectOptions, forTls: boolean): ConnectOptions {
  // TLS over an already-connected socket (that socket went through here), and IPC, stay as they are.
  if (options.socket) return options;
  if (typeof options.path === 'string' && options.path !== '') return options;
  const host = typeof options.host === 'string' ? options.host : 'localhost';
  if (isFakedHost(host)) {
    return {
      ...options,
      host: LOOPBACK,
      port,
      ...(forTls
        ? {
            // SNI and the certificate check keep the real name; the fake's SANs include it.
            servername: typeof options.servername === 'string' ? options.servername : host,
            ...(fakeCa && options.ca === undefined ? { ca: fakeCa } : {}),
          }
        : {}),
    };
  }
  return isLoopback(host) ? options : refused(options, host);
}

function wrapConnect<F extends (...args: never[]) => unknown>(original: F, forTls: boolean): F {
  const wrapped = (...args: unknown[]): unknown => {
    const normalized = normalize(args);
    const call = original as unknown as (...a: unknown[]) => unknown;
    if (!normalized) return call(...args);
    const options = reroute(normalized.options, forTls);
    return normalized.callback ? call(options, normalized.callback) : call(options);
  };
  return wrapped as unknown as F;
}

tls.connect = wrapConnect(tls.connect, true);
net.connect = wrapConnect(net.connect, false);
net.createConnection = wrapConnect(net.createConnection, false);

const originalLookup = dns.lookup;
const patchedLookup = (hostname: string, ...rest: unknown[]): void => {
  const callback = rest.find((a): a is Callback => typeof a === 'function');
  if (!isFakedHost(hostname) || !callback) {
    (originalLookup as unknown as (...a: unknown[]) => void)(hostname, ...rest);
    return;
  }
  const options = rest[0];
  const all = options !== null && typeof options === 'object' && (options as { all?: unknown }).all === true;
  process.nextTick(() =>
    all ? callback(null, [{ address: LOOPBACK, family: 4 }]) : callback(null, LOOPBACK, 4),
  );
};
dns.lookup = patchedLookup as unknown as typeof dns.lookup;

const originalPromiseLookup = dns.promises.lookup;
dns.promises.lookup = (async (hostname: string, options?: unknown) => {
  if (!isFakedHost(hostname)) {
    return (originalPromiseLookup as (h: string, o?: unknown) => Promise<unknown>)(hostname, options);
  }
  const all = options !== null && typeof options === 'object' && (options as { all?: unknown }).all === true;
  return all ? [{ address: LOOPBACK, family: 4 }] : { address: LOOPBACK, family: 4 };
}) as typeof dns.promises.lookup;

// ESM named imports of builtins (`import { connect } from 'node:tls'`) are snapshots until synced.
syncBuiltinESMExports();
