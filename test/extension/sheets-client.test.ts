import { describe, expect, it } from 'vitest';
import type { SheetsClientOptions } from '../../extension/sheets/client.ts';
import { createSheetsClient } from '../../extension/sheets/client.ts';
import { tabRange } from '../../shared/tabs.ts';
import { SheetsError } from '../../extension/sheets/errors.ts';
import type { Scripted } from './scripted-fetch.ts';
import { googleError, scriptedFetch } from './scripted-fetch.ts';

const ID = 'sheet-under-test-0001';
const OK_BATCH: Scripted = {
  status: 200,
  body: {
    spreadsheetId: ID,
    valueRanges: [
      { range: 'Clients!A1:Z1000', majorDimension: 'ROWS', values: [['Client'], ['Acme']] },
      { range: "'Change orders'!A1:Z1000", majorDimension: 'ROWS' },
    ],
  },
};

function setup(script: Scripted[], options: Partial<SheetsClientOptions> = {}) {
  const fake = scriptedFetch(script);
  const tokens = ['ya29.first', 'ya29.second', 'ya29.third'];
  const dropped: string[] = [];
  const slept: number[] = [];
  const client = createSheetsClient({
    fetch: fake.fetch,
    getToken: async () => tokens[dropped.length] ?? null,
    dropToken: async (t) => void dropped.push(t),
    sleep: async (ms) => void slept.push(ms),
    random: () => 0.5,
    now: () => Date.UTC(2026, 10, 30),
    ...options,
  });
  return { client, fake, dropped, slept };
}

async function failure(p: Promise<unknown>): Promise<SheetsError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof SheetsError)) throw new Error(`expected a SheetsError, got ${String(error)}`);
  return error;
}

describe('batchGet', () => {
  it('reads every tab in one request, unformatted, dates as serial numbers, with the token', async () => {
    const { client, fake } = setup([OK_BATCH]);
    const raw = await client.batchGet(ID, ['Clients', 'Change orders']);
    expect(raw).toEqual({ Clients: [['Client'], ['Acme']], 'Change orders': [] });
    expect(fake.requests).toHaveLength(1);
    const [req] = fake.requests;
    expect(req?.url.origin).toBe('https://sheets.googleapis.com');
    expect(req?.url.pathname).toBe(`/v4/spreadsheets/${ID}/values:batchGet`);
    expect(req?.url.searchParams.getAll('ranges')).toEqual(["'Clients'", "'Change orders'"]);
    expect(req?.url.searchParams.get('valueRenderOption')).toBe('UNFORMATTED_VALUE');
    expect(req?.url.searchParams.get('dateTimeRenderOption')).toBe('SERIAL_NUMBER');
    expect(req?.url.searchParams.get('majorDimension')).toBe('ROWS');
    expect(req?.headers['authorization']).toBe('Bearer ya29.first');
  });

  it('sends nothing for no tabs', async () => {
    const { client, fake } = setup([]);
    expect(await client.batchGet(ID, [])).toEqual({});
    expect(fake.requests).toHaveLength(0);
  });

  it('quotes tab names as the A1 grammar wants', () => {
    expect(tabRange("Client's tab")).toBe("'Client''s tab'");
  });

  it('refuses an answer with fewer ranges than asked', async () => {
    const { client } = setup([{ status: 200, body: { spreadsheetId: ID, valueRanges: [] } }]);
    expect((await failure(client.batchGet(ID, ['Clients']))).code).toBe('bad_response');
  });
});

