/**
 * Where a row of today's work takes the user in Gmail: the client's latest conversations (a
 * search over their addresses; Gmail lists the newest first), their waiting drafts, or a new
 * message to them. Plain URLs opened in a tab: no Gmail API, no permission.
 */
const GMAIL = 'https://mail.google.com/mail';

/** Gmail search terms for an address (`a@b.com`) or a whole domain (`@b.com`). */
function terms(address: string, fields: readonly string[]): string[] {
  const who = address.startsWith('@') ? address.slice(1) : address;
  return fields.map((f) => `${f}:${who}`);
}

/** A quoted phrase for Gmail search (its own quotes dropped: Gmail has no escape for them). */
const phrase = (text: string) => `"${text.replace(/"/g, ' ')}"`;

/**
 * The client's conversations, newest first; with `drafts`, their drafts only. A client
 * with no address in the ledger is searched by name.
 */
export function conversationUrl(client: string, addresses: readonly string[], drafts = false): string {
  const any = addresses.flatMap((a) => terms(a, drafts ? ['to'] : ['from', 'to']));
  // Braces are Gmail's "any of these".
  const who = any.length === 0 ? phrase(client) : any.length === 1 ? any[0] : `{${any.join(' ')}}`;
  const query = drafts ? `in:drafts ${who}` : who;
  return `${GMAIL}/u/0/#search/${encodeURIComponent(query as string)}`;
}

/** A new message to the client's addresses (not their domains); null when the ledger has none. */
export function composeUrl(addresses: readonly string[]): string | null {
  const to = addresses.filter((a) => !a.startsWith('@') && a.includes('@'));
  if (to.length === 0) return null;
  return `${GMAIL}/?view=cm&fs=1&to=${encodeURIComponent(to.join(','))}`;
}
