/**
 * Data validation and conditional format rules: builders (SpreadsheetApp.newDataValidation,
 * newConditionalFormatRule) and the immutable rules they build. Each rule carries a `spec`
 * (plain data) that tests read without counting calls.
 */
import { counted } from './call-log.ts';
import type { FakeEnv } from './env.ts';
import type { BooleanCriteria } from './env.ts';
import { DataValidationCriteria, isDate, signatureError } from './env.ts';
import type { FakeRange } from './range.ts';
import { toFakeRange } from './range.ts';
import type {
  ConditionalFormatSpec,
  SpreadsheetModel,
  ValidationSpec,
  WithSpec,
} from './spreadsheet-model.ts';

type DataValidation = GoogleAppsScript.Spreadsheet.DataValidation;
type DataValidationBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
type ConditionalFormatRule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
type ConditionalFormatRuleBuilder = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
type Criteria = keyof typeof DataValidationCriteria;

interface ValidationState {
  criteria: Criteria | undefined;
  /** As getCriteriaValues answers: Range objects stay Range objects. */
  values: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

/** A criteria value as a test compares it: ranges as `Tab!A1:B2`, dates as ISO strings. */
function plain(book: SpreadsheetModel, value: unknown): unknown {
  if (isFakeRange(value)) return book.describe(value.sheet, value.box);
  if (isDate(value)) return value.toISOString();
  if (Array.isArray(value)) return value.map((v: unknown) => plain(book, v));
  return value;
}

function isFakeRange(value: unknown): value is FakeRange {
  return typeof value === 'object' && value !== null && 'box' in value && 'sheet' in value;
}

export class FakeDataValidationBuilder implements Partial<DataValidationBuilder> {
  private readonly state: ValidationState;

  constructor(
    private readonly env: FakeEnv,
    private readonly book: SpreadsheetModel,
    // A new rule warns on invalid input rather than rejecting it, as in Sheets.
    from: ValidationState = { criteria: undefined, values: [], allowInvalid: true, helpText: null },
  ) {
    this.state = { ...from, values: [...from.values] };
    return counted(this, 'DataValidationBuilder', env.calls);
  }

  private real(): DataValidationBuilder {
    return this as unknown as DataValidationBuilder;
  }

  private require(criteria: Criteria, values: unknown[]): DataValidationBuilder {
    this.state.criteria = criteria;
    this.state.values = values;
    return this.real();
  }

  requireDate(): DataValidationBuilder {
    return this.require('DATE_IS_VALID_DATE', []);
  }
  requireDateOnOrAfter(date: GoogleAppsScript.Base.Date): DataValidationBuilder {
    return this.require('DATE_ON_OR_AFTER', [date]);
  }
  requireNumberGreaterThan(number: number): DataValidationBuilder {
    return this.require('NUMBER_GREATER_THAN', [number]);
  }
  requireNumberGreaterThanOrEqualTo(number: number): DataValidationBuilder {
    return this.require('NUMBER_GREATER_THAN_OR_EQUAL_TO', [number]);
  }
  requireNumberBetween(start: number, end: number): DataValidationBuilder {
    return this.require('NUMBER_BETWEEN', [start, end]);
  }
  requireTextIsEmail(): DataValidationBuilder {
    return this.require('TEXT_IS_VALID_EMAIL', []);
  }
  requireCheckbox(): DataValidationBuilder {
    return this.require('CHECKBOX', []);
  }
  requireFormulaSatisfied(formula: string): DataValidationBuilder {
    return this.require('CUSTOM_FORMULA', [formula]);
  }
  /** Criteria values are `[values, showDropdown]`, as Apps Script reports them. */
  requireValueInList(values: string[], showDropdown = true): DataValidationBuilder {
    if (!Array.isArray(values))
      throw signatureError(this.env, 'DataValidationBuilder.requireValueInList', [values]);
    return this.require('VALUE_IN_LIST', [[...values], showDropdown]);
  }
  requireValueInRange(range: GoogleAppsScript.Spreadsheet.Range, showDropdown = true): DataValidationBuilder {
    toFakeRange(this.env, 'DataValidationBuilder.requireValueInRange', range);
    return this.require('VALUE_IN_RANGE', [range, showDropdown]);
  }
  setAllowInvalid(allowInvalidData: boolean): DataValidationBuilder {
    this.state.allowInvalid = allowInvalidData;
    return this.real();
  }
  setHelpText(helpText: string): DataValidationBuilder {
    this.state.helpText = helpText;
    return this.real();
  }
  getAllowInvalid(): boolean {
    return this.state.allowInvalid;
  }
  getHelpText(): string | null {
    return this.state.helpText;
  }
  getCriteriaValues(): unknown[] {
    return [...this.state.values];
  }
  copy(): DataValidationBuilder {
    return new FakeDataValidationBuilder(this.env, this.book, this.state) as unknown as DataValidationBuilder;
  }
  build(): DataValidation {
    if (this.state.criteria === undefined) {
      // Sheets has no rule without a criterion; fail where the mistake is.
      throw new this.env.realm.Error('DataValidationBuilder.build(): no require...() criterion was set');
    }
    return new FakeDataValidation(this.env, this.book, {
      ...this.state,
      criteria: this.state.criteria,
    }) as unknown as DataValidation;
  }
}

export class FakeDataValidation implements Partial<DataValidation>, WithSpec<ValidationSpec> {
  constructor(
    private readonly env: FakeEnv,
    private readonly book: SpreadsheetModel,
    private readonly state: Readonly<ValidationState> & { criteria: Criteria },
  ) {
    return counted(this, 'DataValidation', env.calls);
  }

