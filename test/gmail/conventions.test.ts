/**
 * Conventions of the Gmail overlay, checked rather than hoped for (refined-github keeps
 * the same kind of test): every surface file is registered, the entrypoint only wires, and
 * the content script's import graph stays out of the background's code: no zod, no ledger
 * parser, no report builder, no sync service (it asks the background by message).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import gmailContent from '../../extension/entrypoints/gmail.content.ts';
import { SURFACES } from '../../extension/gmail/registry.ts';
import type { Surface } from '../../extension/gmail/surface.ts';
import { REPO_ROOT } from './fixture-set.ts';

const GMAIL_DIR = path.join(REPO_ROOT, 'extension/gmail');
const ENTRY = path.join(REPO_ROOT, 'extension/entrypoints/gmail.content.ts');

describe('the registry', () => {
  it('lists the four surfaces, each with a distinct id', () => {
    expect(SURFACES.map((s) => s.id)).toEqual(['thread-chip', 'row-badges', 'compose-button', 'send-logger']);
  });

  it('lists every surface a file of extension/gmail exports', async () => {
    const files = readdirSync(GMAIL_DIR).filter((f) => /\.tsx?$/.test(f));
    const exported: Surface[] = [];
    for (const file of files) {
      const mod = (await import(path.join(GMAIL_DIR, file))) as Record<string, unknown>;
      for (const value of Object.values(mod)) {
        if (isSurface(value)) exported.push(value);
      }
    }
    expect(exported.length).toBeGreaterThanOrEqual(4);
    for (const surface of exported) expect(SURFACES).toContain(surface);
  });
});

function isSurface(value: unknown): value is Surface {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Surface).id === 'string' &&
    typeof (value as Surface).matches === 'function' &&
    typeof (value as Surface).mount === 'function'
  );
}

describe('the content script entrypoint', () => {
  it('runs in Gmail at document_idle', () => {
    expect(gmailContent.matches).toEqual(['https://mail.google.com/*']);
    expect(gmailContent.runAt).toBe('document_idle');
  });
});

/** Modules the content script loads at run time (type-only imports are erased). */
function runtimeGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    const imports = [...source.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+'([^']+)';/gms)].map(
      (m) => m[1] as string,
    );
    // A per-file JSX runtime is an import too.
    const jsx = /@jsxImportSource\s+(\S+)/.exec(source)?.[1];
    if (jsx?.startsWith('.')) imports.push(`${jsx}/jsx-runtime`);
    for (const spec of imports) {
      if (!spec.startsWith('.')) {
        seen.add(spec);
        continue;
      }
      const base = path.resolve(path.dirname(file), spec);
      const resolved = [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find(
        (candidate) => existsSync(candidate) && /\.tsx?$/.test(candidate),
      );
      if (resolved) visit(resolved);
    }
  };
  visit(entry);
  return seen;
}

describe('the content script’s imports', () => {
  const graph = [...runtimeGraph(ENTRY)].map((f) => (path.isAbsolute(f) ? path.relative(REPO_ROOT, f) : f));

  it('reach the Gmail adapter and the message sender', () => {
    expect(graph).toContain('extension/gmail/observer.ts');
    expect(graph).toContain('extension/gmail/read/compose.ts');
    expect(graph).toContain('extension/messages.ts');
  });

  it('leave zod, Preact, the parser, the report and the background out', () => {
    const forbidden = graph.filter(
      (f) =>
        f === 'zod' ||
        f.startsWith('preact') ||
        f === 'shared/index.ts' ||
        f === 'shared/parse.ts' ||
        f === 'shared/report.ts' ||
        f === 'shared/model.ts' ||
        f.startsWith('shared/messages/') ||
        f.startsWith('extension/sync/') ||
        f.startsWith('extension/sheets/') ||
        f.startsWith('extension/auth/'),
    );
    expect(forbidden).toEqual([]);
  });
});

describe('the adapter rule (adapter.ts)', () => {
  /** Every .ts/.tsx file under `dir`, relative to the repository. */
  const filesUnder = (dir: string): string[] =>
    readdirSync(path.join(REPO_ROOT, dir), { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory()
        ? filesUnder(path.join(dir, entry.name))
        : /\.tsx?$/.test(entry.name)
          ? [path.join(dir, entry.name)]
          : [],
    );
  const MAY_NAME_SELECTORS = /^extension\/gmail\/(read\/|adapter\.ts$|selectors\.ts$)/;
  const importsSelectors = (file: string) =>
    [...readFileSync(path.join(REPO_ROOT, file), 'utf8').matchAll(/\bfrom\s+'([^']+)'/g)].some((m) =>
      /(^|\/)selectors(\.ts)?$/.test(m[1] as string),
    );

  it('holds: only read/ and adapter.ts import selectors.ts', () => {
    const files = filesUnder('extension/gmail');
    expect(files).toContain('extension/gmail/row-badges.tsx');
    expect(files.filter((f) => !MAY_NAME_SELECTORS.test(f) && importsSelectors(f))).toEqual([]);
  });

  it('would see a surface that broke it', () => {
    expect(importsSelectors('extension/gmail/read/list-rows.ts')).toBe(true);
  });
});
