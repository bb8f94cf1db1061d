/**
 * For the extension's end-to-end suites: builds the shipped extension with a test OAuth
 * client id, and makes a ledger the Sheets fake serves. The build is the production build
 * (`wxt build`, same code and manifest as the store zip); the only difference is the
 * client id it is configured with, which is how every non-Chrome build is configured too.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type { RawLedger } from '../../shared/index.ts';
import type { FakeCell } from '../support/sheets-fake.ts';

export const E2E_CLIENT_ID = 'payladder-e2e.apps.googleusercontent.com';

const run = promisify(execFile);

/** `wxt build` for Chrome into a temp dir; resolves to the unpacked extension's folder. */
export async function buildExtension(env: Record<string, string> = {}): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'payladder-ext-'));
  const script = `import { build } from 'wxt'; await build({ browser: 'chrome', mode: 'production', outDir: ${JSON.stringify(outDir)}, logLevel: 1 });`;
  await run(process.execPath, ['--input-type=module', '-e', script], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      // The Chrome client id would switch sign-in to getAuthToken, which needs a Google account in the profile.
      PAYLADDER_OAUTH_CLIENT_ID: '',
      PAYLADDER_WEB_OAUTH_CLIENT_ID: E2E_CLIENT_ID,
      ...env,
    },
    timeout: 180_000,
  });
  return join(outDir, 'chrome-mv3');
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** Raw tabs as the fake holds them: ISO dates become date cells (served as serial numbers, as Sheets does). */
export function fakeTabs(raw: RawLedger): Record<string, FakeCell[][]> {
  return Object.fromEntries(
    Object.entries(raw).map(([name, rows]) => [
      name,
      rows.map((row, i) =>
        row.map((cell): FakeCell =>
          i > 0 && typeof cell === 'string' && ISO.test(cell) ? { date: cell } : (cell as FakeCell),
        ),
      ),
    ]),
  );
}

/** Removes a build made by `buildExtension`. */
export function removeBuild(extensionDir: string): void {
  rmSync(dirname(extensionDir), { recursive: true, force: true });
}
