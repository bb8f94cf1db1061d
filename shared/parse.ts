/**
 * Raw rows → typed ledger + problems. Every bad cell becomes a problem with its tab, sheet
 * row (header = 1), column, what is wrong and how to fix it; a row with an error is left
 * out and the rest goes on. Parsing never throws on cell content.
 */
import { dateOrder, isTimeZone } from './dates.ts';
import { cellText, formulaError, isBlank, keyOf, readAmount, readDate, readDays } from './cells.ts';
import { jurisdictionHint, normalizeJurisdiction } from './jurisdictions.ts';
import type {
  ChangeOrder,
  Channel,
  Client,
  IsoDate,
  Language,
  Ledger,
  ManualStatus,
  Milestone,
  Payment,
  PromiseRow,
  Problem,
  RateRow,
  RawLedger,
  RawTab,
  Reminder,
  Settings,
  Stage,
  TemplateRow,
} from './model.ts';
import { CHANNELS, MANUAL_STATUSES, STAGES } from './stages.ts';
import type { AmountError } from './amounts.ts';
import { MAX_MINOR_UNITS } from './amounts.ts';
import { bcp47, currencyDigits, formatMoney, isCurrency } from './money.ts';
import { parseLocaleNumber } from './amounts.ts';
import type { ProblemCode } from './problems.ts';
import { problem } from './problems.ts';
import type { TabKey, TabSpec } from './tabs.ts';
import {
  CHANGE_ORDERS,
  CLIENTS,
  columnLetter,
  findTabName,
  locateColumns,
  MILESTONES,
  PAYMENTS,
  PROMISES,
  RATES,
  REMINDERS,
  SETTING_NAMES,
  SETTINGS,
  TEMPLATES,
} from './tabs.ts';

export interface ParseOptions {
  /** The spreadsheet's locale (`it_IT`), used when Settings has no Locale. */
  locale?: string;
  /** The spreadsheet's time zone: native Date cells are midnight there. */
  timeZone?: string;
}

/** Where a tab's known columns sit, for surfaces that write computed cells back. */
export interface TabLayout {
  /** The tab's name as the user wrote it. */
  name: string;
  /** 0-based column index by canonical header; only columns present. */
  columns: Record<string, number>;
  /** Number of columns in the header row. */
  width: number;
  /** Number of data rows (after the header), blank ones included. */
  rowCount: number;
}

export interface Parsed {
  ledger: Ledger;
  problems: Problem[];
  layout: Partial<Record<TabKey, TabLayout>>;
}

/** Message ids a Templates row may name besides the ladder stages. */
export const MESSAGE_IDS = [
  'dispute',
  'change_order',
  'payment_plan',
  'diffida',
  'broken_promise',
  'promise_thanks',
] as const;

const STAGE_BY_KEY = new Map<string, Stage>(STAGES.map((s) => [keyOf(s), s]));
const STATUS_BY_KEY = new Map<string, ManualStatus>([
  ...MANUAL_STATUSES.map((s): [string, ManualStatus] => [keyOf(s), s]),
  ['canceled', 'cancelled'],
]);
const LANGUAGE_BY_KEY = new Map<string, Language>([
  ['en', 'en'],
  ['english', 'en'],
  ['inglese', 'en'],
  ['it', 'it'],
  ['italian', 'it'],
  ['italiano', 'it'],
]);
const AMOUNT_PROBLEM: Record<AmountError, ProblemCode> = {
  amount: 'bad_amount',
  letters: 'amount_letters',
  exponent: 'amount_exponent',
  decimals: 'bad_decimals',
  too_large: 'amount_too_large',
  currency: 'amount_currency',
};
const EMAIL_RE = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const DOMAIN_RE = /^@[^@\s]+\.[^@\s]+$/;

export function parseStage(text: string): Stage | null {
  return STAGE_BY_KEY.get(keyOf(text)) ?? null;
}
export function parseStatus(text: string): ManualStatus | null {
  return STATUS_BY_KEY.get(keyOf(text)) ?? null;
}
export function parseLanguage(text: string): Language | null {
  return LANGUAGE_BY_KEY.get(text.trim().toLowerCase()) ?? null;
}

