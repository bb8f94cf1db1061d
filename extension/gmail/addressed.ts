/**
 * Is this compose window addressed to the client? A reminder carries the client's invoice
 * numbers and amounts: it goes into a window only when at least one **To** recipient is the
 * client's (an address or `@domain` entry of theirs in the ledger, by the core's matching
 * rule). A client merely in Cc, or someone else in the conversation, is not enough: that is
 * how an invoice-redirection fraud would collect the figures. The background checks the
 * actual To again, against the whole ledger, before it logs anything.
 */
import { buildClientIndex, matchClient } from '../../shared/match.ts';
import { readCompose } from './read/compose';
import { recipientAddresses, toInput } from './read/recipients';

/** True when one of `to` is among the client's `emails` (addresses and `@domain` entries). */
export function toMatchesClient(
  client: { client: string; emails: readonly string[] },
  to: readonly string[],
): boolean {
  const index = buildClientIndex([{ client: client.client, emails: [...client.emails] }]);
  return to.some((address) => matchClient(index, address) === client.client);
}

/** The To addresses of the compose window rooted at `composeRoot`, as Gmail shows them now. */
export function toOf(composeRoot: Element): string[] {
  return recipientAddresses(readCompose(composeRoot).recipients, ['to']);
}

/** The client's first whole address (a `@domain` entry names no one to write to), or null. */
export function clientAddress(emails: readonly string[]): string | null {
  return emails.find((e) => !e.startsWith('@') && e.includes('@')) ?? null;
}

/**
 * Puts `address` in the window's To field, as if typed: today's input (Gmail turns it into
 * a chip), or appended to the old textarea. False when the window shows no To field.
 */
export function addressTo(composeRoot: Element, address: string): boolean {
  const field = toInput(composeRoot);
  if (!field || !('value' in field)) return false;
  const before = field.value.trim().replace(/[,;]$/, '');
  field.value = before === '' ? address : `${before}, ${address}`;
  field.dispatchEvent(new Event('input', { bubbles: true }));
  return true;
}
