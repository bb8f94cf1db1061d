/**
 * The built extension in Chromium with a 10,000-client / 100,000-milestone ledger served by
 * the Sheets fake: requests per sync, the service worker's own measures (parse, report,
 * index, view, cache write), `storage.local` bytes per item, and the popup's first paint
 * from the cache (the `payladder:popup-painted` mark, ms after navigation start, and
 * Chromium's first-contentful-paint), over repeated opens. Prints figures; asserts nothing.
 *
 * The popup is opened as a tab (`chrome-extension://ID/popup.html`): the same document the
 * toolbar button shows; headless Chromium has no toolbar to click.
 *
 * Usage: npx tsx bench/popup-paint.ts [clients] [milestones per client] [opens]   (default 10000 10 20)
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { browser as ExtensionApi } from 'wxt/browser';
import { DEMO_SHEET, todayIn } from '../shared/index.ts';
import { buildExtension, fakeTabs, removeBuild } from '../test/extension/e2e-support.ts';
import { launchWithExtension } from '../test/support/chromium.ts';
import { startGoogleFakes } from '../test/support/google-fake.ts';
import { bigLedger } from './extension-big-ledger.ts';
import { judged } from './goals.ts';

// Functions handed to `evaluate` run inside the extension, where `chrome` is its API.
declare const chrome: typeof ExtensionApi;

const clients = Number(process.argv[2] ?? 10_000);
const perClient = Number(process.argv[3] ?? 10);
const opens = Number(process.argv[4] ?? 20);
const SHEET = '1benchLedgerAbCdEfGhIjKlMnOpQrStUvWxYz0123';
const today = todayIn(DEMO_SHEET.timeZone, new Date());

/** Issue 15, goal 4 (warm cache, Chromium). */
const GOAL_PAINT_MS = 50;
const GOAL_OWN_MS = 20;
/** This script at commit 20baa85, medians on a quiet machine (151 and 71 ms when the issue was filed). */
const BEFORE = { paint: 64.2, own: 37.3 };

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
const fmt = (n: number) => n.toFixed(1);

const fakes = await startGoogleFakes();
fakes.sheets.setSpreadsheet(SHEET, {
  title: 'Bench ledger',
  locale: 'en_GB',
  timeZone: 'Europe/Rome',
  tabs: fakeTabs(bigLedger({ clients, milestonesPerClient: perClient, today })),
});
console.log(`Building the extension…`);
const extensionDir = await buildExtension();
// What the popup loads before its first paint: the scripts and module preloads its HTML names
// (the chunk loaded after the paint, with the schemas, is not among them).
const popupHtml = readFileSync(join(extensionDir, 'popup.html'), 'utf8');
const paintScripts = [
  ...popupHtml.matchAll(/<script[^>]*\ssrc="\/([^"]+)"|<link[^>]*rel="modulepreload"[^>]*href="\/([^"]+)"/g),
].map((m) => (m[1] ?? m[2]) as string);
const paintBytes = paintScripts.map((f) => statSync(join(extensionDir, f)).size);
console.log(
  `Popup script before the first paint: ${(paintBytes.reduce((a, b) => a + b, 0) / 1000).toFixed(1)} kB in ${paintScripts.length} files (${paintScripts.map((f, i) => `${f} ${((paintBytes[i] ?? 0) / 1000).toFixed(1)} kB`).join(', ')})`,
);
const browser = await launchWithExtension({ extensionDir, hostMap: fakes.hostMap() });
const url = (path: string) => `chrome-extension://${browser.extensionId}/${path}`;

