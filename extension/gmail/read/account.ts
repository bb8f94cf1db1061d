/**
 * The user's own address, so the user is never taken for a client: a conversation with
 * Northwind shows "me" among its participants, and "me" is not Northwind.
 *
 * Read from the page, in this order:
 * 1. the document title, "Inbox (3) - me@example.com - Gmail" (Workspace accounts end in
 *    the organisation's name instead of "Gmail"): the last " - "-separated segment that is
 *    an address. The title is not localized around the address, and a subject that holds
 *    an address comes before it.
 * 2. the account button of the top bar, whose `aria-label` is localized words around the
 *    address ("Google Account: Alex Moreau (me@example.com)"): only the address is taken.
 *
 * Gmail's own `GLOBALS` / `GM_USER` hints live in the page's JavaScript world, which a
 * content script can reach only by injecting a script into Gmail's page; the two sources
 * above need no injection. Saved pages without either (the shared fragments) give none.
 */
import { accountButton } from '../selectors';
import { normalizeAddress } from './addresses';
import { queryAnchor } from './dom';

const IN_TEXT = /[^\s()<>"',;:[\]]+@[^\s()<>"',;:[\]]+\.[^\s()<>"',;:[\]]+/g;

/** The signed-in account's address(es) shown by the page, lower case; empty when none is shown. */
export function ownAddresses(doc: Document): string[] {
  const fromTitle = titleAddress(doc.title);
  if (fromTitle !== null) return [fromTitle];
  const label = queryAnchor(doc, accountButton)?.getAttribute('aria-label') ?? '';
  const found = [...label.matchAll(IN_TEXT)]
    .map((m) => normalizeAddress(m[0]))
    .filter((a): a is string => a !== null);
  return found.slice(-1);
}

/** The address in a Gmail title ("Subject - me@example.com - Gmail"), or null. */
export function titleAddress(title: string): string | null {
  const segments = title.split(' - ');
  // The last segment is the product ("Gmail", or the organisation's name): skip it.
  for (let i = segments.length - 2; i >= 1; i -= 1) {
    const address = normalizeAddress(segments[i]);
    if (address !== null) return address;
  }
  return null;
}
