/**
 * The built extension in Chromium on every saved Gmail page (the project's and the
 * directory in PAYLADDER_GMAIL_FIXTURES, by default ../shared/fixtures/gmail):
 * `https://mail.google.com` is a local HTTPS server that serves each page at its `url`
 * (a fragment inside a bare page; the page's own scripts never run), and the Sheets fake
 * serves a ledger made from the pages' expectations (test/gmail/fixture-ledger.ts). The
 * extension signs in through launchWebAuthFlow on the OAuth fake and reads that ledger
 * like any sheet. Then, page by page:
 * - a conversation shows the chip for its client, which opens and closes from the keyboard;
 * - a list shows badges on exactly the rows of clients, without moving anything;
 * - a compose window's Payladder button inserts the recommended template into the body
 *   (after typing a client's address into To where the page has none), and sending it
 *   (Send twice, then Ctrl+Enter, then Gmail closing the window) appends exactly one
 *   Reminders row;
 * - the content script makes no request of its own, and its bundle stays small.
 * Every page of today's Gmail (captured from Oct 2021) runs a second time with every class
 * name rewritten (test/gmail/fixture-set.ts, `hashClassNames`). The suite itself finds
 * Gmail's elements through the adapter's anchors (extension/gmail/selectors.ts), never by
 * a class name of its own, so a renamed page tests the product, not the test.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ConsoleMessage, Locator, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../../shared/index.ts';
import type { ExtensionBrowser } from '../support/chromium.ts';
import { launchWithExtension } from '../support/chromium.ts';
import { type ClosedShadow, closedShadow } from '../support/closed-shadow.ts';
import type { GoogleFakes } from '../support/google-fake.ts';
import { startGoogleFakes } from '../support/google-fake.ts';
import type { FakeExchange } from '../support/https-server.ts';
import { buildExtension, fakeTabs } from '../extension/e2e-support.ts';
import { type FixturePlan, badgedRows, fixtureLedger } from '../gmail/fixture-ledger.ts';
import {
  CLASS_NAMES,
  type ClassNames,
  fixtureDirs,
  fixtureHtml,
  fixturesOf,
  readsWithoutClasses,
} from '../gmail/fixture-set.ts';
import {
  type Anchor,
  composeBody,
  composeDialog,
  composeDraftId,
  composeRegion,
  composeQuote,
  composeSend,
  composeSignature,
  composeSubject,
  listRow,
  recipientAnchorsByField,
  rowSender,
} from '../../extension/gmail/selectors.ts';

const SHEET = '1GmailFixturesLedgerAbCdEfGhIjKlMnOpQrStUv';
const TIME_ZONE = 'Europe/Rome';
/**
 * The content script's budget, minified: where it stands now, so it cannot grow unnoticed.
 * 47.2 KiB on 2026-11-30; 48.9 KiB on 2026-12-04 after the To-recipient check and its
 * offer to address the client, untrusted events ignored, closed shadow roots and the
 * class-free anchors (issues 16 and 18), each measured; 52.7 KiB on 2026-12-04 after the
 * client's reply in the chip (issue 11: the reply reader, the promise and payment forms and
 * their words in two languages; the date parser stays in the background); 52.97 KiB
 * (54,244 bytes, from 54,039) on 2026-12-04 after a template fits the text already in the
 * compose window (issue 12: the greeting and sign-off words and the fitting run in the
 * background, the content script only reads the window's lines and inserts; paid for by a
 * smaller body builder); then +1.5 KiB for Mark disputed in the reply panel (its form and
 * words; the note is written in the background); 54.9 KiB (56,195 bytes, from 56,115) on
 * 2026-12-05 after the overlay's speed work (issue 15, goal 5: faster badges, kept client
 * replies, the theme read after the frame; mostly paid for by anchors written as bare
 * lists); 56,278 bytes after the chip keeps the client's name beside a client's reply
 * (two CSS rules). The goal is 40 KiB; bench/gmail-overlay.ts prints the figure.
 */
const CONTENT_SCRIPT_BUDGET = 55 * 1024;

const dirs = fixtureDirs();
const fixtures = fixturesOf(dirs);
const today = todayIn(TIME_ZONE, new Date());
const world = fixtureLedger(fixtures, today);

let fakes: GoogleFakes;
let browser: ExtensionBrowser;
let extensionDir: string;
let gmail: Page;
/** The page `https://mail.google.com` serves now, and how. */
let serving: { plan: FixturePlan; classes: ClassNames } | null = null;
/** The overlays' roots are closed: reached through CDP (test/support/closed-shadow.ts). */
let shadow: ClosedShadow;
const pageRequests: Request[] = [];
const consoleLines: string[] = [];

