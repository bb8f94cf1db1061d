/**
 * Gmail drafts for the messages due today: for each client the one message the core says is
 * due (ClientReport.message), in the client's language, from shared/messages. Payladder
 * never sends: it drafts and logs the draft in Reminders with Channel `draft`, which is
 * prepared, not sent: it does not advance the ladder and is not evidence of chasing
 * (PRODUCT.md, Evidence) until the user sends it and the log says so.
 *
 * Never two drafts of the same message. Three things make sure of it, all under the
 * document lock so a trigger and a click cannot interleave:
 *  1. the ledger is read again inside the lock, so a run that waited sees the draft rows
 *     the run before it logged, and the core marks that message `drafted`;
 *  2. a message whose every milestone has a draft of it since the last sent message is
 *     not drafted again (the next action is to send that draft);
 *  3. a document-properties ledger of `milestone|stage|date` keys, written right after each
 *     draft is created, covers a run that died between creating a draft and logging it.
 * After missed days nothing piles up: the core's next action is one step and one date, so a
 * week without runs yields one message, not one per missed day.
 */
import type { Client, ComposedMessage, IsoDate, Stage } from '../../../shared/index.ts';
import { addDays, composeMessage, refKey, reminderLogRows } from '../../../shared/index.ts';
import type { CellValue, Services } from '../services.ts';
import type { GoneDraft } from './draft-status.ts';
import type { LoadedLedger } from './ledger.ts';
import { requireColumn, requireLayout, UserError } from './ledger.ts';
import { textCell } from './cells.ts';

/**
 * Document properties holding the draft keys of one day: `payladder.drafts.2026-11-30`,
 * then `….2026-11-30.1`, `.2`… when a day's keys outgrow one value (Apps Script allows 9 KB
 * per value and 500 KB per store, quotas page, seen 2026-11).
 */
export const DRAFT_KEYS_PREFIX = 'payladder.drafts.';
/** Draft keys older than this are dropped; Reminders is the lasting record. */
export const DRAFT_KEYS_DAYS = 45;
/** Bytes of JSON per property value, well under the 9 KB limit. */
const CHUNK_BYTES = 8_000;

export function draftKey(milestone: string, stage: string, day: IsoDate): string {
  return `${refKey(milestone)}|${stage}|${day}`;
}

/** The day a draft-key property is for, or null for another property. */
function dayOf(property: string): IsoDate | null {
  if (!property.startsWith(DRAFT_KEYS_PREFIX)) return null;
  const day = property.slice(DRAFT_KEYS_PREFIX.length, DRAFT_KEYS_PREFIX.length + 10);
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : null;
}

/** Keys of drafts made on `day`, from document properties (one read for every chunk). */
export function draftedOn(services: Services, day: IsoDate): Set<string> {
  const out = new Set<string>();
  for (const [property, raw] of Object.entries(services.properties.getAll())) {
    if (dayOf(property) !== day) continue;
    try {
      const list: unknown = JSON.parse(raw);
      if (Array.isArray(list)) for (const key of list) out.add(String(key));
    } catch {
      // A value someone edited by hand: the Reminders log still guards the day.
    }
  }
  return out;
}

/**
 * Writes the keys of drafts made on `day` and not yet logged in Reminders (chunks under 9 KB
 * each). Chunks left over from a bigger set are deleted; an empty set deletes the day.
 */
export function rememberDrafts(services: Services, day: IsoDate, keys: Set<string>): void {
  const before = Object.keys(services.properties.getAll()).filter((k) => dayOf(k) === day);
  if (keys.size === 0) {
    if (before.length > 0) services.properties.delete(before);
    return;
  }
  const chunks: string[][] = [[]];
  let size = 2;
  for (const key of keys) {
    const bytes = utf8Length(JSON.stringify(key)) + 1;
    if (size + bytes > CHUNK_BYTES) {
      chunks.push([]);
      size = 2;
    }
    chunks.at(-1)?.push(key);
    size += bytes;
  }
  const values = Object.fromEntries(
    chunks.map((c, i) => [`${DRAFT_KEYS_PREFIX}${day}${i === 0 ? '' : `.${i}`}`, JSON.stringify(c)]),
  );
  services.properties.set(values);
  const leftover = before.filter((k) => !(k in values));
  if (leftover.length > 0) services.properties.delete(leftover);
}

