/**
 * Overlay hosts: one custom element per overlay with a closed shadow root, so Gmail's CSS
 * cannot reach the overlay and the overlay's CSS cannot leak into Gmail.
 *
 * Hand-made rather than WXT's `createShadowRootUi`: that one builds a whole isolated
 * `<html>` per UI and fetches the entrypoint's CSS file, which is fine for one panel but
 * not for a badge on each of hundreds of inbox rows. The styles here are strings in the
 * bundle (styles.ts): no request, no flash of unstyled overlay. Each distinct style text
 * becomes ONE constructed stylesheet that every host adopts, so a hundred badges do not
 * parse their CSS a hundred times; where a content script cannot adopt a sheet (Firefox's
 * content-script wrappers refused `adoptedStyleSheets` as of 2025), a `<style>` element.
 *
 * Closed shadow roots (issue 18, defence in depth): the overlays show the client's invoice
 * numbers and amounts, and a page script (Gmail's, or one a compromised page runs) should
 * not read them through `host.shadowRoot` nor press the overlay's buttons. The root is
 * kept only in the returned `OverlayHost`. Assistive tools are unaffected (they read the
 * accessibility tree, which includes closed roots); tests reach in through
 * test/support/closed-shadow.ts, which ships nothing. The other half, handlers that
 * ignore script-made events, is in dom/jsx-runtime.ts.
 */
import { BASE_CSS } from './styles';
import type { Theme } from './theme';

export const HOST_TAGS = [
  'payladder-chip',
  'payladder-badge',
  'payladder-compose',
  'payladder-toast',
] as const;
export type HostTag = (typeof HOST_TAGS)[number];

const HOST_SELECTOR = HOST_TAGS.join(', ');

export interface OverlayHost {
  /** The element placed in Gmail's page. */
  readonly host: HTMLElement;
  readonly shadow: ShadowRoot;
  /** The overlay's own root inside the shadow root (carries the theme). */
  readonly root: HTMLElement;
}

// Keys whose events must not reach Gmail: its shortcuts ("c" composes, "e" archives) would
// fire while the user types in an overlay's filter box or moves through a menu.
const KEY_EVENTS = ['keydown', 'keyup', 'keypress'] as const;
// Pointer events that Gmail's handlers on rows and toolbars would take as theirs
// (a click on a badge or the compose button must not open the conversation or close the window).
const POINTER_EVENTS = ['click', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'dblclick'] as const;

export interface HostOptions {
  readonly theme: Theme;
  /** Stop key and pointer events at the host (overlays the user operates). */
  readonly interactive: boolean;
  /** Leave out the shared base styles (the badge needs only its own rule). Default false. */
  readonly bare?: boolean;
}

const sheets = new WeakMap<Document, Map<string, CSSStyleSheet | null>>();

/** Styles `shadow` with one sheet shared by every host with the same CSS; false when not possible. */
function adopt(doc: Document, shadow: ShadowRoot, css: string): boolean {
  let known = sheets.get(doc);
  if (!known) sheets.set(doc, (known = new Map()));
  let sheet = known.get(css);
  if (sheet === undefined) {
    try {
      const Sheet = doc.defaultView?.CSSStyleSheet;
      sheet = Sheet ? new Sheet() : null;
      sheet?.replaceSync(css);
    } catch {
      sheet = null;
    }
    known.set(css, sheet);
  }
  if (!sheet) return false;
  try {
    shadow.adoptedStyleSheets = [sheet];
    return true;
  } catch {
    known.set(css, null);
    return false;
  }
}

/** A new host with its shadow root, styles (the base unless `bare`, then `css`) and themed root; not yet in the page. */
export function createHost(doc: Document, tag: HostTag, css: string, options: HostOptions): OverlayHost {
  const host = doc.createElement(tag);
  const shadow = host.attachShadow({ mode: 'closed' });
  const text = options.bare ? css : BASE_CSS + css;
  if (!adopt(doc, shadow, text)) {
    const style = doc.createElement('style');
    style.textContent = text;
    shadow.append(style);
  }
  const root = doc.createElement('div');
  root.className = 'pl';
  shadow.append(root);
  setTheme(root, options.theme);
  if (options.interactive) {
    for (const type of [...KEY_EVENTS, ...POINTER_EVENTS]) {
      host.addEventListener(type, (event) => event.stopPropagation());
    }
  }
  return { host, shadow, root };
}

export function setTheme(root: HTMLElement, theme: Theme): void {
  if (root.getAttribute('data-theme') !== theme) root.setAttribute('data-theme', theme);
}

/** True for Payladder's own hosts: the scheduler ignores mutations that are only ours. */
export function isOwnNode(node: Node): boolean {
  if (node.nodeType !== 1) return false;
  const el = node as Element;
  return el.tagName.startsWith('PAYLADDER-') || el.hasAttribute('data-payladder');
}

/** Removes every overlay from the page (the content script was stopped or updated). */
export function removeAllHosts(doc: Document): void {
  for (const el of Array.from(doc.querySelectorAll(`${HOST_SELECTOR}, [data-payladder]`))) el.remove();
}