/** Reference keys: names and IDs match case- and space-insensitively. */
export function refKey(text: string): string {
  // Most references are typed cleanly: skip the regex unless there is whitespace to fold.
  return /\s\s|^\s|\s$|[\t\n\r\u00a0]/.test(text)
    ? text.trim().replace(/\s+/g, ' ').toLowerCase()
    : text.toLowerCase();
}

interface Context {
  locale: string;
  sheetTimeZone: string;
  problems: Problem[];
}

/** One data row of one tab: reads cells by canonical header and records problems. */
class RowReader {
  failed = false;
  constructor(
    private readonly tab: TabReader,
    readonly cells: readonly unknown[],
    readonly row: number,
  ) {}

  get locale(): string {
    return this.tab.ctx.locale;
  }
  raw(header: string): unknown {
    const i = this.tab.index[header];
    return i === undefined ? undefined : this.cells[i];
  }
  /** Cell by 0-based column index (the hot path of forEachRow). */
  at(index: number): unknown {
    return this.cells[index];
  }
  has(header: string): boolean {
    return !isBlank(this.raw(header));
  }
  text(header: string): string {
    return cellText(this.raw(header), this.tab.ctx.sheetTimeZone);
  }
  cell(header: string): string {
    const i = this.tab.columns.get(header);
    return `${this.tab.name}!${i === undefined ? '?' : columnLetter(i + 1)}${this.row}`;
  }
  fail(code: ProblemCode, header: string | null, vars: Record<string, string | number> = {}): void {
    this.failed = true;
    this.report(code, header, vars);
  }
  report(code: ProblemCode, header: string | null, vars: Record<string, string | number> = {}): void {
    this.tab.ctx.problems.push(
      problem(code, this.tab.spec.name, this.row, header, { cell: header ? this.cell(header) : '', ...vars }),
    );
  }
  required(header: string): string | null {
    const t = this.text(header);
    if (t === '') {
      this.fail('required', header);
      return null;
    }
    return t;
  }
  date(header: string, required = false): IsoDate | null {
    const v = this.raw(header);
    if (isBlank(v)) {
      if (required) this.fail('required', header);
      return null;
    }
    const r = readDate(v, this.tab.ctx.locale, this.tab.ctx.sheetTimeZone);
    if (r.ok) return r.value;
    const order = dateOrder(this.tab.ctx.locale);
    const example = order === 'MDY' ? '01/30/2026' : order === 'YMD' ? '2026/01/30' : '30/01/2026';
    this.fail(r.why === 'impossible-date' ? 'impossible_date' : 'bad_date', header, {
      value: this.text(header),
      example,
      locale: this.tab.ctx.locale,
    });
    return null;
  }
  amount(header: string, currency: string, required = true): number | null {
    const v = this.raw(header);
    if (isBlank(v)) {
      if (required) this.fail('required', header);
      return null;
    }
    const r = readAmount(v, currency, this.tab.ctx.locale);
    if (!r.ok) {
      const example = new Intl.NumberFormat(bcp47(this.tab.ctx.locale), { minimumFractionDigits: 2 }).format(
        1234.5,
      );
      this.fail(AMOUNT_PROBLEM[r.why as AmountError] ?? 'bad_amount', header, {
        value: this.text(header),
        currency,
        digits: currencyDigits(currency),
        locale: this.tab.ctx.locale,
        example,
        max: formatMoney(MAX_MINOR_UNITS, currency, 'en_US').replace(/[^\d.,]/g, ''),
      });
      return null;
    }
    if (r.value <= 0) {
      this.fail('not_positive', header, { value: this.text(header) });
      return null;
    }
    return r.value;
  }
  days(header: string, fallback: number): number {
    if (!this.has(header)) return fallback;
    const r = readDays(this.raw(header));
    if (r.ok) return r.value;
    this.fail('bad_days', header, { value: this.text(header) });
    return fallback;
  }
}

