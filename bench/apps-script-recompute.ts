/**
 * How the add-on's recompute scales: SpreadsheetApp calls and cells written at 100, 1,000,
 * 10,000 and 50,000 milestones, run in the bundled Code.js against the counting fakes, and
 * the compute time at 50,000. Apps Script gives a run 6 minutes and each Sheets call costs
 * tens of milliseconds, so the call count must not grow with the ledger.
 *
 * Per size: the menu's Recompute now the first time (no tab layout cached: a full read),
 * again (the layout cached, nothing to write), then one value typed into each tab and that
 * tab's onEdit (issue 15, goal 2: calls per edited tab, and which tabs each edit read).
 *
 * Usage: `npx tsx bench/apps-script-recompute.ts` (or through `npm run bench`).
 */
import { pathToFileURL } from 'node:url';
import type { RawLedger } from '../shared/index.ts';
import {
  addDays,
  buildReport,
  CLIENTS,
  MILESTONES,
  PAYMENTS,
  PROMISES,
  RATES,
  REMINDERS,
  SETTINGS,
} from '../shared/index.ts';
import { createSpreadsheet } from '../test/apps-script/fakes/spreadsheet-model.ts';
import { ensureBundleBuilt, loadBundle } from '../test/apps-script/harness.ts';
import { judged } from './goals.ts';

export const SIZES = [100, 1_000, 10_000, 50_000] as const;
/** Issue 15, goal 2. */
const GOAL_CALLS = 12;
/**
 * Measured with this script (this ledger, all nine tabs): at commit 9b24419, before any
 * layout cache, an onEdit that changes a computed cell and the menu's Recompute now; at
 * commit 20baa85, with the layout cached by tab name (one getSheetByName a tab), a typed
 * payment, the worst edit (the stamp note written too) and the first run.
 */
const BEFORE_CALLS = { edit: 27, menu: 25 };
const BEFORE_BY_NAME = { payment: 18, worst: 20, worstNoteless: 18, first: 25 };
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
    // Every tab setup creates is there, empty or not, as in a set-up ledger.
    [PROMISES.name]: [header(PROMISES)],
    Templates: [['Stage', 'Language', 'Subject', 'Body']],
    [RATES.name]: [header(RATES)],
    [SETTINGS.name]: [header(SETTINGS), ['Default currency', 'EUR'], ['Time zone', 'Europe/Rome']],
  };
}

export interface RecomputeFigures {
  milestones: number;
  /** SpreadsheetApp, Spreadsheet, Sheet and Range calls of the first recompute (no layout cached yet), the menu's toast left out. */
  coldCalls: number;
  /** The menu's feedback calls (getUi, toast). */
  uiCalls: number;
  byMethod: Record<string, number>;
  cellsWritten: number;
  /** The menu's recompute again, the layout cached, nothing changed. */
  repeatCalls: number;
  repeatCellsWritten: number;
  /** One typed value in each tab, then that tab's onEdit: calls and cells written. */
  edits: EditFigures[];
  /** Wall time of the whole first recompute in the vm, fakes included. */
  runMs: number;
  /** parseLedger + computeReport alone, in Node. */
  computeMs: number;
}

export interface EditFigures {
  tab: string;
  calls: number;
  cellsWritten: number;
  tabsRead: string[];
  byMethod: Record<string, number>;
}

type Book = ReturnType<typeof createSpreadsheet>;

/** A row typed under the last one, the tab grown by a row first when full (as Sheets offers). */
function typeRow(book: Book, tab: string, cells: (string | number)[]): void {
  const sheet = book.sheet(tab);
  const row = sheet.lastRow() + 1;
  if (row > sheet.maxRows) sheet.maxRows = row;
  cells.forEach((value, i) => {
    if (value !== '') sheet.set(row, i + 1, value);
  });
}

