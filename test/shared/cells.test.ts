/**
 * The character-code shortcuts of cell reading (taken for speed, bench/core.ts) answer
 * exactly what the plain definitions answer: trim, blank, and the reference key's folding.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellText, isBlank, keyOf } from '../../shared/cells.ts';
import { refKey } from '../../shared/parse/values.ts';

// Cells as typed: letters, digits, punctuation, and every kind of space trim and \s know.
const SPACES = [
  ' ',
  '\t',
  '\n',
  '\r',
  '\v',
  '\f',
  '\u00a0',
  '\u1680',
  '\u2003',
  '\u2028',
  '\u202f',
  '\u3000',
  '\ufeff',
];
const cell = fc
  .array(
    fc.oneof(
      fc.constantFrom(...SPACES),
      fc.constantFrom(
        'a',
        'B',
        'z',
        '0',
        '9',
        '-',
        '_',
        '#',
        '~',
        '!',
        'é',
        'ß',
        'İ',
        '€',
        '\u0085',
        '\u200b',
      ),
      fc.string({ maxLength: 3 }),
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(''));

/** refKey as it was written before the shortcut: the regex decides. */
function refKeyByRegex(text: string): string {
  return /\s\s|^\s|\s$|[\t\n\r\u00a0]/.test(text)
    ? text.trim().replace(/\s+/g, ' ').toLowerCase()
    : text.toLowerCase();
}

describe('cell reading shortcuts', () => {
  it('reads a text cell as its trim', () => {
    fc.assert(
      fc.property(cell, (s) => {
        expect(cellText(s)).toBe(s.trim());
      }),
      { numRuns: 5_000 },
    );
  });
  it('calls a text cell blank exactly when its trim is empty', () => {
    fc.assert(
      fc.property(cell, (s) => {
        expect(isBlank(s)).toBe(s.trim() === '');
      }),
      { numRuns: 5_000 },
    );
  });
  it('keys a word exactly as lower-casing and dropping non-letters does', () => {
    fc.assert(
      fc.property(cell, (s) => {
        expect(keyOf(s)).toBe(s.toLowerCase().replace(/[^a-z]/g, ''));
      }),
      { numRuns: 5_000 },
    );
    for (const s of ['reminder', 'Stop work', 'STOP-WORK', 'gmail', '', 'İ'])
      expect(keyOf(s)).toBe(s.toLowerCase().replace(/[^a-z]/g, ''));
  });
  it('folds a reference key exactly as the regex does', () => {
    fc.assert(
      fc.property(cell, (s) => {
        expect(refKey(s)).toBe(refKeyByRegex(s));
      }),
      { numRuns: 5_000 },
    );
    for (const s of ['Client 12', ' Client', 'Client ', 'Client  12', 'A\u00a0B', 'a b c', 'M-1', ' ', ''])
      expect(refKey(s)).toBe(refKeyByRegex(s));
  });
});
