/**
 * The messages the background answers: the Gmail overlay's whole view of the ledger, and
 * the popup's and options page's actions. Every request and response is plain JSON; money
 * is integer minor units of its currency (format with `formatMoney` from shared/, in the
 * `locale` the response gives); dates are ISO `YYYY-MM-DD` in the ledger's time zone;
 * instants are epoch milliseconds.
 *
 *   const payladder = createMessenger();
 *   const summary = await payladder.lookup({ addresses: ['ap@northwind.example.co.uk'] });
 *
 * A failed request rejects with a `MessageError` whose `code` says why (`bad_request`,
 * `forbidden`, `signed_out`, `cancelled`, `no_client_id`, `internal`).
 *
 * This module holds types and the sending side only (no zod), so it stays light in the
 * content script; the background validates every request (`sync/message-router.ts`).
 */
import { browser } from 'wxt/browser';
import type {
  ChangeOrder,
  Client,
  ClientReport,
  IsoDate,
  MilestoneReport,
  Reminder,
  Settings,
  Stage,
  TemplateRow,
} from '../shared/model.ts';
import type { AuthState } from './auth/auth.ts';
import type { RenderedMessages, RenderOptions } from './sync/render-messages.ts';
import type { ClientSummary } from './sync/client-summary.ts';
import type { Preferences, ReminderRequest, SyncError } from './sync/items.ts';
import type {
  ReplyActionRequest,
  ReplyActionResult,
  ReplyInfo,
  ShownMessageData,
} from './sync/reply-actions.ts';

export type {
  ClientSummary,
  Preferences,
  ReminderRequest,
  RenderedMessages,
  ReplyActionRequest,
  ReplyActionResult,
  ReplyInfo,
  ShownMessageData,
};
export type { MilestoneLine, ReminderLine } from './sync/client-summary.ts';

// The replies' and requests' shapes (the background's service answers them).

/** What `status()` answers: everything the popup shows besides the view. */
export interface StatusReply {
  configured: boolean;
  demo: boolean;
  spreadsheetId: string | null;
  title: string | null;
  syncing: boolean;
  lastAttemptAt: number | null;
  lastSuccessAt: number | null;
  /** ms since the last success; null before the first. */
  ageMs: number | null;
  /** Older than the sync interval. */
  stale: boolean;
  error: SyncError | null;
  nextRetryAt: number | null;
  /** Requests the last sync sent to the Sheets API. */
  requests: number;
  auth: AuthState;
  logging: boolean;
  syncMinutes: number;
  /** Reminders waiting to be logged into the ledger chosen now. */
  queue: { pending: number; lastError: SyncError | null; otherLedgers: OtherLedgerQueue[] };
  dueTodayCount: number | null;
}

/** Reminders queued for a ledger other than the one chosen now (they wait for it). */
export interface OtherLedgerQueue {
  /** The spreadsheet's ID; null: the demo ledger; undefined: not recorded (queued by an older version). */
  spreadsheetId: string | null | undefined;
  count: number;
}

/**
 * `not_addressed`: no To recipient of the message is the client's (an address or `@domain`
 * entry of theirs in the ledger); nothing is logged. `no_ledger`: no ledger is loaded to
 * check the recipients against; nothing is logged.
 */
export type LogReminderStatus =
  'logged' | 'queued' | 'duplicate' | 'disabled' | 'not_addressed' | 'no_ledger';

export interface LogReminderResult {
  status: LogReminderStatus;
  key: string;
  /** Reminders still waiting in the queue. */
  pending: number;
  /** Why it is still queued, when it is. */
  error: SyncError | null;
}

export interface ClientListEntry {
  client: string;
  emails: string[];
}

/** The ledger slice and report rows the message templates need for one client. */
export interface MessageContext {
  client: Client;
  settings: Settings;
  report: ClientReport;
  milestones: MilestoneReport[];
  reminders: Reminder[];
  changeOrders: ChangeOrder[];
  templates: TemplateRow[];
  today: IsoDate;
}

