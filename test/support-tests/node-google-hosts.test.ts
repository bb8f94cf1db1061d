/**
 * The preload really points the real Google client at the fakes: a child
 * Node runs @googleapis/sheets 14 with Application Default Credentials, and
 * the fakes must see exactly its token exchange and its two Sheets calls.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { sheets_v4 } from '@googleapis/sheets';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type GoogleFakes, startGoogleFakes } from '../support/google-fake.ts';
import { runNodeWithFakeGoogle } from '../support/node-google-hosts-env.ts';
import { SHEETS_READONLY_SCOPE } from '../support/sheets-fake.ts';

const CLIENT = 'test/support-tests/fixtures/googleapis-client.ts';
const PROBE = 'test/support-tests/fixtures/network-guard-probe.ts';
const ID = 'cli-ledger';

let fakes: GoogleFakes;
let dir: string;

beforeAll(async () => {
  fakes = await startGoogleFakes();
  dir = mkdtempSync(join(tmpdir(), 'payladder-adc-'));
});

afterAll(async () => {
  await fakes.close();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  fakes.reset();
  fakes.sheets.setSpreadsheet(ID, {
    title: 'Ledger',
    locale: 'en_GB',
    timeZone: 'Europe/London',
    tabs: {
      Clients: [
        ['Client', 'Currency'],
        ['Acme', 'GBP'],
      ],
      'Change orders': [
        ['ID', 'Client', 'Signed'],
        ['CO-1', 'Acme', { date: '2026-06-30' }],
      ],
    },
  });
});

function credentials(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(content));
  return path;
}

interface ClientOutput {
  values: sheets_v4.Schema$BatchGetValuesResponse;
  meta: sheets_v4.Schema$Spreadsheet;
  viaFetch?: sheets_v4.Schema$BatchGetValuesResponse;
}

// Each test starts a Node child that loads googleapis: seconds on an idle machine, more on a busy CI box.
describe('node-google-hosts preload', { timeout: 90_000 }, () => {
  it('sends @googleapis/sheets with authorized_user ADC to the fakes (node-fetch and undici)', async () => {
    const adc = credentials('authorized-user.json', fakes.oauth.authorizedUser(SHEETS_READONLY_SCOPE));
    const run = await runNodeWithFakeGoogle({
      port: fakes.port,
      args: [CLIENT, ID, '--fetch'],
      env: { GOOGLE_APPLICATION_CREDENTIALS: adc },
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const output = JSON.parse(run.stdout) as ClientOutput;
    expect(output.values.valueRanges?.map((r) => [r.range, r.values])).toEqual([
      [
        'Clients!A1:Z1000',
        [
          ['Client', 'Currency'],
          ['Acme', 'GBP'],
        ],
      ],
      [
        "'Change orders'!A1:C1000",
        [
          ['ID', 'Client', 'Signed'],
          ['CO-1', 'Acme', 46203],
        ],
      ],
    ]);
    expect(output.meta).toEqual({
      properties: { locale: 'en_GB', timeZone: 'Europe/London', title: 'Ledger' },
      sheets: [
        { properties: { title: 'Clients', sheetId: 0, gridProperties: { rowCount: 1000, columnCount: 26 } } },
        {
          properties: {
            title: 'Change orders',
            sheetId: expect.any(Number),
            gridProperties: { rowCount: 1000, columnCount: 26 },
          },
        },
      ],
    });
    expect(output.viaFetch?.valueRanges?.[0]?.values).toEqual([['Client']]);

    // One refresh-token exchange, then exactly the client's calls, each with the token it was given.
    expect(
      fakes.oauth.requests.map((r) => [
        r.method,
        r.host,
        r.path,
        (r.body as Record<string, string>)['grant_type'],
      ]),
    ).toEqual([['POST', 'oauth2.googleapis.com', '/token', 'refresh_token']]);
    const token = fakes.oauth.issued[0]?.accessToken;
    expect(token).toMatch(/^ya29\./);
    expect(
      fakes.sheets.requests.map((r) => ({
        method: r.method,
        host: r.host,
        path: r.path,
        query: r.query,
        authorization: r.headers.authorization,
      })),
    ).toEqual([
      {
        method: 'GET',
        host: 'sheets.googleapis.com',
        path: `/v4/spreadsheets/${ID}/values:batchGet`,
        query: {
          ranges: ['Clients', "'Change orders'!A1:C"],
          valueRenderOption: ['UNFORMATTED_VALUE'],
          dateTimeRenderOption: ['SERIAL_NUMBER'],
          majorDimension: ['ROWS'],
        },
        authorization: `Bearer ${token}`,
      },
      {
        method: 'GET',
        host: 'sheets.googleapis.com',
        path: `/v4/spreadsheets/${ID}`,
        query: {
          fields: ['properties(locale,timeZone,title),sheets.properties(title,sheetId,gridProperties)'],
        },
        authorization: `Bearer ${token}`,
      },
      {
        method: 'GET',
        host: 'sheets.googleapis.com',
        path: `/v4/spreadsheets/${ID}/values:batchGet`,
        query: { ranges: ['Clients!A1:A1'] },
        authorization: `Bearer ${token}`,
      },
    ]);
  });

  it('serves a service-account key file through the JWT bearer grant', async () => {
    const adc = credentials('service-account.json', fakes.oauth.serviceAccount());
    const run = await runNodeWithFakeGoogle({
      port: fakes.port,
      args: [CLIENT, ID],
      env: { GOOGLE_APPLICATION_CREDENTIALS: adc },
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(fakes.oauth.issued.map((t) => [t.grant, t.scope])).toEqual([
      ['jwt-bearer', SHEETS_READONLY_SCOPE],
    ]);
    expect(fakes.sheets.requests).toHaveLength(2);
  });

  it('surfaces a Sheets error to the client as the real client would see it', async () => {
    const adc = credentials('authorized-user-2.json', fakes.oauth.authorizedUser(SHEETS_READONLY_SCOPE));
    fakes.sheets.failNext(1, 403);
    const run = await runNodeWithFakeGoogle({
      port: fakes.port,
      args: [CLIENT, ID],
      env: { GOOGLE_APPLICATION_CREDENTIALS: adc },
    });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('The caller does not have permission');
  });

  it('reroutes only Google hosts, keeps their name for TLS, and refuses every other non-loopback address', async () => {
    const run = await runNodeWithFakeGoogle({ port: fakes.port, args: [PROBE] });
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as Record<string, unknown>;
    const faked = (servername: string) => ({
      host: '127.0.0.1',
      port: fakes.port,
      servername,
      trustsFakeCa: true,
    });
    expect(report['sheetsTls']).toEqual(faked('sheets.googleapis.com'));
    expect(report['oauthTlsOptions']).toEqual(faked('oauth2.googleapis.com'));
    expect(report['accountsTls']).toEqual(faked('accounts.google.com'));
    expect(report['loopbackNet']).toEqual({ host: '127.0.0.1', port: 4321, trustsFakeCa: false });
    for (const name of ['metadataNet', 'publicTls', 'otherHostNet']) {
      expect(report[name]).toMatchObject({
        host: 'refused.payladder-test.invalid',
        refusal: expect.stringContaining('node-google-hosts: refused a connection to'),
      });
    }
    expect(report['lookup']).toBe('127.0.0.1');
    expect(report['promisesLookup']).toBe('127.0.0.1');
    expect(report['metadataDetection']).toBe('none');
  });
});
