import type { IncomingHttpHeaders } from 'node:http';
import { request } from 'node:https';
import { fakeCertificate } from './tls.ts';

export interface FakeFetchOptions {
  readonly method?: string;
  /** Path and query, e.g. `/v4/spreadsheets/abc?fields=properties.title`. */
  readonly path: string;
  /** The Host header, i.e. the Google host the request pretends to be for. Default: sheets.googleapis.com. */
  readonly host?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Objects are sent as JSON, strings as they are. */
  readonly body?: unknown;
  /** Abort after this many ms (default 5 s); the result then has `status: 0`. */
  readonly timeoutMs?: number;
}

export interface FakeFetchResult {
  /** 0 when the request timed out or the connection failed. */
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  /** Parsed JSON when the answer was JSON, else the text. */
  readonly body: unknown;
  readonly error?: string;
}

/**
 * An HTTPS request to a fake on 127.0.0.1:PORT from the test process itself,
 * trusting only the fake's certificate, with any Host header. For tests of
 * the fakes and for suites that call a fake directly without host mapping.
 */
export function fakeFetch(port: number, options: FakeFetchOptions): Promise<FakeFetchResult> {
  const { cert } = fakeCertificate();
  const payload =
    options.body === undefined
      ? undefined
      : typeof options.body === 'string'
        ? options.body
        : JSON.stringify(options.body);
  return new Promise((resolve) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        ca: cert,
        servername: 'localhost',
        // A fresh connection per call: hung exchanges must not block the next request.
        agent: false,
        headers: {
          host: options.host ?? 'sheets.googleapis.com',
          ...(payload !== undefined && typeof options.body !== 'string'
            ? { 'content-type': 'application/json' }
            : {}),
          ...options.headers,
        },
        timeout: options.timeoutMs ?? 5_000,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          let body: unknown = text;
          if (res.headers['content-type']?.includes('application/json')) body = JSON.parse(text) as unknown;
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', (error) => resolve({ status: 0, headers: {}, body: undefined, error: error.message }));
    req.end(payload);
  });
}
