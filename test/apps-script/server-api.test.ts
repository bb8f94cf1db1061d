/**
 * The sidebar's server handlers in the bundled Code.js, called as google.script.run calls
 * them (plain JSON in and out): each writes only what its action owns.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { SidebarView } from '../../apps-script/src/api.ts';
import { createSpreadsheet } from './fakes/spreadsheet-model.ts';
import type { SpreadsheetModel } from './fakes/spreadsheet-model.ts';
import { ensureBundleBuilt, loadBundle, openEvent } from './harness.ts';
import { col, NOW, rowsOf, TODAY, userCells } from './ledger-helpers.ts';

beforeAll(async () => {
  await ensureBundleBuilt();
});

async function demo() {
  const loaded = await loadBundle({ now: NOW, spreadsheet: createSpreadsheet() });
  loaded.app.loadDemoData();
  loaded.fakes.endExecution();
  loaded.calls.reset();
  return loaded;
}

/** User cells that changed between two snapshots, as `Tab!row,col` keys. */
function changed(before: Map<string, unknown>, book: SpreadsheetModel): string[] {
  const after = userCells(book);
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((k) => before.get(k) !== after.get(k)).sort();
}

function rowOf(book: SpreadsheetModel, tab: string, id: string): number {
  return rowsOf(book.sheet(tab)).findIndex((r) => r.ID === id) + 2;
}

