/** Dates, ages, amounts and sync errors as the popup, the options page and the toolbar badge write them, in the UI's language (amounts in its locale: `store.locale`). */
import type { IsoDate } from '../../shared/model.ts';
// Straight from the modules, not the core's index: the popup's first paint carries only what it uses.
import { formatMoney, messageLocale } from '../../shared/money.ts';
import type { ErrorVars, Lang } from './i18n.ts';
import { STRINGS } from './i18n.ts';
import type { SyncError } from '../sync/items.ts';
import type { PopupView } from '../sync/view.ts';
import { moneyKey, popupDate } from '../sync/written.ts';

/** A count as Intl writes it in the UI language: 1,234 / 1234 (Italian groups from 10.000). */
function count(n: number, lang: Lang): string {
  const digits = String(n);
  if (n < (lang === 'it' ? 10_000 : 1_000)) return digits;
  return digits.replace(/\B(?=(\d{3})+$)/g, lang === 'it' ? '.' : ',');
}

type Unit = 'second' | 'minute' | 'hour' | 'day';
const UNIT_WORDS: Record<Lang, Record<Unit, [one: string, many: string]>> = {
  en: {
    second: ['second', 'seconds'],
    minute: ['minute', 'minutes'],
    hour: ['hour', 'hours'],
    day: ['day', 'days'],
  },
  it: {
    second: ['secondo', 'secondi'],
    minute: ['minuto', 'minuti'],
    hour: ['ora', 'ore'],
    day: ['giorno', 'giorni'],
  },
};
/** The days Intl names with `numeric: 'auto'` (CLDR): yesterday, tomorrow… */
const NAMED_DAYS: Record<Lang, Record<number, string>> = {
  en: { [-1]: 'yesterday', 0: 'today', 1: 'tomorrow' },
  it: { [-2]: 'l’altro ieri', [-1]: 'ieri', 0: 'oggi', 1: 'domani', 2: 'dopodomani' },
};

/** `Intl.RelativeTimeFormat(lang, { numeric: 'auto' }).format(n, unit)`, without Intl (a test holds them equal). */
function relative(n: number, unit: Unit, lang: Lang): string {
  if (unit === 'second' && n === 0) return lang === 'it' ? 'ora' : 'now';
  const named = unit === 'day' ? NAMED_DAYS[lang][n] : undefined;
  if (named !== undefined) return named;
  const abs = Math.abs(n);
  const [one, many] = UNIT_WORDS[lang][unit];
  const amount = `${count(abs, lang)} ${abs === 1 ? one : many}`;
  if (lang === 'it') return n < 0 ? `${amount} fa` : `tra ${amount}`;
  return n < 0 ? `${amount} ago` : `in ${amount}`;
}

/**
 * "5 minutes ago" / "5 minuti fa", "in 2 minutes" / "tra 2 minuti": Intl's words for the two
 * UI languages, written here so the popup's first paint runs no Intl (a renderer that has
 * not used Intl yet loads its locale data first, which costs more than the whole paint).
 */
export function formatRelative(deltaMs: number, lang: Lang): string {
  const s = Math.round(deltaMs / 1000);
  const abs = Math.abs(s);
  // A past under a minute reads "now" / "ora" (seconds are noise for a ledger synced every few
  // minutes); a retry due in 45 seconds says so.
  if (abs < 60) return s <= 0 || abs < 5 ? relative(0, 'second', lang) : relative(s, 'second', lang);
  if (abs < 3600) return relative(Math.round(s / 60), 'minute', lang);
  if (abs < 86_400) return relative(Math.round(s / 3600), 'hour', lang);
  return relative(Math.round(s / 86_400), 'day', lang);
}

/**
 * An amount or a date as the view wrote it at sync time in the UI language, so the popup's
 * first paint runs no Intl; formatted here only if the view lacks it (it never should).
 */
export function shownMoney(
  view: Pick<PopupView, 'written' | 'locale'>,
  lang: Lang,
  minor: number,
  currency: string,
): string {
  return (
    view.written[lang].money[moneyKey(minor, currency)] ??
    formatMoney(minor, currency, messageLocale(lang, view.locale))
  );
}

export function shownDate(view: Pick<PopupView, 'written' | 'today'>, lang: Lang, date: IsoDate): string {
  return view.written[lang].dates[date] ?? popupDate(date, lang, view.today);
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
