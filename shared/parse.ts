/**
 * Raw rows → typed ledger + problems. Every bad cell becomes a problem with its tab, sheet
 * row (header = 1), column, what is wrong and how to fix it; a row with an error is left
 * out and the rest goes on. Parsing never throws on cell content.
 *
 * One function per tab, in `parse/`; this file reads them in dependency order (Settings
 * first, as they say how to read the rest; clients before what names them).
 */
import type { Ledger, Problem, RawLedger } from './model.ts';
import type { TabKey, TabSpec } from './tabs.ts';
import {
  CHANGE_ORDERS,
  CLIENTS,
  MILESTONES,
  PAYMENTS,
  PROMISES,
  RATES,
  REMINDERS,
  TEMPLATES,
} from './tabs.ts';
import { parseChangeOrders } from './parse/change-orders.ts';
import { parseClients } from './parse/clients.ts';
import { parseMilestones } from './parse/milestones.ts';
import { parsePayments } from './parse/payments.ts';
import { parsePromises } from './parse/promises.ts';
import { parseRates } from './parse/rates.ts';
import type { Context, ParseOptions, TabLayout } from './parse/reader.ts';
import { TabReader } from './parse/reader.ts';
import { parseReminders } from './parse/reminders.ts';
import { parseSettings } from './parse/settings.ts';
import { parseTemplates } from './parse/templates.ts';

export type { ParseOptions, TabLayout } from './parse/reader.ts';
export { MESSAGE_IDS } from './stages.ts';
export {
  parseBusiness,
  parseChannel,
  parseLanguage,
  parseStage,
  parseStatus,
  refKey,
} from './parse/values.ts';

export interface Parsed {
  ledger: Ledger;
  problems: Problem[];
  layout: Partial<Record<TabKey, TabLayout>>;
}

/**
 * Where the milestones each Payments and Reminders row names sit in
 * `ledger.milestones`, noted while parsing has them in hand: the report then joins by
 * position instead of looking every milestone's ID up again (bench/core.ts). Valid for the
 * ledger parsed with them only, untouched.
 */
export interface Joins {
  /** The position of each payment's milestone. */
  payments: number[];
  /** The positions of each Reminders row's milestones, in the row's order. */
  reminders: number[][];
}

/** Parses every tab. Never throws on cell content. */
export function parseLedger(raw: RawLedger, opts: ParseOptions = {}): Parsed {
  return parseWithJoins(raw, opts).parsed;
}

/** `parseLedger`, and where each row's milestones sit (for `buildReport`). */
export function parseWithJoins(raw: RawLedger, opts: ParseOptions = {}): { parsed: Parsed; joins: Joins } {
  const problems: Problem[] = [];
  const layout: Parsed['layout'] = {};
  const settings = parseSettings(raw, opts, problems, layout);
  const ctx: Context = {
    locale: settings.locale,
    sheetTimeZone: opts.timeZone ?? settings.timeZone,
    problems,
  };
  const tab = (spec: TabSpec) => new TabReader(spec, ctx, raw, layout);

  const clients = parseClients(tab(CLIENTS), settings);
  const changeOrders = parseChangeOrders(tab(CHANGE_ORDERS), clients, settings);
  const milestones = parseMilestones(tab(MILESTONES), clients, changeOrders.byKey);
  const joins: Joins = { payments: [], reminders: [] };
  const payments = parsePayments(tab(PAYMENTS), milestones, settings, joins.payments);
  const reminders = parseReminders(tab(REMINDERS), clients, milestones, joins.reminders);
  const promises = parsePromises(tab(PROMISES), clients, milestones, settings);
  const templates = parseTemplates(tab(TEMPLATES), settings);
  const rates = parseRates(tab(RATES));

  const parsed: Parsed = {
    ledger: {
      settings,
      clients: clients.clients,
      milestones: milestones.milestones,
      payments,
      reminders,
      changeOrders: changeOrders.changeOrders,
      promises,
      templates,
      rates,
      leftOutMilestoneIds: milestones.leftOutIds,
    },
    problems,
    layout,
  };
  return { parsed, joins };
}
