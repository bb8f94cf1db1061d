/**
 * Issue 18 in real Chromium, on the saved 2020 compose window (compose-new-2020-A):
 * - item 8: a window To a stranger with the client only in Cc gets none of the client's
 *   figures; the menu says why and offers to address the client; once To holds the client,
 *   the reminder goes in and Send logs exactly one row with the window's actual To;
 * - item 10: the overlay's shadow root is closed to the page (`host.shadowRoot` is null),
 *   a script-made `click()` on its buttons does nothing, and the user's real click works.
 * The overlay is reached through CDP (test/support/closed-shadow.ts), never through a hook
 * in the build: this is the production build.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../../shared/index.ts';
import type { ExtensionBrowser } from '../support/chromium.ts';
import { launchWithExtension } from '../support/chromium.ts';
import { type ClosedShadow, closedShadow } from '../support/closed-shadow.ts';
import type { GoogleFakes } from '../support/google-fake.ts';
import { startGoogleFakes } from '../support/google-fake.ts';
import type { FakeExchange } from '../support/https-server.ts';
import { buildExtension, fakeTabs, removeBuild } from '../extension/e2e-support.ts';
import { type FixturePlan, fixtureLedger } from '../gmail/fixture-ledger.ts';
import { DEFAULT_SHARED_FIXTURES, fixturesOf } from '../gmail/fixture-set.ts';

const SHEET = '1GmailTrustLedgerAbCdEfGhIjKlMnOpQrStUvWxY';
const TIME_ZONE = 'Europe/Rome';
const PAGE = 'compose-new-2020-A';
const STRANGER = 'fraud@attacker.example';

const fixture = fixturesOf([{ label: 'shared', dir: DEFAULT_SHARED_FIXTURES, names: [PAGE], problem: null }]);
const world = fixtureLedger(fixture, todayIn(TIME_ZONE, new Date()));
const plan = world.plans[0] as FixturePlan;
const client = world.clients.get(plan.clientAddress) as string;

let fakes: GoogleFakes;
let browser: ExtensionBrowser;
let extensionDir: string;
let gmail: Page;
let shadow: ClosedShadow;

function serveGmail({ request, res }: FakeExchange): void {
  if (request.method !== 'GET' || request.path !== new URL(plan.expected.url).pathname) {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not a saved page');
    return;
  }
  const html = readFileSync(plan.fixture.htmlPath, 'utf8');
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': "script-src 'none'",
  });
  res.end(
    `<!doctype html><html><head><meta charset="utf-8"><title>Gmail</title></head><body>${html}</body></html>`,
  );
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

const appends = () => fakes.sheets.requests.filter((r) => r.method === 'POST' && r.path.includes(':append'));
const body = () => gmail.locator('[g_editable=true][role=textbox]').first();
const toField = () => gmail.locator('textarea[name=to]').first();

/** Types into one of the 2020 window's recipient textareas as Gmail's own script leaves it. */
async function typeInto(field: 'to' | 'cc', address: string): Promise<void> {
  await gmail
    .locator(`textarea[name=${field}]`)
    .first()
    .evaluate((el, value) => {
      (el as HTMLTextAreaElement).value = value;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, address);
}

async function open(): Promise<void> {
  await gmail.goto('about:blank');
  await gmail.goto(plan.expected.url, { waitUntil: 'load' });
}

/** The Payladder button, opened with a real click; resolves to the menu's first message. */
async function openMenu() {
  await (await shadow.waitFor('payladder-compose', 'button.button')).click();
  return shadow.waitFor('payladder-compose', '[role=menuitem][data-message]');
}

beforeAll(async () => {
  fakes = await startGoogleFakes({ hosts: { 'mail.google.com': serveGmail } });
  fakes.sheets.setSpreadsheet(SHEET, {
    title: 'Gmail trust ledger',
    locale: 'en_GB',
    timeZone: TIME_ZONE,
    tabs: fakeTabs(world.raw),
  });
  extensionDir = await buildExtension({ NODE_ENV: 'production' });
  browser = await launchWithExtension({ extensionDir, hostMap: fakes.hostMap() });
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  // Logging is off until the user turns it on; on before sign-in, sign-in asks for write access.
  await send(options, 'savePreferences', { spreadsheetId: SHEET, logging: true });
  const signedIn = await send(options, 'signIn', {});
  expect(signedIn.ok, JSON.stringify(signedIn)).toBe(true);
  // expect.poll is for tests only: wait for the first sync by hand.
  const end = performance.now() + 20_000;
  while (
    ((await send(options, 'status', {})).data as { lastSuccessAt: number | null }).lastSuccessAt === null
  ) {
    if (performance.now() > end) throw new Error('the first sync did not finish within 20 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await options.close();
  gmail = await browser.context.newPage();
  shadow = await closedShadow(gmail);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await fakes?.close();
  if (extensionDir) removeBuild(extensionDir);
});

describe('the overlay is closed to page scripts (item 10)', () => {
  it('shows the page no shadow root', async () => {
    await open();
    await shadow.waitFor('payladder-compose', 'button.button');
    expect(
      await gmail.evaluate(() =>
        Array.from(document.querySelectorAll('payladder-compose')).map((h) => h.shadowRoot),
      ),
    ).toEqual([null]);
  });

  it('ignores a script-made click() on its buttons, and takes the user’s real click', async () => {
    await open();
    await typeInto('to', plan.clientAddress);
    const button = await shadow.waitFor('payladder-compose', 'button.button');
    // Had the script's click counted, the menu would be open and the real click would close it.
    await button.scriptClick();
    expect(await button.attribute('aria-expanded')).toBe('false');
    await button.click();
    const first = await shadow.waitFor('payladder-compose', '[role=menuitem][data-message]');
    expect(await button.attribute('aria-expanded')).toBe('true');

    // The insertion runs inside the click handler: had it counted, the body would hold it now.
    await first.scriptClick();
    expect((await body().textContent()) ?? '').not.toContain('INV-');
    await first.click();
    await expect.poll(async () => (await body().textContent()) ?? '').toContain('INV-');
  });
});

describe('a window To a stranger, the client only in Cc (item 8)', () => {
  it('inserts nothing and offers to address the client; then logs at Send with the actual To', async () => {
    await open();
    await typeInto('to', STRANGER);
    await typeInto('cc', plan.clientAddress);
    const first = await openMenu();
    await first.click();
    const offer = await shadow.waitFor('payladder-compose', '[data-action=address-to-client]');
    const notice = await shadow.waitFor('payladder-compose', '[role=status]');
    expect(await notice.text()).toContain(`No To recipient is ${client}'s`);
    expect((await body().textContent()) ?? '').not.toContain('INV-');
    expect(await gmail.locator('input[name=subjectbox]').first().inputValue()).toBe('');
    expect(await offer.text()).toBe(`Address it to ${plan.clientAddress} and insert`);

    await offer.click();
    await expect.poll(async () => (await body().textContent()) ?? '').toContain('INV-');
    expect(await toField().inputValue()).toBe(`${STRANGER}, ${plan.clientAddress}`);

    const before = appends().length;
    await gmail.locator('.aoO[role=button], [role=group] [role=button]').first().click();
    // Gmail closes the window once the message is on its way.
    await gmail.evaluate(() => {
      const editable = document.querySelector('[g_editable=true][role=textbox]');
      (editable?.closest('[role=dialog]') ?? editable?.closest('[role=region]'))?.remove();
    });
    await expect.poll(() => appends().length, { timeout: 15_000 }).toBe(before + 1);
    const row = (appends().at(-1)?.body as { values: unknown[][] }).values[0] ?? [];
    // Text cells go formula-safe (a leading ' where a cell could be read as a formula or number).
    const cells = row.map((c) => String(c).replace(/^'/, ''));
    expect(cells, JSON.stringify(row)).toContain(client);
    expect(cells, JSON.stringify(row)).toContain(`${STRANGER}, ${plan.clientAddress}`);
    expect(cells, JSON.stringify(row)).toContain('gmail');
  });
});
