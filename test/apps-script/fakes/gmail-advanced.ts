/**
 * The Gmail advanced service (`Gmail`, Gmail API v1 through Apps Script), drafts only:
 * `Gmail.Users.Drafts.create(resource, userId)`, `.get(userId, id)`, `.list(userId)`, in the
 * REST shapes (https://developers.google.com/workspace/gmail/api/reference/rest/v1/users.drafts).
 * It shares GmailModel with the GmailApp fake, so `fakes.gmail.live()` lists drafts made
 * either way. The raw message is parsed as Gmail would read it: base64url, RFC 2822 headers
 * in ASCII (RFC 2047 encoded words for UTF-8), a multipart/alternative body; anything else
 * is refused, so a malformed message fails its test rather than reaching a client.
 */
import { Buffer } from 'node:buffer';
import { counted, describeTarget } from './call-log.ts';
import type { DraftRecord, GmailModel } from './gmail.ts';
import type { FakeEnv } from './env.ts';

export interface GmailMessageResource {
  id?: string;
  threadId?: string;
  labelIds?: string[];
  raw?: string;
}
export interface GmailDraftResource {
  id?: string;
  message?: GmailMessageResource;
}

/** How an advanced service reports an HTTP error: `GoogleJsonResponseException`. */
function apiError(env: FakeEnv, method: string, code: number, message: string): Error {
  const error = new env.realm.Error(`API call to gmail.users.drafts.${method} failed with error: ${message}`);
  error.name = 'GoogleJsonResponseException';
  Object.assign(error, { details: { code, message } });
  return error;
}

export class FakeGmail {
  readonly Users: FakeGmailUsers;
  constructor(env: FakeEnv, model: GmailModel, owner: string) {
    this.Users = new FakeGmailUsers(env, model, owner);
  }
}

export class FakeGmailUsers {
  readonly Drafts: FakeGmailDrafts;
  constructor(
    env: FakeEnv,
    model: GmailModel,
    private readonly owner: string,
  ) {
    this.Drafts = new FakeGmailDrafts(env, model, owner);
    return counted(this, 'Gmail.Users', env.calls);
  }

  /** users.getProfile: the account's address and counts. */
  getProfile(userId: string): {
    emailAddress: string;
    messagesTotal: number;
    threadsTotal: number;
    historyId: string;
  } {
    if (userId !== 'me' && userId !== this.owner) throw new Error('Delegation denied for ' + this.owner);
    return { emailAddress: this.owner, messagesTotal: 0, threadsTotal: 0, historyId: '1' };
  }
}

export class FakeGmailDrafts {
  constructor(
    private readonly env: FakeEnv,
    readonly model: GmailModel,
    private readonly owner: string,
  ) {
    return counted(this, 'Gmail.Users.Drafts', env.calls);
  }

  [describeTarget](): string {
    return 'users/me/drafts';
  }

  private checkUser(method: string, userId: unknown): void {
    if (userId !== 'me' && userId !== this.owner)
      throw apiError(this.env, method, 403, 'Delegation denied for ' + this.owner);
  }

  create(resource: GmailDraftResource, userId: string): GmailDraftResource {
    this.checkUser('create', userId);
    const raw = resource?.message?.raw;
    if (typeof raw !== 'string' || raw === '')
      throw apiError(this.env, 'create', 400, "Invalid draft: 'message' with 'raw' is required");
    if (!/^[A-Za-z0-9_-]+={0,2}$/.test(raw))
      throw apiError(
        this.env,
        'create',
        400,
        "Invalid value at 'draft.message.raw' (TYPE_BYTES), Base64 decoding failed",
      );
    const parsed = parseMessage(Buffer.from(raw, 'base64url').toString('utf8'));
    if (typeof parsed === 'string') throw apiError(this.env, 'create', 400, parsed);
    const n = this.model.drafts.length + 1;
    const messageId = (0x18f0000000000 + n).toString(16);
    const record: DraftRecord = {
      id: `r${7000000000 + n}`,
      messageId,
      threadId: messageId,
      raw,
      to: parsed.headers.get('to') ?? '',
      subject: parsed.subject,
      body: parsed.text,
      htmlBody: parsed.html,
      cc: parsed.headers.get('cc'),
      bcc: parsed.headers.get('bcc'),
      replyTo: parsed.headers.get('reply-to'),
      name: fromName(parsed.headers.get('from')),
      attachments: 0,
      createdAt: new Date(this.env.clock.now()),
      deleted: false,
    };
    this.model.drafts.push(record);
    return this.resource(record, false);
  }