export interface RenderMessagesRequest extends RenderOptions {
  client?: string;
  addresses?: string[];
  exclude?: string[];
}

export interface ConnectionTest {
  ok: boolean;
  spreadsheetId: string | null;
  title: string | null;
  tabsFound: string[];
  tabsMissing: string[];
  error: SyncError | null;
}

type Empty = Record<string, never>;

/** What an inbox row's badge shows for a sender whose client owes money. */
export interface RowBadge {
  client: string;
  /** The client's worst stage. */
  stage: Stage;
  maxDaysOverdue: number | null;
}

/** What each message sends. */
export interface Requests {
  /**
   * The client a conversation is with: the first of `addresses` (sender, recipients) that
   * matches a client, skipping `exclude` (the user's own addresses); or the client named
   * `client` (the pick-a-client fallback). An exact address wins over a domain entry.
   */
  lookup: { addresses?: string[]; exclude?: string[]; client?: string };
  /** Every client's name and addresses, sorted by name, for the pick-a-client fallback. */
  clientList: Empty;
  /**
   * The inbox badges of a whole thread list in one request: for each of `addresses` (the
   * rows' senders, skipping `exclude`, the user's own) whose client owes money, that
   * client's worst stage. Addresses of no client, or of a client owing nothing, are left out.
   */
  rowBadges: { addresses: string[]; exclude?: string[] };
  /** Reads the sheet now (`ifStale`: only when older than the sync interval). */
  sync: { ifStale?: boolean };
  status: Empty;
  /**
   * Appends ONE Reminders row for a sent message. Idempotent by `key` (derived from the
   * fields when left out): a retried send logs once. When the append fails the row waits in
   * a queue (shown in the popup) and is retried. A composed message whose `log` has several
   * groups (stages) is logged with one request per group.
   */
  logReminder: ReminderRequest;
  /** The ledger slice and report rows for one client, for surfaces that render on their own. */
  getMessageContext: { client: string };
  /** Every message for the client (named, or the first client among `addresses`), rendered by the core. */
  renderMessages: RenderMessagesRequest;
  /**
   * The client's latest message in the open conversation (`messages`: as the page shows
   * them), when it came after the last reminder sent to them, with the day it names. Dates
   * and words are read in the background (chrono-node), never in the content script.
   */
  readReply: { client: string; messages: ShownMessageData[] };
  /** Logs a promise or records a payment from a client's reply (sync/reply-actions.ts). */
  replyAction: ReplyActionRequest;
  // The rest are for the extension's own pages; the background refuses them from content scripts.
  signIn: Empty;
  signOut: Empty;
  grantWrite: Empty;
  savePreferences: Partial<Preferences>;
  /** Reads a sheet's metadata: `spreadsheet` is its URL or ID. Does not save anything. */
  testConnection: { spreadsheet: string };
  /** Retries the reminder queue now. */
  flushQueue: Empty;
  /** Drops the reminders queued for a ledger other than the one chosen now. */
  discardOtherQueued: Empty;
}

/** What each message answers. */
export interface Responses {
  lookup: ClientSummary | null;
  clientList: ClientListEntry[];
  rowBadges: Record<string, RowBadge>;
  sync: StatusReply;
  status: StatusReply;
  logReminder: LogReminderResult;
  getMessageContext: MessageContext | null;
  renderMessages: RenderedMessages | null;
  readReply: { reply: ReplyInfo | null };
  replyAction: ReplyActionResult;
  signIn: StatusReply;
  signOut: StatusReply;
  grantWrite: StatusReply;
  savePreferences: Preferences;
  testConnection: ConnectionTest;
  flushQueue: StatusReply;
  discardOtherQueued: StatusReply;
}

export type MessageType = keyof Requests & keyof Responses;

