// @vitest-environment happy-dom
/**
 * Issue 18 item 10: the overlays live in closed shadow roots (a page script cannot read the
 * client's figures through `host.shadowRoot`), and their handlers ignore script-made events
 * (a page script cannot press "insert" for the user). Chromium proves the same with a real
 * browser's `isTrusted` in test/e2e/gmail-trust.e2e.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createHost } from '../../extension/gmail/overlay-host.ts';
import { findComposeRoots, readCompose } from '../../extension/gmail/read/compose.ts';
import { scriptMade, shadowOf } from '../support/closed-shadow.ts';
import {
  type TestOverlay,
  fakeBackground,
  inOverlays,
  rawLedger,
  setPage,
  startTestOverlay,
} from './overlay-support.ts';

const TODAY = '2026-11-30';
const URL = 'https://mail.google.com/mail/u/0/#inbox?compose=new';
const ledger = rawLedger(
  TODAY,
  [{ name: 'Northwind', emails: 'ap@northwind.example.com' }],
  [{ id: 'N-1', client: 'Northwind', amount: 4800, late: 10 }],
);
const page = `<div role="dialog"><div role="region"><form>
  <div name="to"><div role="listbox"><div role="option" data-hovercard-id="ap@northwind.example.com"></div></div><input value=""></div>
  <input name="subjectbox" value=""></form>
  <div g_editable="true" role="textbox" contenteditable="true"><div><br></div></div>
  <table role="group"><tr><td><div class="aoO" role="button">Send</div></td></tr></table></div></div>`;

let running: TestOverlay | null = null;
afterEach(() => {
  running?.cleanup.invalidate();
  running = null;
});

const click = () => new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
const menuItems = () => inOverlays('payladder-compose', '[role=menuitem][data-message]');
const body = () => readCompose(findComposeRoots(document)[0] as Element).body.editable?.textContent ?? '';

describe('overlay hosts', () => {
  it.each(['payladder-chip', 'payladder-badge', 'payladder-compose', 'payladder-toast'] as const)(
    '%s keeps its shadow root closed to the page',
    (tag) => {
      const made = createHost(document, tag, '', { theme: 'light', interactive: true });
      expect(made.host.shadowRoot).toBeNull();
      expect(shadowOf(made.host)).toBe(made.shadow);
    },
  );
});

describe('overlay handlers', () => {
  it('ignore a script-made click, and take the user’s', async () => {
    setPage(page, URL);
    running = startTestOverlay(fakeBackground(ledger, TODAY));
    await running.settle();
    const host = document.querySelector('payladder-compose');
    expect(host?.shadowRoot).toBeNull();
    const button = inOverlays('payladder-compose', 'button.button')[0] as HTMLElement;

    button.dispatchEvent(scriptMade(click()));
    await running.settle();
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(menuItems()).toHaveLength(0);

    button.dispatchEvent(click());
    await running.settle();
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const first = menuItems()[0] as HTMLElement;
    expect(first).toBeTruthy();

    first.dispatchEvent(scriptMade(click()));
    await running.settle();
    expect(body()).toBe('');

    first.dispatchEvent(click());
    await running.settle();
    expect(body()).toContain('INV-N-1');
  });

  it('ignore script-made keys', async () => {
    setPage(page, URL);
    running = startTestOverlay(fakeBackground(ledger, TODAY));
    await running.settle();
    const button = inOverlays('payladder-compose', 'button.button')[0] as HTMLElement;
    button.dispatchEvent(click());
    await running.settle();
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const menu = inOverlays('payladder-compose', '[role=menu]')[0] as HTMLElement;
    menu.dispatchEvent(
      scriptMade(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true })),
    );
    await running.settle();
    expect(button.getAttribute('aria-expanded')).toBe('true');
    menu.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await running.settle();
    expect(button.getAttribute('aria-expanded')).toBe('false');
  });
});
