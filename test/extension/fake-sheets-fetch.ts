/**
 * `fetch` for the extension's code under test, answered by the Sheets fake over HTTPS on
 * 127.0.0.1 (test/support/sheets-fake.ts): the real request and response shapes, without
 * a browser. Honours AbortSignal, so timeouts can be tested against `hangNext`.
 */
import { fakeFetch } from '../support/fake-fetch.ts';

export function fetchVia(port: number): typeof fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    const signal = init?.signal;
    if (signal?.aborted) throw new DOMException('The operation was aborted.', 'AbortError');
    const answer = fakeFetch(port, {
      method: init?.method ?? 'GET',
      path: `${url.pathname}${url.search}`,
      host: url.hostname,
      headers,
      ...(typeof init?.body === 'string' ? { body: init.body } : {}),
      timeoutMs: 60_000,
    });
    const aborted = new Promise<never>((_, reject) =>
      signal?.addEventListener('abort', () =>
        reject(new DOMException('The operation was aborted.', 'AbortError')),
      ),
    );
    const result = await Promise.race([answer, aborted]);
    if (result.status === 0) throw new TypeError(`fetch failed: ${result.error ?? 'no answer'}`);
    const responseHeaders = new Headers();
    for (const [name, value] of Object.entries(result.headers)) {
      if (typeof value === 'string') responseHeaders.set(name, value);
    }
    const text = typeof result.body === 'string' ? result.body : JSON.stringify(result.body);
    return new Response(text, { status: result.status, headers: responseHeaders });
  }) as typeof fetch;
}
