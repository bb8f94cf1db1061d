/**
 * "Set up the ledger" as data: which tabs and columns are missing, which validation each
 * column gets, how Milestones is coloured, what is protected. Worked out from the tabs'
 * header rows alone, so running it on a finished ledger plans nothing new and the adapter
 * that applies it stays a thin translation into SpreadsheetApp calls.
 *
 * Never plans a deletion, a rename or a move: missing tabs are added after the user's,
 * missing columns after the last header.
 */
import type { ColumnKind, Stage, TabKey, TabSpec } from '../../../shared/index.ts';
import {
  BUSINESS_KINDS,
  CHANNELS,
  columnLetter,
  findTabName,
  JURISDICTIONS,
  locateColumns,
  normalizeJurisdiction,
  RATE_LAWS,
  SETTING_NAMES,
  TABS,
} from '../../../shared/index.ts';
// From stages.ts itself, not through index.ts: index.ts re-exports these via model.ts, and
// that path would pull model.ts's zod schemas (and classic zod) into Code.js
// (scripts/build-apps-script.ts, pureSharedCore).
import { MESSAGE_KINDS, STAGES } from '../../../shared/stages.ts';
import type {
  CellValue,
  LedgerSnapshot,
  ColumnValidation,
  HeaderCell,
  TabSetup,
  FormatStyle,
  FormatRule,
  MilestoneFormatting,
  SetupPlan,
} from '../services.ts';
import { STAGE_ORDER, stageLook } from '../../../shared/stage-look.ts';

export const PROTECTION_DESCRIPTION =
  'Payladder: computed columns (recompute writes them; edit the other columns)';

/** Header styles: inputs plain bold, computed ones set apart so nobody types into them. */
export const HEADER_STYLE: FormatStyle = { background: '#f1f3f4', fontColor: '#000000', bold: true };
export const COMPUTED_HEADER_STYLE: FormatStyle = {
  background: '#dde3ea',
  fontColor: '#1f2937',
  bold: true,
  italic: true,
};

const STATUS_LABELS = ['Paid', 'Disputed', 'On hold', 'Renegotiated', 'Written off', 'Cancelled'];

function ruleFor(
  kind: ColumnKind,
  refs: Partial<Record<TabKey, RefTarget>>,
): ColumnValidation['rule'] | null {
  switch (kind) {
    case 'date':
      return { type: 'date' };
    case 'amount':
      return { type: 'positive-amount' };
    case 'days':
      return { type: 'days' };
    case 'language':
      return { type: 'list', values: ['en', 'it'] };
    case 'business':
      return { type: 'list', values: [...BUSINESS_KINDS] };
    case 'risk':
      return { type: 'list', values: ['low', 'medium', 'high'] };
    case 'status':
      return { type: 'list', values: STATUS_LABELS };
    case 'stage':
      return { type: 'list', values: [...STAGES] };
    case 'channel':
      return { type: 'list', values: [...CHANNELS] };
    case 'jurisdiction':
      return { type: 'list', values: [...JURISDICTIONS].sort() };
    case 'client-ref':
      return refs.clients ? { type: 'ref', ...refs.clients } : null;
    case 'milestone-ref':
    case 'milestone-refs':
      return refs.milestones ? { type: 'ref', ...refs.milestones } : null;
    case 'change-order-ref':
      return refs.changeOrders ? { type: 'ref', ...refs.changeOrders } : null;
    case 'law':
      return { type: 'list', values: [...RATE_LAWS] };
    default:
      return null;
  }
}

const HELP: Partial<Record<ColumnKind, string>> = {
  date: 'A date: YYYY-MM-DD or your locale’s format.',
  amount: 'An amount above zero.',
  days: 'A whole number of days.',
  language: 'en or it.',
  business: 'B2B for a business client, B2C for a consumer.',
  risk: 'low, medium or high.',
  status:
    'Leave empty: Payladder works the stage out. Or Paid, Disputed, On hold, Renegotiated, Written off, Cancelled.',
  stage: 'A stage id such as reminder, followup, final.',
  channel: 'gmail, draft or manual.',
  jurisdiction: 'IT, EU, an EU country code, GB-ENG, GB-SCT, GB-NIR, GB-WLS or a US state such as US-CA.',
  'client-ref': 'A client from the Clients tab.',
  'milestone-ref': 'A milestone ID from the Milestones tab.',
  'milestone-refs': 'Milestone IDs from the Milestones tab, separated by commas.',
  'change-order-ref': 'A change order ID from the Change orders tab.',
  law: 'EU or IT (the ECB rate on 1 January / 1 July), GB (a Bank Rate change).',
  percent: 'The reference rate in percent, before the statutory margin (for example 2.15).',
};

