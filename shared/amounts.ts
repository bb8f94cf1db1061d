/**
 * Reading an amount typed as text (a CSV cell, a text-formatted spreadsheet cell, a string
 * from the Sheets API, the sidebar's payment form) into integer minor units, exactly.
 *
 * What is read: digits with the locale's decimal separator (`1234,56` in it_IT), optionally
 * grouped by threes with the locale's group separator or a space (`1.234,56`, `1 234,56`),
 * an optional leading minus, and at most ONE currency symbol or ISO 4217 code at either end
 * (`€ 1.234,56`, `1.234,56 EUR`, `US$1,234.56`). Nothing else is dropped: any other letter
 * (`12k`, `150O` typed for `1500`, `2x500`) is a problem, never a guess.
 *
 * Scientific notation (`1e5`) is a problem too, by choice: no invoice is written that way, a
 * spreadsheet shows it only for a number too large or too small to display, and reading it
 * "exactly" would turn a stray `e` into a hundred-thousand-fold amount.
 *
 * The result is integer minor units (cents for EUR, yen for JPY) no larger in size than
 * Number.MAX_SAFE_INTEGER, so every later sum of a few of them is exact; anything larger,
 * Infinity or NaN is a problem. The digits are converted as a string, never through a
 * binary float, so `0.29` is 29 cents and a 309-digit amount is refused, not `€∞`.
 */
import { currencyDigits, isCurrency, separators, toMinor } from './money.ts';

/** Why a text is not an amount; each has its own problem text (problems.ts). */
export type AmountError = 'amount' | 'letters' | 'exponent' | 'decimals' | 'too_large' | 'currency';

export type AmountRead = { ok: true; value: number } | { ok: false; why: AmountError };

/** The largest amount in minor units that Payladder counts: every integer up to it is exact. */
export const MAX_MINOR_UNITS = Number.MAX_SAFE_INTEGER;

/**
 * Currency symbols as CLDR and Intl print them (`€`, `US$` in en_GB, `$US` in fr_FR, `JP¥`,
 * `£GB`), with the ISO codes each may stand for. A symbol outside this table is not stripped
 * (it is a problem). `$` and its family stand for too many currencies to check, so they are
 * accepted with any currency (null).
 */
const DOLLARS = ['$', 'A$', 'AU$', 'C$', 'CA$', 'HK$', 'MX$', 'NT$', 'NZ$', 'R$', 'S$', 'US$'];
const SYMBOLS: ReadonlyMap<string, readonly string[] | null> = new Map<string, readonly string[] | null>([
  ...DOLLARS.map((d): [string, null] => [d, null]),
  ...['$US', '$CA', '$AU', '$NZ', '$HK'].map((d): [string, null] => [d, null]),
  ['€', ['EUR']],
  ['£', ['GBP', 'GIP', 'FKP', 'SHP', 'EGP', 'LBP', 'SYP', 'SSP']],
  ['£GB', ['GBP']],
  ['¥', ['JPY', 'CNY']],
  ['JP¥', ['JPY']],
  ['CN¥', ['CNY']],
  ['₹', ['INR']],
  ['₩', ['KRW', 'KPW']],
  ['₪', ['ILS']],
  ['₺', ['TRY']],
  ['₽', ['RUB']],
  ['₴', ['UAH']],
  ['₦', ['NGN']],
  ['₱', ['PHP']],
  ['₫', ['VND']],
]);
/** Longest first, so `US$` is taken whole rather than `US` then `$`. */
const SYMBOL_ALTERNATIVES = [...SYMBOLS.keys()]
  .sort((a, b) => b.length - a.length)
  .map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  .join('|');
const LEADING_TOKEN = new RegExp(`^(?:${SYMBOL_ALTERNATIVES}|[A-Za-z]+)`);
const TRAILING_TOKEN = new RegExp(`(?:${SYMBOL_ALTERNATIVES}|[A-Za-z]+)$`);
/** Space-like characters that group thousands (Intl prints U+202F and U+00A0; de-CH uses ’). */
const SPACE_GROUPS = [' ', '\u00a0', '\u202f', "'", '\u2019'];
const LETTER = /\p{L}/u;
const EXPONENT = /^[\d.,\s\u00a0\u202f]*\d[eE][+-]?\d+$/;
const MINUS = /^[-\u2212]/;

/** A currency token at an end of the text: the ISO code or symbol and the codes it allows. */
interface Token {
  text: string;
  codes: readonly string[] | null;
}

function tokenOf(text: string): Token | null {
  const codes = SYMBOLS.get(text);
  if (codes !== undefined) return { text, codes };
  const code = text.toUpperCase();
  return text.length === 3 && isCurrency(code) ? { text, codes: [code] } : null;
}

/** The digits of an amount text before any currency is applied. */
export interface AmountSyntax {
  negative: boolean;
  /** Digits before the decimal separator, at least one. */
  whole: string;
  /** Digits after it, possibly none. */
  fraction: string;
  /** The ISO codes the text's currency symbol or code allows; null when none is named or `$`. */
  currencies: readonly string[] | null;
}

