/**
 * What one pack is about: the client, found by name, and the ledger rows about it as of the
 * pack's day (PRODUCT.md, "As of a day": entries dated later are left out). Every section
 * of the pack is built from this.
 */
import { pushTo } from '../collections.ts';
import type {
  ChangeOrder,
  Client,
  IsoDate,
  Ledger,
  Milestone,
  MilestoneReport,
  Payment,
  Reminder,
  Report,
} from '../model.ts';
import { refKey } from '../parse/values.ts';
import { PACK_ERRORS, PackError } from './types.ts';

export interface PackScope {
  ledger: Ledger;
  report: Report;
  today: IsoDate;
  client: Client;
  milestones: Milestone[];
  ids: Set<string>;
  byId: Map<string, Milestone>;
  /** The report's line of each of the client's milestones. */
  reports: Map<string, MilestoneReport>;
  payments: Payment[];
  /** The client's payments by milestone id, in ledger order. */
  paymentsOf: Map<string, Payment[]>;
  reminders: Reminder[];
  changeOrders: ChangeOrder[];
}

export function packScope(input: {
  ledger: Ledger;
  report: Report;
  client: string;
  today: IsoDate;
}): PackScope {
  const { ledger, report, today } = input;
  if (report.today !== today) throw new PackError(PACK_ERRORS.stale_report(report.today, today));
  const key = refKey(input.client);
  const client = ledger.clients.find((c) => refKey(c.client) === key);
  if (!client) throw new PackError(PACK_ERRORS.unknown_client(input.client));

  const milestones = ledger.milestones.filter((m) => m.client === client.client);
  const ids = new Set(milestones.map((m) => m.id));
  const payments = ledger.payments.filter((p) => ids.has(p.milestone) && p.date <= today);
  const paymentsOf = new Map<string, Payment[]>();
  for (const p of payments) pushTo(paymentsOf, p.milestone, p);
  return {
    ledger,
    report,
    today,
    client,
    milestones,
    ids,
    byId: new Map(milestones.map((m) => [m.id, m])),
    reports: new Map(report.milestones.filter((m) => ids.has(m.id)).map((m) => [m.id, m])),
    payments,
    paymentsOf,
    reminders: ledger.reminders.filter(
      (r) => (r.client === client.client || r.milestones.some((id) => ids.has(id))) && r.sent <= today,
    ),
    changeOrders: ledger.changeOrders.filter(
      (c) =>
        (c.client === client.client || milestones.some((m) => m.changeOrder === c.id)) &&
        (c.requested === null || c.requested <= today),
    ),
  };
}

/** A milestone's project and description, as the pack's lines name it. */
export const describe = (m: Milestone) => [m.project, m.description].filter(Boolean).join(' — ');

/** The invoices of the milestones `ids` names, joined: the invoice column of a line. */
export function invoicesOf(scope: PackScope, ids: readonly string[]): string {
  return ids
    .map((id) => scope.byId.get(id)?.invoice ?? '')
    .filter(Boolean)
    .join(', ');
}
