/**
 * A small Sheets REST v4 client on `fetch`, typed with `sheets_v4` from @googleapis/sheets
 * (types only: googleapis itself is a Node library and never enters the extension bundle).
 * The calls the extension makes: the spreadsheet's metadata, ONE values.batchGet for every
 * ledger tab (or for a few ranges), values.append for the Reminders, Promises and Payments
 * rows, and values.batchUpdate for the cells a dispute sets (Status, Status note).
 *
 * Failures become `SheetsError`s. A 401 drops the token and tries once more with a fresh
 * one; 429, 5xx and network errors are retried a few times with jittered backoff on reads
 * (appends retry only what was refused before it was applied: 429); a timeout is not
 * retried here, the sync schedules the next attempt.
 */
import type { sheets_v4 } from '@googleapis/sheets';
import * as z from 'zod';
import type { RawLedger } from '../../shared/index.ts';
import { tabRange } from '../../shared/tabs.ts';
import { REQUEST_BACKOFF, backoffDelay, retryAfterMs } from './backoff.ts';
import type { SheetsErrorCode } from './errors.ts';
import { SheetsError, codeForStatus } from './errors.ts';

export const SHEETS_API = 'https://sheets.googleapis.com/v4/spreadsheets';

/** What the extension keeps of a spreadsheet's metadata. */
export const SheetMeta = z.object({
  spreadsheetId: z.string().min(1),
  title: z.string(),
  /** Sheets' form, `it_IT`. */
  locale: z.string(),
  timeZone: z.string(),
  /** Tab titles in the spreadsheet's order. */
  tabs: z.array(z.string()),
});
export type SheetMeta = z.infer<typeof SheetMeta>;

/** Where an appended row landed. */
export interface AppendResult {
  /** `Reminders!A12:I12`, or null when the API did not say. */
  updatedRange: string | null;
  /** The sheet row number of the new row, when `updatedRange` gives it. */
  row: number | null;
}

export interface SheetsClientOptions {
  fetch: typeof fetch;
  /** A token for the request, or null when only the user can get one (signed out). */
  /** A token for reading, or for writing (append): each asks for the least scope it needs. */
  getToken: (access: 'read' | 'write') => Promise<string | null>;
  /** Forgets a token Google refused, so `getToken` gets a fresh one. */
  dropToken: (token: string) => Promise<void>;
  isOnline?: () => boolean;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
  /** How long to wait for the answer's headers, ms. */
  timeoutMs?: number;
  /** How long to wait for the body once headers came (100k-row ledgers are megabytes), ms. */
  bodyTimeoutMs?: number;
  /** Retries of a read after 429, 5xx or a network error. */
  retries?: number;
  /** A Retry-After longer than this is not waited for here: the sync schedules a later attempt. */
  maxWaitMs?: number;
  /** Called before each attempt (the service worker uses it to show "syncing" and stay awake). */
  onAttempt?: (attempt: number) => void;
}

export interface SheetsClient {
  metadata(spreadsheetId: string): Promise<SheetMeta>;
  /** Every tab in `tabs`, whole, in one request: unformatted values, dates as serial numbers. */
  batchGet(spreadsheetId: string, tabs: readonly string[]): Promise<RawLedger>;
  /** Appends one row after the tab's table; values land in the columns given by their index. */
  append(spreadsheetId: string, tab: string, row: readonly (string | number | null)[]): Promise<AppendResult>;
  /** A few A1 ranges in one values.batchGet, unformatted, in the order asked: each range's rows. */
  readRanges(spreadsheetId: string, ranges: readonly string[]): Promise<unknown[][][]>;
  /**
   * Sets the given cells in one values.batchUpdate, as RAW text (a value starting with `=`,
   * `+`, `-` or `@` stays text, never a formula). Answers the number of cells Google set.
   */
  setCells(spreadsheetId: string, cells: readonly CellUpdate[]): Promise<number>;
}

/** One range to set, its values row by row (`'Milestones'!J5`, `[['Disputed']]`). */
export interface CellUpdate {
  range: string;
  values: string[][];
}