interface RefTarget {
  tab: string;
  column: number;
}

/** Reference columns the dropdowns read: Clients → Client, Milestones and Change orders → ID. */
const REF_COLUMNS: Partial<Record<TabKey, string>> = {
  clients: 'Client',
  milestones: 'ID',
  changeOrders: 'ID',
};

/** Settings a new Settings tab starts with; Locale and Time zone empty mean "the sheet's own". */
export function defaultSettings(locale: string): Record<(typeof SETTING_NAMES)[number], CellValue> {
  const [language = 'en', region = ''] = locale.split(/[_-]/);
  const upper = region.toUpperCase();
  const euro = new Set([
    'IT',
    'FR',
    'DE',
    'ES',
    'NL',
    'BE',
    'AT',
    'IE',
    'PT',
    'FI',
    'GR',
    'LU',
    'SK',
    'SI',
    'EE',
    'LV',
    'LT',
    'MT',
    'CY',
    'HR',
  ]);
  const currency = euro.has(upper) ? 'EUR' : upper === 'GB' ? 'GBP' : upper === 'US' ? 'USD' : '';
  const jurisdiction = upper === 'GB' ? 'GB-ENG' : (normalizeJurisdiction(upper) ?? '');
  return {
    'Your name': '',
    'Business name': '',
    'Your address': '',
    'Your company number': '',
    'Your VAT number': '',
    'Payment details': '',
    'Default currency': currency,
    'Default language': language.toLowerCase() === 'it' ? 'it' : 'en',
    'Default jurisdiction': jurisdiction,
    // Empty: the Default jurisdiction (PRODUCT.md, Settings).
    'Tax country': '',
    'Default terms': 30,
    'Default grace': 30,
    Locale: '',
    'Time zone': '',
    'Statutory interest': 'on',
  };
}

/** Works out everything setup must add to reach the ledger of PRODUCT.md. */
export function planSetup(snapshot: Pick<LedgerSnapshot, 'tabs' | 'tabNames' | 'locale'>): SetupPlan {
  const names = snapshot.tabNames;
  const layouts = TABS.map((spec) => layoutAfterSetup(spec, names, snapshot));
  const refs: Partial<Record<TabKey, RefTarget>> = {};
  for (const l of layouts) {
    const header = REF_COLUMNS[l.spec.key];
    const column = header === undefined ? undefined : l.columns.get(header);
    if (column !== undefined) refs[l.spec.key] = { tab: l.name, column };
  }

  const tabs: TabSetup[] = layouts.map((l) => {
    const validations: ColumnValidation[] = [];
    const computed: number[] = [];
    for (const c of l.spec.columns) {
      const column = l.columns.get(c.header);
      if (column === undefined) continue;
      if (c.computed) {
        computed.push(column);
        continue;
      }
      const rule =
        l.spec.key === 'templates' && c.header === 'Stage'
          ? ({ type: 'list', values: MESSAGE_KINDS } as const)
          : ruleFor(c.kind, refs);
      // A column must not offer itself as its own dropdown (Milestones → ID, say).
      if (!rule || (rule.type === 'ref' && rule.tab === l.name && rule.column === column)) continue;
      validations.push({ column, rule, help: HELP[c.kind] ?? 'A stage or message id.' });
    }
    return {
      key: l.spec.key,
      name: l.name,
      create: l.create,
      newHeaders: l.newHeaders,
      width: l.width,
      appendRows: l.spec.key === 'settings' ? settingsRows(l, snapshot) : [],
      validations,
      computedRuns: runs(computed),
    };
  });

  const milestones = layouts.find((l) => l.spec.key === 'milestones');
  return {
    tabs,
    formatting: milestones ? milestoneFormatting(milestones) : null,
    protectionDescription: PROTECTION_DESCRIPTION,
  };
}

