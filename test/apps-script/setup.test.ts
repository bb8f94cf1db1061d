/**
 * "Set up ledger" and "Load demo data", run in the bundled Code.js against the fakes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  columnLetter,
  MILESTONE_COMPUTED,
  SETTING_NAMES,
  STAGES,
  TABS,
  stageLook,
} from '../../shared/index.ts';
import { createSpreadsheet } from './fakes/spreadsheet-model.ts';
import { ensureBundleBuilt, loadBundle } from './harness.ts';
import { col, NOW, rowsOf, setupState, userCells } from './ledger-helpers.ts';

const DESCRIPTION = 'Payladder: computed columns (recompute writes them; edit the other columns)';

beforeAll(async () => {
  await ensureBundleBuilt();
});

describe('Set up ledger on an empty spreadsheet', () => {
  it('creates every tab with its headers, frozen and styled, after the tabs already there', async () => {
    const { app, fakes } = await loadBundle({
      now: NOW,
      spreadsheet: createSpreadsheet({ locale: 'it_IT' }),
    });
    app.setupLedger();
    const book = fakes.spreadsheet;
    expect(book.sheets.map((s) => s.name)).toEqual(['Sheet1', ...TABS.map((t) => t.name)]);
    for (const spec of TABS) {
      const sheet = book.sheet(spec.name);
      expect(sheet.values()[0]).toEqual(spec.columns.map((c) => c.header));
      expect(sheet.frozenRows).toBe(1);
      expect(sheet.format(1, 1).fontWeight).toBe('bold');
    }
    // The user stays on the tab they were on.
    expect(book.activeSheet().name).toBe('Sheet1');
    expect(fakes.ui.menus).toEqual([]);
    expect(book.toasts.at(-1)?.message).toMatch(/Created tabs: Clients, Milestones/);
  });

  it('starts Settings with every setting, defaults for the sheet’s locale, Locale and Time zone left to the sheet', async () => {
    const { app, fakes } = await loadBundle({
      now: NOW,
      spreadsheet: createSpreadsheet({ locale: 'it_IT' }),
    });
    app.setupLedger();
    const settings = Object.fromEntries(
      rowsOf(fakes.spreadsheet.sheet('Settings')).map((r) => [r.Setting, r.Value]),
    );
    expect(Object.keys(settings)).toEqual([...SETTING_NAMES]);
    expect(settings).toMatchObject({
      'Default currency': 'EUR',
      'Default language': 'it',
      'Default jurisdiction': 'IT',
      'Default terms': 30,
      'Default grace': 30,
      Locale: '',
      'Time zone': '',
      'Statutory interest': 'on',
    });
  });

  it('gives computed columns their own header style and a warning-only protection', async () => {
    const { app, fakes } = await loadBundle({ now: NOW, spreadsheet: createSpreadsheet() });
    app.setupLedger();
    const ms = fakes.spreadsheet.sheet('Milestones');
    const first = col(ms, 'Paid to date');
    const input = col(ms, 'Status');
    expect(ms.format(1, first)).toMatchObject({ fontStyle: 'italic', background: '#dde3ea' });
    expect(ms.format(1, input).fontStyle).not.toBe('italic');
    const protections = fakes.spreadsheet.protections.filter((p) => !p.removed);
    expect(protections).toHaveLength(1);
    expect(protections[0]).toMatchObject({
      type: 'RANGE',
      sheetId: ms.sheetId,
      description: DESCRIPTION,
      warningOnly: true,
      box: { row: 1, column: first, numRows: ms.maxRows, numColumns: MILESTONE_COMPUTED.length },
    });
  });

  it('validates dates, positive amounts and the dropdowns, warning rather than rejecting', async () => {
    const { app, fakes } = await loadBundle({ now: NOW, spreadsheet: createSpreadsheet() });
    app.setupLedger();
    const book = fakes.spreadsheet;
    const rule = (tab: string, header: string) =>
      book.sheet(tab).validation(2, col(book.sheet(tab), header))?.spec;
    expect(rule('Milestones', 'Due date')).toMatchObject({
      criteria: 'DATE_IS_VALID_DATE',
      allowInvalid: true,
    });
    expect(rule('Milestones', 'Amount')).toMatchObject({ criteria: 'NUMBER_GREATER_THAN', values: [0] });
    expect(rule('Milestones', 'Status')?.values[0]).toEqual([
      'Paid',
      'Disputed',
      'On hold',
      'Renegotiated',
      'Written off',
      'Cancelled',
    ]);
    expect(rule('Clients', 'Language')?.values[0]).toEqual(['en', 'it']);
    expect(rule('Clients', 'Business')?.values[0]).toEqual(['company', 'sole_trader', 'consumer']);
    expect(rule('Clients', 'Jurisdiction')?.values[0]).toEqual(
      expect.arrayContaining(['IT', 'GB-ENG', 'US-CA', 'EU']),
    );
    expect(rule('Milestones', 'Client')).toMatchObject({
      criteria: 'VALUE_IN_RANGE',
      values: ['Clients!A2:A1000', true],
    });
    expect(rule('Payments', 'Milestone')).toMatchObject({
      criteria: 'VALUE_IN_RANGE',
      values: ['Milestones!A2:A1000', true],
    });
    expect(rule('Reminders', 'Milestone')).toMatchObject({
      criteria: 'VALUE_IN_RANGE',
      values: ['Milestones!A2:A1000', true],
    });
    expect(rule('Reminders', 'Channel')?.values[0]).toEqual([
      'gmail',
      'email',
      'post',
      'pec',
      'registered',
      'phone',
      'draft',
    ]);
    // Down to the last row, never on the header or a computed column.
    const ms = book.sheet('Milestones');
    expect(ms.validation(ms.maxRows, col(ms, 'Amount'))).not.toBeNull();
    expect(ms.validation(1, col(ms, 'Amount'))).toBeNull();
    expect(ms.validation(2, col(ms, 'Outstanding'))).toBeNull();
    // An ID column never offers itself as a dropdown.
    expect(ms.validation(2, col(ms, 'ID'))).toBeNull();
  });

  it('colours Milestones by stage, keyed to the Stage column, with Days overdue shaded first', async () => {
    const { app, fakes } = await loadBundle({ now: NOW, spreadsheet: createSpreadsheet() });
    app.setupLedger();
    const ms = fakes.spreadsheet.sheet('Milestones');
    const stage = columnLetter(col(ms, 'Stage'));
    const days = columnLetter(col(ms, 'Days overdue'));
    const rules = ms.conditionalRules.map((r) => r.spec);
    const last = columnLetter(ms.values()[0]?.length ?? 0);
    // Lateness first: in Sheets the first matching rule wins.
    expect(rules.slice(0, 4).map((r) => [r.criteria, r.values[0], r.ranges])).toEqual([
      ['NUMBER_GREATER_THAN', 90, [`Milestones!${days}2:${days}1000`]],
      ['NUMBER_GREATER_THAN', 60, [`Milestones!${days}2:${days}1000`]],
      ['NUMBER_GREATER_THAN', 30, [`Milestones!${days}2:${days}1000`]],
      ['NUMBER_GREATER_THAN', 0, [`Milestones!${days}2:${days}1000`]],
    ]);
    const rowRules = rules.filter((r) => r.ranges[0] === `Milestones!A2:${last}1000`);
    expect(rowRules.map((r) => r.values[0])).toContain(`=$${stage}2="reminder"`);
    for (const r of rules.slice(4))
      expect(String(r.values[0])).toMatch(new RegExp(`^=\\$${stage}2="[a-z_]+"$`));
    // One colour per stage: no two stages share a row colour.
    const colours = rowRules.map((r) => r.background);
    expect(new Set(colours).size).toBe(colours.length);
    expect(rowRules.length).toBe(15);
  });

  it("paints each Stage cell in the stage's own colours (stageLook, as on every surface)", async () => {
    const { app, fakes } = await loadBundle({ now: NOW, spreadsheet: createSpreadsheet() });
    app.setupLedger();
    const ms = fakes.spreadsheet.sheet('Milestones');
    const stage = columnLetter(col(ms, 'Stage'));
    const cellRules = ms.conditionalRules
      .map((r) => r.spec)
      .filter((r) => r.ranges[0] === `Milestones!${stage}2:${stage}1000`);
    const painted = cellRules.map((r) => [String(r.values[0]), r.background, r.fontColor]);
    // `current` is left plain: nothing is due.
    expect(painted).toEqual(
      STAGES.filter((s) => s !== 'current').map((s) => [
        `=$${stage}2="${s}"`,
        stageLook[s].color,
        stageLook[s].text,
      ]),
    );
  });

  it("replaces the rules an earlier palette wrote, and keeps the user's own", async () => {
    const { app, fakes, context } = await loadBundle({ now: NOW, spreadsheet: createSpreadsheet() });
    app.setupLedger();
    const api = (context as { SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp }).SpreadsheetApp;
    const ms = fakes.spreadsheet.sheet('Milestones');
    const stage = columnLetter(col(ms, 'Stage'));
    fakes.calls.uncounted(() => {
      const sheet = api.getActiveSpreadsheet().getSheetByName('Milestones');
      if (!sheet) throw new Error('no tab');
      const rule = (formula: string, background: string) =>
        api
          .newConditionalFormatRule()
          .whenFormulaSatisfied(formula)
          .setBackground(background)
          .setRanges([sheet.getRange(`${stage}2:${stage}1000`)])
          .build();
      // Setup before issue 12: follow-up in Okabe–Ito yellow, demand in reddish purple.
      sheet.setConditionalFormatRules([
        rule(`=$${stage}2="followup"`, '#f0e442'),
        rule(`=$${stage}2="demand"`, '#cc79a7'),
        rule(`=$${stage}2="demand"`, '#123456'),
        ...sheet.getConditionalFormatRules(),
      ]);
    });
    app.setupLedger();
    const backgrounds = ms.conditionalRules.map((r) => r.spec.background);
    expect(backgrounds).not.toContain('#cc79a7');
    expect(backgrounds.filter((b) => b === '#123456')).toHaveLength(1);
    expect(backgrounds.filter((b) => b === stageLook.demand.color)).toHaveLength(1);
  });

  it('changes nothing when run again', async () => {
    const { app, fakes, calls } = await loadBundle({ now: NOW, spreadsheet: createSpreadsheet() });
    app.setupLedger();
    const once = setupState(fakes.spreadsheet);
    calls.reset();
    app.setupLedger();
    expect(setupState(fakes.spreadsheet)).toEqual(once);
    expect(calls.count('Spreadsheet.insertSheet')).toBe(0);
    expect(fakes.spreadsheet.toasts.at(-1)?.message).toMatch(/already set up/);
  });
});

describe('Set up ledger on a messy existing spreadsheet', () => {
  const messy = () =>
    createSpreadsheet({
      locale: 'en_US',
      sheets: [
        { name: 'Notes', rows: [['Call Acme on Monday'], ['=SUM(1,2)']] },
        {
          name: 'clients',
          rows: [
            ['client', 'My rating', 'EMAILS', 'Terms'],
            ['Acme', 5, 'ap@acme.example.com', 30],
          ],
        },
        {
          name: 'MILESTONES ',
          rows: [
            ['Client', 'id', 'Amount', 'Internal memo', 'Due date', 'Stage'],
            ['Acme', 'A-1', 1200, 'call first', '2026-01-15', 'stale value'],
            ['Acme', '007', 50, '', 'not a date', ''],
          ],
        },
        { name: 'Reminders', rows: [['Sent', 'Milestone']] },
      ],
    });

  it('adds missing tabs and columns at the end and leaves the user’s tabs, columns and cells alone', async () => {
    const { app, fakes } = await loadBundle({ now: NOW, spreadsheet: messy() });
    const before = userCells(fakes.spreadsheet);
    const notes = fakes.spreadsheet.sheet('Notes').values();
    app.setupLedger();
    const book = fakes.spreadsheet;
    expect(book.sheets.map((s) => s.name)).toEqual([
      'Notes',
      'clients',
      'MILESTONES ',
      'Reminders',
      'Payments',
      'Change orders',
      'Promises',
      'Templates',
      'Rates',
      'Settings',
    ]);
    expect(book.sheet('Rates').values()[0]).toEqual(['Law', 'From', 'Reference rate', 'Source']);
    expect((book.sheet('clients').values()[0] ?? []).slice(-4)).toEqual([
      'Legal name',
      'Address',
      'Company number',
      'VAT number',
    ]);
    expect(book.sheet('Notes').values()).toEqual(notes);
    const ms = book.sheet('MILESTONES ');
    const header = ms.values()[0] ?? [];
    expect(header.slice(0, 6)).toEqual(['Client', 'id', 'Amount', 'Internal memo', 'Due date', 'Stage']);
    expect(header.slice(6)).toEqual([
      'Project',
      'Description',
      'Currency',
      'Invoice',
      'Invoice date',
      'Status',
      'Change order',
      'Status note',
      'Paid to date',
      'Outstanding',
      'Days overdue',
      'Next action',
      'Next action on',
      'Late interest',
      'Compensation',
      'Problems',
    ]);
    expect((book.sheet('clients').values()[0] ?? []).slice(0, 4)).toEqual([
      'client',
      'My rating',
      'EMAILS',
      'Terms',
    ]);
    // Every typed cell is still there, unchanged (the Stage column is computed: recompute owns it).
    const after = userCells(book);
    for (const [key, value] of before) expect(after.get(key), key).toEqual(value);
    // The stage colours key to the user's own Stage column, where it is.
    expect(ms.conditionalRules.map((r) => r.spec.values[0])).toContain('=$F2="reminder"');
  });

  it('changes nothing when run again, and keeps the user’s own formatting rules', async () => {
    const { app, fakes, context } = await loadBundle({ now: NOW, spreadsheet: messy() });
    app.setupLedger();
    // The user adds a rule of their own between runs.
    const userRule = (context as { SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp })
      .SpreadsheetApp;
    fakes.calls.uncounted(() => {
      const sheet = userRule.getActiveSpreadsheet().getSheetByName('MILESTONES ');
      if (!sheet) throw new Error('no tab');
      const rule = userRule
        .newConditionalFormatRule()
        .whenTextEqualTo('call first')
        .setBackground('#00ff00')
        .setRanges([sheet.getRange('D2:D10')])
        .build();
      sheet.setConditionalFormatRules([...sheet.getConditionalFormatRules(), rule]);
    });
    const once = setupState(fakes.spreadsheet);
    app.setupLedger();
    expect(setupState(fakes.spreadsheet)).toEqual(once);
    const backgrounds = fakes.spreadsheet.sheet('MILESTONES ').conditionalRules.map((r) => r.spec.background);
    expect(backgrounds.filter((b) => b === '#00ff00')).toHaveLength(1);
  });
});

describe('Load demo data', () => {
  it('fills an empty ledger with the core’s demo ledger and recomputes it', async () => {
    const { app, fakes } = await loadBundle({ now: NOW, spreadsheet: createSpreadsheet() });
    app.loadDemoData();
    const book = fakes.spreadsheet;
    const ms = rowsOf(book.sheet('Milestones'));
    expect(ms.length).toBeGreaterThan(20);
    expect(ms.every((r) => r.Stage !== '' || r.Problems !== '')).toBe(true);
    expect(rowsOf(book.sheet('Clients')).map((r) => r.Client)).toContain('Studio Bianchi Architetti');
    // IDs stay text, dates become dates.
    expect(ms.find((r) => r.ID === 'SB-1')?.['Invoice date']).toBeInstanceOf(Object);
    // Every date column of the schema, Promises' included (issue 14: a hand-kept list missed it).
    const promises = rowsOf(book.sheet('Promises'));
    expect(promises.length).toBeGreaterThan(0);
    for (const p of promises) {
      expect(p.Date).toBeInstanceOf(Object);
      expect(p['Promised by']).toBeInstanceOf(Object);
    }
    expect(rowsOf(book.sheet('Clients')).find((r) => r.Contract !== '')?.Contract).toBeInstanceOf(Object);
    const settings = Object.fromEntries(rowsOf(book.sheet('Settings')).map((r) => [r.Setting, r.Value]));
    expect(settings['Your name']).toBe('Alex Morgan');
    expect(settings.Locale).toBe('');
    expect(book.toasts.at(-1)?.message).toMatch(/Demo ledger loaded/);
  });

  it('refuses a ledger that already has rows, changing nothing', async () => {
    const { app, fakes } = await loadBundle({ now: NOW, spreadsheet: createSpreadsheet() });
    app.loadDemoData();
    const once = setupState(fakes.spreadsheet);
    fakes.ui.answer('OK');
    app.loadDemoData();
    expect(fakes.ui.alerts.at(-1)?.prompt).toMatch(/empty ledger only/);
    expect(setupState(fakes.spreadsheet)).toEqual(once);
  });
});
