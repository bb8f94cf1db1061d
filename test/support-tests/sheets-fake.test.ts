/**
 * The Sheets fake speaks the REST API's real shapes. Expected bodies are typed
 * with `sheets_v4` from @googleapis/sheets, so a misspelt field fails the type
 * check, not just the test.
 */
import type { sheets_v4 } from '@googleapis/sheets';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeFetch } from '../support/fake-fetch.ts';
import {
  type SheetsFailureStatus,
  type SheetsFake,
  SHEETS_ERROR,
  SHEETS_READONLY_SCOPE,
  startSheetsFake,
} from '../support/sheets-fake.ts';

const TOKEN = 'ya29.sheets-fake-test';
const ID = 'ledger-1';
const auth = { authorization: `Bearer ${TOKEN}` };

let fake: SheetsFake;

beforeAll(async () => {
  fake = await startSheetsFake({ tokens: [TOKEN] });
});

afterAll(async () => {
  await fake.close();
});

beforeEach(() => {
  fake.reset();
  fake.setSpreadsheet(ID, {
    title: 'Studio Rossi — ledger',
    locale: 'it_IT',
    timeZone: 'Europe/Rome',
    tabs: {
      Clients: [
        ['Client', 'Emails', 'Terms', 'Notes'],
        ['Acme', 'billing@acme.test', 30, ''],
        ['Beta', '', 14, null],
        [],
        [],
      ],
      Milestones: [
        ['ID', 'Client', 'Amount', 'Due date', 'Paid?'],
        ['M-1', 'Acme', 1234.5, { date: '2026-11-30' }, false],
      ],
      'Change orders': [['ID', 'Client', 'Amount']],
      Reminders: [['Sent', 'Milestone', 'Client']],
    },
  });
});

const get = (path: string, headers: Record<string, string> = auth) => fakeFetch(fake.port, { path, headers });
const batchGet = (ranges: string[], extra = 'valueRenderOption=UNFORMATTED_VALUE') =>
  get(
    `/v4/spreadsheets/${ID}/values:batchGet?${ranges.map((r) => `ranges=${encodeURIComponent(r)}`).join('&')}&${extra}`,
  );
const append = (
  range: string,
  body: unknown,
  query = 'valueInputOption=USER_ENTERED&insertDataOption=INSERT_ROWS',
) =>
  fakeFetch(fake.port, {
    method: 'POST',
    path: `/v4/spreadsheets/${ID}/values/${encodeURIComponent(range)}:append?${query}`,
    headers: auth,
    body,
  });