  get spec(): ValidationSpec {
    return {
      criteria: this.state.criteria,
      values: this.state.values.map((v) => plain(this.book, v)),
      allowInvalid: this.state.allowInvalid,
      helpText: this.state.helpText,
    };
  }

  getCriteriaType(): GoogleAppsScript.Spreadsheet.DataValidationCriteria {
    return DataValidationCriteria[
      this.state.criteria
    ] as unknown as GoogleAppsScript.Spreadsheet.DataValidationCriteria;
  }
  getCriteriaValues(): unknown[] {
    return [...this.state.values];
  }
  getAllowInvalid(): boolean {
    return this.state.allowInvalid;
  }
  getHelpText(): string {
    return this.state.helpText ?? '';
  }
  copy(): DataValidationBuilder {
    return new FakeDataValidationBuilder(this.env, this.book, this.state) as unknown as DataValidationBuilder;
  }
}

interface ConditionalState {
  criteria: keyof typeof BooleanCriteria | null;
  values: unknown[];
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  italic: boolean | null;
  strikethrough: boolean | null;
  underline: boolean | null;
  ranges: GoogleAppsScript.Spreadsheet.Range[];
}

const EMPTY_CONDITIONAL: ConditionalState = {
  criteria: null,
  values: [],
  background: null,
  fontColor: null,
  bold: null,
  italic: null,
  strikethrough: null,
  underline: null,
  ranges: [],
};

export class FakeConditionalFormatRuleBuilder implements Partial<ConditionalFormatRuleBuilder> {
  private readonly state: ConditionalState;

  constructor(
    private readonly env: FakeEnv,
    private readonly book: SpreadsheetModel,
    from: ConditionalState = EMPTY_CONDITIONAL,
  ) {
    this.state = { ...from, values: [...from.values], ranges: [...from.ranges] };
    return counted(this, 'ConditionalFormatRuleBuilder', env.calls);
  }

  private real(): ConditionalFormatRuleBuilder {
    return this as unknown as ConditionalFormatRuleBuilder;
  }

  private set(patch: Partial<ConditionalState>): ConditionalFormatRuleBuilder {
    Object.assign(this.state, patch);
    return this.real();
  }