// Only what the extension reads of each answer; checked at the edge, as every outside input is.
const MetaResponse = z.object({
  properties: z.object({
    title: z.string().optional(),
    locale: z.string().optional(),
    timeZone: z.string().optional(),
  }),
  sheets: z.array(z.object({ properties: z.object({ title: z.string() }) })).optional(),
});
const Cell = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const BatchGetResponse = z.object({
  valueRanges: z
    .array(z.object({ range: z.string().optional(), values: z.array(z.array(Cell)).optional() }))
    .optional(),
});
const AppendResponse = z.object({ updates: z.object({ updatedRange: z.string().optional() }).optional() });
const BatchUpdateResponse = z.object({ totalUpdatedCells: z.number().optional() });
const ErrorBody = z.object({ error: z.object({ message: z.string().optional() }) });

// The checked shapes stay assignable to the published types: a field renamed here fails the build.
type Assignable<T, _U extends T> = true;
export type _SheetsTypesCheck = [
  Assignable<sheets_v4.Schema$Spreadsheet, z.infer<typeof MetaResponse>>,
  Assignable<sheets_v4.Schema$BatchGetValuesResponse, z.infer<typeof BatchGetResponse>>,
  Assignable<sheets_v4.Schema$AppendValuesResponse, z.infer<typeof AppendResponse>>,
  Assignable<sheets_v4.Schema$BatchUpdateValuesResponse, z.infer<typeof BatchUpdateResponse>>,
];

interface Answer {
  status: number;
  ok: boolean;
  retryAfter: string | null;
  text: string;
}

/** Which failures a call may retry on its own. */
const READ_RETRIES: ReadonlySet<SheetsErrorCode> = new Set(['rate_limited', 'server', 'network']);
// An append that failed with 5xx, a reset or a timeout may still have been applied; retrying
// it here could log the reminder twice. Only a 429 is refused before anything is written.
// Setting cells is retried no more: the cells were checked just before, and a late retry
// could set them again over what the user typed in between.
const WRITE_RETRIES: ReadonlySet<SheetsErrorCode> = new Set(['rate_limited']);

