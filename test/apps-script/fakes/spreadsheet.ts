/** SpreadsheetApp and the active Spreadsheet: the add-on's way into the ledger. */
import { counted, describeTarget } from './call-log.ts';
import type { FakeEnv } from './env.ts';
import {
  appsScriptError,
  BooleanCriteria,
  BorderStyle,
  DataValidationCriteria,
  ProtectionType,
  requireAuth,
  requireInteger,
  signatureError,
  WrapStrategy,
} from './env.ts';
import { FakeProtection } from './protection.ts';
import type { SheetsContext } from './range.ts';
import { makeRange, rangeFromA1, toFakeRange } from './range.ts';
import { FakeConditionalFormatRuleBuilder, FakeDataValidationBuilder } from './rules.ts';
import { FakeSheet } from './sheet.ts';
import type { SheetModel, SpreadsheetModel } from './spreadsheet-model.ts';
import { FakeUi } from './ui.ts';
import type { UiModel } from './ui.ts';
import { FakeUser } from './session.ts';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

function sheetsContext(env: FakeEnv, book: SpreadsheetModel): SheetsContext {
  const ctx: SheetsContext = {
    env,
    book,
    spreadsheet: () => new FakeSpreadsheet(ctx) as unknown as Spreadsheet,
  };
  return ctx;
}

const sheetFacade = (ctx: SheetsContext, model: SheetModel) => new FakeSheet(ctx, model) as unknown as Sheet;

// Shared by Spreadsheet and SpreadsheetApp, which answer the same; helpers rather than one
// facade calling the other so each call is counted once, under the name the code used.

function sheetOf(ctx: SheetsContext, method: string, sheet: unknown): SheetModel {
  if (!(sheet instanceof FakeSheet) || !ctx.book.sheets.includes(sheet.model)) {
    throw signatureError(ctx.env, `SpreadsheetApp.Spreadsheet.${method}`, [sheet]);
  }
  return sheet.model;
}

// A user in Sheets always has a selection: A1 of the active tab until something is selected.
function activeRangeOf(ctx: SheetsContext): Range {
  const active = ctx.book.activeRange;
  const sheet = active && ctx.book.sheetById(active.sheetId);
  if (active && sheet) return makeRange(ctx, sheet, active.box);
  return makeRange(ctx, ctx.book.activeSheet(), { row: 1, column: 1, numRows: 1, numColumns: 1 });
}

function setActiveSheetOf(ctx: SheetsContext, sheet: Sheet): Sheet {
  ctx.book.activeSheetId = sheetOf(ctx, 'setActiveSheet', sheet).sheetId;
  return sheet;
}

function setActiveRangeOf(ctx: SheetsContext, range: Range): Range {
  const fake = toFakeRange(ctx.env, 'SpreadsheetApp.Spreadsheet.setActiveRange', range);
  ctx.book.activeSheetId = fake.sheet.sheetId;
  ctx.book.activeRange = { sheetId: fake.sheet.sheetId, box: { ...fake.box } };
  return range;
}

export class FakeSpreadsheet implements Partial<Spreadsheet> {
  constructor(private readonly ctx: SheetsContext) {
    return counted(this, 'Spreadsheet', ctx.env.calls);
  }

  [describeTarget](): string {
    return this.ctx.book.name;
  }

  private get book(): SpreadsheetModel {
    return this.ctx.book;
  }

  private real(): Spreadsheet {
    return this as unknown as Spreadsheet;
  }

  getId(): string {
    return this.book.id;
  }
  getName(): string {
    return this.book.name;
  }
  rename(newName: string): void {
    this.book.name = newName;
  }
  getUrl(): string {
    return this.book.url;
  }
  /** Sheets' locale code, e.g. `it_IT`. */
  getSpreadsheetLocale(): string {
    return this.book.locale;
  }
  getSpreadsheetTimeZone(): string {
    return this.book.timeZone;
  }
  getOwner(): GoogleAppsScript.Base.User | null {
    const owner = this.book.owner;
    return owner === null
      ? null
      : (new FakeUser(this.ctx.env, owner) as unknown as GoogleAppsScript.Base.User);
  }

