/**
 * Address → client: an exact address wins over a whole-domain entry (`@acme.com`), and a
 * more specific domain over its parent (`@eu.acme.com` before `@acme.com`).
 */
import type { Client } from './model.ts';

// Maps, not plain objects: an address or domain is ledger (and mail) text, and `constructor`
// or `__proto__` looked up in an object finds Object.prototype's members.
export interface ClientIndex {
  /** Lower-case address → client name. */
  byAddress: Map<string, string>;
  /** Lower-case domain without `@` → client name. */
  byDomain: Map<string, string>;
}

export function buildClientIndex(clients: readonly Pick<Client, 'client' | 'emails'>[]): ClientIndex {
  const byAddress = new Map<string, string>();
  const byDomain = new Map<string, string>();
  for (const c of clients) {
    for (const e of c.emails) {
      const [map, key] = e.startsWith('@') ? [byDomain, e.slice(1)] : [byAddress, e];
      if (!map.has(key)) map.set(key, c.client);
    }
  }
  return { byAddress, byDomain };
}

/** The client an address belongs to, or null. */
export function matchClient(index: ClientIndex, address: string): string | null {
  const a = address.trim().toLowerCase();
  const exact = index.byAddress.get(a);
  if (exact !== undefined) return exact;
  let domain = a.slice(a.lastIndexOf('@') + 1);
  while (domain.includes('.')) {
    const hit = index.byDomain.get(domain);
    if (hit !== undefined) return hit;
    domain = domain.slice(domain.indexOf('.') + 1);
  }
  return null;
}

/** The first client among several addresses (sender, recipients), skipping `exclude` (the user). */
export function matchAny(
  index: ClientIndex,
  addresses: Iterable<string>,
  exclude: Iterable<string> = [],
): string | null {
  const skip = new Set([...exclude].map((a) => a.toLowerCase()));
  for (const a of addresses) {
    if (skip.has(a.toLowerCase())) continue;
    const hit = matchClient(index, a);
    if (hit) return hit;
  }
  return null;
}
