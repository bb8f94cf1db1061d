/**
 * Test helpers for the sidebar: a fresh store per test over a recording `call` backed by
 * the harness's ServerApi (the demo ledger), so components meet real report data.
 */
import { cleanup, render } from '@testing-library/preact';
import { afterEach } from 'vitest';
import type { Language } from '../../shared/index.ts';
import type { ServerApi } from '../../apps-script/src/api.ts';
import { App } from '../../apps-script/sidebar/app/app.tsx';
import type { Route, Store } from '../../apps-script/sidebar/app/store.ts';
import { createStore } from '../../apps-script/sidebar/app/store.ts';
import type { ServerCall } from '../../apps-script/sidebar/client.ts';
import { createHarnessApi } from '../../apps-script/sidebar/dev/harness-api.ts';

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(() => cleanup());

/** A fixed day, so every figure in the demo ledger is the same on every run. */
export const TODAY = '2026-11-30';

export interface RecordedCall {
  name: keyof ServerApi;
  args: unknown[];
}

export interface Recording {
  call: ServerCall;
  calls: RecordedCall[];
  api: ServerApi;
  /** Makes every call of `name` fail with `message` until `heal` is called. */
  breakHandler(name: keyof ServerApi, message: string): void;
  heal(): void;
}

/** A ServerCall over the api that records name and arguments, JSON round-tripped like the wire. */
export function recordingCall(
  api: ServerApi = createHarnessApi({ today: TODAY, language: 'en' }),
): Recording {
  const calls: RecordedCall[] = [];
  const broken = new Map<string, string>();
  const call = (async (name: keyof ServerApi, ...args: unknown[]) => {
    const wire = JSON.parse(JSON.stringify(args)) as unknown[];
    calls.push({ name, args: wire });
    await Promise.resolve();
    const failure = broken.get(name);
    if (failure !== undefined) throw new Error(failure);
    const fn = api[name] as (...a: unknown[]) => unknown;
    return JSON.parse(JSON.stringify(fn.apply(api, wire) ?? null)) as unknown;
  }) as ServerCall;
  return {
    call,
    calls,
    api,
    breakHandler: (name, message) => broken.set(name, message),
    heal: () => broken.clear(),
  };
}

export interface Rendered extends ReturnType<typeof render> {
  store: Store;
  recording: Recording;
}

/** Renders the whole sidebar over a fresh store and waits for the view to load. */
export async function renderSidebar(
  options: { language?: Language; route?: Route; api?: ServerApi; load?: boolean } = {},
): Promise<Rendered> {
  const language = options.language ?? 'en';
  const recording = recordingCall(options.api ?? createHarnessApi({ today: TODAY, language }));
  const store = createStore(recording.call, { language, route: options.route });
  const result = render(<App store={store} />);
  if (options.load !== false) await store.load();
  return { ...result, store, recording };
}

/** The last recorded call of `name`, with its first argument. */
export function lastCall(recording: Recording, name: keyof ServerApi): unknown {
  const found = recording.calls.filter((c) => c.name === name).at(-1);
  if (!found) throw new Error(`no call of ${name}; calls: ${recording.calls.map((c) => c.name).join(', ')}`);
  return found.args[0];
}