/** UTF-8 bytes of a string; TextEncoder is a web API, not in Apps Script's runtime. */
function utf8Length(text: string): number {
  return encodeURIComponent(text).replace(/%[0-9A-F]{2}/g, 'x').length;
}

/** Drops draft-key properties older than DRAFT_KEYS_DAYS before `today`. */
export function pruneDraftKeys(services: Services, today: IsoDate): void {
  const oldest = addDays(today, -DRAFT_KEYS_DAYS);
  const stale = Object.keys(services.properties.getAll()).filter((k) => {
    const day = dayOf(k);
    return day !== null && day < oldest;
  });
  if (stale.length > 0) services.properties.delete(stale);
}

/** Milestone IDs already reminded today at a stage, from the Reminders log: `id|stage`. */
function loggedToday(loaded: LoadedLedger): Set<string> {
  const out = new Set<string>();
  for (const r of loaded.ledger.reminders) {
    if (r.sent !== loaded.today || r.stage === null) continue;
    for (const id of r.milestones) out.add(`${refKey(id)}|${r.stage}`);
  }
  return out;
}

export interface DraftOutcome {
  client: string;
  draftId: string;
  link: string;
  to: string[];
  subject: string;
  milestones: string[];
}

export interface DraftFailure {
  client: string;
  error: string;
}

/**
 * Creates one draft for `client` (covering `milestones`, or what the core picks for the
 * message when none are named), remembers its keys, and logs it in Reminders the way the
 * core groups it: one row per stage the covered milestones stand at, so each milestone's
 * cadence counts the message. With `refuseRepeats`, a milestone already drafted or logged
 * today at its stage makes it a UserError instead of a second draft.
 */
export function draftAndLog(
  services: Services,
  loaded: LoadedLedger,
  args: {
    client: Client;
    milestones?: readonly string[];
    messageId?: string;
    keys: Set<string>;
    refuseRepeats?: boolean;
  },
): DraftOutcome {
  const { client } = args;
  const layout = requireLayout(loaded, 'reminders', 'Reminders');
  requireColumn(layout, 'Sent');
  requireColumn(layout, 'Milestone');
  const message: ComposedMessage = composeMessage({
    report: loaded.report,
    ledger: loaded.ledger,
    client: client.client,
    ...(args.milestones && args.milestones.length > 0 ? { milestones: args.milestones } : {}),
    ...(args.messageId === undefined ? {} : { messageId: args.messageId }),
    today: loaded.today,
  });
  const keyed = message.log.flatMap((group) =>
    group.stage === null ? [] : group.milestones.map((id) => ({ id, stage: group.stage as Stage })),
  );

  if (args.refuseRepeats) {
    const logged = loggedToday(loaded);
    const repeats = keyed.filter(
      ({ id, stage }) =>
        args.keys.has(draftKey(id, stage, loaded.today)) || logged.has(`${refKey(id)}|${stage}`),
    );
    if (repeats.length > 0) {
      throw new UserError(
        `Already drafted or logged today for ${repeats.map((r) => r.id).join(', ')}: find it in Gmail → Drafts. Payladder makes one message per milestone and stage a day.`,
      );
    }
  }

  const draft = services.createDraft({
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    ...(loaded.ledger.settings.businessName || loaded.ledger.settings.yourName
      ? { senderName: loaded.ledger.settings.businessName || loaded.ledger.settings.yourName }
      : {}),
  });
  for (const { id, stage } of keyed) args.keys.add(draftKey(id, stage, loaded.today));
  // Remembered before logging: if the run dies between the two, the key still stops a repeat.
  rememberDrafts(services, loaded.today, args.keys);

  // A message about no milestone (a change-order confirmation) has no Reminders row.
  const rows: CellValue[][] = reminderLogRows(message, {
    on: loaded.today,
    channel: 'draft',
    link: draft.link,
  }).map((fields) => rowFor(layout.width, layout.columns, fields));
  if (rows.length > 0) {
    services.appendRows(layout.name, rows);
    // Logged: the Reminders row now stops a repeat, so the keys are dropped and the
    // properties hold only drafts made but not logged (a run that died in between). They
    // stay a few bytes whatever the ledger's size, far from the 500 KB quota.
    for (const { id, stage } of keyed) args.keys.delete(draftKey(id, stage, loaded.today));
    rememberDrafts(services, loaded.today, args.keys);
  }
  return {
    client: client.client,
    draftId: draft.id,
    link: draft.link,
    to: message.to,
    subject: message.subject,
    milestones: message.milestones,
  };
}

