import { describe, expect, it } from 'vitest';
import { createFakes, MANIFEST } from './fakes/create-fakes.ts';
import type { FakesOptions } from './fakes/create-fakes.ts';
import { createSpreadsheet } from './fakes/spreadsheet-model.ts';
import { ALL_SCOPES } from './fakes/scopes.ts';

const NOW = '2026-03-02T09:00:00+01:00';

const LEDGER = {
  locale: 'en_GB',
  timeZone: 'Europe/Rome',
  sheets: {
    Clients: [
      ['Client', 'Emails', 'Terms'],
      ['Acme', 'ap@acme.com', 30],
    ],
    Milestones: [
      ['ID', 'Client', 'Amount', 'Due date', 'Paid', 'Problems'],
      ['M1', 'Acme', 1200.5, new Date('2026-01-31T00:00:00+01:00'), false, ''],
      ['M2', 'Acme', '#REF!', '', true, ''],
    ],
  },
};

// These tests are about each fake's own behaviour: every scope the table knows is granted
// and calls cost no modelled time (runtime.test.ts covers both).
function setup(options: FakesOptions = {}) {
  const fakes = createFakes({
    now: NOW,
    spreadsheet: LEDGER,
    oauthScopes: ALL_SCOPES,
    modelTime: false,
    ...options,
  });
  const ss = fakes.services.SpreadsheetApp.getActiveSpreadsheet();
  const sheet = (name: string) => {
    const found = ss.getSheetByName(name);
    if (!found) throw new Error(`no ${name}`);
    return found;
  };
  fakes.calls.reset();
  return { fakes, ss, sheet, calls: fakes.calls, services: fakes.services };
}

