/**
 * The `storage.local` keys the popup and the options page paint from (the items in
 * `validate-cached.ts`; a unit test holds them equal). Plain data: the early read
 * (entrypoints/cached-read.ts) takes it without anything else.
 */
export const CACHED_KEYS = {
  view: 'view',
  status: 'status',
  preferences: 'preferences',
  log: 'reminderLog',
  account: 'account',
} as const;

/** Where the early read leaves its promise for the page's script. */
export const EARLY_READ = 'payladderCachedRead';