class TabReader {
  readonly columns: Map<string, number>;
  /** The same as `columns`, as a plain object: the per-cell lookup on the hot path. */
  readonly index: Record<string, number | undefined>;
  readonly name: string;
  readonly present: boolean;
  constructor(
    readonly spec: TabSpec,
    readonly ctx: Context,
    raw: RawLedger,
    readonly layout: Partial<Record<TabKey, TabLayout>>,
  ) {
    const name = findTabName(spec, Object.keys(raw));
    this.present = name !== null;
    this.name = name ?? spec.name;
    const rows: RawTab = name === null ? [] : (raw[name] ?? []);
    this.rows = rows;
    this.columns = locateColumns(spec, rows[0] ?? []);
    this.index = Object.fromEntries(this.columns);
    if (name !== null) {
      layout[spec.key] = {
        name,
        columns: Object.fromEntries(this.columns),
        width: (rows[0] ?? []).length,
        rowCount: Math.max(0, rows.length - 1),
      };
    }
  }
  private readonly rows: RawTab;

  /** Reports a missing tab (when `needed`) and missing required columns; false when unreadable. */
  check(needed: boolean): boolean {
    if (!this.present) {
      if (needed) this.ctx.problems.push(problem('missing_tab', this.spec.name, null, null));
      return false;
    }
    let ok = true;
    for (const c of this.spec.columns) {
      if (c.required && !this.columns.has(c.header)) {
        this.ctx.problems.push(problem('missing_column', this.spec.name, 1, c.header));
        ok = false;
      }
    }
    return ok;
  }

  /** The text of every non-blank cell of a column in the data rows, bad rows included. */
  columnTexts(header: string): string[] {
    const i = this.columns.get(header);
    const out: string[] = [];
    if (i === undefined) return out;
    for (let r = 1; r < this.rows.length; r++) {
      const t = cellText(this.rows[r]?.[i], this.ctx.sheetTimeZone);
      if (t !== '') out.push(t);
    }
    return out;
  }

  /** Calls `fn` for each non-blank data row after checking its input cells for formula errors. */
  forEachRow(fn: (r: RowReader) => void): void {
    const inputs = this.spec.columns
      .filter((c) => !c.computed && this.columns.has(c.header))
      .map((c) => ({ header: c.header, index: this.columns.get(c.header) as number }));
    for (let i = 1; i < this.rows.length; i++) {
      const cells = this.rows[i] ?? [];
      let blank = true;
      let broken = false;
      for (const c of inputs) {
        const v = cells[c.index];
        if (!isBlank(v)) blank = false;
        if (typeof v === 'string' && v.charCodeAt(0) === 35 /* # */ && formulaError(v)) broken = true;
      }
      if (blank) continue;
      const r = new RowReader(this, cells, i + 1);
      if (broken) {
        for (const c of inputs) {
          const err = formulaError(cells[c.index]);
          if (err) r.fail('formula_error', c.header, { value: err });
        }
        continue;
      }
      fn(r);
    }
  }
}

const SETTING_KEYS = new Map(SETTING_NAMES.map((n) => [keyOf(n), n]));