describe('the sidebar’s server handlers', () => {
  it('getSidebarView answers plain JSON with the report, the ledger rows and the trigger', async () => {
    const { fromSidebarCall, fakes } = await demo();
    const called = fakes.clock.now();
    const view = fromSidebarCall('getSidebarView') as SidebarView;
    expect(view.today).toBe(TODAY);
    expect(view.report.milestones.length).toBeGreaterThan(20);
    expect(view.clients.length).toBeGreaterThan(5);
    expect(view.problems.length).toBeGreaterThan(0);
    // "Now" of the call: the clock moves on by each call's modelled cost (fakes/runtime.ts).
    expect(Date.parse(view.recomputedAt ?? '')).toBeGreaterThanOrEqual(called);
    expect(Date.parse(view.recomputedAt ?? '')).toBeLessThanOrEqual(fakes.clock.now());
    expect(view.dailyTrigger).toBeNull();
    // The demo leaves Locale to the spreadsheet's own.
    expect(view.locale).toBe('en_US');
  });

  it('recordPayment appends one Payments row, IDs kept as text, and answers a fresh view', async () => {
    const { fakes, fromSidebarCall } = await demo();
    const book = fakes.spreadsheet;
    const before = userCells(book);
    const payments = book.sheet('Payments');
    const row = payments.lastRow() + 1;
    const out = fromSidebarCall('recordPayment', {
      milestone: 'vr-1/2',
      amount: 250.5,
      date: '2026-03-01',
      method: '=HYPERLINK("x")',
    }) as { result: null; view: SidebarView };
    expect(out.result).toBeNull();
    expect(changed(before, book).every((k) => k.startsWith(`Payments!${row},`))).toBe(true);
    const added = rowsOf(payments).at(-1);
    expect(added).toMatchObject({ Milestone: 'VR-1/2', Amount: 250.5, Method: '=HYPERLINK("x")', Note: '' });
    expect(payments.formula(row, col(payments, 'Method'))).toBe('');
    expect(out.view.payments.some((p) => p.milestone === 'VR-1/2' && p.amount === 25050)).toBe(true);
  });

  // Issue 18 item 5: 2026-02-30 was written with success, so were 1e308 and payments on a
  // cancelled milestone.
  it('recordPayment refuses an impossible date, an unsafe amount and a closed milestone, writing nothing', async () => {
    const { fakes, fromSidebarCall } = await demo();
    const view = fromSidebarCall('getSidebarView') as SidebarView;
    const paid = view.report.milestones.find((m) => m.stage === 'paid')?.id ?? '';
    expect(paid).not.toBe('');
    const before = userCells(fakes.spreadsheet);
    const pay = (input: Record<string, unknown>) =>
      fromSidebarCall('recordPayment', { milestone: 'SB-2', amount: 100, date: '2026-03-01', ...input });
    expect(() => pay({ date: '2026-02-30' })).toThrow(/date: not a real calendar date/);
    expect(() => pay({ date: '2026-13-01' })).toThrow(/not a real calendar date/);
    expect(() => pay({ amount: 1e308 })).toThrow(/too large to count exactly: nothing was recorded/);
    expect(() => pay({ amount: 1e14 })).toThrow(/too large/);
    expect(() => pay({ amount: 12.345 })).toThrow(/more decimals than EUR allows/);
    expect(() => pay({ milestone: 'KM-2' })).toThrow(/KM-2 is cancelled: nothing was recorded/);
    expect(() => pay({ milestone: 'LD-3' })).toThrow(/LD-3 is written off: nothing was recorded/);
    expect(() => pay({ milestone: 'VR-1' })).toThrow(/replaced by a payment plan/);
    expect(() => pay({ milestone: paid })).toThrow(/already paid in full/);
    expect(changed(before, fakes.spreadsheet)).toEqual([]);
    // A real date, a safe amount and an open milestone still go through.
    expect(() => pay({ date: '2028-02-29' })).not.toThrow();
  });

  it('rejects a bad input with a message, writing nothing', async () => {
    const { fakes, fromSidebarCall } = await demo();
    const before = userCells(fakes.spreadsheet);
    expect(() =>
      fromSidebarCall('recordPayment', { milestone: 'SB-2', amount: -5, date: '2026-03-01' }),
    ).toThrow(/amount/);
    expect(() =>
      fromSidebarCall('recordPayment', { milestone: 'NOPE', amount: 5, date: '2026-03-01' }),
    ).toThrow(/not in the Milestones tab/);
    expect(() => fromSidebarCall('writeOffMilestone', { milestone: 'SB-2' })).toThrow(/confirm/);
    expect(changed(before, fakes.spreadsheet)).toEqual([]);
  });

  it('setMilestoneStatus writes that milestone’s Status cell and nothing else', async () => {
    const { fakes, fromSidebarCall } = await demo();
    const book = fakes.spreadsheet;
    const before = userCells(book);
    const ms = book.sheet('Milestones');
    const row = rowOf(book, 'Milestones', 'NW-3');
    const out = fromSidebarCall('setMilestoneStatus', { milestone: 'NW-3', status: 'Disputed' }) as {
      view: SidebarView;
    };
    expect(changed(before, book)).toEqual([`Milestones!${row},${col(ms, 'Status')}`]);
    expect(out.view.report.milestones.find((m) => m.id === 'NW-3')?.stage).toBe('disputed');
    fromSidebarCall('setMilestoneStatus', { milestone: 'NW-3', status: '' });
    expect(changed(before, book)).toEqual([]);
    // A Paid milestone is the user's to change, not the sidebar's.
    expect(() =>
      fromSidebarCall('setMilestoneStatus', { milestone: 'SB-1', status: 'On hold' }),
    ).not.toThrow();
  });

  it('Mark disputed writes the reason to an empty Status note, formula-safe; resuming leaves it', async () => {
    const { fakes, fromSidebarCall } = await demo();
    const book = fakes.spreadsheet;
    const before = userCells(book);
    const ms = book.sheet('Milestones');
    const row = rowOf(book, 'Milestones', 'NW-3');
    const reason = '=IMPORTXML("x") says the report was late (email 3 Mar)';
    const out = fromSidebarCall('setMilestoneStatus', {
      milestone: 'NW-3',
      status: 'Disputed',
      note: `  ${reason} `,
    }) as { view: SidebarView };
    expect(changed(before, book)).toEqual(
      [`Milestones!${row},${col(ms, 'Status')}`, `Milestones!${row},${col(ms, 'Status note')}`].sort(),
    );
    expect(ms.get(row, col(ms, 'Status note'))).toBe(reason);
    expect(ms.formula(row, col(ms, 'Status note'))).toBe('');
    expect(out.view.statusNotes['NW-3']).toBe(reason);
    // Resume clears the Status only: the reason stays in the row's history.
    fromSidebarCall('setMilestoneStatus', { milestone: 'NW-3', status: '' });
    expect(changed(before, book)).toEqual([`Milestones!${row},${col(ms, 'Status note')}`]);
    expect(ms.get(row, col(ms, 'Status note'))).toBe(reason);
  });

  it('Mark disputed never overwrites a Status note the user typed, and refuses a note elsewhere', async () => {
    const { fakes, fromSidebarCall } = await demo();
    const book = fakes.spreadsheet;
    const ms = book.sheet('Milestones');
    const row = rowOf(book, 'Milestones', 'NW-3');
    ms.set(row, col(ms, 'Status note'), 'Client says: scope changed (call 2 Mar)');
    const before = userCells(book);
    expect(() =>
      fromSidebarCall('setMilestoneStatus', { milestone: 'NW-3', status: 'Disputed', note: 'Late' }),
    ).toThrow(/already has a Status note \(Milestones row \d+\): nothing was changed/);
    expect(() =>
      fromSidebarCall('setMilestoneStatus', { milestone: 'NW-3', status: 'On hold', note: 'Why' }),
    ).toThrow(/A note goes with Mark disputed only/);
    expect(() =>
      fromSidebarCall('setMilestoneStatus', {
        milestone: 'NW-3',
        status: 'Disputed',
        note: 'x'.repeat(2001),
      }),
    ).toThrow(/note/);
    expect(changed(before, book)).toEqual([]);
    // Without a reason the status alone is set, and the typed note stays as it was.
    fromSidebarCall('setMilestoneStatus', { milestone: 'NW-3', status: 'Disputed' });
    expect(changed(before, book)).toEqual([`Milestones!${row},${col(ms, 'Status')}`]);
    expect(ms.get(row, col(ms, 'Status note'))).toBe('Client says: scope changed (call 2 Mar)');
  });

  it('Mark disputed with a reason on a sheet without the Status note column says to run Set up ledger', async () => {
    const { fakes, fromSidebarCall } = await demo();
    const book = fakes.spreadsheet;
    const ms = book.sheet('Milestones');
    ms.set(1, col(ms, 'Status note'), 'My remarks');
    const before = userCells(book);
    expect(() =>
      fromSidebarCall('setMilestoneStatus', { milestone: 'NW-3', status: 'Disputed', note: 'Late' }),
    ).toThrow(/no "Status note" column\. Run Payladder → Set up ledger to add it/);
    expect(changed(before, book)).toEqual([]);
  });

  it('logPromise appends one Promises row: today, the milestone, its client, amount, by, Source sidebar', async () => {
    const { fakes, fromSidebarCall } = await demo();
    const book = fakes.spreadsheet;
    const promises = book.sheet('Promises');
    const before = userCells(book);
    const row = promises.lastRow() + 1;
    const out = fromSidebarCall('logPromise', {
      milestone: 'km-1',
      by: '2026-03-09',
      amount: 500,
      note: '=HYPERLINK("x") on the phone',
    }) as { result: null; view: SidebarView };
    expect(out.result).toBeNull();
    expect(changed(before, book).every((k) => k.startsWith(`Promises!${row},`))).toBe(true);
    const added = rowsOf(promises).at(-1);
    expect(added).toMatchObject({
      Milestone: 'KM-1',
      Client: 'Kestrel Media GmbH',
      Amount: 500,
      Source: 'sidebar',
      Note: '=HYPERLINK("x") on the phone',
    });
    expect(promises.formula(row, col(promises, 'Note'))).toBe('');
    // Both days are dates in the sheet, as a typed date would be.
    expect(added?.Date).toBeInstanceOf(Object);
    expect(added?.['Promised by']).toBeInstanceOf(Object);
    const km1 = out.view.report.milestones.find((m) => m.id === 'KM-1');
    expect(km1?.stage).toBe('promised');
    expect(km1?.promise).toMatchObject({ by: '2026-03-09', amount: 50000, state: 'open', date: TODAY });
    // No amount: everything outstanding, an empty Amount cell.
    fromSidebarCall('logPromise', { milestone: 'KM-3', by: TODAY });
    expect(rowsOf(promises).at(-1)).toMatchObject({ Milestone: 'KM-3', Amount: '', Source: 'sidebar' });
  });

  it('logPromise refuses a past day, more than is owed, a closed milestone and bad input, writing nothing', async () => {
    const { fakes, fromSidebarCall } = await demo();
    const before = userCells(fakes.spreadsheet);
    const promise = (input: Record<string, unknown>) =>
      fromSidebarCall('logPromise', { milestone: 'KM-1', by: '2026-03-09', ...input });
    expect(() => promise({ by: '2026-03-01' })).toThrow(/before today \(2026-03-02\)/);
    expect(() => promise({ by: '2026-02-30' })).toThrow(/not a real calendar date/);
    expect(() => promise({ amount: 1e9 })).toThrow(/more than is outstanding/);
    expect(() => promise({ amount: 1.234 })).toThrow(/not an amount in EUR/);
    expect(() => promise({ amount: -5 })).toThrow(/amount/);
    expect(() => promise({ milestone: 'KM-2' })).toThrow(/KM-2 is cancelled: there is nothing to promise/);
    expect(() => promise({ milestone: 'NOPE' })).toThrow(/not in the Milestones tab/);
    expect(() => promise({ note: 'x'.repeat(2001) })).toThrow(/note/);
    expect(changed(before, fakes.spreadsheet)).toEqual([]);
  });

  it('writeOffMilestone sets Written off on that row only', async () => {
    const { fakes, fromSidebarCall } = await demo();
    const book = fakes.spreadsheet;
    const before = userCells(book);
    const row = rowOf(book, 'Milestones', 'LD-1');
    fromSidebarCall('writeOffMilestone', { milestone: 'LD-1', confirm: true });
    expect(changed(before, book)).toEqual([`Milestones!${row},${col(book.sheet('Milestones'), 'Status')}`]);
    expect(book.sheet('Milestones').get(row, col(book.sheet('Milestones'), 'Status'))).toBe('Written off');
  });

  it('previews a payment plan without writing, then creates it: new rows, the original Renegotiated', async () => {
    const { fakes, fromSidebarCall } = await demo();
    const book = fakes.spreadsheet;
    const before = userCells(book);
    const input = { milestone: 'GD-1', instalments: 3, interval: 'monthly', start: '2026-03-09' };
    const preview = fromSidebarCall('previewPaymentPlan', input) as {
      rows: { id: string; dueDate: string }[];
    };
    expect(preview.rows.map((r) => r.id)).toEqual(['GD-1/1', 'GD-1/2', 'GD-1/3']);
    expect(changed(before, book)).toEqual([]);
    const out = fromSidebarCall('createPaymentPlan', input) as { view: SidebarView };
    const ms = rowsOf(book.sheet('Milestones'));
    expect(ms.filter((r) => String(r.ID).startsWith('GD-1/')).map((r) => r.Stage)).toEqual([
      'upcoming',
      'current',
      'current',
    ]);
    expect(ms.find((r) => r.ID === 'GD-1')?.Status).toBe('Renegotiated');
    expect(out.view.report.milestones.find((m) => m.id === 'GD-1')?.stage).toBe('renegotiated');
  });

  it("previews a plan's warnings in the sidebar's language: Italian for an Italian ledger (issue 12)", async () => {
    const { fakes, fromSidebarCall } = await demo();
    const settings = fakes.spreadsheet.sheet('Settings');
    const language = rowsOf(settings).findIndex((r) => r.Setting === 'Default language');
    expect(language).toBeGreaterThanOrEqual(0);
    // A start before today: the one warning every plan can be given.
    const input = { milestone: 'GD-1', instalments: 3, interval: 'monthly', start: '2026-02-01' };
    const english = fromSidebarCall('previewPaymentPlan', input) as { warnings: string[] };
    expect(english.warnings).toEqual(
      expect.arrayContaining([expect.stringMatching(/^The first instalment is due on/)]),
    );
    settings.set(language + 2, col(settings, 'Value'), 'it');
    const italian = fromSidebarCall('previewPaymentPlan', input) as { warnings: string[] };
    expect(italian.warnings).toHaveLength(english.warnings.length);
    expect(italian.warnings).toEqual(
      expect.arrayContaining(['La prima rata scade il 2026-02-01, prima di oggi.']),
    );
    for (const w of italian.warnings) expect(w).not.toMatch(/\b(the|instalments?|before today)\b/i);
  });

  it('createPaymentPlan creates nothing when the ledger changed since the preview it was given', async () => {
    const { fakes, fromSidebarCall } = await demo();
    const book = fakes.spreadsheet;
    const input = { milestone: 'GD-1', instalments: 3, interval: 'monthly', start: '2026-03-09' };
    type Preview = { rows: { id: string; dueDate: string; amount: number }[] };
    const shown = (fromSidebarCall('previewPaymentPlan', input) as Preview).rows;
    fromSidebarCall('recordPayment', { milestone: 'GD-1', amount: 300, date: TODAY });
    const before = userCells(book);
    expect(() => fromSidebarCall('createPaymentPlan', { ...input, expected: shown })).toThrow(
      /The ledger changed since the preview, so the plan would differ: nothing was created/,
    );
    expect(changed(before, book)).toEqual([]);
    const fresh = (fromSidebarCall('previewPaymentPlan', input) as Preview).rows;
    expect(fresh.map((r) => r.amount)).not.toEqual(shown.map((r) => r.amount));
    fromSidebarCall('createPaymentPlan', { ...input, expected: fresh });
    expect(rowsOf(book.sheet('Milestones')).filter((r) => String(r.ID).startsWith('GD-1/'))).toHaveLength(3);
  });

  it('draftReminder drafts once for a client, and refuses a second draft for the same day', async () => {
    const { fakes, fromSidebarCall } = await demo();
    const out = fromSidebarCall('draftReminder', { client: 'Kestrel Media GmbH' }) as {
      result: { draftId: string; to: string[]; milestones: string[] };
    };
    expect(out.result.to).toEqual(['rechnungen@kestrel.example.de']);
    expect(fakes.gmail.live()).toHaveLength(1);
    // The message is now drafted and waiting in Gmail: a second click does not draft it again.
    expect(() => fromSidebarCall('draftReminder', { client: 'Kestrel Media GmbH' })).toThrow(
      /already drafted and waiting in Gmail/,
    );
    expect(fakes.gmail.live()).toHaveLength(1);
  });

  it('exportPack answers the client’s pack with escaped HTML, its notes and two CSVs', async () => {
    const { fromSidebarCall } = await demo();
    const pack = fromSidebarCall('exportPack', { client: 'Harbor & Pine LLC' }) as {
      html: string;
      notes: string;
      statementCsv: string;
      chasingCsv: string;
      filename: string;
    };
    expect(pack.html).toContain('Harbor &amp; Pine LLC');
    expect(pack.html).not.toContain('Harbor & Pine');
    expect(pack.notes).toContain('<h2>Bad debt and tax</h2>');
    expect(pack.statementCsv.split('\r\n')[0]).toMatch(/^Date,Currency,Kind,/);
    expect(pack.chasingCsv.split('\r\n')[0]).toMatch(/^Date,Kind,Stage,Channel,/);
    expect(pack.filename).toMatch(/Harbor-Pine-LLC/);
  });

  it('selectCell and jumpToMilestone move the selection to the row', async () => {
    const { fakes, fromSidebarCall } = await demo();
    const book = fakes.spreadsheet;
    fromSidebarCall('jumpToMilestone', { milestone: 'KM-3' });
    expect(book.activeRange?.box.row).toBe(rowOf(book, 'Milestones', 'KM-3'));
    fromSidebarCall('selectCell', { tab: 'Clients', row: 3, column: 'Terms' });
    expect(book.activeRange).toMatchObject({
      sheetId: book.sheet('Clients').sheetId,
      box: { row: 3, column: col(book.sheet('Clients'), 'Terms'), numRows: 1, numColumns: 1 },
    });
  });
});

