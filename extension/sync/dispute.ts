/**
 * Mark disputed, from the client's reply in Gmail (issue 11): each chosen milestone's
 * `Status` cell becomes `Disputed` and its `Status note` cell the client's reason and where
 * they said it ("Hours exceed the estimate (client's reply of 2 Dec 2026: https://…)"),
 * the evidence the documentation pack's dispute line shows.
 *
 * The sheet is read again first, cheaply (its header row and the target rows, one
 * values.batchGet), because rows move and cells are typed after a sync: a row is written
 * only while it still holds that milestone, its Status is empty, Disputed or On hold (an
 * ending or renegotiated Status is the user's), and its Status note is empty (a note the
 * user typed is never written over). Without a Status note column nothing is written: the
 * reason is evidence and must not be lost. The cells are set in one values.batchUpdate as
 * RAW text, so a reason starting with `=`, `+`, `-` or `@` stays text.
 */
import type { IsoDate, Milestone } from '../../shared/index.ts';
import {
  MILESTONES,
  formatShortDate,
  cellText,
  columnLetter,
  locateColumns,
  parseStatus,
  refKey,
  tabRange,
} from '../../shared/index.ts';
import type { CellUpdate, SheetsClient } from '../sheets/client.ts';

/** The overlay's language: the note and the refusals are written in it. */
export type NoteLang = 'en' | 'it';

export interface DisputeRequest {
  kind: 'dispute';
  client: string;
  /** Milestone IDs, all the client's. */
  milestones: string[];
  /** The client's reason, as the user typed it. */
  reason: string;
  /** The day the client said it (their message's day). */
  said: IsoDate;
  /** The conversation's link. */
  source: string;
  lang: NoteLang;
}

/**
 * The Status note: the reason, then the day and link of the client's message, in the
 * overlay's language ("… (risposta del cliente del 2 dic 2026: https://…)"). The date has
 * its year and the month by name, so it reads the same whatever the sheet's locale.
 */
export function disputeNote(reason: string, said: IsoDate, source: string, lang: NoteLang): string {
  const day = formatShortDate(said, lang === 'it' ? 'it-IT' : 'en-GB', true);
  const where = lang === 'it' ? `risposta del cliente del ${day}` : `client's reply of ${day}`;
  const link = source.trim();
  return `${reason.trim()} (${where}${link === '' ? '' : `: ${link}`})`;
}

const quoted = (text: string) => `"${text.length > 80 ? `${text.slice(0, 79)}…` : text}"`;

// Italian gives every English entry with the same signature: a missing one fails the type check.
const PROBLEMS_EN = {
  reason: 'Type the reason the client gives.',
  noNoteColumn: (tab: string) =>
    `The ${tab} tab has no Status note column, where the client's reason is kept: add a column headed "Status note" (or run Set up ledger from the Payladder menu in the Sheet, which adds missing columns), then try again. Nothing was changed.`,
  columns: (tab: string, missing: string[]) =>
    `The ${tab} tab has no ${missing.join(', ')} column: put the header back in row 1 (Set up ledger does it). Nothing was changed.`,
  moved: (id: string, row: number, tab: string) =>
    `Row ${row} of ${tab} no longer holds milestone ${id}: the sheet changed since the last sync. Refresh from Payladder's toolbar popup, then try again. Nothing was changed.`,
  status: (id: string, status: string) =>
    `Milestone ${id} is ${quoted(status)} in the sheet: Payladder leaves that Status as it is (change it there if it is wrong). Nothing was changed.`,
  note: (id: string, note: string) =>
    `Milestone ${id} already has a Status note (${quoted(note)}): Payladder does not write over it. Add the client's reason there yourself. Nothing was changed.`,
};

const PROBLEMS_IT: typeof PROBLEMS_EN = {
  reason: 'Scrivi il motivo indicato dal cliente.',
  noNoteColumn: (tab: string) =>
    `La scheda ${tab} non ha la colonna Status note, dove va il motivo del cliente: aggiungi una colonna intitolata "Status note" (oppure esegui Set up ledger dal menu Payladder nel foglio, che aggiunge le colonne mancanti), poi riprova. Non è stato cambiato nulla.`,
  columns: (tab: string, missing: string[]) =>
    `La scheda ${tab} non ha la colonna ${missing.join(', ')}: rimetti l'intestazione nella riga 1 (lo fa Set up ledger). Non è stato cambiato nulla.`,
  moved: (id: string, row: number, tab: string) =>
    `La riga ${row} di ${tab} non contiene più la scadenza ${id}: il foglio è cambiato dall'ultima sincronizzazione. Aggiorna dal popup di Payladder nella barra del browser, poi riprova. Non è stato cambiato nulla.`,
  status: (id: string, status: string) =>
    `La scadenza ${id} è ${quoted(status)} nel foglio: Payladder lascia lo Status com'è (correggilo lì se è sbagliato). Non è stato cambiato nulla.`,
  note: (id: string, note: string) =>
    `La scadenza ${id} ha già una Status note (${quoted(note)}): Payladder non la sovrascrive. Aggiungi lì tu il motivo del cliente. Non è stato cambiato nulla.`,
};

