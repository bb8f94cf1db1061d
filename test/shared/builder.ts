/** Small raw ledgers for tests: header rows from the core's tab specs, rows by header name. */
import type { IsoDate, RawLedger } from '../../shared/index.ts';
import {
  addDays,
  CHANGE_ORDERS,
  CLIENTS,
  inputHeaders,
  MILESTONES,
  PAYMENTS,
  RATES,
  REMINDERS,
  SETTINGS,
} from '../../shared/index.ts';

type Row = Record<string, unknown>;

function table(headers: string[], rows: Row[]): unknown[][] {
  return [headers, ...rows.map((r) => headers.map((h) => r[h] ?? ''))];
}

export interface LedgerRows {
  clients?: Row[];
  milestones?: Row[];
  payments?: Row[];
  reminders?: Row[];
  changeOrders?: Row[];
  /** Rows of the optional Rates tab; the tab is left out when undefined. */
  rates?: Row[];
  settings?: Record<string, unknown>;
}

export const CLIENT: Row = {
  Client: 'Acme',
  Emails: 'ap@acme.example',
  Currency: 'EUR',
  Jurisdiction: 'IT',
  Business: 'B2B',
  Terms: 30,
  Grace: 30,
  Contract: '2025-01-01',
  Language: 'en',
};

/**
 * The client of the Gmail tests' stories (overlay-support.ts, fixture-ledger.ts): an Italian
 * company on 30-day terms, written in English. Each story sets its name and addresses.
 */
export const STORY_CLIENT: Row = {
  Contact: 'Sam',
  Language: 'en',
  Currency: 'EUR',
  Jurisdiction: 'IT',
  Business: 'B2B',
  Terms: 30,
  Grace: 30,
  Contract: '2026-01-05',
};

/** A milestone invoiced 30 days before it fell due, `late` days before `today`. */
export function overdueMilestone(
  today: IsoDate,
  id: string,
  client: string,
  amount: number,
  late: number,
): Row {
  return {
    ID: id,
    Client: client,
    Project: 'Site',
    Description: 'Work',
    Amount: amount,
    Currency: 'EUR',
    Invoice: `INV-${id}`,
    'Invoice date': addDays(today, -late - 30),
    'Due date': addDays(today, -late),
  };
}

export function rawLedger(rows: LedgerRows): RawLedger {
  const settings = {
    Locale: 'en_GB',
    'Time zone': 'Europe/Rome',
    'Default currency': 'EUR',
    ...rows.settings,
  };
  return {
    Clients: table(inputHeaders(CLIENTS), rows.clients ?? [CLIENT]),
    Milestones: table(inputHeaders(MILESTONES), rows.milestones ?? []),
    Payments: table(inputHeaders(PAYMENTS), rows.payments ?? []),
    Reminders: table(inputHeaders(REMINDERS), rows.reminders ?? []),
    'Change orders': table(inputHeaders(CHANGE_ORDERS), rows.changeOrders ?? []),
    Settings: table(
      inputHeaders(SETTINGS),
      Object.entries(settings).map(([Setting, Value]) => ({ Setting, Value })),
    ),
    ...(rows.rates ? { Rates: table(inputHeaders(RATES), rows.rates) } : {}),
  };
}
