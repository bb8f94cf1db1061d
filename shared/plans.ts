/**
 * Payment plans (PRODUCT.md, the add-on's "make a payment plan"): a milestone's or a
 * client's outstanding amount split into N instalments at a fixed interval. The result is
 * new Milestones rows, ready for a surface to append, and the original milestones to mark
 * `Renegotiated` (the ladder pauses on them and their amounts leave the totals; each
 * instalment then climbs the ladder on its own due date).
 *
 * Amounts are integer minor units and add up exactly to the total: the remainder of the
 * division goes one minor unit at a time to the first instalments, so no two instalments
 * differ by more than one minor unit.
 */
import { addDays, addMonths, isIsoDate } from './dates.ts';
import { smallClaimsLimit } from './law/small-claims.ts';
import type { IsoDate, Language, Ledger, MilestoneReport, Report } from './model.ts';
import { currencyDigits, formatMoney, messageLocale, toMajor } from './money.ts';
import { refKey } from './parse.ts';
import { stageInSentence } from './stage-look.ts';
import { isOpen, PROMISE_STAGES, STAGES } from './stages.ts';
import { inputHeaders, MILESTONES } from './tabs.ts';

export const PLAN_INTERVALS = ['weekly', 'fortnightly', 'monthly'] as const;
export type PlanInterval = (typeof PLAN_INTERVALS)[number];

/** More instalments than this is a typing error, not a plan (ten years of monthly payments). */
export const MAX_INSTALMENTS = 120;

export interface PaymentPlanInput {
  ledger: Ledger;
  /** The report for `report.today`: outstanding amounts count the payments already made. */
  report: Report;
  /** Milestone IDs to replace. Without them, every milestone of `client` that is owed. */
  milestones?: readonly string[];
  client?: string;
  /** Number of instalments, 1…MAX_INSTALMENTS (raised when keeping under the limit). */
  instalments: number;
  interval: PlanInterval;
  /** Due date of the first instalment. */
  start: IsoDate;
  /** Raise the number of instalments until each fits the client's small-claims limit. */
  keepUnderSmallClaimsLimit?: boolean;
}

export interface PlanInstalment {
  id: string;
  dueDate: IsoDate;
  /** Minor units of the plan's currency. */
  amount: number;
}

/** A Milestones row by canonical header (input columns only), as the add-on appends it. */
export type PlanRow = Record<string, string | number>;

export interface PlanWarning {
  code: 'raised_for_limit' | 'limit_unknown' | 'start_in_past' | 'interest_left_out';
  /** In English (the CLI, the menu's preview). */
  message: string;
  /** The same in each UI language, amounts in its locale: the sidebar shows its own. */
  text: Readonly<Record<Language, string>>;
}

export interface PaymentPlan {
  client: string;
  currency: string;
  /** Minor units: the outstanding amount the instalments add up to. */
  total: number;
  interval: PlanInterval;
  instalments: PlanInstalment[];
  /** IDs of the milestones the plan replaces: mark them `Renegotiated`. */
  replaces: string[];
  /** The original rows to mark, with their sheet row numbers. */
  statusUpdates: Array<{ id: string; row: number; status: 'Renegotiated' }>;
  /** New Milestones rows, one per instalment, by canonical header. */
  rows: PlanRow[];
  warnings: PlanWarning[];
}

export type PlanErrorCode =
  | 'bad_count'
  | 'bad_start'
  | 'no_milestones'
  | 'unknown_milestone'
  | 'not_owed'
  | 'several_clients'
  | 'several_currencies'
  | 'too_small'
  | 'unknown_client';

export const PLAN_ERRORS = {
  bad_count: (n: number) =>
    `A payment plan needs a whole number of instalments from 1 to ${MAX_INSTALMENTS}, not ${n}.`,
  bad_start: (start: string) => `The first instalment's date must be a date as YYYY-MM-DD, not "${start}".`,
  no_milestones: 'Nothing to put in a payment plan: name the milestones, or a client that owes money.',
  unknown_milestone: (id: string) => `Milestone "${id}" is not in the ledger.`,
  not_owed: (id: string, stage: string) =>
    `Milestone ${id} is ${stageInSentence(stage)} with nothing outstanding to plan.`,
  several_clients: 'A payment plan covers one client: the milestones belong to several.',
  several_currencies: (list: string) =>
    `A payment plan is in one currency: the milestones are in ${list}. Make one plan per currency.`,
  too_small: (total: number, n: number) =>
    `${total} minor units cannot be split into ${n} instalments of at least one each.`,
  unknown_client: (name: string) => `No client named "${name}" in the ledger.`,
} as const;

export const PLAN_WARNINGS = {
  raised_for_limit: (from: number, to: number, limit: string) =>
    `Raised from ${from} to ${to} instalments so that each stays within the small-claims limit of ${limit}.`,
  limit_unknown: (jurisdiction: string) =>
    `No small-claims limit on file for ${jurisdiction || 'this client'} in this currency: the instalments were not checked against one.`,
  start_in_past: (start: string) => `The first instalment is due on ${start}, before today.`,
  interest_left_out: (amount: string) =>
    `Statutory interest and compensation accrued so far (${amount}) are not in the plan; the replaced milestones stop accruing once marked Renegotiated.`,
} as const;

