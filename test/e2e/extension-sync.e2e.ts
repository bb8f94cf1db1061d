/**
 * The built extension in Chromium against the Google fakes (test/support/): sign-in through
 * launchWebAuthFlow on the consent fake, the options flow, exactly one Sheets request per
 * sync, the retries for 401/403/404/429/5xx/hangs with the cached figures still shown, the
 * popup's content, the badge, the Reminders log, demo mode, language, sign-out. Least
 * privilege (issue 18 item 11): read-only access at sign-in, write access asked for when
 * logging is turned on, the grant revoked at sign-out.
 *
 * The extension is the production build (`wxt build`), configured with a test OAuth client
 * id for the web flow (see test/extension/e2e-support.ts); nothing in it knows about tests.
 * The test reads the badge and storage through the DevTools protocol, not through the build.
 */
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { browser as ExtensionApi } from 'wxt/browser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SHEET, REMINDERS, demoLedger, todayIn } from '../../shared/index.ts';
import type { ExtensionBrowser } from '../support/chromium.ts';
import { launchWithExtension } from '../support/chromium.ts';
import type { GoogleFakes } from '../support/google-fake.ts';
import { startGoogleFakes } from '../support/google-fake.ts';
import { fakeFetch } from '../support/fake-fetch.ts';
import { SHEETS_READONLY_SCOPE, SHEETS_SCOPE } from '../support/sheets-fake.ts';
import { E2E_CLIENT_ID, buildExtension, fakeTabs, removeBuild } from '../extension/e2e-support.ts';

// Functions handed to `evaluate` run inside the extension, where `chrome` is its API.
declare const chrome: typeof ExtensionApi;

const SHEET = '1e2eLedgerAbCdEfGhIjKlMnOpQrStUvWxYz012345';
const TITLE = 'E2E ledger';
const today = todayIn(DEMO_SHEET.timeZone, new Date());
/** The popup's width: its screenshots and the no-clipping check are taken at it. */
const POPUP_WIDTH = 400;
const SHOTS = join(process.cwd(), 'test-results/extension');

let fakes: GoogleFakes;
let browser: ExtensionBrowser;
let extensionDir: string;
let options: Page;
let popup: Page;

const sheetReads = () => fakes.sheets.requests.filter((r) => r.method === 'GET');
const sheetWrites = () => fakes.sheets.requests.filter((r) => r.method === 'POST');
const clearLogs = () => {
  fakes.sheets.requests.length = 0;
  fakes.oauth.requests.length = 0;
};
const badge = () => browser.serviceWorker.evaluate(() => chrome.action.getBadgeText({}));
const url = (path: string) => `chrome-extension://${browser.extensionId}/${path}`;

function putSheet() {
  fakes.sheets.setSpreadsheet(SHEET, {
    title: TITLE,
    locale: 'en_GB',
    timeZone: 'Europe/Rome',
    tabs: fakeTabs(demoLedger(today)),
  });
}

async function openPage(path: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url(path));
  await page.waitForSelector('html[data-painted]');
  return page;
}

/** Reopens the popup (as a tab: same document the toolbar shows) and waits for its first paint. */
async function reopenPopup(): Promise<Page> {
  await popup?.close();
  popup = await openPage('popup.html');
  await popup.setViewportSize({ width: POPUP_WIDTH, height: 600 });
  return popup;
}

