/**
 * The background's side of `messages.ts`: checks who is asking and what, then calls the
 * sync service. A content script runs in Gmail's page and its requests are treated as
 * untrusted input: each is validated with zod, and the account and settings messages are
 * accepted only from the extension's own pages.
 */
import * as z from 'zod';
import { AuthError } from '../auth/auth.ts';
import { matchClient } from '../../shared/match.ts';
import type {
  Envelope,
  MessageErrorCode,
  MessageType,
  Reply,
  Requests,
  Responses,
  RowBadge,
} from '../messages.ts';
import { MESSAGE_TAG, PAGE_ONLY_MESSAGES } from '../messages.ts';
import { Preferences, ReminderRequest } from './items.ts';
import type { SyncService } from './sync-service.ts';

// An address has an `@` (RFC 5321 caps it at 320 characters); anything else is not one and
// is refused rather than looked up (`constructor`, `__proto__`, a name, a partial entry).
const Address = z
  .string()
  .max(320)
  .regex(/^[^\s@]+@[^\s@]+$/);
const Addresses = z.array(Address).max(500);
const Name = z.string().min(1).max(500);
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const ReplyMilestones = z.array(z.string().min(1).max(200)).min(1).max(50);

const SCHEMAS: { [K in MessageType]: z.ZodType<Requests[K]> } = {
  lookup: z.strictObject({
    addresses: Addresses.optional(),
    exclude: Addresses.optional(),
    client: Name.optional(),
  }),
  clientList: z.strictObject({}),
  rowBadges: z.strictObject({ addresses: Addresses, exclude: Addresses.optional() }),
  sync: z.strictObject({ ifStale: z.boolean().optional() }),
  status: z.strictObject({}),
  logReminder: ReminderRequest as z.ZodType<Requests['logReminder']>,
  getMessageContext: z.strictObject({ client: Name }),
  renderMessages: z.strictObject({
    client: Name.optional(),
    addresses: Addresses.optional(),
    exclude: Addresses.optional(),
    messageIds: z.array(z.string().min(1).max(100)).max(50).optional(),
    milestones: z.array(z.string().min(1).max(200)).max(500).optional(),
    window: z
      .strictObject({ lines: z.array(z.string().max(100_000)).max(20_000), signature: z.boolean() })
      .optional(),
  }),
  readReply: z.strictObject({
    client: Name,
    messages: z
      .array(
        z.strictObject({
          sender: Address.nullable(),
          date: z.string().max(200).nullable(),
          text: z.string().max(20_000),
        }),
      )
      .max(200),
  }),
  replyAction: z.discriminatedUnion('kind', [
    z.strictObject({
      kind: z.enum(['promise', 'payment']),
      client: Name,
      milestones: ReplyMilestones,
      amount: z.number().finite().positive().max(1e12).nullable(),
      date: Day,
      made: Day.optional(),
      source: z.string().max(2000),
      note: z.string().max(2000).optional(),
    }),
    z.strictObject({
      kind: z.literal('dispute'),
      client: Name,
      milestones: ReplyMilestones,
      // A Status note is read by people: a reason of a few lines at most.
      reason: z.string().max(1000),
      said: Day,
      source: z.string().max(2000),
      lang: z.enum(['en', 'it']),
    }),
  ]),
  signIn: z.strictObject({}),
  signOut: z.strictObject({}),
  grantWrite: z.strictObject({}),
  savePreferences: Preferences.partial().strict() as z.ZodType<Requests['savePreferences']>,
  testConnection: z.strictObject({ spreadsheet: z.string().max(2000) }),
  flushQueue: z.strictObject({}),
  discardOtherQueued: z.strictObject({}),
};

/** The part of `runtime.MessageSender` the checks read. */
export interface Sender {
  id?: string;
  url?: string;
}

export interface RouterOptions {
  /** `browser.runtime.id`. */
  extensionId: string;
  /** `browser.runtime.getURL('/')`: pages under it are the extension's own. */
  extensionOrigin: string;
}

type Handlers = { [K in MessageType]: (data: Requests[K]) => Promise<Responses[K]> };

