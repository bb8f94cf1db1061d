/**
 * Finds Gmail's compose windows (new message, popped-out reply, inline reply) and reads
 * each one's anchors: recipients, subject, body, toolbar and Send.
 */
import {
  anyOf,
  composeBody,
  composeDialog,
  composeDraftId,
  composeForm,
  composeMarker,
  composeRegion,
  composeReplyTarget,
  composeSend,
  composeSubject,
  composeToolbar,
  message,
  threadContainer,
} from '../selectors';
import { readComposeBody, type ComposeBody } from './compose-body';
import { fieldValue, innermost, queryAnchor } from './dom';
import { readRecipients, type ComposeRecipients } from './recipients';

/** `reply` covers reply, reply-all and forward: a compose tied to an existing message. */
export type ComposeKind = 'new' | 'reply';

export interface ComposeWindow {
  /** The compose root (the region around the form). */
  readonly element: Element;
  readonly kind: ComposeKind;
  /** An inline reply, drawn inside the conversation rather than in a floating window. */
  readonly inline: boolean;
  /** The floating window (new message, popped-out reply); null for an inline reply. */
  readonly dialog: Element | null;
  /** The draft's message id (`#msg-a:r-…`), null before Gmail saves one. */
  readonly draftId: string | null;
  /** The id of the message a reply answers, null for a new message. */
  readonly replyToMessageId: string | null;
  readonly recipients: ComposeRecipients;
  /** The subject box, null when not found. An inline reply has one too, hidden. */
  readonly subjectInput: HTMLInputElement | null;
  /** The subject box's current value ('' without one). */
  readonly subject: string;
  readonly body: ComposeBody;
  /** The bottom toolbar holding Send: where a Payladder button goes. */
  readonly toolbar: Element | null;
  readonly sendButton: Element | null;
}

/** Every compose window under `root`, in page order. */
export function readComposeWindows(root: ParentNode): ComposeWindow[] {
  return findComposeRoots(root).map(readCompose);
}

/**
 * Compose roots under `root` (and `root` itself when it is one): each `[role=region]`
 * holding a compose form; in pages without regions, the nearest ancestor of a compose
 * form that also holds the body editable.
 */
export function findComposeRoots(root: ParentNode): Element[] {
  const marker = anyOf(composeMarker);
  const holdsCompose = (el: Element): boolean => el.querySelector(marker) !== null;

  const regions = withSelf(root, anyOf(composeRegion)).filter(holdsCompose);
  if (regions.length > 0) return innermost(regions);

  const roots: Element[] = [];
  for (const form of withSelf(root, anyOf(composeForm)).filter(holdsCompose)) {
    const climbed = climbToBody(form);
    if (!roots.includes(climbed)) roots.push(climbed);
  }
  return innermost(roots);
}

function withSelf(root: ParentNode, css: string): Element[] {
  const own = isElement(root) && root.matches(css) ? [root] : [];
  return [...own, ...Array.from(root.querySelectorAll(css))];
}

function isElement(node: ParentNode): node is Element {
  return (node as Node).nodeType === 1; // Node.ELEMENT_NODE
}

// Gmail draws the body outside the form (2020: both under the same table cell).
function climbToBody(form: Element): Element {
  const body = anyOf(composeBody);
  for (let el: Element | null = form; el; el = el.parentElement) {
    if (el.querySelector(body) !== null) return el;
  }
  return form;
}

/** Reads one compose root. Anchors Gmail does not show read as null, never throw. */
export function readCompose(root: Element): ComposeWindow {
  const dialog = root.closest(anyOf(composeDialog));
  const inline = dialog === null && isInsideConversation(root);
  const replyToMessageId = hiddenId(queryAnchor(root, composeReplyTarget));
  const subjectInput = queryAnchor(root, composeSubject) as HTMLInputElement | null;
  const sendButton = queryAnchor(root, composeSend);
  const toolbar = sendButton?.closest(anyOf(composeToolbar)) ?? queryAnchor(root, composeToolbar);
  return {
    element: root,
    kind: inline || replyToMessageId !== null ? 'reply' : 'new',
    inline,
    dialog,
    draftId: hiddenId(queryAnchor(root, composeDraftId)),
    replyToMessageId,
    recipients: readRecipients(root),
    subjectInput,
    subject: fieldValue(subjectInput),
    body: readComposeBody(root),
    toolbar,
    sendButton,
  };
}

// Gmail writes the text "undefined" into empty id inputs (InboxSDK guards for it too).
function hiddenId(input: Element | null): string | null {
  const value = fieldValue(input).trim();
  return value === '' || value === 'undefined' ? null : value;
}

/** True when `el` sits inside a conversation: an inline reply rather than a new message. */
export function isInsideConversation(el: Element): boolean {
  const containers = anyOf(threadContainer);
  for (let a = el.parentElement; a; a = a.parentElement) {
    if (a.matches(containers) || queryAnchor(a, message) !== null) return true;
  }
  return false;
}