/** No element reaches past the right edge, and no text is cut inside its box. */
async function expectFitsWidth(page: Page, where: string): Promise<void> {
  const layout = await page.evaluate((width) => {
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}.${el.className as string} "${(el.textContent ?? '').slice(0, 40)}"`;
    const all = [...document.querySelectorAll('body *')];
    return {
      scrollWidth: document.documentElement.scrollWidth,
      overflowing: all.filter((el) => el.getBoundingClientRect().right > width + 0.5).map(describe),
      // Text wider than its own box (cut, or spilling out) on anything but the scrolling frame.
      clipped: all
        // (A field scrolls its own value: a long URL in it is not cut.)
        .filter((el) => el instanceof HTMLElement && !el.matches('main, input, select, textarea'))
        .filter((el) => el.scrollWidth > el.clientWidth + 1)
        .filter((el) => getComputedStyle(el).display !== 'inline')
        .map(describe),
    };
  }, POPUP_WIDTH);
  expect(layout.overflowing, where).toEqual([]);
  expect(layout.clipped, where).toEqual([]);
  expect(layout.scrollWidth, where).toBeLessThanOrEqual(POPUP_WIDTH);
}

/**
 * Screenshots to look at, in test-results/extension/: the page as it opens and, for the
 * popup, all of it (the toolbar shows it 600 px high, scrolling the rest).
 */
async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  const file = join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  expect(statSync(file).size).toBeGreaterThan(5_000);
  if (!name.startsWith('popup')) return;
  await page.addStyleTag({ content: '.popup { max-height: none !important; }' });
  await page.screenshot({ path: join(SHOTS, `${name}-all.png`), fullPage: true });
}

/** Presses Refresh and waits until the sync is over. */
async function refresh(page: Page, timeout = 15_000): Promise<void> {
  await page.getByRole('button', { name: /^(Refresh|Aggiorna)$/ }).click();
  await page.waitForFunction(
    () => {
      const button = [...document.querySelectorAll('button.refresh')][0] as HTMLButtonElement | undefined;
      return button !== undefined && !button.disabled;
    },
    undefined,
    { timeout },
  );
}

async function send(
  page: Page,
  type: string,
  data: unknown,
): Promise<{ ok: boolean; data?: unknown; error?: unknown }> {
  return page.evaluate(([t, d]) => chrome.runtime.sendMessage({ tag: 'payladder/1', type: t, data: d }), [
    type,
    data,
  ] as const);
}

beforeAll(async () => {
  fakes = await startGoogleFakes();
  putSheet();
  extensionDir = await buildExtension();
  browser = await launchWithExtension({ extensionDir, hostMap: fakes.hostMap() });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await fakes?.close();
  if (extensionDir) removeBuild(extensionDir);
});

describe('the shipped build', () => {
  it('asks for identity, storage and alarms, reaches Gmail and the Sheets API only, and loads no remote code', () => {
    const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(manifest['manifest_version']).toBe(3);
    expect(manifest['permissions']).toEqual(['identity', 'storage', 'alarms']);
    expect(manifest['host_permissions']).toEqual([
      'https://mail.google.com/*',
      'https://sheets.googleapis.com/*',
    ]);
    expect(manifest['content_security_policy']).toBeUndefined();
    expect(manifest['oauth2']).toBeUndefined();
    for (const page of ['popup.html', 'options.html']) {
      expect(readFileSync(join(extensionDir, page), 'utf8')).not.toMatch(/src="https?:/);
    }
  });

  it("keeps the schema library out of the popup's first paint (it loads right after)", () => {
    const html = readFileSync(join(extensionDir, 'popup.html'), 'utf8');
    const scripts = [...html.matchAll(/(?:src|href)="\/?(chunks\/[^"]+\.js)"/g)].map((m) => m[1] as string);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      expect(readFileSync(join(extensionDir, script), 'utf8')).not.toContain('ZodError');
    }
  });

  it('opens the options page on install; the popup asks for a ledger; the badge is empty', async () => {
    // The install opens it; on a loaded machine that can come late, and a page opened here
    // meanwhile has its navigation interrupted by the extension's own. Wait for that one.
    let installed: Page | undefined;
    for (let i = 0; i < 150 && !installed; i++) {
      installed = browser.context.pages().find((p) => p.url() === url('options.html'));
      if (!installed) await new Promise((r) => setTimeout(r, 200));
    }
    options = installed ?? (await openPage('options.html'));
    await options.waitForSelector('html[data-painted]');
    await options.getByText('Not signed in.').waitFor();
    await reopenPopup();
    await popup.getByTestId('onboarding').waitFor();
    expect(await badge()).toBe('');
  });
});

describe('sign-in and the options flow', () => {
  it('signs in with launchWebAuthFlow against the consent page on accounts.google.com, read-only', async () => {
    clearLogs();
    await options.getByRole('button', { name: 'Sign in with Google' }).click();
    await options.getByText('Signed in to Google').waitFor();
    const consent = fakes.oauth.requests.filter((r) => r.path === '/o/oauth2/v2/auth');
    expect(consent).toHaveLength(1);
    expect(consent[0]?.host).toBe('accounts.google.com');
    expect(consent[0]?.query).toMatchObject({
      client_id: [E2E_CLIENT_ID],
      response_type: ['token'],
      redirect_uri: [`https://${browser.extensionId}.chromiumapp.org/`],
      scope: [SHEETS_READONLY_SCOPE],
      include_granted_scopes: ['true'],
    });
    expect(consent[0]?.query['prompt']).toBeUndefined();
    expect(fakes.oauth.issued).toHaveLength(1);
    expect(fakes.oauth.issued[0]?.scope).toBe(SHEETS_READONLY_SCOPE);
    expect(await options.getByTestId('access').textContent()).toContain('read only');
    await expect(options.getByLabel('Log sent reminders in the Reminders tab').isChecked()).resolves.toBe(
      false,
    );
  });

  it('parses the ID out of a pasted URL and tests the connection with one metadata request', async () => {
    clearLogs();
    await options.getByLabel('Google Sheet URL').fill('https://example.com/not-a-sheet');
    await options.getByLabel('Google Sheet URL').blur();
    await options.getByText(/This is not a Google Sheets URL/).waitFor();
    await options
      .getByLabel('Google Sheet URL')
      .fill(`https://docs.google.com/spreadsheets/d/${SHEET}/edit#gid=0`);
    await options.getByRole('button', { name: 'Test the connection' }).click();
    await options.getByText(`Connected to “${TITLE}”.`).waitFor();
    expect(await options.getByTestId('connection-test').textContent()).toContain(
      'Tabs found: Clients, Milestones',
    );
    expect(sheetReads().map((r) => r.path)).toEqual([`/v4/spreadsheets/${SHEET}`]);
    expect(sheetReads()[0]?.headers.authorization).toBe(`Bearer ${fakes.oauth.issued[0]?.accessToken}`);
  });

  it('saves the sheet and syncs it in exactly one request', async () => {
    clearLogs();
    await options.getByRole('button', { name: 'Save' }).click();
    await options.getByTestId('notice').getByText('Saved.').waitFor();
    await expect.poll(badge, { timeout: 10_000 }).toMatch(/^\d+$/);
    expect(sheetReads()).toHaveLength(1);
    const [read] = sheetReads();
    expect(read?.path).toBe(`/v4/spreadsheets/${SHEET}/values:batchGet`);
    expect(read?.query['ranges']).toEqual([
      "'Clients'",
      "'Milestones'",
      "'Payments'",
      "'Reminders'",
      "'Change orders'",
      "'Promises'",
      "'Templates'",
      "'Rates'",
      "'Settings'",
    ]);
    expect(read?.query).toMatchObject({
      valueRenderOption: ['UNFORMATTED_VALUE'],
      dateTimeRenderOption: ['SERIAL_NUMBER'],
    });
    expect(read?.headers.authorization).toBe(`Bearer ${fakes.oauth.issued[0]?.accessToken}`);
  });
});

