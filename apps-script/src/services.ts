/**
 * What the handlers need from Apps Script, as one interface. The adapters (adapters/*.ts,
 * the only files that name SpreadsheetApp, Gmail, LockService…) implement it for the
 * real sheet; apps-script/dev/memory-services.ts implements it in memory, so the sidebar's
 * dev harness and the handler tests run the real handlers without Google.
 *
 * Every method is one round trip's worth of intent (read every tab, write these blocks), so
 * the adapter can keep the number of service calls constant whatever the ledger's size.
 * Rows and columns are 1-based, as in the sheet; tabs are named as the user named them.
 */
import type { RawLedger, TabKey, TabSpec } from '../../shared/index.ts';

/** A value as a cell holds it: what getValues returns and setValues takes. */
export type CellValue = string | number | boolean | Date;

/** What one read of the spreadsheet gives: every tab's values and the sheet's settings. */
export interface LedgerSnapshot {
  /**
   * Values of the ledger tabs that exist (header row first), by the user's tab name, as
   * getValues returns them (native Dates in the sheet's zone, numbers, strings, booleans).
   */
  tabs: RawLedger;
  /**
   * Every tab of the spreadsheet in order, the user's own ones included; after a read that
   * used the cached layout (a recompute of the computed columns), the ledger tabs only.
   */
  tabNames: string[];
  /** The spreadsheet's locale, e.g. `it_IT`. */
  locale: string;
  /** The spreadsheet's IANA time zone, e.g. `Europe/Rome`. */
  timeZone: string;
  /** Ledger tabs that exist but were not read (the read did not need them). */
  skipped: string[];
}

/**
 * Whether a read needs a ledger tab; asked in TABS order with the tabs read so far, so a
 * tab can depend on another's content (Change orders on Milestones' references).
 */
export type TabWanted = (spec: TabSpec, read: RawLedger) => boolean;

/** A rectangle of values to write, top-left at (row, column). */
export interface CellBlock {
  tab: string;
  row: number;
  column: number;
  values: CellValue[][];
}

/** A cell the user can be sent to (selectCell, jumpToMilestone). */
export interface CellRef {
  tab: string;
  row: number;
  /** null selects the whole row. */
  column: number | null;
}

/** The menu as the handlers want it; the adapter builds it with SpreadsheetApp.getUi(). */
export interface MenuItem {
  caption: string;
  /** A global function of Code.js (an export of main.ts). */
  functionName: string;
}
export type MenuEntry = MenuItem | 'separator';

/**
 * A Gmail draft to create (never sent: the user reads and sends it). Gmail fills the sender
 * with the account's own name and address.
 */
export interface DraftMessage {
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** Sender display name, e.g. the Business name setting. */
  senderName?: string;
}

export interface CreatedDraft {
  /** Gmail's draft id (users.drafts resource `id`). */
  id: string;
  /** The draft's Gmail thread, carrying the draft id (draft-link.ts): the Reminders row's Link. */
  link: string;
}

/** The daily trigger as installed for this user and this spreadsheet. */
export interface DailyTrigger {
  hour: number;
  timeZone: string;
}

/** Document properties: one key-value store per spreadsheet, shared by every user. */
export interface KeyValueStore {
  get(key: string): string | null;
  /** Several keys in one call. */
  getAll(): Record<string, string>;
  set(values: Record<string, string>): void;
  delete(keys: readonly string[]): void;
}

/** What the person at the keyboard sees; absent in time-driven triggers. */
export interface UserInterface {
  toast(message: string, title?: string): void;
  alert(title: string, message: string): void;
  /** OK / Cancel; true for OK. */
  confirm(title: string, message: string): boolean;
  /** A line of text, or null when cancelled. */
  prompt(title: string, message: string): string | null;
  showSidebar(): void;
  /** An HTML page in a modal dialog (the documentation pack). `html` is already escaped. */
  showDialog(title: string, html: string): void;
  menu(entries: readonly MenuEntry[]): void;
}

export type LockResult<T> = { ok: true; value: T } | { ok: false };

export interface Services {
  /** The one clock read of an execution. */
  now(): Date;

