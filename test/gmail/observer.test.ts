// @vitest-environment happy-dom
/** The scheduler: one pass per frame however many changes, surfaces skipped alone, cleanup. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { titleAddress, ownAddresses } from '../../extension/gmail/read/account.ts';
import { createLedgerClient } from '../../extension/gmail/ledger-client.ts';
import { THEME_EVERY_MS, type Overlay, startOverlay } from '../../extension/gmail/observer.ts';
import type { OverlayContext, Surface } from '../../extension/gmail/surface.ts';
import { detectTheme, parseRgb } from '../../extension/gmail/theme.ts';
import type { OverlayMessenger } from '../../extension/gmail/ledger-client.ts';
import { flush, setPage, setUrl, testCleanup } from './overlay-support.ts';

const URL = 'https://mail.google.com/mail/u/0/#inbox';

interface Harness {
  overlay: Overlay;
  frames: (() => void)[];
  logs: string[];
  seen: { id: string; ctx: OverlayContext }[];
  cleanup: ReturnType<typeof testCleanup>;
  runFrames(): void;
}

let harness: Harness | null = null;
afterEach(() => {
  harness?.cleanup.invalidate();
  harness = null;
});

function recorder(
  id: string,
  seen: Harness['seen'],
  matches: Surface['matches'] = () => true,
  mount?: Surface['mount'],
): Surface {
  return {
    id,
    matches,
    mount(ctx, root) {
      seen.push({ id, ctx });
      mount?.(ctx, root);
    },
  };
}

function start(
  surfaces: (seen: Harness['seen']) => Surface[],
  now: () => number = () => 0,
  missingAfterMs = 3000,
): Harness {
  const frames: (() => void)[] = [];
  const logs: string[] = [];
  const seen: Harness['seen'] = [];
  const cleanup = testCleanup();
  const overlay = startOverlay({
    doc: document,
    surfaces: surfaces(seen),
    ledger: createLedgerClient({} as OverlayMessenger, now),
    cleanup,
    now,
    log: (m) => logs.push(m),
    requestFrame: (callback) => frames.push(callback),
    missingAfterMs,
  });
  harness = {
    overlay,
    frames,
    logs,
    seen,
    cleanup,
    runFrames() {
      for (const frame of frames.splice(0)) frame();
    },
  };
  return harness;
}

describe('the scheduler', () => {
  it('runs one pass per frame however many mutations and URL changes came', async () => {
    setPage('<div id="list"></div>', URL);
    const h = start((seen) => [recorder('a', seen)]);
    h.runFrames();
    expect(h.seen).toHaveLength(1);
    const list = document.getElementById('list') as Element;
    for (let i = 0; i < 200; i += 1) list.append(document.createElement('div'));
    window.dispatchEvent(new Event('hashchange'));
    await flush();
    expect(h.frames).toHaveLength(1);
    h.runFrames();
    expect(h.seen).toHaveLength(2);
  });

  it('does not wake for its own overlays', async () => {
    setPage('<div id="x"></div>', URL);
    const h = start((seen) => [recorder('a', seen)]);
    h.runFrames();
    document.getElementById('x')?.append(document.createElement('payladder-badge'));
    const cell = document.createElement('td');
    cell.setAttribute('data-payladder', '');
    document.getElementById('x')?.append(cell);
    await flush();
    expect(h.frames).toHaveLength(0);
  });

  it('gives surfaces the route, the user, the language and whether the URL changed', async () => {
    setPage('', URL, { title: 'Inbox (2) - me@example.com - Gmail', lang: 'it' });
    const h = start((seen) => [recorder('a', seen)]);
    h.runFrames();
    const first = h.seen[0]?.ctx as OverlayContext;
    expect(first.route).toEqual({ kind: 'list', label: 'inbox', query: null, page: 1 });
    expect(first.me).toEqual(['me@example.com']);
    expect(first.lang).toBe('it');
    expect(first.t.writeReminder).toBe('Scrivi sollecito');
    expect(first.navigated).toBe(true);
    h.overlay.tick();
    expect(h.seen[1]?.ctx.navigated).toBe(false);
  });

  it('tells surfaces what Gmail touched since the last pass, and everything after an answer', async () => {
    setPage('<div id="a"><p id="a1"></p></div><div id="b"></div>', URL);
    const h = start((seen) => [recorder('a', seen)]);
    h.runFrames();
    const [a, a1, b] = ['a', 'a1', 'b'].map((id) => document.getElementById(id) as Element);
    expect(h.seen[0]?.ctx.touched(b as Element)).toBe(true);
    (a1 as Element).append(document.createElement('span'));
    await flush();
    h.runFrames();
    const after = h.seen[1]?.ctx as OverlayContext;
    expect([after.touched(a as Element), after.touched(a1 as Element), after.touched(b as Element)]).toEqual([
      true,
      true,
      false,
    ]);
    after.schedule();
    h.runFrames();
    expect(h.seen[2]?.ctx.touched(b as Element)).toBe(true);
  });

  it('counts a reused address as a change', async () => {
    setPage('<div id="row"><span id="s" email="a@example.org"></span></div><div id="other"></div>', URL);
    const h = start((seen) => [recorder('a', seen)]);
    h.runFrames();
    document.getElementById('s')?.setAttribute('email', 'b@example.org');
    document.getElementById('other')?.setAttribute('title', 'not an address');
    await flush();
    h.runFrames();
    expect(h.seen[1]?.ctx.touched(document.getElementById('row') as Element)).toBe(true);
    expect(h.seen[1]?.ctx.touched(document.getElementById('other') as Element)).toBe(false);
  });

  it('counts everything as changed after a burst too big to follow', async () => {
    setPage('<div id="list"></div><div id="b"></div>', URL);
    const h = start((seen) => [recorder('a', seen)]);
    h.runFrames();
    const list = document.getElementById('list') as Element;
    for (let i = 0; i < 100; i += 1) {
      const item = document.createElement('div');
      list.append(item);
      item.append(document.createElement('span'));
    }
    await flush();
    h.runFrames();
    expect(h.seen[1]?.ctx.touched(document.getElementById('b') as Element)).toBe(true);
  });

  it('runs only the surfaces that belong to the view', () => {
    setPage('', 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbfxGmNqTlRZcvtpxCqjWzKpLk');
    const h = start((seen) => [
      recorder('thread', seen, (r) => r.kind === 'thread'),
      recorder('list', seen, (r) => r.kind === 'list'),
    ]);
    h.runFrames();
    expect(h.seen.map((s) => s.id)).toEqual(['thread']);
  });

  it('skips a failing surface alone, logging no page text', () => {
    setPage('<p>Invoice for ap@northwind.example.com</p>', URL);
    const h = start((seen) => [
      recorder('broken', seen, undefined, () => {
        throw new Error(`cannot read ${document.body.textContent}`);
      }),
      recorder('fine', seen),
    ]);
    h.runFrames();
    expect(h.seen.map((s) => s.id)).toEqual(['broken', 'fine']);
    expect(h.logs).toEqual(['Payladder: the broken surface failed: Error']);
  });

  it('logs a censored skeleton once when an anchor stays missing', () => {
    setPage(
      '<div role="main"><span email="ap@northwind.example.com">Sam</span> wrote: Invoice 42</div>',
      URL,
    );
    let now = 0;
    const h = start(
      (seen) => [recorder('chip', seen, undefined, (ctx) => ctx.missing('threadSubject'))],
      () => now,
    );
    h.overlay.tick();
    expect(h.logs).toEqual([]);
    now = 3000;
    h.overlay.tick();
    h.overlay.tick();
    expect(h.logs).toHaveLength(1);
    expect(h.logs[0]).toContain('Payladder: Gmail anchor "chip: threadSubject" not found');
    expect(h.logs[0]).toContain('div[role=main]');
    expect(h.logs[0]).not.toMatch(/northwind|Sam|Invoice/);
  });

  it('does not report an anchor Gmail drew in time', () => {
    setPage('', URL);
    let now = 0;
    let drawn = false;
    const h = start(
      (seen) => [recorder('chip', seen, undefined, (ctx) => !drawn && ctx.missing('threadSubject'))],
      () => now,
    );
    h.overlay.tick();
    drawn = true;
    now = 5000;
    h.overlay.tick();
    expect(h.logs).toEqual([]);
  });

  it('removes every overlay and stops when the extension goes', async () => {
    setPage('<div id="x"></div>', URL);
    const h = start((seen) => [recorder('a', seen)]);
    h.runFrames();
    document
      .getElementById('x')
      ?.append(document.createElement('payladder-chip'), document.createElement('payladder-badge'));
    h.cleanup.invalidate();
    expect(document.querySelector('payladder-chip, payladder-badge')).toBeNull();
    document.getElementById('x')?.append(document.createElement('div'));
    window.dispatchEvent(new Event('hashchange'));
    await flush();
    expect(h.frames).toHaveLength(0);
  });
});

describe('the user’s own address', () => {
  it.each([
    ['Inbox (3) - me@example.com - Gmail', 'me@example.com'],
    ['Re: call me - ops@example.com - me@example.com - Gmail', 'me@example.com'],
    ['Invoice 42 - Alex.Moreau@Studio.example.com - Moreau Studio Mail', 'alex.moreau@studio.example.com'],
    ['Gmail', null],
    ['Inbox - Gmail', null],
  ])('%s → %s', (title, address) => {
    expect(titleAddress(title)).toBe(address);
  });

  it('falls back to the account button, taking only the address from its localized label', () => {
    setPage(
      '<header role="banner"><a href="https://accounts.google.com/SignOutOptions" aria-label="Account Google: Alex Moreau (me@example.com)"></a></header>',
      URL,
      { title: 'Posta in arrivo' },
    );
    expect(ownAddresses(document)).toEqual(['me@example.com']);
  });
});

describe('the theme', () => {
  it.each([
    ['rgb(255, 255, 255)', 'light'],
    ['rgb(32, 33, 36)', 'dark'],
    ['rgba(31, 31, 31, 1)', 'dark'],
    ['rgb(246, 248, 252)', 'light'],
  ])('a %s page is %s', (colour, theme) => {
    setPage('', URL);
    document.body.style.backgroundColor = colour;
    expect(detectTheme(document)).toBe(theme);
  });

  it('is read again after a navigation 10 s on, once the frame is drawn, never in the frame; a switch redraws', async () => {
    setPage('<div id="list"></div>', URL);
    document.body.style.backgroundColor = 'rgb(255, 255, 255)';
    let clock = 0;
    const h = start(
      (seen) => [recorder('a', seen)],
      () => clock,
    );
    h.runFrames();
    expect(h.seen.map((s) => s.ctx.theme)).toEqual(['light']);
    document.body.style.backgroundColor = 'rgb(32, 33, 36)';
    const read = vi.spyOn(window, 'getComputedStyle');
    // A navigation within 10 s: the theme is not read.
    setUrl(`${URL}/p2`);
    window.dispatchEvent(new Event('hashchange'));
    h.runFrames();
    await flush();
    expect(read).not.toHaveBeenCalled();
    clock = THEME_EVERY_MS;
    setUrl(URL);
    window.dispatchEvent(new Event('hashchange'));
    h.runFrames();
    expect(read).not.toHaveBeenCalled();
    expect(h.seen.map((s) => s.ctx.theme)).toEqual(['light', 'light', 'light']);
    await flush();
    expect(read).toHaveBeenCalled();
    h.runFrames();
    expect(h.seen.map((s) => s.ctx.theme)).toEqual(['light', 'light', 'light', 'dark']);
    read.mockRestore();
  });

  it('reads a transparent background as no answer', () => {
    expect(parseRgb('rgba(0, 0, 0, 0)')).toBeNull();
    expect(parseRgb('transparent')).toBeNull();
  });
});