describe('the menu and the sidebar', () => {
  it('has every action in a Payladder menu, each pointing at a global of the bundle', async () => {
    const { app, fakes, missingMenuTargets } = await loadBundle({
      now: NOW,
      spreadsheet: createSpreadsheet(),
    });
    app.onOpen(openEvent(fakes));
    expect(fakes.ui.menus[0]?.caption).toBe('Payladder');
    expect(fakes.ui.items().map((i) => i.functionName)).toEqual([
      'showSidebar',
      'setupLedger',
      'loadDemoData',
      'recomputeLedger',
      'draftDueReminders',
      'installDailyTrigger',
      'removeDailyTrigger',
      'paymentPlanForSelection',
      'documentationPackForSelection',
    ]);
    expect(missingMenuTargets()).toEqual([]);
  });

  it('goes under Extensions as an Editor add-on, onInstall included, even before authorization', async () => {
    const { app, fakes, calls } = await loadBundle({
      now: NOW,
      spreadsheet: createSpreadsheet(),
      installationSource: 'WEB_STORE_ADD_ON',
      authMode: 'NONE',
    });
    app.onInstall(openEvent(fakes) as unknown as GoogleAppsScript.Events.AddonOnInstall);
    expect(fakes.ui.menus[0]?.caption).toBeNull();
    expect(calls.count('SpreadsheetApp.getActiveSpreadsheet')).toBe(0);
  });

  it('shows the sidebar from sidebar.html, titled Payladder, 300 wide', async () => {
    const { app, fakes } = await loadBundle({
      now: NOW,
      spreadsheet: createSpreadsheet(),
      htmlFiles: { sidebar: '<div id="app"></div>' },
    });
    app.showSidebar();
    expect(fakes.ui.dialogs).toEqual([
      expect.objectContaining({
        kind: 'sidebar',
        title: 'Payladder',
        html: expect.objectContaining({ width: 300 }),
      }),
    ]);
  });

  it('makes a payment plan for the selected milestone from the menu', async () => {
    const { app, fakes } = await demo();
    const book = fakes.spreadsheet;
    book.activeSheetId = book.sheet('Milestones').sheetId;
    book.activeRange = {
      sheetId: book.sheet('Milestones').sheetId,
      box: { row: rowOf(book, 'Milestones', 'GD-1'), column: 3, numRows: 1, numColumns: 1 },
    };
    fakes.ui.answer('OK', '2').answer('OK');
    app.paymentPlanForSelection();
    expect(rowsOf(book.sheet('Milestones')).filter((r) => String(r.ID).startsWith('GD-1/'))).toHaveLength(2);
    expect(fakes.ui.alerts.at(-1)?.prompt).toMatch(/GD-1\/1/);
  });

  it('shows the documentation pack of the selected client', async () => {
    const { app, fakes } = await demo();
    const book = fakes.spreadsheet;
    book.activeRange = {
      sheetId: book.sheet('Clients').sheetId,
      box: { row: 2, column: 1, numRows: 1, numColumns: 1 },
    };
    app.documentationPackForSelection();
    expect(fakes.ui.dialogs.at(-1)).toMatchObject({
      kind: 'modal',
      title: expect.stringMatching(/^Documentation pack: /),
    });
  });
});