try {
  const options = await browser.context.newPage();
  await options.goto(url('options.html'));
  await options.waitForSelector('html[data-painted]');
  await options.getByRole('button', { name: 'Sign in with Google' }).click();
  await options.getByText('Signed in to Google').waitFor();
  await options.getByLabel('Google Sheet URL').fill(SHEET);
  fakes.sheets.requests.length = 0;
  const started = performance.now();
  await options.getByRole('button', { name: 'Save' }).click();
  const badge = () => browser.serviceWorker.evaluate(() => chrome.action.getBadgeText({}));
  for (let i = 0; i < 600 && !/^\d/.test(await badge()); i++) await new Promise((r) => setTimeout(r, 200));
  const firstSyncMs = performance.now() - started;
  const firstRequests = fakes.sheets.requests.filter((r) => r.method === 'GET').length;
  const swMeasures = () =>
    browser.serviceWorker.evaluate(() =>
      Object.fromEntries(
        performance
          .getEntriesByType('measure')
          .filter((m) => m.name.startsWith('payladder:'))
          .map((m) => [m.name.slice('payladder:'.length), Math.round(m.duration)]),
      ),
    );
  console.log(`\nLedger: ${clients} clients, ${clients * perClient} milestones; badge ${await badge()}`);
  console.log(
    `First sync after Save: ${firstRequests} request(s) (metadata + batchGet), ${Math.round(firstSyncMs)} ms to the badge`,
  );
  console.log(`  service worker: ${JSON.stringify(await swMeasures())}`);

  const bytes = await browser.serviceWorker.evaluate(async () => {
    const all = await chrome.storage.local.get(null);
    const out: Record<string, number> = {};
    for (const key of Object.keys(all)) out[key] = await chrome.storage.local.getBytesInUse(key);
    out['(total)'] = await chrome.storage.local.getBytesInUse(null);
    return out;
  });
  console.log('storage.local bytes (getBytesInUse):');
  for (const [key, n] of Object.entries(bytes)) console.log(`  ${key.padEnd(16)} ${String(n).padStart(10)}`);

  const painted: number[] = [];
  const fcp: number[] = [];
  // From the parsed HTML (domInteractive) to the painted mark: the popup's own part (script,
  // one storage read, render); before it is the browser opening the page.
  const own: number[] = [];
  const phases: Record<string, number[]> = {};
  for (let i = 0; i < opens; i++) {
    const page = await browser.context.newPage();
    await page.goto(url('popup.html'));
    await page.waitForSelector('html[data-painted]');
    const marks = await page.evaluate(
      () =>
        new Promise<{ painted: number; fcp: number; nav: Record<string, number> }>((resolve) => {
          // First-contentful-paint is reported after the frame; give it that frame.
          requestAnimationFrame(() =>
            setTimeout(() => {
              const nav = performance.getEntriesByType('navigation')[0] as
                PerformanceNavigationTiming | undefined;
              resolve({
                painted: performance.getEntriesByName('payladder:popup-painted')[0]?.startTime ?? NaN,
                fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
                nav: {
                  responseEnd: nav?.responseEnd ?? NaN,
                  domInteractive: nav?.domInteractive ?? NaN,
                  modulesLoaded:
                    performance.getEntriesByName('payladder:modules-loaded')[0]?.startTime ?? NaN,
                  cachedRead: performance.getEntriesByName('payladder:cached-read')[0]?.startTime ?? NaN,
                },
              });
            }),
          );
        }),
    );
    painted.push(marks.painted);
    for (const [k, v] of Object.entries(marks.nav)) (phases[k] ??= []).push(v);
    own.push(marks.painted - (marks.nav['domInteractive'] ?? NaN));
    if (process.env['PAYLADDER_BENCH_VERBOSE']) console.log(JSON.stringify(marks));
    fcp.push(marks.fcp);
    if (i === 0) {
      // The popup asked the background whether to sync: the figures are fresh, so no request.
      fakes.sheets.requests.length = 0;
    }
    await page.close();
  }
  const requestsWhileOpening = fakes.sheets.requests.length;
  painted.sort((a, b) => a - b);
  fcp.sort((a, b) => a - b);
  own.sort((a, b) => a - b);
  console.log(`\nPopup first paint from the cache, ${opens} opens (ms after navigation start):`);
  console.log(
    `  payladder:popup-painted  median ${fmt(quantile(painted, 0.5))}  p95 ${fmt(quantile(painted, 0.95))}  max ${fmt(painted.at(-1) ?? NaN)}`,
  );
  console.log(
    `  popup's own part (domInteractive → painted)  median ${fmt(quantile(own, 0.5))}  p95 ${fmt(quantile(own, 0.95))}  max ${fmt(own.at(-1) ?? NaN)}`,
  );
  console.log(
    `  first-contentful-paint   median ${fmt(quantile(fcp, 0.5))}  p95 ${fmt(quantile(fcp, 0.95))}  max ${fmt(fcp.at(-1) ?? NaN)}`,
  );
  console.log(
    `  phases (median ms after navigation start): ${Object.entries(phases)
      .map(
        ([k, v]) =>
          `${k} ${fmt(
            quantile(
              [...v].sort((a, b) => a - b),
              0.5,
            ),
          )}`,
      )
      .join(', ')}`,
  );
  // Issue 15, goal 4: painted ≤ 50 ms after navigation start, the popup's own part ≤ 20 ms.
  for (const [name, goal, figure, before] of [
    ['first paint (median)', GOAL_PAINT_MS, quantile(painted, 0.5), BEFORE.paint],
    ["popup's own part (median)", GOAL_OWN_MS, quantile(own, 0.5), BEFORE.own],
  ] as const) {
    console.log(
      `  goal ${name}: ≤ ${goal} ms; measured ${fmt(figure)} ms; ratio ${(figure / goal).toFixed(2)} (${figure <= goal ? 'met' : 'not met'})`,
    );
    judged({
      goal: 4,
      what: name.startsWith('popup') ? name : `popup ${name}`,
      target: `≤ ${goal} ms`,
      figure: `${fmt(figure)} ms`,
      ratio: figure / goal,
      before: `${before} ms at 20baa85`,
    });
  }
  console.log(`  requests to Google while opening the popup with fresh figures: ${requestsWhileOpening}`);

  const popup = await browser.context.newPage();
  await popup.goto(url('popup.html'));
  await popup.waitForSelector('html[data-painted]');
  fakes.sheets.requests.length = 0;
  await popup.getByRole('button', { name: 'Refresh' }).click();
  await popup.waitForFunction(
    () => !(document.querySelector('button.refresh') as HTMLButtonElement).disabled,
    undefined,
    {
      timeout: 120_000,
    },
  );
  console.log(
    `\nRefresh (sheet unchanged): ${fakes.sheets.requests.filter((r) => r.method === 'GET').length} request`,
  );
  console.log(`  service worker: ${JSON.stringify(await swMeasures())}`);
} finally {
  await browser.close();
  await fakes.close();
  removeBuild(extensionDir);
}