describe('the popup', () => {
  it('paints from the cache: today’s work, totals and aging, clients by stage, last sync', async () => {
    clearLogs();
    await reopenPopup();
    const painted = await popup.evaluate(
      () => performance.getEntriesByName('payladder:popup-painted')[0]?.startTime ?? -1,
    );
    expect(painted).toBeGreaterThan(0);
    expect(await popup.getByRole('heading', { level: 1 }).textContent()).toBe(`Payladder · ${TITLE}`);
    expect(await popup.getByTestId('sync-line').textContent()).toMatch(
      /^Synced (now|\d+ seconds? ago|1 minute ago)/,
    );
    for (const currency of ['EUR', 'GBP', 'USD']) {
      expect(await popup.getByTestId(`outstanding-${currency}`).textContent()).toMatch(/\d/);
    }
    expect(await popup.locator('svg.aging[role="img"]').count()).toBe(3);
    expect(await popup.locator('svg.aging > title').first().textContent()).toBe(
      'Outstanding EUR by days overdue',
    );
    // The badge counts what the popup lists first: messages, drafts and promises of today.
    const count = Number(await badge());
    const headline = (await popup.getByTestId('today').locator('h2').textContent()) ?? '';
    expect(headline).toMatch(/^\d+ messages? to send/);
    expect([...headline.matchAll(/\d+/g)].reduce((n, m) => n + Number(m[0]), 0)).toBe(count);
    expect(await browser.serviceWorker.evaluate(() => chrome.action.getTitle({}))).toBe(
      `Payladder: ${headline}`,
    );
    expect(await popup.getByTestId('clients-by-stage').locator('.stage-group').count()).toBeGreaterThan(3);
    expect(await popup.getByTestId('problems').textContent()).toMatch(/problems? in the ledger/);
    // Fresh figures: opening the popup sends nothing to Google.
    expect(sheetReads()).toHaveLength(0);
  });

  it('fits 400 px with nothing clipped, today’s work first (screenshot)', async () => {
    await expectFitsWidth(popup, 'the popup');
    const first = await popup.evaluate(() =>
      document.querySelector('main > section')?.getAttribute('data-testid'),
    );
    expect(first).toBe('today');
    await shot(popup, 'popup-en');
    await options.setViewportSize({ width: POPUP_WIDTH, height: 900 });
    await expectFitsWidth(options, 'the options page');
    await shot(options, 'options-en');
    await options.setViewportSize({ width: 1000, height: 900 });
  });

  it('Refresh is exactly one request', async () => {
    clearLogs();
    await refresh(popup);
    expect(sheetReads()).toHaveLength(1);
    expect(fakes.oauth.requests).toHaveLength(0);
  });
});