interface PlannedLayout {
  spec: TabSpec;
  name: string;
  create: boolean;
  /** 1-based column of each canonical header after setup. */
  columns: Map<string, number>;
  newHeaders: HeaderCell[];
  width: number;
}

function layoutAfterSetup(
  spec: TabSpec,
  names: readonly string[],
  snapshot: Pick<LedgerSnapshot, 'tabs'>,
): PlannedLayout {
  const existing = findTabName(spec, names);
  const headerRow = existing === null ? [] : (snapshot.tabs[existing]?.[0] ?? []);
  const found = locateColumns(spec, headerRow);
  const columns = new Map<string, number>();
  for (const [header, i] of found) columns.set(header, i + 1);
  // Append after the last non-empty header cell, so a trailing blank header is reused.
  let width = 0;
  headerRow.forEach((cell, i) => {
    if (String(cell ?? '').trim() !== '') width = i + 1;
  });
  const newHeaders: HeaderCell[] = [];
  for (const c of spec.columns) {
    if (columns.has(c.header)) continue;
    width += 1;
    columns.set(c.header, width);
    newHeaders.push({ column: width, header: c.header, computed: c.computed === true });
  }
  return { spec, name: existing ?? spec.name, create: existing === null, columns, newHeaders, width };
}

function settingsRows(l: PlannedLayout, snapshot: Pick<LedgerSnapshot, 'tabs' | 'locale'>): CellValue[][] {
  const nameColumn = l.columns.get('Setting');
  const valueColumn = l.columns.get('Value');
  if (nameColumn === undefined || valueColumn === undefined) return [];
  const rows = l.create ? [] : (snapshot.tabs[l.name] ?? []).slice(1);
  const existingIndex = l.create ? -1 : nameColumn - 1;
  const present = new Set(rows.map((r) => keyOfSetting(r[existingIndex])));
  const defaults = defaultSettings(snapshot.locale);
  const out: CellValue[][] = [];
  for (const name of SETTING_NAMES) {
    if (present.has(keyOfSetting(name))) continue;
    const row: CellValue[] = Array.from({ length: l.width }, () => '');
    row[nameColumn - 1] = name;
    // An existing Settings tab gets the missing names with empty values (empty = default):
    // only a new tab is filled with defaults, so setup never decides for a user who chose.
    row[valueColumn - 1] = l.create ? defaults[name] : '';
    out.push(row);
  }
  return out;
}