function serveGmail({ request, res }: FakeExchange): void {
  const plan = serving?.plan;
  if (!serving || !plan || request.method !== 'GET' || request.path !== new URL(plan.expected.url).pathname) {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not a saved page');
    return;
  }
  const html = fixtureHtml(plan.fixture, serving.classes);
  const page = plan.expected.fragment
    ? `<!doctype html><html><head><meta charset="utf-8"><title>Gmail</title></head><body>${html}</body></html>`
    : html;
  // Saved pages may hold Gmail's own scripts (inbox-list-2014-A does): they must not run.
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': "script-src 'none'",
  });
  res.end(page);
}

async function send(page: Page, type: string, data: unknown): Promise<{ ok: boolean; data?: unknown }> {
  return page.evaluate(
    ([t, d]) =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<never> } } }
      ).chrome.runtime.sendMessage({ tag: 'payladder/1', type: t, data: d }),
    [type, data] as const,
  );
}

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > end) throw new Error(`not true within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The non-blank lines of a text, trimmed. */
const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

/** True when `part` appears in `all` in order (other lines may come between). */
function inOrder(all: readonly string[], part: readonly string[]): boolean {
  let at = 0;
  for (const line of all) if (at < part.length && line === part[at]) at += 1;
  return at === part.length;
}

const appends = () => fakes.sheets.requests.filter((r) => r.method === 'POST' && r.path.includes(':append'));

/**
 * The adapter's way: the first element of the first alternative of `anchor` that matches
 * anything in the page's own DOM. Playwright's CSS locators also look into open shadow
 * roots (Payladder's own buttons), which the adapter never does: the element is found in
 * the page with `querySelector` and marked for the locator.
 */
let marks = 0;
async function anchored(anchor: Anchor): Promise<Locator> {
  marks += 1;
  const mark = String(marks);
  const found = await gmail.evaluate(
    ([alternatives, value]) => {
      for (const css of alternatives) {
        const el = document.querySelector(css);
        if (el) {
          el.setAttribute('data-e2e-anchor', value);
          return true;
        }
      }
      return false;
    },
    [anchor, mark] as const,
  );
  if (!found) throw new Error(`nothing on the page matches ${anchor.join(' | ')}`);
  return gmail.locator(`[data-e2e-anchor="${mark}"]`);
}

async function open(plan: FixturePlan, classes: ClassNames): Promise<void> {
  await gmail.goto('about:blank');
  serving = { plan, classes };
  pageRequests.length = 0;
  await gmail.goto(plan.expected.url, { waitUntil: 'load' });
}

beforeAll(async () => {
  for (const dir of dirs) {
    if (dir.problem !== null) throw new Error(`Gmail fixtures (${dir.label}): ${dir.problem}`);
  }
  fakes = await startGoogleFakes({ hosts: { 'mail.google.com': serveGmail } });
  fakes.sheets.setSpreadsheet(SHEET, {
    title: 'Gmail fixtures ledger',
    locale: 'en_GB',
    timeZone: TIME_ZONE,
    tabs: fakeTabs(world.raw),
  });
  // vitest sets NODE_ENV=test, which the child build would inherit (a bigger, non-production
  // bundle): build exactly what ships.
  extensionDir = await buildExtension({ NODE_ENV: 'production' });
  browser = await launchWithExtension({ extensionDir, hostMap: fakes.hostMap() });

  // Choose the sheet and sign in from the extension's own page (those messages are refused
  // from anywhere else), as the options page does.
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  // Logging sent reminders is off until the user turns it on (issue 18 item 11).
  await send(options, 'savePreferences', { spreadsheetId: SHEET, logging: true });
  const signedIn = await send(options, 'signIn', {});
  expect(signedIn.ok, JSON.stringify(signedIn)).toBe(true);
  await until(
    async () =>
      ((await send(options, 'status', {})).data as { lastSuccessAt: number | null }).lastSuccessAt !== null,
    20_000,
  );
  await options.close();

  gmail = await browser.context.newPage();
  shadow = await closedShadow(gmail);
  gmail.on('request', (r) => pageRequests.push(r));
  gmail.on('console', (m: ConsoleMessage) => consoleLines.push(m.text()));
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await fakes?.close();
});

describe('the fixture directories', () => {
  it.each(dirs.map((d) => [d.label, d] as const))('%s holds fixtures', (_label, dir) => {
    expect(dir.problem, dir.dir).toBeNull();
    expect(dir.names.length).toBeGreaterThan(0);
  });
});

describe('the content script bundle', () => {
  it(`stays within ${CONTENT_SCRIPT_BUDGET / 1024} KiB minified and carries neither zod, Preact nor the ledger parser`, () => {
    const file = join(extensionDir, 'content-scripts/gmail.js');
    const code = readFileSync(file, 'utf8');
    expect(code).not.toMatch(/ZodError|zod/);
    expect(code).not.toMatch(/__PREACT|preact/i);
    expect(code).not.toMatch(/parseLedger|locateColumns/);
    expect(statSync(file).size).toBeLessThanOrEqual(CONTENT_SCRIPT_BUDGET);
  });
});

const runs: (readonly [string, FixturePlan, ClassNames])[] = world.plans.flatMap((p) =>
  CLASS_NAMES.filter((c) => c === 'as saved' || readsWithoutClasses(p.expected)).map(
    (classes) => [`${p.fixture.dir.label}/${p.fixture.name} (classes ${classes})`, p, classes] as const,
  ),
);

describe.each(runs)('%s', (_name, plan, classes) => {
  const client = world.clients.get(plan.clientAddress) as string;

  if (plan.expected.thread) {
    it('shows the chip for the conversation’s client, and its panel opens and closes from the keyboard', async () => {
      await open(plan, classes);
      const chip = await shadow.waitFor('payladder-chip', 'button.chip');
      const text = await chip.text();
      expect(text).toContain(client);
      expect(text).toContain('Follow-up');
      expect(text).toMatch(/€1,20\d\.00 outstanding/);
      expect(await gmail.locator('payladder-chip').count()).toBe(1);

      await chip.focus();
      await gmail.keyboard.press('Enter');
      const panel = await shadow.waitFor('payladder-chip', '[role=dialog]');
      expect(await panel.text()).toContain(`INV-`);
      await gmail.keyboard.press('Escape');
      await shadow.waitGone('payladder-chip', '[role=dialog]');
      expect(await gmail.evaluate(() => document.activeElement?.tagName)).toBe('PAYLADDER-CHIP');
    });
  }

  if (plan.expected.view === 'list') {
    it('badges exactly the rows of clients owing money, without moving anything', async () => {
      await open(plan, classes);
      const expected = badgedRows(plan, world.clients);
      expect(expected.length).toBeGreaterThan(0);
      await gmail.waitForFunction(
        (n) => document.querySelectorAll('payladder-badge').length >= n,
        expected.length,
        {
          timeout: 15_000,
        },
      );
      const seen = await gmail.evaluate(
        ([rowAlternatives, senderAlternatives]) => {
          // The adapter's anchors: the first alternative that matches anything wins.
          const firstMatch = (scope: ParentNode, alternatives: readonly string[]): Element[] => {
            for (const css of alternatives) {
              const found = Array.from(scope.querySelectorAll(css));
              if (found.length > 0) return found;
            }
            return [];
          };
          const rows = firstMatch(document, rowAlternatives).filter((r) => r.checkVisibility());
          const geometry = () =>
            rows.map((r) => {
              const box = r.getBoundingClientRect();
              const sender = firstMatch(r, senderAlternatives)[0]?.getBoundingClientRect();
              return [box.top, box.height, box.width, sender?.left ?? 0, sender?.top ?? 0]
                .map(Math.round)
                .join(',');
            });
          const badged = rows.flatMap((r, i) => (r.querySelector('payladder-badge') ? [i] : []));
          const withBadges = geometry();
          for (const host of Array.from(document.querySelectorAll('payladder-badge'))) host.remove();
          const withoutBadges = geometry();
          return { badged, same: withBadges.join('|') === withoutBadges.join('|'), count: rows.length };
        },
        [listRow, rowSender] as const,
      );
      expect(seen.count).toBe(plan.expected.rows?.length);
      expect(seen.badged).toEqual(expected);
      expect(seen.same).toBe(true);
    });
  }

  if (plan.expected.compose) {
    it('inserts the recommended template and logs exactly one Reminders row when sent', async () => {
      await open(plan, classes);
      if (plan.typeTo) {
        // In the 2020 window, To is a textarea that Gmail keeps hidden behind a "Recipients"
        // line until clicked, which the saved page cannot do: type into it as Gmail's own
        // script would leave it.
        const fields = recipientAnchorsByField.to;
        const to = await anchored([...fields.textarea, ...fields.pending]);
        await to.evaluate((el, address) => {
          (el as HTMLTextAreaElement).value = address;
          el.dispatchEvent(new Event('input', { bubbles: true }));
        }, plan.clientAddress);
        expect(await to.inputValue()).toBe(plan.clientAddress);
      }
      // Each run is a message of its own, but both runs serve the same page, and the
      // extension rightly logs one draft id once: give this run's draft an id of its own.
      const draft = await anchored(composeDraftId);
      await draft.evaluate(
        (el, id) => {
          (el as HTMLInputElement).value = id;
        },
        `#msg-a:r-e2e-${classes === 'hashed' ? 'hashed' : 'saved'}-${plan.fixture.name}`,
      );
      await (await shadow.waitFor('payladder-compose', 'button.button')).click();
      const first = await shadow
        .waitFor('payladder-compose', '[role=menuitem][data-message]', 10_000)
        .catch(async (error: unknown) => {
          const menu = await shadow.texts('payladder-compose');
          throw new Error(`no menu items; the Payladder hosts show: ${JSON.stringify(menu)}`, {
            cause: error,
          });
        });
      expect(await first.attribute('data-message')).toBe('followup');
      const editable = await anchored(composeBody);
      const typed = lines(await editable.innerText());
      const signed = await editable.evaluate(
        (body, [signature, quote]) =>
          Array.from(body.querySelectorAll(signature)).some(
            (el) => el.closest(quote) === null && (el.textContent ?? '').trim() !== '',
          ),
        [composeSignature.join(', '), composeQuote.join(', ')] as const,
      );
      const preview = lines(await (await shadow.waitFor('payladder-compose', '.preview .text')).text());
      await first.click();

      await expect.poll(async () => (await editable.textContent()) ?? '').toContain('INV-');
      // Issue 12: only added to; the message is what the menu previewed; one greeting; no
      // template sign-off under Gmail's signature.
      const written = lines(await editable.innerText());
      expect(inOrder(written, typed), 'every line typed is still there').toBe(true);
      expect(
        inOrder(
          written,
          preview.map((l) => l.replace(/^[-•]\s+/, '')),
        ),
        'the preview went in',
      ).toBe(true);
      const greetings = (all: string[]) =>
        all.filter((l) => /^(hi|hello|dear|buongiorno|gentile)\b/i.test(l));
      expect(greetings(written)).toHaveLength(Math.max(1, greetings(typed).length));
      if (signed) expect(written.filter((l) => /regards/i.test(l))).toEqual([]);
      const subject = await (await anchored(composeSubject)).inputValue();
      if (plan.expected.compose?.subject === '') expect(subject).toMatch(/INV-\d+/);
      else expect(subject).toBe(plan.expected.compose?.subject);

      const before = appends().length;
      // Send pressed twice and the shortcut once: still one message.
      const sendButton = await anchored(composeSend);
      await sendButton.click();
      await sendButton.click();
      await editable.press('Control+Enter');
      // Gmail closes the window once the message is on its way.
      await editable.evaluate(
        (body, [dialog, region]) => (body.closest(dialog) ?? body.closest(region))?.remove(),
        [composeDialog.join(', '), composeRegion.join(', ')] as const,
      );
      await expect.poll(() => appends().length, { timeout: 15_000 }).toBe(before + 1);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(appends().length).toBe(before + 1);

      const row = JSON.stringify((appends().at(-1)?.body as { values?: unknown }).values);
      expect(row).toContain(client);
      expect(row).toContain('followup');
      expect(row).toContain('gmail');
      expect(row).toContain('https://mail.google.com/mail/u/0/#');
    });
  }

  it('makes no request from the content script', async () => {
    if (serving?.plan !== plan || serving.classes !== classes) await open(plan, classes);
    await gmail.waitForTimeout(300);
    // The saved page's own markup loads images (some from other Google hosts); a script's
    // requests are fetch, XHR, beacons, sockets or event streams, and the page runs none.
    const scripted = pageRequests.filter((r) =>
      ['fetch', 'xhr', 'ping', 'websocket', 'eventsource'].includes(r.resourceType()),
    );
    expect(scripted.map((r) => `${r.resourceType()} ${r.url()}`)).toEqual([]);
    expect(
      pageRequests.filter((r) => r.resourceType() === 'document').map((r) => r.url()),
    ).not.toContainEqual(expect.stringContaining('googleapis.com'));
  });
});

describe('logs', () => {
  it('print no mail text: a missing anchor is logged as a censored skeleton only', () => {
    const ours = consoleLines.filter((line) => line.startsWith('Payladder'));
    for (const line of ours) expect(line).not.toMatch(/@|Invoice|invoice/);
  });
});
