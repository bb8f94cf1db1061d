/**
 * How the add-on's recompute scales: SpreadsheetApp calls and cells written at 100, 1,000,
 * 10,000 and 50,000 milestones, run in the bundled Code.js against the counting fakes, and
 * the compute time at 50,000. Apps Script gives a run 6 minutes and each Sheets call costs
 * tens of milliseconds, so the call count must not grow with the ledger.
 *
 * Usage: `npx tsx bench/apps-script-recompute.ts` (or through `npm run bench`).
 */
import { pathToFileURL } from 'node:url';
import type { RawLedger } from '../shared/index.ts';
import { addDays, buildReport, CLIENTS, MILESTONES, PAYMENTS, REMINDERS, SETTINGS } from '../shared/index.ts';
import { createSpreadsheet } from '../test/apps-script/fakes/spreadsheet-model.ts';
import { ensureBundleBuilt, loadBundle } from '../test/apps-script/harness.ts';

export const SIZES = [100, 1_000, 10_000, 50_000] as const;
/** Issue 15, goal 2. */
const GOAL_CALLS = 12;
const NOW = '2026-03-02T09:00:00+01:00';
const TODAY = '2026-03-02';
/** The services whose calls are Sheets round trips. */
const SHEETS_SERVICES = ['SpreadsheetApp', 'Spreadsheet', 'Sheet', 'Range'];
/** The menu's "done" toast: feedback to the person who clicked, not part of recomputing. */
const UI_FEEDBACK = ['SpreadsheetApp.getUi', 'Spreadsheet.toast'];

/** A ledger with `n` milestones over n/25 clients, a payment for every third, a reminder for every fifth. */
export function syntheticLedger(n: number): RawLedger {
  const clientCount = Math.max(1, Math.ceil(n / 25));
  const header = (spec: { columns: readonly { header: string }[] }) => spec.columns.map((c) => c.header);
  const clients: unknown[][] = [header(CLIENTS)];
  for (let c = 0; c < clientCount; c++) {
    clients.push([
      `Client ${c}`,
      `ap@client${c}.example.com`,
      'Sam',
      c % 2 ? 'it' : 'en',
      'EUR',
      'IT',
      'B2B',
      30,
      30,
      '2025-01-01',
      'low',
      '',
    ]);
  }
  // Milestones come with their computed columns, as setup leaves them, empty.
  const milestones: unknown[][] = [header(MILESTONES)];
  const payments: unknown[][] = [header(PAYMENTS)];
  const reminders: unknown[][] = [header(REMINDERS)];
  for (let i = 0; i < n; i++) {
    const id = `M-${i}`;
    const invoiced = addDays(TODAY, -((i * 7) % 160));
    milestones.push([
      id,
      `Client ${i % clientCount}`,
      'Project',
      'Work',
      1000 + (i % 97),
      '',
      `INV-${i}`,
      invoiced,
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
    ]);
    if (i % 3 === 0) payments.push([addDays(invoiced, 20), id, 400, 'transfer', '']);
    if (i % 5 === 0)
      reminders.push([addDays(invoiced, 35), id, '', 'reminder', 'reminder', '', '', 'gmail', '']);
  }
  return {
    [CLIENTS.name]: clients,
    [MILESTONES.name]: milestones,
    [PAYMENTS.name]: payments,
    [REMINDERS.name]: reminders,
    'Change orders': [['ID', 'Client', 'Description', 'Amount', 'Requested', 'Signed']],
    Templates: [['Stage', 'Language', 'Subject', 'Body']],
    [SETTINGS.name]: [header(SETTINGS), ['Default currency', 'EUR'], ['Time zone', 'Europe/Rome']],
  };
}

