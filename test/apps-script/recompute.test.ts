/**
 * Recompute in the bundled Code.js: the computed columns equal the core's report, problems
 * land in their rows, only computed cells are written, in a constant number of calls.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { RawLedger } from '../../shared/index.ts';
import {
  buildReport,
  cellText,
  computedValues,
  demoLedger,
  MILESTONE_COMPUTED,
  problemText,
} from '../../shared/index.ts';
import type { CallLog } from './fakes/call-log.ts';
import { createSpreadsheet } from './fakes/spreadsheet-model.ts';
import type { SpreadsheetModel } from './fakes/spreadsheet-model.ts';
import { ensureBundleBuilt, loadBundle } from './harness.ts';
import { col, NOW, rowsOf, seedsOf, TODAY, userCells } from './ledger-helpers.ts';

beforeAll(async () => {
  await ensureBundleBuilt();
});

/** The demo ledger, set up, as the fakes hold it, its computed cells emptied again. */
async function demo(now = NOW) {
  const loaded = await loadBundle({ now, spreadsheet: createSpreadsheet() });
  loaded.app.loadDemoData();
  const ms = loaded.fakes.spreadsheet.sheet('Milestones');
  for (const header of MILESTONE_COMPUTED) {
    const c = col(ms, header);
    for (let r = 2; r <= ms.lastRow(); r++) ms.set(r, c, '');
  }
  loaded.calls.reset();
  return loaded;
}

function raw(book: SpreadsheetModel): RawLedger {
  return Object.fromEntries(book.sheets.map((s) => [s.name, s.values()]));
}

/**
 * The event a simple onEdit gets: `range` (the edited cell) and `source` (the Spreadsheet)
 * (https://developers.google.com/apps-script/guides/triggers/events#edit). Made without
 * counting: Apps Script builds it, the script does not pay for it.
 */
function onEditEvent(_book: SpreadsheetModel, context: object, tab: string, calls?: CallLog) {
  const app = (context as { SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp }).SpreadsheetApp;
  const make = () => {
    const source = app.getActiveSpreadsheet();
    return { range: source.getSheetByName(tab)?.getRange(2, 1), source };
  };
  return (calls ? calls.uncounted(make) : make()) as unknown as GoogleAppsScript.Events.SheetsOnEdit;
}