/** Messages only the popup and the options page may send. */
export const PAGE_ONLY_MESSAGES: readonly MessageType[] = [
  'signIn',
  'signOut',
  'grantWrite',
  'savePreferences',
  'testConnection',
  'flushQueue',
  'discardOtherQueued',
];

/** Marks Payladder's messages among anything else on the runtime channel. */
export const MESSAGE_TAG = 'payladder/1';

export interface Envelope<K extends MessageType = MessageType> {
  tag: typeof MESSAGE_TAG;
  type: K;
  data: Requests[K];
}

export const MESSAGE_ERROR_CODES = [
  'bad_request',
  'forbidden',
  'signed_out',
  'cancelled',
  'no_client_id',
  'internal',
] as const;
export type MessageErrorCode = (typeof MESSAGE_ERROR_CODES)[number];

export type Reply<K extends MessageType = MessageType> =
  { ok: true; data: Responses[K] } | { ok: false; error: { code: MessageErrorCode; message: string } };

export class MessageError extends Error {
  constructor(
    readonly code: MessageErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MessageError';
  }
}

/** Sends one message and answers the reply: `browser.runtime.sendMessage` by default. */
export type Transport = (envelope: Envelope) => Promise<unknown>;

const runtimeTransport: Transport = (envelope) => browser.runtime.sendMessage(envelope);

export async function sendMessage<K extends MessageType>(
  type: K,
  data: Requests[K],
  transport: Transport = runtimeTransport,
): Promise<Responses[K]> {
  const reply = (await transport({ tag: MESSAGE_TAG, type, data } as Envelope)) as Reply<K> | undefined;
  if (!reply || typeof reply !== 'object') {
    throw new MessageError('internal', `no answer to ${type}`);
  }
  if (!reply.ok) throw new MessageError(reply.error.code, reply.error.message);
  return reply.data;
}

export type Messenger = {
  [K in MessageType]: Requests[K] extends Empty
    ? (data?: Empty) => Promise<Responses[K]>
    : (data: Requests[K]) => Promise<Responses[K]>;
};

/** The messages the Gmail overlay sends (it is no extension page: the others are refused from it). */
export type OverlayMessenger = Pick<
  Messenger,
  'lookup' | 'rowBadges' | 'renderMessages' | 'clientList' | 'logReminder' | 'readReply' | 'replyAction'
>;

/**
 * The overlay's messenger: only its own messages, so the content script (a 48 KiB budget)
 * carries no sender for the pages' messages.
 */
export function createOverlayMessenger(transport: Transport = runtimeTransport): OverlayMessenger {
  const send =
    <K extends keyof OverlayMessenger>(type: K) =>
    (data: Requests[K]) =>
      sendMessage(type, data, transport);
  return {
    lookup: send('lookup'),
    clientList: () => sendMessage('clientList', {}, transport),
    rowBadges: send('rowBadges'),
    logReminder: send('logReminder'),
    renderMessages: send('renderMessages'),
    readReply: send('readReply'),
    replyAction: send('replyAction'),
  };
}

/** One typed function per message: `messenger.lookup({ addresses })`. */
export function createMessenger(transport: Transport = runtimeTransport): Messenger {
  const send =
    <K extends MessageType>(type: K) =>
    (data?: Requests[K]) =>
      sendMessage(type, (data ?? {}) as Requests[K], transport);
  return {
    lookup: send('lookup'),
    clientList: send('clientList'),
    rowBadges: send('rowBadges'),
    sync: send('sync'),
    status: send('status'),
    logReminder: send('logReminder'),
    getMessageContext: send('getMessageContext'),
    renderMessages: send('renderMessages'),
    readReply: send('readReply'),
    replyAction: send('replyAction'),
    signIn: send('signIn'),
    signOut: send('signOut'),
    grantWrite: send('grantWrite'),
    savePreferences: send('savePreferences'),
    testConnection: send('testConnection'),
    flushQueue: send('flushQueue'),
    discardOtherQueued: send('discardOtherQueued'),
  } as Messenger;
}