  /** Case-sensitive (see SpreadsheetModel.findSheet); null when there is no such tab. */
  getSheetByName(name: string): Sheet | null {
    if (typeof name !== 'string')
      throw signatureError(this.ctx.env, 'SpreadsheetApp.Spreadsheet.getSheetByName', [name]);
    const model = this.book.findSheet(name);
    return model ? sheetFacade(this.ctx, model) : null;
  }
  getSheetById(id: number): Sheet | null {
    const model = this.book.sheetById(id);
    return model ? sheetFacade(this.ctx, model) : null;
  }
  /**
   * In tab-bar order: the order Sheet.getIndex numbers from 1
   * (https://developers.google.com/apps-script/reference/spreadsheet/sheet#getIndex()). The
   * getSheets reference says only "all the sheets"; the add-on reads tabs at their
   * getSheets position but checks each one's header row, so an order that differed would
   * cost a full read, not a wrong tab.
   */
  getSheets(): Sheet[] {
    return this.book.sheets.map((model) => sheetFacade(this.ctx, model));
  }
  getNumSheets(): number {
    return this.book.sheets.length;
  }

  /**
   * insertSheet() | insertSheet(index) | insertSheet(name) | insertSheet(name, index); the
   * index is 0-based. The new tab becomes the active one, as in Sheets. Templates are not faked.
   */
  insertSheet(nameOrIndex?: unknown, index?: unknown, options?: unknown): Sheet {
    const env = this.ctx.env;
    const args = [nameOrIndex, index, options].filter((a) => a !== undefined);
    let name: string;
    let at: number | undefined;
    if (typeof nameOrIndex === 'number' && index === undefined && options === undefined) {
      at = requireInteger(env, nameOrIndex);
      name = this.nextDefaultName();
    } else if (
      (typeof nameOrIndex === 'string' || nameOrIndex === undefined) &&
      (typeof index === 'number' || index === undefined) &&
      options === undefined
    ) {
      name = nameOrIndex ?? this.nextDefaultName();
      at = index === undefined ? undefined : requireInteger(env, index);
    } else {
      // Includes the `{ template }` forms, which the fake does not model.
      throw signatureError(env, 'SpreadsheetApp.Spreadsheet.insertSheet', args);
    }
    if (at !== undefined && (at < 0 || at > this.book.sheets.length)) {
      throw appsScriptError(env, `Sheet index ${at} is out of range (0-${this.book.sheets.length}).`);
    }
    if (this.book.findSheet(name, { ignoreCase: true })) {
      throw appsScriptError(
        env,
        `A sheet with the name "${name}" already exists. Please enter another name.`,
      );
    }
    const model = this.book.addSheet(name, at);
    this.book.activeSheetId = model.sheetId;
    return sheetFacade(this.ctx, model);
  }

  private nextDefaultName(): string {
    for (let n = this.book.sheets.length + 1; ; n += 1) {
      if (!this.book.findSheet(`Sheet${n}`, { ignoreCase: true })) return `Sheet${n}`;
    }
  }

  deleteSheet(sheet: Sheet): void {
    const model = sheetOf(this.ctx, 'deleteSheet', sheet);
    if (this.book.sheets.length === 1)
      throw appsScriptError(this.ctx.env, "You can't remove all the sheets in a document.");
    this.book.sheets.splice(this.book.sheets.indexOf(model), 1);
    if (this.book.activeSheetId === model.sheetId) this.book.activeSheetId = this.book.sheets[0]?.sheetId;
  }

  getActiveSheet(): Sheet {
    return sheetFacade(this.ctx, this.book.activeSheet());
  }
  setActiveSheet(sheet: Sheet): Sheet {
    return setActiveSheetOf(this.ctx, sheet);
  }
  getActiveRange(): Range | null {
    return activeRangeOf(this.ctx);
  }
  setActiveRange(range: Range): Range {
    return setActiveRangeOf(this.ctx, range);
  }

  /** `'Tab'!A1:B2`, or A1 notation on the active tab. */
  getRange(a1Notation: string): Range {
    return rangeFromA1(this.ctx, this.book.activeSheet(), a1Notation);
  }

  /** Recorded in the model's toasts; the timeout is in seconds (default 5, as in Sheets). */
  toast(msg: string, title = '', timeoutSeconds: number | null = 5): void {
    this.book.toasts.push({
      message: String(msg),
      title: String(title),
      timeoutSeconds: timeoutSeconds ?? 5,
    });
  }

  getProtections(
    type: GoogleAppsScript.Spreadsheet.ProtectionType,
  ): GoogleAppsScript.Spreadsheet.Protection[] {
    const wanted = String(type);
    return this.book.protections
      .filter((p) => p.type === wanted && !p.removed)
      .map((p) => new FakeProtection(this.ctx, p) as unknown as GoogleAppsScript.Spreadsheet.Protection);
  }

  /** Same as SpreadsheetApp.flush: nothing is buffered in the fake. */
  flush(): Spreadsheet {
    return this.real();
  }
}