  /**
   * The ledger tabs' values in one pass (every one, or those `want` asks for), plus the
   * sheet's locale and time zone.
   */
  readLedger(want?: TabWanted): LedgerSnapshot;
  /** Writes each block with one write; blocks may be on different tabs. */
  writeBlocks(blocks: readonly CellBlock[]): void;
  /** Appends rows after the last row with content; returns the first new row. */
  appendRows(tab: string, rows: readonly CellValue[][]): number;
  /** A note on one cell (null clears it). */
  setNote(tab: string, row: number, column: number, note: string | null): void;
  /** The user's current cell, or null (no UI, or not on a tab). */
  activeCell(): CellRef | null;
  select(cell: CellRef): void;
  /** Creates missing tabs and columns, validation, formatting and protection. */
  applySetup(plan: SetupPlan): SetupOutcome;

  createDraft(message: DraftMessage): CreatedDraft;
  /**
   * Whether a draft Payladder created still exists in Gmail: false once the user sent or
   * deleted it (Gmail.Users.Drafts.get answers 404). One Gmail round trip per call.
   */
  draftExists(draftId: string): boolean;

  properties: KeyValueStore;

  /**
   * Runs `fn` holding the document lock, waiting up to `waitMs` for it; flushes pending
   * writes before letting go, so the next holder reads what this one wrote.
   */
  withDocumentLock<T>(waitMs: number, fn: () => T): LockResult<T>;

  /** null in time-driven triggers and wherever Apps Script has no UI. */
  ui(): UserInterface | null;

  /** Whether the script runs as an Editor add-on (menus go under Extensions). */
  isAddOn(): boolean;

  dailyTrigger(): DailyTrigger | null;
  /** Replaces this user's daily trigger for this spreadsheet; `handler` is a global's name. */
  installDailyTrigger(hour: number, timeZone: string, handler: string): void;
  removeDailyTrigger(): boolean;

  /** Execution log (Stackdriver in Apps Script); never mail or ledger text. */
  log(message: string): void;
}

export type { TabKey };

// "Set up the ledger" as data: handlers/setup-plan.ts plans it, the adapters apply it.

/** How a column's cells are checked. Every rule only warns: the core reports the problem. */
export type ValidationRule =
  | { type: 'date' }
  | { type: 'positive-amount' }
  | { type: 'days' }
  | { type: 'list'; values: readonly string[] }
  /** A value from another tab's column, rows 2 down (the Clients tab's Client column). */
  | { type: 'ref'; tab: string; column: number };

export interface ColumnValidation {
  column: number;
  rule: ValidationRule;
  help: string;
}

export interface HeaderCell {
  column: number;
  header: string;
  computed: boolean;
}

export interface TabSetup {
  key: TabKey;
  /** The user's name for an existing tab, the canonical one for a new tab. */
  name: string;
  create: boolean;
  /** Header cells to write: every header of a new tab, the missing ones of an existing tab. */
  newHeaders: HeaderCell[];
  /** Header width after setup. */
  width: number;
  /** Rows to add under the data (Settings names for a new or incomplete Settings tab). */
  appendRows: CellValue[][];
  validations: ColumnValidation[];
  /** Computed columns as contiguous runs: styled as computed, protected with a warning. */
  computedRuns: { column: number; count: number }[];
}

/** A format applied when a condition holds; first matching rule wins in Sheets. */
export interface FormatStyle {
  background: string;
  fontColor: string;
  bold?: boolean;
  italic?: boolean;
  strikethrough?: boolean;
}

export interface FormatRule {
  /** Columns the rule covers, rows 2 to the bottom of the tab. */
  fromColumn: number;
  toColumn: number;
  when: { formula: string } | { greaterThan: number };
  style: FormatStyle;
}

export interface MilestoneFormatting {
  tab: string;
  rules: FormatRule[];
}

export interface SetupPlan {
  tabs: TabSetup[];
  /** null when Milestones has no Stage column to key the colours to. */
  formatting: MilestoneFormatting | null;
  /** Description of Payladder's protections, so setup finds and replaces its own. */
  protectionDescription: string;
}

export interface SetupOutcome {
  createdTabs: string[];
  addedColumns: { tab: string; header: string }[];
  addedSettings: string[];
}
