/**
 * The popup's amounts and dates in words, written at sync time in each UI language so the
 * popup's first paint runs no Intl (a renderer that has not used Intl yet loads its locale
 * data first, which costs more than the whole paint). No zod here: the popup imports
 * `moneyKey` and `popupDate` on its way to the first paint.
 */
import type { CurrencyTotals, IsoDate } from '../../shared/model.ts';
import { formatMoney, messageLocale } from '../../shared/money.ts';
import { formatShortDate } from '../../shared/short-date.ts';
import type { Language } from '../../shared/stages.ts';
import { AGING_BUCKETS } from '../../shared/stages.ts';

/** An amount's key in `Written.money`. */
export const moneyKey = (minor: number, currency: string) => `${minor} ${currency}`;

/** The BCP 47 tag the popup writes dates in for a UI language. */
export function dateTag(lang: Language): string {
  return lang === 'it' ? 'it-IT' : 'en-GB';
}

/** "30 Nov" / "30 nov" as the popup writes a date; the year only when it is not `today`'s. */
export function popupDate(date: IsoDate, lang: Language, today: IsoDate): string {
  return formatShortDate(date, dateTag(lang), date.slice(0, 4) !== today.slice(0, 4));
}

/** Amounts by `moneyKey`, dates by ISO date, in one UI language. */
export interface Written {
  money: Record<string, string>;
  dates: Record<string, string>;
}

/** What of the view the popup shows as amounts and dates. */
export interface WrittenSource {
  locale: string;
  today: IsoDate;
  totals: Record<string, CurrencyTotals>;
  byStage: { clients: { outstanding: Record<string, number>; nextAction: { on: IsoDate } | null }[] }[];
  promisesDue: { by: IsoDate; amount: number | null; currency: string }[];
}

/** Every amount and date the popup shows of `view`, in `lang` (amounts in messageLocale). */
export function written(view: WrittenSource, lang: Language): Written {
  const locale = messageLocale(lang, view.locale);
  const money: Record<string, string> = {};
  const dates: Record<string, string> = {};
  const amount = (minor: number, currency: string) => {
    money[moneyKey(minor, currency)] ??= formatMoney(minor, currency, locale);
  };
  const date = (iso: IsoDate) => {
    dates[iso] ??= popupDate(iso, lang, view.today);
  };
  date(view.today);
  for (const [currency, totals] of Object.entries(view.totals)) {
    amount(totals.outstanding, currency);
    amount(totals.overdue, currency);
    amount(totals.lateInterest, currency);
    for (const bucket of AGING_BUCKETS) amount(totals.aging[bucket], currency);
  }
  for (const group of view.byStage) {
    for (const c of group.clients) {
      for (const [currency, minor] of Object.entries(c.outstanding)) amount(minor, currency);
      if (c.nextAction) date(c.nextAction.on);
    }
  }
  for (const p of view.promisesDue) {
    date(p.by);
    if (p.amount !== null) amount(p.amount, p.currency);
  }
  return { money, dates };
}
