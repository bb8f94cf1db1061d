/**
 * Issue 11 in real Chromium, on the saved conversation where the client answers a reminder
 * with "I'll pay by Friday" (thread-client-reply-en-2026-B): the chip says the client
 * replied after the reminder; "Log a promise" shows the Friday their words name (read in
 * the background); Save, clicked twice, appends ONE Promises row with that date and the
 * conversation's link; the chip turns to `promised` at once, without another sync. "Mark
 * disputed", confirmed twice, sets exactly the Status and Status note cells of the
 * milestone's row, once, in English and (on the Italian page, Gmail in Italian) in Italian.
 * The overlay is reached through CDP (test/support/closed-shadow.ts): its shadow roots are
 * closed. Screenshots of the open form go to test-results/gmail-replies/.
 */
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
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
import { PROJECT_FIXTURES, fixturesOf } from '../gmail/fixture-set.ts';

const SHEET = '1GmailRepliesLedgerAbCdEfGhIjKlMnOpQrStUvWx';
const TIME_ZONE = 'Europe/Rome';
const PAGE = 'thread-client-reply-en-2026-B';
/** The same conversation in Gmail's Italian UI (dates "mer 2 dic 2026"). */
const PAGE_IT = 'thread-client-reply-it-2026-B';
const SHOTS = resolve(import.meta.dirname, '../../test-results/gmail-replies');
/** The reminder logged before the client's reply of 2 Dec 2026 (the page's own dates). */
const REMINDER_SENT = '2026-11-24';

const fixture = fixturesOf([{ label: 'project', dir: PROJECT_FIXTURES, names: [PAGE], problem: null }]);
const italian = fixturesOf([{ label: 'project', dir: PROJECT_FIXTURES, names: [PAGE_IT], problem: null }])[0];
const TODAY = todayIn(TIME_ZONE, new Date());
const world = fixtureLedger(fixture, TODAY);
/** The day the client's "by Friday" names: their reply is dated 2 Dec 2026 (the fixture). */
const PROMISED_BY = '2026-12-04';
const plan = world.plans[0] as FixturePlan;
const client = world.clients.get(plan.clientAddress) as string;
world.raw['Reminders']?.push([
  REMINDER_SENT,
  'FX-1',
  client,
  'reminder',
  'reminder',
  plan.clientAddress,
  'Invoice 2026-014',
  'gmail',
  '',
]);
world.raw['Promises'] = [['Date', 'Milestone', 'Client', 'Amount', 'Promised by', 'Source', 'Note']];

let fakes: GoogleFakes;
let browser: ExtensionBrowser;
let extensionDir: string;
let gmail: Page;
let shadow: ClosedShadow;

/** The page served at the conversation's URL: the English one, or the Italian one in Gmail's Italian UI. */
let served: 'en' | 'it' = 'en';

function serveGmail({ request, res }: FakeExchange): void {
  if (request.method !== 'GET' || request.path !== new URL(plan.expected.url).pathname) {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not a saved page');
    return;
  }
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': "script-src 'none'",
  });
  if (served === 'en' || !italian) res.end(readFileSync(plan.fixture.htmlPath, 'utf8'));
  // The saved page is Gmail's English UI around Italian mail; Gmail's UI language is <html lang>.
  else res.end(readFileSync(italian.htmlPath, 'utf8').replace('<html lang="en">', '<html lang="it">'));
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

const promiseAppends = () =>
  fakes.sheets.requests.filter(
    (r) =>
      r.method === 'POST' && r.path.includes(':append') && decodeURIComponent(r.path).includes('Promises'),
  );

const batchUpdates = () =>
  fakes.sheets.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/values:batchUpdate'));

/** Opens the chip's panel, then its "Mark disputed" form, types the reason: the form as the user sees it. */
async function openDisputeForm(mark: string, reason: string): Promise<void> {
  await (await shadow.waitFor('payladder-chip', 'button.chip')).click();
  await shadow.waitFor('payladder-chip', 'button.link');
  const links = await shadow.query('payladder-chip', 'button.link');
  const texts = await Promise.all(links.map((l) => l.text()));
  const link = links[texts.indexOf(mark)];
  if (!link) throw new Error(`no "${mark}" among ${JSON.stringify(texts)}`);
  await link.click();
  const input = await shadow.waitFor('payladder-chip', 'input.reason');
  await input.click();
  await gmail.keyboard.type(reason);
}

