import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { fakeCertificate } from './tls.ts';

/** One request as a fake saw it, for tests to assert on. */
export interface FakeRequest {
  readonly method: string;
  /** The Host header without the port: which Google host the client thought it was talking to. */
  readonly host: string;
  /** Decoded path, e.g. `/v4/spreadsheets/abc/values:batchGet`. */
  readonly path: string;
  /** Every query parameter as the list of its values (`ranges` repeats). */
  readonly query: Readonly<Record<string, string[]>>;
  readonly headers: IncomingHttpHeaders;
  /** JSON bodies parsed, form bodies as an object, anything else as text; undefined when empty. */
  readonly body: unknown;
}

/** What a fake's route handler gets: the parsed request and the raw response to write. */
export interface FakeExchange {
  readonly request: FakeRequest;
  readonly url: URL;
  readonly res: ServerResponse;
}

export type FakeHandler = (exchange: FakeExchange) => void;

export interface FakeServer {
  readonly port: number;
  /** `https://127.0.0.1:PORT` */
  readonly origin: string;
  /** Idempotent; also ends connections a `hangNext` left open. */
  close(): Promise<void>;
}

// Request bodies the fakes accept are small JSON or form posts; a cap keeps a
// runaway client from filling memory.
const MAX_BODY_BYTES = 10 * 1024 * 1024;

/** Listens on 127.0.0.1 (never another interface) on an ephemeral port with the fake certificate. */
export async function listenHttps(handler: FakeHandler): Promise<FakeServer> {
  const { key, cert } = fakeCertificate();
  const sockets = new Set<Socket>();
  const server = createServer({ key, cert }, (req, res) => {
    readBody(req)
      .then((raw) => {
        const url = new URL(req.url ?? '/', 'https://fake.invalid');
        handler({ request: toFakeRequest(req, url, raw), url, res });
      })
      .catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`fake server error: ${String(error)}`);
      });
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  // Clients that give up mid-handshake (Chromium probing, aborted fetches) are not test failures.
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;
  return {
    port,
    origin: `https://127.0.0.1:${port}`,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Hung exchanges and keep-alive sockets would otherwise hold close() open forever.
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error(`request body over ${MAX_BODY_BYTES} bytes`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function toFakeRequest(req: IncomingMessage, url: URL, raw: string): FakeRequest {
  const query: Record<string, string[]> = {};
  for (const [name, value] of url.searchParams) (query[name] ??= []).push(value);
  return {
    method: req.method ?? 'GET',
    host: hostOf(req.headers.host),
    path: safeDecode(url.pathname),
    query,
    headers: req.headers,
    body: parseBody(raw, req.headers['content-type']),
  };
}

function hostOf(header: string | undefined): string {
  if (!header) return '';
  // `[::1]:443` keeps its brackets; `host:port` loses the port.
  return header.startsWith('[') ? header.slice(0, header.indexOf(']') + 1) : (header.split(':')[0] ?? '');
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function parseBody(raw: string, contentType: string | undefined): unknown {
  if (raw === '') return undefined;
  if (contentType?.includes('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(raw));
  }
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

/** Writes a JSON answer the way Google's front ends do (UTF-8, no caching). */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=UTF-8',
    'cache-control': 'private',
    ...headers,
  });
  res.end(JSON.stringify(body, null, 2));
}

/**
 * CORS as Google's API front ends answer it: the caller's origin echoed back
 * (the extension's service worker calls from chrome-extension://ID), and
 * preflights granted for the methods and headers asked for.
 */
export function corsHeaders(request: FakeRequest): Record<string, string> {
  const origin = request.headers.origin;
  if (!origin) return {};
  return { 'access-control-allow-origin': origin, vary: 'origin, referer, x-origin' };
}

export function sendPreflight(res: ServerResponse, request: FakeRequest): void {
  const asked = request.headers['access-control-request-headers'];
  res.writeHead(200, {
    ...corsHeaders(request),
    'access-control-allow-methods': 'DELETE,GET,HEAD,PATCH,POST,PUT',
    'access-control-allow-headers': typeof asked === 'string' ? asked : 'authorization,content-type',
    'access-control-max-age': '3600',
    'content-length': '0',
  });
  res.end();
}

/** First value of a query parameter. */
export function param(request: FakeRequest, name: string): string | undefined {
  return request.query[name]?.[0];
}
