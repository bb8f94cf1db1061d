/** Reads an open Gmail conversation: subject, participants, messages. */
import {
  message,
  messageBody,
  messageRecipient,
  messageSender,
  participant,
  threadContainer,
  threadReply,
  threadReplyBar,
  threadSubject,
} from '../selectors';
import { dedupe, normalizeAddress } from './addresses';
import { findComposeRoots } from './compose';
import {
  closestAnchor,
  collapsedText,
  idValue,
  isDisplayed,
  isShown,
  outermost,
  queryAnchor,
  queryAnchorAll,
} from './dom';

export interface ThreadMessage {
  readonly element: Element;
  /** Hex message id (`data-legacy-message-id`), null in pages that do not show it (2014). */
  readonly messageId: string | null;
  readonly sender: string | null;
  /** The "to …" line, lower-cased, in page order; empty for a collapsed message. */
  readonly recipients: readonly string[];
}

export interface GmailThread {
  /** The conversation container: where a status chip goes. */
  readonly element: Element;
  readonly subjectElement: Element | null;
  /** The subject as shown, white space collapsed; null without a subject heading. */
  readonly subject: string | null;
  /** Hex thread id from the subject heading (`data-legacy-thread-id`), when shown. */
  readonly threadId: string | null;
  /**
   * Permanent thread id (`thread-f:…`) from the subject heading, when shown; null when
   * missing or written as "undefined" (late 2025 on): then only `threadId` identifies it.
   */
  readonly threadPermId: string | null;
  /**
   * Every address the conversation shows (senders, recipients, cc), lower-cased,
   * deduplicated, in page order, the user's own included. Addresses inside message
   * bodies and inside an open reply form are not participants.
   */
  readonly participants: readonly string[];
  readonly messages: readonly ThreadMessage[];
}

/** The displayed conversation under `root`, or null when none is open. */
export function readThread(root: ParentNode): GmailThread | null {
  const container = findThreadContainers(root)[0];
  return container ? readThreadContainer(container) : null;
}

/**
 * Conversation containers under `root` that are displayed. Gmail can keep an earlier
 * conversation in the page, hidden, so there may be several in the DOM.
 */
export function findThreadContainers(root: ParentNode): Element[] {
  const byClass = queryAnchorAll(root, threadContainer).filter(
    (el) => queryAnchor(el, threadSubject) !== null || queryAnchor(el, message) !== null,
  );
  const containers = byClass.length > 0 ? byClass : containersFromSubjects(root);
  return outermost(containers).filter(isDisplayed);
}

// Without a known container class: climb from each subject heading to the nearest
// ancestor that also holds a message.
function containersFromSubjects(root: ParentNode): Element[] {
  const found: Element[] = [];
  for (const subject of queryAnchorAll(root, threadSubject)) {
    for (let el = subject.parentElement; el; el = el.parentElement) {
      if (queryAnchor(el, message) !== null) {
        if (!found.includes(el)) found.push(el);
        break;
      }
      if (el === root) break;
    }
  }
  return found;
}

/** Reads one conversation container. Missing parts read as null or empty, never throw. */
export function readThreadContainer(container: Element): GmailThread {
  const subjectElement = queryAnchor(container, threadSubject);
  const composes = findComposeRoots(container);
  const outsideMail = (el: Element): boolean =>
    !isInsideBody(el, container) && !composes.some((compose) => compose.contains(el));

  const participants = queryAnchorAll(container, participant)
    .filter(outsideMail)
    .map(addressOf)
    .filter((a): a is string => a !== null);

  const messages = outermost(queryAnchorAll(container, message)).map((el) => readMessage(el, outsideMail));

  return {
    element: container,
    subjectElement,
    subject: subjectElement ? collapsedText(subjectElement) : null,
    threadId: idValue(subjectElement?.getAttribute('data-legacy-thread-id')),
    threadPermId: idValue(subjectElement?.getAttribute('data-thread-perm-id')),
    participants: dedupe(participants),
    messages,
  };
}

function readMessage(element: Element, outsideMail: (el: Element) => boolean): ThreadMessage {
  const senderElement =
    queryAnchorAll(element, messageSender).find(outsideMail) ??
    queryAnchorAll(element, participant).find(outsideMail) ??
    null;
  const recipients = queryAnchorAll(element, messageRecipient)
    .filter((el) => el !== senderElement && outsideMail(el))
    .map(addressOf)
    .filter((a): a is string => a !== null);
  return {
    element,
    messageId: idValue(element.getAttribute('data-legacy-message-id')),
    sender: senderElement ? addressOf(senderElement) : null,
    recipients: dedupe(recipients),
  };
}

function isInsideBody(el: Element, container: Element): boolean {
  const body = closestAnchor(el, messageBody);
  return body !== null && container.contains(body);
}

function addressOf(el: Element): string | null {
  return normalizeAddress(el.getAttribute('email') ?? el.getAttribute('data-hovercard-id'));
}

/**
 * The Reply link of the conversation's reply bar, or null when no bar is shown. Gmail may
 * draw several bars (an A/B test since Nov 2025), some hidden, some inside a `table`:
 * the displayed bar outside tables wins, then a displayed one inside a table (the classic
 * layout, 2014–2025, has its only bar in one), never a hidden one, as InboxSDK's thread view
 * does (`#findBottomReplyToolbarElement`, 2025-11-25; fixture thread-reply-bars-2026-B).
 * A table counts when it lies inside the conversation container.
 */
export function findReplyLink(container: Element): Element | null {
  const bars = queryAnchorAll(container, threadReplyBar).filter(isShown);
  // A table around the whole conversation (the page layout of thread-view-2014-A and of
  // our fixtures) does not count: only one inside the conversation does.
  const inTable = (el: Element): boolean => {
    const table = el.closest('table');
    return table !== null && container.contains(table);
  };
  const bar = bars.find((el) => !inTable(el)) ?? bars[0];
  return bar ? queryAnchor(bar, threadReply) : null;
}
