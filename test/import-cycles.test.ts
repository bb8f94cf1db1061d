/**
 * No import cycles anywhere in the product (ARCHITECTURE.md): a cycle means two modules
 * that cannot be understood, tested or moved apart. Type-only imports count too.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCycles, importGraph, importSpecifiers, sourceFiles } from './support/import-graph.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const PRODUCT = ['shared', 'extension', 'apps-script', 'cli', 'scripts'];
const relative = (cycle: string[]) => cycle.map((f) => path.relative(ROOT, f));

describe('the import graph', () => {
  it('has no cycle in the product', () => {
    const files = PRODUCT.flatMap((dir) => sourceFiles(path.join(ROOT, dir)));
    expect(files.length).toBeGreaterThan(150);
    const graph = importGraph(files);
    expect(importCycles(graph).map(relative)).toEqual([]);
  });

  it('finds the deliberate cycle of the fixture, and only it', () => {
    const dir = path.join(ROOT, 'test/fixtures/import-cycle');
    const graph = importGraph(sourceFiles(dir));
    expect(importCycles(graph).map(relative)).toEqual([
      [
        'test/fixtures/import-cycle/a.ts',
        'test/fixtures/import-cycle/b.ts',
        'test/fixtures/import-cycle/c.ts',
        'test/fixtures/import-cycle/a.ts',
      ],
    ]);
  });

  it('finds a file that imports itself', () => {
    expect(importCycles(new Map([['x.ts', ['x.ts']]]))).toEqual([['x.ts', 'x.ts']]);
  });

  it.each([
    ["import { a } from './a.ts';", ['./a.ts']],
    ["import type { A } from '../a';", ['../a']],
    ["export { a } from './a.ts';", ['./a.ts']],
    ["export * from './a.ts';", ['./a.ts']],
    ["import './side-effect.ts';", ['./side-effect.ts']],
    ["const m = await import('./lazy.ts');", ['./lazy.ts']],
    ["import {\n  a,\n  type B,\n} from './multi.ts';", ['./multi.ts']],
    ["import { z } from 'zod';", []],
    ["// import { a } from './commented.ts';", []],
    ["/* import { a } from './commented.ts'; */", []],
  ])('reads the specifiers of %j', (source, expected) => {
    expect(importSpecifiers(source)).toEqual(expected);
  });
});
