/**
 * The Sheets fake answers exactly the shapes of Google's discovery document: drifted
 * requests are refused (400, as the API refuses unknown names), drifted answers are never
 * sent, scopes come from the document, and the scopes the extension asks for cover every
 * method its client calls.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SHEETS_READONLY_SCOPE, SHEETS_SCOPE, scopeFor } from '../../extension/auth/scopes.ts';
import { createSheetsClient } from '../../extension/sheets/client.ts';
import { scriptedFetch } from '../extension/scripted-fetch.ts';
import { fakeFetch } from '../support/fake-fetch.ts';
import { type SheetsFake, startSheetsFake } from '../support/sheets-fake.ts';
import {
  checkRequest,
  discovery,
  discoveryMethods,
  responseProblems,
  schemaProblems,
  scopesAllow,
} from '../support/sheets-discovery.ts';

const TOKEN = 'ya29.discovery-test';
const READONLY_TOKEN = 'ya29.discovery-readonly';
const ID = 'ledger-d';
const auth = { authorization: `Bearer ${TOKEN}` };
const APPEND = `/v4/spreadsheets/${ID}/values/Reminders:append`;
const APPEND_QUERY = 'valueInputOption=USER_ENTERED&insertDataOption=INSERT_ROWS';

const method = (id: string) => {
  const found = discoveryMethods().find((m) => m.id === id);
  if (!found) throw new Error(`no method ${id}`);
  return found;
};

let fake: SheetsFake;

beforeAll(async () => {
  fake = await startSheetsFake({ tokens: [TOKEN] });
});

afterAll(async () => {
  await fake.close();
});

beforeEach(() => {
  fake.reset();
  fake.addToken(READONLY_TOKEN, SHEETS_READONLY_SCOPE);
  fake.setSpreadsheet(ID, {
    tabs: {
      Clients: [['Client'], ['Acme']],
      Reminders: [['Sent', 'Milestone', 'Client']],
    },
  });
});

describe('the discovery document', () => {
  it('holds the methods the fake serves, with their scopes', () => {
    const ids = discoveryMethods().map((m) => m.id);
    for (const id of [
      'sheets.spreadsheets.get',
      'sheets.spreadsheets.values.get',
      'sheets.spreadsheets.values.batchGet',
      'sheets.spreadsheets.values.append',
      'sheets.spreadsheets.values.batchUpdate',
    ]) {
      expect(ids).toContain(id);
      expect(method(id).scopes.length).toBeGreaterThan(0);
    }
    expect(discovery().revision).toBe('20220315');
  });
});

describe('requests that drift are refused', () => {
  it.each([
    [
      'an unknown query parameter',
      'GET',
      `/v4/spreadsheets/${ID}/values:batchGet?ranges=Clients&valueRenderOptions=FORMULA`,
      undefined,
      /unknown query parameter valueRenderOptions/,
    ],
    [
      'a non-repeated parameter twice',
      'GET',
      `/v4/spreadsheets/${ID}/values/Clients?majorDimension=ROWS&majorDimension=ROWS`,
      undefined,
      /majorDimension given 2 times/,
    ],
    [
      'a boolean parameter that is not one',
      'POST',
      `${APPEND}?${APPEND_QUERY}&includeValuesInResponse=yes`,
      { values: [['x']] },
      /expected a boolean/,
    ],
    [
      'an unknown member of the body',
      'POST',
      `${APPEND}?${APPEND_QUERY}`,
      { rows: [['x']] },
      /body\.rows: unknown name/,
    ],
    [
      'a body member of the wrong type',
      'POST',
      `${APPEND}?${APPEND_QUERY}`,
      { values: 'x' },
      /body\.values: expected an array/,
    ],
    [
      'a body value outside its enum',
      'POST',
      `${APPEND}?${APPEND_QUERY}`,
      { majorDimension: 'ROW', values: [['x']] },
      /"ROW" is not one of/,
    ],
    [
      'no body where one is documented',
      'POST',
      `${APPEND}?${APPEND_QUERY}`,
      undefined,
      /request body \(ValueRange\) is missing/,
    ],
  ] as const)('%s', async (_case, httpMethod, path, body, problem) => {
    const res = await fakeFetch(fake.port, { method: httpMethod, path, headers: auth, body });
    expect(res.status).toBe(400);
    expect((res.body as { error: { status: string; message: string } }).error).toMatchObject({
      status: 'INVALID_ARGUMENT',
      message: expect.stringMatching(problem) as unknown,
    });
    expect(fake.drift.splice(0)).toEqual([expect.stringMatching(problem)]);
    // Nothing was written.
    expect(fake.tab(ID, 'Reminders')).toHaveLength(1);
  });

  it('accepts the same requests when they conform', async () => {
    const read = await fakeFetch(fake.port, {
      method: 'GET',
      path: `/v4/spreadsheets/${ID}/values:batchGet?ranges=Clients&valueRenderOption=FORMULA&fields=valueRanges`,
      headers: auth,
    });
    expect(read.status).toBe(200);
    const write = await fakeFetch(fake.port, {
      method: 'POST',
      path: `${APPEND}?${APPEND_QUERY}&includeValuesInResponse=false`,
      headers: auth,
      body: { majorDimension: 'ROWS', values: [['2026-12-04', 'M-1', 'Acme']] },
    });
    expect(write.status).toBe(200);
    expect(fake.drift).toEqual([]);
  });

  it('makes close() fail while drift is left unread', async () => {
    const other = await startSheetsFake({ tokens: [TOKEN] });
    other.setSpreadsheet(ID, { tabs: { Clients: [['Client']] } });
    await fakeFetch(other.port, { method: 'GET', path: `/v4/spreadsheets/${ID}?bogus=1`, headers: auth });
    await expect(other.close()).rejects.toThrow(/unknown query parameter bogus/);
  });
});

describe('answers that drift are caught', () => {
  it('refuses a member the document does not list, and a wrong type', () => {
    const append = method('sheets.spreadsheets.values.append');
    expect(
      responseProblems(append, {
        spreadsheetId: ID,
        tableRange: 'Reminders!A1:C1',
        updates: { updatedRange: 'Reminders!A2:C2', updatedRows: 1 },
      }),
    ).toEqual([]);
    expect(responseProblems(append, { spreadsheetId: ID, updatedRows: 1 })).toEqual([
      'sheets.spreadsheets.values.append response.updatedRows: unknown name (not in the discovery document)',
    ]);
    expect(responseProblems(append, { spreadsheetId: ID, updates: { updatedRows: '1' } })).toEqual([
      expect.stringContaining('updates.updatedRows: expected an int32'),
    ]);
  });

  it('refuses a member the trimmed copy left out (the fake must not start using one)', () => {
    const get = method('sheets.spreadsheets.get');
    expect(responseProblems(get, { spreadsheetId: ID, dataSources: [] })).toEqual([
      expect.stringContaining('dataSources: unknown name'),
    ]);
  });

  it('follows $refs down to nested schemas', () => {
    const batch = method('sheets.spreadsheets.values.batchGet');
    expect(
      responseProblems(batch, { spreadsheetId: ID, valueRanges: [{ range: 'A1', majorDimension: 'ROWZ' }] }),
    ).toEqual([expect.stringContaining('valueRanges[0].majorDimension: "ROWZ" is not one of')]);
    expect(schemaProblems({ sheetId: 2 ** 40 }, { $ref: 'SheetProperties' }, '$')).toEqual([
      expect.stringContaining('$.sheetId: expected an int32'),
    ]);
  });
});

describe('scopes', () => {
  it('come from the document: a read-only token may read, not append', async () => {
    const readonly = { authorization: `Bearer ${READONLY_TOKEN}` };
    const read = await fakeFetch(fake.port, {
      method: 'GET',
      path: `/v4/spreadsheets/${ID}/values/Clients`,
      headers: readonly,
    });
    expect(read.status).toBe(200);
    const write = await fakeFetch(fake.port, {
      method: 'POST',
      path: `${APPEND}?${APPEND_QUERY}`,
      headers: readonly,
      body: { values: [['x']] },
    });
    expect(write.status).toBe(403);
    expect(method('sheets.spreadsheets.values.append').scopes).not.toContain(SHEETS_READONLY_SCOPE);
  });

  // The methods the extension's own client calls, found by running it: each request must
  // conform to the document, and the scope the extension asks for must allow its method.
  it.each([
    ['logging on', true],
    ['logging off', false],
  ] as const)(
    'the extension’s scope with %s covers every method its client calls then',
    async (_case, logging) => {
      const ok = (body: unknown) => ({ status: 200, body });
      const fetcher = scriptedFetch([
        ok({
          spreadsheetId: ID,
          properties: { title: 'Ledger', locale: 'en_GB', timeZone: 'Europe/Rome' },
          sheets: [],
        }),
        ok({ spreadsheetId: ID, valueRanges: [{ range: 'Clients!A1:Z1000', majorDimension: 'ROWS' }] }),
        ok({
          spreadsheetId: ID,
          tableRange: 'Reminders!A1:C1',
          updates: { updatedRange: 'Reminders!A2:C2' },
        }),
      ]);
      const client = createSheetsClient({
        fetch: fetcher.fetch,
        getToken: async () => 'ya29.x',
        dropToken: async () => undefined,
        sleep: async () => undefined,
        random: () => 0.5,
        now: () => 0,
      });
      await client.metadata(ID).catch(() => undefined);
      await client.batchGet(ID, ['Clients']);
      if (logging) await client.append(ID, 'Reminders', ['2026-12-04', 'M-1', 'Acme']);

      const called = fetcher.requests.map((r) => {
        const query: Record<string, string[]> = {};
        for (const [key, value] of r.url.searchParams) (query[key] ??= []).push(value);
        const check = checkRequest({
          method: r.method,
          path: decodeURIComponent(r.url.pathname),
          query,
          body: r.body,
        });
        expect(check.problems).toEqual([]);
        return check.method;
      });
      expect(called.map((m) => m?.id)).toEqual([
        'sheets.spreadsheets.get',
        'sheets.spreadsheets.values.batchGet',
        ...(logging ? ['sheets.spreadsheets.values.append'] : []),
      ]);
      const scope = scopeFor(logging);
      expect(scope).toBe(logging ? SHEETS_SCOPE : SHEETS_READONLY_SCOPE);
      for (const m of called) expect(m && scopesAllow(m, [scope]), m?.id).toBe(true);
    },
  );
});