describe('failures', () => {
  it('on 401 drops the token and retries once with a fresh one', async () => {
    const { client, fake, dropped } = setup([
      googleError(401, 'Request had invalid authentication credentials.'),
      OK_BATCH,
    ]);
    await client.batchGet(ID, ['Clients', 'Change orders']);
    expect(dropped).toEqual(['ya29.first']);
    expect(fake.requests.map((r) => r.headers['authorization'])).toEqual([
      'Bearer ya29.first',
      'Bearer ya29.second',
    ]);
  });

  it('after a second 401 asks to sign in again', async () => {
    const { client, fake, dropped } = setup([googleError(401, 'invalid'), googleError(401, 'invalid')]);
    const error = await failure(client.batchGet(ID, ['Clients']));
    expect(error.code).toBe('auth');
    expect(dropped).toEqual(['ya29.first', 'ya29.second']);
    expect(fake.requests).toHaveLength(2);
  });

  it('is signed out, without a request, when no token can be had', async () => {
    const { client, fake } = setup([], { getToken: async () => null });
    expect((await failure(client.batchGet(ID, ['Clients']))).code).toBe('signed_out');
    expect(fake.requests).toHaveLength(0);
  });

  it.each([
    [googleError(403, 'The caller does not have permission', 'PERMISSION_DENIED'), 'forbidden'],
    [googleError(403, 'Request had insufficient authentication scopes.', 'PERMISSION_DENIED'), 'scope'],
    [googleError(404, 'Requested entity was not found.', 'NOT_FOUND'), 'not_found'],
    [googleError(400, 'Unable to parse range: Clients', 'INVALID_ARGUMENT'), 'range'],
    [googleError(400, 'Invalid value', 'INVALID_ARGUMENT'), 'bad_request'],
  ] as const)('does not retry %j: %s', async (answer, code) => {
    const { client, fake } = setup([answer]);
    const error = await failure(client.batchGet(ID, ['Clients']));
    expect(error.code).toBe(code);
    expect(error.detail).toBe((answer as { body: { error: { message: string } } }).body.error.message);
    expect(fake.requests).toHaveLength(1);
  });

  it('retries 429, 5xx and network errors twice with jittered exponential backoff', async () => {
    const { client, fake, slept } = setup([
      googleError(429, 'Quota exceeded'),
      googleError(503, 'unavailable'),
      OK_BATCH,
    ]);
    await client.batchGet(ID, ['Clients', 'Change orders']);
    expect(fake.requests).toHaveLength(3);
    // random() = 0.5 under full jitter: half of 1 s, then half of 2 s.
    expect(slept).toEqual([500, 1_000]);
  });

  it('gives up after the retries with the last failure', async () => {
    const { client, fake } = setup([googleError(500, 'a'), 'network', googleError(502, 'c')]);
    const error = await failure(client.batchGet(ID, ['Clients']));
    expect(error.code).toBe('server');
    expect(error.status).toBe(502);
    expect(fake.requests).toHaveLength(3);
  });

  it('waits as long as Retry-After says, when that is longer', async () => {
    const { client, slept } = setup([
      googleError(429, 'q', 'RESOURCE_EXHAUSTED', { 'retry-after': '3' }),
      OK_BATCH,
    ]);
    await client.batchGet(ID, ['Clients', 'Change orders']);
    expect(slept).toEqual([3_000]);
  });

  it('leaves a long Retry-After to the sync schedule', async () => {
    const { client, fake } = setup([googleError(429, 'q', 'RESOURCE_EXHAUSTED', { 'retry-after': '120' })]);
    const error = await failure(client.batchGet(ID, ['Clients']));
    expect(error.code).toBe('rate_limited');
    expect(error.retryAfterMs).toBe(120_000);
    expect(fake.requests).toHaveLength(1);
  });

  it('times out a request that never answers, and does not retry it', async () => {
    const { client, fake } = setup(['hang'], { timeoutMs: 30 });
    expect((await failure(client.batchGet(ID, ['Clients']))).code).toBe('timeout');
    expect(fake.requests).toHaveLength(1);
  });

  it('sends nothing while the browser is offline', async () => {
    const { client, fake } = setup([], { isOnline: () => false });
    expect((await failure(client.batchGet(ID, ['Clients']))).code).toBe('offline');
    expect(fake.requests).toHaveLength(0);
  });

  it('calls fetch unbound (a method call on another object throws Illegal invocation in browsers)', async () => {
    const receivers: unknown[] = [];
    const { client } = setup([], {
      fetch: function (this: unknown) {
        receivers.push(this);
        return Promise.resolve(new Response(JSON.stringify({ valueRanges: [{ values: [] }] })));
      } as unknown as typeof fetch,
    });
    await client.batchGet(ID, ['Clients']);
    expect(receivers).toEqual([undefined]);
  });
});

describe('metadata', () => {
  it('asks only for the fields it keeps', async () => {
    const { client, fake } = setup([
      {
        status: 200,
        body: {
          properties: { title: 'Ledger', locale: 'it_IT', timeZone: 'Europe/Rome' },
          sheets: [{ properties: { title: 'Clients' } }, { properties: { title: 'Milestones' } }],
        },
      },
    ]);
    expect(await client.metadata(ID)).toEqual({
      spreadsheetId: ID,
      title: 'Ledger',
      locale: 'it_IT',
      timeZone: 'Europe/Rome',
      tabs: ['Clients', 'Milestones'],
    });
    expect(fake.requests[0]?.url.searchParams.get('fields')).toBe(
      'properties(title,locale,timeZone),sheets.properties(title)',
    );
  });
});