/** PLAN_WARNINGS in Italian, for the Italian sidebar (issue 12: no English text there). */
export const PLAN_WARNINGS_IT: { readonly [K in keyof typeof PLAN_WARNINGS]: (typeof PLAN_WARNINGS)[K] } = {
  raised_for_limit: (from, to, limit) =>
    `Rate portate da ${from} a ${to}, perché ognuna resti entro il limite delle controversie di modesta entità (${limit}).`,
  limit_unknown: (jurisdiction) =>
    `Nessun limite per le controversie di modesta entità per ${jurisdiction || 'questo cliente'} in questa valuta: le rate non sono state confrontate con un limite.`,
  start_in_past: (start) => `La prima rata scade il ${start}, prima di oggi.`,
  interest_left_out: (amount) =>
    `Gli interessi di mora e il risarcimento maturati finora (${amount}) non sono nel piano; le scadenze sostituite smettono di maturarli una volta segnate Rinegoziato.`,
};

type WarningArgs<K extends PlanWarning['code']> = Parameters<(typeof PLAN_WARNINGS)[K]>;

/** A warning in every UI language; `args` gives its values for a language (amounts in its locale). */
function warning<K extends PlanWarning['code']>(
  code: K,
  args: (lang: Language) => WarningArgs<K>,
): PlanWarning {
  const say = (table: typeof PLAN_WARNINGS, lang: Language) =>
    (table[code] as (...a: WarningArgs<K>) => string)(...args(lang));
  const en = say(PLAN_WARNINGS, 'en');
  return { code, message: en, text: { en, it: say(PLAN_WARNINGS_IT, 'it') } };
}

export class PaymentPlanError extends Error {
  constructor(
    readonly code: PlanErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PaymentPlanError';
  }
}

/**
 * Stages whose milestone can go into a plan: still owed (open) and not already replaced; a
 * milestone under a promise (kept open or broken) is not offered.
 */
const PLANNABLE: ReadonlySet<string> = new Set(
  STAGES.filter((s) => isOpen(s) && !(PROMISE_STAGES as readonly string[]).includes(s)),
);

/**
 * Splits `total` minor units into `n` parts that add up exactly, the larger parts first
 * and differing by at most one minor unit.
 */
export function splitEvenly(total: number, n: number): number[] {
  const base = Math.floor(total / n);
  const rest = total - base * n;
  return Array.from({ length: n }, (_, i) => base + (i < rest ? 1 : 0));
}

/** Due date of instalment `k` (0-based): monthly dates count from `start` so 31 Jan → 28 Feb → 31 Mar. */
export function instalmentDate(start: IsoDate, interval: PlanInterval, k: number): IsoDate {
  if (interval === 'weekly') return addDays(start, 7 * k);
  if (interval === 'fortnightly') return addDays(start, 14 * k);
  return addMonths(start, k);
}

const DESCRIPTION = {
  en: (k: number, n: number, replaces: string) =>
    `Payment plan, instalment ${k} of ${n} (replaces ${replaces})`,
  it: (k: number, n: number, replaces: string) =>
    `Piano di rientro, rata ${k} di ${n} (sostituisce ${replaces})`,
};

/** Instalment IDs derived from the first replaced milestone: `M-7/1`…`M-7/4`, or `M-7-r2/1`… if taken. */
function instalmentIds(base: string, n: number, taken: ReadonlySet<string>): string[] {
  for (let round = 1; ; round++) {
    const prefix = round === 1 ? base : `${base}-r${round}`;
    const ids = Array.from({ length: n }, (_, i) => `${prefix}/${i + 1}`);
    if (ids.every((id) => !taken.has(refKey(id)))) return ids;
  }
}

