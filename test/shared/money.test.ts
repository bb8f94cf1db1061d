import { describe, expect, it } from 'vitest';
import { currencyDigits, formatMoney, isCurrency, toMajor, toMinor } from '../../shared/money.ts';
import { parseLocaleNumber } from '../../shared/amounts.ts';
import { buildClientIndex, matchAny, matchClient } from '../../shared/match.ts';

describe('money', () => {
  it.each([
    ['EUR', 2],
    ['JPY', 0],
    ['KWD', 3],
    ['CLF', 4],
  ])('%s has %i minor digits', (c, d) => expect(currencyDigits(c)).toBe(d));
  it('refuses unknown currency codes', () => {
    expect(isCurrency('EUR')).toBe(true);
    expect(isCurrency('EURO')).toBe(false);
    expect(isCurrency('XXX')).toBe(false);
  });
  it('converts between major and minor units exactly', () => {
    expect(toMinor(1.1, 'EUR')).toBe(110);
    expect(toMinor(0.29, 'EUR')).toBe(29);
    expect(toMinor(1.234, 'EUR')).toBeNull();
    expect(toMinor(1234, 'JPY')).toBe(1234);
    expect(toMinor(1.5, 'JPY')).toBeNull();
    expect(toMajor(123_456, 'EUR')).toBe(1234.56);
    expect(toMajor(1_234_567, 'KWD')).toBe(1234.567);
  });
  it('formats for the locale at the edge', () => {
    expect(formatMoney(123_456, 'EUR', 'it_IT')).toBe('1.234,56\u00a0€');
    expect(formatMoney(123_456, 'GBP', 'en_GB')).toBe('£1,234.56');
  });
  it.each([
    ['1.234,56', 'it_IT', 1234.56],
    ['1,234.56', 'en_US', 1234.56],
    ['12,5', 'it_IT', 12.5],
    ['1 234,56', 'fr_FR', 1234.56],
    ['abc', 'en_US', null],
    ['1,23,4', 'en_US', null],
  ])('reads %s in %s as %s', (text, locale, value) => {
    expect(parseLocaleNumber(text, locale)).toBe(value);
  });
});

describe('client matching by address', () => {
  const index = buildClientIndex([
    { client: 'Acme', emails: ['ap@acme.example', '@acme.example'] },
    { client: 'Acme EU', emails: ['@eu.acme.example'] },
    { client: 'Solo', emails: ['solo@gmail.example'] },
  ]);
  it.each([
    ['AP@acme.example', 'Acme'],
    ['someone@acme.example', 'Acme'],
    ['x@eu.acme.example', 'Acme EU'],
    ['x@deep.eu.acme.example', 'Acme EU'],
    ['solo@gmail.example', 'Solo'],
    ['other@gmail.example', null],
  ])('%s → %s', (address, client) => expect(matchClient(index, address)).toBe(client));
  it('skips the user and takes the first match', () => {
    expect(matchAny(index, ['me@studio.example', 'x@acme.example'], ['me@studio.example'])).toBe('Acme');
    expect(matchAny(index, ['ap@acme.example'], ['AP@acme.example'])).toBeNull();
  });
});