/** A value typed into each tab, as a user would: each changes what the computed columns show, but Templates. */
const EDITS: { tab: string; type: (book: Book) => void }[] = [
  {
    tab: MILESTONES.name,
    type: (b) => b.sheet(MILESTONES.name).set(3, 5, 2222), // M-1's Amount
  },
  {
    tab: PAYMENTS.name,
    type: (b) => typeRow(b, PAYMENTS.name, ['2026-03-01', 'M-2', 100]),
  },
  {
    tab: REMINDERS.name,
    type: (b) =>
      typeRow(b, REMINDERS.name, ['2026-03-01', 'M-4', '', 'reminder', 'reminder', '', '', 'gmail']),
  },
  { tab: CLIENTS.name, type: (b) => b.sheet(CLIENTS.name).set(2, 8, 45) }, // Client 0's terms
  {
    tab: PROMISES.name,
    type: (b) => typeRow(b, PROMISES.name, ['2026-03-01', 'M-6', '', '', '2026-03-20', 'phone', '']),
  },
  // A reference rate for a half-year the built-in table covers: it wins, and is a warning.
  { tab: RATES.name, type: (b) => typeRow(b, RATES.name, ['IT', '2026-01-01', 2.5, 'Gazzetta Ufficiale']) },
  // The ledger's time zone: it is still yesterday in Pago Pago, so every Days overdue changes.
  { tab: SETTINGS.name, type: (b) => b.sheet(SETTINGS.name).set(3, 2, 'Pacific/Pago_Pago') },
  { tab: 'Change orders', type: (b) => b.sheet('Change orders').set(2, 1, 'CO-1') },
  { tab: 'Templates', type: (b) => b.sheet('Templates').set(2, 1, 'reminder') },
];

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

  const { app, calls, context } = await loadBundle({ now: NOW, spreadsheet });
  const ui = () => UI_FEEDBACK.reduce((sum, key) => sum + calls.count(key), 0);
  const count = () => SHEETS_SERVICES.reduce((sum, s) => sum + calls.count(s), 0) - ui();
  const sheetsByMethod = () =>
    Object.fromEntries(
      Object.entries(calls.byMethod()).filter(
        ([k]) => SHEETS_SERVICES.includes(k.split('.')[0] ?? '') && !UI_FEEDBACK.includes(k),
      ),
    );

  calls.reset();
  const t0 = performance.now();
  app.recomputeLedger();
  const runMs = performance.now() - t0;
  const coldCalls = count();
  const uiCalls = ui();
  const byMethod = sheetsByMethod();
  const cellsWritten = calls.cellsWritten;

  calls.reset();
  app.recomputeLedger();
  const repeatCalls = count();
  const repeatCellsWritten = calls.cellsWritten;

  const sheetsApp = (context as { SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp })
    .SpreadsheetApp;
  const edits: EditFigures[] = [];
  for (const edit of EDITS) {
    edit.type(spreadsheet);
    // The event Apps Script hands onEdit (range and source): made by Apps Script, not counted.
    const event = calls.uncounted(() => {
      const source = sheetsApp.getActiveSpreadsheet();
      return { range: source.getSheetByName(edit.tab)?.getRange(2, 1), source };
    });
    calls.reset();
    app.onEdit(event as unknown as GoogleAppsScript.Events.SheetsOnEdit);
    edits.push({
      tab: edit.tab,
      calls: count(),
      cellsWritten: calls.cellsWritten,
      tabsRead: calls.list('Sheet.getSheetValues').map((e) => e.target ?? ''),
      byMethod: sheetsByMethod(),
    });
  }

  return {
    milestones: n,
    coldCalls,
    uiCalls,
    byMethod,
    cellsWritten,
    repeatCalls,
    repeatCellsWritten,
    edits,
    runMs,
    computeMs,
  };
}

