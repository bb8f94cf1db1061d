import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as main from '../../apps-script/src/main.ts';
import { buildAppsScript, footer } from '../../scripts/build-apps-script.ts';
import { createSpreadsheet } from './fakes/spreadsheet-model.ts';
import type * as RealmEntry from './fixtures/realm-entry.ts';
import { DEPLOYED_CODE, ensureBundleBuilt, loadBundle, openEvent } from './harness.ts';

const NOW = '2026-03-02T09:00:00+01:00';
const quiet = () => {};

describe('the deployed bundle (apps-script/dist/Code.js)', () => {
  beforeAll(async () => {
    await ensureBundleBuilt();
  });

  it('declares one global function per export of main.ts', () => {
    const code = readFileSync(DEPLOYED_CODE, 'utf8');
    const names = Object.keys(main).sort();
    expect(names.length).toBeGreaterThan(0);
    expect(code.endsWith(footer(names))).toBe(true);
  });

  it('runs onOpen against the fakes, adding menus whose functions all exist', async () => {
    const { app, fakes, calls, missingMenuTargets } = await loadBundle({
      now: NOW,
      spreadsheet: createSpreadsheet(),
    });
    app.onOpen(openEvent(fakes));
    expect(fakes.ui.menus.length).toBeGreaterThan(0);
    expect(calls.count('Menu.addToUi')).toBe(fakes.ui.menus.length);
    expect(missingMenuTargets()).toEqual([]);
  });

  // Apps Script evaluates the whole file before every execution, onEdit included (issue 15):
  // the core's zod schemas (shared/model.ts) and classic zod were 200 KB of it, unused on
  // the server, which checks sidebar inputs with api.ts's zod/mini schemas.
  it('carries neither classic zod nor the core model schemas', () => {
    const code = readFileSync(DEPLOYED_CODE, 'utf8');
    expect(code).not.toContain('// node_modules/zod/v4/classic/');
    expect(code).not.toContain('// shared/model.ts');
    expect(code).toContain('// node_modules/zod/v4/mini/');
  });

  // Sheets runs an add-on's onOpen in AuthMode.NONE until the user first uses it in a file:
  // reading the sheet or properties there breaks the menu for every new user.
  it('runs onOpen in AuthMode.NONE', async () => {
    const { app, fakes } = await loadBundle({ now: NOW, authMode: 'NONE' });
    expect(() => app.onOpen(openEvent(fakes))).not.toThrow();
    expect(fakes.ui.menus.length).toBeGreaterThan(0);
  });
});

describe('the build', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'payladder-apps-script-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  const build = (entry: string, outDir = out) =>
    buildAppsScript({ entry: `test/apps-script/fixtures/${entry}`, outDir, log: quiet });

  it('bundles zod, copies the manifest, and lists the globals from the metafile', async () => {
    const result = await build('realm-entry.ts');
    expect(result.globals).toEqual(['catchShapeError', 'dueDate', 'now', 'readMilestone']);
    expect(result.bytes).toBeGreaterThan(10_000); // zod is inside
    const manifest = JSON.parse(readFileSync(path.join(out, 'appsscript.json'), 'utf8')) as {
      oauthScopes: string[];
    };
    expect(manifest.oauthScopes).toContain('https://www.googleapis.com/auth/spreadsheets.currentonly');
    expect(result.sidebar).toBe(false);
  });

  it.each([
    ['const-export-entry.ts', /not functions.*VERSION/],
    ['default-export-entry.ts', /export "default" cannot be an Apps Script global/],
    ['top-level-service-entry.ts', /top-level code must not call them.*SpreadsheetApp/],
  ])('refuses %s', async (entry, message) => {
    const dir = mkdtempSync(path.join(out, 'refused-'));
    await expect(build(entry, dir)).rejects.toThrow(message);
  });
});

describe('values crossing into the vm', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'payladder-realm-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));
  let codePath = '';
  beforeAll(async () => {
    codePath = (
      await buildAppsScript({ entry: 'test/apps-script/fixtures/realm-entry.ts', outDir: out, log: quiet })
    ).codePath;
  });

  const load = () =>
    loadBundle<typeof RealmEntry>({
      now: NOW,
      codePath,
      spreadsheet: createSpreadsheet({
        sheets: {
          Milestones: [
            ['ID', 'Due date', 'Amount'],
            ['M1', new Date('2026-01-31T00:00:00+01:00'), 1200],
          ],
        },
      }),
    });

  it('hands the bundle dates its own zod accepts', async () => {
    const { app } = await load();
    expect(app.readMilestone()).toEqual({ id: 'M1', due: '2026-01-31', amount: 1200 });
  });

  it('runs new Date() on the fake clock', async () => {
    const { app, fakes } = await load();
    expect(app.now()).toBe(new Date(NOW).toISOString());
    fakes.clock.advance(86_400_000);
    expect(app.now()).toBe('2026-03-03T08:00:00.000Z');
  });

  it('throws Apps Script exceptions that are Errors in the bundle', async () => {
    const { app } = await load();
    expect(app.catchShapeError()).toBe(
      'Exception: The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
  });

  it('applies google.script.run rules to sidebar calls', async () => {
    const { fromSidebarCall, run } = await load();
    expect(fromSidebarCall('readMilestone')).toEqual({ id: 'M1', due: '2026-01-31', amount: 1200 });
    expect(() => fromSidebarCall('dueDate')).toThrow(/cannot carry a Date/);
    expect(() => run('noSuchFunction')).toThrow('Script function not found: noSuchFunction');
  });
});