  /** Formula relative to the top-left cell of the first range, e.g. `=$F2>0`. */
  whenFormulaSatisfied(formula: string): ConditionalFormatRuleBuilder {
    return this.set({ criteria: 'CUSTOM_FORMULA', values: [formula] });
  }
  whenTextEqualTo(text: string): ConditionalFormatRuleBuilder {
    return this.set({ criteria: 'TEXT_EQUAL_TO', values: [text] });
  }
  whenNumberGreaterThan(number: number): ConditionalFormatRuleBuilder {
    return this.set({ criteria: 'NUMBER_GREATER_THAN', values: [number] });
  }
  whenCellNotEmpty(): ConditionalFormatRuleBuilder {
    return this.set({ criteria: 'CELL_NOT_EMPTY', values: [] });
  }
  setBackground(color: string | null): ConditionalFormatRuleBuilder {
    return this.set({ background: color });
  }
  setFontColor(color: string | null): ConditionalFormatRuleBuilder {
    return this.set({ fontColor: color });
  }
  setBold(bold: boolean | null): ConditionalFormatRuleBuilder {
    return this.set({ bold });
  }
  setItalic(italic: boolean | null): ConditionalFormatRuleBuilder {
    return this.set({ italic });
  }
  setStrikethrough(strikethrough: boolean | null): ConditionalFormatRuleBuilder {
    return this.set({ strikethrough });
  }
  setUnderline(underline: boolean | null): ConditionalFormatRuleBuilder {
    return this.set({ underline });
  }
  setRanges(ranges: GoogleAppsScript.Spreadsheet.Range[]): ConditionalFormatRuleBuilder {
    if (!Array.isArray(ranges))
      throw signatureError(this.env, 'ConditionalFormatRuleBuilder.setRanges', [ranges]);
    for (const r of ranges) toFakeRange(this.env, 'ConditionalFormatRuleBuilder.setRanges', r);
    return this.set({ ranges: [...ranges] });
  }
  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return [...this.state.ranges];
  }
  copy(): ConditionalFormatRuleBuilder {
    return new FakeConditionalFormatRuleBuilder(
      this.env,
      this.book,
      this.state,
    ) as unknown as ConditionalFormatRuleBuilder;
  }
  build(): ConditionalFormatRule {
    return new FakeConditionalFormatRule(this.env, this.book, {
      ...this.state,
    }) as unknown as ConditionalFormatRule;
  }
}

export class FakeConditionalFormatRule
  implements Partial<ConditionalFormatRule>, WithSpec<ConditionalFormatSpec>
{
  constructor(
    private readonly env: FakeEnv,
    private readonly book: SpreadsheetModel,
    private readonly state: Readonly<ConditionalState>,
  ) {
    return counted(this, 'ConditionalFormatRule', env.calls);
  }

  get spec(): ConditionalFormatSpec {
    const { ranges, values, ...rest } = this.state;
    return {
      ...rest,
      values: values.map((v) => plain(this.book, v)),
      ranges: ranges.map((r) => String(plain(this.book, r))),
    };
  }

  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return [...this.state.ranges];
  }
  /** Null for a rule with no boolean criterion, as for a gradient rule in Sheets. */
  getBooleanCondition(): GoogleAppsScript.Spreadsheet.BooleanCondition | null {
    if (this.state.criteria === null) return null;
    return new FakeBooleanCondition(
      this.env,
      this.state,
    ) as unknown as GoogleAppsScript.Spreadsheet.BooleanCondition;
  }
  getGradientCondition(): null {
    return null;
  }
  copy(): ConditionalFormatRuleBuilder {
    return new FakeConditionalFormatRuleBuilder(
      this.env,
      this.book,
      this.state,
    ) as unknown as ConditionalFormatRuleBuilder;
  }
}

export class FakeBooleanCondition implements Partial<GoogleAppsScript.Spreadsheet.BooleanCondition> {
  constructor(
    env: FakeEnv,
    private readonly state: Readonly<ConditionalState>,
  ) {
    return counted(this, 'BooleanCondition', env.calls);
  }

  getCriteriaType(): GoogleAppsScript.Spreadsheet.BooleanCriteria {
    return this.state.criteria as unknown as GoogleAppsScript.Spreadsheet.BooleanCriteria;
  }
  getCriteriaValues(): unknown[] {
    return [...this.state.values];
  }
  getBackground(): string | null {
    return this.state.background;
  }
  getFontColor(): string | null {
    return this.state.fontColor;
  }
  getBold(): boolean | null {
    return this.state.bold;
  }
  getItalic(): boolean | null {
    return this.state.italic;
  }
  getStrikethrough(): boolean | null {
    return this.state.strikethrough;
  }
  getUnderline(): boolean | null {
    return this.state.underline;
  }
}
