/**
 * The ledger's tabs and columns (PRODUCT.md, "The ledger"). Columns are found by header,
 * case and spaces ignored; unknown columns are kept and never touched; computed columns
 * are written only by Payladder and never read as input.
 */

export type TabKey =
  | 'clients'
  | 'milestones'
  | 'payments'
  | 'reminders'
  | 'changeOrders'
  | 'promises'
  | 'settings'
  | 'templates'
  | 'rates';

/** How a surface should validate and format the column (the add-on's data validation). */
export type ColumnKind =
  | 'text'
  | 'date'
  | 'amount'
  | 'days'
  | 'email-list'
  | 'language'
  | 'currency'
  | 'jurisdiction'
  | 'business'
  | 'risk'
  | 'status'
  | 'stage'
  | 'channel'
  | 'client-ref'
  | 'milestone-ref'
  | 'milestone-refs'
  | 'change-order-ref'
  /** A rate table's law: `EU`, `IT` or `GB`. */
  | 'law'
  /** A percentage such as 2.15. */
  | 'percent';

export interface ColumnSpec {
  header: string;
  kind: ColumnKind;
  /** Written by Payladder only. */
  computed?: boolean;
  /** A row without it is an error. */
  required?: boolean;
}

export interface TabSpec {
  key: TabKey;
  name: string;
  columns: readonly ColumnSpec[];
}

export const CLIENTS: TabSpec = {
  key: 'clients',
  name: 'Clients',
  columns: [
    { header: 'Client', kind: 'text', required: true },
    { header: 'Emails', kind: 'email-list' },
    { header: 'Contact', kind: 'text' },
    { header: 'Language', kind: 'language' },
    { header: 'Currency', kind: 'currency' },
    { header: 'Jurisdiction', kind: 'jurisdiction' },
    { header: 'Business', kind: 'business' },
    { header: 'Terms', kind: 'days' },
    { header: 'Grace', kind: 'days' },
    { header: 'Contract', kind: 'text' },
    { header: 'Risk', kind: 'risk' },
    { header: 'Notes', kind: 'text' },
    // Party details for formal letters and the documentation pack (all optional).
    { header: 'Legal name', kind: 'text' },
    { header: 'Address', kind: 'text' },
    { header: 'Company number', kind: 'text' },
    { header: 'VAT number', kind: 'text' },
  ],
};

/** Milestones' computed columns, in the order setup appends them. */
export const MILESTONE_COMPUTED = [
  'Paid to date',
  'Outstanding',
  'Days overdue',
  'Stage',
  'Next action',
  'Next action on',
  'Late interest',
  'Compensation',
  'Problems',
] as const;
export type MilestoneComputed = (typeof MILESTONE_COMPUTED)[number];

export const MILESTONES: TabSpec = {
  key: 'milestones',
  name: 'Milestones',
  columns: [
    { header: 'ID', kind: 'text', required: true },
    { header: 'Client', kind: 'client-ref', required: true },
    { header: 'Project', kind: 'text' },
    { header: 'Description', kind: 'text' },
    { header: 'Amount', kind: 'amount', required: true },
    { header: 'Currency', kind: 'currency' },
    { header: 'Invoice', kind: 'text' },
    { header: 'Invoice date', kind: 'date' },
    { header: 'Due date', kind: 'date' },
    { header: 'Status', kind: 'status' },
    { header: 'Change order', kind: 'change-order-ref' },
    // Why the Status was set: a dispute's reason and where the client said it (optional).
    { header: 'Status note', kind: 'text' },
    { header: 'Paid to date', kind: 'amount', computed: true },
    { header: 'Outstanding', kind: 'amount', computed: true },
    { header: 'Days overdue', kind: 'days', computed: true },
    { header: 'Stage', kind: 'stage', computed: true },
    { header: 'Next action', kind: 'text', computed: true },
    { header: 'Next action on', kind: 'date', computed: true },
    { header: 'Late interest', kind: 'amount', computed: true },
    { header: 'Compensation', kind: 'amount', computed: true },
    { header: 'Problems', kind: 'text', computed: true },
  ],
};

export const PAYMENTS: TabSpec = {
  key: 'payments',
  name: 'Payments',
  columns: [
    { header: 'Date', kind: 'date', required: true },
    { header: 'Milestone', kind: 'milestone-ref', required: true },
    { header: 'Amount', kind: 'amount', required: true },
    { header: 'Method', kind: 'text' },
    { header: 'Note', kind: 'text' },
  ],
};

export const REMINDERS: TabSpec = {
  key: 'reminders',
  name: 'Reminders',
  columns: [
    { header: 'Sent', kind: 'date', required: true },
    { header: 'Milestone', kind: 'milestone-refs', required: true },
    { header: 'Client', kind: 'client-ref' },
    { header: 'Stage', kind: 'stage' },
    { header: 'Template', kind: 'text' },
    { header: 'To', kind: 'text' },
    { header: 'Subject', kind: 'text' },
    { header: 'Channel', kind: 'channel' },
    { header: 'Link', kind: 'text' },
  ],
};

