/**
 * Issue 15, goal 2: the tab layout kept in document properties between edits. An edit finds
 * each tab it reads by its cached name and reads it once; whatever the user did to the tabs
 * between two edits (renamed, moved or deleted a tab, moved or inserted a column), the
 * computed cells written are the core's report of the ledger as it is now, and no typed cell
 * is touched.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { RawLedger } from '../../shared/index.ts';
import { buildReport, cellText, computedValues, MILESTONE_COMPUTED } from '../../shared/index.ts';
import type { CallLog } from './fakes/call-log.ts';
import { createSpreadsheet } from './fakes/spreadsheet-model.ts';
import type { SpreadsheetModel } from './fakes/spreadsheet-model.ts';
import { ensureBundleBuilt, loadBundle } from './harness.ts';
import { col, NOW, TODAY, userCells } from './ledger-helpers.ts';

beforeAll(async () => {
  await ensureBundleBuilt();
});

const LAYOUT_KEY = 'payladder.layout';
const SHEETS_SERVICES = ['SpreadsheetApp', 'Spreadsheet', 'Sheet', 'Range'];
/** Apps Script's limit per property value (https://developers.google.com/apps-script/guides/services/quotas). */
const MAX_PROPERTY_VALUE = 9 * 1024;

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

async function demo() {
  const loaded = await loadBundle({ now: NOW, spreadsheet: createSpreadsheet() });
  loaded.app.loadDemoData();
  const sheetsApp = (loaded.context as { SpreadsheetApp: App }).SpreadsheetApp;
  /** The live spreadsheet as a test hand would touch it: nothing counted. */
  const live = <T>(fn: (book: GoogleAppsScript.Spreadsheet.Spreadsheet) => T): T =>
    loaded.calls.uncounted(() => fn(sheetsApp.getActiveSpreadsheet()));
  /** onEdit as Apps Script calls it after the user typed in `tab` (the event is not counted). */
  const edit = (tab: string) => {
    const event = live((source) => ({ range: source.getSheetByName(tab)?.getRange(2, 1), source }));
    loaded.calls.reset();
    loaded.app.onEdit(event as unknown as GoogleAppsScript.Events.SheetsOnEdit);
  };
  return { ...loaded, live, edit };
}

function raw(book: SpreadsheetModel): RawLedger {
  return Object.fromEntries(book.sheets.map((s) => [s.name, s.values()]));
}

function sheetsCalls(calls: CallLog): number {
  return SHEETS_SERVICES.reduce((n, s) => n + calls.count(s), 0);
}

/** Every computed cell of every milestone equals the core's report of the ledger as it is. */
function expectComputedCurrent(book: SpreadsheetModel, milestonesTab = 'Milestones'): number {
  const { ledger, report } = buildReport(raw(book), TODAY, { locale: book.locale, timeZone: book.timeZone });
  const ms = book.sheet(milestonesTab);
  for (const m of report.milestones) {
    const expected = computedValues(m, ledger.settings.defaultLanguage, ledger.settings.locale);
    for (const header of MILESTONE_COMPUTED) {
      const cell = ms.get(m.row, col(ms, header));
      expect(cellText(cell, book.timeZone), `${m.id} ${header}`).toBe(String(expected[header]));
    }
  }
  return report.milestones.length;
}

/** Types a payment settling SB-3 (600 due), as the user would in the Payments tab. */
function payInFull(book: SpreadsheetModel, tab = 'Payments'): void {
  const pay = book.sheet(tab);
  const row = pay.lastRow() + 1;
  pay.set(row, col(pay, 'Date'), '2026-03-01');
  pay.set(row, col(pay, 'Milestone'), 'SB-3');
  pay.set(row, col(pay, 'Amount'), 600);
}

function stageOf(book: SpreadsheetModel, id: string): unknown {
  const ms = book.sheet('Milestones');
  const row = ms.values().findIndex((r) => r[col(ms, 'ID') - 1] === id) + 1;
  return ms.get(row, col(ms, 'Stage'));
}

