/** The Change orders tab (optional): extra work, requested and signed, that milestones name. */
import type { ChangeOrder, Settings } from '../model.ts';
import type { ClientIndex } from './clients.ts';
import { clientRef } from './clients.ts';
import type { TabReader } from './reader.ts';
import { uniqueId } from './reader.ts';

/** The change orders read, by reference key. */
export function parseChangeOrders(
  tab: TabReader,
  clients: ClientIndex,
  settings: Settings,
): { changeOrders: ChangeOrder[]; byKey: Map<string, ChangeOrder> } {
  const changeOrders: ChangeOrder[] = [];
  const byKey = new Map<string, ChangeOrder>();
  // Sheet row of each change order whose row had an error (for the duplicate check).
  const rejected = new Map<string, number>();
  if (!tab.check(false)) return { changeOrders, byKey };
  tab.forEachRow((r) => {
    const unique = uniqueId(r, 'ID', byKey, rejected);
    if (unique === null) return;
    const { id, key } = unique;
    const client = clientRef(clients, r, 'Client', false);
    const amount = r.amount('Amount', client?.currency ?? settings.defaultCurrency ?? 'EUR', false);
    const requested = r.date('Requested');
    const signed = r.date('Signed');
    if (r.failed) {
      rejected.set(key, r.row);
      return;
    }
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
    byKey.set(key, co);
  });
  return { changeOrders, byKey };
}