function parseSettings(
  raw: RawLedger,
  opts: ParseOptions,
  problems: Problem[],
  layout: Parsed['layout'],
): Settings {
  const values = new Map<string, { value: unknown; row: number }>();
  const ctx: Context = { locale: 'en_US', sheetTimeZone: opts.timeZone ?? 'UTC', problems };
  const tab = new TabReader(SETTINGS, ctx, raw, layout);
  if (tab.check(false)) {
    tab.forEachRow((r) => {
      const name = SETTING_KEYS.get(keyOf(r.text('Setting')));
      if (!name) {
        r.report('unknown_setting', 'Setting', {
          value: r.text('Setting'),
          allowed: SETTING_NAMES.join(', '),
        });
        return;
      }
      values.set(name, { value: r.raw('Value'), row: r.row });
    });
  }
  const text = (name: string) => cellText(values.get(name)?.value, ctx.sheetTimeZone);
  const bad = (name: string, hint: string) =>
    problems.push(
      problem('bad_setting', SETTINGS.name, values.get(name)?.row ?? null, 'Value', {
        value: text(name),
        setting: name,
        hint,
      }),
    );

  let locale = opts.locale && isLocale(opts.locale) ? opts.locale : 'en_US';
  if (text('Locale')) {
    if (isLocale(text('Locale'))) locale = text('Locale');
    else bad('Locale', 'Use a locale such as it_IT, en_GB or en_US.');
  }
  let timeZone = opts.timeZone && isTimeZone(opts.timeZone) ? opts.timeZone : 'UTC';
  if (text('Time zone')) {
    if (isTimeZone(text('Time zone'))) timeZone = text('Time zone');
    else bad('Time zone', 'Use an IANA time zone such as Europe/Rome or America/New_York.');
  }
  let defaultCurrency: string | null = null;
  if (text('Default currency')) {
    const c = text('Default currency').toUpperCase();
    if (isCurrency(c)) defaultCurrency = c;
    else bad('Default currency', 'Use a three-letter ISO 4217 code such as EUR.');
  }
  let defaultLanguage: Language = locale.toLowerCase().startsWith('it') ? 'it' : 'en';
  if (text('Default language')) {
    const l = parseLanguage(text('Default language'));
    if (l) defaultLanguage = l;
    else bad('Default language', 'Use en or it.');
  }
  let defaultJurisdiction: string | null = null;
  if (text('Default jurisdiction')) {
    defaultJurisdiction = normalizeJurisdiction(text('Default jurisdiction'));
    if (!defaultJurisdiction) bad('Default jurisdiction', jurisdictionHint(text('Default jurisdiction')));
  }
  let taxCountry = defaultJurisdiction;
  if (text('Tax country')) {
    const code = normalizeJurisdiction(text('Tax country'));
    if (code) taxCountry = code;
    else bad('Tax country', jurisdictionHint(text('Tax country')));
  }
  const days = (name: string, fallback: number, min: number) => {
    if (!text(name)) return fallback;
    const r = readDays(values.get(name)?.value);
    if (r.ok && r.value >= min) return r.value;
    bad(name, 'Use a whole number of days, such as 30.');
    return fallback;
  };
  let statutoryInterest = true;
  if (text('Statutory interest')) {
    const k = keyOf(text('Statutory interest'));
    if (['off', 'no', 'false', 'n'].includes(k)) statutoryInterest = false;
    else if (!['on', 'yes', 'true', 'y', 'si'].includes(k)) bad('Statutory interest', 'Use on or off.');
  }
  return {
    yourName: text('Your name'),
    businessName: text('Business name'),
    yourAddress: text('Your address'),
    yourCompanyNumber: text('Your company number'),
    yourVatNumber: text('Your VAT number'),
    paymentDetails: text('Payment details'),
    defaultCurrency,
    defaultLanguage,
    defaultJurisdiction,
    taxCountry,
    defaultTerms: days('Default terms', 30, 0),
    defaultGrace: days('Default grace', 30, 1),
    locale,
    timeZone,
    statutoryInterest,
  };
}

function isLocale(locale: string): boolean {
  return /^[a-z]{2,3}([_-][A-Za-z]{2,4})?([_-][A-Z]{2})?$/.test(locale);
}

