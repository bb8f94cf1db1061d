/**
 * GmailApp with drafts only. Payladder never sends mail on the user's behalf: it drafts,
 * the user reads and sends. Every sending method of the fake throws, so a handler that
 * tries to send fails its test (and the attempt stays in the call log).
 */
import { counted, describeTarget } from './call-log.ts';
import type { FakeEnv } from './env.ts';
import { appsScriptError, requireAuth, signatureError } from './env.ts';

type GmailDraft = GoogleAppsScript.Gmail.GmailDraft;
type GmailMessage = GoogleAppsScript.Gmail.GmailMessage;

export const NEVER_SENDS = 'Payladder never sends mail; it creates drafts for the user to send';

export interface DraftRecord {
  id: string;
  messageId: string;
  /** Gmail thread of the draft's message (advanced service). */
  threadId?: string;
  /** The base64url RFC 2822 message, for drafts made through the advanced service. */
  raw?: string;
  to: string;
  subject: string;
  /** The plain-text body argument. */
  body: string;
  htmlBody: string | undefined;
  cc: string | undefined;
  bcc: string | undefined;
  replyTo: string | undefined;
  /** Sender display name. */
  name: string | undefined;
  attachments: number;
  /** When it was created, on the fake clock. */
  createdAt: Date;
  deleted: boolean;
}

export class GmailModel {
  readonly drafts: DraftRecord[] = [];

  /** Drafts not deleted, oldest first. */
  live(): DraftRecord[] {
    return this.drafts.filter((d) => !d.deleted);
  }
}

// Gmail rejects a malformed address when the draft is created, not when it is sent.
function checkRecipients(env: FakeEnv, list: string | undefined): void {
  for (const part of (list ?? '').split(',')) {
    const address = part.trim().match(/<([^>]*)>$/)?.[1] ?? part.trim();
    if (address !== '' && !/^[^\s@]+@[^\s@]+$/.test(address))
      throw appsScriptError(env, `Invalid email: ${address}`);
  }
}

export class FakeGmailApp implements Partial<GoogleAppsScript.Gmail.GmailApp> {
  constructor(
    private readonly env: FakeEnv,
    readonly model: GmailModel,
  ) {
    return counted(this, 'GmailApp', env.calls);
  }

  createDraft(
    recipient: string,
    subject: string,
    body: string,
    options: GoogleAppsScript.Gmail.GmailAdvancedOptions = {},
  ): GmailDraft {
    requireAuth(this.env, 'GmailApp.createDraft');
    if (typeof recipient !== 'string' || typeof subject !== 'string' || typeof body !== 'string') {
      throw signatureError(this.env, 'GmailApp.createDraft', [recipient, subject, body]);
    }
    for (const list of [recipient, options.cc, options.bcc, options.replyTo]) checkRecipients(this.env, list);
    const n = this.model.drafts.length + 1;
    const draft: DraftRecord = {
      id: `r-${1000 + n}`,
      messageId: (0x18f0000000000 + n).toString(16),
      to: recipient,
      subject,
      body,
      htmlBody: options.htmlBody,
      cc: options.cc,
      bcc: options.bcc,
      replyTo: options.replyTo,
      name: options.name,
      attachments: options.attachments?.length ?? 0,
      createdAt: new Date(this.env.clock.now()),
      deleted: false,
    };
    this.model.drafts.push(draft);
    return new FakeGmailDraft(this.env, draft) as unknown as GmailDraft;
  }

  getDrafts(): GmailDraft[] {
    requireAuth(this.env, 'GmailApp.getDrafts');
    return this.model.live().map((d) => new FakeGmailDraft(this.env, d) as unknown as GmailDraft);
  }

  getDraft(draftId: string): GmailDraft {
    requireAuth(this.env, 'GmailApp.getDraft');
    const draft = this.model.live().find((d) => d.id === draftId);
    if (!draft) throw appsScriptError(this.env, `Invalid argument: ${draftId}`);
    return new FakeGmailDraft(this.env, draft) as unknown as GmailDraft;
  }

  sendEmail(): never {
    throw appsScriptError(this.env, `${NEVER_SENDS} (GmailApp.sendEmail was called)`);
  }
}

export class FakeGmailDraft implements Partial<GmailDraft> {
  constructor(
    private readonly env: FakeEnv,
    readonly record: DraftRecord,
  ) {
    return counted(this, 'GmailDraft', env.calls);
  }

  [describeTarget](): string {
    return this.record.id;
  }

  getId(): string {
    return this.record.id;
  }
  getMessageId(): string {
    return this.record.messageId;
  }
  getMessage(): GmailMessage {
    return new FakeGmailMessage(this.env, this.record) as unknown as GmailMessage;
  }
  deleteDraft(): void {
    this.record.deleted = true;
  }
  send(): never {
    throw appsScriptError(this.env, `${NEVER_SENDS} (GmailDraft.send was called)`);
  }
}

export class FakeGmailMessage implements Partial<GmailMessage> {
  constructor(
    private readonly env: FakeEnv,
    private readonly record: DraftRecord,
  ) {
    return counted(this, 'GmailMessage', env.calls);
  }

  [describeTarget](): string {
    return this.record.messageId;
  }

  getId(): string {
    return this.record.messageId;
  }
  getTo(): string {
    return this.record.to;
  }
  getCc(): string {
    return this.record.cc ?? '';
  }
  getBcc(): string {
    return this.record.bcc ?? '';
  }
  getSubject(): string {
    return this.record.subject;
  }
  getPlainBody(): string {
    return this.record.body;
  }
  /** The HTML body when one was given, as Gmail stores it; the plain body otherwise. */
  getBody(): string {
    return this.record.htmlBody ?? this.record.body;
  }
  getDate(): GoogleAppsScript.Base.Date {
    return new this.env.realm.Date(this.record.createdAt.getTime());
  }
  isDraft(): boolean {
    return true;
  }
  reply(): never {
    throw appsScriptError(this.env, `${NEVER_SENDS} (GmailMessage.reply was called)`);
  }
  replyAll(): never {
    throw appsScriptError(this.env, `${NEVER_SENDS} (GmailMessage.replyAll was called)`);
  }
  forward(): never {
    throw appsScriptError(this.env, `${NEVER_SENDS} (GmailMessage.forward was called)`);
  }
}

/** MailApp sends too, and the manifest does not even ask for its scope. */
export class FakeMailApp implements Partial<GoogleAppsScript.Mail.MailApp> {
  constructor(private readonly env: FakeEnv) {
    return counted(this, 'MailApp', env.calls);
  }

  sendEmail(): never {
    throw appsScriptError(this.env, `${NEVER_SENDS} (MailApp.sendEmail was called)`);
  }
}