describe('values:batchGet', () => {
  it('answers each range with the A1 range the API writes back, trailing empties trimmed', async () => {
    const res = await batchGet(['Clients', "'Change orders'!A1:C", 'Milestones!A2:C2']);
    const expected: sheets_v4.Schema$BatchGetValuesResponse = {
      spreadsheetId: ID,
      valueRanges: [
        {
          range: 'Clients!A1:Z1000',
          majorDimension: 'ROWS',
          // Inner empty cells come back as "", trailing ones and the trailing empty rows do not come back.
          values: [
            ['Client', 'Emails', 'Terms', 'Notes'],
            ['Acme', 'billing@acme.test', 30],
            ['Beta', '', 14],
          ],
        },
        { range: "'Change orders'!A1:C1000", majorDimension: 'ROWS', values: [['ID', 'Client', 'Amount']] },
        { range: 'Milestones!A2:C2', majorDimension: 'ROWS', values: [['M-1', 'Acme', 1234.5]] },
      ],
    };
    expect(res.status).toBe(200);
    expect(res.body).toEqual(expected);
  });

  it('leaves `values` out of an empty range and `valueRanges` out when no range is asked', async () => {
    expect((await batchGet(['Reminders!A5:C9'])).body).toEqual({
      spreadsheetId: ID,
      valueRanges: [{ range: 'Reminders!A5:C9', majorDimension: 'ROWS' }],
    });
    expect((await get(`/v4/spreadsheets/${ID}/values:batchGet`)).body).toEqual({ spreadsheetId: ID });
  });

  it('renders dates and numbers as asked: serial numbers, or the ledger locale', async () => {
    const unformatted = await batchGet(
      ['Milestones!A2:E2'],
      'valueRenderOption=UNFORMATTED_VALUE&dateTimeRenderOption=SERIAL_NUMBER',
    );
    const dateStrings = await batchGet(
      ['Milestones!A2:E2'],
      'valueRenderOption=UNFORMATTED_VALUE&dateTimeRenderOption=FORMATTED_STRING',
    );
    const formatted = await batchGet(['Milestones!A2:E2'], '');
    const values = (res: { body: unknown }) =>
      (res.body as sheets_v4.Schema$BatchGetValuesResponse).valueRanges?.[0]?.values;
    // 2026-11-30 is day 46356 counted from 1899-12-30, the Sheets epoch.
    expect(values(unformatted)).toEqual([['M-1', 'Acme', 1234.5, 46356, false]]);
    expect(values(dateStrings)).toEqual([['M-1', 'Acme', 1234.5, '30/11/2026', false]]);
    expect(values(formatted)).toEqual([['M-1', 'Acme', '1234,5', '30/11/2026', 'FALSE']]);
  });

  it('turns the grid with majorDimension=COLUMNS', async () => {
    const res = await batchGet(
      ['Clients!A1:C3'],
      'valueRenderOption=UNFORMATTED_VALUE&majorDimension=COLUMNS',
    );
    expect(res.body).toEqual({
      spreadsheetId: ID,
      valueRanges: [
        {
          range: 'Clients!A1:C3',
          majorDimension: 'COLUMNS',
          values: [
            ['Client', 'Acme', 'Beta'],
            ['Emails', 'billing@acme.test'],
            ['Terms', 30, 14],
          ],
        },
      ],
    });
  });

  it.each([
    ['a bare A1 range means the first tab', 'A1:B1', 'Clients!A1:B1'],
    ['tab titles match regardless of case', 'clients!A1:A1', 'Clients!A1'],
    ['whole columns run to the grid end', 'Clients!B:B', 'Clients!B1:B1000'],
    ['whole rows run to the last column', 'Clients!2:2', 'Clients!A2:Z2'],
    ['reversed corners are put in order', 'Clients!B2:A1', 'Clients!A1:B2'],
    ['a range past the grid is cut to it', 'Clients!A999:AZ2000', 'Clients!A999:Z1000'],
  ])('%s', async (_name, asked, answered) => {
    const res = await batchGet([asked]);
    expect(res.status).toBe(200);
    expect((res.body as sheets_v4.Schema$BatchGetValuesResponse).valueRanges?.[0]?.range).toBe(answered);
  });

  it.each([
    ['a missing tab', 'Payments!A1:E'],
    ['a missing quoted tab', "'Change order'"],
    ['garbage', 'Clients!A1:B2:C3'],
  ])('refuses %s with the API error body', async (_name, range) => {
    const res = await batchGet(['Clients', range]);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: { code: 400, message: `Unable to parse range: ${range}`, status: 'INVALID_ARGUMENT' },
    });
  });

  it('refuses a range that starts outside the grid', async () => {
    const res = await batchGet(['Clients!A1001']);
    expect(res.body).toEqual({
      error: {
        code: 400,
        message: 'Range (Clients!A1001) exceeds grid limits. Max rows: 1000, max columns: 26',
        status: 'INVALID_ARGUMENT',
      },
    });
  });

  it('refuses an unknown render option the way the API names it', async () => {
    const res = await batchGet(['Clients'], 'valueRenderOption=RAW');
    expect(res.status).toBe(400);
    expect((res.body as { error: { message: string } }).error.message).toBe(
      `Invalid value at 'value_render_option' (type.googleapis.com/google.apps.sheets.v4.ValueRenderOption), "RAW"`,
    );
    // Refused by the discovery document's enum, and kept as drift until read.
    expect(fake.drift.splice(0)).toHaveLength(1);
  });
});

describe('values.get', () => {
  it('answers one ValueRange', async () => {
    const res = await get(
      `/v4/spreadsheets/${ID}/values/${encodeURIComponent("'Change orders'")}?valueRenderOption=UNFORMATTED_VALUE`,
    );
    const expected: sheets_v4.Schema$ValueRange = {
      range: "'Change orders'!A1:Z1000",
      majorDimension: 'ROWS',
      values: [['ID', 'Client', 'Amount']],
    };
    expect(res.body).toEqual(expected);
  });
});

