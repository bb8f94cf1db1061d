/**
 * Ledger text is untrusted: a client name, a note or a description is whatever someone
 * typed or pasted into the sheet. These edits put markup into the demo ledger so the tests
 * (and anyone at `?hostile=1` in the harness) can see that it renders as text.
 */
import type { RawLedger } from '../../../shared/index.ts';
import { CLIENTS, MILESTONES, locateColumns } from '../../../shared/index.ts';

/** Each payload flips `window.payladderPwned` if it ever runs as markup. */
export const HOSTILE = {
  client: '<img src=x onerror="window.payladderPwned=1">Harbor & Pine',
  notes: '<script>window.payladderPwned=1</script><b>bold?</b>',
  description: '<svg onload="window.payladderPwned=1"></svg>MVP build',
  statusNote: '<b onmouseover="window.payladderPwned=1">Disputes</b> the scope',
} as const;

/** The client renamed (in Clients and on its milestones), its notes, one description and its Status note. */
export function makeHostile(raw: RawLedger, victim = 'Harbor & Pine LLC'): void {
  const clients = raw[CLIENTS.name] ?? [];
  const milestones = raw[MILESTONES.name] ?? [];
  const c = locateColumns(CLIENTS, clients[0] ?? []);
  const m = locateColumns(MILESTONES, milestones[0] ?? []);
  const [clientCol, notesCol, msClientCol, descCol] = [
    c.get('Client'),
    c.get('Notes'),
    m.get('Client'),
    m.get('Description'),
  ];
  const noteCol = m.get('Status note');
  if (
    clientCol === undefined ||
    notesCol === undefined ||
    msClientCol === undefined ||
    descCol === undefined
  ) {
    throw new Error('demo ledger without Client, Notes or Description columns');
  }
  for (const row of clients.slice(1)) {
    if (row[clientCol] !== victim) continue;
    row[clientCol] = HOSTILE.client;
    row[notesCol] = HOSTILE.notes;
  }
  let described = false;
  for (const row of milestones.slice(1)) {
    if (row[msClientCol] !== victim) continue;
    row[msClientCol] = HOSTILE.client;
    if (!described) {
      row[descCol] = HOSTILE.description;
      if (noteCol !== undefined) row[noteCol] = HOSTILE.statusNote;
      described = true;
    }
  }
}
