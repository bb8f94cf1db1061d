/**
 * Storage items that are versioned (WXT's `storage.defineItem` runs migrations when a
 * version is bumped) and validated on read: what comes back from storage is outside input
 * like any other (an older build, a half-written value, a user poking at DevTools), so it
 * passes its zod schema or reads as the fallback.
 */
import type * as z from 'zod';
import type { StorageItemKey } from 'wxt/utils/storage';
import { storage } from 'wxt/utils/storage';

export interface Stored<T> {
  readonly key: StorageItemKey;
  /** The stored value if it passes the schema, else the fallback. */
  get(): Promise<T>;
  set(value: T): Promise<void>;
  remove(): Promise<void>;
  /** Called with each new (validated) value; returns the unwatch function. */
  watch(callback: (value: T) => void): () => void;
  /** Validates a raw value as read by other means (one `storage.local.get` for several items). */
  parse(raw: unknown): T;
}

export interface StoredOptions<T> {
  schema: z.ZodType<T>;
  fallback: T;
  /** Bump with a migration when the stored shape changes. */
  version: number;
  migrations?: Record<number, (old: unknown) => unknown>;
}

export function defineStored<T>(key: StorageItemKey, options: StoredOptions<T>): Stored<T> {
  const item = storage.defineItem<unknown>(key, {
    version: options.version,
    ...(options.migrations ? { migrations: options.migrations } : {}),
  });
  const parse = parser(key, options);
  return {
    key,
    parse,
    get: async () => parse(await item.getValue()),
    set: (value) => item.setValue(value),
    remove: () => item.removeValue(),
    watch: (callback) => item.watch((raw) => callback(parse(raw))),
  };
}

/**
 * A cache item: rebuilt from the sheet, so a value of another version is not migrated but
 * dropped (its schema carries the version as a literal) and read again at the next sync.
 * Not `defineItem`, which reads the value once when it is defined: for the ledger that is
 * megabytes read for nothing at every service-worker start.
 */
export function defineCache<T>(
  key: StorageItemKey,
  options: Omit<StoredOptions<T>, 'version' | 'migrations'>,
): Stored<T> {
  const parse = parser(key, { ...options, version: 1 });
  return {
    key,
    parse,
    get: async () => parse(await storage.getItem(key)),
    set: (value) => storage.setItem(key, value),
    remove: () => storage.removeItem(key),
    watch: (callback) => storage.watch<unknown>(key, (raw) => callback(parse(raw))),
  };
}

function parser<T>(key: StorageItemKey, options: StoredOptions<T>): (raw: unknown) => T {
  return (raw: unknown): T => {
    if (raw === null || raw === undefined) return options.fallback;
    const result = options.schema.safeParse(raw);
    if (result.success) return result.data;
    // Paths only: stored values hold ledger text and must not reach logs.
    console.warn(
      `Payladder: ignoring an invalid ${key}`,
      result.error.issues.map((i) => i.path.join('.')),
    );
    return options.fallback;
  };
}
