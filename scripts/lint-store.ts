/**
 * `npm run lint:store`: what the stores check, on what `npm run build` left in `.output/`
 * (it builds nothing itself). Fails when:
 * - Mozilla's addons-linter (the validator addons.mozilla.org runs) reports any error or
 *   warning on the Firefox zip;
 * - any built JS bundle, Chrome's and Firefox's, holds `new Function`, a `Function(` call
 *   or `eval(` (MV3 refuses them at run time; Chrome Web Store review flags them).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const OUTPUT = '.output';

/** Code that evaluates strings, as a store reviewer's grep finds it. */
export const EVAL_PATTERNS: readonly RegExp[] = [
  /\bnew\s+Function\s*\(/,
  /(?<![\w$.]|new\s+)Function\s*\(/,
  /(?<![\w$.])eval\s*\(/,
];

export function evalFindings(code: string): string[] {
  return EVAL_PATTERNS.flatMap((p) => {
    const hit = p.exec(code);
    return hit ? [`${p} at ${hit.index}: …${code.slice(Math.max(0, hit.index - 40), hit.index + 40)}…`] : [];
  });
}

function jsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsFiles(path);
    return path.endsWith('.js') ? [path] : [];
  });
}

interface LinterMessage {
  code: string;
  file?: string;
  message: string;
}

function main(): number {
  let failed = false;
  const outputs = readdirSync(OUTPUT).filter((n) => n.endsWith('-mv3') || n.endsWith('-mv2'));
  const zips = readdirSync(OUTPUT).filter(
    (n) => n.includes('firefox') && n.endsWith('.zip') && !n.includes('sources'),
  );
  if (outputs.length === 0 || zips.length === 0) {
    console.error(`lint:store: nothing built in ${OUTPUT}/; run \`npm run build\` first`);
    return 2;
  }
  for (const zip of zips) {
    const path = join(OUTPUT, zip);
    let out: string;
    try {
      out = execFileSync('npx', ['addons-linter', '--output', 'json', path], { encoding: 'utf8' });
    } catch (error) {
      // addons-linter exits 1 when it found errors; its report is still on stdout.
      out = String((error as { stdout?: unknown }).stdout ?? '');
    }
    const report = JSON.parse(out) as { errors: LinterMessage[]; warnings: LinterMessage[] };
    const found = [...report.errors, ...report.warnings];
    console.log(`${path}: ${report.errors.length} errors, ${report.warnings.length} warnings`);
    for (const m of found) console.log(`  ${m.code} ${m.file ?? ''} ${m.message}`);
    if (found.length > 0) failed = true;
  }
  for (const dir of outputs) {
    const files = jsFiles(join(OUTPUT, dir));
    let hits = 0;
    for (const file of files) {
      for (const finding of evalFindings(readFileSync(file, 'utf8'))) {
        console.log(`  ${file}: ${finding}`);
        hits += 1;
      }
    }
    console.log(`${OUTPUT}/${dir}: ${files.length} bundles, ${hits} with string evaluation`);
    if (hits > 0) failed = true;
  }
  return failed ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit(main());
