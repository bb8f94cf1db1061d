/**
 * The messages of an open conversation as the page shows them: who sent each, when (the
 * date cell's full text, localized: the background reads it), and the words of the
 * expanded ones without what they quote. For the chip's "Replied …" line (issue 11).
 * Nothing here is logged or kept; the text goes to the background only.
 */
import { messageBody, messageDate, messageQuote } from '../selectors';
import { queryAnchor, queryAnchorAll } from './dom';
import type { GmailThread } from './thread';

export interface ShownMessage {
  /** Lower-cased sender address; null when the page shows none. */
  readonly sender: string | null;
  /** The date as Gmail writes it in full ("Wed, 2 Dec 2026, 10:12"); null when not shown. */
  readonly date: string | null;
  /** The message's own words, quotes left out, white space collapsed; '' when collapsed. */
  readonly text: string;
}

/** Most of a reply fits; the rest (signatures, disclaimers) names no promise. */
export const TEXT_KEPT = 4000;

export function readShownMessages(thread: GmailThread): ShownMessage[] {
  return thread.messages.map((m) => {
    const body = queryAnchor(m.element, messageBody);
    // The first date cell with a title outside the body: mail HTML may carry titles of its own.
    const dateCell = queryAnchorAll(m.element, messageDate).find(
      (el) => el.hasAttribute('title') && (!body || !body.contains(el)),
    );
    return {
      sender: m.sender,
      date: dateCell?.getAttribute('title')?.trim() || null,
      text: body ? ownWords(body) : '',
    };
  });
}

function ownWords(body: Element): string {
  const copy = body.cloneNode(true) as Element;
  // `queryAnchor` answers the first alternative that matches: take every quote of both.
  for (const quote of [...queryAnchorAll(copy, messageQuote), ...copy.querySelectorAll('blockquote')]) {
    quote.remove();
  }
  // Lines and blocks end in a space, as the page shows them apart ("Friday." / "Giulia").
  for (const block of copy.querySelectorAll('div, p, br, li, tr')) block.after(' ');
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, TEXT_KEPT);
}
