/** Reads the conversation rows of a Gmail thread list (inbox, label, search results). */
import { listRow, rowSender, rowSenderCell, rowThreadId, rowThreadPermId } from '../selectors';
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
  const found = rowSenders(row).flatMap((el) => {
    const address = senderAddress(el);
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

/** The sender elements of a row (the row's people, "me" included), in page order. */
export function rowSenders(row: Element): Element[] {
  return queryAnchorAll(row, rowSender);
}

/** Below this many rows, one query per row costs less than one over their list. */
const ONE_QUERY_FROM = 8;

/**
 * `rowSenders` of each row, in the same order: after a navigation a frame reads every row
 * of the list, and one query over the list (the rows' parent) for the first alternative,
 * the sender cell's addresses, costs a third of a query per row. A row it finds nothing
 * in, and rows of several lists, are read row by row, as `rowSenders` reads them.
 */
export function rowsSenders(rows: readonly Element[]): Element[][] {
  const of = new Map<Node | null, Element[]>(rows.map((row) => [row, []]));
  const list = rows[0]?.parentNode;
  if (list && rows.length >= ONE_QUERY_FROM && rows.every((row) => row.parentNode === list)) {
    for (const el of list.querySelectorAll(rowSender[0])) {
      // Up to the row holding it: rows do not nest.
      let up = el.parentNode;
      while (up !== list && !of.has(up)) up = (up as Node).parentNode;
      of.get(up)?.push(el);
    }
  }
  return rows.map((row) => {
    const found = of.get(row) as Element[];
    return found.length > 0 ? found : rowSenders(row);
  });
}

/** A sender element's address, normalised; null when it carries none. */
export function senderAddress(el: Element): string | null {
  return normalizeAddress(el.getAttribute('email') ?? el.getAttribute('data-hovercard-id'));
}

/**
 * Rows of the lists on screen. Gmail keeps lists it has left in the page, hidden; whether
 * a row is shown is decided once per row group (its parent), not once per row.
 */
export function displayedRows(root: Document): Element[] {
  const shown = new Map<Element | null, boolean>();
  return queryAnchorAll(root, listRow).filter((row) => {
    const parent = row.parentElement;
    let visible = shown.get(parent);
    if (visible === undefined) {
      visible = parent === null ? isDisplayed(row) : isDisplayed(parent);
      shown.set(parent, visible);
    }
    return visible && (row.getAttribute('style') === null || isDisplayed(row));
  });
}

/** The sender cell, or the cell around the first sender, or the row itself. */
export function senderCell(row: Element, firstSender: Element | null): Element {
  return queryAnchor(row, rowSenderCell) ?? firstSender?.closest('td, [role=gridcell]') ?? row;
}