/** Makes a payment plan, or throws a PaymentPlanError naming what is wrong with the request. */
export function makePaymentPlan(input: PaymentPlanInput): PaymentPlan {
  const { ledger, report, interval } = input;
  const today = report.today;
  const requested = input.instalments;
  if (!Number.isInteger(requested) || requested < 1 || requested > MAX_INSTALMENTS)
    throw new PaymentPlanError('bad_count', PLAN_ERRORS.bad_count(requested));
  if (!isIsoDate(input.start)) throw new PaymentPlanError('bad_start', PLAN_ERRORS.bad_start(input.start));

  const byId = new Map(report.milestones.map((m) => [refKey(m.id), m]));
  let chosen: MilestoneReport[];
  if (input.milestones && input.milestones.length > 0) {
    chosen = input.milestones.map((id) => {
      const m = byId.get(refKey(id));
      if (!m) throw new PaymentPlanError('unknown_milestone', PLAN_ERRORS.unknown_milestone(id));
      if (!PLANNABLE.has(m.stage) || m.outstanding <= 0)
        throw new PaymentPlanError('not_owed', PLAN_ERRORS.not_owed(m.id, m.stage));
      return m;
    });
  } else if (input.client !== undefined) {
    const key = refKey(input.client);
    const client = ledger.clients.find((c) => refKey(c.client) === key);
    if (!client) throw new PaymentPlanError('unknown_client', PLAN_ERRORS.unknown_client(input.client));
    chosen = report.milestones.filter(
      (m) =>
        m.client === client.client && PLANNABLE.has(m.stage) && m.outstanding > 0 && m.stage !== 'disputed',
    );
  } else chosen = [];
  // Oldest debt first: its ID names the instalments.
  chosen = [...new Map(chosen.map((m) => [m.id, m])).values()].sort(
    (a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.row - b.row,
  );
  const first = chosen[0];
  if (!first) throw new PaymentPlanError('no_milestones', PLAN_ERRORS.no_milestones);
  if (chosen.some((m) => m.client !== first.client))
    throw new PaymentPlanError('several_clients', PLAN_ERRORS.several_clients);
  const currencies = [...new Set(chosen.map((m) => m.currency))];
  if (currencies.length > 1)
    throw new PaymentPlanError('several_currencies', PLAN_ERRORS.several_currencies(currencies.join(', ')));

  const currency = first.currency;
  const client = ledger.clients.find((c) => c.client === first.client);
  const locale = ledger.settings.locale;
  const localeOf = (lang: Language) => messageLocale(lang, locale);
  const total = chosen.reduce((s, m) => s + m.outstanding, 0);
  const warnings: PlanWarning[] = [];

  let n = requested;
  if (input.keepUnderSmallClaimsLimit) {
    const limit = client ? smallClaimsLimit(client.jurisdiction, today) : null;
    if (limit && limit.currency === currency) {
      const limitMinor = limit.limit * 10 ** currencyDigits(currency);
      const needed = Math.ceil(total / limitMinor);
      if (needed > n) {
        if (needed > MAX_INSTALMENTS) throw new PaymentPlanError('bad_count', PLAN_ERRORS.bad_count(needed));
        warnings.push(
          warning('raised_for_limit', (lang) => [
            n,
            needed,
            formatMoney(limitMinor, currency, localeOf(lang)),
          ]),
        );
        n = needed;
      }
    } else {
      warnings.push(warning('limit_unknown', () => [client?.jurisdiction ?? '']));
    }
  }
  if (total < n) throw new PaymentPlanError('too_small', PLAN_ERRORS.too_small(total, n));
  if (input.start < today) warnings.push(warning('start_in_past', () => [input.start]));
  // Interest is in the milestones' currency; compensation in the law's (EUR 40 on a USD
  // invoice), so each currency is summed and shown on its own.
  const accrued: Record<string, number> = {};
  for (const m of chosen) {
    accrued[currency] = (accrued[currency] ?? 0) + m.lateInterest;
    accrued[m.compensationCurrency] = (accrued[m.compensationCurrency] ?? 0) + m.compensation;
  }
  const leftOut = Object.entries(accrued).filter(([, v]) => v > 0);
  if (leftOut.length > 0)
    warnings.push(
      warning('interest_left_out', (lang) => [
        leftOut.map(([c, v]) => formatMoney(v, c, localeOf(lang))).join(' + '),
      ]),
    );

  // Every ID cell is taken, rows left out for a problem too: an instalment reusing a
  // half-typed `SB-2/1` would be left out as a duplicate and its amount leave the totals.
  const taken = new Set(
    [...ledger.milestones.map((m) => m.id), ...(ledger.leftOutMilestoneIds ?? [])].map(refKey),
  );
  const ids = instalmentIds(first.id, n, taken);
  const amounts = splitEvenly(total, n);
  const instalments = ids.map((id, k) => ({
    id,
    dueDate: instalmentDate(input.start, interval, k),
    amount: amounts[k] ?? 0,
  }));

  const replaces = chosen.map((m) => m.id);
  const projects = [...new Set(chosen.map((m) => m.project).filter(Boolean))];
  const invoices = [...new Set(chosen.map((m) => m.invoice).filter(Boolean))];
  const describe = DESCRIPTION[ledger.settings.defaultLanguage];
  const rows: PlanRow[] = instalments.map((inst, k) => ({
    ID: inst.id,
    Client: first.client,
    Project: projects.join(', '),
    Description: describe(k + 1, n, replaces.join(', ')),
    Amount: toMajor(inst.amount, currency),
    Currency: currency,
    Invoice: invoices.join(', '),
    'Invoice date': '',
    'Due date': inst.dueDate,
    Status: '',
    'Change order': '',
    'Status note': '',
  }));

  return {
    client: first.client,
    currency,
    total,
    interval,
    instalments,
    replaces,
    statusUpdates: chosen.map((m) => ({ id: m.id, row: m.row, status: 'Renegotiated' })),
    rows,
    warnings,
  };
}

/** The Milestones input headers a plan row fills, in the tab's order. */
export const PLAN_ROW_HEADERS: readonly string[] = inputHeaders(MILESTONES);