  get(userId: string, id: string): GmailDraftResource {
    this.checkUser('get', userId);
    const draft = this.model.live().find((d) => d.id === id);
    if (!draft) throw apiError(this.env, 'get', 404, 'Requested entity was not found.');
    return this.resource(draft, true);
  }

  list(userId: string): { drafts?: GmailDraftResource[]; resultSizeEstimate: number } {
    this.checkUser('list', userId);
    const live = this.model.live();
    // The REST API leaves `drafts` out when there are none.
    return live.length === 0
      ? { resultSizeEstimate: 0 }
      : {
          drafts: live.map((d) => ({
            id: d.id,
            message: { id: d.messageId, threadId: d.threadId ?? d.messageId },
          })),
          resultSizeEstimate: live.length,
        };
  }

  private resource(d: DraftRecord, full: boolean): GmailDraftResource {
    const message: GmailMessageResource = {
      id: d.messageId,
      threadId: d.threadId ?? d.messageId,
      labelIds: ['DRAFT'],
    };
    if (full && d.raw) message.raw = d.raw;
    return { id: d.id, message };
  }
}

/** The display name of a From header, decoded. */
function fromName(from: string | undefined): string | undefined {
  const name = from?.match(/^(.*?)\s*<[^>]*>$/)?.[1];
  if (!name) return undefined;
  const decoded = decodeWords(name);
  return decoded.startsWith('"') ? decoded.slice(1, -1).replace(/\\(.)/g, '$1') : decoded;
}

interface ParsedMessage {
  headers: Map<string, string>;
  subject: string;
  text: string;
  html: string | undefined;
}

/** Reads an RFC 2822 message the way the fake needs it; a string is the reason it is refused. */
export function parseMessage(message: string): ParsedMessage | string {
  const split = message.indexOf('\r\n\r\n');
  if (split < 0) return 'Invalid message: no blank line (CRLF CRLF) after the headers';
  const head = message.slice(0, split);
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(head)) return 'Invalid message: headers must be ASCII (RFC 2047 for anything else)';
  const headers = parseHeaders(head);
  const to = headers.get('to');
  if (!to) return 'Invalid To header: Recipient address required';
  for (const part of to.split(',')) {
    const address = part.trim().match(/<([^>]*)>$/)?.[1] ?? part.trim();
    if (!/^[^\s@<>]+@[^\s@<>]+$/.test(address)) return `Invalid To header: ${address}`;
  }
  const body = message.slice(split + 4);
  const type = headers.get('content-type') ?? 'text/plain';
  let text = '';
  let html: string | undefined;
  const boundary = /^multipart\/alternative;\s*boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (boundary) {
    const parts = body.split(`--${boundary}`).slice(1);
    if (parts.at(-1)?.startsWith('--') !== true)
      return 'Invalid message: multipart without its closing boundary';
    for (const part of parts.slice(0, -1)) {
      const inner = parseMessagePart(part.replace(/^\r\n/, ''));
      if (typeof inner === 'string') return inner;
      if (inner.type.startsWith('text/plain')) text = inner.content;
      else if (inner.type.startsWith('text/html')) html = inner.content;
    }
  } else {
    text = body;
  }
  return { headers, subject: decodeWords(headers.get('subject') ?? ''), text, html };
}

function parseHeaders(head: string): Map<string, string> {
  const headers = new Map<string, string>();
  // Folded lines (CRLF + space) continue the header above.
  for (const line of head.replace(/\r\n[ \t]/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

function parseMessagePart(part: string): { type: string; content: string } | string {
  const split = part.indexOf('\r\n\r\n');
  if (split < 0) return 'Invalid message part: no blank line after its headers';
  const headers = parseHeaders(part.slice(0, split));
  const raw = part.slice(split + 4).replace(/\r\n$/, '');
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  const type = headers.get('content-type') ?? 'text/plain';
  if (encoding === 'base64')
    return { type, content: Buffer.from(raw.replace(/\r\n/g, ''), 'base64').toString('utf8') };
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(raw)) return `Invalid message part: 8-bit text declared ${encoding}`;
  return { type, content: raw };
}

/** RFC 2047 encoded words (B and Q, UTF-8) back to text. */
export function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_m, kind: string, data: string) =>
      kind.toLowerCase() === 'b'
        ? Buffer.from(data, 'base64').toString('utf8')
        : Buffer.from(
            data
              .replace(/_/g, ' ')
              .replace(/=([0-9a-f]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          ).toString('utf8'),
    );
}
