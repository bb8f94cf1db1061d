/**
 * `--client NAME`: the ledger's client a typed name means. An exact name wins (case and
 * spaces ignored); otherwise a unique prefix will do ("glen" → Glenmore Distillery). An
 * ambiguous prefix names the candidates; an unknown name suggests the closest names by edit
 * distance, so a typo costs one more command, not a trip to the sheet.
 */
import type { Ledger, Problem, Report } from '../shared/index.ts';
import { currencyTotals, refKey, reportCounts } from '../shared/index.ts';

/** A name that picks no single client: exit 2 with this one line. */
export class ClientNameError extends Error {}

/** How many candidates or suggestions one line names at most. */
const LIST_AT_MOST = 5;

export const CLIENT_ERRORS = {
  empty: '--client wants a name.',
  ambiguous: (name: string, matches: readonly string[], more: number) =>
    `"${name}" could be ${quoteList(matches, 'or')}${more > 0 ? ` (and ${more} more)` : ''}: type more of the name.`,
  unknown: (name: string, suggestions: readonly string[]) =>
    suggestions.length > 0
      ? `No client named "${name}" in the ledger. Did you mean ${quoteList(suggestions, 'or')}?`
      : `No client named "${name}" in the ledger.`,
} as const;

function quoteList(names: readonly string[], last: string): string {
  const quoted = names.map((n) => `"${n}"`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} ${last} ${quoted[quoted.length - 1] as string}`;
}

/** Levenshtein distance (insert, delete, substitute one code point), in two rows. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      row[j] = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = row;
  }
  return prev[y.length] ?? 0;
}

/**
 * How far a typed key is from a client's name: from the whole name, or from its start when
 * the user typed only the start ("glenmor" is one edit from "glenmore…").
 */
function distance(typed: string, name: string): number {
  const whole = editDistance(typed, name);
  const start = editDistance(typed, [...name].slice(0, [...typed].length).join(''));
  return Math.min(whole, start);
}

/** The closest names, nearest first: at most a third of the typed length away (1 at least). */
export function suggestClients(names: readonly string[], typed: string): string[] {
  const key = refKey(typed);
  const limit = Math.max(1, Math.floor([...key].length / 3));
  return names
    .map((name) => ({ name, d: distance(key, refKey(name)) }))
    .filter((c) => c.d <= limit)
    .sort((a, b) => a.d - b.d || a.name.localeCompare(b.name))
    .slice(0, LIST_AT_MOST)
    .map((c) => c.name);
}

/** The client's name as the ledger spells it, for a name typed on the command line. */
export function findClient(ledger: { clients: readonly { client: string }[] }, typed: string): string {
  const key = refKey(typed);
  if (key === '') throw new ClientNameError(CLIENT_ERRORS.empty);
  const names = ledger.clients.map((c) => c.client);
  const exact = names.find((n) => refKey(n) === key);
  if (exact !== undefined) return exact;
  const prefixed = names.filter((n) => refKey(n).startsWith(key));
  if (prefixed.length === 1) return prefixed[0] as string;
  if (prefixed.length > 1) {
    const sorted = [...prefixed].sort((a, b) => a.localeCompare(b));
    throw new ClientNameError(
      CLIENT_ERRORS.ambiguous(typed, sorted.slice(0, LIST_AT_MOST), sorted.length - LIST_AT_MOST),
    );
  }
  throw new ClientNameError(CLIENT_ERRORS.unknown(typed, suggestClients(names, typed)));
}

/**
 * The report narrowed to one client (`--client` on the report): its milestones and message,
 * its own totals, and the problems on its rows (its Clients row; its Milestones, Payments,
 * Reminders, Promises and Change orders rows). `elsewhere` counts the rest: other clients'
 * rows, ledger-wide warnings, and rows the parser could not read (which may be this
 * client's too), so the report can say they exist.
 */
export function clientSlice(
  report: Report,
  ledger: Pick<Ledger, 'clients' | 'payments' | 'reminders' | 'promises' | 'changeOrders'>,
  client: string,
): { report: Report; elsewhere: number } {
  const milestones = report.milestones.filter((m) => m.client === client);
  const ids = new Set(milestones.map((m) => m.id));
  const rows: Record<string, Set<number>> = {
    Clients: new Set(ledger.clients.filter((c) => c.client === client).map((c) => c.row)),
    Milestones: new Set(milestones.map((m) => m.row)),
    Payments: new Set(ledger.payments.filter((p) => ids.has(p.milestone)).map((p) => p.row)),
    Reminders: new Set(ledger.reminders.filter((r) => r.client === client).map((r) => r.row)),
    Promises: new Set(ledger.promises.filter((p) => p.client === client).map((p) => p.row)),
    'Change orders': new Set(ledger.changeOrders.filter((c) => c.client === client).map((c) => c.row)),
  };
  const own = (p: Problem) => p.row !== null && rows[p.tab]?.has(p.row) === true;
  const problems = report.problems.filter(own);
  const clients = report.clients.filter((c) => c.client === client);
  return {
    report: {
      ...report,
      milestones,
      clients,
      // The client's own totals: the whole ledger's under one client's rows would read as theirs.
      totals: currencyTotals(milestones),
      ...reportCounts(milestones, clients, report.today),
      problems,
    },
    elsewhere: report.problems.length - problems.length,
  };
}