describe('append', () => {
  const row = ['2026-11-30', "'NW-2", null, "'reminder"];

  it('posts one row after the table, as typed, and reads back where it landed', async () => {
    const { client, fake } = setup([
      {
        status: 200,
        body: {
          spreadsheetId: ID,
          tableRange: 'Reminders!A1:I4',
          updates: { updatedRange: 'Reminders!A5:D5' },
        },
      },
    ]);
    expect(await client.append(ID, 'Reminders', row)).toEqual({ updatedRange: 'Reminders!A5:D5', row: 5 });
    const [req] = fake.requests;
    expect(req?.method).toBe('POST');
    expect(decodeURIComponent(req?.url.pathname ?? '')).toBe(
      `/v4/spreadsheets/${ID}/values/'Reminders':append`,
    );
    expect(Object.fromEntries(req?.url.searchParams ?? [])).toEqual({
      valueInputOption: 'USER_ENTERED',
      insertDataOption: 'INSERT_ROWS',
      includeValuesInResponse: 'false',
    });
    expect(req?.body).toEqual({ majorDimension: 'ROWS', values: [row] });
  });

  it('does not retry a 500 or a timeout (the row may already be there)', async () => {
    const first = setup([googleError(500, 'internal')]);
    expect((await failure(first.client.append(ID, 'Reminders', row))).code).toBe('server');
    expect(first.fake.requests).toHaveLength(1);
    const second = setup(['hang'], { timeoutMs: 30 });
    expect((await failure(second.client.append(ID, 'Reminders', row))).code).toBe('timeout');
    expect(second.fake.requests).toHaveLength(1);
  });

  it('retries a 429 (refused before anything was written)', async () => {
    const { client, fake } = setup([
      googleError(429, 'quota'),
      { status: 200, body: { updates: { updatedRange: 'Reminders!A2:I2' } } },
    ]);
    expect((await client.append(ID, 'Reminders', row)).row).toBe(2);
    expect(fake.requests).toHaveLength(2);
  });
});

describe('readRanges', () => {
  it('reads a few ranges in one batchGet, in the order asked', async () => {
    const { client, fake } = setup([
      {
        status: 200,
        body: {
          spreadsheetId: ID,
          valueRanges: [
            { range: 'Milestones!A1:Z1', majorDimension: 'ROWS', values: [['ID', 'Status']] },
            { range: 'Milestones!A7:Z7', majorDimension: 'ROWS' },
          ],
        },
      },
    ]);
    expect(await client.readRanges(ID, ["'Milestones'!1:1", "'Milestones'!7:7"])).toEqual([
      [['ID', 'Status']],
      [],
    ]);
    expect(fake.requests[0]?.url.searchParams.getAll('ranges')).toEqual([
      "'Milestones'!1:1",
      "'Milestones'!7:7",
    ]);
    expect(fake.requests[0]?.url.searchParams.get('valueRenderOption')).toBe('UNFORMATTED_VALUE');
  });
});

describe('setCells', () => {
  const cells = [
    { range: "'Milestones'!J7", values: [['Disputed']] },
    { range: "'Milestones'!L7", values: [['=SUM(1) is not a formula here']] },
  ];

  it('sets every cell in one batchUpdate, RAW, with the write token', async () => {
    const accesses: string[] = [];
    const { client, fake } = setup([{ status: 200, body: { spreadsheetId: ID, totalUpdatedCells: 2 } }], {
      getToken: async (access) => {
        accesses.push(access);
        return 'ya29.write';
      },
    });
    expect(await client.setCells(ID, cells)).toBe(2);
    const [req] = fake.requests;
    expect(req?.method).toBe('POST');
    expect(req?.url.pathname).toBe(`/v4/spreadsheets/${ID}/values:batchUpdate`);
    expect([...(req?.url.searchParams.keys() ?? [])]).toEqual([]);
    expect(req?.body).toEqual({
      valueInputOption: 'RAW',
      data: cells.map((c) => ({ ...c, majorDimension: 'ROWS' })),
    });
    expect(accesses).toEqual(['write']);
  });

  it('does not retry a 500 or a timeout (the user may type in between), only a 429', async () => {
    const first = setup([googleError(500, 'internal')]);
    expect((await failure(first.client.setCells(ID, cells))).code).toBe('server');
    expect(first.fake.requests).toHaveLength(1);
    const second = setup([googleError(429, 'quota'), { status: 200, body: { totalUpdatedCells: 2 } }]);
    expect(await second.client.setCells(ID, cells)).toBe(2);
    expect(second.fake.requests).toHaveLength(2);
  });

  it('sends nothing for no cells', async () => {
    const { client, fake } = setup([]);
    expect(await client.setCells(ID, [])).toBe(0);
    expect(fake.requests).toHaveLength(0);
  });
});