export function createSheetsClient(options: SheetsClientOptions): SheetsClient {
  const {
    getToken,
    dropToken,
    isOnline = () => true,
    sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    random = Math.random,
    now = () => new Date().getTime(),
    timeoutMs = 20_000,
    bodyTimeoutMs = 120_000,
    retries = 2,
    maxWaitMs = 10_000,
    onAttempt,
  } = options;
  // Called unbound: `fetch` throws "Illegal invocation" when called as a method of another object.
  const doFetch = options.fetch;

  async function once(url: string, init: RequestInit, token: string): Promise<Answer> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    try {
      const response = await doFetch(url, {
        ...init,
        headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` },
        signal: controller.signal,
      });
      clearTimeout(timer);
      // Read the body here, under its own timer, so a stalled download is a timeout too.
      const bodyTimer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, bodyTimeoutMs);
      try {
        const text = await response.text();
        return {
          status: response.status,
          ok: response.ok,
          retryAfter: response.headers.get('retry-after'),
          text,
        };
      } finally {
        clearTimeout(bodyTimer);
      }
    } catch (error) {
      clearTimeout(timer);
      if (timedOut) throw new SheetsError('timeout');
      throw new SheetsError('network', null, error instanceof Error ? error.message : String(error));
    }
  }

  async function call(
    url: string,
    init: RequestInit,
    retryable: ReadonlySet<SheetsErrorCode>,
    access: 'read' | 'write' = 'read',
  ): Promise<unknown> {
    let renewed = false;
    let retry = 0;
    for (let attempt = 0; ; attempt++) {
      onAttempt?.(attempt);
      if (!isOnline()) throw new SheetsError('offline');
      const token = await getToken(access);
      if (token === null) throw new SheetsError('signed_out');
      let failure: SheetsError;
      try {
        const response = await once(url, init, token);
        const text = response.text;
        if (response.ok) {
          try {
            return JSON.parse(text) as unknown;
          } catch {
            throw new SheetsError('bad_response', response.status, 'the answer is not JSON');
          }
        }
        const message = googleMessage(text);
        if (response.status === 401) {
          await dropToken(token);
          // One fresh token per call: a second 401 means the grant itself is gone.
          if (!renewed) {
            renewed = true;
            continue;
          }
          throw new SheetsError('auth', 401, message);
        }
        failure = new SheetsError(
          codeForStatus(response.status, message),
          response.status,
          message,
          retryAfterMs(response.retryAfter, now()),
        );
      } catch (error) {
        if (!(error instanceof SheetsError)) throw error;
        failure = error;
      }
      if (!retryable.has(failure.code) || retry >= retries) throw failure;
      const wait = Math.max(backoffDelay(retry, REQUEST_BACKOFF, random), failure.retryAfterMs ?? 0);
      if (wait > maxWaitMs) throw failure;
      retry++;
      await sleep(wait);
    }
  }

  /** One values.batchGet: each range's rows, unformatted, dates as serial numbers. */
  async function getRanges(spreadsheetId: string, ranges: readonly string[]): Promise<unknown[][][]> {
    const query = new URLSearchParams();
    for (const range of ranges) query.append('ranges', range);
    query.set('majorDimension', 'ROWS');
    query.set('valueRenderOption', 'UNFORMATTED_VALUE');
    query.set('dateTimeRenderOption', 'SERIAL_NUMBER');
    const url = `${SHEETS_API}/${encodeURIComponent(spreadsheetId)}/values:batchGet?${query}`;
    const body = BatchGetResponse.safeParse(await call(url, { method: 'GET' }, READ_RETRIES));
    if (!body.success) throw new SheetsError('bad_response', 200, 'values.batchGet');
    const found = body.data.valueRanges ?? [];
    if (found.length !== ranges.length) throw new SheetsError('bad_response', 200, 'values.batchGet ranges');
    return found.map((r) => r.values ?? []);
  }

  return {
    async metadata(spreadsheetId) {
      const fields = 'properties(title,locale,timeZone),sheets.properties(title)';
      const url = `${SHEETS_API}/${encodeURIComponent(spreadsheetId)}?fields=${encodeURIComponent(fields)}`;
      const body = MetaResponse.safeParse(await call(url, { method: 'GET' }, READ_RETRIES));
      if (!body.success) throw new SheetsError('bad_response', 200, 'spreadsheet metadata');
      return {
        spreadsheetId,
        title: body.data.properties.title ?? spreadsheetId,
        locale: body.data.properties.locale ?? 'en_US',
        timeZone: body.data.properties.timeZone ?? 'UTC',
        tabs: (body.data.sheets ?? []).map((s) => s.properties.title),
      };
    },

    async batchGet(spreadsheetId, tabs) {
      if (tabs.length === 0) return {};
      const ranges = await getRanges(spreadsheetId, tabs.map(tabRange));
      const raw: RawLedger = {};
      // The API answers the ranges in the order they were asked for.
      tabs.forEach((tab, i) => (raw[tab] = ranges[i] ?? []));
      return raw;
    },

    readRanges(spreadsheetId, ranges) {
      return ranges.length === 0 ? Promise.resolve([]) : getRanges(spreadsheetId, ranges);
    },

    async setCells(spreadsheetId, cells) {
      if (cells.length === 0) return 0;
      const url = `${SHEETS_API}/${encodeURIComponent(spreadsheetId)}/values:batchUpdate`;
      const request: sheets_v4.Schema$BatchUpdateValuesRequest = {
        valueInputOption: 'RAW',
        data: cells.map((c) => ({ range: c.range, majorDimension: 'ROWS', values: c.values })),
      };
      const init: RequestInit = {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(request),
      };
      const body = BatchUpdateResponse.safeParse(await call(url, init, WRITE_RETRIES, 'write'));
      if (!body.success) throw new SheetsError('bad_response', 200, 'values.batchUpdate');
      return body.data.totalUpdatedCells ?? 0;
    },

    async append(spreadsheetId, tab, row) {
      const query = new URLSearchParams({
        valueInputOption: 'USER_ENTERED',
        insertDataOption: 'INSERT_ROWS',
        includeValuesInResponse: 'false',
      });
      const range = encodeURIComponent(tabRange(tab));
      const url = `${SHEETS_API}/${encodeURIComponent(spreadsheetId)}/values/${range}:append?${query}`;
      const init: RequestInit = {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ majorDimension: 'ROWS', values: [row] }),
      };
      const body = AppendResponse.safeParse(await call(url, init, WRITE_RETRIES, 'write'));
      if (!body.success) throw new SheetsError('bad_response', 200, 'values.append');
      const updatedRange = body.data.updates?.updatedRange ?? null;
      const match = updatedRange === null ? null : /!\$?[A-Z]+\$?(\d+)/.exec(updatedRange);
      return { updatedRange, row: match?.[1] === undefined ? null : Number(match[1]) };
    },
  };
}

function googleMessage(text: string): string {
  try {
    const body = ErrorBody.safeParse(JSON.parse(text));
    return body.success ? (body.data.error.message ?? '') : '';
  } catch {
    return '';
  }
}
