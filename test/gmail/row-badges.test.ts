// @vitest-environment happy-dom
/** Inbox badges on a list of hundreds of rows written for the test. */
import { afterEach, describe, expect, it } from 'vitest';
import { shadowOf } from '../support/closed-shadow.ts';
import {
  type TestOverlay,
  fakeBackground,
  inOverlays,
  rawLedger,
  setPage,
  startTestOverlay,
} from './overlay-support.ts';

const TODAY = '2026-11-30';
const URL = 'https://mail.google.com/mail/u/0/#inbox';

const ledger = rawLedger(
  TODAY,
  [
    { name: 'Northwind', emails: '@northwind.example.com' },
    { name: 'Paid Up', emails: 'ap@paidup.example.com' },
    { name: 'Vento Rosso', emails: 'conti@ventorosso.example.com', language: 'it' },
  ],
  [
    { id: 'N-1', client: 'Northwind', amount: 4800, late: 40 },
    { id: 'P-1', client: 'Paid Up', amount: 100, late: 10 },
    { id: 'V-1', client: 'Vento Rosso', amount: 900, late: 2 },
  ],
  [[TODAY, 'P-1', 100, 'Bank transfer', '']],
);

/** Senders of each row: a client owing money every seventh row, a paid-up client, "me", strangers. */
function senders(i: number): string[] {
  if (i % 7 === 0) return [`person${i}@northwind.example.com`, 'me@example.com'];
  if (i % 7 === 3) return ['ap@paidup.example.com'];
  if (i % 7 === 5) return ['conti@ventorosso.example.com'];
  if (i % 7 === 6) return ['me@example.com'];
  return [`someone${i % 20}@example.org`];
}

function list(rows: number): string {
  const tr = Array.from(
    { length: rows },
    (_, i) =>
      `<tr class="zA" role="row"><td class="yX" role="gridcell"><div class="yW">${senders(i)
        .map((a) => `<span email="${a}" name="${a}">${a}</span>`)
        .join(
          ', ',
        )}</div></td><td role="gridcell"><span data-legacy-thread-id="${i.toString(16).padStart(16, '0')}">Subject ${i}</span></td></tr>`,
  ).join('');
  return `<div role="main"><table role="grid"><tbody>${tr}</tbody></table></div>`;
}

let running: TestOverlay | null = null;
afterEach(() => {
  running?.cleanup.invalidate();
  running = null;
});

async function start(rows: number) {
  setPage(list(rows), URL);
  const background = fakeBackground(ledger, TODAY);
  running = startTestOverlay(background);
  await running.settle();
  return { background, overlay: running };
}

const badgedRows = () =>
  Array.from(document.querySelectorAll('tr.zA')).flatMap((row, i) =>
    row.querySelector('payladder-badge') ? [i] : [],
  );

describe('inbox badges', () => {
  it('mark exactly the rows of clients owing money, with their worst stage', async () => {
    await start(300);
    const expected = Array.from({ length: 300 }, (_, i) => i).filter((i) => i % 7 === 0 || i % 7 === 5);
    expect(badgedRows()).toEqual(expected);
    // Northwind is 40 days late with nothing sent: its first message is the final notice.
    const texts = new Set(inOverlays('payladder-badge', '.badge').map((b) => b.textContent));
    expect(texts).toEqual(new Set(['Final notice', 'Reminder']));
    const first = inOverlays('payladder-badge', '.badge')[0];
    expect(first?.getAttribute('aria-label')).toBe('Payladder: Northwind, Final notice');
    expect(first?.getAttribute('title')).toBe('Northwind · Final notice · 40 days late');
  });

  it('ask the background once for the whole list, without the user’s address', async () => {
    const { background } = await start(300);
    const asks = background.requests.filter((r) => r.type === 'rowBadges');
    expect(asks).toHaveLength(1);
    const data = asks[0]?.data as { addresses: string[]; exclude: string[] };
    expect(data.exclude).toEqual(['me@example.com']);
    expect(data.addresses).not.toContain('me@example.com');
    expect(new Set(data.addresses).size).toBe(data.addresses.length);
  });

  it('sit at the top of the sender cell, taking no room', async () => {
    await start(14);
    const host = document.querySelector('payladder-badge') as HTMLElement;
    expect(host.parentElement?.className).toBe('yX');
    expect(host.parentElement?.firstElementChild).toBe(host);
    // Every badge adopts the one stylesheet (parsed once): a zero-height host, the badge drawn over it.
    const sheets = Array.from(
      document.querySelectorAll('payladder-badge'),
      (h) => shadowOf(h)?.adoptedStyleSheets[0],
    );
    expect(sheets.length).toBeGreaterThan(1);
    expect(new Set(sheets).size).toBe(1);
    const css = Array.from((sheets[0] as CSSStyleSheet).cssRules, (r) => r.cssText).join('\n');
    expect(css).toMatch(/height: 0(px)? !important/);
    expect(css).toContain('position: absolute');
    expect(shadowOf(host)?.querySelector('style')).toBeNull();
  });

  it('leave the page alone when nothing changed', async () => {
    const { overlay } = await start(100);
    const changes: MutationRecord[] = [];
    const watch = new MutationObserver((records) => changes.push(...records));
    watch.observe(document.body, { childList: true, subtree: true, attributes: true });
    await overlay.settle();
    await overlay.settle();
    watch.disconnect();
    expect(changes).toEqual([]);
  });

  it('follow rows Gmail adds and reuses', async () => {
    const { background, overlay } = await start(14);
    const tbody = document.querySelector('tbody') as Element;
    // A new message from a client arrives at the top; a row is reused for a stranger.
    const fresh = tbody.firstElementChild?.cloneNode(true) as Element;
    tbody.prepend(fresh);
    const reused = tbody.children[1] as Element;
    for (const span of Array.from(reused.querySelectorAll('[email]')))
      span.setAttribute('email', 'new@example.org');
    await overlay.settle();
    expect(fresh.querySelector('payladder-badge')).not.toBeNull();
    expect(reused.querySelector('payladder-badge')).toBeNull();
    // Only the one unknown address was asked about.
    const asks = background.requests.filter((r) => r.type === 'rowBadges');
    expect(asks.map((a) => (a.data as { addresses: string[] }).addresses)).toEqual([
      expect.any(Array),
      ['new@example.org'],
    ]);
  });

  it('re-read only the rows a change reached', async () => {
    const { overlay } = await start(28);
    const rows = Array.from(document.querySelectorAll('tr.zA'));
    const reads: Element[] = [];
    for (const row of rows) {
      const original = row.querySelectorAll.bind(row);
      row.querySelectorAll = ((css: string) => {
        reads.push(row);
        return original(css);
      }) as typeof row.querySelectorAll;
    }
    (rows[3]?.querySelector('td:last-child span') as Element).append(document.createTextNode(' (2)'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    overlay.overlay.tick();
    expect(new Set(reads)).toEqual(new Set([rows[3]]));
  });

  it('ignore lists Gmail keeps hidden', async () => {
    setPage(`<div style="display: none">${list(7)}</div>${list(7)}`, URL);
    running = startTestOverlay(fakeBackground(ledger, TODAY));
    await running.settle();
    expect(document.querySelectorAll('payladder-badge')).toHaveLength(2);
  });
});