/** Parses every tab. Never throws on cell content. */
export function parseLedger(raw: RawLedger, opts: ParseOptions = {}): Parsed {
  const problems: Problem[] = [];
  const layout: Parsed['layout'] = {};
  const settings = parseSettings(raw, opts, problems, layout);
  const ctx: Context = {
    locale: settings.locale,
    sheetTimeZone: opts.timeZone ?? settings.timeZone,
    problems,
  };

  // Clients
  const clients: Client[] = [];
  const clientByKey = new Map<string, Client>();
  const rejectedClients = new Map<string, number>();
  const clientRows = new Map<string, number>();
  const clientsTab = new TabReader(CLIENTS, ctx, raw, layout);
  if (clientsTab.check(true)) {
    clientsTab.forEachRow((r) => {
      const name = r.required('Client');
      if (name === null) return;
      const key = refKey(name);
      const first = clientRows.get(key);
      if (first !== undefined) return r.fail('duplicate_id', 'Client', { value: name, first });
      clientRows.set(key, r.row);

      const emails: string[] = [];
      for (const entry of r.text('Emails').split(/[,;\s]+/)) {
        const e = entry
          .trim()
          .toLowerCase()
          .replace(/^mailto:/, '');
        if (e === '') continue;
        if (EMAIL_RE.test(e) || DOMAIN_RE.test(e)) emails.push(e);
        else r.report('bad_email', 'Emails', { value: entry });
      }
      let language = settings.defaultLanguage;
      if (r.has('Language')) {
        const l = parseLanguage(r.text('Language'));
        if (l) language = l;
        else r.fail('unknown_language', 'Language', { value: r.text('Language') });
      }
      const currency = readCurrency(r, 'Currency', settings.defaultCurrency);
      let jurisdiction = settings.defaultJurisdiction ?? '';
      if (r.has('Jurisdiction')) {
        const j = normalizeJurisdiction(r.text('Jurisdiction'));
        if (j) jurisdiction = j;
        else
          r.fail('unknown_jurisdiction', 'Jurisdiction', {
            value: r.text('Jurisdiction'),
            hint: jurisdictionHint(r.text('Jurisdiction')),
          });
      }
      let business: Client['business'] = 'company';
      if (r.has('Business')) {
        const b = parseBusiness(r.text('Business'));
        if (b) business = b;
        else r.fail('unknown_business', 'Business', { value: r.text('Business') });
      }
      const terms = r.days('Terms', settings.defaultTerms);
      const grace = r.days('Grace', settings.defaultGrace);
      if (grace < 1 && r.has('Grace')) r.fail('bad_days', 'Grace', { value: r.text('Grace') });
      let risk: Client['risk'] = null;
      if (r.has('Risk')) {
        const k = keyOf(r.text('Risk'));
        if (k === 'low' || k === 'medium' || k === 'high') risk = k;
        else r.fail('unknown_risk', 'Risk', { value: r.text('Risk') });
      }
      const contract = r.text('Contract');
      let contractDate: IsoDate | null = null;
      if (contract !== '') {
        const d = readDate(r.raw('Contract'), ctx.locale, ctx.sheetTimeZone);
        if (d.ok) contractDate = d.value;
      }
      if (r.failed || currency === null) {
        rejectedClients.set(key, r.row);
        return;
      }
      if (contract === '') r.report('no_contract', 'Contract', { client: name });
      const client: Client = {
        row: r.row,
        client: name,
        emails,
        contact: r.text('Contact'),
        language,
        currency,
        jurisdiction,
        business,
        terms,
        grace: Math.max(1, grace),
        contract,
        contractDate,
        risk,
        notes: r.text('Notes'),
        legalName: r.text('Legal name'),
        address: r.text('Address'),
        companyNumber: r.text('Company number'),
        vatNumber: r.text('VAT number'),
      };
      clients.push(client);
      clientByKey.set(key, client);
    });
  }
  const clientRef = (r: RowReader, header: string, required: boolean): Client | null | undefined => {
    const name = required ? r.required(header) : r.text(header);
    if (!name) return undefined;
    const key = refKey(name);
    const c = clientByKey.get(key);
    if (c) return c;
    const first = rejectedClients.get(key);
    if (first !== undefined) r.fail('rejected_client', header, { value: name, first });
    else r.fail('unknown_client', header, { value: name });
    return null;
  };

  // Change orders
  const changeOrders: ChangeOrder[] = [];
  const changeOrderByKey = new Map<string, ChangeOrder>();
  const changeOrderRows = new Map<string, number>();
  const coTab = new TabReader(CHANGE_ORDERS, ctx, raw, layout);
  if (coTab.check(false)) {
    coTab.forEachRow((r) => {
      const id = r.required('ID');
      if (id === null) return;
      const key = refKey(id);
      const first = changeOrderRows.get(key);
      if (first !== undefined) return r.fail('duplicate_id', 'ID', { value: id, first });
      changeOrderRows.set(key, r.row);
      const client = clientRef(r, 'Client', false);
      const amount = r.amount('Amount', client?.currency ?? settings.defaultCurrency ?? 'EUR', false);
      const requested = r.date('Requested');
      const signed = r.date('Signed');
      if (r.failed) return;
      const co: ChangeOrder = {
        row: r.row,
        id,
        client: client?.client ?? '',
        description: r.text('Description'),
        amount,
        requested,
        signed,
      };
      changeOrders.push(co);
      changeOrderByKey.set(key, co);
    });
  }

  // Milestones
  const milestones: Milestone[] = [];
  const milestoneByKey = new Map<string, Milestone>();
  const milestoneRows = new Map<string, number>();
  const rejectedMilestones = new Map<string, number>();
  const msTab = new TabReader(MILESTONES, ctx, raw, layout);
  if (msTab.check(true)) {
    msTab.forEachRow((r) => {
      const id = r.required('ID');
      if (id === null) return;
      const key = refKey(id);
      const first = milestoneRows.get(key);
      if (first !== undefined) return r.fail('duplicate_id', 'ID', { value: id, first });
      milestoneRows.set(key, r.row);
      // Reminders and Promises list IDs separated by , or ;: such an ID could never match.
      if (/[,;]/.test(id)) {
        r.fail('id_separator', 'ID', {
          value: id,
          suggestion: id.replace(/\s*[,;]\s*/g, ' ').trim(),
        });
      }
      const client = clientRef(r, 'Client', true);
      const currency = client ? readCurrency(r, 'Currency', client.currency) : null;
      const amount = currency ? r.amount('Amount', currency) : null;
      const invoiceDate = r.date('Invoice date');
      const dueDate = r.date('Due date');
      let status: ManualStatus | null = null;
      if (r.has('Status')) {
        status = parseStatus(r.text('Status'));
        if (!status) r.fail('unknown_status', 'Status', { value: r.text('Status') });
      }
      const changeOrder = r.text('Change order');
      const co = changeOrder ? changeOrderByKey.get(refKey(changeOrder)) : undefined;
      if (changeOrder && !co) r.fail('unknown_change_order', 'Change order', { value: changeOrder });
      if (r.failed || !client || !currency || amount === null) {
        rejectedMilestones.set(key, r.row);
        return;
      }
      const invoice = r.text('Invoice');
      if (co && !co.signed && (invoice !== '' || invoiceDate !== null)) {
        r.report('unsigned_change_order', 'Change order', { value: co.id });
      }
      const m: Milestone = {
        row: r.row,
        id,
        client: client.client,
        project: r.text('Project'),
        description: r.text('Description'),
        amount,
        currency,
        invoice,
        invoiceDate,
        dueDate,
        status,
        changeOrder: co?.id ?? '',
      };
      milestones.push(m);
      milestoneByKey.set(key, m);
    });
  }
  // Every ID cell is taken, the rows left out too (issue 18: a plan reused a half-typed ID).
  const leftOutMilestoneIds = [
    ...new Set(msTab.columnTexts('ID').filter((id) => !milestoneByKey.has(refKey(id)))),
  ];
  const milestoneRef = (r: RowReader, header: string, id: string): Milestone | null => {
    const key = refKey(id);
    const m = milestoneByKey.get(key);
    if (m) return m;
    const first = rejectedMilestones.get(key);
    if (first !== undefined) r.fail('rejected_milestone', header, { value: id, first });
    else r.fail('unknown_milestone', header, { value: id });
    return null;
  };

  // Payments
  const payments: Payment[] = [];
  const payTab = new TabReader(PAYMENTS, ctx, raw, layout);
  if (payTab.check(false)) {
    payTab.forEachRow((r) => {
      const date = r.date('Date', true);
      const id = r.required('Milestone');
      const m = id === null ? null : milestoneRef(r, 'Milestone', id);
      const amount = r.amount('Amount', m?.currency ?? settings.defaultCurrency ?? 'EUR');
      if (r.failed || !m || !date || amount === null) return;
      if (m.invoiceDate && date < m.invoiceDate) {
        r.report('payment_before_invoice', 'Date', { value: date, invoiceDate: m.invoiceDate });
      }
      payments.push({
        row: r.row,
        date,
        milestone: m.id,
        amount,
        method: r.text('Method'),
        note: r.text('Note'),
      });
    });
  }

  // Reminders
  const reminders: Reminder[] = [];
  const remTab = new TabReader(REMINDERS, ctx, raw, layout);
  if (remTab.check(false)) {
    remTab.forEachRow((r) => {
      const sent = r.date('Sent', true);
      const ids = (r.required('Milestone') ?? '')
        .split(/[,;]/)
        .map((s) => s.trim())
        .filter(Boolean);
      const ms = ids.map((id) => milestoneRef(r, 'Milestone', id));
      let stage: Stage | null = null;
      if (r.has('Stage')) {
        stage = parseStage(r.text('Stage'));
        if (!stage) r.fail('unknown_stage', 'Stage', { value: r.text('Stage'), allowed: STAGES.join(', ') });
      }
      let channel: Channel | null = null;
      if (r.has('Channel')) {
        const k = keyOf(r.text('Channel'));
        channel = parseChannel(k);
        if (channel === null) r.fail('unknown_channel', 'Channel', { value: r.text('Channel') });
      }
      if (r.failed || !sent || ms.length === 0 || ms.some((m) => m === null)) return;
      const named = r.text('Client');
      const client = named ? (clientByKey.get(refKey(named))?.client ?? named) : (ms[0]?.client ?? '');
      reminders.push({
        row: r.row,
        sent,
        milestones: ms.map((m) => (m as Milestone).id),
        client,
        stage,
        template: r.text('Template'),
        to: r.text('To'),
        subject: r.text('Subject'),
        channel,
        link: r.text('Link'),
      });
    });
  }

  // Promises (optional tab)
  const promises: PromiseRow[] = [];
  const promTab = new TabReader(PROMISES, ctx, raw, layout);
  if (promTab.check(false)) {
    promTab.forEachRow((r) => {
      const date = r.date('Date', true);
      const by = r.date('Promised by', true);
      const ids = (r.required('Milestone') ?? '')
        .split(/[,;]/)
        .map((s) => s.trim())
        .filter(Boolean);
      const ms = ids.map((id) => milestoneRef(r, 'Milestone', id));
      const first = ms[0] ?? null;
      const amount = r.amount('Amount', first?.currency ?? settings.defaultCurrency ?? 'EUR', false);
      if (date && by && by < date) r.fail('promise_before_made', 'Promised by', { value: by, date });
      if (r.failed || !date || !by || ms.length === 0 || ms.some((m) => m === null)) return;
      const named = r.text('Client');
      const client = named ? (clientByKey.get(refKey(named))?.client ?? named) : (first?.client ?? '');
      promises.push({
        row: r.row,
        date,
        milestones: ms.map((m) => (m as Milestone).id),
        client,
        amount,
        by,
        source: r.text('Source'),
        note: r.text('Note'),
      });
    });
  }

  // Templates
  const templates: TemplateRow[] = [];
  const tplTab = new TabReader(TEMPLATES, ctx, raw, layout);
  const messageIds = [...STAGES, ...MESSAGE_IDS] as string[];
  if (tplTab.check(false)) {
    tplTab.forEachRow((r) => {
      const stageText = r.required('Stage');
      if (stageText === null) return;
      const stage = messageIds.find((s) => keyOf(s) === keyOf(stageText));
      if (!stage)
        return r.fail('unknown_stage', 'Stage', { value: stageText, allowed: messageIds.join(', ') });
      let language = settings.defaultLanguage;
      if (r.has('Language')) {
        const l = parseLanguage(r.text('Language'));
        if (!l) return r.fail('unknown_language', 'Language', { value: r.text('Language') });
        language = l;
      }
      templates.push({ row: r.row, stage, language, subject: r.text('Subject'), body: r.text('Body') });
    });
  }

  const rates = parseRates(new TabReader(RATES, ctx, raw, layout));

  return {
    ledger: {
      settings,
      clients,
      milestones,
      payments,
      reminders,
      changeOrders,
      promises,
      templates,
      rates,
      leftOutMilestoneIds,
    },
    problems,
    layout,
  };
}

