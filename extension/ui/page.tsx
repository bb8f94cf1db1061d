/**
 * What the popup and the options page share at start. The first paint comes from one
 * `storage.local.get` and nothing else: no network, no background, and no schema library
 * (zod is most of the pages' script, and parsing it would cost the paint its budget). The
 * values are then validated with the zod schemas, in a chunk loaded right after the paint
 * (`validate-cached.ts`); anything invalid is replaced by its fallback and the page redrawn.
 * Until then ledger text is only ever shown as text (JSX), and a value of the wrong shape
 * that breaks the render is caught by the guard and drawn again once validated.
 */
import type { ComponentChildren, ComponentType } from 'preact';
import { render } from 'preact';
import { useErrorBoundary } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { BUILD_AUTH } from '../build-config.ts';
import { createMessenger } from '../messages.ts';
import { DEFAULT_PREFERENCES, EMPTY_LOG, IDLE_STATUS } from '../sync/defaults.ts';
import { CACHED_KEYS, EARLY_READ } from './cached-keys.ts';
import type { Cached, Store } from './store.ts';
import { StoreContext, createStore } from './store.ts';

export { CACHED_KEYS } from './cached-keys.ts';
CACHED_KEYS satisfies Record<keyof Cached, string>;

/** What storage holds for the first paint: the early read's answer when it ran, else a read now. */
export async function readRaw(): Promise<Record<keyof Cached, unknown>> {
  const early = (globalThis as Record<string, unknown>)[EARLY_READ] as
    Promise<Record<string, unknown>> | undefined;
  delete (globalThis as Record<string, unknown>)[EARLY_READ];
  const raw = await (early ?? browser.storage.local.get(Object.values(CACHED_KEYS)));
  return {
    view: raw[CACHED_KEYS.view],
    status: raw[CACHED_KEYS.status],
    preferences: raw[CACHED_KEYS.preferences],
    log: raw[CACHED_KEYS.log],
    account: raw[CACHED_KEYS.account],
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The values as read, objects only, for the first paint; the schemas check them right after. */
export function unchecked(raw: Record<keyof Cached, unknown>): Cached {
  return {
    view: isRecord(raw.view) ? (raw.view as unknown as Cached['view']) : null,
    status: isRecord(raw.status)
      ? { ...IDLE_STATUS, ...(raw.status as Partial<Cached['status']>) }
      : IDLE_STATUS,
    preferences: isRecord(raw.preferences)
      ? { ...DEFAULT_PREFERENCES, ...(raw.preferences as Partial<Cached['preferences']>) }
      : DEFAULT_PREFERENCES,
    log:
      isRecord(raw.log) && Array.isArray(raw.log['queue'])
        ? (raw.log as unknown as Cached['log'])
        : EMPTY_LOG,
    account: isRecord(raw.account) ? (raw.account as unknown as Cached['account']) : null,
  };
}

/** Draws nothing rather than a broken page when an unvalidated value has the wrong shape. */
export function Guard({ children, onError }: { children: ComponentChildren; onError: () => void }) {
  const [error] = useErrorBoundary(onError);
  return error ? null : <>{children}</>;
}

// Chromium, Edge, Brave: getAuthToken with the Chrome client, else the web flow; Firefox: the web flow.
const canSignIn =
  BUILD_AUTH.webClientId !== '' ||
  (BUILD_AUTH.chromeClientId !== '' && 'getAuthToken' in (browser.identity ?? {}));

export async function mountPage(root: HTMLElement, App: ComponentType, mark: string): Promise<Store> {
  performance.mark('payladder:modules-loaded');
  const raw = await readRaw();
  performance.mark('payladder:cached-read');
  const store = createStore(
    {
      messenger: createMessenger(),
      now: () => new Date().getTime(),
      browserLanguage: navigator.language,
      openUrl: (url) => void browser.tabs.create({ url }),
      openOptions: () => void browser.runtime.openOptionsPage(),
      canSignIn,
    },
    unchecked(raw),
  );
  let broken = false;
  const draw = (generation: number) =>
    render(
      <StoreContext.Provider value={store}>
        <Guard key={generation} onError={() => (broken = true)}>
          <App />
        </Guard>
      </StoreContext.Provider>,
      root,
    );
  draw(0);
  // The DOM is in place here; the benchmark and the e2e read this mark.
  performance.mark(mark);
  document.documentElement.dataset['painted'] = 'true';

  const { validateCached, watchCached } = await import('./validate-cached.ts');
  // Signals redraw whatever the checked values change.
  store.apply(validateCached(raw));
  // A render the unchecked values broke is drawn again, under a fresh guard, with valid ones.
  if (broken) draw(1);
  document.documentElement.dataset['validated'] = 'true';
  watchCached((changes) => store.apply(changes));
  setInterval(() => store.tick(), 30_000);
  return store;
}
