/** Dates, ages, amounts and sync errors as the popup, the options page and the toolbar badge write them, in the UI's language (amounts in its locale: `store.locale`). */
import type { IsoDate } from '../../shared/model.ts';
// Straight from the modules, not the core's index: the popup's first paint carries only what it uses.
import { daysBetween } from '../../shared/dates.ts';
import { formatShortDate } from '../../shared/short-date.ts';
import { formatMoney } from '../../shared/money.ts';
import type { ErrorVars, Lang } from './i18n.ts';
import { STRINGS, intlTag } from './i18n.ts';
import type { SyncError } from '../sync/items.ts';

// Making an Intl formatter costs far more than using one (locale data is loaded each time):
// one per language and form, kept for the page's life (dates: shared formatShortDate), or
// the popup's list of dates would pay for a formatter per row on its way to the first paint.
const relativeFormats = new Map<Lang, Intl.RelativeTimeFormat>();

/** "30 Nov" / "30 nov"; the year only when it is not `today`'s. */
export function formatDate(date: IsoDate, lang: Lang, today: IsoDate): string {
  return formatShortDate(date, intlTag(lang), date.slice(0, 4) !== today.slice(0, 4));
}

/** "5 minutes ago" / "5 minuti fa", "in 2 minutes" / "tra 2 minuti". */
export function formatRelative(deltaMs: number, lang: Lang): string {
  let rtf = relativeFormats.get(lang);
  if (!rtf) {
    rtf = new Intl.RelativeTimeFormat(intlTag(lang), { numeric: 'auto' });
    relativeFormats.set(lang, rtf);
  }
  const s = Math.round(deltaMs / 1000);
  const abs = Math.abs(s);
  // A past under a minute reads "now" / "ora" (seconds are noise for a ledger synced every few
  // minutes); a retry due in 45 seconds says so.
  if (abs < 60) return s <= 0 || abs < 5 ? rtf.format(0, 'second') : rtf.format(s, 'second');
  if (abs < 3600) return rtf.format(Math.round(s / 60), 'minute');
  if (abs < 86_400) return rtf.format(Math.round(s / 3600), 'hour');
  return rtf.format(Math.round(s / 86_400), 'day');
}

export function money(minor: number, currency: string, locale: string): string {
  return formatMoney(minor, currency, locale);
}

/** Days from `today` to `date` (negative when past). */
export function daysUntil(date: IsoDate, today: IsoDate): number {
  return daysBetween(today, date);
}

/** The words for a sync error: what happened and what to do. */
export function errorText(
  error: SyncError,
  lang: Lang,
  now: number,
  nextRetryAt: number | null,
): { title: string; fix: string } {
  const text = STRINGS[lang].errors[error.code];
  const vars: ErrorVars = {
    sheet: error.sheetTitle ?? error.spreadsheetId ?? '',
    status: error.status === null ? '' : String(error.status),
    detail: error.detail,
    retry: nextRetryAt !== null && nextRetryAt > now ? formatRelative(nextRetryAt - now, lang) : '',
  };
  return { title: text.title(vars), fix: text.fix(vars) };
}