/** A row of `width` cells with `fields` (by canonical header) in their columns. */
export function rowFor(
  width: number,
  columns: Record<string, number>,
  fields: Record<string, string | number>,
): CellValue[] {
  const row: CellValue[] = Array.from({ length: Math.max(width, 1) }, () => '');
  for (const [header, value] of Object.entries(fields)) {
    const i = columns[header];
    if (i === undefined) continue;
    row[i] = typeof value === 'number' || isDateField(header) ? value : textCell(value);
  }
  return row;
}

// Dates go in as ISO text, which Sheets stores as a date; other text is kept as typed.
const DATE_FIELDS = new Set(['Sent', 'Date', 'Due date', 'Invoice date', 'Promised by']);
function isDateField(header: string): boolean {
  return DATE_FIELDS.has(header);
}

export interface DailyResult {
  drafted: DraftOutcome[];
  failed: DraftFailure[];
  /** Clients with something due that was already drafted today. */
  skipped: string[];
  /** Clients left for the next run because this one ran out of time. */
  deferred: string[];
  /** Earlier Payladder drafts Gmail no longer has: sent or deleted since (draft-status.ts). */
  gone: GoneDraft[];
}

/**
 * Apps Script stops a run after 6 minutes; creating a draft takes about a second. Past this
 * budget the run stops drafting and the next run (or a click) picks up the rest: every
 * draft made is already keyed and logged, so nothing is drafted twice.
 */
export const DRAFT_BUDGET_MS = 4 * 60_000;

/**
 * The daily run's drafting step, on a freshly loaded ledger, holding the lock: for every
 * client, the one message the core says is due today (ClientReport.message), the same one
 * the CLI, the sidebar and Gmail compose produce. A message already drafted and not yet
 * sent is not drafted again: the next action is to send that draft.
 */
export function draftDue(
  services: Services,
  loaded: LoadedLedger,
  /** When the run started (ms): the budget counts from there, reading and recomputing included. */
  started = services.now().getTime(),
): DailyResult {
  const reminders = loaded.layout.reminders;
  if (!reminders) throw new UserError('The Reminders tab is missing. Run Payladder → Set up ledger first.');
  requireColumn(reminders, 'Sent');
  requireColumn(reminders, 'Milestone');
  const keys = draftedOn(services, loaded.today);
  const clients = new Map(loaded.ledger.clients.map((c) => [c.client, c]));
  const result: DailyResult = { drafted: [], failed: [], skipped: [], deferred: [], gone: [] };

  for (const c of loaded.report.clients) {
    const message = c.message;
    if (message === null) continue;
    if (services.now().getTime() - started > DRAFT_BUDGET_MS) {
      result.deferred.push(c.client);
      continue;
    }
    const client = clients.get(c.client);
    if (!client) continue;
    const keyed = message.milestones.some((id) => keys.has(draftKey(id, message.messageId, loaded.today)));
    if (message.drafted || keyed) {
      result.skipped.push(c.client);
      continue;
    }
    try {
      result.drafted.push(draftAndLog(services, loaded, { client, keys }));
    } catch (error) {
      // One client's bad address must not stop the others' drafts.
      result.failed.push({ client: c.client, error: error instanceof Error ? error.message : String(error) });
      services.log(`Payladder: no draft for one client: ${error instanceof Error ? error.name : 'error'}`);
    }
  }
  pruneDraftKeys(services, loaded.today);
  return result;
}