describe('when Google fails', () => {
  it('401: drops the token, gets a fresh one silently, retries once', async () => {
    clearLogs();
    const old = fakes.oauth.issued.at(-1)?.accessToken ?? '';
    fakes.sheets.revokeToken(old);
    await refresh(popup);
    expect(sheetReads().map((r) => r.headers.authorization)).toEqual([
      `Bearer ${old}`,
      `Bearer ${fakes.oauth.issued.at(-1)?.accessToken}`,
    ]);
    const consent = fakes.oauth.requests.filter((r) => r.path === '/o/oauth2/v2/auth');
    expect(consent).toHaveLength(1);
    expect(consent[0]?.query['prompt']).toEqual(['none']);
    expect(await popup.locator('[data-testid="error"]').count()).toBe(0);
  });

  it.each([
    [403, `This Google account has no access to “${TITLE}”.`],
    [404, `Google Sheets has no spreadsheet “${TITLE}”.`],
  ] as const)(
    '%i: says so, naming the sheet, once, keeping the cached figures, badge !',
    async (status, message) => {
      clearLogs();
      fakes.sheets.failNext(1, status);
      await refresh(popup);
      await popup.getByRole('alert').getByText(message).waitFor();
      expect(await popup.getByTestId('outstanding-EUR').textContent()).toMatch(/\d/);
      expect(sheetReads()).toHaveLength(1);
      expect(await badge()).toBe('!');
    },
  );

  it('429 then 500: retried in the same sync with backoff, then the figures are fresh again', async () => {
    clearLogs();
    fakes.sheets.failNext(1, 429);
    fakes.sheets.failNext(1, 500);
    await refresh(popup);
    expect(sheetReads()).toHaveLength(3);
    expect(await popup.locator('[data-testid="error"]').count()).toBe(0);
    expect(await badge()).toMatch(/^\d+$/);
  });

  it('5xx that persists: three tries, then the cached figures with their age and when it tries again', async () => {
    clearLogs();
    fakes.sheets.failNext(3, 503);
    await refresh(popup);
    expect(sheetReads()).toHaveLength(3);
    const alert = popup.getByRole('alert');
    await alert.getByText('Google Sheets is having trouble (error 503).').waitFor();
    expect(await alert.textContent()).toMatch(/Payladder tries again in \d+ seconds?|in 1 minute/);
    expect(await popup.getByTestId('sync-line').textContent()).toMatch(/^Synced/);
    expect(await popup.getByTestId('outstanding-GBP').textContent()).toMatch(/£/);
  });

  it('a request that hangs times out; one request, cached figures kept', async () => {
    clearLogs();
    fakes.sheets.hangNext(1);
    await refresh(popup, 40_000);
    // The request times out after 20 s; on a loaded 2-core machine the alert can take longer.
    await popup
      .getByRole('alert')
      .getByText('Google Sheets did not answer in time.')
      .waitFor({ timeout: 60_000 });
    expect(sheetReads()).toHaveLength(1);
    expect(await popup.getByTestId('outstanding-EUR').textContent()).toMatch(/\d/);
    clearLogs();
    await refresh(popup);
    expect(sheetReads()).toHaveLength(1);
    expect(await popup.locator('[data-testid="error"]').count()).toBe(0);
  }, 90_000);
});

