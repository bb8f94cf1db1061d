/**
 * Defaults and limits with no zod in them: the popup imports these on its way to the first
 * paint, where every kilobyte of script delays it. The schemas (items.ts, view.ts) use them,
 * and items.ts checks that each default is a value of its schema's type (a typed fallback):
 * this file imports nothing back from there, so the two stay out of an import cycle.
 */

/** Sync intervals the options page offers, minutes. */
export const SYNC_MINUTES = [5, 10, 15, 30, 60] as const;
export const DEFAULT_SYNC_MINUTES = 10;

export const UI_LANGUAGES = ['auto', 'en', 'it'] as const;

export const DEFAULT_PREFERENCES = {
  spreadsheetId: null as string | null,
  syncMinutes: DEFAULT_SYNC_MINUTES as number,
  language: 'auto' as (typeof UI_LANGUAGES)[number],
  // Off until the user turns it on: logging needs write access to their spreadsheets, which
  // is asked for then (issue 18 item 11), never at first sign-in.
  logging: false,
  demo: false,
};

export const IDLE_STATUS = {
  syncing: false,
  lastAttemptAt: null as number | null,
  lastSuccessAt: null as number | null,
  error: null,
  failures: 0,
  nextRetryAt: null as number | null,
  requests: 0,
};

export const EMPTY_LOG = { queue: [], logged: [] };

/** How much of the report the popup's view keeps: a status check, not the whole list (the sheet has it). */
export const CLIENTS_PER_STAGE = 5;
export const PROBLEMS_SHOWN = 5;
