/**
 * Core benchmark: parse + report for 100,000 milestones and 10,000 clients, median of
 * several runs, and its ratio to JSON.parse of the same rows in the same run (a yardstick
 * that cancels out the machine's speed). Goal (issue 15): the core ≤ 2× JSON.parse.
 * Prints the goal, the figure and the ratio; asserts nothing.
 */
import { performance } from 'node:perf_hooks';
import { buildReport } from '../shared/index.ts';
import { judged } from './goals.ts';
import { bigLedger } from './ledger-gen.ts';

/** Issue 15 goal 1: parse + report within twice JSON.parse of the same rows. */
export const GOAL_RATIO = 2;
/** This script at commit 20baa85 (1196 ms vs JSON.parse 126 ms, a quiet machine). */
const BEFORE_RATIO = 9.5;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

export function main(): Record<string, number> {
  const raw = bigLedger(10_000, 100_000);
  const json = JSON.stringify(raw);
  const runs = 7;
  const core: number[] = [];
  const parse: number[] = [];
  let milestones = 0;
  for (let i = 0; i < runs + 1; i++) {
    let t = performance.now();
    JSON.parse(json);
    const jsonMs = performance.now() - t;
    t = performance.now();
    const { report } = buildReport(raw, '2026-11-30', { locale: 'en_GB', timeZone: 'Europe/Rome' });
    const coreMs = performance.now() - t;
    milestones = report.milestones.length;
    if (i === 0) continue; // warm-up
    core.push(coreMs);
    parse.push(jsonMs);
  }
  const figures = {
    milestones,
    clients: 10_000,
    coreMedianMs: Math.round(median(core) * 10) / 10,
    jsonParseMedianMs: Math.round(median(parse) * 10) / 10,
    ratioToJsonParse: Math.round((median(core) / median(parse)) * 100) / 100,
    jsonBytes: json.length,
  };
  console.log(
    `core: parse + report, ${figures.milestones} milestones / ${figures.clients} clients: median ${figures.coreMedianMs} ms ` +
      `(JSON.parse of the same rows ${figures.jsonParseMedianMs} ms, ratio ${figures.ratioToJsonParse}×; ` +
      `goal ≤ ${GOAL_RATIO}× JSON.parse: ${figures.ratioToJsonParse <= GOAL_RATIO ? 'met' : 'not met'})`,
  );
  judged({
    goal: 1,
    what: 'core: parse + report, 100k milestones',
    target: `≤ ${GOAL_RATIO}× JSON.parse`,
    figure: `${figures.ratioToJsonParse}× (${figures.coreMedianMs} ms)`,
    ratio: figures.ratioToJsonParse / GOAL_RATIO,
    before: `${BEFORE_RATIO}× at 20baa85`,
  });
  return figures;
}

if (process.argv[1]?.endsWith('core.ts')) main();