describe('the Reminders log', () => {
  const reminder = {
    client: 'Glenmore Distillery',
    milestones: ['GD-1'],
    stage: 'final',
    template: 'final',
    to: 'finance@glenmore.example.com',
    subject: 'Final notice: GD-0007',
    link: 'https://mail.google.com/mail/u/0/#sent/e2e',
    sentAt: new Date().toISOString(),
  };

  it('logs nothing until logging is turned on, which asks Google for write access then', async () => {
    clearLogs();
    expect(await send(popup, 'logReminder', reminder)).toMatchObject({
      ok: true,
      data: { status: 'disabled' },
    });
    expect(sheetWrites()).toHaveLength(0);
    expect(fakes.oauth.requests).toHaveLength(0);

    await options.getByLabel('Log sent reminders in the Reminders tab').check();
    await options
      .getByTestId('access')
      .getByText(/read and edit/)
      .waitFor({ timeout: 30_000 });
    const consent = fakes.oauth.requests.filter((r) => r.path === '/o/oauth2/v2/auth');
    expect(consent).toHaveLength(1);
    expect(consent[0]?.query).toMatchObject({ scope: [SHEETS_SCOPE], include_granted_scopes: ['true'] });
    expect(consent[0]?.query['prompt']).toBeUndefined();
    expect(fakes.oauth.issued.at(-1)?.scope).toBe(`${SHEETS_READONLY_SCOPE} ${SHEETS_SCOPE}`);
  });

  it('appends one row for a sent reminder, however often it is reported', async () => {
    clearLogs();
    const before = fakes.sheets.tab(SHEET, REMINDERS.name).length;
    const first = await send(popup, 'logReminder', reminder);
    expect(first).toMatchObject({ ok: true, data: { status: 'logged', pending: 0 } });
    const again = await send(popup, 'logReminder', reminder);
    expect(again).toMatchObject({ ok: true, data: { status: 'duplicate' } });
    expect(sheetWrites()).toHaveLength(1);
    const rows = fakes.sheets.tab(SHEET, REMINDERS.name);
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toEqual([
      { date: today },
      'GD-1',
      'Glenmore Distillery',
      'final',
      'final',
      'finance@glenmore.example.com',
      'Final notice: GD-0007',
      'gmail',
      'https://mail.google.com/mail/u/0/#sent/e2e',
    ]);
  });

  it('queues a reminder Google did not take, shows it in the popup, and logs it once after the next sync', async () => {
    clearLogs();
    fakes.sheets.failNext(1, 503);
    const queued = await send(popup, 'logReminder', {
      ...reminder,
      milestones: ['GD-3'],
      subject: 'Reminder GD-0004',
    });
    expect(queued).toMatchObject({ ok: true, data: { status: 'queued', pending: 1 } });
    await popup
      .getByTestId('queue')
      .getByText(/1 reminder waiting to be logged in the sheet/)
      .waitFor();
    await refresh(popup);
    await popup.getByTestId('queue').waitFor({ state: 'detached' });
    expect(fakes.sheets.tab(SHEET, REMINDERS.name).filter((r) => r[6] === 'Reminder GD-0004')).toHaveLength(
      1,
    );
  });
});

