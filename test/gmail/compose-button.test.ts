// @vitest-environment happy-dom
/** The Payladder button in compose windows and its menu, on pages written for each story. */
import { afterEach, describe, expect, it } from 'vitest';
import type { RawLedger } from '../../shared/index.ts';
import { shadowOf } from '../support/closed-shadow.ts';
import { findComposeRoots, readCompose } from '../../extension/gmail/read/compose.ts';
import {
  type FakeBackground,
  type TestOverlay,
  fakeBackground,
  flush,
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
    { name: 'Vento Rosso', emails: 'conti@ventorosso.example.com', language: 'it' },
    { name: 'Acme', emails: 'ap@acme.example.com' },
  ],
  [
    { id: 'N-1', client: 'Northwind', amount: 4800, late: 10 },
    { id: 'V-1', client: 'Vento Rosso', amount: 900, late: 2 },
    { id: 'A-1', client: 'Acme', amount: 100, late: -20 },
  ],
);

/** Today's New Message window: chips in To, or the typed text of the old textarea. */
const EMPTY_BODY = `<div><br></div><div><br></div>
      <span class="gmail_signature_prefix">-- </span><br><div class="gmail_signature" data-smartmail="gmail_signature">Alex</div>`;

function composeWindow(
  to: { chips?: string[]; typed?: string; textarea?: string } = {},
  subject = '',
  body = EMPTY_BODY,
): string {
  const chips = (to.chips ?? [])
    .map((a) => `<div role="option" data-hovercard-id="${a}" data-name="${a}"></div>`)
    .join('');
  const field =
    to.textarea !== undefined
      ? `<textarea name="to">${to.textarea}</textarea>`
      : `<div name="to"><div role="listbox">${chips}</div><input value="${to.typed ?? ''}"></div>`;
  return `<div role="dialog"><div class="M9"><div role="region"><form>${field}
    <input name="subjectbox" value="${subject}"><input type="hidden" name="draft" value="#msg-a:r-42"></form>
    <div g_editable="true" role="textbox" contenteditable="true">${body}</div>
    <table class="IZ" role="group"><tr><td class="gU Up"><div class="dC"><div class="aoO" role="button">Send</div></div></td>
      <td><div role="button">Attach</div></td></tr></table></div></div></div>`;
}

let running: TestOverlay | null = null;
afterEach(() => {
  // As when the extension is reloaded: listeners and per-page state go.
  running?.cleanup.invalidate();
  running = null;
});

async function start(
  body: string,
  raw = ledger,
): Promise<{ background: FakeBackground; overlay: TestOverlay }> {
  setPage(body, URL);
  const background = fakeBackground(raw, TODAY);
  running = startTestOverlay(background);
  await running.settle();
  return { background, overlay: running };
}

const button = () => inOverlays('payladder-compose', 'button.button')[0] as HTMLButtonElement;
const shadow = () => shadowOf(document.querySelector('payladder-compose')) as ShadowRoot;
const items = () => inOverlays('payladder-compose', '[role=menuitem]');
const key = (key: string) =>
  (shadow().activeElement ?? button()).dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));

async function openMenu(overlay: TestOverlay): Promise<void> {
  button().click();
  await overlay.settle();
}

