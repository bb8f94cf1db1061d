/**
 * What a Gmail surface (status chip, row badges, compose button, send logger) is: an id, the
 * views it belongs to, and `mount`, which brings it up to date with the page.
 *
 * `mount` runs on every animation frame that follows a change of the page or the URL while
 * `matches(route)` holds, so it must be idempotent and cheap when nothing changed: each
 * surface remembers what it drew, keyed by Gmail's own elements (WeakMaps), and touches the
 * page only for what is new. A surface whose anchor is missing calls `ctx.missing(name)`
 * and returns; the others carry on.
 */
import type { LedgerClient } from './ledger-client';
import type { GmailView } from './routes';
import type { Lang, OverlayStrings } from './strings';
import type { Theme } from './theme';

/** The part of WXT's `ContentScriptContext` the surfaces use: it cleans up when the script stops. */
export interface Cleanup {
  readonly isValid: boolean;
  onInvalidated(callback: () => void): () => void;
  setTimeout(handler: () => void, timeout?: number): number;
}

export interface OverlayContext {
  readonly cleanup: Cleanup;
  readonly ledger: LedgerClient;
  readonly url: string;
  readonly route: GmailView;
  /** True on the first frame after the URL changed. */
  readonly navigated: boolean;
  /**
   * Whether Gmail may have changed `element` since the last frame: its own mutations
   * reached it, or the frame follows a navigation, an answer from the background or a
   * burst too big to track (then everything counts as changed). Lets a surface with
   * hundreds of elements re-read only those that moved.
   */
  touched(element: Element): boolean;
  /** The user's own addresses, lower case: never taken for a client. */
  readonly me: readonly string[];
  readonly lang: Lang;
  readonly t: OverlayStrings;
  readonly theme: Theme;
  /** Epoch ms (the clock is read at the edge, here). */
  now(): number;
  /** Another frame, e.g. once an answer from the background arrived. */
  schedule(): void;
  /** An anchor this surface needs is not on the page (a censored skeleton is logged once if it stays missing). */
  missing(anchor: string): void;
  /** A short notice at the bottom of the page (logging results). */
  notify(text: string): void;
}

export interface Surface {
  readonly id: string;
  matches(route: GmailView): boolean;
  mount(ctx: OverlayContext, root: Document): void;
}

/** The view under a compose window, or the view itself. */
export function baseView(route: GmailView): Exclude<GmailView, { kind: 'compose' }> {
  return route.kind === 'compose' ? route.behind : route;
}
