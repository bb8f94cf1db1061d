/**
 * The lint rules that stand for a review (eslint.config.js), proven on snippets: a rule
 * that matches nothing would pass `npm run lint` forever.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();
async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('no argument spreading over arrays in product code (issue 18 item 6)', () => {
  it.each([
    'export const f = (xs: number[]) => Math.max(...xs);',
    'export const f = (xs: number[]) => Math.min(0, ...xs.map((x) => x * 2));',
    'export const f = (a: number[], b: number[]) => { a.push(...b); };',
    'export const f = (a: number[], b: number[]) => { a.unshift(...b); };',
    'export const f = (cs: number[]) => String.fromCharCode(...cs);',
  ])('refuses %s', async (code) => {
    for (const file of ['shared/x.ts', 'cli/x.ts', 'apps-script/src/x.ts', 'apps-script/sidebar/x.tsx']) {
      expect(await ruleIds(code, file)).toContain('no-restricted-syntax');
    }
  });

  it.each([
    'export const f = (xs: number[]) => xs.reduce((a, b) => Math.max(a, b), 0);',
    'export const f = (a: number, b: number) => Math.max(a, b);',
    'export const f = (a: number[], b: number[]) => { for (const x of b) a.push(x); };',
    'export const f = (a: number[]) => [...a, 1];',
    'export const f = (g: (...xs: number[]) => number, a: number[]) => g(...a);',
  ])('allows %s', async (code) => {
    expect(await ruleIds(code, 'shared/x.ts')).toEqual([]);
  });

  it('keeps the add-on’s HTML rule beside it', async () => {
    expect(
      await ruleIds(
        'export const f = (e: Element, s: string) => { e.innerHTML = s; };',
        'apps-script/src/x.ts',
      ),
    ).toContain('no-restricted-syntax');
  });
});

describe('imports point one way (issue 14 item 2, ARCHITECTURE.md)', () => {
  // Each row: a deliberate bad import, and the product file it is linted as.
  it.each([
    ["import { STRINGS } from '../ui/i18n.ts';", 'extension/sync/x.ts'],
    ["import type { Lang } from '../ui/i18n.ts';", 'extension/sync/x.ts'],
    ["import { routeOf } from '../gmail/routes.ts';", 'extension/sync/x.ts'],
    ["import { listRow } from './selectors';", 'extension/gmail/x.tsx'],
    ["import { listRow } from './selectors.ts';", 'extension/gmail/x.ts'],
    ["import { STAGE_COLORS } from '../../sidebar/ui/x.ts';", 'apps-script/src/handlers/x.ts'],
    ["import { App } from '../sidebar/app/app.tsx';", 'apps-script/src/x.ts'],
    ["import type { SetupPlan } from './handlers/setup-plan.ts';", 'apps-script/src/services.ts'],
    ["import { createMessenger } from '../extension/messages.ts';", 'shared/x.ts'],
    ["import { run } from '../../cli/main.ts';", 'shared/pack/x.ts'],
  ])('refuses %s in %s', async (code, file) => {
    expect(await ruleIds(`${code}\nexport const y = 1;`, file)).toContain('no-restricted-imports');
  });

  it.each([
    ["import { anyOf } from '../selectors';", 'extension/gmail/read/x.ts'],
    ["import type { RecipientField } from './selectors';", 'extension/gmail/adapter.ts'],
    ["import { readListRows } from './read/list-rows';", 'extension/gmail/x.ts'],
    ["import { STAGE_COLORS } from '../ui/stages.ts';", 'extension/gmail/x.tsx'],
    ["import { badgeFor } from './ui/badge.ts';", 'extension/start-background.ts'],
    ["import { STAGE_COLORS } from '../../../shared/stage-look.ts';", 'apps-script/src/handlers/x.ts'],
    ["import type { CellValue } from '../services.ts';", 'apps-script/src/handlers/x.ts'],
  ])('allows %s in %s', async (code, file) => {
    expect(await ruleIds(`${code}\nexport const y = 1;`, file)).not.toContain('no-restricted-imports');
  });
});

describe('Apps Script services stay out of handlers/ (issue 14 item 2)', () => {
  it.each([
    'SpreadsheetApp',
    'GmailApp',
    'Gmail',
    'ScriptApp',
    'LockService',
    'PropertiesService',
    'HtmlService',
    'Session',
    'Utilities',
  ])('refuses %s in a handler', async (name) => {
    const code = `export const y = ${name};`;
    expect(await ruleIds(code, 'apps-script/src/handlers/x.ts')).toContain('no-restricted-globals');
    expect(await ruleIds(code, 'apps-script/src/adapters/x.ts')).not.toContain('no-restricted-globals');
  });
});
