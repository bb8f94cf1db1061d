/**
 * Small DOM helpers shared by the readers. They take any `ParentNode` (a document or an
 * element) so the same code runs on saved pages in happy-dom and in Gmail itself.
 */
import { anyOf, type Anchor } from '../selectors';

/** The elements of the first alternative that matches anything in `scope`, in page order. */
export function queryAnchorAll(scope: ParentNode, anchor: Anchor): Element[] {
  for (const css of anchor) {
    const found = scope.querySelectorAll(css);
    if (found.length > 0) return Array.from(found);
  }
  return [];
}

/** The first element of the first alternative that matches in `scope`, or null. */
export function queryAnchor(scope: ParentNode, anchor: Anchor): Element | null {
  for (const css of anchor) {
    const found = scope.querySelector(css);
    if (found) return found;
  }
  return null;
}

/** The nearest ancestor (or the element itself) matching any alternative, or null. */
export function closestAnchor(element: Element, anchor: Anchor): Element | null {
  return element.closest(anyOf(anchor));
}

/**
 * False when the element or an ancestor is hidden by the `hidden` attribute or an inline
 * `display: none`. Gmail keeps views it has left (an earlier conversation, another list)
 * in the page, hidden; without layout (happy-dom) inline styles are what we can check.
 */
export function isDisplayed(element: Element): boolean {
  for (let el: Element | null = element; el; el = el.parentElement) {
    if (el.hasAttribute('hidden')) return false;
    const style = el.getAttribute('style');
    if (style !== null && /(^|;)\s*display\s*:\s*none\b/i.test(style)) return false;
  }
  return true;
}

/**
 * `isDisplayed`, and also not `display: none` by the page's style sheets where the page has
 * layout (Chromium; happy-dom computes what it can). For the few elements read one at a
 * time (reply bars), not for every row of a list.
 */
export function isShown(element: Element): boolean {
  if (!isDisplayed(element)) return false;
  const view = element.ownerDocument.defaultView;
  if (!view || typeof view.getComputedStyle !== 'function') return true;
  return view.getComputedStyle(element).display !== 'none';
}

/**
 * An id attribute's value, trimmed and without a leading `#`, or null when it is absent,
 * empty, or a script's unset value written out: Gmail has been writing
 * `data-thread-perm-id="undefined"` since late 2025 (KartikTalwar/gmail.js issue #814,
 * 2025-11-09; fixture thread-perm-id-undefined-2026-B).
 */
export function idValue(value: string | null | undefined): string | null {
  const text = value?.trim().replace(/^#/, '') ?? '';
  if (text === '' || /(^|:)(undefined|null)$/.test(text)) return null;
  return text;
}

/** The current value of an input or textarea (what the user typed), '' for anything else. */
export function fieldValue(element: Element | null): string {
  if (!element) return '';
  const tag = element.tagName.toLowerCase();
  if (tag !== 'input' && tag !== 'textarea') return '';
  const value = (element as HTMLInputElement | HTMLTextAreaElement).value;
  return typeof value === 'string' ? value : '';
}

/** The element's text with runs of white space collapsed (Gmail indents headings in its markup). */
export function collapsedText(element: Element): string {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** True when `a` comes before `b` in the document. */
export function precedes(a: Node, b: Node): boolean {
  return (a.compareDocumentPosition(b) & 4) !== 0; // Node.DOCUMENT_POSITION_FOLLOWING
}

/** Drops every element that contains another element of the list (keeps the innermost). */
export function innermost(elements: readonly Element[]): Element[] {
  return elements.filter((el) => !elements.some((other) => other !== el && el.contains(other)));
}

/** Drops every element that lies inside another element of the list (keeps the outermost). */
export function outermost(elements: readonly Element[]): Element[] {
  return elements.filter((el) => !elements.some((other) => other !== el && other.contains(el)));
}