export interface SpreadsheetAppOptions {
  env: FakeEnv;
  /** The container spreadsheet: the add-on is always bound to the ledger. */
  book: SpreadsheetModel;
  ui: UiModel;
}

// getActiveSpreadsheet and getActive are typed non-null in @types, but answer null without an active document.
export class FakeSpreadsheetApp implements Partial<
  Omit<GoogleAppsScript.Spreadsheet.SpreadsheetApp, 'getActiveSpreadsheet' | 'getActive'>
> {
  readonly BorderStyle = BorderStyle as unknown as typeof GoogleAppsScript.Spreadsheet.BorderStyle;
  readonly ProtectionType = ProtectionType as unknown as typeof GoogleAppsScript.Spreadsheet.ProtectionType;
  readonly DataValidationCriteria =
    DataValidationCriteria as unknown as typeof GoogleAppsScript.Spreadsheet.DataValidationCriteria;
  readonly BooleanCriteria =
    BooleanCriteria as unknown as typeof GoogleAppsScript.Spreadsheet.BooleanCriteria;
  readonly WrapStrategy = WrapStrategy as unknown as typeof GoogleAppsScript.Spreadsheet.WrapStrategy;

  private readonly ctx: SheetsContext;

  constructor(private readonly options: SpreadsheetAppOptions) {
    this.ctx = sheetsContext(options.env, options.book);
    return counted(this, 'SpreadsheetApp', options.env.calls);
  }

  private get env(): FakeEnv {
    return this.options.env;
  }

  private active(method: string): SheetsContext {
    requireAuth(this.env, `SpreadsheetApp.${method}`);
    return this.ctx;
  }

  // An add-on's time-driven trigger has no active document: both answer null there.
  getActiveSpreadsheet(): Spreadsheet | null {
    const ctx = this.active('getActiveSpreadsheet');
    return this.env.activeDocument ? (new FakeSpreadsheet(ctx) as unknown as Spreadsheet) : null;
  }
  getActive(): Spreadsheet | null {
    const ctx = this.active('getActive');
    return this.env.activeDocument ? (new FakeSpreadsheet(ctx) as unknown as Spreadsheet) : null;
  }
  getActiveSheet(): Sheet {
    const ctx = this.active('getActiveSheet');
    return sheetFacade(ctx, ctx.book.activeSheet());
  }
  getActiveRange(): Range {
    return activeRangeOf(this.active('getActiveRange'));
  }
  setActiveSheet(sheet: Sheet): Sheet {
    return setActiveSheetOf(this.active('setActiveSheet'), sheet);
  }
  setActiveRange(range: Range): Range {
    return setActiveRangeOf(this.active('setActiveRange'), range);
  }

  /** Throws in time-driven triggers, where there is no user interface, as Apps Script does. */
  getUi(): GoogleAppsScript.Base.Ui {
    if (!this.env.uiAvailable)
      throw appsScriptError(this.env, 'Cannot call SpreadsheetApp.getUi() from this context.');
    return new FakeUi(this.env, this.options.ui) as unknown as GoogleAppsScript.Base.Ui;
  }

  newDataValidation(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    const ctx = this.active('newDataValidation');
    return new FakeDataValidationBuilder(
      this.env,
      ctx.book,
    ) as unknown as GoogleAppsScript.Spreadsheet.DataValidationBuilder;
  }
  newConditionalFormatRule(): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    const ctx = this.active('newConditionalFormatRule');
    return new FakeConditionalFormatRuleBuilder(
      this.env,
      ctx.book,
    ) as unknown as GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
  }

  /** Nothing is buffered in the fake; counted because each flush costs a round trip in Sheets. */
  flush(): void {}

  // Need the whole-Drive `spreadsheets` scope (scopes.ts): with the manifest's
  // spreadsheets.currentonly the runtime refuses the call before it gets here. Granted, they
  // open the one spreadsheet the fakes hold, when the id or URL is its own.
  openById(id: string): Spreadsheet {
    if (id !== this.ctx.book.id)
      throw appsScriptError(
        this.env,
        `Unexpected error while getting the method or property openById on object SpreadsheetApp.`,
      );
    return new FakeSpreadsheet(this.ctx) as unknown as Spreadsheet;
  }
  openByUrl(url: string): Spreadsheet {
    if (!url.includes(this.ctx.book.id))
      throw appsScriptError(
        this.env,
        `Unexpected error while getting the method or property openByUrl on object SpreadsheetApp.`,
      );
    return new FakeSpreadsheet(this.ctx) as unknown as Spreadsheet;
  }
}
