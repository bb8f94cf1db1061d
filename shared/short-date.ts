/**
 * Short calendar dates for chips, lists and notes, on their own so the Gmail content script
 * and the popup take this and nothing else of the formatting module. Pure: no clock.
 */
import type { IsoDate } from './model.ts';
import { bcp47 } from './money.ts';

// Making an Intl formatter costs far more than using one: one per locale and shape.
const shortDateFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * A calendar date in short, for chips, lists and notes: "2 Dec" / "2 dic", or with the
 * year "2 Dec 2026" / "2 dic 2026". `locale` is a BCP 47 tag or a sheet locale.
 */
export function formatShortDate(date: IsoDate, locale: string, withYear: boolean): string {
  const tag = bcp47(locale);
  const key = `${tag}|${withYear}`;
  let f = shortDateFormatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(tag, {
      day: 'numeric',
      month: 'short',
      ...(withYear ? { year: 'numeric' } : {}),
      timeZone: 'UTC',
    });
    shortDateFormatters.set(key, f);
  }
  return f.format(new Date(`${date}T00:00:00Z`));
}
