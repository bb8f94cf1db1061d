/**
 * Formatting at the edge, shared by messages and the documentation pack: the one HTML
 * escaper, long dates and per-currency totals with Intl, and the locale a client's
 * messages are written in. Pure: no clock, no DOM.
 */
import type { IsoDate } from './model.ts';
import { bcp47, formatMoney } from './money.ts';
import type { PerCurrency } from './money.ts';

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * The one HTML escaper: text → HTML text safe in element content and in quoted attribute
 * values (OWASP XSS Prevention Cheat Sheet, rule #1 and #2: & < > " ' are enough there).
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

export { messageLocale } from './money.ts';
export { formatShortDate } from './short-date.ts';

const dateFormatters = new Map<string, Intl.DateTimeFormat>();

/** A calendar date written out for people: "30 November 2026", "30 novembre 2026". */
export function formatDate(date: IsoDate, locale: string): string {
  const tag = bcp47(locale);
  let f = dateFormatters.get(tag);
  if (!f) {
    // UTC on both sides: an ISO date is a calendar day, not an instant.
    f = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    dateFormatters.set(tag, f);
  }
  return f.format(new Date(`${date}T00:00:00Z`));
}

/**
 * Sums in several currencies as one phrase, in currency-code order:
 * "€1,200.00 + £300.00". Currencies are never added together. An empty map is zero in
 * `fallbackCurrency`.
 */
export function formatPerCurrency(totals: PerCurrency, locale: string, fallbackCurrency: string): string {
  const entries = Object.entries(totals).filter(([, v]) => v !== 0);
  if (entries.length === 0) return formatMoney(0, fallbackCurrency, locale);
  return entries
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, minor]) => formatMoney(minor, currency, locale))
    .join(' + ');
}

/** An annual rate in basis points as a percentage for `locale`: 1015 → "10.15%" / "10,15%". */
export function formatRateBp(bp: number, locale: string): string {
  return new Intl.NumberFormat(bcp47(locale), {
    style: 'percent',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(bp / 10_000);
}
