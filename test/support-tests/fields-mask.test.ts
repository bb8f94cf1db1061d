import { describe, expect, it } from 'vitest';
import { applyFieldsMask, parseFieldsMask } from '../support/fields-mask.ts';

const spreadsheet = {
  spreadsheetId: 'x',
  properties: { title: 'T', locale: 'it_IT', timeZone: 'Europe/Rome', autoRecalc: 'ON_CHANGE' },
  sheets: [
    { properties: { sheetId: 0, title: 'A', index: 0, gridProperties: { rowCount: 1, columnCount: 2 } } },
    { properties: { sheetId: 9, title: 'B', index: 1, gridProperties: { rowCount: 3, columnCount: 4 } } },
  ],
};

describe('fields=', () => {
  it.each([
    ['spreadsheetId', { spreadsheetId: 'x' }],
    ['properties.title', { properties: { title: 'T' } }],
    ['properties(locale,timeZone)', { properties: { locale: 'it_IT', timeZone: 'Europe/Rome' } }],
    [
      'sheets.properties(title,gridProperties.rowCount)',
      {
        sheets: [
          { properties: { title: 'A', gridProperties: { rowCount: 1 } } },
          { properties: { title: 'B', gridProperties: { rowCount: 3 } } },
        ],
      },
    ],
    ['properties,properties(title)', { properties: spreadsheet.properties }],
    ['nope,spreadsheetId', { spreadsheetId: 'x' }],
    ['*', spreadsheet],
  ])('%s', (mask, expected) => {
    expect(applyFieldsMask(spreadsheet, parseFieldsMask(mask))).toEqual(expected);
  });

  it.each(['', 'a(', 'a(b', 'a)', 'a,,b', '(a)'])('an unreadable mask %j selects everything', (mask) => {
    expect(parseFieldsMask(mask)).toBeUndefined();
    expect(applyFieldsMask(spreadsheet, parseFieldsMask(mask))).toBe(spreadsheet);
  });
});
