/**
 * The overlay's scheduler: ONE MutationObserver on Gmail's page plus `hashchange` and
 * `popstate`, coalesced into at most one pass per animation frame. Each pass reads the URL
 * once, works out the view, and lets every surface that belongs to it bring itself up to
 * date. Gmail changes its DOM in bursts of hundreds of mutations; one frame sees them all.
 *
 * Mutations made only by Payladder's own hosts are ignored, so drawing an overlay does not
 * schedule another pass. A frame never runs in a hidden tab (browsers pause
 * requestAnimationFrame there); the overlay catches up when the tab is shown.
 */
import { ownAddresses } from './read/account';
import type { LedgerClient } from './ledger-client';
import { isOwnNode, removeAllHosts } from './overlay-host';
import { routeOf } from './routes';
import { createSkeletonReporter } from './read/skeleton';
import { OVERLAY_STRINGS, overlayLang } from './strings';
import type { Cleanup, OverlayContext, Surface } from './surface';
import { type Theme, detectTheme } from './theme';
import { showToast } from './toast';

export interface OverlayOptions {
  readonly doc: Document;
  readonly surfaces: readonly Surface[];
  readonly ledger: LedgerClient;
  readonly cleanup: Cleanup;
  readonly now: () => number;
  /** Where censored skeletons and failures go (console.warn in Gmail). */
  readonly log: (message: string) => void;
  readonly browserLanguage?: string;
  /** WXT's `ctx.requestAnimationFrame` in the content script (cancelled when the script stops). */
  readonly requestFrame?: (callback: () => void) => number;
  /** An anchor still missing this long after it was first missed is reported (ms). */
  readonly missingAfterMs?: number;
}

export interface Overlay {
  /** Asks for a pass on the next frame (several calls, one pass). */
  schedule(): void;
  /** Runs a pass now (tests and the benchmark run frames themselves). */
  tick(): void;
  stop(): void;
}

/** How long Gmail may take to draw a view before a missing anchor counts as missing. */
export const MISSING_AFTER_MS = 3000;

/** A frame after more mutated nodes than this re-reads everything (tracking would cost more). */
export const TOUCHED_MAX = 64;

/**
 * Gmail's theme is read again at most this often, after a navigation, and only once the
 * browser has drawn the new view: read in the frame (`getComputedStyle`), it made the
 * browser compute the styles of the page Gmail had just drawn there and then (3 ms of a
 * 100-row list's 3.6 in the benchmark, the rest of the overlay's work included); read
 * after the frame, the styles are computed already. A theme switch redraws the overlays
 * in a pass of its own, within this time.
 */
export const THEME_EVERY_MS = 10_000;

