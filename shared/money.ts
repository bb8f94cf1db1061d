/**
 * Money in integer minor units of its own currency. Totals are kept per currency and never
 * mixed. Formatting with Intl happens only at the edge (`formatMoney`).
 */
import type { Language } from './stages.ts';

/**
 * ISO 4217 active codes whose minor unit is not 2 digits. Source: ISO 4217 list one
 * (SIX Group, amendment 179, 2025). Every other code in `CURRENCIES` has 2 digits.
 */
const MINOR_DIGITS: Readonly<Record<string, number>> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  CLF: 4,
  UYW: 4,
};

/** ISO 4217 active currency codes (funds and precious metals left out: nobody invoices in XAU). */
// Pure: a bundle that never checks a code (the Gmail content script, which only formats
// amounts) leaves the list out.
export const CURRENCIES: ReadonlySet<string> = /* @__PURE__ */ new Set(
  /* @__PURE__ */ (
    'AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD ' +
    'CAD CDF CHF CLF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS ' +
    'GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW ' +
    'KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD ' +
    'NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD ' +
    'SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYI UYU UYW ' +
    'UZS VED VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG'
  ).split(' '),
);

export function isCurrency(code: string): boolean {
  return CURRENCIES.has(code);
}

/** Minor-unit digits of an ISO 4217 currency (EUR 2, JPY 0, KWD 3). */
export function currencyDigits(currency: string): number {
  return MINOR_DIGITS[currency] ?? 2;
}

const POW10 = [1, 10, 100, 1000, 10000];

/** Minor units → major units as a number (for JSON and spreadsheet cells). */
export function toMajor(minor: number, currency: string): number {
  const digits = currencyDigits(currency);
  return Number((minor / (POW10[digits] ?? 100)).toFixed(digits));
}

/**
 * Major units → minor units, or null when the value has more decimals than the currency
 * allows (a sign of a misread thousands separator), is not finite, or is beyond
 * Number.MAX_SAFE_INTEGER minor units (where integers stop being exact).
 */
export function toMinor(major: number, currency: string): number | null {
  if (!Number.isFinite(major)) return null;
  const factor = POW10[currencyDigits(currency)] ?? 100;
  const scaled = major * factor;
  const rounded = Math.round(scaled);
  // Beyond 2^53 minor units integers are no longer exact (and 1e309 is Infinity): refuse.
  if (!Number.isSafeInteger(rounded)) return null;
  // Binary floating point: 1.1 * 100 = 110.00000000000001. Accept what rounds within 1e-6.
  if (Math.abs(scaled - rounded) > 1e-6 * Math.max(1, Math.abs(scaled))) return null;
  return rounded;
}

/** Integer division rounded half up (away from zero for positive numbers), exact for bigints. */
export function divRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  const q = numerator / denominator;
  const r = numerator % denominator;
  return r * 2n >= denominator ? q + 1n : q;
}

/** Sums of minor units per currency. */
export type PerCurrency = Record<string, number>;

export function addTo(totals: PerCurrency, currency: string, minor: number): void {
  totals[currency] = (totals[currency] ?? 0) + minor;
}

/** Spreadsheet locale (`it_IT`) → BCP 47 tag (`it-IT`). */
export function bcp47(locale: string): string {
  const tag = locale.replace(/_/g, '-');
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? 'en-US';
  } catch {
    return 'en-US';
  }
}

/**
 * The BCP 47 locale a client's messages, and every surface in `language`, use: Italian clients get `it-IT`; English ones get
 * the ledger's own locale when it is an English one (so a US ledger writes "November 30,
 * 2026" and "$1,000.00"), otherwise `en-GB`.
 */
export function messageLocale(language: Language, ledgerLocale: string): string {
  if (language === 'it') return 'it-IT';
  const tag = bcp47(ledgerLocale);
  return tag.toLowerCase().startsWith('en') ? tag : 'en-GB';
}

const moneyFormatters = new Map<string, Intl.NumberFormat>();
/** "€1.234,56" for `it-IT`; the currency's own minor digits. */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const key = `${locale}|${currency}`;
  let f = moneyFormatters.get(key);
  if (!f) {
    const digits = currencyDigits(currency);
    f = new Intl.NumberFormat(bcp47(locale), {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      // Italian groups four-digit amounts too ("2.100,00 €", not "2100,00 €"), as invoices do.
      useGrouping: 'always',
    } as Intl.NumberFormatOptions);
    moneyFormatters.set(key, f);
  }
  return f.format(toMajor(minor, currency));
}

/** Decimal and grouping separators of a locale, from Intl (`it_IT` → `,` and `.`). */
export function separators(locale: string): { decimal: string; group: string } {
  const parts = new Intl.NumberFormat(bcp47(locale)).formatToParts(1234567.5);
  const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
  const group = parts.find((p) => p.type === 'group')?.value ?? (decimal === ',' ? '.' : ',');
  return { decimal, group };
}
