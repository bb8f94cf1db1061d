/**
 * Issue 14: a file of the core is one concern, and no file of it is over 500 lines except
 * data (the built-in templates, the demo ledger). A longer file is a sign two concerns live
 * in it: split it, do not raise the limit.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SHARED = path.resolve(import.meta.dirname, '../../shared');
const DATA = new Set(['demo.ts', 'messages/templates.ts']);
const LIMIT = 500;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : [],
  );
}

describe('shared/ file sizes', () => {
  it(`has no file over ${LIMIT} lines but data`, () => {
    const long = files(SHARED)
      .map((f) => ({ file: path.relative(SHARED, f), lines: readFileSync(f, 'utf8').split('\n').length - 1 }))
      .filter((f) => !DATA.has(f.file) && f.lines > LIMIT);
    expect(long).toEqual([]);
  });

  it('names data files that exist', () => {
    const all = new Set(files(SHARED).map((f) => path.relative(SHARED, f)));
    for (const f of DATA) expect(all.has(f)).toBe(true);
  });
});
