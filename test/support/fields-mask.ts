/**
 * Google's partial-response `fields=` selector, e.g.
 * `properties(locale,timeZone,title),sheets.properties(title,sheetId,gridProperties)`.
 * The fake applies it so a client that forgets a field it needs sees that
 * field missing, as it would against Google.
 */

/** A selection: each key maps to `true` (the whole value) or a nested selection. */
export type FieldsMask = Map<string, FieldsMask | true>;

/** undefined for an empty or unparseable mask: the caller then returns everything, as `fields=*` does. */
export function parseFieldsMask(raw: string): FieldsMask | undefined {
  const text = raw.replace(/\s+/g, '');
  const mask: FieldsMask = new Map();
  let pos = 0;

  const parseList = (into: FieldsMask, depth: number): boolean => {
    // Bounded by the text length: each pass consumes at least one character or fails.
    for (;;) {
      if (!parsePath(into, depth)) return false;
      if (text[pos] === ',') {
        pos += 1;
        continue;
      }
      return true;
    }
  };

  const parsePath = (into: FieldsMask, depth: number): boolean => {
    if (depth > 16) return false;
    const match = /^[A-Za-z0-9_*@]+(?:\.[A-Za-z0-9_*@]+)*/.exec(text.slice(pos));
    if (!match) return false;
    pos += match[0].length;
    const names = match[0].split('.');
    let node = into;
    for (const [i, name] of names.entries()) {
      const last = i === names.length - 1;
      if (last && text[pos] !== '(') {
        node.set(name, true);
        return true;
      }
      const existing = node.get(name);
      if (existing === true) return skipGroup(last);
      const child: FieldsMask = existing ?? new Map();
      node.set(name, child);
      node = child;
    }
    // Here text[pos] === '(' and node is the selection for the last name.
    pos += 1;
    if (!parseList(node, depth + 1) || text[pos] !== ')') return false;
    pos += 1;
    return true;
  };

  // `a,a(b)`: the whole of `a` is already selected, so the group adds nothing.
  const skipGroup = (last: boolean): boolean => {
    if (!last || text[pos] !== '(') return true;
    const scratch: FieldsMask = new Map();
    pos += 1;
    if (!parseList(scratch, 1) || text[pos] !== ')') return false;
    pos += 1;
    return true;
  };

  if (text === '' || !parseList(mask, 0) || pos !== text.length) return undefined;
  return mask;
}

/** The value with only the selected fields; arrays are filtered element by element. */
export function applyFieldsMask(value: unknown, mask: FieldsMask | undefined): unknown {
  if (mask === undefined || mask.get('*') === true) return value;
  if (Array.isArray(value)) return value.map((item) => applyFieldsMask(item, mask));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, sub] of mask) {
    if (!Object.hasOwn(value, key)) continue;
    const field = (value as Record<string, unknown>)[key];
    out[key] = sub === true ? field : applyFieldsMask(field, sub);
  }
  return out;
}
