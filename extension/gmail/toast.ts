/**
 * A short notice at the bottom left of Gmail (where Gmail shows its own "Message sent"),
 * read out by screen readers, gone after a few seconds. One at a time.
 */
import { createHost } from './overlay-host';
import { TOAST_CSS } from './styles';
import type { Cleanup } from './surface';
import type { Theme } from './theme';

export const TOAST_MS = 6000;

const shown = new WeakMap<Document, { host: HTMLElement; text: HTMLElement; timer: number }>();

export function showToast(doc: Document, message: string, theme: Theme, cleanup: Cleanup): void {
  const body = doc.body;
  if (!body) return;
  let toast = shown.get(doc);
  if (!toast || !toast.host.isConnected) {
    const { host, root } = createHost(doc, 'payladder-toast', TOAST_CSS, { theme, interactive: false });
    const text = doc.createElement('div');
    text.className = 'toast';
    text.setAttribute('role', 'status');
    text.setAttribute('aria-live', 'polite');
    root.append(text);
    body.append(host);
    toast = { host, text, timer: 0 };
    shown.set(doc, toast);
  }
  toast.text.textContent = message;
  const current = toast;
  doc.defaultView?.clearTimeout(current.timer);
  current.timer = cleanup.setTimeout(() => {
    current.host.remove();
    shown.delete(doc);
  }, TOAST_MS);
}
