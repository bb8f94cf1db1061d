/** The fake `Protection` of a tab (Sheet.protect) or a range (Range.protect). */
import { counted, describeTarget } from './call-log.ts';
import type { SheetsContext } from './range.ts';
import { makeRange, toFakeRange } from './range.ts';
import type { ProtectionModel, SheetModel } from './spreadsheet-model.ts';

type Protection = GoogleAppsScript.Spreadsheet.Protection;

export class FakeProtection implements Partial<Protection> {
  constructor(
    private readonly ctx: SheetsContext,
    /** The protection's state: for tests, not part of Apps Script. */
    readonly model: ProtectionModel,
  ) {
    return counted(this, 'Protection', ctx.env.calls);
  }

  [describeTarget](): string {
    const sheet = this.sheet();
    return this.model.box ? this.ctx.book.describe(sheet, this.model.box) : sheet.name;
  }

  private real(): Protection {
    return this as unknown as Protection;
  }

  private sheet(): SheetModel {
    const sheet = this.ctx.book.sheetById(this.model.sheetId);
    if (!sheet) throw new Error(`protection of a deleted tab (id ${this.model.sheetId})`);
    return sheet;
  }

  setWarningOnly(warningOnly: boolean): Protection {
    this.model.warningOnly = warningOnly;
    return this.real();
  }
  isWarningOnly(): boolean {
    return this.model.warningOnly;
  }
  setDescription(description: string): Protection {
    this.model.description = description;
    return this.real();
  }
  getDescription(): string {
    return this.model.description;
  }
  getProtectionType(): GoogleAppsScript.Spreadsheet.ProtectionType {
    return this.model.type as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;
  }
  /** The fake's user owns the file, so may always edit. */
  canEdit(): boolean {
    return true;
  }
  canDomainEdit(): boolean {
    return false;
  }
  getRange(): GoogleAppsScript.Spreadsheet.Range {
    const sheet = this.sheet();
    const box = this.model.box ?? { row: 1, column: 1, numRows: sheet.maxRows, numColumns: sheet.maxColumns };
    return makeRange(this.ctx, sheet, box);
  }
  /** Only meaningful on a SHEET protection: the cells users may still edit. */
  setUnprotectedRanges(ranges: GoogleAppsScript.Spreadsheet.Range[]): Protection {
    this.model.unprotected = ranges.map((r) => ({
      ...toFakeRange(this.ctx.env, 'Protection.setUnprotectedRanges', r).box,
    }));
    return this.real();
  }
  getUnprotectedRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return this.model.unprotected.map((box) => makeRange(this.ctx, this.sheet(), box));
  }
  remove(): void {
    this.model.removed = true;
  }
}
