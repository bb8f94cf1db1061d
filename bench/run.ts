/**
 * `npm run bench`: every benchmark, one after the other. Each prints its figures; none
 * asserts (speed goals are read, not tested).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { goalTable } from './goals.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const benches = [
  'core.ts',
  'apps-script-recompute.ts',
  'apps-script-runtime.ts',
  'apps-script-cold-start.ts',
  'extension-sync.ts',
  'gmail-overlay.ts',
  'popup-paint.ts',
];

for (const file of benches) {
  const full = path.join(here, file);
  if (!existsSync(full)) continue;
  console.log(`\n== ${file}`);
  const mod = (await import(pathToFileURL(full).href)) as { main?: () => unknown };
  if (typeof mod.main === 'function') await mod.main();
}

// Issue 15's goals, as the benchmarks above judged them.
const table = goalTable();
if (table) console.log(`\n== issue 15's goals\n${table}`);