describe('Recompute', () => {
  it('writes exactly the core’s report into the computed columns', async () => {
    const { app, fakes } = await demo();
    const book = fakes.spreadsheet;
    app.recomputeLedger();
    const { report, ledger } = buildReport(raw(book), TODAY, {
      locale: book.locale,
      timeZone: book.timeZone,
    });
    const ms = book.sheet('Milestones');
    expect(report.milestones.length).toBeGreaterThan(20);
    for (const m of report.milestones) {
      const expected = computedValues(m, ledger.settings.defaultLanguage, ledger.settings.locale);
      for (const header of MILESTONE_COMPUTED) {
        const cell = ms.get(m.row, col(ms, header));
        expect(cellText(cell, book.timeZone), `${m.id} ${header}`).toBe(String(expected[header]));
      }
    }
  });

  it('puts problems in their own row’s Problems cell, rows the parser left out included', async () => {
    const { app, fakes } = await demo();
    const book = fakes.spreadsheet;
    const ms = book.sheet('Milestones');
    const row = ms.lastRow() + 1;
    // A row the parser must leave out: an unknown client and an amount that is not one.
    ms.set(row, col(ms, 'ID'), 'BAD-1');
    ms.set(row, col(ms, 'Client'), 'Nobody Ltd');
    ms.set(row, col(ms, 'Amount'), 'lots');
    app.recomputeLedger();
    const problems = String(ms.get(row, col(ms, 'Problems')));
    expect(problems).toMatch(/Nobody Ltd/);
    expect(ms.get(row, col(ms, 'Stage'))).toBe('');
    const { report, ledger } = buildReport(raw(book), TODAY, {
      locale: book.locale,
      timeZone: book.timeZone,
    });
    const { defaultLanguage, locale } = ledger.settings;
    for (const p of report.problems.filter((x) => x.tab === 'Milestones' && x.row !== null && x.row > 1)) {
      const text = problemText(p, defaultLanguage, locale);
      expect(String(ms.get(p.row as number, col(ms, 'Problems'))), `row ${p.row}`).toContain(text.message);
    }
  });

  it('writes the Problems cell in the ledger’s language: Italian for an Italian ledger (issue 12)', async () => {
    const { app, fakes } = await demo();
    const book = fakes.spreadsheet;
    const settings = book.sheet('Settings');
    const language = rowsOf(settings).findIndex((r) => r.Setting === 'Default language');
    expect(language).toBeGreaterThanOrEqual(0);
    settings.set(language + 2, col(settings, 'Value'), 'it');
    const ms = book.sheet('Milestones');
    const row = ms.lastRow() + 1;
    ms.set(row, col(ms, 'ID'), 'BAD-IT');
    ms.set(row, col(ms, 'Client'), 'Nessuno Srl');
    ms.set(row, col(ms, 'Amount'), 100);
    app.recomputeLedger();
    const cell = String(ms.get(row, col(ms, 'Problems')));
    expect(cell).toContain('Il cliente "Nessuno Srl" non è nella scheda Clients.');
    expect(cell).not.toMatch(/\b(the|is|not|Add)\b/);
  });

  it('writes only computed cells, one setValues per contiguous block, and leaves every typed cell', async () => {
    const { app, fakes, calls } = await demo();
    const book = fakes.spreadsheet;
    const before = userCells(book);
    app.recomputeLedger();
    expect(userCells(book)).toEqual(before);
    const ms = book.sheet('Milestones');
    const first = col(ms, 'Paid to date');
    const writes = calls.list('Range.setValues');
    expect(writes).toHaveLength(1);
    expect(writes[0]?.target).toMatch(new RegExp(`^Milestones!`));
    expect(calls.count('Range.setValue')).toBe(0);
    expect(calls.count('Sheet.appendRow')).toBe(0);
    const block = writes[0]?.args[0] as unknown[][];
    expect(block[0]).toHaveLength(MILESTONE_COMPUTED.length);
    const last = first + MILESTONE_COMPUTED.length - 1;
    expect(writes[0]?.target).toBe(
      `Milestones!${String.fromCharCode(64 + first)}2:${String.fromCharCode(64 + last)}${ms.lastRow()}`,
    );
  });

  it('writes nothing the second time when nothing changed, and little after one edit', async () => {
    const { app, fakes, calls } = await demo();
    app.recomputeLedger();
    calls.reset();
    app.recomputeLedger();
    expect(calls.count('Range.setValues')).toBe(0);
    expect(calls.cellsWritten).toBe(0);
    const ms = fakes.spreadsheet.sheet('Milestones');
    const row = rowsOf(ms).findIndex((r) => r.ID === 'SB-3') + 2;
    ms.set(row, col(ms, 'Status'), 'Paid');
    calls.reset();
    app.recomputeLedger();
    expect(calls.cellsWritten).toBe(MILESTONE_COMPUTED.length);
    expect(ms.get(row, col(ms, 'Stage'))).toBe('paid');
  });

  it('keeps the computed columns right when the user reorders columns', async () => {
    const { app, fakes } = await demo();
    const ms = fakes.spreadsheet.sheet('Milestones');
    // Move Stage in front of everything, as a user dragging the column would.
    ms.insertColumns(1, 1);
    const old = col(ms, 'Stage');
    for (let r = 1; r <= ms.lastRow(); r++) {
      ms.set(r, 1, ms.get(r, old));
      ms.set(r, old, '');
    }
    const before = userCells(fakes.spreadsheet);
    app.recomputeLedger();
    expect(userCells(fakes.spreadsheet)).toEqual(before);
    const sb1 = rowsOf(ms).find((r) => r.ID === 'SB-1');
    expect(sb1?.Stage).toBe('paid');
  });

  it('stamps when it last ran on the Stage header, never in a user cell', async () => {
    const { app, fakes } = await demo();
    app.recomputeLedger();
    const ms = fakes.spreadsheet.sheet('Milestones');
    expect(ms.note(1, col(ms, 'Stage'))).toMatch(/^Payladder recomputed 2026-03-02 \(Europe\/Rome\)/);
    expect(fakes.spreadsheet.toasts.at(-1)?.title).toBe('Payladder recomputed');
  });

  // Issue 15: the note says the day only, so an edit that changes the counts (a payment
  // closing a milestone) writes no note: two Sheets calls saved on every edit of the day.
  it('writes the stamp note once a day, not on every edit that changes a count', async () => {
    const { app, fakes, calls, context } = await demo();
    const book = fakes.spreadsheet;
    app.recomputeLedger();
    const ms = book.sheet('Milestones');
    const before = ms.note(1, col(ms, 'Stage'));
    const pay = book.sheet('Payments');
    const row = pay.lastRow() + 1;
    pay.set(row, col(pay, 'Date'), '2026-03-01');
    pay.set(row, col(pay, 'Milestone'), String(ms.get(2, col(ms, 'ID'))));
    pay.set(row, col(pay, 'Amount'), Number(ms.get(2, col(ms, 'Amount'))));
    calls.reset();
    app.onEdit(onEditEvent(book, context, 'Payments') as GoogleAppsScript.Events.SheetsOnEdit);
    expect(calls.list('Range.setValues').length).toBeGreaterThan(0);
    expect(calls.list('Range.setNote')).toHaveLength(0);
    expect(ms.note(1, col(ms, 'Stage'))).toBe(before);
  });

  // Issue 15: an edit reads only the tabs the computed columns depend on.
  it('reads Templates never on an edit, and Change orders only when a milestone names one', async () => {
    const { app, fakes, calls, context } = await demo();
    const book = fakes.spreadsheet;
    const ms = book.sheet('Milestones');
    const tabsRead = () => calls.list('Sheet.getSheetValues').map((e) => e.target ?? '');
    for (let r = 2; r <= ms.lastRow(); r++) ms.set(r, col(ms, 'Change order'), '');
    calls.reset();
    app.onEdit(onEditEvent(book, context, 'Payments') as GoogleAppsScript.Events.SheetsOnEdit);
    expect(tabsRead().join(' ')).not.toMatch(/Templates|Change orders/);
    expect(tabsRead().join(' ')).toMatch(/Milestones/);
    expect(ms.note(1, col(ms, 'Stage'))).toBe(
      'Payladder recomputed 2026-03-02 (Europe/Rome).\nThe columns from Paid to date to Problems are computed: edit the others.',
    );

    ms.set(2, col(ms, 'Change order'), 'CO-404');
    calls.reset();
    app.onEdit(onEditEvent(book, context, 'Milestones') as GoogleAppsScript.Events.SheetsOnEdit);
    // Change orders is small and only the user edits it: its values come from the cached
    // layout (layout-cache.ts) when they fit there, from the tab otherwise.
    expect(tabsRead().join(' ')).not.toMatch(/Templates/);
    // The reference is checked against the tab it names: an unknown one is a problem.
    expect(String(ms.get(2, col(ms, 'Problems')))).toMatch(/CO-404/);
    // A known one is checked against its row there (CO-2 is not signed): the Problems cells
    // say what the core says of the whole ledger.
    ms.set(3, col(ms, 'Change order'), 'CO-2');
    app.onEdit(onEditEvent(book, context, 'Milestones') as GoogleAppsScript.Events.SheetsOnEdit);
    const { report, ledger } = buildReport(raw(book), TODAY, {
      locale: book.locale,
      timeZone: book.timeZone,
    });
    const { defaultLanguage, locale } = ledger.settings;
    const row3 = report.problems.filter((x) => x.tab === 'Milestones' && x.row === 3);
    expect(row3.length).toBeGreaterThan(0);
    for (const p of row3)
      expect(String(ms.get(3, col(ms, 'Problems')))).toContain(
        problemText(p, defaultLanguage, locale).message,
      );
  });

  it('never writes into a Milestones tab renamed between two edits', async () => {
    const { app, fakes, calls, context } = await demo();
    const book = fakes.spreadsheet;
    app.onEdit(onEditEvent(book, context, 'Payments') as GoogleAppsScript.Events.SheetsOnEdit);
    const ms = book.sheet('Milestones');
    const stage = col(ms, 'Stage');
    ms.set(2, stage, '');
    calls.uncounted(() =>
      (
        context as { SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp }
      ).SpreadsheetApp.getActiveSpreadsheet()
        .getSheetByName('Milestones')
        ?.setName('Milestones 2025'),
    );
    calls.reset();
    app.onEdit(onEditEvent(book, context, 'Payments') as GoogleAppsScript.Events.SheetsOnEdit);
    expect(calls.count('Range.setValues')).toBe(0);
    expect(ms.get(2, stage)).toBe('');
  });

  it('recomputes on an edit in a ledger tab, and not on one in the user’s own tabs', async () => {
    const { app, fakes, calls, context } = await demo();
    app.recomputeLedger();
    calls.reset();
    fakes.spreadsheet.seedSheet({ name: 'My notes', rows: [['x']] });
    app.onEdit(onEditEvent(fakes.spreadsheet, context, 'My notes') as GoogleAppsScript.Events.SheetsOnEdit);
    expect(calls.count('Sheet.getSheetValues')).toBe(0);
    // The user types a payment that settles SB-3.
    const pay = fakes.spreadsheet.sheet('Payments');
    const row = pay.lastRow() + 1;
    pay.set(row, col(pay, 'Date'), '2026-03-01');
    pay.set(row, col(pay, 'Milestone'), 'SB-3');
    pay.set(row, col(pay, 'Amount'), 600);
    app.onEdit(onEditEvent(fakes.spreadsheet, context, 'Payments') as GoogleAppsScript.Events.SheetsOnEdit);
    expect(calls.count('Sheet.getSheetValues')).toBeGreaterThan(0);
    const ms = fakes.spreadsheet.sheet('Milestones');
    expect(rowsOf(ms).find((r) => r.ID === 'SB-3')?.Stage).toBe('paid');
    expect(calls.count('Range.setValues')).toBe(1);
    expect(calls.count('Lock.releaseLock')).toBe(1);
  });

  it('waits for the lock and writes nothing while another run holds it', async () => {
    const { app, fakes, calls } = await demo();
    fakes.locks.document.holdElsewhere();
    fakes.ui.answer('OK');
    app.recomputeLedger();
    expect(calls.count('Range.setValues')).toBe(0);
    expect(fakes.ui.alerts.at(-1)?.prompt).toMatch(/busy/);
  });

  it('makes the same few SpreadsheetApp calls at every ledger size', async () => {
    const counts: number[] = [];
    for (const size of [10, 300]) {
      const rows = demoLedger(TODAY);
      const milestones = rows.Milestones ?? [];
      const [header = [], ...data] = milestones;
      const many = Array.from({ length: size }, (_, i) => {
        const r = [...(data[i % data.length] ?? [])];
        r[0] = `GEN-${i}`;
        return r;
      });
      const book = createSpreadsheet({ sheets: seedsOf({ ...rows, Milestones: [header, ...many] }) });
      const { app, calls } = await loadBundle({ now: NOW, spreadsheet: book });
      app.setupLedger();
      calls.reset();
      app.recomputeLedger();
      const sheetsCalls = ['SpreadsheetApp', 'Spreadsheet', 'Sheet', 'Range'].reduce(
        (n, s) => n + calls.count(s),
        0,
      );
      counts.push(sheetsCalls);
    }
    expect(counts[0]).toBe(counts[1]);
  });
});
