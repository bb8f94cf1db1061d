/**
 * Email addresses as the adapter reports them: trimmed, lower-cased, deduplicated,
 * in the order the page shows them.
 */

// Deliberately loose: Gmail has already validated what it shows; this only tells an
// address from a name, a partial entry ("giu") or an id that is not an address.
const ADDRESS = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;

/** The address in lower case, or null when `raw` is not an address. */
export function normalizeAddress(raw: string | null | undefined): string | null {
  if (raw == null) return null;
  const trimmed = raw.trim().toLowerCase();
  return ADDRESS.test(trimmed) ? trimmed : null;
}

/** Keeps the first occurrence of each item, in order. */
export function dedupe<T>(items: Iterable<T>, key: (item: T) => string = String): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const item of items) {
    const k = key(item);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(item);
  }
  return out;
}

/** A person typed or shown as `Name <address>` or a bare address. */
export interface ParsedAddress {
  readonly address: string;
  readonly name: string | null;
}

/**
 * Addresses in recipient text as Gmail's fields hold it:
 * `a@example.com, "Rossi, Anna" <anna@example.com>; partial`. Entries that hold no
 * address (a half-typed name) are skipped. Never throws.
 */
export function parseAddressList(text: string): ParsedAddress[] {
  const out: ParsedAddress[] = [];
  for (const entry of splitEntries(text)) {
    const angle = /<([^<>]*)>/.exec(entry);
    if (angle) {
      const address = normalizeAddress(angle[1]);
      if (address === null) continue;
      const name = entry
        .slice(0, angle.index)
        .trim()
        .replace(/^"(.*)"$/s, '$1')
        .trim();
      out.push({ address, name: name === '' ? null : name });
      continue;
    }
    const address = normalizeAddress(entry);
    if (address !== null) out.push({ address, name: null });
  }
  return dedupe(out, (p) => p.address);
}

// Commas and semicolons separate entries, except inside a quoted display name.
function splitEntries(text: string): string[] {
  const entries: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && (ch === ',' || ch === ';' || ch === '\n')) {
      entries.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  entries.push(current);
  return entries.map((e) => e.trim()).filter((e) => e !== '');
}
