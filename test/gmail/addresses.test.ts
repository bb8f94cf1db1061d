import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dedupe, normalizeAddress, parseAddressList } from '../../extension/gmail/read/addresses';

describe('normalizeAddress', () => {
  it.each<[string | null | undefined, string | null]>([
    ['Giulia.Conti@Example.com', 'giulia.conti@example.com'],
    ['  accounts@example.com\n', 'accounts@example.com'],
    ['billing+invoices@example.co.uk', 'billing+invoices@example.co.uk'],
    ['Giulia Conti', null],
    ['giu', null],
    ['@example.com', null],
    ['me@localhost', null],
    ['a@b@example.com', null],
    ['102938475610293847561', null],
    ['', null],
    [null, null],
    [undefined, null],
  ])('%j → %j', (raw, address) => {
    expect(normalizeAddress(raw)).toBe(address);
  });
});

describe('parseAddressList', () => {
  it.each<[string, { address: string; name: string | null }[]]>([
    ['', []],
    ['giulia.conti@example.com', [{ address: 'giulia.conti@example.com', name: null }]],
    [
      'Giulia Conti <Giulia.Conti@example.com>, marco.ferri@example.com',
      [
        { address: 'giulia.conti@example.com', name: 'Giulia Conti' },
        { address: 'marco.ferri@example.com', name: null },
      ],
    ],
    [
      '"Ferri, Marco" <marco.ferri@example.com>; dana',
      [{ address: 'marco.ferri@example.com', name: 'Ferri, Marco' }],
    ],
    ['a@example.com, A@example.com,, a@example.com ;', [{ address: 'a@example.com', name: null }]],
    ['<not an address>, Dana', []],
  ])('%j', (text, parsed) => {
    expect(parseAddressList(text)).toEqual(parsed);
  });

  it('never throws, and answers lower-case, distinct addresses', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const parsed = parseAddressList(text);
        const addresses = parsed.map((p) => p.address);
        expect(new Set(addresses).size).toBe(addresses.length);
        for (const address of addresses) expect(address).toBe(address.toLowerCase());
      }),
    );
  });

  it('finds every address of a list it is given, in order', () => {
    const address = fc
      .tuple(fc.stringMatching(/^[a-z0-9._%+-]{1,12}$/), fc.stringMatching(/^[a-z0-9-]{1,10}$/))
      .map(([local, domain]) => `${local}@${domain}.example.com`);
    fc.assert(
      fc.property(
        fc.uniqueArray(address, { maxLength: 6 }),
        fc.constantFrom(', ', '; ', ','),
        (list, sep) => {
          expect(parseAddressList(list.join(sep)).map((p) => p.address)).toEqual(list);
        },
      ),
    );
  });
});

describe('dedupe', () => {
  it('keeps the first of each, in order', () => {
    expect(dedupe(['b', 'a', 'b', 'c', 'a'])).toEqual(['b', 'a', 'c']);
    expect(
      dedupe(
        [
          { k: 1, v: 'x' },
          { k: 1, v: 'y' },
        ],
        (o) => String(o.k),
      ),
    ).toEqual([{ k: 1, v: 'x' }]);
  });
});
