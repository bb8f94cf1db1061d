/**
 * A Vite plugin for the extension build: takes out of third-party code what the stores'
 * reviews flag and what Payladder never runs (checked by `npm run lint:store`):
 * - zod 4's JIT (`new Function`, and the `Function("")` probe that decides whether to use
 *   it). Payladder sets `z.config({ jitless: true })` first (extension/zod-jitless.ts), so
 *   neither runs; without this, the text stays in the bundle and addons.mozilla.org's
 *   linter reports DANGEROUS_EVAL.
 * - Preact's `dangerouslySetInnerHTML` (the one `innerHTML` assignment, UNSAFE_VAR_ASSIGNMENT):
 *   Payladder renders ledger and mail text as text only; a component asking for HTML throws.
 *
 * Each rewrite must find what it rewrites: a dependency update that moves the code fails the
 * build here rather than letting it back in silently.
 */
import type { Plugin } from 'vite';

interface Rewrite {
  /** The end of the module id (posix separators). */
  readonly file: RegExp;
  readonly find: RegExp;
  readonly replace: string;
}

const NO_JIT = 'throw new Error("Payladder builds zod jitless")';

export const REWRITES: readonly Rewrite[] = [
  // zod/v4/core/util.js: the probe `try { const F = Function; new F(""); return true; } catch …`.
  {
    file: /\/zod\/v4\/core\/util\.js$/,
    find: /const F = Function;\s*new F\(""\);\s*return true;/,
    replace: 'return false;',
  },
  // zod/v4/core/doc.js: `compile()` builds the validator with `new F(…)`.
  {
    file: /\/zod\/v4\/core\/doc\.js$/,
    find: /const F = Function;[^]*?return factory\(\.\.\.Object\.values\(this\.closed\)\);/,
    replace: `${NO_JIT};`,
  },
  // preact/dist/preact.mjs: `t.innerHTML=h.__html` (minified names change between releases).
  {
    file: /\/preact\/dist\/preact\.mjs$/,
    find: /\b([\w$]+)\.innerHTML=([\w$]+)\.__html/,
    replace: '(()=>{throw new Error("Payladder renders no HTML strings")})()',
  },
  // …and the comparison beside it, `h.__html==t.innerHTML`, so no `innerHTML` is left at all.
  {
    file: /\/preact\/dist\/preact\.mjs$/,
    find: /\b([\w$]+)\.__html==([\w$]+)\.innerHTML/,
    replace: '!1',
  },
];

/** `code` with every rewrite for `id` applied; throws when one finds nothing to rewrite. */
export function rewrite(id: string, code: string): string | null {
  const path = id.split('?')[0]?.replace(/\\/g, '/') ?? '';
  const mine = REWRITES.filter((r) => r.file.test(path));
  if (mine.length === 0) return null;
  let out = code;
  for (const r of mine) {
    if (!r.find.test(out)) {
      throw new Error(`store-safe: ${r.find} not found in ${path}; check the dependency update`);
    }
    out = out.replace(r.find, r.replace);
  }
  return out;
}

export function storeSafe(): Plugin {
  return {
    name: 'payladder-store-safe',
    enforce: 'pre',
    transform(code, id) {
      const out = rewrite(id, code);
      return out === null ? null : { code: out, map: null };
    },
  };
}
