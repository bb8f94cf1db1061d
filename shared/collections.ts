/** Small collection helpers for the core's hot paths. */

/**
 * Appends `item` to the list kept under `key`, in place. Grouping a ledger by copying each
 * list on every item is quadratic at a ledger's size; this is the one way the core groups.
 */
export function pushTo<K, T>(map: Map<K, T[]>, key: K, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}