describe('preferences', () => {
  it('speaks Italian when asked', async () => {
    await options.getByLabel('Language').selectOption('it');
    await options.getByRole('heading', { name: 'Impostazioni di Payladder' }).waitFor();
    await reopenPopup();
    await popup.getByRole('button', { name: 'Apri il registro' }).waitFor();
    expect(await popup.getByTestId('today').locator('h2').textContent()).toMatch(/^\d+ messaggi? da inviare/);
    await expectFitsWidth(popup, 'the popup in Italian');
    await shot(popup, 'popup-it');
    await options.setViewportSize({ width: POPUP_WIDTH, height: 900 });
    await expectFitsWidth(options, 'the options page in Italian');
    await shot(options, 'options-it');
    await options.setViewportSize({ width: 1000, height: 900 });
    await options.getByLabel('Lingua').selectOption('en');
    await options.getByRole('heading', { name: 'Payladder settings' }).waitFor();
  });

  it('demo mode serves the bundled demo ledger with no request to Google', async () => {
    clearLogs();
    await options.getByLabel('Demo mode').check();
    await reopenPopup();
    await popup.getByText('Demo ledger: made-up clients, no Google account needed.').waitFor();
    expect(await popup.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Payladder · Payladder demo ledger',
    );
    expect(await badge()).toMatch(/^\d+$/);
    await refresh(popup);
    expect(fakes.sheets.requests).toHaveLength(0);
    await options.getByLabel('Demo mode').uncheck();
    await expect.poll(() => sheetReads().length, { timeout: 10_000 }).toBe(1);
  });

  it('signs out: the grant is revoked at Google, the token forgotten, nothing of it in storage, the popup offers to sign in', async () => {
    clearLogs();
    const last = fakes.oauth.issued.at(-1)?.accessToken ?? '';
    await options.getByRole('button', { name: 'Sign out' }).click();
    await options.getByText('Not signed in.').waitFor();
    const revoke = fakes.oauth.requests.filter((r) => r.path === '/revoke');
    expect(revoke.map((r) => r.host)).toEqual(['oauth2.googleapis.com']);
    expect(fakes.oauth.revoked).toEqual([last]);
    expect(fakes.oauth.grants.has(E2E_CLIENT_ID)).toBe(false);
    // Every token of the grant is dead at Google, not only forgotten in the browser.
    for (const issued of fakes.oauth.issued) {
      const answer = await fakeFetch(fakes.port, {
        path: `/v4/spreadsheets/${SHEET}`,
        headers: { authorization: `Bearer ${issued.accessToken}` },
      });
      expect(answer.status).toBe(401);
    }
    const stored = await browser.serviceWorker.evaluate(async () =>
      JSON.stringify([
        await chrome.storage.local.get(null),
        await chrome.storage.session.get(null),
        await chrome.storage.sync.get(null),
      ]),
    );
    for (const issued of fakes.oauth.issued) expect(stored).not.toContain(issued.accessToken);
    expect(stored).not.toContain('ya29.');
    await reopenPopup();
    await popup.getByRole('alert').getByText('You are signed out of Google.').waitFor();
    clearLogs();
    await refresh(popup);
    expect(fakes.sheets.requests).toHaveLength(0);
  });
});
