/** Bundles the CLI into cli/dist/payladder.mjs (Node ESM; @googleapis/sheets stays a dependency). */
import { build } from 'esbuild';
import { statSync } from 'node:fs';

const outfile = 'cli/dist/payladder.mjs';
await build({
  entryPoints: ['cli/main.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['@googleapis/sheets'],
  logLevel: 'warning',
});
console.log(`cli: ${outfile} ${(statSync(outfile).size / 1024).toFixed(1)} KB`);
