/** A store over a recording messenger, and a way to render a page with it, for the UI tests. */
import { render } from '@testing-library/preact';
import type { ComponentType } from 'preact';
import { SHEETS_READONLY_SCOPE, SHEETS_SCOPE } from '../../extension/auth/scopes.ts';
import type { Messenger, StatusReply } from '../../extension/messages.ts';
import { DEFAULT_PREFERENCES, EMPTY_LOG, IDLE_STATUS } from '../../extension/sync/items.ts';
import { buildView } from '../../extension/sync/view.ts';
import type { Cached, Store, StoreDeps } from '../../extension/ui/store.ts';
import { StoreContext, createStore } from '../../extension/ui/store.ts';
import { demoState } from './demo-state.ts';

export const NOW = Date.UTC(2026, 10, 30, 9, 0, 0);

export function demoView() {
  const { report, state } = demoState();
  return buildView(report, state.ledger, {
    source: 'sheet',
    spreadsheetId: 'sheet-1234567890',
    title: 'Studio ledger',
    syncedAt: NOW - 3 * 60_000,
  });
}

export const STATUS_REPLY: StatusReply = {
  configured: true,
  demo: false,
  spreadsheetId: 'sheet-1234567890',
  title: 'Studio ledger',
  syncing: false,
  lastAttemptAt: NOW,
  lastSuccessAt: NOW,
  ageMs: 0,
  stale: false,
  error: null,
  nextRetryAt: null,
  requests: 1,
  auth: { method: 'web', signedIn: true, scopes: [] },
  logging: true,
  syncMinutes: 10,
  queue: { pending: 0, lastError: null, otherLedgers: [] },
  dueTodayCount: 3,
};

export type Calls = { type: string; data: unknown }[];

export function recordingMessenger(
  calls: Calls,
  answers: Partial<Record<keyof Messenger, unknown>> = {},
): StoreDeps['messenger'] {
  const answer = (type: keyof Messenger, fallback: unknown) => async (data?: unknown) => {
    calls.push({ type, data });
    const a = answers[type];
    if (a instanceof Error) throw a;
    return (a ?? fallback) as never;
  };
  return {
    status: answer('status', STATUS_REPLY),
    sync: answer('sync', STATUS_REPLY),
    signIn: answer('signIn', STATUS_REPLY),
    signOut: answer('signOut', { ...STATUS_REPLY, auth: { method: 'web', signedIn: false, scopes: [] } }),
    grantWrite: answer('grantWrite', {
      ...STATUS_REPLY,
      auth: { method: 'web', signedIn: true, scopes: [SHEETS_READONLY_SCOPE, SHEETS_SCOPE] },
    }),
    savePreferences: answer('savePreferences', DEFAULT_PREFERENCES),
    testConnection: answer('testConnection', null),
    flushQueue: answer('flushQueue', STATUS_REPLY),
    discardOtherQueued: answer('discardOtherQueued', STATUS_REPLY),
  };
}

export function cached(patch: Partial<Cached> = {}): Cached {
  return {
    view: demoView(),
    status: { ...IDLE_STATUS, lastSuccessAt: NOW - 3 * 60_000, lastAttemptAt: NOW - 3 * 60_000, requests: 1 },
    preferences: { ...DEFAULT_PREFERENCES, spreadsheetId: 'sheet-1234567890' },
    log: EMPTY_LOG,
    account: { signedIn: true, method: 'web', scopes: [] },
    ...patch,
  };
}

export function renderPage(
  App: ComponentType,
  options: {
    cached?: Cached;
    answers?: Partial<Record<keyof Messenger, unknown>>;
    canSignIn?: boolean;
    language?: string;
  } = {},
) {
  const calls: Calls = [];
  const opened: string[] = [];
  const store: Store = createStore(
    {
      messenger: recordingMessenger(calls, options.answers),
      now: () => NOW,
      browserLanguage: options.language ?? 'en-GB',
      openUrl: (url) => void opened.push(url),
      openOptions: () => void opened.push('options'),
      canSignIn: options.canSignIn ?? true,
    },
    options.cached ?? cached(),
  );
  const result = render(
    <StoreContext.Provider value={store}>
      <App />
    </StoreContext.Provider>,
  );
  return { ...result, store, calls, opened };
}
