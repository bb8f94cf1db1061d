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
