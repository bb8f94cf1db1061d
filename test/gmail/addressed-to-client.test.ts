// @vitest-environment happy-dom
/**
 * Issue 18 item 8: a reminder goes into a window, and is logged at Send, only when a To
 * recipient is the client's. A stranger who merely copies the client gets nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { toMatchesClient } from '../../extension/gmail/addressed.ts';
import { findComposeRoots, readCompose } from '../../extension/gmail/read/compose.ts';
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
  [
    { name: 'Northwind', emails: 'ap@northwind.example.com' },
    { name: 'Domain only', emails: '@domain.example.com' },
  ],
  [
    { id: 'N-1', client: 'Northwind', amount: 4800, late: 10 },
    { id: 'D-1', client: 'Domain only', amount: 100, late: 10 },
  ],
);

const chips = (field: string, addresses: string[]) =>
  `<div name="${field}"><div role="listbox">${addresses
    .map((a) => `<div role="option" data-hovercard-id="${a}" data-name="${a}"></div>`)
    .join('')}</div><input value=""></div>`;

function composeWindow(to: string[], cc: string[]): string {
  return `<div role="dialog"><div class="M9"><div role="region"><form>${chips('to', to)}${chips('cc', cc)}
    <input name="subjectbox" value=""><input type="hidden" name="draft" value="#msg-a:r-42"></form>
    <div g_editable="true" role="textbox" contenteditable="true"><div><br></div></div>
    <table class="IZ" role="group"><tr><td class="gU Up"><div class="dC"><div class="aoO" role="button">Send</div></div></td>
      <td><div role="button">Attach</div></td></tr></table></div></div></div>`;
}

let running: TestOverlay | null = null;
afterEach(() => {
  running?.cleanup.invalidate();
  running = null;
});

async function openMenuOn(body: string) {
  setPage(body, URL);
  const background = fakeBackground(ledger, TODAY);
  running = startTestOverlay(background);
  await running.settle();
  (inOverlays('payladder-compose', 'button.button')[0] as HTMLButtonElement).click();
  await running.settle();
  return { background, overlay: running };
}

const compose = () => readCompose(findComposeRoots(document)[0] as Element);
const menuText = () => inOverlays('payladder-compose', '[role=menu]')[0]?.textContent ?? '';

describe('toMatchesClient', () => {
  const northwind = { client: 'Northwind', emails: ['ap@northwind.example.com', '@nw.example'] };
  it.each([
    [['ap@northwind.example.com'], true],
    [['fraud@attacker.example', 'ap@northwind.example.com'], true],
    [['x@eu.nw.example'], true],
    [['fraud@attacker.example'], false],
    [['ap@northwind.example.com.attacker.example'], false],
    [[], false],
  ])('%j → %s', (to, expected) => expect(toMatchesClient(northwind, to)).toBe(expected));
});

describe('a window To a stranger, the client only in Cc', () => {
  it('inserts nothing, says why, and offers to address the client', async () => {
    const { overlay } = await openMenuOn(
      composeWindow(['fraud@attacker.example'], ['ap@northwind.example.com']),
    );
    // The client is recognised (Cc), so their templates are offered...
    const first = inOverlays('payladder-compose', '[role=menuitem][data-message]')[0] as HTMLElement;
    expect(first).toBeTruthy();
    first.click();
    await overlay.settle();
    // ...but nothing of theirs goes into a message To someone else.
    expect(compose().subject).toBe('');
    expect(compose().body.editable?.textContent).toBe('');
    expect(menuText()).toContain("No To recipient is Northwind's");
    const offer = inOverlays('payladder-compose', '[data-action=address-to-client]')[0] as HTMLElement;
    expect(offer.textContent).toBe('Address it to ap@northwind.example.com and insert');
    offer.click();
    await overlay.settle();
    expect(compose().recipients.to.map((r) => r.address)).toEqual([
      'fraud@attacker.example',
      'ap@northwind.example.com',
    ]);
    expect(compose().subject).toContain('INV-N-1');
  });

  it('offers no address for a client with only a domain entry', async () => {
    const { overlay } = await openMenuOn(
      composeWindow(['fraud@attacker.example'], ['ap@domain.example.com']),
    );
    (inOverlays('payladder-compose', '[role=menuitem][data-message]')[0] as HTMLElement).click();
    await overlay.settle();
    expect(menuText()).toContain("No To recipient is Domain only's");
    expect(inOverlays('payladder-compose', '[data-action=address-to-client]')).toHaveLength(0);
    expect(compose().subject).toBe('');
  });

  it('logs at Send with the actual To only when the client is in it', async () => {
    const { background, overlay } = await openMenuOn(composeWindow(['ap@northwind.example.com'], []));
    (inOverlays('payladder-compose', '[role=menuitem][data-message]')[0] as HTMLElement).click();
    await overlay.settle();
    // The user adds a stranger in To before sending: the row says so.
    const input = document.querySelector('div[name=to] input') as HTMLInputElement;
    input.value = 'fraud@attacker.example';
    const send = document.querySelector('.aoO') as HTMLElement;
    send.click();
    document.querySelector('[role=dialog]')?.remove();
    await overlay.settle();
    expect(background.logged.map((r) => r.to)).toEqual(['ap@northwind.example.com, fraud@attacker.example']);
  });
});
