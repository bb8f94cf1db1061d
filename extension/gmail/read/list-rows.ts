/** Reads the conversation rows of a Gmail thread list (inbox, label, search results). */
import { listRow, rowSender, rowThreadId, rowThreadPermId } from '../selectors';
import { dedupe, normalizeAddress } from './addresses';
import { idValue, isDisplayed, queryAnchor, queryAnchorAll } from './dom';

export interface ListRow {
  /** The row element: where a badge goes. */
  readonly element: Element;
  /** Hex thread id (`data-legacy-thread-id`), null when the row does not show one. */
  readonly threadId: string | null;
  /** Permanent thread id without its `#` (`thread-f:1817…`), null when absent or "undefined". */
  readonly threadPermId: string | null;
  /**
   * The people shown in the sender column, lower-cased, deduplicated, in the order
   * shown. Includes the user ("me") when the page shows them; a draft-only row has none.
   */
  readonly senders: readonly string[];
  /** The elements those senders came from, in the same order (badge anchors). */
  readonly senderElements: readonly Element[];
}

/** Every displayed conversation row under `root`, in page order. */
export function readListRows(root: ParentNode): ListRow[] {
  return queryAnchorAll(root, listRow).filter(isDisplayed).map(readListRow);
}

/** One row. Never throws: a row Gmail draws differently reads as empty fields. */
export function readListRow(row: Element): ListRow {
  const found = queryAnchorAll(row, rowSender).flatMap((el) => {
    const address = normalizeAddress(el.getAttribute('email') ?? el.getAttribute('data-hovercard-id'));
    return address === null ? [] : [{ address, el }];
  });
  const senders = dedupe(found, (s) => s.address);
  return {
    element: row,
    threadId: idValue(queryAnchor(row, rowThreadId)?.getAttribute('data-legacy-thread-id')),
    threadPermId: idValue(queryAnchor(row, rowThreadPermId)?.getAttribute('data-thread-id')),
    senders: senders.map((s) => s.address),
    senderElements: senders.map((s) => s.el),
  };
}
