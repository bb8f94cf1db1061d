/**
 * Money, dates and numbers for people, with Intl in the ledger's locale. Money stays in
 * integer minor units until here (`formatMoney` from the core, which is zod-free).
 */
import type { IsoDate } from '../../../shared/model.ts';
import { bcp47, currencyDigits, formatMoney, toMajor, toMinor } from '../../../shared/money.ts';

export interface Formatter {
  /** BCP 47 tag (`it-IT`). */
  readonly tag: string;
  /** Minor units → "€1.234,56". */
  money(minor: number, currency: string): string;
  /** Major units (plan previews, typed amounts) → "€1.234,56". */
  moneyMajor(major: number, currency: string): string;
  /** Minor units → "1234,56": what an amount field is prefilled with (no symbol, no grouping). */
  amountInput(minor: number, currency: string): string;
  /** ISO date → "30 Nov 2026" / "30 nov 2026". */
  date(iso: IsoDate): string;
  /** 0..1 → "67%". */
  percent(share: number): string;
  /** Basis points → "10.15%". */
  rate(basisPoints: number): string;
  number(value: number): string;
}

/** `locale` is the spreadsheet's (`it_IT`) or a BCP 47 tag. */
export function createFormatter(locale: string): Formatter {
  const tag = bcp47(locale);
  // The ISO date is a calendar day; formatting it at UTC midnight in UTC keeps the day.
  const dates = new Intl.DateTimeFormat(tag, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const percents = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 });
  const rates = new Intl.NumberFormat(tag, {
    style: 'percent',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  const numbers = new Intl.NumberFormat(tag, { maximumFractionDigits: 1 });
  const money = (minor: number, currency: string) => {
    try {
      return formatMoney(minor, currency, locale);
    } catch {
      // An unknown code in a bad ledger row must not blank the sidebar: show it plainly.
      return `${toMajor(minor, currency)} ${currency}`;
    }
  };
  return {
    tag,
    money,
    moneyMajor: (major, currency) => {
      const minor = toMinor(major, currency);
      return minor === null ? `${major} ${currency}` : money(minor, currency);
    },
    amountInput: (minor, currency) => {
      const digits = currencyDigits(currency);
      return new Intl.NumberFormat(tag, {
        useGrouping: false,
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      }).format(toMajor(minor, currency));
    },
    date: (iso) => {
      const [y, m, d] = iso.split('-').map(Number);
      if (y === undefined || m === undefined || d === undefined || [y, m, d].some(Number.isNaN)) return iso;
      return dates.format(new Date(Date.UTC(y, m - 1, d)));
    },
    percent: (share) => percents.format(share),
    rate: (basisPoints) => rates.format(basisPoints / 10_000),
    number: (value) => numbers.format(value),
  };
}