describe('the Payladder button', () => {
  it('sits in its own cell right after Send, once per window', async () => {
    const { overlay } = await start(composeWindow({ chips: ['ap@northwind.example.com'] }));
    await overlay.settle();
    const host = document.querySelectorAll('payladder-compose');
    expect(host).toHaveLength(1);
    const cell = host[0]?.parentElement as Element;
    expect(cell.tagName).toBe('TD');
    expect(cell.previousElementSibling?.className).toBe('gU Up');
    expect(button().getAttribute('aria-haspopup')).toBe('menu');
  });

  it('asks nothing of the background until it is used', async () => {
    const { background } = await start(composeWindow({ chips: ['ap@northwind.example.com'] }));
    expect(background.requests).toEqual([]);
  });

  it('lists the recipients’ client’s templates, the recommended one first, with a preview', async () => {
    const { overlay } = await start(composeWindow({ chips: ['me@example.com', 'ap@northwind.example.com'] }));
    await openMenu(overlay);
    const menu = inOverlays('payladder-compose', '[role=menu]')[0] as HTMLElement;
    expect(menu.querySelector('.head')?.textContent).toBe('NorthwindFollow-up€4,800.00');
    const ids = items().map((i) => i.getAttribute('data-message'));
    expect(ids[0]).toBe('followup');
    expect(ids).toContain('reminder');
    expect(ids).toContain('demand');
    expect(items()[0]?.textContent).toBe('Follow-upRecommended');
    expect(items().filter((i) => i.textContent?.includes('Recommended'))).toHaveLength(1);
    expect(menu.querySelector('.preview .subject')?.textContent).toContain('INV-N-1');
    // The first entry has the focus; the preview follows it.
    expect(shadow().activeElement).toBe(items()[0]);
    key('ArrowDown');
    expect(shadow().activeElement).toBe(items()[1]);
    expect(menu.querySelector('.preview .subject')?.textContent).not.toBe(items()[0]?.textContent);
  });

  it('moves with the arrow keys, Home and End, and closes with Escape back to the button', async () => {
    const { overlay } = await start(composeWindow({ chips: ['ap@northwind.example.com'] }));
    await openMenu(overlay);
    const all = items();
    key('ArrowUp');
    expect(shadow().activeElement).toBe(all[all.length - 1]);
    key('Home');
    expect(shadow().activeElement).toBe(all[0]);
    key('End');
    expect(shadow().activeElement).toBe(all[all.length - 1]);
    key('ArrowDown');
    expect(shadow().activeElement).toBe(all[0]);
    key('Escape');
    expect(inOverlays('payladder-compose', '[role=menu]')).toHaveLength(0);
    expect(shadow().activeElement).toBe(button());
    expect(button().getAttribute('aria-expanded')).toBe('false');
  });

  it('inserts with one click: subject and body above the signature', async () => {
    const { overlay } = await start(composeWindow({ chips: ['ap@northwind.example.com'] }));
    await openMenu(overlay);
    items()[0]?.click();
    const compose = readCompose(findComposeRoots(document)[0] as Element);
    expect(compose.subject).toBe('Follow-up: overdue payment for INV-N-1');
    const text = compose.body.editable?.textContent ?? '';
    expect(text.indexOf('INV-N-1')).toBeGreaterThan(-1);
    expect(text.indexOf('INV-N-1')).toBeLessThan(text.indexOf('--'));
    expect(inOverlays('payladder-compose', '[role=menu]')).toHaveLength(0);
  });

  it('writes in the client’s language', async () => {
    const { overlay } = await start(composeWindow({ chips: ['conti@ventorosso.example.com'] }));
    await openMenu(overlay);
    expect(items()[0]?.getAttribute('data-message')).toBe('reminder');
    items()[0]?.click();
    expect(readCompose(findComposeRoots(document)[0] as Element).body.editable?.textContent).toContain(
      'Buongiorno Sam',
    );
  });

  it('reads the address still being typed, and the old textarea', async () => {
    for (const to of [
      { typed: 'ap@northwind.example.com' },
      { textarea: 'Sam &lt;ap@northwind.example.com&gt;, x@example.org' },
    ]) {
      const { overlay } = await start(composeWindow(to));
      await openMenu(overlay);
      expect(inOverlays('payladder-compose', '.head .client')[0]?.textContent).toBe('Northwind');
      running?.overlay.stop();
    }
  });

  it('says so when no recipient is a client, and lets the user pick one', async () => {
    const { overlay } = await start(composeWindow({ chips: ['stranger@example.org'] }));
    await openMenu(overlay);
    const menu = () => inOverlays('payladder-compose', '[role=menu]')[0] as HTMLElement;
    expect(menu().textContent).toContain('No recipient is a client in your ledger.');
    expect(items().map((i) => i.textContent)).toEqual(['Acme', 'Northwind', 'Vento Rosso']);
    const filter = menu().querySelector('input') as HTMLInputElement;
    expect(shadow().activeElement).toBe(filter);
    filter.value = 'vento';
    filter.dispatchEvent(new Event('input', { bubbles: true }));
    expect(items().map((i) => i.textContent)).toEqual(['Vento Rosso']);
    filter.value = 'nobody';
    filter.dispatchEvent(new Event('input', { bubbles: true }));
    expect(menu().textContent).toContain('No client matches.');
    filter.value = 'acme.example';
    filter.dispatchEvent(new Event('input', { bubbles: true }));
    items()[0]?.click();
    await overlay.settle();
    expect(menu().querySelector('.head .client')?.textContent).toBe('Acme');
    // Acme is not due yet: the courtesy note is offered first.
    expect(items()[0]?.getAttribute('data-message')).toBe('upcoming');
  });

  it('offers another client from the list of templates', async () => {
    const { overlay } = await start(composeWindow({ chips: ['ap@northwind.example.com'] }));
    await openMenu(overlay);
    items()
      .find((i) => i.textContent === 'Another client…')
      ?.click();
    await overlay.settle();
    expect(items().map((i) => i.textContent)).toEqual(['Acme', 'Northwind', 'Vento Rosso']);
  });

  it('says the ledger is not loaded when there is none', async () => {
    const { overlay } = await start(
      composeWindow({ chips: ['ap@northwind.example.com'] }),
      rawLedger(TODAY, [], []),
    );
    await openMenu(overlay);
    expect(inOverlays('payladder-compose', '[role=menu]')[0]?.textContent).toContain(
      'Your ledger is not loaded',
    );
  });

  it('says so when the background does not answer', async () => {
    const { background, overlay } = await start(composeWindow({ chips: ['ap@northwind.example.com'] }));
    background.failing = true;
    await openMenu(overlay);
    expect(inOverlays('payladder-compose', '[role=menu]')[0]?.textContent).toBe(
      'Payladder could not answer: Extension context invalidated.',
    );
  });

  it('keeps Gmail’s shortcuts from seeing keys typed in the menu', async () => {
    const { overlay } = await start(composeWindow({ chips: ['stranger@example.org'] }));
    await openMenu(overlay);
    const seen: string[] = [];
    document.addEventListener('keydown', (e) => seen.push(e.key));
    const filter = inOverlays('payladder-compose', 'input')[0] as HTMLInputElement;
    filter.dispatchEvent(new KeyboardEvent('keydown', { key: 'c', bubbles: true, composed: true }));
    await flush();
    expect(seen).toEqual([]);
  });
});