function readCurrency(r: RowReader, header: string, fallback: string | null): string | null {
  if (!r.has(header)) {
    if (fallback) return fallback;
    r.fail('no_currency', header);
    return null;
  }
  const c = r.text(header).toUpperCase();
  if (isCurrency(c)) return c;
  r.fail('unknown_currency', header, { value: r.text(header) });
  return null;
}

/**
 * A Business cell: `company`, `sole_trader` (also "sole trader", "sole-trader"), `consumer`;
 * the older `B2B` / `B2C` read as `company` / `consumer`. Null for anything else.
 */
export function parseBusiness(text: string): Client['business'] | null {
  const k = text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
  if (k === 'company' || k === 'b2b') return 'company';
  if (k === 'soletrader') return 'sole_trader';
  if (k === 'consumer' || k === 'b2c') return 'consumer';
  return null;
}

/** A Channel cell, its key already lower-cased; the older `manual` reads as `email`. */
export function parseChannel(key: string): Channel | null {
  if (key === 'manual') return 'email';
  return (CHANNELS as readonly string[]).includes(key) ? (key as Channel) : null;
}

const RATE_LAW_BY_KEY = new Map<string, RateRow['law']>([
  ['eu', 'EU'],
  ['it', 'IT'],
  ['gb', 'GB'],
  ['uk', 'GB'],
]);

