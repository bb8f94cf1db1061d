/** The Milestones tab (required): what is owed, one invoice or instalment a row. */
import type { ChangeOrder, ManualStatus, Milestone } from '../model.ts';
import type { ClientIndex } from './clients.ts';
import { clientRef } from './clients.ts';
import type { RowReader, TabReader } from './reader.ts';
import { readCurrency, uniqueId } from './reader.ts';
import { parseStatus, refKey } from './values.ts';

/** The milestones read, by reference key, and the rows left out (by key) for a clear problem. */
export interface MilestoneIndex {
  milestones: Milestone[];
  byKey: Map<string, Milestone>;
  /** Sheet row of each milestone whose row had an error. */
  rejected: Map<string, number>;
  /** Every ID typed in the tab that names no milestone read (its row was left out). */
  leftOutIds: string[];
  /** Sheet row → 1 + the position in `milestones` of the milestone read from it (0: none). */
  positionOfRow: Int32Array;
}

export function parseMilestones(
  tab: TabReader,
  clients: ClientIndex,
  changeOrders: ReadonlyMap<string, ChangeOrder>,
): MilestoneIndex {
  const milestones: Milestone[] = [];
  const byKey = new Map<string, Milestone>();
  const rejected = new Map<string, number>();
  // Sheet rows read as a milestone: their ID names one, so the left-out pass skips them.
  const read = new Uint8Array(tab.rowCount + 2);
  const positionOfRow = new Int32Array(tab.rowCount + 2);
  if (tab.check(true)) {
    tab.forEachRow((r) => {
      const unique = uniqueId(r, 'ID', byKey, rejected);
      if (unique === null) return;
      const { id, key } = unique;
      // Reminders and Promises list IDs separated by , or ;: such an ID could never match.
      if (id.includes(',') || id.includes(';')) {
        r.fail('id_separator', 'ID', {
          value: id,
          suggestion: id.replace(/\s*[,;]\s*/g, ' ').trim(),
        });
      }
      const client = clientRef(clients, r, 'Client', true);
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
      const co = changeOrder ? changeOrders.get(refKey(changeOrder)) : undefined;
      if (changeOrder && !co) r.fail('unknown_change_order', 'Change order', { value: changeOrder });
      if (r.failed || !client || !currency || amount === null) {
        rejected.set(key, r.row);
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
        statusNote: r.text('Status note'),
        changeOrder: co?.id ?? '',
      };
      milestones.push(m);
      byKey.set(key, m);
      read[r.row] = 1;
      positionOfRow[r.row] = milestones.length;
    });
  }
  // Every ID cell is taken, the rows left out too (issue 18: a plan reused a half-typed ID).
  const leftOutIds = [...new Set(tab.columnTexts('ID', read).filter((id) => !byKey.has(refKey(id))))];
  return { milestones, byKey, rejected, leftOutIds, positionOfRow };
}

/** The milestone `id` names (from a row's `header` cell); null, with a problem, when none. */
export function milestoneRef(
  index: MilestoneIndex,
  r: RowReader,
  header: string,
  id: string,
): Milestone | null {
  const key = refKey(id);
  const m = index.byKey.get(key);
  if (m) return m;
  const first = index.rejected.get(key);
  if (first !== undefined) r.fail('rejected_milestone', header, { value: id, first });
  else r.fail('unknown_milestone', header, { value: id });
  return null;
}

/**
 * The milestones a Reminders or Promises row names in its Milestone cell (IDs separated by
 * `,` or `;`); each unknown one is a problem and null.
 */
export function milestoneRefs(index: MilestoneIndex, r: RowReader): (Milestone | null)[] {
  const cell = r.required('Milestone') ?? '';
  // Most rows name one milestone (the cell is trimmed and, when empty, already a problem).
  if (cell !== '' && cell.indexOf(',') < 0 && cell.indexOf(';') < 0)
    return [milestoneRef(index, r, 'Milestone', cell)];
  return cell
    .split(/[,;]/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((id) => milestoneRef(index, r, 'Milestone', id));
}

/** Where milestone `m` (read into `index`) sits in `index.milestones`. */
export function positionOf(index: MilestoneIndex, m: Milestone): number {
  return (index.positionOfRow[m.row] as number) - 1;
}