export interface RecomputeFigures {
  milestones: number;
  /** SpreadsheetApp, Spreadsheet, Sheet and Range calls of one recompute, the menu's toast left out. */
  sheetsCalls: number;
  /** The menu's feedback calls (getUi, toast). */
  uiCalls: number;
  byMethod: Record<string, number>;
  cellsWritten: number;
  /** A second recompute with nothing changed. */
  repeatCalls: number;
  repeatCellsWritten: number;
  /** Wall time of the whole recompute in the vm, fakes included. */
  runMs: number;
  /** parseLedger + computeReport alone, in Node. */
  computeMs: number;
}

export async function measure(n: number): Promise<RecomputeFigures> {
  const raw = syntheticLedger(n);
  const spreadsheet = createSpreadsheet({
    locale: 'en_GB',
    sheets: Object.entries(raw).map(([name, rows]) => ({ name, rows, frozenRows: 1 })),
  });
  // Compute time first, on the fresh ledger, before the vm run leaves garbage to collect.
  const values = Object.fromEntries(spreadsheet.sheets.map((s) => [s.name, s.values()]));
  buildReport(syntheticLedger(50), TODAY, { locale: 'en_GB', timeZone: 'Europe/Rome' });
  const t1 = performance.now();
  buildReport(values, TODAY, { locale: 'en_GB', timeZone: 'Europe/Rome' });
  const computeMs = performance.now() - t1;

  const { app, calls } = await loadBundle({ now: NOW, spreadsheet });
  const ui = () => UI_FEEDBACK.reduce((sum, key) => sum + calls.count(key), 0);
  const count = () => SHEETS_SERVICES.reduce((sum, s) => sum + calls.count(s), 0) - ui();

  calls.reset();
  const t0 = performance.now();
  app.recomputeLedger();
  const runMs = performance.now() - t0;
  const sheetsCalls = count();
  const uiCalls = ui();
  const byMethod = Object.fromEntries(
    Object.entries(calls.byMethod()).filter(
      ([k]) => SHEETS_SERVICES.includes(k.split('.')[0] ?? '') && !UI_FEEDBACK.includes(k),
    ),
  );
  const cellsWritten = calls.cellsWritten;

  calls.reset();
  app.recomputeLedger();
  const repeatCalls = count();
  const repeatCellsWritten = calls.cellsWritten;

  return {
    milestones: n,
    sheetsCalls,
    uiCalls,
    byMethod,
    cellsWritten,
    repeatCalls,
    repeatCellsWritten,
    runMs,
    computeMs,
  };
}

export async function main(): Promise<RecomputeFigures[]> {
  await ensureBundleBuilt();
  console.log('Apps Script recompute (bundled Code.js against counting fakes)');
  console.log('milestones  Sheets calls  cells written  | again: calls  cells |  run ms  compute ms');
  const out: RecomputeFigures[] = [];
  for (const n of SIZES) {
    const f = await measure(n);
    out.push(f);
    console.log(
      `${String(n).padStart(10)}  ${String(f.sheetsCalls).padStart(12)}  ${String(f.cellsWritten).padStart(13)}  | ${String(f.repeatCalls).padStart(12)}  ${String(f.repeatCellsWritten).padStart(5)} | ${f.runMs.toFixed(0).padStart(7)}  ${f.computeMs.toFixed(0).padStart(10)}`,
    );
  }
  const last = out.at(-1);
  if (last) {
    const worst = Math.max(...out.map((f) => f.sheetsCalls));
    console.log(
      `goal (issue 15): ≤ ${GOAL_CALLS} Sheets calls per recompute at any size: ${worst} (${worst <= GOAL_CALLS ? 'met' : 'not met'}; 30 before)`,
    );
    console.log(`calls by method at ${last.milestones}: ${JSON.stringify(last.byMethod)}`);
    console.log(
      `plus ${last.uiCalls} calls for the menu's toast (getUi, toast); none from onEdit or the daily run`,
    );
    console.log(
      `compute time at ${last.milestones} milestones: ${last.computeMs.toFixed(0)} ms (parse + report, Node)`,
    );
  }
  return out;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
