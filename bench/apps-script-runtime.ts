/**
 * Modelled Apps Script time of `onEdit` and of the daily run at 1,000, 10,000 and 50,000
 * milestones: the bundled Code.js against the fakes, each call charged by the cost model of
 * test/apps-script/fakes/runtime.ts (modelled figures, not measured on Google; JavaScript
 * time is not in them, so the Node wall time of the same run is printed beside them).
 * Limits: a simple trigger has 30 s, an execution 6 min.
 *
 * Usage: `npx tsx bench/apps-script-runtime.ts` (or through `npm run bench`).
 */
import { pathToFileURL } from 'node:url';
import { createSpreadsheet } from '../test/apps-script/fakes/spreadsheet-model.ts';
import { COSTS, DRAFT_CREATE_MS, LIMITS } from '../test/apps-script/fakes/runtime.ts';
import { ensureBundleBuilt, loadBundle } from '../test/apps-script/harness.ts';
import { syntheticLedger } from './apps-script-recompute.ts';

const SIZES = [1_000, 10_000, 50_000] as const;
const NOW = '2026-03-02T09:00:00+01:00';

export interface RuntimeFigures {
  milestones: number;
  onEditModelledMs: number;
  onEditWallMs: number;
  dailyModelledMs: number;
  dailyWallMs: number;
  drafted: number;
  deferred: number;
  calls: number;
}

async function measure(n: number): Promise<RuntimeFigures> {
  const raw = syntheticLedger(n);
  const spreadsheet = createSpreadsheet({
    locale: 'en_GB',
    sheets: Object.entries(raw).map(([name, rows]) => ({ name, rows, frozenRows: 1 })),
  });
  const { fakes, calls, execute } = await loadBundle({ now: NOW, spreadsheet });
  // One recompute first, so onEdit meets computed columns as a user's sheet has them.
  execute('menu', 'recomputeLedger');

  const range = calls.uncounted(() =>
    fakes.services.SpreadsheetApp.getActiveSpreadsheet()?.getSheetByName('Milestones')?.getRange(2, 5),
  );
  let spent = fakes.clock.spent;
  let t0 = performance.now();
  execute('onEdit', 'onEdit', { authMode: 'LIMITED', range, value: 1200 });
  const onEditWallMs = performance.now() - t0;
  const onEditModelledMs = fakes.clock.spent - spent;

  calls.reset();
  spent = fakes.clock.spent;
  t0 = performance.now();
  const result = execute('time-driven', 'draftDueReminders') as { drafted: unknown[]; deferred: unknown[] };
  const dailyWallMs = performance.now() - t0;
  return {
    milestones: n,
    onEditModelledMs,
    onEditWallMs,
    dailyModelledMs: fakes.clock.spent - spent,
    dailyWallMs,
    drafted: result.drafted.length,
    deferred: result.deferred.length,
    calls: calls.total(),
  };
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export async function main(): Promise<RuntimeFigures[]> {
  await ensureBundleBuilt();
  console.log(
    `Apps Script modelled time (cost model: ${COSTS.Range} ms a Sheets call, ${DRAFT_CREATE_MS} ms a draft, ${COSTS.Properties} ms a property call; limits ${s(LIMITS.simpleTriggerMs)} onEdit, ${s(LIMITS.executionMs)} a run)`,
  );
  console.log(
    'milestones | onEdit modelled  (Node) | daily run modelled  (Node)  drafts  left for next run  calls',
  );
  const out: RuntimeFigures[] = [];
  for (const n of SIZES) {
    const f = await measure(n);
    out.push(f);
    console.log(
      `${String(n).padStart(10)} | ${s(f.onEditModelledMs).padStart(15)} ${`(${s(f.onEditWallMs)})`.padStart(8)} | ${s(f.dailyModelledMs).padStart(18)} ${`(${s(f.dailyWallMs)})`.padStart(8)} ${String(f.drafted).padStart(7)} ${String(f.deferred).padStart(18)} ${String(f.calls).padStart(6)}`,
    );
  }
  console.log('modelled, not measured on Google: see test/apps-script/fakes/runtime.ts');
  return out;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
