/** Amounts typed as text → exact minor units, or a reason (issue 18, item 1). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  amountFromNumber,
  MAX_MINOR_UNITS,
  parseAmountText,
  parseLocaleNumber,
} from '../../shared/amounts.ts';
import { readAmount } from '../../shared/cells.ts';
import { formatMoney, toMinor } from '../../shared/money.ts';

describe('parseAmountText', () => {
  it.each([
    // What a ledger types, read exactly.
    ['1.234,56', 'EUR', 'it_IT', 123456],
    ['1234,56', 'EUR', 'it_IT', 123456],
    ['1234.56', 'EUR', 'it_IT', 123456],
    ['€ 1.234,56', 'EUR', 'it_IT', 123456],
    ['1.234,56 €', 'EUR', 'it_IT', 123456],
    ['EUR 1.234,56', 'EUR', 'it_IT', 123456],
    ['1.234,56 eur', 'EUR', 'it_IT', 123456],
    ['1,234.56', 'GBP', 'en_GB', 123456],
    ['£1,234.56', 'GBP', 'en_GB', 123456],
    ['US$1,234.56', 'USD', 'en_US', 123456],
    ['1 234,56', 'EUR', 'fr_FR', 123456],
    ['1\u202f234,56', 'EUR', 'fr_FR', 123456],
    ['1’234.50', 'CHF', 'de_CH', 123450],
    ['0.29', 'EUR', 'en_US', 29],
    ['12.50', 'EUR', 'en_US', 1250],
    ['12.500', 'EUR', 'en_US', 1250],
    ['-12.50', 'EUR', 'en_US', -1250],
    ['-€12.50', 'EUR', 'en_US', -1250],
    ['1234', 'JPY', 'ja_JP', 1234],
    ['1.234', 'KWD', 'en_US', 1234],
    ['90071992547409.91', 'EUR', 'en_US', MAX_MINOR_UNITS],
  ])('reads %s (%s, %s) as %i minor units', (text, currency, locale, minor) => {
    expect(parseAmountText(text, currency, locale)).toEqual({ ok: true, value: minor });
  });

  it.each([
    // Letters were deleted anywhere: 1e5 → 15, 12k → 12, 150O → 150, 2x500 → 2500.
    ['1e5', 'exponent'],
    ['1E5', 'exponent'],
    ['1.5e3', 'exponent'],
    ['1e309', 'exponent'],
    ['12k', 'letters'],
    ['150O', 'letters'],
    ['2x500', 'letters'],
    ['12 EURO', 'letters'],
    ['€ 12 EUR', 'letters'],
    ['circa 100', 'letters'],
    ['100 circa', 'letters'],
    ['1OO', 'letters'],
    ['١٢', 'amount'],
    // Beyond MAX_SAFE_INTEGER minor units, or overflowing to Infinity.
    ['90071992547409.92', 'too_large'],
    ['9'.repeat(309), 'too_large'],
    ['1' + ',000'.repeat(103), 'too_large'],
    // Another currency named than the milestone's.
    ['USD 100', 'currency'],
    ['£100', 'currency'],
    ['100 GBP', 'currency'],
    // Shapes that are not an amount.
    ['', 'amount'],
    ['€', 'amount'],
    ['12 50', 'amount'],
    ['1,23,4', 'amount'],
    ['(12.50)', 'amount'],
    ['.5', 'amount'],
    ['12..5', 'amount'],
    ['1.234', 'decimals'],
  ])('refuses %s (%s)', (text, why) => {
    expect(parseAmountText(text, 'EUR', 'en_US')).toEqual({ ok: false, why });
  });

  it('reads number cells exactly and refuses Infinity, NaN and unsafe sizes', () => {
    expect(amountFromNumber(1234.56, 'EUR')).toEqual({ ok: true, value: 123456 });
    expect(amountFromNumber(Infinity, 'EUR')).toEqual({ ok: false, why: 'too_large' });
    expect(amountFromNumber(-Infinity, 'EUR')).toEqual({ ok: false, why: 'too_large' });
    expect(amountFromNumber(NaN, 'EUR')).toEqual({ ok: false, why: 'amount' });
    expect(amountFromNumber(1e307, 'EUR')).toEqual({ ok: false, why: 'too_large' });
    expect(amountFromNumber(1e14, 'EUR')).toEqual({ ok: false, why: 'too_large' });
    expect(amountFromNumber(1.234, 'EUR')).toEqual({ ok: false, why: 'decimals' });
    // toMinor's own guard: 1e307 × 100 was Infinity and passed its decimals check.
    expect(toMinor(1e307, 'EUR')).toBeNull();
    expect(readAmount(1e308, 'EUR', 'en_US')).toEqual({ ok: false, why: 'too_large' });
  });

  it('parseLocaleNumber (major units for the sidebar form) follows the same rules', () => {
    expect(parseLocaleNumber('1.234,56', 'it_IT')).toBe(1234.56);
    expect(parseLocaleNumber('12k', 'en_US')).toBeNull();
    expect(parseLocaleNumber('1e5', 'en_US')).toBeNull();
    expect(parseLocaleNumber('9'.repeat(309), 'en_US')).toBeNull();
  });
});

const LOCALES = ['en_US', 'en_GB', 'it_IT', 'fr_FR', 'de_DE', 'de_CH'];
const CURRENCIES = ['EUR', 'GBP', 'USD', 'JPY', 'KWD', 'CHF'];
/** Characters a careless or hostile cell holds: digits, separators, signs, letters, symbols. */
const cellChar = fc.constantFrom(
  ..."0123456789.,  \u00a0\u202f'’-−+eEkKxXoO€$£¥()#/".split(''),
  'EUR',
  'GBP',
);