export function startOverlay(options: OverlayOptions): Overlay {
  const { doc, surfaces, ledger, cleanup, now, log } = options;
  const win = doc.defaultView;
  const requestFrame =
    options.requestFrame ?? ((callback: () => void) => win?.requestAnimationFrame(callback) ?? 0);
  const missingAfter = options.missingAfterMs ?? MISSING_AFTER_MS;
  const report = createSkeletonReporter(log);
  const missingSince = new Map<string, number>();

  let pending = false;
  let stopped = false;
  /** Nodes Gmail's mutations reached since the last pass; null: count everything as changed. */
  let touched: Node[] | null = null;
  let passes = 0;
  let lastUrl: string | null = null;
  /** The view of `lastUrl`: parsed again only when the URL changes (a fifth of a frame's work after one row changed). */
  let route = routeOf('');
  let theme: Theme = 'light';
  let themeAt = -Infinity;
  let lastTitle: string | null = null;
  let me: string[] = [];

  const requestPass = (): void => {
    if (pending || stopped) return;
    pending = true;
    requestFrame(() => {
      pending = false;
      if (!stopped && cleanup.isValid) tick();
    });
  };
  /** A pass over everything: an answer arrived, the URL changed, a timer asked. */
  const schedule = (): void => {
    touched = null;
    requestPass();
  };

  const notify = (text: string): void => showToast(doc, text, theme, cleanup);
  /** Gmail's theme as drawn now; a change redraws the overlays. */
  const readTheme = (): void => {
    const seen = detectTheme(doc);
    if (seen === theme) return;
    theme = seen;
    schedule();
  };

  function tick(): void {
    passes += 1;
    const url = doc.location?.href ?? '';
    const navigated = url !== lastUrl;
    lastUrl = url;
    if (passes === 1) {
      theme = detectTheme(doc);
      themeAt = now();
    } else if (navigated && now() - themeAt >= THEME_EVERY_MS) {
      themeAt = now();
      // A task set from a frame runs once the frame is drawn.
      cleanup.setTimeout(readTheme, 0);
    }
    if (doc.title !== lastTitle) {
      lastTitle = doc.title;
      me = ownAddresses(doc);
    }
    const lang = overlayLang(doc, options.browserLanguage);
    if (navigated) route = routeOf(url);
    const missingNow = new Set<string>();
    const changed = navigated ? null : touched;
    touched = [];
    const isTouched = (element: Element): boolean =>
      changed === null ||
      changed.some((node) => node === element || element.contains(node) || node.contains(element));

    for (const surface of surfaces) {
      if (!surface.matches(route)) continue;
      const ctx: OverlayContext = {
        cleanup,
        ledger,
        url,
        route,
        navigated,
        touched: isTouched,
        me,
        lang,
        t: OVERLAY_STRINGS[lang],
        theme,
        now,
        schedule,
        notify,
        missing: (anchor) => missingNow.add(`${surface.id}: ${anchor}`),
      };
      try {
        surface.mount(ctx, doc);
      } catch (error) {
        // The error's name and message only: never the page's text.
        log(`Payladder: the ${surface.id} surface failed: ${error instanceof Error ? error.name : 'Error'}`);
      }
    }

    for (const key of [...missingSince.keys()]) if (!missingNow.has(key)) missingSince.delete(key);
    for (const key of missingNow) {
      const since = missingSince.get(key);
      if (since === undefined) {
        missingSince.set(key, now());
        // Look again once Gmail has had time to draw the view.
        cleanup.setTimeout(schedule, missingAfter + 50);
      } else if (now() - since >= missingAfter) {
        report(key, doc);
      }
    }
  }

  const observer = new MutationObserver((records) => {
    let theirs = false;
    for (const record of records) {
      if (onlyOurs(record)) continue;
      theirs = true;
      if (touched !== null) touched.push(record.target);
    }
    if (!theirs) return;
    if (touched !== null && touched.length > TOUCHED_MAX) touched = null;
    requestPass();
  });
  // Nodes added and removed, and the two attributes that carry addresses: a row or chip
  // Gmail reuses for another person changes only those.
  observer.observe(doc.body ?? doc.documentElement, {
    childList: true,
    subtree: true,
    attributeFilter: ['email', 'data-hovercard-id'],
  });
  const onUrl = (): void => schedule();
  win?.addEventListener('hashchange', onUrl);
  win?.addEventListener('popstate', onUrl);

  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    observer.disconnect();
    win?.removeEventListener('hashchange', onUrl);
    win?.removeEventListener('popstate', onUrl);
    removeAllHosts(doc);
  };
  cleanup.onInvalidated(stop);
  schedule();

  return { schedule, tick, stop };
}

// Gmail's records are answered at their first node: no copying, however many nodes they carry.
function onlyOurs(record: MutationRecord): boolean {
  if (isOwnNode(record.target)) return true;
  const { addedNodes, removedNodes } = record;
  if (addedNodes.length + removedNodes.length === 0) return false;
  for (const nodes of [addedNodes, removedNodes]) {
    for (let i = 0; i < nodes.length; i += 1) if (!isOwnNode(nodes[i] as Node)) return false;
  }
  return true;
}