/**
 * The optional `Rates` tab. A percentage is read as typed (2.15 = 2.15 %), "2,15 %" in
 * the ledger's locale too; it must be a whole number of basis points, which also catches
 * a cell formatted as a percentage (it holds 2.15 % as 0.0215).
 */
function parseRates(tab: TabReader): RateRow[] {
  const rates: RateRow[] = [];
  if (!tab.check(false)) return rates;
  const seen = new Map<string, number>();
  tab.forEachRow((r) => {
    const lawText = r.required('Law');
    const law = lawText === null ? undefined : RATE_LAW_BY_KEY.get(lawText.trim().toLowerCase());
    if (lawText !== null && !law) r.fail('unknown_rate_law', 'Law', { value: lawText });
    const from = r.date('From', true);
    if (from && law && law !== 'GB' && !/-(01|07)-01$/.test(from))
      r.fail('rate_not_half_year', 'From', { value: from, law });
    const referenceBp = readRateBp(r);
    if (r.failed || !law || !from || referenceBp === null) return;
    const key = `${law}|${law === 'GB' ? from : from.slice(0, 7)}`;
    const first = seen.get(key);
    if (first !== undefined) r.report('duplicate_rate', 'From', { value: from, law, first });
    seen.set(key, r.row);
    rates.push({ row: r.row, law, from, referenceBp, source: r.text('Source') });
  });
  return rates;
}

function readRateBp(r: RowReader): number | null {
  const raw = r.raw('Reference rate');
  if (isBlank(raw)) {
    r.fail('required', 'Reference rate');
    return null;
  }
  let percent: number | null;
  if (typeof raw === 'number') percent = Number.isFinite(raw) ? raw : null;
  else {
    const text = r.text('Reference rate').replace(/\s*%$/, '');
    percent = parseLocaleNumber(text, r.locale) ?? (/^-?\d+(\.\d+)?$/.test(text) ? Number(text) : null);
  }
  const bp = percent === null ? NaN : percent * 100;
  const whole = Math.round(bp);
  if (percent === null || Math.abs(bp - whole) > 1e-6 || whole < -500 || whole > 3000) {
    r.fail('bad_rate', 'Reference rate', { value: r.text('Reference rate') });
    return null;
  }
  if (typeof raw === 'number' && percent > 0 && percent < 1)
    r.report('rate_looks_like_fraction', 'Reference rate', { value: r.text('Reference rate') });
  return whole;
}
