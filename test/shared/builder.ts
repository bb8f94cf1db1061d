/** Small raw ledgers for tests: header rows from the core's tab specs, rows by header name. */
import type { RawLedger } from '../../shared/index.ts';
import {
  CHANGE_ORDERS,
  CLIENTS,
  MILESTONES,
  PAYMENTS,
  RATES,
  REMINDERS,
  SETTINGS,
} from '../../shared/index.ts';

type Row = Record<string, unknown>;
const inputs = (spec: { columns: readonly { header: string; computed?: boolean }[] }) =>
  spec.columns.filter((c) => !c.computed).map((c) => c.header);

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

export function rawLedger(rows: LedgerRows): RawLedger {
  const settings = {
    Locale: 'en_GB',
    'Time zone': 'Europe/Rome',
    'Default currency': 'EUR',
    ...rows.settings,
  };
  return {
    Clients: table(inputs(CLIENTS), rows.clients ?? [CLIENT]),
    Milestones: table(inputs(MILESTONES), rows.milestones ?? []),
    Payments: table(inputs(PAYMENTS), rows.payments ?? []),
    Reminders: table(inputs(REMINDERS), rows.reminders ?? []),
    'Change orders': table(inputs(CHANGE_ORDERS), rows.changeOrders ?? []),
    Settings: table(
      inputs(SETTINGS),
      Object.entries(settings).map(([Setting, Value]) => ({ Setting, Value })),
    ),
    ...(rows.rates ? { Rates: table(inputs(RATES), rows.rates) } : {}),
  };
}
