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

/**
 * After an edit that had to read the ledger afresh: one full read (the spreadsheet's settings
 * asked once), SB-3 paid or not as the live tabs say, no typed cell changed, every computed
 * cell the core's.
 */
function expectFullRead(
  book: SpreadsheetModel,
  calls: CallLog,
  before: ReturnType<typeof userCells>,
  expected: { sb3Paid: boolean },
): void {
  expect(calls.count('Spreadsheet.getSpreadsheetTimeZone')).toBe(1);
  if (expected.sb3Paid) expect(stageOf(book, 'SB-3')).toBe('paid');
  else expect(stageOf(book, 'SB-3')).not.toBe('paid');
  expect(userCells(book)).toEqual(before);
  expectComputedCurrent(book);
}

describe('The tab layout cached between edits', () => {
  it('is stored in document properties, small, and lets the next edit read each tab at its position', async () => {
    const { fakes, calls, edit } = await demo();
    const stored = fakes.properties.document.values.get(LAYOUT_KEY);
    expect(stored).toBeDefined();
    expect(Buffer.byteLength(stored ?? '', 'utf8')).toBeLessThan(MAX_PROPERTY_VALUE);
    payInFull(fakes.spreadsheet);
    edit('Payments');
    expect(stageOf(fakes.spreadsheet, 'SB-3')).toBe('paid');
    // The tabs listed once, none found by name, no settings asked for.
    expect(calls.count('Spreadsheet.getSheets')).toBe(1);
    expect(calls.count('Spreadsheet.getSheetByName')).toBe(0);
    expect(calls.count('Spreadsheet.getSpreadsheetTimeZone')).toBe(0);
    expect(calls.count('Spreadsheet.getSpreadsheetLocale')).toBe(0);
    expect(calls.count('SpreadsheetApp.getActiveSpreadsheet')).toBe(0);
    // Named: the edited tab (from the event) and the tab written (Milestones).
    expect(calls.list('Sheet.getName').map((e) => e.target)).toEqual(['Payments', 'Milestones']);
    // Settings and Rates come from the cache; Templates is never read.
    expect(calls.list('Sheet.getSheetValues').map((e) => e.target)).toEqual([
      'Clients',
      'Milestones',
      'Payments',
      'Reminders',
      'Promises',
    ]);
    expect(sheetsCalls(calls)).toBeLessThanOrEqual(12 + 2 * calls.count('Range.setNote'));
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

  it('sees a tab renamed between two edits and a new one in its place: the renamed Payments no longer counts', async () => {
    const { fakes, calls, edit, live } = await demo();
    const book = fakes.spreadsheet;
    edit('Milestones');
    payInFull(book);
    // The year's payments archived, a fresh Payments tab started.
    live((s) => {
      s.getSheetByName('Payments')?.setName('Old payments');
      s.insertSheet('Payments')
        .getRange(1, 1, 1, 5)
        .setValues([['Date', 'Milestone', 'Amount', 'Method', 'Note']]);
    });
    const before = userCells(book);
    edit('Milestones');
    // A full read found the ledger as it is now: the new Payments is empty, SB-3 not paid.
    expectFullRead(book, calls, before, { sb3Paid: false });
    // And the layout now names the tabs as they are.
    const stored = fakes.properties.document.values.get(LAYOUT_KEY) ?? '';
    expect(stored).not.toMatch(/Old payments/);
    expect(stored).toMatch(/"Payments"/);
  });

  it('sees a renamed tab once it is edited: the next edit reads the ledger afresh', async () => {
    const { fakes, calls, edit, live } = await demo();
    const book = fakes.spreadsheet;
    edit('Milestones');
    live((s) => s.getSheetByName('Payments')?.setName('Old payments'));
    payInFull(book, 'Old payments');
    edit('Old payments');
    // Not a ledger tab now: nothing read or written.
    expect(calls.count('Sheet.getSheetValues')).toBe(0);
    expect(calls.count('Range.setValues')).toBe(0);
    const before = userCells(book);
    edit('Milestones');
    expectFullRead(book, calls, before, { sb3Paid: false });
  });

  it('sees a tab only renamed at the next full read (the sidebar), and every edit after it does', async () => {
    const { app, fakes, calls, edit, live } = await demo();
    const book = fakes.spreadsheet;
    edit('Milestones');
    payInFull(book);
    // Renamed, nothing else: same count, same place, same header. An edit reads it where it
    // is until a full read (layout-cache.ts says why); the sidebar's read is one.
    live((s) => s.getSheetByName('Payments')?.setName('Old payments'));
    (app as { getSidebarView(): unknown }).getSidebarView();
    expect(storedLayout(fakes)?.tabs.payments).toBeUndefined();
    const before = userCells(book);
    edit('Milestones');
    expectFullRead(book, calls, before, { sb3Paid: false });
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

  it('reads the ledger afresh after a tab was moved, then at the new positions', async () => {
    const { fakes, calls, edit } = await demo();
    const book = fakes.spreadsheet;
    edit('Milestones');
    // Drag Payments to the front: every tab before it moves one place on.
    const payments = book.sheet('Payments');
    book.sheets.splice(book.sheets.indexOf(payments), 1);
    book.sheets.unshift(payments);
    payInFull(book);
    const before = userCells(book);
    edit('Payments');
    // The headers were not where the layout had them: a full read, the tabs listed once.
    expect(calls.count('Spreadsheet.getSheets')).toBe(1);
    expectFullRead(book, calls, before, { sb3Paid: true });
    // The layout stored then has the new positions: the next edit is a fast one.
    book.sheet('Milestones').set(2, col(book.sheet('Milestones'), 'Amount'), 1234);
    edit('Milestones');
    expect(calls.count('Spreadsheet.getSpreadsheetTimeZone')).toBe(0);
    expect(calls.count('Sheet.getSheetValues')).toBe(5);
    expectComputedCurrent(book);
  });

  it('reads the ledger afresh after two tabs it only reads swapped places', async () => {
    const { fakes, calls, edit } = await demo();
    const book = fakes.spreadsheet;
    edit('Milestones');
    // Neither edited nor written: only their header rows tell the swap.
    const payments = book.sheet('Payments');
    const reminders = book.sheet('Reminders');
    const [i, j] = [book.sheets.indexOf(payments), book.sheets.indexOf(reminders)];
    book.sheets[i] = reminders;
    book.sheets[j] = payments;
    payInFull(book);
    const ms = book.sheet('Milestones');
    ms.set(2, col(ms, 'Amount'), 1234);
    const before = userCells(book);
    edit('Milestones');
    expectFullRead(book, calls, before, { sb3Paid: true });
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
    // Loading the demo wrote today's note; the note names the day only, so nothing new.
    expect(calls.count('Range.setNote')).toBe(0);
    // A part payment: SB-3's Paid to date changes.
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

/** The value of a setting in the Settings tab, changed as the user would type it. */
function setSetting(book: SpreadsheetModel, name: string, value: string | number): void {
  const tab = book.sheet('Settings');
  const row = tab.values().findIndex((r) => r[col(tab, 'Setting') - 1] === name) + 1;
  if (row < 1) throw new Error(`no setting ${name}`);
  tab.set(row, col(tab, 'Value'), value);
}

function storedLayout(fakes: { properties: { document: { values: Map<string, string> } } }) {
  return JSON.parse(fakes.properties.document.values.get(LAYOUT_KEY) ?? 'null') as {
    tabs: Record<string, { name: string; index: number; twin: boolean }>;
    values: Record<string, unknown>;
  } | null;
}

const PAYMENTS_HEADER = ['Date', 'Milestone', 'Amount', 'Method', 'Note'];

describe('The positions in the cached layout, checked against the live sheet', () => {
  it('reads the ledger afresh when a tab was inserted before the ledger tabs, then at the new positions', async () => {
    const { fakes, calls, edit, live } = await demo();
    const book = fakes.spreadsheet;
    edit('Milestones');
    // A tab of the user's own, first in the tab bar, with a header of its own.
    live((s) =>
      s
        .insertSheet('Notes', 0)
        .getRange(1, 1, 1, 2)
        .setValues([['Date', 'Thought']]),
    );
    payInFull(book);
    const before = userCells(book);
    edit('Payments');
    expectFullRead(book, calls, before, { sb3Paid: true });
    expect(storedLayout(fakes)?.tabs.payments?.index).toBe(book.sheets.indexOf(book.sheet('Payments')));
    const ms = book.sheet('Milestones');
    ms.set(2, col(ms, 'Amount'), 1234);
    edit('Milestones');
    expect(calls.count('Spreadsheet.getSpreadsheetTimeZone')).toBe(0);
    expectComputedCurrent(book);
  });

  it('never reads an archived copy with the same header in place of the real tab, whatever their order', async () => {
    const { fakes, calls, edit, live } = await demo();
    const book = fakes.spreadsheet;
    // Last year's payments, same header, one of them settling SB-3.
    live((s) =>
      s
        .insertSheet('Payments 2025')
        .getRange(1, 1, 2, 5)
        .setValues([PAYMENTS_HEADER, ['2025-12-01', 'SB-3', 600, 'transfer', '']]),
    );
    edit('Milestones');
    // The twin was seen by the full read: Payments is found by name from now on.
    expect(storedLayout(fakes)?.tabs.payments?.twin).toBe(true);
    // The user drags the copy into Payments' place and Payments into the copy's.
    const real = book.sheet('Payments');
    const copy = book.sheet('Payments 2025');
    const [i, j] = [book.sheets.indexOf(real), book.sheets.indexOf(copy)];
    book.sheets[i] = copy;
    book.sheets[j] = real;
    const ms = book.sheet('Milestones');
    ms.set(2, col(ms, 'Amount'), 1234);
    const before = userCells(book);
    edit('Milestones');
    expect(calls.count('Spreadsheet.getSpreadsheetTimeZone')).toBe(0); // no full read needed
    expect(calls.list('Spreadsheet.getSheetByName').map((e) => e.args?.[0])).toEqual(['Payments']);
    expect(calls.list('Sheet.getSheetValues').map((e) => e.target)).not.toContain('Payments 2025');
    // SB-3 has no payment in the real Payments tab.
    expect(stageOf(book, 'SB-3')).not.toBe('paid');
    expect(userCells(book)).toEqual(before);
    expectComputedCurrent(book);
  });

  it('sees a ledger header pasted into a tab of the user’s own, then that tab moved into a ledger tab’s place', async () => {
    const { fakes, edit, live } = await demo();
    const book = fakes.spreadsheet;
    live((s) =>
      s
        .insertSheet('Scratch')
        .getRange(1, 1, 1, 2)
        .setValues([['Idea', 'When']]),
    );
    edit('Milestones');
    expect(storedLayout(fakes)?.tabs.payments?.twin).toBe(false);
    // Payments' header and a payment pasted into Scratch: an edit on a tab no recompute reads.
    const scratch = book.sheet('Scratch');
    PAYMENTS_HEADER.forEach((h, c) => scratch.set(1, c + 1, h));
    scratch.set(2, 1, '2026-02-01');
    scratch.set(2, 2, 'SB-3');
    scratch.set(2, 3, 600);
    edit('Scratch');
    // Then Scratch dragged into Payments' place, and Payments into Scratch's: same count.
    const real = book.sheet('Payments');
    const [i, j] = [book.sheets.indexOf(real), book.sheets.indexOf(scratch)];
    book.sheets[i] = scratch;
    book.sheets[j] = real;
    const before = userCells(book);
    edit('Milestones');
    expect(stageOf(book, 'SB-3')).not.toBe('paid');
    expect(userCells(book)).toEqual(before);
    expectComputedCurrent(book);
  });

  it('costs two Sheets calls for an edit on a tab of the user’s own, and reads the ledger afresh at the next edit', async () => {
    const { fakes, calls, edit, live } = await demo();
    const book = fakes.spreadsheet;
    live((s) => s.insertSheet('Scratch').getRange(1, 1).setValue('Idea'));
    edit('Milestones');
    book.sheet('Scratch').set(2, 1, 'call the bank');
    edit('Scratch');
    expect(sheetsCalls(calls)).toBe(2);
    expect(calls.count('Sheet.getSheetValues')).toBe(0);
    expect(fakes.properties.document.values.get('payladder.edit.other')).toBeDefined();
    payInFull(book);
    edit('Payments');
    expect(calls.count('Spreadsheet.getSpreadsheetTimeZone')).toBe(1);
    expectComputedCurrent(book);
    // Stored afresh after that edit: the next is a fast one again.
    payInFull(book);
    edit('Payments');
    expect(calls.count('Spreadsheet.getSpreadsheetTimeZone')).toBe(0);
    expectComputedCurrent(book);
  });
});

describe('Settings, Rates and Change orders kept in the cached layout', () => {
  it('updates the cached Settings on an edit of Settings: the next edit on Payments uses the new value', async () => {
    const { fakes, calls, edit } = await demo();
    const book = fakes.spreadsheet;
    edit('Payments');
    setSetting(book, 'Default language', 'it');
    edit('Settings');
    expect(calls.list('Sheet.getSheetValues').map((e) => e.target)).toContain('Settings');
    expect(calls.cellsWritten).toBeGreaterThan(0); // the Problems cells now in Italian
    expectComputedCurrent(book);
    payInFull(book);
    edit('Payments');
    // Settings not read again: the cache has the new value.
    expect(calls.list('Sheet.getSheetValues').map((e) => e.target)).not.toContain('Settings');
    expect(stageOf(book, 'SB-3')).toBe('paid');
    expectComputedCurrent(book);
  });

  it('reads Settings at the next edit when the edit of Settings found the lock taken', async () => {
    const { fakes, calls, edit } = await demo();
    const book = fakes.spreadsheet;
    edit('Payments');
    setSetting(book, 'Default language', 'it');
    fakes.locks.document.holdElsewhere();
    edit('Settings');
    expect(calls.count('Range.setValues')).toBe(0); // skipped: another run holds the lock
    fakes.locks.document.releaseElsewhere();
    payInFull(book);
    edit('Payments');
    expect(calls.list('Sheet.getSheetValues').map((e) => e.target)).toContain('Settings');
    expectComputedCurrent(book);
  });

  it('leaves out of the cache what does not fit in a property, and reads those tabs at each edit', async () => {
    const { fakes, calls, edit } = await demo();
    const book = fakes.spreadsheet;
    // A long payment details text: Settings alone is over the 8 KB the layout may take.
    setSetting(book, 'Payment details', 'IBAN IT60 X054 2811 1010 0000 0123 456. '.repeat(250));
    edit('Settings');
    const stored = fakes.properties.document.values.get(LAYOUT_KEY) ?? '';
    expect(Buffer.byteLength(stored, 'utf8')).toBeLessThan(MAX_PROPERTY_VALUE);
    expect(storedLayout(fakes)?.values).toEqual({});
    setSetting(book, 'Default language', 'it');
    payInFull(book);
    edit('Payments');
    // Read live, so the new language is used although no edit of Settings was seen.
    expect(calls.list('Sheet.getSheetValues').map((e) => e.target)).toContain('Settings');
    expect(calls.list('Sheet.getSheetValues').map((e) => e.target)).toContain('Change orders');
    expect(stageOf(book, 'SB-3')).toBe('paid');
    expectComputedCurrent(book);
  });
});