/** The page, or with `around` the chip and room below it for its panel (the README's picture). */
async function shot(name: string, around = false): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  const file = join(SHOTS, `${name}.png`);
  const box = around ? await gmail.locator('payladder-chip').first().boundingBox() : null;
  const clip = box
    ? {
        x: Math.max(0, box.x - 8),
        y: Math.max(0, box.y - 8),
        width: 680,
        height: around ? 400 : box.height + 16,
      }
    : undefined;
  await gmail.screenshot({ path: file, ...(clip ? { clip } : {}) });
  expect(statSync(file).size).toBeGreaterThan(2_000);
}

beforeAll(async () => {
  fakes = await startGoogleFakes({ hosts: { 'mail.google.com': serveGmail } });
  fakes.sheets.setSpreadsheet(SHEET, {
    title: 'Gmail replies ledger',
    locale: 'en_GB',
    timeZone: TIME_ZONE,
    tabs: fakeTabs(world.raw),
  });
  extensionDir = await buildExtension({ NODE_ENV: 'production' });
  browser = await launchWithExtension({ extensionDir, hostMap: fakes.hostMap() });
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  // Writing to the ledger needs the write grant: logging on before sign-in asks for it.
  await send(options, 'savePreferences', { spreadsheetId: SHEET, logging: true });
  const signedIn = await send(options, 'signIn', {});
  expect(signedIn.ok, JSON.stringify(signedIn)).toBe(true);
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

describe('the client replied after a reminder', () => {
  it('logs the promise their words name in two clicks, as one Promises row with the link, once', async () => {
    await gmail.goto(plan.expected.url, { waitUntil: 'load' });
    // The chip is drawn, then drawn again once the background has read the reply: ask anew
    // each time (a kept handle would be the first, detached, button).
    const chip = () => shadow.waitFor('payladder-chip', 'button.chip');
    await expect
      .poll(async () => (await chip()).text(), { timeout: 15_000 })
      .toContain('Replied 2 Dec, after your reminder of 24 Nov');
    // The client's name stays readable beside the longer line (it was squeezed to nothing).
    const name = await shadow.waitFor('payladder-chip', 'button.chip .client');
    expect(await name.text()).toBe(client);
    expect(await name.width()).toBeGreaterThan(40);
    await shot('chip-replied');

    await (await chip()).click();
    const log = await shadow.waitFor('payladder-chip', 'button.link');
    expect(await log.text()).toBe('Log a promise');
    await shot('chip-panel', true);
    await log.click();
    const date = await shadow.waitFor('payladder-chip', 'input[type=date]');
    expect(await date.attribute('value')).toBe(PROMISED_BY);

    const save = await shadow.waitFor('payladder-chip', 'form button.action');
    await save.click();
    await save.click().catch(() => undefined); // the chip may already be redrawn
    await expect.poll(() => promiseAppends().length, { timeout: 15_000 }).toBe(1);
    const row = (promiseAppends()[0]?.body as { values: unknown[][] }).values[0] ?? [];
    expect(row, JSON.stringify(row)).toEqual([
      '2026-12-02',
      "'FX-1",
      `'${client}`,
      1201,
      PROMISED_BY,
      `'${plan.expected.url}`,
      null,
    ]);

    // The chip redraws from the ledger as it now stands: the ladder pauses until the promised
    // day; from the day after (this suite runs on the real date), the promise is broken and
    // its own message is next.
    await expect
      .poll(async () => (await chip()).text(), { timeout: 15_000 })
      .toMatch(TODAY <= PROMISED_BY ? /^Promised/ : /^Broken promise.*next: Broken promise/);
    // Saved once more from the redrawn chip: the ledger already holds it, nothing is appended.
    await (await chip()).click();
    await (await shadow.waitFor('payladder-chip', 'button.link')).click();
    await (await shadow.waitFor('payladder-chip', 'form button.action')).click();
    await expect
      .poll(async () => (await shadow.texts('payladder-toast')).join(' '), { timeout: 15_000 })
      .toContain('Already in your ledger.');
    expect(promiseAppends()).toHaveLength(1);
  });

  it.each([
    {
      lang: 'en',
      mark: 'Mark disputed',
      confirm: 'Confirm',
      // Formula-like on purpose: written RAW, it stays the text typed.
      reason: '+40 hours over the estimate',
      said: "client's reply of 2 Dec 2026",
      stage: /^Disputed/,
      done: 'Marked disputed in your ledger.',
    },
    {
      lang: 'it',
      mark: 'Segna come contestata',
      confirm: 'Conferma',
      reason: 'Le ore superano la stima',
      said: 'risposta del cliente del 2 dic 2026',
      stage: /^Contestato/,
      done: 'Segnata come contestata nel registro.',
    },
  ])(
    'marks the milestone disputed with the reason ($lang): the Status and Status note cells of its row, once when confirmed twice',
    async ({ lang, mark, confirm, reason, said, stage, done }) => {
      if (lang === 'it') {
        // A fresh ledger (the English case disputed FX-1), read now, and Gmail in Italian.
        fakes.sheets.setSpreadsheet(SHEET, {
          title: 'Gmail replies ledger',
          locale: 'en_GB',
          timeZone: TIME_ZONE,
          tabs: fakeTabs(world.raw),
        });
        const options = await browser.context.newPage();
        await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
        expect((await send(options, 'sync', {})).ok).toBe(true);
        await options.close();
        served = 'it';
      }
      // A new document each time (the same URL again would only move to its fragment).
      await gmail.goto('about:blank');
      await gmail.goto(plan.expected.url, { waitUntil: 'load' });
      const chip = () => shadow.waitFor('payladder-chip', 'button.chip');
      await expect
        .poll(async () => (await chip()).text(), { timeout: 15_000 })
        .toMatch(lang === 'it' ? /Ha risposto il 2 dic/ : /Replied 2 Dec/);
      const before = batchUpdates().length;

      await openDisputeForm(mark, reason);
      const boxes = await shadow.query('payladder-chip', 'input[type=checkbox]');
      expect(await Promise.all(boxes.map((b) => b.attribute('value')))).toEqual(['FX-1']);
      await shot(`dispute-form-${lang}`);

      const save = (await shadow.query('payladder-chip', 'form button.action'))[0];
      expect(await save?.text()).toBe(confirm);
      await save?.click();
      await save?.click().catch(() => undefined); // the chip may already be redrawn
      await expect.poll(() => batchUpdates().length - before, { timeout: 15_000 }).toBe(1);
      const note = `${reason} (${said}: ${plan.expected.url})`;
      expect(batchUpdates()[before]?.body).toEqual({
        valueInputOption: 'RAW',
        data: [
          { range: "'Milestones'!J2", majorDimension: 'ROWS', values: [['Disputed']] },
          { range: "'Milestones'!L2", majorDimension: 'ROWS', values: [[note]] },
        ],
      });
      // Exactly those two cells changed in the sheet.
      const rows = fakes.sheets.tab(SHEET, 'Milestones');
      const original = fakeTabs(world.raw)['Milestones'] ?? [];
      expect(rows[1]?.[9]).toBe('Disputed');
      expect(rows[1]?.[11]).toBe(note);
      const changed = rows.flatMap((row, r) =>
        row.flatMap((cell, c) =>
          JSON.stringify(cell ?? '') === JSON.stringify(original[r]?.[c] ?? '') ? [] : [`${r + 1}:${c + 1}`],
        ),
      );
      expect(changed).toEqual(['2:10', '2:12']);

      // The chip redraws from the ledger as it now stands, without another sync.
      await expect.poll(async () => (await chip()).text(), { timeout: 15_000 }).toMatch(stage);
      await expect
        .poll(async () => (await shadow.texts('payladder-toast')).join(' '), { timeout: 15_000 })
        .toContain(done);
      expect(batchUpdates().length - before).toBe(1);
    },
  );
});