/** The message of what `fn` throws, for asserting on Apps Script's wording. */
function thrown(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`;
  }
  throw new Error('expected a throw');
}

describe('call log', () => {
  it('counts each call by method and by service, and cells written', () => {
    const { sheet, calls } = setup();
    const range = sheet('Milestones').getRange('F2:F3');
    range.setValues([['a'], ['b']]);
    range.getValues();
    sheet('Milestones').getRange(1, 1).setValue('ID');

    expect(calls.count('Range.setValues')).toBe(1);
    expect(calls.count('Range.setValue')).toBe(1);
    expect(calls.count('Range')).toBe(3);
    expect(calls.count('Spreadsheet.getSheetByName')).toBe(2);
    expect(calls.total()).toBe(calls.entries.length);
    expect(calls.total()).toBe(7); // 2 getSheetByName, 2 getRange, setValues, getValues, setValue
    expect(calls.cellsWritten).toBe(3);
    expect(calls.list('Range.setValues')[0]).toMatchObject({ target: 'Milestones!F2:F3', cells: 2 });
  });

  it('counts chained calls, and not the fakes calling themselves', () => {
    const { sheet, calls } = setup();
    sheet('Milestones').getRange('A1:B1').setBackground('#eee').setFontWeight('bold').setNote('header');
    expect(calls.byMethod()).toEqual({
      'Range.setBackground': 1,
      'Range.setFontWeight': 1,
      'Range.setNote': 1,
      'Sheet.getRange': 1,
      'Spreadsheet.getSheetByName': 1,
    });
  });

  it('counts a call that throws, with its error', () => {
    const { sheet, calls } = setup();
    expect(() => sheet('Milestones').getRange(0, 1)).toThrow();
    expect(calls.list('Sheet.getRange')[0]?.error).toBe('The starting row of the range is too small.');
  });

  it('reads without counting inside uncounted(), and summarises', () => {
    const { sheet, calls } = setup();
    const values = calls.uncounted(() => sheet('Clients').getDataRange().getValues());
    expect(values).toHaveLength(2);
    expect(calls.total()).toBe(0);
    sheet('Clients').getLastRow();
    expect(calls.summary()).toContain('Sheet.getLastRow');
    expect(calls.summary()).toContain('total: 2 calls, 0 cells written');
  });
});

describe('Range values', () => {
  it('reads cells as Apps Script does: Date, number, boolean, string, "" for empty, errors as text', () => {
    const { sheet } = setup();
    const [m1, m2] = sheet('Milestones').getRange('A2:F3').getValues();
    expect(m1).toEqual(['M1', 'Acme', 1200.5, new Date('2026-01-31T00:00:00+01:00'), false, '']);
    expect(m1?.[3]).toBeInstanceOf(Date);
    expect(m2).toEqual(['M2', 'Acme', '#REF!', '', true, '']);
  });

  it('hands out copies of dates', () => {
    const { sheet, fakes } = setup();
    const range = sheet('Milestones').getRange('D2');
    (range.getValue() as Date).setFullYear(1999);
    expect(fakes.spreadsheet.sheet('Milestones').get(2, 4)).toEqual(new Date('2026-01-31T00:00:00+01:00'));
  });

  it('refuses a setValues whose rows or columns do not match the range, writing nothing', () => {
    const { sheet, fakes, calls } = setup();
    const range = sheet('Milestones').getRange('F2:F3');
    expect(thrown(() => range.setValues([['x']]))).toBe(
      'Exception: The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(thrown(() => range.setValues([['x'], ['y', 'z']]))).toBe(
      'Exception: The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 1.',
    );
    expect(() => range.setValues('x' as unknown as unknown[][])).toThrow(/don't match the method signature/);
    expect(fakes.spreadsheet.sheet('Milestones').get(2, 6)).toBe('');
    expect(calls.cellsWritten).toBe(0);
  });

  it('parses written strings as Sheets does', () => {
    const { fakes } = setup({ spreadsheet: { locale: 'it_IT', timeZone: 'Europe/Rome' } });
    const range = fakes.services.SpreadsheetApp.getActive().getSheets()[0]?.getRange('A1:F1');
    range?.setValues([['007', "'007", '1234,5', '2026-03-02', 'TRUE', '=SUM(A1:C1)']]);
    const row = fakes.spreadsheet.sheet('Sheet1').values()[0];
    expect(row).toEqual([7, '007', 1234.5, new Date('2026-03-02T00:00:00+01:00'), true, '=SUM(A1:C1)']);
    expect(range?.getFormulas()).toEqual([['', '', '', '', '', '=SUM(A1:C1)']]);
  });

  it('fills every cell with setValue and empties with clearContent, keeping notes', () => {
    const { sheet, fakes } = setup();
    const range = sheet('Milestones').getRange('F2:F3');
    range.setNote('computed');
    range.setValue('ok');
    expect(
      fakes.spreadsheet.sheet('Milestones').read({ row: 2, column: 6, numRows: 2, numColumns: 1 }),
    ).toEqual([['ok'], ['ok']]);
    range.clearContent();
    expect(range.getValues()).toEqual([[''], ['']]);
    expect(range.getNotes()).toEqual([['computed'], ['computed']]);
  });

  it('shows display values by locale and number format', () => {
    const { sheet } = setup();
    const range = sheet('Milestones').getRange('C2:D2');
    expect(range.getDisplayValues()).toEqual([['1200.5', '31/01/2026']]);
    range.setNumberFormats([['#,##0.00', 'yyyy-mm-dd']]);
    expect(range.getDisplayValues()).toEqual([['1,200.50', '2026-01-31']]);
  });

  it('answers position, A1 notation and offsets', () => {
    const { sheet } = setup();
    const range = sheet('Milestones').getRange('B2:D3');
    expect([range.getRow(), range.getColumn(), range.getNumRows(), range.getNumColumns()]).toEqual([
      2, 2, 2, 3,
    ]);
    expect([range.getLastRow(), range.getLastColumn(), range.getA1Notation()]).toEqual([3, 4, 'B2:D3']);
    expect(range.offset(1, 1, 1, 1).getA1Notation()).toBe('C3');
    expect(range.getCell(2, 3).getA1Notation()).toBe('D3');
    expect(range.getSheet().getName()).toBe('Milestones');
  });
});

describe('Sheet', () => {
  it('finds the data range and last row and column', () => {
    const { sheet } = setup();
    const milestones = sheet('Milestones');
    expect([milestones.getLastRow(), milestones.getLastColumn()]).toEqual([3, 6]);
    expect(milestones.getDataRange().getA1Notation()).toBe('A1:F3');
    expect([milestones.getMaxRows(), milestones.getMaxColumns()]).toEqual([1000, 26]);
  });

  it('refuses ranges outside the sheet, and reads A1 forms', () => {
    const { sheet, ss } = setup();
    const milestones = sheet('Milestones');
    expect(thrown(() => milestones.getRange(1001, 1))).toBe(
      'Exception: The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(thrown(() => milestones.getRange(1, 1, 0, 1))).toMatch(
      /number of rows in the range must be at least 1/,
    );
    expect(thrown(() => milestones.getRange(1.5, 1))).toBe("Exception: Cannot convert '1.5' to int.");
    expect(() => (milestones.getRange as unknown as (row: number) => unknown)(1)).toThrow(
      /don't match the method signature/,
    );
    expect(milestones.getRange('C:C').getNumRows()).toBe(1000);
    expect(milestones.getRange('2:3').getA1Notation()).toBe('A2:Z3');
    expect(ss.getRange("'Clients'!A2:C2").getValues()).toEqual([['Acme', 'ap@acme.com', 30]]);
    expect(thrown(() => ss.getRange('Nowhere!A1'))).toBe('Exception: Range not found');
  });

  it('appends after the last row with a value, growing a full sheet', () => {
    const spreadsheet = createSpreadsheet({
      sheets: [{ name: 'Reminders', rows: [['Sent', 'Milestone']], maxRows: 1, maxColumns: 2 }],
    });
    const { sheet, calls } = setup({ spreadsheet });
    sheet('Reminders').appendRow(['2026-03-02', 'M1', 'draft']);
    expect(spreadsheet.sheet('Reminders').values()).toEqual([
      ['Sent', 'Milestone', ''],
      [new Date('2026-03-02T00:00:00+01:00'), 'M1', 'draft'],
    ]);
    expect([spreadsheet.sheet('Reminders').maxRows, spreadsheet.sheet('Reminders').maxColumns]).toEqual([
      2, 3,
    ]);
    expect(calls.cellsWritten).toBe(3);
  });

  it('moves values and notes right when columns are inserted', () => {
    const { sheet, fakes } = setup();
    const clients = sheet('Clients');
    clients.getRange('B1').setNote('comma separated');
    clients.insertColumnsAfter(1, 2);
    const model = fakes.spreadsheet.sheet('Clients');
    expect(model.values()).toEqual([
      ['Client', '', '', 'Emails', 'Terms'],
      ['Acme', '', '', 'ap@acme.com', 30],
    ]);
    expect(model.note(1, 4)).toBe('comma separated');
    expect(model.maxColumns).toBe(28);
    expect(() => clients.insertColumnsAfter(99, 1)).toThrow('Those columns are out of bounds.');
  });

  it('keeps frozen rows, widths, protections and conditional formats', () => {
    const { sheet, services, fakes } = setup();
    const milestones = sheet('Milestones');
    milestones.setFrozenRows(1);
    milestones.setColumnWidth(6, 240);
    const protection = milestones.protect().setWarningOnly(true).setDescription('Computed by Payladder');
    expect(protection.isWarningOnly()).toBe(true);
    expect(milestones.protect().getDescription()).toBe('Computed by Payladder');
    expect(milestones.getProtections(services.SpreadsheetApp.ProtectionType.SHEET)).toHaveLength(1);

    const rule = services.SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied('=$E2>0')
      .setBackground('#fde2e2')
      .setFontColor('#9b1c1c')
      .setBold(true)
      .setRanges([milestones.getRange('A2:F1000')])
      .build();
    milestones.setConditionalFormatRules([...milestones.getConditionalFormatRules(), rule]);

    const [stored] = milestones.getConditionalFormatRules();
    expect(stored?.getRanges().map((r) => r.getA1Notation())).toEqual(['A2:F1000']);
    const condition = stored?.getBooleanCondition();
    expect(condition?.getCriteriaType()).toBe(services.SpreadsheetApp.BooleanCriteria.CUSTOM_FORMULA);
    expect([condition?.getCriteriaValues(), condition?.getBackground(), condition?.getBold()]).toEqual([
      ['=$E2>0'],
      '#fde2e2',
      true,
    ]);
    const model = fakes.spreadsheet.sheet('Milestones');
    expect([model.frozenRows, model.columnWidths.get(6)]).toEqual([1, 240]);
    expect(model.conditionalRules[0]?.spec).toMatchObject({
      criteria: 'CUSTOM_FORMULA',
      ranges: ['Milestones!A2:F1000'],
    });
  });

  it('builds data validation and reads it back', () => {
    const { sheet, services, fakes } = setup();
    const milestones = sheet('Milestones');
    const statuses = services.SpreadsheetApp.newDataValidation()
      .requireValueInList(['Paid', 'Disputed', 'On hold'])
      .setAllowInvalid(false)
      .setHelpText('Leave empty to let Payladder work it out')
      .build();
    milestones.getRange('G2:G10').setDataValidation(statuses);
    milestones
      .getRange('D2:D10')
      .setDataValidation(services.SpreadsheetApp.newDataValidation().requireDate().build());
    milestones
      .getRange('B2:B10')
      .setDataValidation(
        services.SpreadsheetApp.newDataValidation()
          .requireValueInRange(sheet('Clients').getRange('A2:A'))
          .build(),
      );

    const rule = milestones.getRange('G5').getDataValidation();
    expect(rule?.getCriteriaType()).toBe(services.SpreadsheetApp.DataValidationCriteria.VALUE_IN_LIST);
    expect(rule?.getCriteriaValues()).toEqual([['Paid', 'Disputed', 'On hold'], true]);
    expect(rule?.getAllowInvalid()).toBe(false);
    expect(rule?.getHelpText()).toBe('Leave empty to let Payladder work it out');
    const model = fakes.spreadsheet.sheet('Milestones');
    expect(model.validation(2, 4)?.spec).toEqual({
      criteria: 'DATE_IS_VALID_DATE',
      values: [],
      allowInvalid: true,
      helpText: null,
    });
    expect(model.validation(3, 2)?.spec.values).toEqual(['Clients!A2:A1000', true]);
    expect(milestones.getRange('G11').getDataValidation()).toBeNull();
  });
});

describe('Spreadsheet', () => {
  it('answers its identity, locale and zone, and finds tabs', () => {
    const { ss } = setup();
    expect([ss.getId(), ss.getSpreadsheetLocale(), ss.getSpreadsheetTimeZone()]).toEqual([
      'fake-spreadsheet-id',
      'en_GB',
      'Europe/Rome',
    ]);
    expect(ss.getUrl()).toBe('https://docs.google.com/spreadsheets/d/fake-spreadsheet-id/edit');
    expect(ss.getOwner()?.getEmail()).toBe('owner@example.com');
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Clients', 'Milestones']);
    expect(ss.getSheetByName('Payments')).toBeNull();
    expect(ss.getSheetByName('clients')).toBeNull();
  });

  it('inserts tabs at an index, activates them, and refuses duplicate names', () => {
    const { ss, fakes } = setup();
    const payments = ss.insertSheet('Payments', 1);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Clients', 'Payments', 'Milestones']);
    expect(payments.getIndex()).toBe(2);
    expect(ss.getActiveSheet().getName()).toBe('Payments');
    expect(thrown(() => ss.insertSheet('payments'))).toBe(
      'Exception: A sheet with the name "payments" already exists. Please enter another name.',
    );
    expect(ss.insertSheet().getName()).toBe('Sheet4');
    ss.getRange('Clients!B2').activate();
    expect(fakes.spreadsheet.activeRange).toEqual({
      sheetId: 0,
      box: { row: 2, column: 2, numRows: 1, numColumns: 1 },
    });
    ss.toast('Ledger recomputed', 'Payladder');
    expect(fakes.spreadsheet.toasts).toEqual([
      { message: 'Ledger recomputed', title: 'Payladder', timeoutSeconds: 5 },
    ]);
  });

  it('opens no other file: the manifest asks for the current spreadsheet only', () => {
    const { services } = setup({ oauthScopes: MANIFEST.oauthScopes });
    expect(() => services.SpreadsheetApp.openById('other')).toThrow(/permissions are not sufficient/);
  });
});

describe('execution context', () => {
  it('lets onOpen in AuthMode.NONE build menus and nothing else', () => {
    const fakes = createFakes({ now: NOW, spreadsheet: LEDGER, authMode: 'NONE' });
    const services = fakes.services;
    const ui = services.SpreadsheetApp.getUi();
    ui.createAddonMenu().addItem('Set up ledger', 'setUpLedger').addToUi();
    expect(fakes.ui.items()).toEqual([{ caption: 'Set up ledger', functionName: 'setUpLedger' }]);
    expect(() => services.SpreadsheetApp.getActiveSpreadsheet()).toThrow(/AuthMode.NONE/);
    expect(() => services.PropertiesService.getDocumentProperties()).toThrow(/AuthMode.NONE/);
  });

  it('has no UI in a time-driven trigger', () => {
    const { services } = setup({ ui: false });
    expect(thrown(() => services.SpreadsheetApp.getUi())).toBe(
      'Exception: Cannot call SpreadsheetApp.getUi() from this context.',
    );
  });
});

describe('Ui', () => {
  it('records menus with separators and submenus', () => {
    const { services, fakes } = setup();
    const ui = services.SpreadsheetApp.getUi();
    const more = ui.createMenu('More').addItem('Export documentation pack', 'exportPack');
    ui.createMenu('Payladder')
      .addItem('Recompute', 'recomputeLedger')
      .addSeparator()
      .addSubMenu(more)
      .addToUi();
    expect(fakes.ui.menus).toEqual([
      {
        caption: 'Payladder',
        entries: [
          { kind: 'item', caption: 'Recompute', functionName: 'recomputeLedger' },
          { kind: 'separator' },
          {
            kind: 'submenu',
            menu: {
              caption: 'More',
              entries: [{ kind: 'item', caption: 'Export documentation pack', functionName: 'exportPack' }],
            },
          },
        ],
      },
    ]);
  });

  it('answers alerts and prompts from the scripted user', () => {
    const { services, fakes } = setup();
    const ui = services.SpreadsheetApp.getUi();
    expect(ui.alert('Done')).toBe(ui.Button.OK);
    expect(() => ui.alert('Write off M2?', ui.ButtonSet.YES_NO)).toThrow(/needs a scripted answer/);
    fakes.ui.answer('YES');
    expect(ui.alert('Payladder', 'Write off M2?', ui.ButtonSet.YES_NO)).toBe(ui.Button.YES);
    fakes.ui.answer('YES');
    expect(() => ui.alert('Saved')).toThrow(/offers OK\/CLOSE; the scripted answer YES is not one/);
    fakes.ui.answer('OK', '3');
    const response = ui.prompt('How many instalments?', ui.ButtonSet.OK_CANCEL);
    expect([response.getSelectedButton(), response.getResponseText()]).toEqual([ui.Button.OK, '3']);
    expect(fakes.ui.alerts.map((a) => [a.kind, a.prompt, a.answer])).toEqual([
      ['alert', 'Done', 'OK'],
      ['alert', 'Write off M2?', 'YES'],
      ['prompt', 'How many instalments?', 'OK'],
    ]);
  });

  it('shows the sidebar from the project file, and refuses a missing file', () => {
    const { services, fakes } = setup({ htmlFiles: { 'sidebar.html': '<div id="app"></div>' } });
    const html = services.HtmlService.createHtmlOutputFromFile('sidebar').setTitle('Payladder');
    services.SpreadsheetApp.getUi().showSidebar(html);
    expect(fakes.ui.dialogs).toMatchObject([
      { kind: 'sidebar', title: 'Payladder', html: { content: '<div id="app"></div>' } },
    ]);
    expect(thrown(() => services.HtmlService.createHtmlOutputFromFile('dialog'))).toBe(
      'Exception: No HTML file named dialog was found.',
    );
  });

  it('evaluates templates that print properties, escaping <?= ?>', () => {
    const { services } = setup();
    const template = services.HtmlService.createTemplate('<p><?= client ?></p><?!= raw ?>');
    template.client = 'Rossi & <Figli>';
    template.raw = '<b>ok</b>';
    expect(template.evaluate().getContent()).toBe('<p>Rossi &#38; &#60;Figli&#62;</p><b>ok</b>');
    expect(() => services.HtmlService.createTemplate('<? for (;;) {} ?>').evaluate()).toThrow(
      /only prints properties/,
    );
  });
});

describe('LockService', () => {
  it('acquires, holds and releases', () => {
    const { services, fakes } = setup();
    const lock = services.LockService.getDocumentLock();
    expect(lock.tryLock(1000)).toBe(true);
    expect(services.LockService.getDocumentLock().hasLock()).toBe(true);
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
    expect(fakes.locks.document.acquisitions).toBe(1);
  });

  it('waits in vain while another execution holds the lock', () => {
    const { services, fakes } = setup();
    fakes.locks.document.holdElsewhere();
    const lock = services.LockService.getDocumentLock();
    const before = fakes.clock.now();
    expect(lock.tryLock(5000)).toBe(false);
    expect(fakes.clock.now() - before).toBe(5000);
    expect(thrown(() => lock.waitLock(30_000))).toBe(
      'Exception: Lock timeout: another process was holding the lock for too long.',
    );
    expect(lock.hasLock()).toBe(false);
    fakes.locks.document.releaseElsewhere();
    expect(lock.tryLock(0)).toBe(true);
  });

  it('lets a retry succeed once the other execution lets go', () => {
    const { services, fakes } = setup();
    fakes.locks.script.holdElsewhere({ releaseAfterAttempts: 3 });
    const lock = services.LockService.getScriptLock();
    expect([lock.tryLock(100), lock.tryLock(100), lock.tryLock(100)]).toEqual([false, false, true]);
    expect(fakes.locks.script.blockedAttempts).toBe(3);
  });

  it('releases an execution’s locks when it ends', () => {
    const { services, fakes } = setup();
    services.LockService.getDocumentLock().waitLock(1000);
    fakes.endExecution();
    expect(fakes.locks.document.holder).toBe('none');
  });
});

describe('GmailApp', () => {
  it('creates drafts and records them', () => {
    const { services, fakes } = setup();
    const draft = services.GmailApp.createDraft(
      'Anna Rossi <anna@acme.com>, ap@acme.com',
      'Invoice 12 is due',
      'Hello',
      {
        htmlBody: '<p>Hello</p>',
        cc: 'me@example.com',
        name: 'Studio Bianchi',
      },
    );
    expect(draft.getId()).toBe('r-1001');
    expect(draft.getMessage().getSubject()).toBe('Invoice 12 is due');
    expect(fakes.gmail.drafts).toMatchObject([
      {
        to: 'Anna Rossi <anna@acme.com>, ap@acme.com',
        htmlBody: '<p>Hello</p>',
        cc: 'me@example.com',
        name: 'Studio Bianchi',
      },
    ]);
    expect(fakes.gmail.drafts[0]?.createdAt).toEqual(new Date(NOW));
    expect(services.GmailApp.getDrafts()).toHaveLength(1);
    expect(thrown(() => services.GmailApp.createDraft('not-an-address', 's', 'b'))).toBe(
      'Exception: Invalid email: not-an-address',
    );
  });

  it('never sends: every sending method throws, and the attempt is logged', () => {
    const { services, calls } = setup();
    const draft = services.GmailApp.createDraft('ap@acme.com', 'Reminder', 'Body');
    expect(() => services.GmailApp.sendEmail('ap@acme.com', 's', 'b')).toThrow(/never sends mail/);
    expect(() => draft.send()).toThrow(/never sends mail/);
    expect(() => draft.getMessage().reply('b')).toThrow(/never sends mail/);
    expect(() => services.MailApp.sendEmail('ap@acme.com', 's', 'b')).toThrow(/never sends mail/);
    expect(
      calls.count('GmailApp.sendEmail') + calls.count('GmailDraft.send') + calls.count('MailApp.sendEmail'),
    ).toBe(3);
  });
});

describe('ScriptApp', () => {
  it('installs, lists and deletes a daily trigger', () => {
    const { services, fakes } = setup();
    const trigger = services.ScriptApp.newTrigger('dailyRun')
      .timeBased()
      .atHour(7)
      .everyDays(1)
      .inTimezone('Europe/Rome')
      .create();
    expect(trigger.getHandlerFunction()).toBe('dailyRun');
    expect(trigger.getTriggerSource()).toBe(services.ScriptApp.TriggerSource.CLOCK);
    expect(fakes.triggers.forHandler('dailyRun')[0]?.schedule).toEqual({
      atHour: 7,
      everyDays: 1,
      timeZone: 'Europe/Rome',
    });
    const [listed] = services.ScriptApp.getProjectTriggers();
    if (!listed) throw new Error('no trigger listed');
    services.ScriptApp.deleteTrigger(listed);
    expect(fakes.triggers.triggers).toEqual([]);
  });

  it('checks the schedule and the 20-trigger limit at create()', () => {
    const { services } = setup();
    expect(() => services.ScriptApp.newTrigger('f').timeBased().atHour(7).create()).toThrow(
      /exactly one schedule/,
    );
    expect(() => services.ScriptApp.newTrigger('f').timeBased().everyHours(3)).toThrow(/1, 2, 4, 6, 8 or 12/);
    expect(() => services.ScriptApp.newTrigger('f').timeBased().inTimezone('Mars/Olympus')).toThrow(
      /timezone/,
    );
    for (let i = 0; i < 20; i += 1) services.ScriptApp.newTrigger('f').timeBased().everyDays(1).create();
    expect(() => services.ScriptApp.newTrigger('f').timeBased().everyDays(1).create()).toThrow(
      /too many triggers/,
    );
  });

  it('installs a spreadsheet trigger on the ledger only', () => {
    const { services, ss } = setup();
    const trigger = services.ScriptApp.newTrigger('onEditInstalled').forSpreadsheet(ss).onEdit().create();
    expect([trigger.getEventType(), trigger.getTriggerSourceId()]).toEqual([
      services.ScriptApp.EventType.ON_EDIT,
      ss.getId(),
    ]);
    expect(() => services.ScriptApp.newTrigger('x').forSpreadsheet('another-id')).toThrow(/permissions/);
  });
});

describe('PropertiesService and CacheService', () => {
  it('stores text per scope, with Apps Script’s size limit', () => {
    const { services, fakes } = setup({ properties: { user: { lastRun: '2026-03-01' } } });
    const docs = services.PropertiesService.getDocumentProperties();
    docs.setProperty('schemaVersion', 2 as unknown as string).setProperties({ locale: 'it_IT' });
    expect(docs.getProperty('schemaVersion')).toBe('2');
    expect(docs.getProperty('missing')).toBeNull();
    expect(fakes.properties.document.snapshot()).toEqual({ schemaVersion: '2', locale: 'it_IT' });
    expect(services.PropertiesService.getUserProperties().getProperties()).toEqual({ lastRun: '2026-03-01' });
    docs.setProperties({ only: 'this' }, true);
    expect(docs.getKeys()).toEqual(['only']);
    expect(() => docs.setProperty('report', 'x'.repeat(9 * 1024 + 1))).toThrow('Argument too large: value');
  });

  it('expires cache entries on the fake clock', () => {
    const { services, fakes } = setup();
    const cache = services.CacheService.getDocumentCache();
    cache?.put('report', '{}', 60);
    expect(cache?.get('report')).toBe('{}');
    fakes.clock.advance(60_000);
    expect(cache?.get('report')).toBeNull();
  });
});

describe('Session, Utilities, Logger', () => {
  it('answers who and where', () => {
    const { services } = setup({ session: { activeUserEmail: '' } });
    expect(services.Session.getActiveUser().getEmail()).toBe('');
    expect(services.Session.getEffectiveUser().getEmail()).toBe('owner@example.com');
    expect(services.Session.getScriptTimeZone()).toBe('Europe/Rome');
  });

  it.each([
    ['yyyy-MM-dd', 'Europe/Rome', '2026-03-02'],
    ["yyyy-MM-dd'T'HH:mm:ss", 'Europe/Rome', '2026-03-02T00:30:00'],
    ["yyyy-MM-dd'T'HH:mm:ss", 'America/Los_Angeles', '2026-03-01T15:30:00'],
    ["dd/MM/yy 'at' H:mm", 'Europe/London', '01/03/26 at 23:30'],
  ])('formats %s in %s', (pattern, zone, expected) => {
    const { services } = setup();
    expect(services.Utilities.formatDate(new Date('2026-03-01T23:30:00Z'), zone, pattern)).toBe(expected);
  });

  it('refuses pattern letters it does not implement', () => {
    const { services } = setup();
    expect(() => services.Utilities.formatDate(new Date(NOW), 'Europe/Rome', 'EEE')).toThrow(
      /pattern letter 'E'/,
    );
  });

  it('sleeps on the fake clock, and makes deterministic uuids', () => {
    const { services, fakes } = setup();
    services.Utilities.sleep(1500);
    expect(fakes.clock.now()).toBe(new Date(NOW).getTime() + 1500);
    expect([services.Utilities.getUuid(), services.Utilities.getUuid()]).toEqual([
      '00000000-0000-4000-8000-000000000001',
      '00000000-0000-4000-8000-000000000002',
    ]);
  });

  it('keeps Logger lines', () => {
    const { services, fakes } = setup();
    services.Logger.log('recomputed %s rows in %s ms', 12, 340);
    services.Logger.log({ ok: true });
    expect(fakes.logger.lines).toEqual(['recomputed 12 rows in 340 ms', '{"ok":true}']);
  });
});
