/**
 * The ledger in the service worker's memory, with what the Gmail overlay asks for kept
 * ready: the address and domain → client index, and each client's rows, so one client's
 * part of the report is computed on demand by the core (`computeReport` on that client's
 * slice of the ledger gives the same rows as on the whole ledger: every rule groups by
 * client or milestone).
 */
import type {
  Client,
  ClientIndex,
  ClientReport,
  IsoDate,
  Ledger,
  Milestone,
  MilestoneReport,
  Payment,
  Problem,
  Reminder,
} from '../../shared/index.ts';
import { buildClientIndex, computeReport, matchClient, refKey } from '../../shared/index.ts';
import type { CachedLedger } from './ledger-cache.ts';

export interface LedgerState extends CachedLedger {
  index: ClientIndex;
  /** By exact client name. */
  clients: Map<string, Client>;
  /** By `refKey` of the name, for names typed by a person (the pick-a-client fallback). */
  clientsByKey: Map<string, Client>;
  milestonesByClient: Map<string, Milestone[]>;
  paymentsByMilestone: Map<string, Payment[]>;
  remindersByMilestone: Map<string, Reminder[]>;
  /** Milestones tab problems by sheet row. */
  problemsByRow: Map<number, Problem[]>;
}

function push<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

export function makeLedgerState(cache: CachedLedger): LedgerState {
  const { ledger } = cache;
  const milestonesByClient = new Map<string, Milestone[]>();
  for (const m of ledger.milestones) push(milestonesByClient, m.client, m);
  const paymentsByMilestone = new Map<string, Payment[]>();
  for (const p of ledger.payments) push(paymentsByMilestone, p.milestone, p);
  const remindersByMilestone = new Map<string, Reminder[]>();
  for (const r of ledger.reminders) for (const id of r.milestones) push(remindersByMilestone, id, r);
  const problemsByRow = new Map<number, Problem[]>();
  for (const p of cache.problems) {
    if (p.tab !== 'Milestones' || p.row === null) continue;
    const list = problemsByRow.get(p.row);
    if (list) list.push(p);
    else problemsByRow.set(p.row, [p]);
  }
  return {
    ...cache,
    index: buildClientIndex(ledger.clients),
    clients: new Map(ledger.clients.map((c) => [c.client, c])),
    clientsByKey: new Map(ledger.clients.map((c) => [refKey(c.client), c])),
    milestonesByClient,
    paymentsByMilestone,
    remindersByMilestone,
    problemsByRow,
  };
}

/** The client named `name` (exact, else case- and space-insensitive). */
export function findClient(state: LedgerState, name: string): Client | null {
  return state.clients.get(name) ?? state.clientsByKey.get(refKey(name)) ?? null;
}

/** One client's rows of the ledger: their milestones, those milestones' payments and reminders. */
export function clientSlice(state: LedgerState, client: Client): Ledger {
  const milestones = state.milestonesByClient.get(client.client) ?? [];
  const payments: Payment[] = [];
  const reminders = new Set<Reminder>();
  for (const m of milestones) {
    payments.push(...(state.paymentsByMilestone.get(m.id) ?? []));
    for (const r of state.remindersByMilestone.get(m.id) ?? []) reminders.add(r);
  }
  return {
    ...state.ledger,
    clients: [client],
    milestones,
    payments,
    reminders: [...reminders],
    changeOrders: state.ledger.changeOrders.filter((c) => c.client === client.client),
  };
}

export interface ClientPart {
  client: Client;
  report: ClientReport;
  milestones: MilestoneReport[];
  /** Reminders logged for the client's milestones, oldest first. */
  reminders: Reminder[];
  today: IsoDate;
}

/** The client's part of the report as of `today`. */
export function clientPart(state: LedgerState, client: Client, today: IsoDate): ClientPart {
  const slice = clientSlice(state, client);
  const problems = slice.milestones.flatMap((m) => state.problemsByRow.get(m.row) ?? []);
  const report = computeReport(slice, problems, today);
  return {
    client,
    report: report.clients[0] as ClientReport,
    milestones: report.milestones,
    reminders: [...slice.reminders].sort((a, b) =>
      a.sent < b.sent ? -1 : a.sent > b.sent ? 1 : a.row - b.row,
    ),
    today,
  };
}

/**
 * True when at least one address in `to` (a To header: addresses separated by commas or
 * semicolons, each bare or as `Name <address>`) is the client's, by the ledger's own rule
 * (an exact address wins over a domain entry, so an address the ledger gives another client
 * is not this one's). A client only in Cc, or merely in the conversation, is not enough.
 */
export function addressedTo(state: LedgerState, client: string, to: string): boolean {
  const own = findClient(state, client);
  if (!own) return false;
  return toAddresses(to).some((a) => matchClient(state.index, a) === own.client);
}

/** The addresses of a To header, lower-cased. */
export function toAddresses(to: string): string[] {
  return to
    .split(/[,;\n]/)
    .map((entry) => (/<([^<>]*)>/.exec(entry)?.[1] ?? entry).trim().toLowerCase())
    .filter((a) => a.includes('@'));
}
