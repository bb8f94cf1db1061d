import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  columnLetters,
  columnNumber,
  formatRange,
  parseA1,
  quoteSheetTitle,
} from '../support/a1-notation.ts';

describe('parseA1', () => {
  it.each([
    ['Clients', { sheet: 'Clients', cells: undefined }],
    ["'Change orders'", { sheet: 'Change orders', cells: undefined }],
    ["'It''s'!A1", { sheet: "It's", cells: { startRow: 1, startCol: 1, endRow: 1, endCol: 1 } }],
    ['Clients!A2:C', { sheet: 'Clients', cells: { startRow: 2, startCol: 1, endRow: undefined, endCol: 3 } }],
    [
      'Clients!B:D',
      { sheet: 'Clients', cells: { startRow: undefined, startCol: 2, endRow: undefined, endCol: 4 } },
    ],
    [
      'Clients!3:5',
      { sheet: 'Clients', cells: { startRow: 3, startCol: undefined, endRow: 5, endCol: undefined } },
    ],
    [
      'Clients!aa10:ab11',
      { sheet: 'Clients', cells: { startRow: 10, startCol: 27, endRow: 11, endCol: 28 } },
    ],
  ])('%s', (text, expected) => {
    expect(parseA1(text)).toEqual(expected);
  });

  it.each(['', "'unclosed", "'Tab'X", 'Clients!', 'Clients!A0', 'Clients!A1:B2:C3', 'Clients!A1:2', '!A1'])(
    'refuses %j',
    (text) => {
      expect(parseA1(text)).toBeUndefined();
    },
  );
});

describe('sheet titles in answers', () => {
  it.each([
    ['Clients', 'Clients'],
    ['Change orders', "'Change orders'"],
    ['Q1', "'Q1'"],
    ['R1C1', "'R1C1'"],
    ['2026', "'2026'"],
    ["Rossi's", "'Rossi''s'"],
    ['Società', "'Società'"],
  ])('%s is written %s', (title, written) => {
    expect(quoteSheetTitle(title)).toBe(written);
  });

  it('formats a single cell without a colon', () => {
    expect(formatRange('Clients', { startRow: 1, startCol: 1, endRow: 1, endCol: 1 })).toBe('Clients!A1');
    expect(formatRange('Change orders', { startRow: 1, startCol: 1, endRow: 1000, endCol: 26 })).toBe(
      "'Change orders'!A1:Z1000",
    );
  });
});

describe('properties', () => {
  it('column letters and numbers are inverse', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 18_278 }), (n) => columnNumber(columnLetters(n)) === n));
  });

  it('any title written in an answer reads back as the same tab', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() === s && !s.includes('!')),
        (title) => {
          const parsed = parseA1(`${quoteSheetTitle(title)}!A1:B2`);
          return parsed?.sheet === title;
        },
      ),
    );
  });

  it('parsing never throws', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        parseA1(text);
      }),
    );
  });
});