describe('amount parsing properties', () => {
  it('never throws, and never yields a non-finite, unsafe or non-integer amount', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 40 }),
          fc.array(cellChar, { maxLength: 30 }).map((a) => a.join('')),
        ),
        fc.constantFrom(...LOCALES),
        fc.constantFrom(...CURRENCIES),
        (text, locale, currency) => {
          const r = parseAmountText(text, currency, locale);
          if (r.ok) expect(Number.isSafeInteger(r.value)).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('never silently drops a character: every letter is the currency code, no digit is lost', () => {
    fc.assert(
      fc.property(
        fc.array(cellChar, { maxLength: 30 }).map((a) => a.join('')),
        fc.constantFrom(...LOCALES),
        fc.constantFrom(...CURRENCIES),
        (text, locale, currency) => {
          const r = parseAmountText(text, currency, locale);
          if (!r.ok) return;
          // Letters only as the one currency code at an end.
          const letters = text.replace(/[^A-Za-z]/g, '');
          expect(['', currency]).toContain(letters.toUpperCase());
          // A sign may stand before the code ("−EUR 5", like "−€5").
          const bare = text.trim().replace(/^[-−+]\s*/, '');
          if (letters) expect(bare.startsWith(letters) || bare.endsWith(letters)).toBe(true);
          // Every digit typed is in the value (leading zeros and trailing decimal zeros aside).
          const typed = text.replace(/\D/g, '').replace(/^0+/, '').replace(/0+$/, '');
          const read = String(Math.abs(r.value)).replace(/0+$/, '');
          expect(read === '0' ? '' : read).toBe(typed);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('reads back every amount Intl formats, in every locale and currency', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: MAX_MINOR_UNITS }),
        fc.constantFrom(...LOCALES),
        fc.constantFrom(...CURRENCIES),
        (minor, locale, currency) => {
          // formatMoney goes through a float of major units: exact below 10^15 minor units.
          fc.pre(minor < 1e15);
          expect(parseAmountText(formatMoney(minor, currency, locale), currency, locale)).toEqual({
            ok: true,
            value: minor,
          });
        },
      ),
      { numRuns: 2000 },
    );
  });
});