function handlers(service: SyncService): Handlers {
  return {
    lookup: (data) => service.lookup(data),
    clientList: () => service.clientList(),
    rowBadges: (data) => rowBadges(service, data),
    sync: (data) => service.sync(data),
    status: () => service.status(),
    logReminder: (data) => service.logReminder(data),
    getMessageContext: (data) => service.messageContext(data.client),
    renderMessages: (data) => service.renderMessages(data),
    readReply: (data) => service.replies.readReply(data),
    replyAction: (data) => service.replies.replyAction(data),
    signIn: () => service.signIn(),
    signOut: () => service.signOut(),
    grantWrite: () => service.grantWrite(),
    savePreferences: (data) => service.savePreferences(data),
    testConnection: (data) => service.testConnection(data.spreadsheet),
    discardOtherQueued: () => service.discardOtherQueued(),
    flushQueue: async () => {
      await service.flushQueue();
      return service.status();
    },
  };
}

/**
 * The badges of one thread list: each sender's client is looked up once, and each client's
 * summary computed once however many of its addresses the list shows.
 */
async function rowBadges(
  service: SyncService,
  request: Requests['rowBadges'],
): Promise<Responses['rowBadges']> {
  // A Map while building: the keys are mail addresses, text from the page.
  const out = new Map<string, RowBadge>();
  const state = await service.ledgerState();
  if (!state) return {};
  const skip = new Set((request.exclude ?? []).map((a) => a.trim().toLowerCase()));
  const byClient = new Map<string, RowBadge | null>();
  for (const raw of request.addresses) {
    const address = raw.trim().toLowerCase();
    if (address === '' || skip.has(address) || out.has(address)) continue;
    const name = matchClient(state.index, address);
    if (name === null) continue;
    if (!byClient.has(name)) {
      const summary = await service.lookup({ client: name });
      const owes = summary !== null && Object.values(summary.outstanding).some((minor) => minor > 0);
      byClient.set(
        name,
        owes && summary.worstStage !== null
          ? { client: summary.client, stage: summary.worstStage, maxDaysOverdue: summary.maxDaysOverdue }
          : null,
      );
    }
    const badge = byClient.get(name);
    if (badge) out.set(address, badge);
  }
  // fromEntries defines own properties: even a key `__proto__` stays data.
  return Object.fromEntries(out);
}

function isEnvelope(message: unknown): message is Envelope {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { tag?: unknown }).tag === MESSAGE_TAG &&
    typeof (message as { type?: unknown }).type === 'string' &&
    Object.hasOwn(SCHEMAS, (message as { type: string }).type)
  );
}

const fail = (code: MessageErrorCode, message: string): Reply => ({ ok: false, error: { code, message } });

/**
 * Answers one message, or returns undefined when it is not Payladder's (another listener
 * may answer it). Never throws: failures are replies with a code.
 */
export function createMessageRouter(
  service: SyncService,
  options: RouterOptions,
): (message: unknown, sender: Sender) => Promise<Reply> | undefined {
  const table = handlers(service);
  return (message, sender) => {
    if (!isEnvelope(message)) return undefined;
    if (sender.id !== options.extensionId) return Promise.resolve(fail('forbidden', 'not this extension'));
    const fromPage = sender.url?.startsWith(options.extensionOrigin) ?? false;
    if (PAGE_ONLY_MESSAGES.includes(message.type) && !fromPage) {
      return Promise.resolve(fail('forbidden', `${message.type} is for the extension's own pages`));
    }
    const parsed = SCHEMAS[message.type].safeParse(message.data ?? {});
    if (!parsed.success) {
      // Paths only: the values may be mail addresses.
      return Promise.resolve(
        fail('bad_request', parsed.error.issues.map((i) => i.path.join('.') || '(root)').join(', ')),
      );
    }
    const handle = table[message.type] as (data: unknown) => Promise<unknown>;
    return handle(parsed.data).then(
      (data): Reply => ({ ok: true, data }) as Reply,
      (error: unknown): Reply => {
        if (error instanceof AuthError) {
          const code =
            error.code === 'no_client_id'
              ? 'no_client_id'
              : error.code === 'cancelled'
                ? 'cancelled'
                : 'signed_out';
          return fail(code, error.message);
        }
        console.error(
          'Payladder: message failed',
          message.type,
          error instanceof Error ? error.message : error,
        );
        return fail('internal', error instanceof Error ? error.message : String(error));
      },
    );
  };
}
