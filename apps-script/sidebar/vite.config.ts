/**
 * Builds the sidebar into ONE self-contained `apps-script/dist/sidebar.html` that
 * `HtmlService.createHtmlOutputFromFile('sidebar')` serves: JS and CSS inlined, and the
 * script a classic one (see `classicInlineScript`).
 *
 * Usage: `npm run build:sidebar`.
 */
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * Apps Script serves the file inside its own sandboxed iframe (HtmlService's IFRAME mode).
 * The inlined bundle is an IIFE in a plain classic script, the form HtmlService pages have
 * always used, rather than relying on module-script semantics (deferred run, `crossorigin`)
 * inside that sandbox. A classic script runs as soon as it is parsed, so it also moves to
 * the end of <body>, after the #app element it mounts into.
 */
export function classicInlineScript(): Plugin {
  return {
    name: 'payladder:classic-inline-script',
    enforce: 'post',
    generateBundle: {
      // After vite-plugin-singlefile (also `post`) has inlined the bundle into the HTML.
      order: 'post',
      handler(_options, bundle) {
        for (const file of Object.values(bundle)) {
          if (file.type !== 'asset' || !file.fileName.endsWith('.html')) continue;
          file.source = toClassicScript(String(file.source));
        }
      },
    },
  };
}

/** Strips `type="module"` and `crossorigin` from the inline script and moves it to the end of <body>. */
export function toClassicScript(html: string): string {
  const scripts: string[] = [];
  const without = html.replace(
    /<script\b([^>]*)>([\s\S]*?)<\/script>/g,
    (_all, attrs: string, code: string) => {
      const kept = attrs.replace(/\s+type="module"/g, '').replace(/\s+crossorigin(="[^"]*")?/g, '');
      scripts.push(`<script${kept}>${code}</script>`);
      return '';
    },
  );
  // A function replacement: the bundle is full of `$'` and `$&`, which a replacement
  // *string* would expand into copies of the page.
  return without.replace('</body>', () => `${scripts.join('\n')}\n</body>`);
}

export default defineConfig({
  root: here,
  base: './',
  plugins: [
    preact({ devToolsEnabled: false, prefreshEnabled: false }),
    viteSingleFile({ outputFileName: 'sidebar.html' }),
    classicInlineScript(),
  ],
  build: {
    outDir: fileURLToPath(new URL('../dist', import.meta.url)),
    // The dist folder also holds Code.js and appsscript.json from the add-on's build.
    emptyOutDir: false,
    target: 'es2020',
    modulePreload: false,
    reportCompressedSize: false,
    rolldownOptions: {
      input: fileURLToPath(new URL('./index.html', import.meta.url)),
      output: { format: 'iife' },
    },
  },
});
