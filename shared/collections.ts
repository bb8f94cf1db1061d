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

/**
 * Sorts `list` in place by `compare`, stably, as Array.prototype.sort does; short lists by
 * insertion, with nothing allocated: V8's sort allocates about a kilobyte of working state
 * per call, which at one or two sorts per client was 18 MB per report of a 10,000-client
 * ledger (bench/core.ts). Same order as `list.sort(compare)` for any consistent `compare`.
 */
export function sortShort<T>(list: T[], compare: (a: T, b: T) => number): T[] {
  if (list.length > 16) return list.sort(compare);
  for (let i = 1; i < list.length; i++) {
    const item = list[i] as T;
    let j = i - 1;
    while (j >= 0 && compare(list[j] as T, item) > 0) {
      list[j + 1] = list[j] as T;
      j--;
    }
    list[j + 1] = item;
  }
  return list;
}
