/**
 * What the surfaces tell each other, kept on Gmail's own objects (so a new page, or a new
 * test document, starts clean):
 * - which template went into which compose window, for the send logger;
 * - a "Write reminder" click on the status chip waiting for the reply window it opened.
 */
import type { RenderedMessages } from '../messages.ts';
import { type InsertedMessage, insertMessage } from './insert';
import type { ComposeWindow } from './read/compose';

export type ComposedMessage = RenderedMessages['messages'][number];

/** One entry of the menu: its label names `message`, which is what a click inserts and logs. */
export interface MenuMessage {
  /** `message.messageId`. */
  readonly id: string;
  readonly label: string;
  readonly message: ComposedMessage;
  /** Its text fitted to the window (the background's `fitted`): what the preview shows and a click inserts. */
  readonly text: string;
  /** Where the user's own sign-off starts in the window (`insertMessage`). */
  readonly signOffAt?: number | undefined;
}

export interface Insertion {
  /** Stable for this insertion: the idempotency key when Gmail shows no draft id. */
  readonly id: string;
  readonly client: string;
  /** The message id (`reminder`, `final`, …): the Reminders row's Template. */
  readonly messageId: string;
  readonly subject: string;
  /** The client's addresses the message was written for (used when the window has no To). */
  readonly to: readonly string[];
  /** One Reminders row per group (the core's `ComposedMessage.log`). */
  readonly log: ComposedMessage['log'];
  /** The body nodes put in, to tell whether the template is still there at send time. */
  readonly nodes: readonly Node[];
  /** The first line of the text put in, for the same check after Gmail re-drew the body. */
  readonly firstLine: string;
  /** Set once the send was reported to the background. */
  logged: boolean;
}

const insertions = new WeakMap<Element, Insertion>();

/** The last template inserted into the compose window rooted at `compose`. */
export function insertionOf(compose: Element): Insertion | undefined {
  return insertions.get(compose);
}

/**
 * Inserts a menu entry's message as the menu showed it (its `text`, fitted to the window)
 * and remembers that message for the send logger. False when the window had no body to
 * put it in.
 */
export function insertAndRecord(
  compose: ComposeWindow,
  { message, text, signOffAt }: MenuMessage,
  caret: Range | null,
): boolean {
  const inserted: InsertedMessage = { subject: message.subject, text };
  const outcome = insertMessage(compose, inserted, caret, signOffAt);
  if (outcome.nodes.length === 0) return false;
  insertions.set(compose.element, {
    id: randomId(),
    client: message.client,
    messageId: message.messageId,
    subject: message.subject,
    to: message.to,
    log: message.log,
    nodes: outcome.nodes,
    firstLine: text.split('\n').find((l) => l.trim() !== '') ?? '',
    logged: false,
  });
  return true;
}

/** True while the inserted text is still in the body (the user may have deleted it). */
export function stillInserted(insertion: Insertion, editable: Element | null): boolean {
  if (insertion.nodes.some((n) => n.isConnected)) return true;
  const first = insertion.firstLine.trim();
  return editable !== null && first !== '' && (editable.textContent ?? '').includes(first);
}

// Gmail is served over HTTPS, where `crypto.randomUUID` exists (Chrome 92, Firefox 95).
function randomId(): string {
  return crypto.randomUUID();
}

/** A "Write reminder" click waiting for the reply window it opened. */
export interface PendingWrite {
  readonly client: string;
  /** The conversation the reply belongs to. */
  readonly container: Element;
  /** Epoch ms of the click. */
  readonly at: number;
}

/** How long a click waits for its reply window (Gmail opens one within a second). */
export const WRITE_WAIT_MS = 15_000;

const pendingWrites = new WeakMap<Document, PendingWrite>();

export function requestWrite(doc: Document, write: PendingWrite): void {
  pendingWrites.set(doc, write);
}

/**
 * The pending write a newly seen compose window should take: one inside the conversation
 * (inline reply), or a floating one (the reply popped out), opened in time.
 */
export function takeWrite(doc: Document, compose: ComposeWindow, now: number): PendingWrite | null {
  const write = pendingWrites.get(doc);
  if (!write) return null;
  if (now - write.at > WRITE_WAIT_MS) {
    pendingWrites.delete(doc);
    return null;
  }
  if (compose.kind !== 'reply' || !(write.container.contains(compose.element) || compose.dialog !== null)) {
    return null;
  }
  pendingWrites.delete(doc);
  return write;
}
