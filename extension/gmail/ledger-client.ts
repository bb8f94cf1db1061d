/**
 * The overlay's view of the ledger: every answer comes from the background by message (the
 * content script makes no network request and holds no parser), and is kept for a short
 * while so moving between conversations and lists does not ask again for what is known.
 */
import type {
  ClientListEntry,
  ClientSummary,
  LogReminderResult,
  OverlayMessenger,
  RenderedMessages,
  ReminderRequest,
  ReplyActionRequest,
  ReplyActionResult,
  ReplyInfo,
  RowBadge,
  ShownMessageData,
} from '../messages.ts';
import type { ComposeText } from '../../shared/messages/fit.ts';

export type { OverlayMessenger } from '../messages.ts';

/** Answers are kept this long: the background syncs every few minutes at most. */
export const KEEP_MS = 60_000;
/** Replies read from conversations, kept at most (their keys carry the conversation's text). */
const REPLIES_KEPT = 20;

export interface LedgerClient {
  /** The client among `addresses` (skipping `exclude`), or null. */
  summary(addresses: readonly string[], exclude: readonly string[]): Promise<ClientSummary | null>;
  /** The client named `client` (the pick-a-client fallback). */
  summaryOf(client: string): Promise<ClientSummary | null>;
  /** The badge known for an address: a badge, null (none), or undefined (not asked yet). */
  badge(address: string): RowBadge | null | undefined;
  /** Asks for the badges of the addresses not known yet, in one request. */
  loadBadges(addresses: readonly string[], exclude: readonly string[]): Promise<void>;
  /** With `window` (read/compose-body.ts `readOwnText`): also each message fitted to that window. */
  messages(client: string, window?: ComposeText): Promise<RenderedMessages | null>;
  clients(): Promise<ClientListEntry[]>;
  log(request: ReminderRequest): Promise<LogReminderResult>;
  /** The client's reply after the last reminder, read in the background from what the page shows (kept as answers are). */
  reply(client: string, messages: ShownMessageData[]): Promise<{ reply: ReplyInfo | null }>;
  /** Logs a promise or a payment from a reply; forgets every answer (the stage moves). */
  act(request: ReplyActionRequest): Promise<ReplyActionResult>;
  /** Forgets every answer (after a reminder is logged the stage moves). */
  forget(): void;
  /** Messages sent so far (for the benchmark). */
  readonly sent: number;
}

interface Kept<T> {
  value: Promise<T>;
  at: number;
}

export function createLedgerClient(messenger: OverlayMessenger, now: () => number): LedgerClient {
  let summaries = new Map<string, Kept<ClientSummary | null>>();
  let badges = new Map<string, { value: RowBadge | null; at: number }>();
  let replies = new Map<string, Kept<{ reply: ReplyInfo | null }>>();
  let sent = 0;

  const fresh = (at: number) => now() - at < KEEP_MS;

  function kept<T>(map: Map<string, Kept<T>>, key: string, ask: () => Promise<T>): Promise<T> {
    const hit = map.get(key);
    if (hit && fresh(hit.at)) return hit.value;
    sent += 1;
    const value = ask();
    map.set(key, { value, at: now() });
    // A failure is not kept: the next frame asks again.
    value.catch(() => {
      if (map.get(key)?.value === value) map.delete(key);
    });
    return value;
  }

  return {
    summary(addresses, exclude) {
      const key = `a:${addresses.join(',')}|${exclude.join(',')}`;
      return kept(summaries, key, () =>
        messenger.lookup({ addresses: [...addresses], exclude: [...exclude] }),
      );
    },
    summaryOf(client) {
      return kept(summaries, `c:${client}`, () => messenger.lookup({ client }));
    },
    badge(address) {
      const hit = badges.get(address);
      return hit && fresh(hit.at) ? hit.value : undefined;
    },
    async loadBadges(addresses, exclude) {
      const skip = new Set(exclude);
      const unknown = [...new Set(addresses)].filter((a) => !skip.has(a) && this.badge(a) === undefined);
      if (unknown.length === 0) return;
      const at = now();
      // Marked as asked at once, so the next frames do not ask again while this one runs.
      for (const a of unknown) badges.set(a, { value: null, at });
      sent += 1;
      try {
        const answer = await messenger.rowBadges({ addresses: unknown, exclude: [...exclude] });
        for (const a of unknown)
          badges.set(a, { value: Object.hasOwn(answer, a) ? (answer[a] ?? null) : null, at });
      } catch (error) {
        for (const a of unknown) if (badges.get(a)?.at === at) badges.delete(a);
        throw error;
      }
    },
    messages(client, window) {
      sent += 1;
      return messenger.renderMessages({ client, window });
    },
    clients() {
      sent += 1;
      return messenger.clientList();
    },
    log(request) {
      sent += 1;
      return messenger.logReminder(request);
    },
    reply(client, messages) {
      // Keyed by what the page shows: a conversation opened again with the same messages
      // is not read again; one with a new message is. A key holds up to 12 × 4,000
      // characters of mail text, so few are kept.
      if (replies.size >= REPLIES_KEPT) replies = new Map();
      return kept(replies, `${client}\n${JSON.stringify(messages)}`, () =>
        messenger.readReply({ client, messages }),
      );
    },
    act(request) {
      sent += 1;
      summaries = new Map();
      badges = new Map();
      replies = new Map();
      return messenger.replyAction(request);
    },
    forget() {
      summaries = new Map();
      badges = new Map();
      replies = new Map();
    },
    get sent() {
      return sent;
    },
  };
}
