import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { CACHED_KEYS, EARLY_READ } from '../ui/cached-keys.ts';

/**
 * An `async` classic script in the popup's head: it asks storage for what the first paint
 * shows as soon as it is fetched, so the read runs beside the loading of the page's modules
 * instead of after them (page.tsx takes the promise, or reads itself when this did not run).
 * Async, so the parser never waits for it.
 */
export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[EARLY_READ] = browser.storage.local.get(Object.values(CACHED_KEYS));
});