export const DISPUTE_PROBLEMS: Readonly<Record<NoteLang, typeof PROBLEMS_EN>> = {
  en: PROBLEMS_EN,
  it: PROBLEMS_IT,
};

/** A milestone to mark, where the last sync found it (its sheet row, 1-based). */
export interface DisputeTarget {
  id: string;
  row: number;
}

/** The ranges the check reads, in one batchGet: the header row, then each target's row. */
export function disputeReads(tab: string, targets: readonly DisputeTarget[]): string[] {
  return [`${tabRange(tab)}!1:1`, ...targets.map((t) => `${tabRange(tab)}!${t.row}:${t.row}`)];
}

/** What the sheet holds now: the header row, and the row of each target in the same order. */
export interface LiveRows {
  header: readonly unknown[];
  rows: readonly (readonly unknown[])[];
}

export type DisputePlan =
  /** The cells to set; `ids`: the milestones they mark (the others are marked already). */
  | { kind: 'write'; cells: CellUpdate[]; ids: string[] }
  /** Every target already holds this very dispute (a second click, a lost answer). */
  | { kind: 'already' }
  /** Nothing may be written; `message` says why and what to do. */
  | { kind: 'refused'; message: string };

// A pause the dispute may replace; any other Status (or text that is none) is the user's.
const REPLACEABLE = new Set(['disputed', 'on_hold']);

/**
 * The cells to set for `targets` given the sheet as just read, or why nothing may be
 * written. All or nothing: one refused row stops the whole write, so the user never has
 * half a dispute to find.
 */
export function planDispute(
  targets: readonly DisputeTarget[],
  live: LiveRows,
  note: string,
  tab: string,
  lang: NoteLang,
): DisputePlan {
  const words = DISPUTE_PROBLEMS[lang];
  const columns = locateColumns(MILESTONES, live.header);
  const missing = ['ID', 'Status'].filter((h) => !columns.has(h));
  if (missing.length > 0) return { kind: 'refused', message: words.columns(tab, missing) };
  const [idAt, statusAt, noteAt] = ['ID', 'Status', 'Status note'].map((h) => columns.get(h));
  if (idAt === undefined || statusAt === undefined)
    return { kind: 'refused', message: words.columns(tab, missing) };
  if (noteAt === undefined) return { kind: 'refused', message: words.noNoteColumn(tab) };

  const cells: CellUpdate[] = [];
  const ids: string[] = [];
  for (const [i, target] of targets.entries()) {
    const row = live.rows[i] ?? [];
    if (refKey(cellText(row[idAt])) !== refKey(target.id)) {
      return { kind: 'refused', message: words.moved(target.id, target.row, tab) };
    }
    const status = cellText(row[statusAt]);
    const parsed = status === '' ? null : parseStatus(status);
    if (status !== '' && (parsed === null || !REPLACEABLE.has(parsed))) {
      return { kind: 'refused', message: words.status(target.id, status) };
    }
    const typed = cellText(row[noteAt]);
    if (typed !== '') {
      if (parsed === 'disputed' && typed === note.trim()) continue;
      return { kind: 'refused', message: words.note(target.id, typed) };
    }
    const at = (column: number) => `${tabRange(tab)}!${columnLetter(column + 1)}${target.row}`;
    cells.push({ range: at(statusAt), values: [['Disputed']] }, { range: at(noteAt), values: [[note]] });
    ids.push(target.id);
  }
  return ids.length === 0 ? { kind: 'already' } : { kind: 'write', cells, ids };
}

/**
 * Checks the live sheet, writes the dispute, and marks the milestones in memory (the
 * ledger the chip is drawn from; the caller saves it) so the chip shows Disputed at once.
 * Sheets errors are thrown to the caller.
 */
export async function markDisputed(
  sheets: Pick<SheetsClient, 'readRanges' | 'setCells'>,
  spreadsheetId: string,
  milestones: readonly Milestone[],
  request: DisputeRequest,
): Promise<DisputePlan> {
  const words = DISPUTE_PROBLEMS[request.lang];
  if (request.reason.trim() === '') return { kind: 'refused', message: words.reason };
  const note = disputeNote(request.reason, request.said, request.source, request.lang);
  const tab = MILESTONES.name;
  const unique = [...new Map(milestones.map((m) => [m.id, m])).values()];
  const targets = unique.map((m) => ({ id: m.id, row: m.row }));
  const [header, ...rows] = await sheets.readRanges(spreadsheetId, disputeReads(tab, targets));
  const plan = planDispute(
    targets,
    { header: header?.[0] ?? [], rows: rows.map((r) => r[0] ?? []) },
    note,
    tab,
    request.lang,
  );
  if (plan.kind === 'refused') return plan;
  if (plan.kind === 'write') await sheets.setCells(spreadsheetId, plan.cells);
  // Written now or found written: every target holds the dispute in the sheet.
  for (const m of unique) {
    m.status = 'disputed';
    m.statusNote = note;
  }
  return plan;
}
