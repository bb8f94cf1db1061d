import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rewrite } from '../../scripts/store-safe.ts';
import { evalFindings } from '../../scripts/lint-store.ts';

const root = new URL('../../node_modules/', import.meta.url).pathname;
const zodCore = (file: string) => `${root}zod/v4/core/${file}`;
const installed = (path: string) => readFileSync(path, 'utf8');
const preactPath = `${root}preact/dist/preact.mjs`;

describe('store-safe rewrites of the installed dependencies', () => {
  it.each([
    ['zod util.js (the Function probe)', zodCore('util.js')],
    ['zod doc.js (the JIT compiler)', zodCore('doc.js')],
  ])('%s: no string evaluation left', (_name, path) => {
    const before = installed(path);
    expect(before).toMatch(/\bFunction\b/);
    const after = rewrite(path, before);
    expect(after).not.toBeNull();
    expect(after).not.toMatch(/=\s*Function\b|new F\(/);
  });

  it('preact: no innerHTML left', () => {
    const before = installed(preactPath);
    expect(before).toContain('innerHTML');
    expect(rewrite(preactPath, before)).not.toContain('innerHTML');
  });

  it('fails the build when a rewrite no longer finds its code', () => {
    expect(() => rewrite('/x/node_modules/preact/dist/preact.mjs', 'export const h = 1;')).toThrow(
      /not found/,
    );
  });

  it('leaves every other module alone', () => {
    expect(rewrite('/x/extension/ui/page.tsx', 'el.innerHTML = x')).toBeNull();
  });
});

describe('evalFindings', () => {
  it.each([
    ['new Function("a", "return a")', 1],
    ['try{return Function(``),!0}catch{}', 1],
    ['eval("1")', 1],
    ['window.eval("1")', 0],
    ['isAsyncFunction(fn); x.Function(1); evaluate(2)', 0],
  ])('%s → %i', (code, count) => expect(evalFindings(code)).toHaveLength(count));
});