describe('spreadsheets.get', () => {
  it('answers the whole resource without `fields`', async () => {
    const res = await get(`/v4/spreadsheets/${ID}`);
    const body = res.body as sheets_v4.Schema$Spreadsheet;
    expect(body).toMatchObject({
      spreadsheetId: ID,
      properties: {
        title: 'Studio Rossi — ledger',
        locale: 'it_IT',
        timeZone: 'Europe/Rome',
        autoRecalc: 'ON_CHANGE',
      },
      spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${ID}/edit`,
    });
    expect(body.sheets?.map((s) => s.properties)).toEqual([
      {
        sheetId: 0,
        title: 'Clients',
        index: 0,
        sheetType: 'GRID',
        gridProperties: { rowCount: 1000, columnCount: 26 },
      },
      expect.objectContaining({ title: 'Milestones', index: 1, sheetType: 'GRID' }),
      expect.objectContaining({ title: 'Change orders', index: 2 }),
      expect.objectContaining({ title: 'Reminders', index: 3 }),
    ]);
    // Tabs after the first have large, distinct ids in real spreadsheets.
    const ids = body.sheets?.map((s) => s.properties?.sheetId);
    expect(new Set(ids).size).toBe(4);
  });

  it('keeps only the fields asked for', async () => {
    const fields = 'properties(locale,timeZone,title),sheets.properties(title,sheetId,gridProperties)';
    const res = await get(
      `/v4/spreadsheets/${ID}?fields=${encodeURIComponent(fields)}&includeGridData=false`,
    );
    const body = res.body as sheets_v4.Schema$Spreadsheet;
    expect(Object.keys(body)).toEqual(['properties', 'sheets']);
    expect(body.properties).toEqual({
      locale: 'it_IT',
      timeZone: 'Europe/Rome',
      title: 'Studio Rossi — ledger',
    });
    expect(body.sheets?.[0]).toEqual({
      properties: { title: 'Clients', sheetId: 0, gridProperties: { rowCount: 1000, columnCount: 26 } },
    });
  });

  it('refuses includeGridData=true loudly rather than answer a wrong shape', async () => {
    const res = await get(`/v4/spreadsheets/${ID}?includeGridData=true`);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('includeGridData=true is not implemented');
  });
});

describe('values.append', () => {
  it('appends after the table, parsing USER_ENTERED input like typing', async () => {
    const res = await append('Reminders!A1', {
      majorDimension: 'ROWS',
      values: [
        ['2026-11-30', 'M-1', 'Acme'],
        ['2026-12-07', 'M-1,M-2', "'0042"],
      ],
    });
    const expected: sheets_v4.Schema$AppendValuesResponse = {
      spreadsheetId: ID,
      tableRange: 'Reminders!A1:C1',
      updates: {
        spreadsheetId: ID,
        updatedRange: 'Reminders!A2:C3',
        updatedRows: 2,
        updatedColumns: 3,
        updatedCells: 6,
      },
    };
    expect(res.status).toBe(200);
    expect(res.body).toEqual(expected);
    expect(fake.tab(ID, 'Reminders')).toEqual([
      ['Sent', 'Milestone', 'Client'],
      [{ date: '2026-11-30' }, 'M-1', 'Acme'],
      [{ date: '2026-12-07' }, 'M-1,M-2', '0042'],
    ]);
    const next = await append('Reminders', { values: [['x']] });
    expect((next.body as sheets_v4.Schema$AppendValuesResponse).tableRange).toBe('Reminders!A1:C3');
    expect((next.body as sheets_v4.Schema$AppendValuesResponse).updates?.updatedRange).toBe('Reminders!A4');
  });

  it('stores RAW input as sent and can echo it back', async () => {
    const res = await append(
      "'Change orders'!A:C",
      { range: "'Change orders'!A:C", values: [['CO-1', 'Acme', '1.234,56']] },
      'valueInputOption=RAW&includeValuesInResponse=true&responseValueRenderOption=UNFORMATTED_VALUE',
    );
    expect((res.body as sheets_v4.Schema$AppendValuesResponse).updates?.updatedData).toEqual({
      range: "'Change orders'!A2:C2",
      majorDimension: 'ROWS',
      values: [['CO-1', 'Acme', '1.234,56']],
    });
  });

  it('has no tableRange on an empty sheet and writes at the range start', async () => {
    fake.setSpreadsheet('empty', { tabs: { Reminders: [] } });
    const res = await fakeFetch(fake.port, {
      method: 'POST',
      path: '/v4/spreadsheets/empty/values/Reminders!A1:append?valueInputOption=RAW',
      headers: auth,
      body: { values: [['Sent', 'Milestone']] },
    });
    expect(res.body).toEqual({
      spreadsheetId: 'empty',
      updates: {
        spreadsheetId: 'empty',
        updatedRange: 'Reminders!A1:B1',
        updatedRows: 1,
        updatedColumns: 2,
        updatedCells: 2,
      },
    });
  });

  it('inserts rows with INSERT_ROWS (moving what is below) but fills the gap with OVERWRITE', async () => {
    fake.setSpreadsheet('gap', { tabs: { Log: [['Sent'], ['a'], [], ['below']] } });
    const write = (option: string) =>
      fakeFetch(fake.port, {
        method: 'POST',
        path: `/v4/spreadsheets/gap/values/Log!A1:append?valueInputOption=RAW&insertDataOption=${option}`,
        headers: auth,
        body: { values: [['new']] },
      });
    await write('INSERT_ROWS');
    expect(fake.tab('gap', 'Log')).toEqual([['Sent'], ['a'], ['new'], [], ['below']]);
    await write('OVERWRITE');
    expect(fake.tab('gap', 'Log')).toEqual([['Sent'], ['a'], ['new'], ['new'], ['below']]);
  });

  it('needs valueInputOption, as the API does', async () => {
    const res = await append('Reminders!A1', { values: [['x']] }, '');
    expect(res.body).toEqual({
      error: {
        code: 400,
        message: "'valueInputOption' is required but not specified",
        status: 'INVALID_ARGUMENT',
      },
    });
  });

  it('refuses to write past the last column', async () => {
    const res = await append('Reminders!A1', { values: [Array.from({ length: 27 }, (_, i) => i)] });
    expect(res.status).toBe(400);
    expect((res.body as { error: { message: string } }).error.message).toBe(
      'Range (Reminders!AA2) exceeds grid limits. Max rows: 1000, max columns: 26',
    );
  });
});

const batchUpdate = (body: unknown, headers: Record<string, string> = auth) =>
  fakeFetch(fake.port, {
    method: 'POST',
    path: `/v4/spreadsheets/${ID}/values:batchUpdate`,
    headers,
    body,
  });

describe('values.batchUpdate', () => {
  it('sets each range from its top-left cell and answers per range, as the API does', async () => {
    const res = await batchUpdate({
      valueInputOption: 'RAW',
      data: [
        { range: 'Milestones!E2', majorDimension: 'ROWS', values: [['Disputed']] },
        { range: "'Milestones'!G2", values: [['=IMPORTXML("https://evil.example")']] },
      ],
    });
    const expected: sheets_v4.Schema$BatchUpdateValuesResponse = {
      spreadsheetId: ID,
      totalUpdatedRows: 1,
      totalUpdatedColumns: 2,
      totalUpdatedCells: 2,
      totalUpdatedSheets: 1,
      responses: [
        {
          spreadsheetId: ID,
          updatedRange: 'Milestones!E2',
          updatedRows: 1,
          updatedColumns: 1,
          updatedCells: 1,
        },
        {
          spreadsheetId: ID,
          updatedRange: 'Milestones!G2',
          updatedRows: 1,
          updatedColumns: 1,
          updatedCells: 1,
        },
      ],
    };
    expect(res.status).toBe(200);
    expect(res.body).toEqual(expected);
    // RAW: the formula-like text is kept as text, nothing else on the row moved.
    expect(fake.tab(ID, 'Milestones')[1]).toEqual([
      'M-1',
      'Acme',
      1234.5,
      { date: '2026-11-30' },
      'Disputed',
      null,
      '=IMPORTXML("https://evil.example")',
    ]);
  });

  it('parses USER_ENTERED like typing, skips null and empties a cell for ""', async () => {
    await batchUpdate({
      valueInputOption: 'USER_ENTERED',
      data: [{ range: 'Milestones!B2:D2', values: [[null, '', '2026-12-31']] }],
    });
    expect(fake.tab(ID, 'Milestones')[1]?.slice(0, 4)).toEqual(['M-1', 'Acme', null, { date: '2026-12-31' }]);
  });

  it('needs a valueInputOption and at least one range', async () => {
    for (const body of [
      { data: [{ range: 'Milestones!E2', values: [['x']] }] },
      {
        valueInputOption: 'INPUT_VALUE_OPTION_UNSPECIFIED',
        data: [{ range: 'Milestones!E2', values: [['x']] }],
      },
      { valueInputOption: 'RAW' },
    ]) {
      const res = await batchUpdate(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect(fake.tab(ID, 'Milestones')[1]?.[4]).toBe(false);
  });

  it('refuses values that do not fit their range, and writes nothing of the request', async () => {
    const res = await batchUpdate({
      valueInputOption: 'RAW',
      data: [
        { range: 'Milestones!E2', values: [['Disputed']] },
        { range: 'Milestones!G2', values: [['a', 'b']] },
      ],
    });
    expect(res.body).toEqual({
      error: {
        code: 400,
        message:
          'Invalid data[1]: Requested writing within range [Milestones!G2], but tried writing to column [H]',
        status: 'INVALID_ARGUMENT',
      },
    });
    expect(fake.tab(ID, 'Milestones')[1]?.[4]).toBe(false);
  });

  it('refuses an unparseable range and one outside the grid, naming its place', async () => {
    const bad = await batchUpdate({ valueInputOption: 'RAW', data: [{ range: 'Nope!A1', values: [['x']] }] });
    expect((bad.body as { error: { message: string } }).error.message).toBe(
      'Invalid data[0]: Unable to parse range: Nope!A1',
    );
    const far = await batchUpdate({
      valueInputOption: 'RAW',
      data: [{ range: 'Milestones!A1001', values: [['x']] }],
    });
    expect((far.body as { error: { message: string } }).error.message).toBe(
      'Invalid data[0]: Range (Milestones!A1001) exceeds grid limits. Max rows: 1000, max columns: 26',
    );
  });

  it('refuses a member the discovery document does not list, as the API refuses unknown names', async () => {
    const res = await batchUpdate({
      valueInputOption: 'RAW',
      data: [{ range: 'Milestones!E2', values: [['x']] }],
      valueRenderOption: 'FORMULA',
    });
    expect(res.status).toBe(400);
    expect(fake.drift.splice(0)).toEqual([
      'sheets.spreadsheets.values.batchUpdate body.valueRenderOption: unknown name (not in the discovery document)',
    ]);
  });

  it('needs the spreadsheets scope: a read-only token may not set cells', async () => {
    fake.addToken('ya29.readonly', SHEETS_READONLY_SCOPE);
    const res = await batchUpdate(
      { valueInputOption: 'RAW', data: [{ range: 'Milestones!E2', values: [['x']] }] },
      { authorization: 'Bearer ya29.readonly' },
    );
    expect(res.body).toEqual({
      error: { code: 403, message: SHEETS_ERROR.insufficientScopes, status: 'PERMISSION_DENIED' },
    });
    expect(fake.tab(ID, 'Milestones')[1]?.[4]).toBe(false);
  });
});

describe('authorization', () => {
  it('answers 401 UNAUTHENTICATED without or with an unknown bearer token', async () => {
    const missing = await get(`/v4/spreadsheets/${ID}`, {});
    expect(missing.status).toBe(401);
    expect(missing.body).toEqual({
      error: { code: 401, message: SHEETS_ERROR.missingCredentials, status: 'UNAUTHENTICATED' },
    });
    const wrong = await get(`/v4/spreadsheets/${ID}`, { authorization: 'Bearer ya29.nope' });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual({
      error: {
        code: 401,
        message:
          'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
        status: 'UNAUTHENTICATED',
      },
    });
    expect(wrong.headers['www-authenticate']).toContain('invalid_token');
  });

  it('lets a read-only token read but not append', async () => {
    fake.addToken('ya29.readonly', SHEETS_READONLY_SCOPE);
    const headers = { authorization: 'Bearer ya29.readonly' };
    expect((await get(`/v4/spreadsheets/${ID}`, headers)).status).toBe(200);
    const res = await fakeFetch(fake.port, {
      method: 'POST',
      path: `/v4/spreadsheets/${ID}/values/Reminders!A1:append?valueInputOption=RAW`,
      headers,
      body: { values: [['x']] },
    });
    expect(res.body).toEqual({
      error: {
        code: 403,
        message: 'Request had insufficient authentication scopes.',
        status: 'PERMISSION_DENIED',
      },
    });
  });

  it('stops accepting a revoked token', async () => {
    fake.revokeToken(TOKEN);
    expect((await get(`/v4/spreadsheets/${ID}`)).status).toBe(401);
  });

  it('answers 404 for an unknown spreadsheet and 403 for one the user may not open', async () => {
    expect((await get('/v4/spreadsheets/nope')).body).toEqual({
      error: { code: 404, message: 'Requested entity was not found.', status: 'NOT_FOUND' },
    });
    fake.setSpreadsheet('theirs', { tabs: { Sheet1: [] }, access: 'denied' });
    expect((await get('/v4/spreadsheets/theirs')).body).toEqual({
      error: { code: 403, message: 'The caller does not have permission', status: 'PERMISSION_DENIED' },
    });
  });
});

describe('scenarios', () => {
  it.each<[SheetsFailureStatus, string]>([
    [401, 'UNAUTHENTICATED'],
    [403, 'PERMISSION_DENIED'],
    [404, 'NOT_FOUND'],
    [429, 'RESOURCE_EXHAUSTED'],
    [500, 'INTERNAL'],
    [503, 'UNAVAILABLE'],
  ])('failNext(n, %i) answers n requests with the real %s body, then recovers', async (status, grpc) => {
    fake.failNext(2, status);
    for (let i = 0; i < 2; i += 1) {
      const res = await get(`/v4/spreadsheets/${ID}`);
      expect(res.status).toBe(status);
      expect(res.body).toMatchObject({ error: { code: status, status: grpc } });
    }
    expect((await get(`/v4/spreadsheets/${ID}`)).status).toBe(200);
  });

  it('failNext can add the Retry-After header Google sends on some 429s', async () => {
    fake.failNext(1, 429, { retryAfterSeconds: 7 });
    const res = await get(`/v4/spreadsheets/${ID}`);
    expect(res.status).toBe(429);
    expect(res.headers['retry-after']).toBe('7');
    expect((await get(`/v4/spreadsheets/${ID}`)).headers['retry-after']).toBeUndefined();
  });

  it('hangNext(n) accepts and never answers n requests', async () => {
    fake.hangNext(1);
    const hung = await fakeFetch(fake.port, {
      path: `/v4/spreadsheets/${ID}`,
      headers: auth,
      timeoutMs: 300,
    });
    expect(hung).toMatchObject({ status: 0, error: 'timed out' });
    expect((await get(`/v4/spreadsheets/${ID}`)).status).toBe(200);
    expect(fake.requests).toHaveLength(2);
  });

  it('logs method, host, path, query, authorization and body', async () => {
    await append('Reminders!A1', { values: [['x']] }, 'valueInputOption=RAW');
    expect(fake.requests).toEqual([
      expect.objectContaining({
        method: 'POST',
        host: 'sheets.googleapis.com',
        path: `/v4/spreadsheets/${ID}/values/Reminders!A1:append`,
        query: { valueInputOption: ['RAW'] },
        headers: expect.objectContaining({ authorization: `Bearer ${TOKEN}` }),
        body: { values: [['x']] },
      }),
    ]);
  });

  it('reset() forgets spreadsheets, extra tokens, the log and queued scenarios', async () => {
    fake.addToken('ya29.extra');
    fake.failNext(1, 500);
    fake.reset();
    expect(fake.requests).toEqual([]);
    expect((await get('/v4/spreadsheets/ledger-1')).status).toBe(404);
    expect((await get('/v4/spreadsheets/ledger-1', { authorization: 'Bearer ya29.extra' })).status).toBe(401);
  });

  it('names the route when asked for an endpoint it does not fake', async () => {
    const res = await fakeFetch(fake.port, {
      method: 'POST',
      path: `/v4/spreadsheets/${ID}:batchUpdate`,
      headers: auth,
    });
    expect(res.status).toBe(404);
    expect(JSON.stringify(res.body)).toContain(`no route for POST /v4/spreadsheets/${ID}:batchUpdate`);
  });
});

describe('CORS', () => {
  const origin = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';

  it('grants a preflight without credentials, echoing the origin and the asked headers', async () => {
    const res = await fakeFetch(fake.port, {
      method: 'OPTIONS',
      path: `/v4/spreadsheets/${ID}/values:batchGet`,
      headers: {
        origin,
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    expect(res.status).toBe(200);
    expect(res.headers).toMatchObject({
      'access-control-allow-origin': origin,
      'access-control-allow-headers': 'authorization,content-type',
    });
    expect(res.headers['access-control-allow-methods']).toContain('POST');
  });

  it('allows the origin on answers, errors included', async () => {
    const ok = await get(`/v4/spreadsheets/${ID}`, { ...auth, origin });
    const denied = await get(`/v4/spreadsheets/${ID}`, { origin });
    expect(ok.headers['access-control-allow-origin']).toBe(origin);
    expect(denied.headers['access-control-allow-origin']).toBe(origin);
  });
});
