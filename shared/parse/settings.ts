import { isTimeZone } from '../dates.ts';
import { cellText, keyOf, readDays } from '../cells.ts';
import { normalizeJurisdiction } from '../jurisdictions.ts';
import type { Language, Problem, RawLedger, Settings } from '../model.ts';
import { isCurrency } from '../money.ts';
import { problem } from '../problems.ts';
import { SETTING_NAMES, SETTINGS } from '../tabs.ts';
import type { Context, Layout, ParseOptions } from './reader.ts';
import { TabReader } from './reader.ts';
import { parseLanguage } from './values.ts';

const SETTING_KEYS = new Map(SETTING_NAMES.map((n) => [keyOf(n), n]));

/**
 * The Settings tab (optional): one setting a row. Read first, in en_US, since its Locale and
 * Time zone say how the other tabs are read. A bad value is a problem and keeps the default.
 */
export function parseSettings(
  raw: RawLedger,
  opts: ParseOptions,
  problems: Problem[],
  layout: Layout,
): Settings {
  const values = new Map<string, { value: unknown; row: number }>();
  const ctx: Context = { locale: 'en_US', sheetTimeZone: opts.timeZone ?? 'UTC', problems };
  const tab = new TabReader(SETTINGS, ctx, raw, layout);
  if (tab.check(false)) {
    tab.forEachRow((r) => {
      const name = SETTING_KEYS.get(keyOf(r.text('Setting')));
      if (!name) {
        r.report('unknown_setting', 'Setting', {
          value: r.text('Setting'),
          allowed: SETTING_NAMES.join(', '),
        });
        return;
      }
      values.set(name, { value: r.raw('Value'), row: r.row });
    });
  }
  const text = (name: string) => cellText(values.get(name)?.value, ctx.sheetTimeZone);
  /** `hint`: which advice the fix gives (problems/en.ts SETTING_HINT). */
  const bad = (
    name: string,
    hint: 'locale' | 'time_zone' | 'currency' | 'language' | 'jurisdiction' | 'days' | 'on_off',
  ) =>
    problems.push(
      problem('bad_setting', SETTINGS.name, values.get(name)?.row ?? null, 'Value', {
        value: text(name),
        setting: name,
        hint,
      }),
    );

  let locale = opts.locale && isLocale(opts.locale) ? opts.locale : 'en_US';
  if (text('Locale')) {
    if (isLocale(text('Locale'))) locale = text('Locale');
    else bad('Locale', 'locale');
  }
  let timeZone = opts.timeZone && isTimeZone(opts.timeZone) ? opts.timeZone : 'UTC';
  if (text('Time zone')) {
    if (isTimeZone(text('Time zone'))) timeZone = text('Time zone');
    else bad('Time zone', 'time_zone');
  }
  let defaultCurrency: string | null = null;
  if (text('Default currency')) {
    const c = text('Default currency').toUpperCase();
    if (isCurrency(c)) defaultCurrency = c;
    else bad('Default currency', 'currency');
  }
  let defaultLanguage: Language = locale.toLowerCase().startsWith('it') ? 'it' : 'en';
  if (text('Default language')) {
    const l = parseLanguage(text('Default language'));
    if (l) defaultLanguage = l;
    else bad('Default language', 'language');
  }
  let defaultJurisdiction: string | null = null;
  if (text('Default jurisdiction')) {
    defaultJurisdiction = normalizeJurisdiction(text('Default jurisdiction'));
    if (!defaultJurisdiction) bad('Default jurisdiction', 'jurisdiction');
  }
  let taxCountry = defaultJurisdiction;
  if (text('Tax country')) {
    const code = normalizeJurisdiction(text('Tax country'));
    if (code) taxCountry = code;
    else bad('Tax country', 'jurisdiction');
  }
  const days = (name: string, fallback: number, min: number) => {
    if (!text(name)) return fallback;
    const r = readDays(values.get(name)?.value);
    if (r.ok && r.value >= min) return r.value;
    bad(name, 'days');
    return fallback;
  };
  let statutoryInterest = true;
  if (text('Statutory interest')) {
    const k = keyOf(text('Statutory interest'));
    if (['off', 'no', 'false', 'n'].includes(k)) statutoryInterest = false;
    else if (!['on', 'yes', 'true', 'y', 'si'].includes(k)) bad('Statutory interest', 'on_off');
  }
  return {
    yourName: text('Your name'),
    businessName: text('Business name'),
    yourAddress: text('Your address'),
    yourCompanyNumber: text('Your company number'),
    yourVatNumber: text('Your VAT number'),
    paymentDetails: text('Payment details'),
    defaultCurrency,
    defaultLanguage,
    defaultJurisdiction,
    taxCountry,
    defaultTerms: days('Default terms', 30, 0),
    defaultGrace: days('Default grace', 30, 1),
    locale,
    timeZone,
    statutoryInterest,
  };
}

function isLocale(locale: string): boolean {
  return /^[a-z]{2,3}([_-][A-Za-z]{2,4})?([_-][A-Z]{2})?$/.test(locale);
}