describe('The tab layout cached between edits', () => {
  it('is stored in document properties, small, and lets the next edit find tabs by name', async () => {
    const { fakes, calls, edit } = await demo();
    const stored = fakes.properties.document.values.get(LAYOUT_KEY);
    expect(stored).toBeDefined();
    expect(Buffer.byteLength(stored ?? '', 'utf8')).toBeLessThan(MAX_PROPERTY_VALUE);
    payInFull(fakes.spreadsheet);
    edit('Payments');
    expect(stageOf(fakes.spreadsheet, 'SB-3')).toBe('paid');
    // Found by name, read once each: no tab listing, no settings asked for.
    expect(calls.count('Spreadsheet.getSheets')).toBe(0);
    expect(calls.count('Spreadsheet.getSpreadsheetTimeZone')).toBe(0);
    expect(calls.count('Spreadsheet.getSpreadsheetLocale')).toBe(0);
    expect(calls.count('SpreadsheetApp.getActiveSpreadsheet')).toBe(0);
    // Every tab read was found by name, but the edited one, which the event gave.
    expect(calls.count('Spreadsheet.getSheetByName')).toBe(calls.count('Sheet.getSheetValues') - 1);
    expect(calls.list('Sheet.getSheetValues').map((e) => e.target)).not.toContain('Templates');
    expectComputedCurrent(fakes.spreadsheet);
  });

  it('costs the same calls at every ledger size, and none to read on an edit of Templates', async () => {
    const counts: number[] = [];
    for (const extra of [0, 200]) {
      const { fakes, calls, edit } = await demo();
      const ms = fakes.spreadsheet.sheet('Milestones');
      const width = ms.lastColumn();
      const first = ms.values()[1] ?? [];
      for (let i = 0; i < extra; i++) {
        const row = ms.lastRow() + 1;
        for (let c = 1; c <= width; c++) ms.set(row, c, first[c - 1] ?? '');
        ms.set(row, col(ms, 'ID'), `GEN-${i}`);
      }
      edit('Milestones'); // the new rows get their computed cells
      payInFull(fakes.spreadsheet);
      edit('Payments');
      counts.push(sheetsCalls(calls));
      edit('Templates');
      expect(calls.count('Sheet.getSheetValues')).toBe(0);
      expect(calls.count('Range.setValues')).toBe(0);
    }
    expect(counts[0]).toBe(counts[1]);
  });

  it('sees a tab renamed between two edits: the renamed Payments no longer counts', async () => {
    const { fakes, calls, edit, live } = await demo();
    const book = fakes.spreadsheet;
    edit('Milestones');
    payInFull(book);
    live((s) => s.getSheetByName('Payments')?.setName('Old payments'));
    const before = userCells(book);
    edit('Milestones');
    // A full read found the ledger as it is now: no Payments tab, so SB-3 is not paid.
    expect(calls.count('Spreadsheet.getSheets')).toBe(1);
    expect(stageOf(book, 'SB-3')).not.toBe('paid');
    expect(userCells(book)).toEqual(before);
    expectComputedCurrent(book);
    // And the layout now names the tabs as they are.
    expect(fakes.properties.document.values.get(LAYOUT_KEY)).not.toMatch(/Old payments/);
  });

  it('writes nothing into a Milestones tab renamed between two edits', async () => {
    const { fakes, calls, edit, live } = await demo();
    const book = fakes.spreadsheet;
    edit('Payments');
    const ms = book.sheet('Milestones');
    const stage = col(ms, 'Stage');
    ms.set(2, stage, '');
    live((s) => s.getSheetByName('Milestones')?.setName('Milestones 2025'));
    edit('Payments');
    expect(calls.count('Range.setValues')).toBe(0);
    expect(calls.count('Range.setNote')).toBe(0);
    expect(ms.get(2, stage)).toBe('');
  });

  it('follows a moved tab without a full read', async () => {
    const { fakes, calls, edit } = await demo();
    const book = fakes.spreadsheet;
    edit('Milestones');
    // Drag Payments to the front.
    const payments = book.sheet('Payments');
    book.sheets.splice(book.sheets.indexOf(payments), 1);
    book.sheets.unshift(payments);
    payInFull(book);
    const before = userCells(book);
    edit('Payments');
    expect(calls.count('Spreadsheet.getSheets')).toBe(0);
    expect(stageOf(book, 'SB-3')).toBe('paid');
    expect(userCells(book)).toEqual(before);
    expectComputedCurrent(book);
  });

  it('falls back to a full read when a tab it reads was deleted', async () => {
    const { fakes, calls, edit, live } = await demo();
    const book = fakes.spreadsheet;
    edit('Milestones');
    payInFull(book);
    edit('Payments');
    expect(stageOf(book, 'SB-3')).toBe('paid');
    live((s) => {
      const tab = s.getSheetByName('Payments');
      if (tab) s.deleteSheet(tab);
    });
    const before = userCells(book);
    edit('Milestones');
    expect(calls.count('Spreadsheet.getSheets')).toBe(1);
    expect(stageOf(book, 'SB-3')).not.toBe('paid');
    expect(userCells(book)).toEqual(before);
    expectComputedCurrent(book);
  });

  it('writes the right cells after a computed column was moved between two edits', async () => {
    const { fakes, edit } = await demo();
    const book = fakes.spreadsheet;
    edit('Milestones');
    const ms = book.sheet('Milestones');
    // Drag Stage to the front, as a user would.
    ms.insertColumns(1, 1);
    const old = col(ms, 'Stage');
    for (let r = 1; r <= ms.lastRow(); r++) {
      ms.set(r, 1, ms.get(r, old));
      ms.set(r, old, '');
    }
    payInFull(book);
    const before = userCells(book);
    edit('Payments');
    expect(col(ms, 'Stage')).toBe(1);
    expect(stageOf(book, 'SB-3')).toBe('paid');
    expect(userCells(book)).toEqual(before);
    expectComputedCurrent(book);
  });

  it('writes the right cells after a column was inserted before the computed ones', async () => {
    const { fakes, edit } = await demo();
    const book = fakes.spreadsheet;
    edit('Milestones');
    const ms = book.sheet('Milestones');
    const paidTo = col(ms, 'Paid to date');
    // The user's own column, typed into, in front of the computed columns.
    ms.insertColumns(paidTo, 1);
    ms.set(1, paidTo, 'My remarks');
    for (let r = 2; r <= ms.lastRow(); r++) ms.set(r, paidTo, `remark ${r}`);
    payInFull(book);
    const before = userCells(book);
    edit('Payments');
    expect(ms.get(3, paidTo)).toBe('remark 3');
    expect(stageOf(book, 'SB-3')).toBe('paid');
    expect(userCells(book)).toEqual(before);
    expectComputedCurrent(book);
  });

  it('reads the live sheet again once the cached layout is over an hour old', async () => {
    const { fakes, calls, edit } = await demo();
    edit('Milestones');
    const store = fakes.properties.document.values;
    const stored = JSON.parse(store.get(LAYOUT_KEY) ?? '{}') as { at: number };
    store.set(LAYOUT_KEY, JSON.stringify({ ...stored, at: stored.at - 61 * 60 * 1000 }));
    edit('Payments');
    expect(calls.count('Spreadsheet.getSheets')).toBe(1);
    expect(calls.count('Spreadsheet.getSpreadsheetTimeZone')).toBe(1);
    const fresh = JSON.parse(store.get(LAYOUT_KEY) ?? '{}') as { at: number };
    expect(fresh.at).toBeGreaterThan(stored.at - 61 * 60 * 1000);
  });

  it('writes the stamp note only when it would say something new', async () => {
    const { fakes, calls, edit } = await demo();
    edit('Payments');
    expect(calls.count('Range.setNote')).toBe(1); // first edit: "Templates … not checked"
    // A part payment: SB-3's Paid to date changes, no count in the note does.
    const pay = fakes.spreadsheet.sheet('Payments');
    const row = pay.lastRow() + 1;
    pay.set(row, col(pay, 'Date'), '2026-03-01');
    pay.set(row, col(pay, 'Milestone'), 'SB-3');
    pay.set(row, col(pay, 'Amount'), 10);
    edit('Payments');
    expect(calls.count('Range.setValues')).toBe(1);
    expect(calls.count('Range.setNote')).toBe(0);
    const ms = fakes.spreadsheet.sheet('Milestones');
    expect(ms.note(1, col(ms, 'Stage'))).toMatch(/^Payladder recomputed 2026-03-02 /);
  });
});
