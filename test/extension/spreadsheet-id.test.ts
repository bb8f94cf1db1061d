import { describe, expect, it } from 'vitest';
import { spreadsheetIdFrom, spreadsheetUrl } from '../../extension/sheets/spreadsheet-id.ts';

const ID = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde';

describe('spreadsheetIdFrom', () => {
  it.each([
    [`https://docs.google.com/spreadsheets/d/${ID}/edit#gid=0`, ID],
    [`https://docs.google.com/spreadsheets/d/${ID}/edit?usp=sharing`, ID],
    [`https://docs.google.com/spreadsheets/u/1/d/${ID}/edit`, ID],
    [`https://docs.google.com/spreadsheets/d/${ID}`, ID],
    [`  ${ID}  `, ID],
    [ID, ID],
    // Not a sheet: other hosts, other Google documents, plain http, fragments of text.
    [`https://evil.example/spreadsheets/d/${ID}/edit`, null],
    [`http://docs.google.com/spreadsheets/d/${ID}/edit`, null],
    [`https://docs.google.com/document/d/${ID}/edit`, null],
    ['https://docs.google.com/spreadsheets/', null],
    ['my ledger', null],
    ['', null],
    ['short', null],
  ])('%s → %s', (input, expected) => {
    expect(spreadsheetIdFrom(input)).toBe(expected);
  });

  it('round-trips through the URL it builds', () => {
    expect(spreadsheetIdFrom(spreadsheetUrl(ID))).toBe(ID);
  });
});