export async function main(): Promise<RecomputeFigures[]> {
  await ensureBundleBuilt();
  console.log('Apps Script recompute (bundled Code.js against counting fakes)');
  console.log(
    'milestones | first (no layout cached): calls  cells | again: calls  cells | one edit per tab: calls (cells) | run ms  compute ms',
  );
  const out: RecomputeFigures[] = [];
  for (const n of SIZES) {
    const f = await measure(n);
    out.push(f);
    const edits = f.edits.map((e) => `${e.tab} ${e.calls} (${e.cellsWritten})`).join(', ');
    console.log(
      `${String(n).padStart(10)} | ${String(f.coldCalls).padStart(28)}  ${String(f.cellsWritten).padStart(5)} | ${String(f.repeatCalls).padStart(12)}  ${String(f.repeatCellsWritten).padStart(5)} | ${edits} | ${f.runMs.toFixed(0).padStart(6)}  ${f.computeMs.toFixed(0).padStart(10)}`,
    );
  }
  const last = out.at(-1);
  if (last) {
    const recomputes = out.flatMap((f) => [f.repeatCalls, ...f.edits.map((e) => e.calls)]);
    const worst = Math.max(...recomputes);
    // The stamp note (getRange + setNote) is written by the day's first recompute and when the
    // time zone changes (the Settings edit here changes it), not by the ledger's size: left
    // out of the comparison across sizes.
    const noteless = (e: EditFigures) => e.calls - 2 * (e.byMethod['Range.setNote'] ?? 0);
    const worstNoteless = Math.max(...out.flatMap((f) => [f.repeatCalls, ...f.edits.map(noteless)]));
    const sizes = new Set(out.map((f) => f.edits.map(noteless).join(',')));
    const typicalEdit = out.flatMap((f) =>
      f.edits.filter((e) => e.tab === PAYMENTS.name).map((e) => e.calls),
    );
    const payment = Math.max(...typicalEdit);
    const first = Math.max(...out.map((f) => f.coldCalls));
    console.log(
      `goal 2 (issue 15): ≤ ${GOAL_CALLS} Sheets calls per recompute, independent of size: a typed payment ${payment} (${BEFORE_BY_NAME.payment} before, ${BEFORE_CALLS.edit} before any cache; ${(payment / GOAL_CALLS).toFixed(2)}× the goal); worst edit or recompute ${worstNoteless} without the stamp note, ${(worstNoteless / GOAL_CALLS).toFixed(2)}× the goal (${worstNoteless <= GOAL_CALLS ? 'met' : 'not met'}), ${worst} with it, ${(worst / GOAL_CALLS).toFixed(2)}× (${worst <= GOAL_CALLS ? 'met' : 'not met'}; ${BEFORE_BY_NAME.worst} before); ${sizes.size === 1 ? 'the same at every size (the stamp note aside)' : 'NOT the same at every size'}; the first run after an hour or a layout change: ${first} (${BEFORE_BY_NAME.first} before)`,
    );
    judged({
      goal: 2,
      what: 'Sheets calls, a typed payment',
      target: `≤ ${GOAL_CALLS}`,
      figure: String(payment),
      ratio: payment / GOAL_CALLS,
      before: `${BEFORE_BY_NAME.payment} at 20baa85 (${BEFORE_CALLS.edit} before any cache)`,
    });
    judged({
      goal: 2,
      what: 'Sheets calls, worst edit (day note aside)',
      target: `≤ ${GOAL_CALLS}`,
      figure: `${worstNoteless} (${worst} with the day's note)`,
      ratio: worstNoteless / GOAL_CALLS,
      before: `${BEFORE_BY_NAME.worstNoteless} (${BEFORE_BY_NAME.worst} with the note) at 20baa85`,
    });
    for (const e of last.edits) {
      console.log(
        `  edit on ${e.tab.padEnd(13)} ${String(e.calls).padStart(2)} calls${e.byMethod['Range.setNote'] ? ` (${noteless(e)} + 2 for the stamp note)` : ''}, tabs read: ${e.tabsRead.length > 0 ? e.tabsRead.join(', ') : 'none'}`,
      );
    }
    const typical = last.edits.find((e) => e.tab === PAYMENTS.name);
    if (typical) console.log(`  calls by method, edit on Payments: ${JSON.stringify(typical.byMethod)}`);
    console.log(`  calls by method, first recompute: ${JSON.stringify(last.byMethod)}`);
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
