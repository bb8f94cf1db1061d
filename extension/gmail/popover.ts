/**
 * What the chip's panel and the compose menu share: where to draw a popup next to its
 * button (fixed, so no overflow of Gmail's containers clips it), following the button when
 * Gmail's page scrolls, closing on a click elsewhere, and the menu's arrow keys.
 */
export interface PopupPlace {
  readonly top?: number;
  readonly bottom?: number;
  readonly left: number;
}

const WIDTH = 420;
const GAP = 4;

/** Below the button when there is room (the chip), above it otherwise (the compose toolbar). */
export function placeNear(button: Element, prefer: 'below' | 'above'): PopupPlace {
  const rect = button.getBoundingClientRect();
  const view = button.ownerDocument.defaultView;
  const width = view?.innerWidth ?? 1024;
  const height = view?.innerHeight ?? 768;
  const left = Math.max(8, Math.min(rect.left, width - WIDTH - 8));
  const roomBelow = height - rect.bottom;
  const below = prefer === 'below' ? roomBelow > 200 || roomBelow > rect.top : roomBelow > rect.top;
  return below ? { top: rect.bottom + GAP, left } : { bottom: height - rect.top + GAP, left };
}

/** The popup's fixed position as style properties. */
export function placeStyle(place: PopupPlace): Record<string, string> {
  return {
    left: `${place.left}px`,
    ...(place.top !== undefined ? { top: `${place.top}px` } : {}),
    ...(place.bottom !== undefined ? { bottom: `${place.bottom}px` } : {}),
  };
}

/**
 * Keeps an open popup honest: a pointer press outside `host` (the overlay's shadow host)
 * calls `close`; a scroll of Gmail's page calls `follow`, which moves the popup with its
 * button (a scroll can land just after the popup opened: the one that brought the button
 * into view). Events inside the overlay stop at its host, so the listeners run in the
 * capture phase, where they see every press first. Answers the function that stops them.
 */
export function onDismiss(host: Element, close: () => void, follow: () => void): () => void {
  const doc = host.ownerDocument;
  const press = (event: Event) => {
    if (!event.composedPath().includes(host)) close();
  };
  const scroll = (event: Event) => {
    if (!event.composedPath().includes(host)) follow();
  };
  doc.addEventListener('mousedown', press, true);
  doc.addEventListener('scroll', scroll, true);
  return () => {
    doc.removeEventListener('mousedown', press, true);
    doc.removeEventListener('scroll', scroll, true);
  };
}

/**
 * Places `popup` by `button` again; false when the button has left the viewport (the
 * caller closes the popup then).
 */
export function follow(popup: HTMLElement, button: Element, prefer: 'below' | 'above'): boolean {
  const rect = button.getBoundingClientRect();
  const height = button.ownerDocument.defaultView?.innerHeight ?? 768;
  if (rect.bottom < 0 || rect.top > height) return false;
  popup.style.top = popup.style.bottom = '';
  Object.assign(popup.style, placeStyle(placeNear(button, prefer)));
  return true;
}

/** Moves focus among `items` with the arrow keys, Home and End (a menu's keyboard). */
export function moveFocus(items: readonly HTMLElement[], current: Element | null, key: string): boolean {
  if (items.length === 0) return false;
  const at = items.findIndex((item) => item === current);
  let next: number;
  if (key === 'ArrowDown') next = at < 0 ? 0 : (at + 1) % items.length;
  else if (key === 'ArrowUp') next = at < 0 ? items.length - 1 : (at - 1 + items.length) % items.length;
  else if (key === 'Home') next = 0;
  else if (key === 'End') next = items.length - 1;
  else return false;
  items[next]?.focus();
  return true;
}