describe('when Gmail redraws the toolbar', () => {
  it('puts the button back once, without leaving empty cells', async () => {
    const { overlay } = await start(composeWindow({ chips: ['ap@northwind.example.com'] }));
    const host = document.querySelector('payladder-compose') as Element;
    // Gmail's redraw drops the button but keeps the row.
    host.remove();
    await overlay.settle();
    const row = document.querySelector('table.IZ tr') as Element;
    expect(row.querySelectorAll('payladder-compose')).toHaveLength(1);
    expect(row.querySelectorAll('td[data-payladder]')).toHaveLength(1);
    expect(row.children).toHaveLength(3);
  });
});

describe('the menu says exactly what goes in (issue 12)', () => {
  const northwind = { chips: ['ap@northwind.example.com'] };
  const TYPED = `<div>Hi Sam,</div><div><br></div><div>Good to talk today.</div><div><br></div><div>Thanks,</div><div>Alex</div>
    <div><br></div><span class="gmail_signature_prefix">-- </span><br><div class="gmail_signature" data-smartmail="gmail_signature">Alex Moreau</div>`;
  const previewText = () => inOverlays('payladder-compose', '.preview .text')[0]?.textContent ?? '';
  const body = () => readCompose(findComposeRoots(document)[0] as Element).body.editable as HTMLElement;
  const bodyLines = () =>
    Array.from(body().childNodes, (n) => (n.textContent ?? '').trim()).filter((l) => l !== '');

  it('previews the message without the greeting and sign-off the window already has, and inserts that', async () => {
    const { overlay } = await start(composeWindow(northwind, '', TYPED));
    await openMenu(overlay);
    const preview = previewText();
    expect(preview).not.toMatch(/^(Hi|Dear)\b/);
    expect(preview).not.toMatch(/regards|Alex Moreau/i);
    expect(preview).toContain('INV-N-1');
    items()[0]?.click();
    const lines = bodyLines();
    // The preview's lines, in order, between the user's text and their sign-off.
    const inserted = preview
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => l.replace(/^[-•]\s+/, ''));
    const at = lines.indexOf('Good to talk today.');
    expect(lines.slice(0, at + 1)).toEqual(['Hi Sam,', 'Good to talk today.']);
    expect(lines.slice(at + 1, at + 1 + inserted.length)).toEqual(inserted);
    expect(lines.slice(at + 1 + inserted.length)).toEqual(['Thanks,', 'Alex', '--', 'Alex Moreau']);
  });

  it('inserts at the caret the user left in their text before reaching for the button', async () => {
    const { overlay } = await start(
      composeWindow(northwind, '', '<div>First line.</div><div>Second line.</div>' + EMPTY_BODY),
    );
    const first = body().firstChild?.firstChild as Text;
    const caret = document.createRange();
    caret.setStart(first, first.length);
    document.getSelection()?.removeAllRanges();
    document.getSelection()?.addRange(caret);
    button().dispatchEvent(new MouseEvent('mousedown', { bubbles: true, cancelable: true }));
    await openMenu(overlay);
    const preview = previewText().split('\n')[0] as string;
    items()[0]?.click();
    const lines = bodyLines();
    expect(lines[0]).toBe('First line.');
    expect(lines[1]).toBe(preview);
    expect(lines.indexOf('Second line.')).toBeGreaterThan(lines.findIndex((l) => l.includes('INV-N-1')));
  });

  it('previews the subject only when the window has none, and leaves a typed one', async () => {
    const { overlay } = await start(composeWindow(northwind, 'Re: March invoice'));
    await openMenu(overlay);
    expect(inOverlays('payladder-compose', '.preview .subject')).toHaveLength(0);
    items()[0]?.click();
    expect(readCompose(findComposeRoots(document)[0] as Element).subject).toBe('Re: March invoice');
  });

  it('names each entry by its message’s label, and inserts and logs the message clicked', async () => {
    const { background, overlay } = await start(composeWindow(northwind, '', TYPED));
    await openMenu(overlay);
    const reminder = items().find((i) => i.getAttribute('data-message') === 'reminder') as HTMLElement;
    expect(reminder.textContent).toBe('Friendly reminder');
    reminder.focus();
    const preview = previewText();
    reminder.click();
    const root = findComposeRoots(document)[0] as Element;
    expect(body().textContent).toContain(preview.split('\n').find((l) => l.trim() !== '') ?? '-');
    expect(readCompose(root).subject).toBe('Payment reminder: INV-N-1');
    (readCompose(root).sendButton as HTMLElement).click();
    root.closest('[role=dialog]')?.remove();
    await overlay.settle();
    await flush();
    expect(background.logged.map((r) => [r.template, r.client])).toEqual([['reminder', 'Northwind']]);
  });
});

