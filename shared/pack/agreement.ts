/** The pack's agreement: the change orders about the client, each with the milestones billing it. */
import type { PackChangeOrder } from './types.ts';
import type { PackScope } from './scope.ts';

export function agreementSection(scope: PackScope): PackChangeOrder[] {
  return scope.changeOrders.map((c) => ({
    ...c,
    billed: scope.milestones
      .filter((m) => m.changeOrder === c.id)
      .map((m) => ({ id: m.id, invoice: m.invoice, invoiceDate: m.invoiceDate })),
  }));
}