export const CHANGE_ORDERS: TabSpec = {
  key: 'changeOrders',
  name: 'Change orders',
  columns: [
    { header: 'ID', kind: 'text', required: true },
    { header: 'Client', kind: 'client-ref' },
    { header: 'Description', kind: 'text' },
    { header: 'Amount', kind: 'amount' },
    { header: 'Requested', kind: 'date' },
    { header: 'Signed', kind: 'date' },
  ],
};

/**
 * What the client promised (PRODUCT.md, "Promises"): while a promise is open the ladder
 * pauses; the day after `Promised by`, unpaid, it is broken.
 */
export const PROMISES: TabSpec = {
  key: 'promises',
  name: 'Promises',
  columns: [
    { header: 'Date', kind: 'date', required: true },
    { header: 'Milestone', kind: 'milestone-refs', required: true },
    { header: 'Client', kind: 'client-ref' },
    { header: 'Amount', kind: 'amount' },
    { header: 'Promised by', kind: 'date', required: true },
    { header: 'Source', kind: 'text' },
    { header: 'Note', kind: 'text' },
  ],
};

export const SETTINGS: TabSpec = {
  key: 'settings',
  name: 'Settings',
  columns: [
    { header: 'Setting', kind: 'text', required: true },
    { header: 'Value', kind: 'text' },
  ],
};

export const TEMPLATES: TabSpec = {
  key: 'templates',
  name: 'Templates',
  columns: [
    { header: 'Stage', kind: 'text', required: true },
    { header: 'Language', kind: 'language' },
    { header: 'Subject', kind: 'text' },
    { header: 'Body', kind: 'text' },
  ],
};

/**
 * Reference rates the user adds to the built-in table (PRODUCT.md, "Rates"): a new
 * half-year's ECB rate, a new Bank Rate, before Payladder ships them.
 */
export const RATES: TabSpec = {
  key: 'rates',
  name: 'Rates',
  columns: [
    { header: 'Law', kind: 'law', required: true },
    { header: 'From', kind: 'date', required: true },
    { header: 'Reference rate', kind: 'percent', required: true },
    { header: 'Source', kind: 'text' },
  ],
};

/** Every tab in the order setup creates them. */
export const TABS: readonly TabSpec[] = [
  CLIENTS,
  MILESTONES,
  PAYMENTS,
  REMINDERS,
  CHANGE_ORDERS,
  PROMISES,
  TEMPLATES,
  RATES,
  SETTINGS,
];

/** The headers a user types into, in the tab's order: every column but the computed ones. */
export function inputHeaders(spec: TabSpec): string[] {
  return spec.columns.filter((c) => !c.computed).map((c) => c.header);
}

/** The headers only Payladder writes (Milestones' Paid to date … Problems), in the tab's order. */
export function computedHeaders(spec: TabSpec): string[] {
  return spec.columns.filter((c) => c.computed).map((c) => c.header);
}

/** The input headers that hold a date (Invoice date, Sent, Promised by…), in the tab's order. */
export function dateHeaders(spec: TabSpec): string[] {
  return spec.columns.filter((c) => !c.computed && c.kind === 'date').map((c) => c.header);
}

/** The sheet's names of the ledger tabs it has, in the schema's order. */
export function ledgerTabs(names: readonly string[]): string[] {
  return TABS.map((t) => findTabName(t, names)).filter((n): n is string => n !== null);
}

/** A1 range for a whole tab; quotes doubled per the Sheets A1 grammar. */
export function tabRange(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** The settings the Settings tab knows, with their defaults as setup writes them. */
export const SETTING_NAMES = [
  'Your name',
  'Business name',
  'Your address',
  'Your company number',
  'Your VAT number',
  'Payment details',
  'Default currency',
  'Default language',
  'Default jurisdiction',
  'Tax country',
  'Default terms',
  'Default grace',
  'Locale',
  'Time zone',
  'Statutory interest',
] as const;
export type SettingName = (typeof SETTING_NAMES)[number];

/** Header normalisation: case and spaces ignored ("Invoice date" = "invoicedate" = "INVOICE DATE"). */
export function normalizeHeader(header: unknown): string {
  return String(header ?? '')
    .toLowerCase()
    .replace(/[\s_]+/g, '');
}

/** 0-based column index of each known header in a header row; unknown headers are skipped. */
export function locateColumns(spec: TabSpec, headerRow: readonly unknown[]): Map<string, number> {
  const wanted = new Map(spec.columns.map((c) => [normalizeHeader(c.header), c.header]));
  const found = new Map<string, number>();
  headerRow.forEach((cell, i) => {
    const header = wanted.get(normalizeHeader(cell));
    if (header !== undefined && !found.has(header)) found.set(header, i);
  });
  return found;
}

/** Finds a tab among the user's tab names, case and spaces ignored. */
export function findTabName(spec: TabSpec, names: Iterable<string>): string | null {
  const want = normalizeHeader(spec.name);
  for (const name of names) if (normalizeHeader(name) === want) return name;
  return null;
}

/** 1-based column letter(s) for A1 notation (1 → A, 27 → AA). */
export function columnLetter(index1: number): string {
  let n = index1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
