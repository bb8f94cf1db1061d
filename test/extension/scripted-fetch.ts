/**
 * A fetch that answers from a script, one entry per request, and records every request:
 * for tests of the Sheets client's status handling, retries and timeouts.
 */

export type Scripted =
  | { status: number; body?: unknown; headers?: Record<string, string> }
  | 'network'
  /** Never answers; rejects when the request is aborted, as fetch does. */
  | 'hang';

export interface RecordedRequest {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

export interface ScriptedFetch {
  fetch: typeof fetch;
  requests: RecordedRequest[];
  /** Entries not used yet. */
  remaining(): number;
}

export function scriptedFetch(script: Scripted[]): ScriptedFetch {
  const queue = [...script];
  const requests: RecordedRequest[] = [];
  const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    requests.push({ url, method: init?.method ?? 'GET', headers, body });
    const next = queue.shift();
    if (next === undefined) throw new Error(`scripted fetch: no answer left for ${url.pathname}`);
    if (next === 'network') throw new TypeError('fetch failed');
    if (next === 'hang') {
      return new Promise<Response>((_, reject) => {
        init?.signal?.addEventListener('abort', () =>
          reject(new DOMException('The operation was aborted.', 'AbortError')),
        );
      });
    }
    return new Response(next.body === undefined ? '' : JSON.stringify(next.body), {
      status: next.status,
      headers: { 'content-type': 'application/json; charset=UTF-8', ...next.headers },
    });
  }) as typeof fetch;
  return { fetch: fetchFn, requests, remaining: () => queue.length };
}

/** Google's error body for a status. */
export function googleError(
  status: number,
  message: string,
  grpc = 'UNKNOWN',
  headers: Record<string, string> = {},
): Scripted {
  return { status, body: { error: { code: status, message, status: grpc } }, headers };
}