const seps = new Map<string, { decimal: string; group: string }>();
function separatorsOf(locale: string): { decimal: string; group: string } {
  let s = seps.get(locale);
  if (!s) {
    s = separators(locale);
    seps.set(locale, s);
  }
  return s;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const bodyRes = new Map<string, RegExp[]>();
/** Plain `1234,56`, then grouped by threes with each allowed group separator. */
function bodyPatterns(decimal: string, group: string): RegExp[] {
  const key = decimal + group;
  let res = bodyRes.get(key);
  if (!res) {
    const d = escapeRe(decimal);
    const groups = [...new Set([group, ...SPACE_GROUPS])].filter((g) => g !== '' && g !== decimal);
    res = [
      new RegExp(`^(\\d+)(?:${d}(\\d+))?$`),
      ...groups.map((g) => new RegExp(`^(\\d{1,3}(?:${escapeRe(g)}\\d{3})+)(?:${d}(\\d+))?$`)),
    ];
    // In a comma-decimal locale a dot-decimal `1234.56` is still read, unless it has exactly
    // three decimals (`1.234` is a thousands group there: ambiguous, so a group it stays).
    if (decimal === ',') res.push(/^(\d+)\.(\d{1,2}|\d{4,})$/);
    bodyRes.set(key, res);
  }
  return res;
}

/**
 * Reads the shape of an amount text in `locale` (`it_IT`): sign, whole and fraction digits,
 * and the currency its symbol or code names. No value is computed here.
 */
export function readAmountSyntax(
  text: string,
  locale: string,
): { ok: true; value: AmountSyntax } | { ok: false; why: AmountError } {
  let s = text.trim();
  let negative = false;
  let token: Token | null = null;
  const takeSign = () => {
    if (!negative && MINUS.test(s)) {
      negative = true;
      s = s.slice(1).trimStart();
    }
  };
  takeSign();
  const lead = LEADING_TOKEN.exec(s);
  if (lead) {
    token = tokenOf(lead[0]);
    if (token) {
      s = s.slice(lead[0].length).trimStart();
      takeSign();
    }
  }
  const trail = token ? null : TRAILING_TOKEN.exec(s);
  if (trail) {
    token = tokenOf(trail[0]);
    if (token) s = s.slice(0, s.length - trail[0].length).trimEnd();
  }
  if (s === '') return { ok: false, why: 'amount' };
  if (EXPONENT.test(s)) return { ok: false, why: 'exponent' };
  if (LETTER.test(s)) return { ok: false, why: 'letters' };
  const { decimal, group } = separatorsOf(locale);
  for (const re of bodyPatterns(decimal, group.replace(/[\s\u00a0\u202f]/g, ' ').trim() || ' ')) {
    const m = re.exec(s);
    if (!m) continue;
    const whole = (m[1] ?? '').replace(/\D/g, '');
    return {
      ok: true,
      value: { negative, whole, fraction: m[2] ?? '', currencies: token?.codes ?? null },
    };
  }
  return { ok: false, why: 'amount' };
}

/**
 * An amount text → integer minor units of `currency` (ISO 4217), exactly. Negative amounts
 * come back negative (the caller decides whether they are allowed).
 */
export function parseAmountText(text: string, currency: string, locale: string): AmountRead {
  const r = readAmountSyntax(text, locale);
  if (!r.ok) return r;
  const { negative, whole, fraction, currencies } = r.value;
  if (currencies && !currencies.includes(currency)) return { ok: false, why: 'currency' };
  const digits = currencyDigits(currency);
  const significant = fraction.replace(/0+$/, '');
  if (significant.length > digits) return { ok: false, why: 'decimals' };
  const minorText = (whole + significant.padEnd(digits, '0')).replace(/^0+(?=\d)/, '');
  if (minorText.length > 16 || BigInt(minorText) > BigInt(MAX_MINOR_UNITS)) {
    return { ok: false, why: 'too_large' };
  }
  const minor = Number(minorText);
  return { ok: true, value: negative && minor !== 0 ? -minor : minor };
}

/**
 * A number (a spreadsheet number cell, a sidebar field) in major units → minor units of
 * `currency`. NaN is `amount`; Infinity and anything beyond MAX_MINOR_UNITS is `too_large`;
 * more decimals than the currency has is `decimals`.
 */
export function amountFromNumber(major: number, currency: string): AmountRead {
  if (Number.isNaN(major)) return { ok: false, why: 'amount' };
  if (!Number.isFinite(major) || Math.abs(major) * 10 ** currencyDigits(currency) > MAX_MINOR_UNITS)
    return { ok: false, why: 'too_large' };
  const minor = toMinor(major, currency);
  return minor === null ? { ok: false, why: 'decimals' } : { ok: true, value: minor === 0 ? 0 : minor };
}

/**
 * Reads an amount typed in the ledger's locale (`1.234,56` in it_IT, `€ 1.234,56`,
 * `1 234,56`) as major units, for a form that sends major units on; null when the text is
 * not an amount by the rules above (letters, exponent, more than MAX_MINOR_UNITS ten-
 * thousandths). Prefer parseAmountText, which knows the currency and answers why.
 */
export function parseLocaleNumber(text: string, locale: string): number | null {
  const r = readAmountSyntax(text, locale);
  if (!r.ok) return null;
  const { negative, whole, fraction } = r.value;
  const digits = (whole + fraction).replace(/^0+(?=\d)/, '');
  if (digits.length > 16 || BigInt(digits) > BigInt(MAX_MINOR_UNITS)) return null;
  const value = Number(fraction === '' ? whole : `${whole}.${fraction}`);
  return negative && value !== 0 ? -value : value;
}
