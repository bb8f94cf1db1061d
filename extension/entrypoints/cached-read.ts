import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { CACHED_KEYS, EARLY_READ } from '../ui/cached-keys.ts';

/**
 * A classic script in the head of the popup and the options page: it asks storage for
 * what the first paint shows while the HTML is still being parsed, so the read runs beside
 * the loading of the page's modules instead of after them (page.tsx takes the promise).
 */
export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[EARLY_READ] = browser.storage.local.get(Object.values(CACHED_KEYS));
});
