/**
 * `payladder --sheet ID` against the local fake of the Sheets REST API: the real
 * @googleapis/sheets client with Application Default Credentials, in a child Node whose
 * Google hosts are mapped to the fakes (test/support/node-google-hosts.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { demoLedger } from '../../shared/demo.ts';
import { isIsoDate } from '../../shared/dates.ts';
import type { GoogleFakes } from '../support/google-fake.ts';
import { startGoogleFakes } from '../support/google-fake.ts';
import { runNodeWithFakeGoogle } from '../support/node-google-hosts-env.ts';
import type { FakeCell } from '../support/sheets-fake.ts';
import { SHEETS_READONLY_SCOPE } from '../support/sheets-fake.ts';

const ID = 'ledger-1';
const TODAY = '2026-11-30';
let fakes: GoogleFakes;
let dir: string;
let adc: string;

/** The demo ledger as a real sheet holds it: dates as date cells, amounts as numbers. */
function demoTabs(): Record<string, FakeCell[][]> {
  const tabs: Record<string, FakeCell[][]> = {};
  for (const [name, rows] of Object.entries(demoLedger(TODAY))) {
    tabs[name] = rows.map((row, i) =>
      row.map((cell): FakeCell => {
        if (i > 0 && typeof cell === 'string' && isIsoDate(cell)) return { date: cell };
        return cell as FakeCell;
      }),
    );
  }
  // A user's tab name in other case, and a tab that is not part of the ledger.
  tabs['change ORDERS'] = tabs['Change orders'] ?? [];
  delete tabs['Change orders'];
  tabs['My scratch'] = [['anything'], [42]];
  return tabs;
}

beforeAll(async () => {
  fakes = await startGoogleFakes();
  dir = mkdtempSync(join(tmpdir(), 'payladder-cli-adc-'));
  adc = join(dir, 'adc.json');
});
afterAll(async () => {
  await fakes.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  fakes.reset(); // also forgets issued credentials: register fresh ones for each test
  writeFileSync(adc, JSON.stringify(fakes.oauth.authorizedUser(SHEETS_READONLY_SCOPE)));
  fakes.sheets.setSpreadsheet(ID, {
    title: 'Studio ledger',
    locale: 'en_GB',
    timeZone: 'Europe/Rome',
    tabs: demoTabs(),
  });
});

const cli = (args: string[]) =>
  runNodeWithFakeGoogle({
    port: fakes.port,
    args: ['cli/main.ts', ...args],
    env: { GOOGLE_APPLICATION_CREDENTIALS: adc },
  });

describe('payladder --sheet', () => {
  it('reads the whole ledger in one batchGet plus the spreadsheet metadata, and matches the demo report', async () => {
    const run = await cli(['--sheet', ID, '--today', TODAY, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const sheetsCalls = fakes.sheets.requests.map((r) => `${r.method} ${r.path}`);
    expect(sheetsCalls).toEqual([`GET /v4/spreadsheets/${ID}`, `GET /v4/spreadsheets/${ID}/values:batchGet`]);
    const batch = fakes.sheets.requests[1];
    expect(batch?.query.valueRenderOption).toEqual(['UNFORMATTED_VALUE']);
    expect(batch?.query.dateTimeRenderOption).toEqual(['SERIAL_NUMBER']);
    expect(batch?.query.ranges).toHaveLength(9);
    expect(batch?.query.ranges).toContain("'change ORDERS'");
    expect(batch?.query.ranges).toContain("'Rates'");
    for (const r of fakes.sheets.requests) expect(r.headers.authorization).toMatch(/^Bearer /);

    const fromDemo = { stdout: '' };
    const { run: runCli } = await import('../../cli/main.ts');
    await runCli(['--today', TODAY, '--json'], {
      stdout: (s) => void (fromDemo.stdout += s),
      stderr: () => undefined,
      isTty: false,
      env: {},
      now: () => new Date(`${TODAY}T12:00:00Z`),
    });
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(fromDemo.stdout));
  });

  it('prints the human report with the sheet title', async () => {
    const run = await cli(['--sheet', ID, '--today', TODAY]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Payladder — Studio ledger — 2026-11-30');
  });

  it.each([
    [404, /not found: check the ID/],
    [403, /No access to spreadsheet/],
  ] as const)('exits 2 with one clear line on a %i', async (status, message) => {
    fakes.sheets.failNext(1, status);
    const run = await cli(['--sheet', ID]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});
