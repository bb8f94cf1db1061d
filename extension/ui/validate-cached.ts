/**
 * The zod half of the pages' start, loaded right after the first paint: every value read
 * from storage passes its schema here (invalid ones become their fallbacks), and storage
 * changes are followed through the same schemas from then on.
 */
import '../zod-jitless.ts';
import { accountItem } from '../auth/auth.ts';
import { preferencesItem, reminderLogItem, statusItem, viewItem } from '../sync/items.ts';
import type { Stored } from '../sync/stored.ts';
import type { Cached } from './store.ts';

export const CACHED_ITEMS = {
  view: viewItem,
  status: statusItem,
  preferences: preferencesItem,
  log: reminderLogItem,
  account: accountItem,
} satisfies { [K in keyof Cached]: Stored<Cached[K]> };

export function validateCached(raw: Record<keyof Cached, unknown>): Cached {
  return {
    view: CACHED_ITEMS.view.parse(raw.view),
    status: CACHED_ITEMS.status.parse(raw.status),
    preferences: CACHED_ITEMS.preferences.parse(raw.preferences),
    log: CACHED_ITEMS.log.parse(raw.log),
    account: CACHED_ITEMS.account.parse(raw.account),
  };
}

export function watchCached(apply: (changes: Partial<Cached>) => void): void {
  for (const [name, item] of Object.entries(CACHED_ITEMS) as [keyof Cached, Stored<unknown>][]) {
    item.watch((value) => apply({ [name]: value }));
  }
}