describe('while a promise is open, or after a broken one (issue 11)', () => {
  const promised = (by: string): RawLedger => ({
    ...ledger,
    Promises: [
      ['Date', 'Milestone', 'Client', 'Amount', 'Promised by', 'Source', 'Note'],
      ['2026-11-27', 'N-1', 'Northwind', '', by, '', ''],
    ],
  });

  it('recommends the thank-you-and-confirm note, not a chase, while the promise is open', async () => {
    const { overlay } = await start(
      composeWindow({ chips: ['ap@northwind.example.com'] }),
      promised('2026-12-04'),
    );
    await openMenu(overlay);
    expect(items()[0]?.getAttribute('data-message')).toBe('promise_thanks');
    expect(items()[0]?.textContent).toBe('Thank you: confirming the promised paymentRecommended');
    expect(items().filter((i) => i.textContent?.includes('Recommended'))).toHaveLength(1);
    items()[0]?.click();
    expect(readCompose(findComposeRoots(document)[0] as Element).body.editable?.textContent).toContain(
      'Thank you for letting me know',
    );
  });

  it('recommends broken_promise once the promised day has passed unpaid', async () => {
    const { overlay } = await start(
      composeWindow({ chips: ['ap@northwind.example.com'] }),
      promised('2026-11-28'),
    );
    await openMenu(overlay);
    expect(items()[0]?.getAttribute('data-message')).toBe('broken_promise');
    expect(items()[0]?.textContent).toBe('The promised payment did not arriveRecommended');
    expect(items().map((i) => i.getAttribute('data-message'))).not.toContain('promise_thanks');
  });
});