function keyOfSetting(value: unknown): string {
  return String(value ?? '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

function runs(columns: readonly number[]): { column: number; count: number }[] {
  const sorted = [...columns].sort((a, b) => a - b);
  const out: { column: number; count: number }[] = [];
  for (const c of sorted) {
    const last = out.at(-1);
    if (last && last.column + last.count === c) last.count += 1;
    else out.push({ column: c, count: 1 });
  }
  return out;
}

/** Rows lighter than the Stage cell, so the row reads as a band and the cell as the label. */
function tint(hex: string, amount: number): string {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16);
    return Math.round(c + (255 - c) * amount)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(0)}${channel(1)}${channel(2)}`;
}

/**
 * Lateness shading of the Days overdue cell: one hue (vermillion, as the sidebar's aging
 * bars) getting darker with the aging buckets, so it also reads in greyscale print.
 */
export const LATENESS_SHADES: readonly { above: number; style: FormatStyle }[] = [
  { above: 90, style: { background: '#d55e00', fontColor: '#000000', bold: true } },
  { above: 60, style: { background: tint('#d55e00', 0.35), fontColor: '#000000', bold: true } },
  { above: 30, style: { background: tint('#d55e00', 0.6), fontColor: '#000000' } },
  { above: 0, style: { background: tint('#d55e00', 0.82), fontColor: '#000000' } },
];

/** Stages whose row shows no colour: nothing to do yet. */
const UNCOLOURED: ReadonlySet<Stage> = new Set(['current']);

/**
 * Milestones' conditional formatting. The rules key each row to its own Stage cell with a
 * column-absolute, row-relative formula (`=$O2="reminder"`), over ranges that start at row
 * 2 and run to the bottom of the tab: Sheets keeps such rules right when the user sorts,
 * filters, or inserts rows and columns (it moves `$O` with the column). Colours are the
 * stages' own (`stageLook`, shared/stage-look.ts, as on every surface); the row gets a light tint and the Stage cell the full
 * colour, and the ends of the ladder also change the type (bold for demand and small
 * claims, strikethrough for written off and cancelled), so colour is never the only cue.
 */
function milestoneFormatting(l: PlannedLayout): MilestoneFormatting | null {
  const stageColumn = l.columns.get('Stage');
  if (stageColumn === undefined) return null;
  const daysColumn = l.columns.get('Days overdue');
  const stageRef = `$${columnLetter(stageColumn)}2`;
  const rules: FormatRule[] = [];
  // First match wins: the Days overdue shading and the Stage cell go before the row bands.
  if (daysColumn !== undefined) {
    for (const shade of LATENESS_SHADES) {
      rules.push({
        fromColumn: daysColumn,
        toColumn: daysColumn,
        when: { greaterThan: shade.above },
        style: shade.style,
      });
    }
  }
  const stages = STAGE_ORDER.filter((s) => !UNCOLOURED.has(s));
  for (const stage of stages) {
    const { color, text } = stageLook[stage];
    rules.push({
      fromColumn: stageColumn,
      toColumn: stageColumn,
      when: { formula: stageFormula(stageRef, stage) },
      style: { background: color, fontColor: text, ...typeCue(stage), bold: true },
    });
  }
  for (const stage of stages) {
    rules.push({
      fromColumn: 1,
      toColumn: l.width,
      when: { formula: stageFormula(stageRef, stage) },
      style: {
        background: tint(stageLook[stage].color, 0.8),
        fontColor: '#000000',
        ...typeCue(stage),
      },
    });
  }
  return { tab: l.name, rules };
}

function typeCue(stage: Stage): Partial<FormatStyle> {
  if (stage === 'demand' || stage === 'small_claims') return { bold: true };
  if (stage === 'written_off' || stage === 'cancelled') return { strikethrough: true };
  if (stage === 'disputed' || stage === 'on_hold') return { italic: true };
  return {};
}

function stageFormula(ref: string, stage: Stage): string {
  return `=${ref}="${stage}"`;
}

/**
 * The stage fills setup wrote before the one palette (shared/stage-look.ts, issue 12):
 * setup run again on such a sheet still knows those rules for its own and replaces them,
 * rather than keeping them beside the new ones as if the user had made them. Recognised
 * only, never written.
 */
const LEGACY_STAGE_FILLS = [
  '#e8e8e8',
  '#56b4e9',
  '#009e73',
  '#f0e442',
  '#e69f00',
  '#d55e00',
  '#cc79a7',
  '#000000',
  '#d9f0e8',
  '#f5f5f5',
  '#bdbdbd',
  '#0072b2',
  '#cfe8f6',
  '#ede1ea',
  '#b7e4f5',
  '#a34700',
];

const OWN_FORMULA = new RegExp(`^=\\$[A-Z]{1,3}2="(${STAGES.join('|')})"$`);
const OWN_BACKGROUNDS = new Set(
  [
    ...LATENESS_SHADES.map((s) => s.style.background),
    ...[...Object.values(stageLook).map((l) => l.color), ...LEGACY_STAGE_FILLS].flatMap((c) => [
      c,
      tint(c, 0.8),
    ]),
  ].map((c) => c.toLowerCase()),
);

/**
 * Whether a conditional format rule on Milestones is one setup made (so setup replaces it)
 * rather than the user's own (kept as it is). Sheets rules carry no id, so a rule is ours
 * when both its condition and its colour are ones setup writes.
 */
export function isPayladderRule(rule: {
  formula: string | null;
  greaterThan: number | null;
  background: string | null;
}): boolean {
  if (rule.background === null || !OWN_BACKGROUNDS.has(rule.background.toLowerCase())) return false;
  if (rule.formula !== null) return OWN_FORMULA.test(rule.formula.replace(/\s+/g, ''));
  return rule.greaterThan !== null && LATENESS_SHADES.some((s) => s.above === rule.greaterThan);
}
