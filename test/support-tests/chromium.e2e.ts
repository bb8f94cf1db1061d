/**
 * Proves the browser half of the test support: Debian Chromium, headless,
 * loads an unpacked MV3 extension; its service worker reaches the Sheets and
 * OAuth fakes through --host-resolver-rules and --ignore-certificate-errors;
 * chrome.identity.launchWebAuthFlow completes against the consent fake; and a
 * plain page on a faked mail.google.com passes the fake's CORS preflight.
 * The extension is made here, in a temp dir: nothing is built.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ExtensionBrowser,
  launchPage,
  launchWithExtension,
  unpackedExtensionId,
} from '../support/chromium.ts';
import { type GoogleFakes, startGoogleFakes } from '../support/google-fake.ts';
import { SHEETS_SCOPE } from '../support/sheets-fake.ts';

const SPREADSHEET = 'e2e-ledger';
const STARTUP_TOKEN = 'ya29.e2e-startup-token';

const BACKGROUND_JS = `
// Runs as soon as the extension loads: one read with a token it already has.
const startup = fetch(
  'https://sheets.googleapis.com/v4/spreadsheets/${SPREADSHEET}/values:batchGet?' +
    'ranges=Clients&ranges=%27Change%20orders%27&valueRenderOption=UNFORMATTED_VALUE' +
    '&dateTimeRenderOption=SERIAL_NUMBER&majorDimension=ROWS',
  { headers: { authorization: 'Bearer ${STARTUP_TOKEN}' } },
)
  .then(async (response) => ({ status: response.status, body: await response.json() }))
  .catch((error) => ({ error: String(error) }))
  .then((result) => chrome.storage.local.set({ startup: result }));

// Called by the test: sign in the way the product's extension will, then write a row.
self.signInAndAppend = async () => {
  const redirect = chrome.identity.getRedirectURL();
  const url =
    'https://accounts.google.com/o/oauth2/v2/auth?' +
    new URLSearchParams({
      client_id: 'payladder-e2e.apps.googleusercontent.com',
      response_type: 'token',
      redirect_uri: redirect,
      scope: '${SHEETS_SCOPE}',
      state: 'e2e-state',
    });
  const final = await chrome.identity.launchWebAuthFlow({ url, interactive: false });
  const fragment = new URLSearchParams(new URL(final).hash.slice(1));
  const token = fragment.get('access_token');
  const response = await fetch(
    'https://sheets.googleapis.com/v4/spreadsheets/${SPREADSHEET}/values/Reminders!A1:append' +
      '?valueInputOption=USER_ENTERED&insertDataOption=INSERT_ROWS',
    {
      method: 'POST',
      headers: { authorization: 'Bearer ' + token, 'content-type': 'application/json' },
      body: JSON.stringify({ majorDimension: 'ROWS', values: [['2026-11-30', 'M-1', 'Acme', 'reminder']] }),
    },
  );
  return { redirect, final, state: fragment.get('state'), token, status: response.status, body: await response.json() };
};
`;

describe('Chromium + unpacked extension + fake Google', () => {
  let fakes: GoogleFakes;
  let browser: ExtensionBrowser;
  let extensionDir: string;

  beforeAll(async () => {
    fakes = await startGoogleFakes({
      sheets: { tokens: [STARTUP_TOKEN] },
      hosts: {
        'mail.google.com': ({ res }) => {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          res.end('<!doctype html><title>Inbox</title><h1>fake inbox</h1>');
        },
      },
    });
    fakes.sheets.setSpreadsheet(SPREADSHEET, {
      title: 'E2E ledger',
      locale: 'it_IT',
      timeZone: 'Europe/Rome',
      tabs: {
        Clients: [
          ['Client', 'Emails', 'Currency'],
          ['Acme', 'billing@acme.test', 'EUR'],
        ],
        'Change orders': [
          ['ID', 'Client', 'Signed'],
          ['CO-1', 'Acme', { date: '2026-11-30' }],
        ],
        Reminders: [['Sent', 'Milestone', 'Client', 'Stage']],
      },
    });
    extensionDir = mkdtempSync(join(tmpdir(), 'payladder-probe-ext-'));
    writeFileSync(
      join(extensionDir, 'manifest.json'),
      JSON.stringify({
        manifest_version: 3,
        name: 'Payladder test probe',
        version: '1.0.0',
        background: { service_worker: 'background.js' },
        permissions: ['storage', 'identity'],
        host_permissions: ['https://sheets.googleapis.com/*', 'https://accounts.google.com/*'],
      }),
    );
    writeFileSync(join(extensionDir, 'background.js'), BACKGROUND_JS);
    browser = await launchWithExtension({ extensionDir, hostMap: fakes.hostMap() });
  });

  afterAll(async () => {
    await browser?.close();
    await fakes?.close();
    if (extensionDir) rmSync(extensionDir, { recursive: true, force: true });
  });

  it('loads the extension in headless Chromium, under the id its path gives', () => {
    expect(browser.serviceWorker.url()).toBe(`chrome-extension://${browser.extensionId}/background.js`);
    expect(browser.extensionId).toBe(unpackedExtensionId(extensionDir));
  });

  it('predicts the id Chromium gives an extension whose manifest pins a key', async () => {
    // A pinned key keeps the chromiumapp.org redirect URI (registered with the OAuth client) the same on every machine.
    const keyed = mkdtempSync(join(tmpdir(), 'payladder-keyed-ext-'));
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    writeFileSync(
      join(keyed, 'manifest.json'),
      JSON.stringify({
        manifest_version: 3,
        name: 'Payladder keyed probe',
        version: '1.0.0',
        key: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
        background: { service_worker: 'background.js' },
      }),
    );
    writeFileSync(join(keyed, 'background.js'), 'self.loaded = true;');
    const second = await launchWithExtension({ extensionDir: keyed });
    try {
      expect(second.extensionId).toBe(unpackedExtensionId(keyed));
      expect(second.serviceWorker.url()).toBe(`chrome-extension://${second.extensionId}/background.js`);
      expect(second.extensionId).not.toBe(browser.extensionId);
    } finally {
      await second.close();
      rmSync(keyed, { recursive: true, force: true });
    }
  });

  it('lets the service worker read the ledger from the Sheets fake with the token it sent', async () => {
    let startup: unknown;
    // Bounded poll: the worker's fetch starts at load and normally lands within a few hundred ms.
    for (let attempt = 0; attempt < 100 && startup === undefined; attempt += 1) {
      startup = await browser.serviceWorker.evaluate(async () => {
        // Runs in the worker, where `chrome` exists; the project has no chrome.* types outside WXT's.
        const { chrome } = globalThis as unknown as {
          chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };
        };
        return (await chrome.storage.local.get('startup'))['startup'];
      });
      if (startup === undefined) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(startup).toEqual({
      status: 200,
      body: {
        spreadsheetId: SPREADSHEET,
        valueRanges: [
          {
            range: 'Clients!A1:Z1000',
            majorDimension: 'ROWS',
            values: [
              ['Client', 'Emails', 'Currency'],
              ['Acme', 'billing@acme.test', 'EUR'],
            ],
          },
          {
            range: "'Change orders'!A1:Z1000",
            majorDimension: 'ROWS',
            values: [
              ['ID', 'Client', 'Signed'],
              ['CO-1', 'Acme', 46356],
            ],
          },
        ],
      },
    });
    const reads = fakes.sheets.requests.filter((r) => r.method === 'GET');
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({
      host: 'sheets.googleapis.com',
      path: `/v4/spreadsheets/${SPREADSHEET}/values:batchGet`,
      query: { ranges: ['Clients', "'Change orders'"], valueRenderOption: ['UNFORMATTED_VALUE'] },
      headers: { authorization: `Bearer ${STARTUP_TOKEN}` },
    });
  });

  it('signs in through launchWebAuthFlow against the consent fake and appends with the issued token', async () => {
    const result = await browser.serviceWorker.evaluate(async () => {
      const run = (self as unknown as { signInAndAppend: () => Promise<Record<string, unknown>> })
        .signInAndAppend;
      return run();
    });
    expect(result['redirect']).toBe(`https://${browser.extensionId}.chromiumapp.org/`);
    expect(result['state']).toBe('e2e-state');
    expect(fakes.oauth.issued.map((t) => t.accessToken)).toEqual([result['token']]);
    expect(result['status']).toBe(200);
    expect(result['body']).toEqual({
      spreadsheetId: SPREADSHEET,
      tableRange: 'Reminders!A1:D1',
      updates: {
        spreadsheetId: SPREADSHEET,
        updatedRange: 'Reminders!A2:D2',
        updatedRows: 1,
        updatedColumns: 4,
        updatedCells: 4,
      },
    });
    expect(fakes.sheets.tab(SPREADSHEET, 'Reminders')).toEqual([
      ['Sent', 'Milestone', 'Client', 'Stage'],
      [{ date: '2026-11-30' }, 'M-1', 'Acme', 'reminder'],
    ]);
    const consent = fakes.oauth.requests.find((r) => r.path === '/o/oauth2/v2/auth');
    expect(consent?.host).toBe('accounts.google.com');
  });

  it('answers a CORS preflight from a page on a faked Google origin', async () => {
    const plain = await launchPage({ hostMap: fakes.hostMap() });
    try {
      await plain.page.goto('https://mail.google.com/mail/u/0/');
      expect(await plain.page.textContent('h1')).toBe('fake inbox');
      const status = await plain.page.evaluate(
        async ([spreadsheet, token]) => {
          const response = await fetch(
            `https://sheets.googleapis.com/v4/spreadsheets/${spreadsheet}?fields=properties.title`,
            { headers: { authorization: `Bearer ${token}` } },
          );
          return { status: response.status, body: (await response.json()) as unknown };
        },
        [SPREADSHEET, STARTUP_TOKEN] as const,
      );
      expect(status).toEqual({ status: 200, body: { properties: { title: 'E2E ledger' } } });
      const preflight = fakes.sheets.requests.find((r) => r.method === 'OPTIONS');
      expect(preflight?.headers.origin).toBe('https://mail.google.com');
      expect(preflight?.headers['access-control-request-headers']).toBe('authorization');
    } finally {
      await plain.close();
    }
  });
});
