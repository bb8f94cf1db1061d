import {
  type GridRange,
  columnLetters,
  formatCells,
  formatRange,
  parseA1,
  parseCells,
  quoteSheetTitle,
} from './a1-notation.ts';
import { FakeService } from './fake-service.ts';
import { type DiscoveryMethod, checkRequest, responseProblems, scopesAllow } from './sheets-discovery.ts';
import { applyFieldsMask, parseFieldsMask } from './fields-mask.ts';
import {
  type FakeExchange,
  type FakeRequest,
  corsHeaders,
  listenHttps,
  param,
  sendJson,
  sendPreflight,
} from './https-server.ts';

/**
 * An in-memory Google Sheets REST API v4 that answers with the real request
 * and response shapes (checked against `sheets_v4` in @googleapis/sheets 14):
 * spreadsheets.get, values.batchGet, values.get, values.append, values.batchUpdate. Anything else
 * gets a 404 naming the route, so a client calling an endpoint the fake does
 * not know fails loudly instead of silently passing.
 *
 * Google's discovery document is the law (sheets-discovery.ts): a request whose path,
 * method, query parameters or body the document does not allow is refused with 400
 * INVALID_ARGUMENT, as the real API refuses unknown names; the scopes a token needs are
 * the method's `scopes` in the document; and every answer the fake gives is checked
 * against the method's response schema (a drifted answer is a 500, never sent). Every
 * drift is also kept in `drift`, and `close()` throws when any is left unread.
 */

/** A cell as a test writes it. `{ date }` is a date-formatted cell: serial number unformatted, locale date formatted. */
export type FakeCell = string | number | boolean | null | FakeDate;

export interface FakeDate {
  /** ISO `YYYY-MM-DD`. */
  readonly date: string;
}

export interface FakeTabInit {
  readonly rows: readonly (readonly FakeCell[])[];
  /** Grid size as `spreadsheets.get` reports it; defaults: 1000 rows, 26 columns, or more to fit `rows`. */
  readonly rowCount?: number;
  readonly columnCount?: number;
}

export interface FakeSpreadsheetInit {
  readonly title?: string;
  /** Sheets' form, `it_IT`, not `it-IT`. */
  readonly locale?: string;
  readonly timeZone?: string;
  /** Tab title → rows (header first); order is the tab order. */
  readonly tabs: Readonly<Record<string, readonly (readonly FakeCell[])[] | FakeTabInit>>;
  /** `denied`: the spreadsheet exists but the signed-in user may not open it (403 PERMISSION_DENIED). */
  readonly access?: 'allowed' | 'denied';
}

export type SheetsFailureStatus = 401 | 403 | 404 | 429 | 500 | 503;

export interface SheetsFakeOptions {
  /** Access tokens accepted from the start, each with full spreadsheets scope. */
  readonly tokens?: Iterable<string>;
}

export const SHEETS_SCOPE = 'https://www.googleapis.com/auth/spreadsheets';
export const SHEETS_READONLY_SCOPE = 'https://www.googleapis.com/auth/spreadsheets.readonly';

// Google's texts for these errors, as seen in API answers; clients show or match them.
export const SHEETS_ERROR = {
  missingCredentials:
    'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
  invalidCredentials:
    'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
  insufficientScopes: 'Request had insufficient authentication scopes.',
  permissionDenied: 'The caller does not have permission',
  notFound: 'Requested entity was not found.',
  internal: 'Internal error encountered.',
  unavailable: 'The service is currently unavailable.',
  quota: (kind: 'Read' | 'Write') =>
    `Quota exceeded for quota metric '${kind} requests' and limit '${kind} requests per minute per user' of service 'sheets.googleapis.com' for consumer 'project_number:000000000000'.`,
  unparseableRange: (range: string) => `Unable to parse range: ${range}`,
} as const;

type ValueRender = 'FORMATTED_VALUE' | 'UNFORMATTED_VALUE' | 'FORMULA';
type DateRender = 'SERIAL_NUMBER' | 'FORMATTED_STRING';
type Dimension = 'ROWS' | 'COLUMNS';
type OutCell = string | number | boolean;

interface Tab {
  title: string;
  sheetId: number;
  rows: FakeCell[][];
  rowCount: number;
  columnCount: number;
}

interface Spreadsheet {
  id: string;
  title: string;
  locale: string;
  timeZone: string;
  access: 'allowed' | 'denied';
  tabs: Tab[];
}

interface Resolved {
  tab: Tab;
  grid: GridRange;
}

class RequestError extends Error {
  constructor(
    readonly code: number,
    readonly status: string,
    message: string,
  ) {
    super(message);
  }
}

type Route =
  | { kind: 'get'; id: string }
  | { kind: 'batchGet'; id: string }
  | { kind: 'valuesGet'; id: string; range: string }
  | { kind: 'append'; id: string; range: string }
  | { kind: 'batchUpdate'; id: string };

export class SheetsFake extends FakeService<SheetsFailureStatus> {
  private readonly spreadsheets = new Map<string, Spreadsheet>();
  /** token → granted scopes (space-separated). */
  private readonly tokens = new Map<string, string>();
  private readonly initialTokens: readonly string[];
  /**
   * Every departure from the discovery document seen so far, requests and answers, one
   * line each. A test that provokes one on purpose reads and empties it; `close()` throws
   * on any left.
   */
  readonly drift: string[] = [];

  constructor(options: SheetsFakeOptions = {}) {
    super();
    this.initialTokens = [...(options.tokens ?? [])];
    for (const token of this.initialTokens) this.tokens.set(token, SHEETS_SCOPE);
  }

  /** Creates or replaces a spreadsheet. */
  setSpreadsheet(id: string, init: FakeSpreadsheetInit): void {
    const tabs = Object.entries(init.tabs).map(([title, spec], index): Tab => {
      const tabInit: FakeTabInit = Array.isArray(spec) ? { rows: spec } : (spec as FakeTabInit);
      const rows = tabInit.rows.map((row) => [...row]);
      const width = Math.max(0, ...rows.map((row) => row.length));
      return {
        title,
        sheetId: index === 0 ? 0 : sheetIdFor(title),
        rows,
        rowCount: tabInit.rowCount ?? Math.max(1000, rows.length),
        columnCount: tabInit.columnCount ?? Math.max(26, width),
      };
    });
    this.spreadsheets.set(id, {
      id,
      title: init.title ?? 'Payladder ledger',
      locale: init.locale ?? 'en_US',
      timeZone: init.timeZone ?? 'Etc/GMT',
      access: init.access ?? 'allowed',
      tabs,
    });
  }

  /** The rows of a tab as they are now (a copy), e.g. to check what an append wrote. */
  tab(spreadsheetId: string, title: string): FakeCell[][] {
    const tab = this.spreadsheets.get(spreadsheetId)?.tabs.find((t) => t.title === title);
    if (!tab) throw new Error(`no tab ${JSON.stringify(title)} in spreadsheet ${spreadsheetId}`);
    return tab.rows.map((row) => [...row]);
  }

  /** Accepts `token` from now on, with the given space-separated scopes (default: full spreadsheets scope). */
  addToken(token: string, scope: string = SHEETS_SCOPE): void {
    this.tokens.set(token, scope);
  }

  /** Stops accepting `token` (revoked or expired): requests with it get 401. */
  revokeToken(token: string): void {
    this.tokens.delete(token);
  }

  /** Back to a fresh fake: no spreadsheets, only the tokens given at construction, empty log. */
  override reset(): void {
    super.reset();
    this.drift.length = 0;
    this.spreadsheets.clear();
    this.tokens.clear();
    for (const token of this.initialTokens) this.tokens.set(token, SHEETS_SCOPE);
  }

  /** Throws when drift is left unread: a suite whose client drifted fails even if it coped. */
  override async close(): Promise<void> {
    await super.close();
    if (this.drift.length > 0) {
      throw new Error(
        `Sheets fake: exchanges departed from the discovery document:\n${this.drift.join('\n')}`,
      );
    }
  }

  handle(exchange: FakeExchange): void {
    const { request, res } = exchange;
    const check = request.method === 'OPTIONS' ? null : checkRequest(request);
    // A documented method the fake does not serve answers 404 "no route" below, unchecked.
    if (check?.method && matchRoute(request) && check.problems.length > 0) {
      // Refused before any scenario: a drifted request never reaches Google's logic.
      this.requests.push(request);
      this.drift.push(...check.problems);
      // One bad enum value gets Google's own words for it; anything else the generic refusal.
      const [only] = check.problems;
      const message =
        check.problems.length === 1 && only?.startsWith('Invalid value at')
          ? only
          : `Invalid JSON payload received. ${check.problems.join('; ')}`;
      sendJson(res, 400, errorBody(400, 'INVALID_ARGUMENT', message), corsHeaders(request));
      return;
    }
    if (this.playScenario(exchange)) return;
    if (request.method === 'OPTIONS') {
      sendPreflight(res, request);
      return;
    }
    try {
      const route = matchRoute(request);
      if (!route || !check?.method) {
        throw new RequestError(
          404,
          'NOT_FOUND',
          `Payladder Sheets fake: no route for ${request.method} ${request.path}`,
        );
      }
      this.authorize(request, check.method);
      const spreadsheet = this.spreadsheets.get(route.id);
      if (!spreadsheet) throw new RequestError(404, 'NOT_FOUND', SHEETS_ERROR.notFound);
      if (spreadsheet.access === 'denied') {
        throw new RequestError(403, 'PERMISSION_DENIED', SHEETS_ERROR.permissionDenied);
      }
      const answer = this.answer(route, spreadsheet, request);
      const drifted = responseProblems(check.method, answer);
      if (drifted.length > 0) {
        this.drift.push(...drifted);
        // A bug of the fake: answered as a server error, never sent as if Google had said it.
        sendJson(
          res,
          500,
          errorBody(500, 'INTERNAL', `Sheets fake answer drifts: ${drifted.join('; ')}`),
          {},
        );
        return;
      }
      sendJson(res, 200, answer, corsHeaders(request));
    } catch (error) {
      if (!(error instanceof RequestError)) throw error;
      sendJson(res, error.code, errorBody(error.code, error.status, error.message), {
        ...corsHeaders(request),
        ...(error.code === 401
          ? { 'www-authenticate': 'Bearer realm="https://accounts.google.com/", error="invalid_token"' }
          : {}),
      });
    }
  }

  protected sendFailure(exchange: FakeExchange, status: SheetsFailureStatus): void {
    const write = exchange.request.method !== 'GET';
    const bodies: Record<SheetsFailureStatus, readonly [string, string]> = {
      401: ['UNAUTHENTICATED', SHEETS_ERROR.invalidCredentials],
      403: ['PERMISSION_DENIED', SHEETS_ERROR.permissionDenied],
      404: ['NOT_FOUND', SHEETS_ERROR.notFound],
      429: ['RESOURCE_EXHAUSTED', SHEETS_ERROR.quota(write ? 'Write' : 'Read')],
      500: ['INTERNAL', SHEETS_ERROR.internal],
      503: ['UNAVAILABLE', SHEETS_ERROR.unavailable],
    };
    const [grpc, message] = bodies[status];
    sendJson(exchange.res, status, errorBody(status, grpc, message), corsHeaders(exchange.request));
  }

  // The scopes are the method's own list in the discovery document.
  private authorize(request: FakeRequest, method: DiscoveryMethod): void {
    const header = request.headers.authorization;
    if (!header) throw new RequestError(401, 'UNAUTHENTICATED', SHEETS_ERROR.missingCredentials);
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const scope = match?.[1] === undefined ? undefined : this.tokens.get(match[1]);
    if (scope === undefined) throw new RequestError(401, 'UNAUTHENTICATED', SHEETS_ERROR.invalidCredentials);
    if (!scopesAllow(method, scope.split(/\s+/))) {
      throw new RequestError(403, 'PERMISSION_DENIED', SHEETS_ERROR.insufficientScopes);
    }
  }

  private answer(route: Route, spreadsheet: Spreadsheet, request: FakeRequest): unknown {
    switch (route.kind) {
      case 'get':
        return getSpreadsheet(spreadsheet, request);
      case 'batchGet': {
        const options = renderOptions(request, 'valueRenderOption', 'dateTimeRenderOption');
        const ranges = request.query['ranges'] ?? [];
        const valueRanges = ranges.map((text) => readRange(spreadsheet, text, options));
        // The API leaves `valueRanges` out entirely when no range was asked for.
        return ranges.length === 0
          ? { spreadsheetId: spreadsheet.id }
          : { spreadsheetId: spreadsheet.id, valueRanges };
      }
      case 'valuesGet':
        return readRange(
          spreadsheet,
          route.range,
          renderOptions(request, 'valueRenderOption', 'dateTimeRenderOption'),
        );
      case 'append':
        return append(spreadsheet, route.range, request);
      case 'batchUpdate':
        return batchUpdate(spreadsheet, request);
    }
  }
}

/** A Sheets fake on its own HTTPS server (127.0.0.1, ephemeral port). */
export async function startSheetsFake(options: SheetsFakeOptions = {}): Promise<SheetsFake> {
  const fake = new SheetsFake(options);
  fake.mount(await listenHttps((exchange) => fake.handle(exchange)));
  return fake;
}

function matchRoute(request: FakeRequest): Route | undefined {
  const { method, path } = request;
  const match = /^\/v4\/spreadsheets\/([^/:]+)(.*)$/.exec(path);
  const id = match?.[1];
  const rest = match?.[2];
  if (id === undefined || rest === undefined) return undefined;
  if (rest === '' && method === 'GET') return { kind: 'get', id };
  if (rest === '/values:batchGet' && method === 'GET') return { kind: 'batchGet', id };
  if (rest === '/values:batchUpdate' && method === 'POST') return { kind: 'batchUpdate', id };
  if (!rest.startsWith('/values/') || rest.length <= '/values/'.length) return undefined;
  const range = rest.slice('/values/'.length);
  if (method === 'POST' && range.endsWith(':append')) {
    return { kind: 'append', id, range: range.slice(0, -':append'.length) };
  }
  if (method === 'GET') return { kind: 'valuesGet', id, range };
  return undefined;
}

function errorBody(code: number, status: string, message: string): unknown {
  return { error: { code, message, status } };
}

// Non-first tabs get large ids in real spreadsheets; derive them from the title so tests can predict them.
function sheetIdFor(title: string): number {
  let hash = 7;
  for (const ch of title) hash = (hash * 31 + ch.charCodeAt(0)) % 2_000_000_000;
  return hash + 1;
}

function getSpreadsheet(spreadsheet: Spreadsheet, request: FakeRequest): unknown {
  if (param(request, 'includeGridData') === 'true') {
    // Deliberately unsupported: grid data is a different, much larger shape; read values with batchGet.
    throw new RequestError(
      400,
      'INVALID_ARGUMENT',
      'Payladder Sheets fake: includeGridData=true is not implemented; read values with values:batchGet',
    );
  }
  const full = {
    spreadsheetId: spreadsheet.id,
    properties: {
      title: spreadsheet.title,
      locale: spreadsheet.locale,
      autoRecalc: 'ON_CHANGE',
      timeZone: spreadsheet.timeZone,
      defaultFormat: {
        backgroundColor: { red: 1, green: 1, blue: 1 },
        padding: { top: 2, right: 3, bottom: 2, left: 3 },
        verticalAlignment: 'BOTTOM',
        wrapStrategy: 'OVERFLOW_CELL',
        textFormat: {
          foregroundColor: {},
          fontFamily: 'arial,sans,sans-serif',
          fontSize: 10,
          bold: false,
          italic: false,
          strikethrough: false,
          underline: false,
        },
      },
    },
    sheets: spreadsheet.tabs.map((tab, index) => ({
      properties: {
        sheetId: tab.sheetId,
        title: tab.title,
        index,
        sheetType: 'GRID',
        gridProperties: { rowCount: tab.rowCount, columnCount: tab.columnCount },
      },
    })),
    spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${spreadsheet.id}/edit`,
  };
  const fields = param(request, 'fields');
  return fields === undefined ? full : applyFieldsMask(full, parseFieldsMask(fields));
}

interface RenderOptions {
  value: ValueRender;
  date: DateRender;
  dimension: Dimension;
  locale: string;
}

function renderOptions(
  request: FakeRequest,
  valueParam: string,
  dateParam: string,
): Omit<RenderOptions, 'locale'> {
  return {
    value: enumParam(
      request,
      valueParam,
      ['FORMATTED_VALUE', 'UNFORMATTED_VALUE', 'FORMULA'],
      'ValueRenderOption',
    ),
    date: enumParam(request, dateParam, ['SERIAL_NUMBER', 'FORMATTED_STRING'], 'DateTimeRenderOption'),
    dimension: enumParam(request, 'majorDimension', ['ROWS', 'COLUMNS'], 'Dimension'),
  };
}

function enumParam<T extends string>(
  request: FakeRequest,
  name: string,
  allowed: readonly T[],
  type: string,
): T {
  const value = param(request, name);
  if (value === undefined || value === '' || value === 'DIMENSION_UNSPECIFIED') return allowed[0] as T;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  const field = name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  throw new RequestError(
    400,
    'INVALID_ARGUMENT',
    `Invalid value at '${field}' (type.googleapis.com/google.apps.sheets.v4.${type}), "${value}"`,
  );
}

function resolveRange(spreadsheet: Spreadsheet, text: string): Resolved {
  const parsed = parseA1(text);
  const unparseable = new RequestError(400, 'INVALID_ARGUMENT', SHEETS_ERROR.unparseableRange(text));
  if (!parsed) throw unparseable;
  let tab: Tab | undefined;
  let cells = parsed.cells;
  if (parsed.sheet !== undefined) tab = findTab(spreadsheet, parsed.sheet);
  if (!tab && cells === undefined && !text.trim().startsWith("'")) {
    // A bare `A1:C5` with no tab of that name means the first sheet, as in the API.
    cells = parseCells(text.trim());
    tab = cells ? spreadsheet.tabs[0] : undefined;
  }
  if (!tab) throw unparseable;
  const grid: GridRange = {
    startRow: cells?.startRow ?? 1,
    startCol: cells?.startCol ?? 1,
    endRow: cells?.endRow ?? tab.rowCount,
    endCol: cells?.endCol ?? tab.columnCount,
  };
  const ordered: GridRange = {
    startRow: Math.min(grid.startRow, grid.endRow),
    startCol: Math.min(grid.startCol, grid.endCol),
    endRow: Math.max(grid.startRow, grid.endRow),
    endCol: Math.max(grid.startCol, grid.endCol),
  };
  if (ordered.startRow > tab.rowCount || ordered.startCol > tab.columnCount) {
    throw new RequestError(
      400,
      'INVALID_ARGUMENT',
      `Range (${formatRange(tab.title, ordered)}) exceeds grid limits. Max rows: ${tab.rowCount}, max columns: ${tab.columnCount}`,
    );
  }
  // A range that starts inside the grid and runs past it is cut to the grid.
  return {
    tab,
    grid: {
      ...ordered,
      endRow: Math.min(ordered.endRow, tab.rowCount),
      endCol: Math.min(ordered.endCol, tab.columnCount),
    },
  };
}

// Tab titles match regardless of case, as in the API; an exact match wins.
function findTab(spreadsheet: Spreadsheet, title: string): Tab | undefined {
  return (
    spreadsheet.tabs.find((tab) => tab.title === title) ??
    spreadsheet.tabs.find((tab) => tab.title.toLowerCase() === title.toLowerCase())
  );
}

function readRange(
  spreadsheet: Spreadsheet,
  text: string,
  options: Omit<RenderOptions, 'locale'>,
): { range: string; majorDimension: Dimension; values?: OutCell[][] } {
  const { tab, grid } = resolveRange(spreadsheet, text);
  const values = renderGrid(tab, grid, { ...options, locale: spreadsheet.locale });
  const range = formatRange(tab.title, grid);
  return values.length === 0
    ? { range, majorDimension: options.dimension }
    : { range, majorDimension: options.dimension, values };
}

/** The cells of `grid`, empty cells inside the data as "" and trailing empty cells and rows trimmed, as the API does. */
function renderGrid(tab: Tab, grid: GridRange, options: RenderOptions): OutCell[][] {
  const rows: (OutCell | undefined)[][] = [];
  const lastRow = Math.min(grid.endRow, tab.rows.length);
  for (let r = grid.startRow; r <= lastRow; r += 1) {
    const source = tab.rows[r - 1] ?? [];
    const lastCol = Math.min(grid.endCol, source.length);
    const row: (OutCell | undefined)[] = [];
    for (let c = grid.startCol; c <= lastCol; c += 1) row.push(renderCell(source[c - 1], options));
    rows.push(row);
  }
  const major = options.dimension === 'COLUMNS' ? transpose(rows) : rows;
  return trimTrailing(
    major.map((line) =>
      trimTrailing(
        line.map((cell) => cell ?? ''),
        (cell) => cell === '',
      ),
    ),
    (line) => line.length === 0,
  );
}

function transpose(rows: (OutCell | undefined)[][]): (OutCell | undefined)[][] {
  const width = Math.max(0, ...rows.map((row) => row.length));
  return Array.from({ length: width }, (_, c) => rows.map((row) => row[c]));
}

function trimTrailing<T>(items: T[], isEmpty: (item: T) => boolean): T[] {
  let end = items.length;
  while (end > 0 && isEmpty(items[end - 1] as T)) end -= 1;
  return items.slice(0, end);
}

function renderCell(cell: FakeCell | undefined, options: RenderOptions): OutCell | undefined {
  if (cell === null || cell === undefined || cell === '') return undefined;
  const formatted = options.value === 'FORMATTED_VALUE';
  if (typeof cell === 'object') {
    return formatted || options.date === 'FORMATTED_STRING'
      ? formatDate(cell.date, options.locale)
      : dateSerial(cell.date);
  }
  if (!formatted) return cell;
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (typeof cell === 'number') return formatNumber(cell, options.locale);
  return cell;
}

/** Days since 1899-12-30, the Sheets (and Lotus) epoch. */
export function dateSerial(iso: string): number {
  const ms = Date.parse(`${iso}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new Error(`not an ISO date: ${iso}`);
  return Math.round((ms - Date.UTC(1899, 11, 30)) / 86_400_000);
}

// Approximates Sheets' automatic formats with Intl: `30/11/2026` for it_IT, `11/30/2026` for en_US.
function formatDate(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  );
}

function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(intlLocale(locale), { useGrouping: false, maximumFractionDigits: 10 }).format(
    value,
  );
}

function intlLocale(locale: string): string {
  const tag = locale.replace('_', '-');
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? 'en-US';
  } catch {
    return 'en-US';
  }
}

function append(spreadsheet: Spreadsheet, rangeText: string, request: FakeRequest): unknown {
  const inputOption = param(request, 'valueInputOption');
  if (inputOption === undefined || inputOption === '') {
    throw new RequestError(400, 'INVALID_ARGUMENT', "'valueInputOption' is required but not specified");
  }
  if (inputOption !== 'RAW' && inputOption !== 'USER_ENTERED') {
    throw new RequestError(
      400,
      'INVALID_ARGUMENT',
      `Invalid value at 'value_input_option' (type.googleapis.com/google.apps.sheets.v4.ValueInputOption), "${inputOption}"`,
    );
  }
  const insert = enumParam(request, 'insertDataOption', ['OVERWRITE', 'INSERT_ROWS'], 'InsertDataOption');
  const body = (request.body ?? {}) as { range?: unknown; majorDimension?: unknown; values?: unknown };
  if (typeof body !== 'object' || body === null) {
    throw new RequestError(400, 'INVALID_ARGUMENT', 'Invalid JSON payload received.');
  }
  const { tab, grid } = resolveRange(spreadsheet, rangeText);
  if (typeof body.range === 'string' && body.range !== '') {
    const other = resolveRange(spreadsheet, body.range);
    if (other.tab !== tab || formatCells(other.grid) !== formatCells(grid)) {
      throw new RequestError(
        400,
        'INVALID_ARGUMENT',
        `Invalid request: the range in the body (${body.range}) does not match the range in the URL (${rangeText})`,
      );
    }
  }
  const inputRows = toRows(body.values, body.majorDimension === 'COLUMNS');
  const entered = inputRows.map((row, i) => row.map((value, j) => enterValue(value, inputOption, i, j)));

  const table = findTable(tab, grid);
  const tableRange = table ? formatRange(tab.title, table) : undefined;
  const writeRow = table ? table.endRow + 1 : grid.startRow;
  const writeCol = table ? table.startCol : grid.startCol;
  const height = entered.length;
  const width = Math.max(0, ...entered.map((row) => row.length));
  const updates: Record<string, unknown> = { spreadsheetId: spreadsheet.id };
  if (height > 0 && width > 0) {
    const written: GridRange = {
      startRow: writeRow,
      startCol: writeCol,
      endRow: writeRow + height - 1,
      endCol: writeCol + width - 1,
    };
    if (written.endCol > tab.columnCount) {
      throw new RequestError(
        400,
        'INVALID_ARGUMENT',
        `Range (${quoteSheetTitle(tab.title)}!${formatCells({ ...written, startRow: written.endRow, startCol: written.endCol })}) exceeds grid limits. Max rows: ${tab.rowCount}, max columns: ${tab.columnCount}`,
      );
    }
    if (insert === 'INSERT_ROWS') {
      // New rows go in after the table; anything below moves down, and the grid grows.
      while (tab.rows.length < writeRow - 1) tab.rows.push([]);
      tab.rows.splice(writeRow - 1, 0, ...entered.map(() => []));
      tab.rowCount += height;
    } else {
      tab.rowCount = Math.max(tab.rowCount, written.endRow);
    }
    let cells = 0;
    const touchedColumns = new Set<number>();
    let touchedRows = 0;
    for (const [i, values] of entered.entries()) {
      while (tab.rows.length < writeRow + i) tab.rows.push([]);
      const target = tab.rows[writeRow - 1 + i] as FakeCell[];
      let rowTouched = false;
      for (const [j, value] of values.entries()) {
        // null in `values` means "leave this cell as it is", as in the API.
        if (value === undefined) continue;
        while (target.length < writeCol + j - 1) target.push(null);
        target[writeCol - 1 + j] = value;
        cells += 1;
        rowTouched = true;
        touchedColumns.add(j);
      }
      if (rowTouched) touchedRows += 1;
    }
    Object.assign(updates, {
      updatedRange: formatRange(tab.title, written),
      updatedRows: touchedRows,
      updatedColumns: touchedColumns.size,
      updatedCells: cells,
    });
    if (param(request, 'includeValuesInResponse') === 'true') {
      const options = renderOptions(request, 'responseValueRenderOption', 'responseDateTimeRenderOption');
      const values = renderGrid(tab, written, { ...options, dimension: 'ROWS', locale: spreadsheet.locale });
      updates['updatedData'] = {
        range: formatRange(tab.title, written),
        majorDimension: 'ROWS',
        ...(values.length > 0 ? { values } : {}),
      };
    }
  }
  return tableRange === undefined
    ? { spreadsheetId: spreadsheet.id, updates }
    : { spreadsheetId: spreadsheet.id, tableRange, updates };
}

const isEmptyCell = (cell: FakeCell | undefined): boolean =>
  cell === null || cell === undefined || cell === '';

/**
 * The "table" values.append appends to, approximating the API: it starts at
 * the first non-empty cell inside the range, runs down through contiguous
 * non-empty rows (past the range's end, so `Reminders!A1` finds the whole log)
 * and is as wide as the data in those rows. A blank row ends the table, which
 * is why the real API appends into the first gap of a sheet with blank rows.
 */
function findTable(tab: Tab, grid: GridRange): GridRange | undefined {
  let top: { row: number; col: number } | undefined;
  const scanEnd = Math.min(grid.endRow, tab.rows.length);
  for (let r = grid.startRow; r <= scanEnd && !top; r += 1) {
    const row = tab.rows[r - 1] ?? [];
    for (let c = grid.startCol; c <= Math.min(grid.endCol, row.length); c += 1) {
      if (!isEmptyCell(row[c - 1])) {
        top = { row: r, col: c };
        break;
      }
    }
  }
  if (!top) return undefined;
  let endRow = top.row;
  let endCol = top.col;
  for (let r = top.row; r <= tab.rows.length; r += 1) {
    const row = tab.rows[r - 1] ?? [];
    let last = 0;
    for (let c = top.col; c <= row.length; c += 1) if (!isEmptyCell(row[c - 1])) last = c;
    if (last === 0) break;
    endRow = r;
    endCol = Math.max(endCol, last);
  }
  return { startRow: top.row, startCol: top.col, endRow, endCol };
}

function toRows(values: unknown, columns: boolean): unknown[][] {
  if (values === undefined) return [];
  if (!Array.isArray(values) || !values.every((row) => Array.isArray(row))) {
    throw new RequestError(
      400,
      'INVALID_ARGUMENT',
      "Invalid JSON payload received. Invalid value at 'data.values'",
    );
  }
  const rows = values as unknown[][];
  if (!columns) return rows;
  const height = Math.max(0, ...rows.map((col) => col.length));
  return Array.from({ length: height }, (_, r) => rows.map((col) => col[r]));
}

/**
 * How Sheets stores what a client sends. USER_ENTERED parses the way typing
 * into a cell does, approximated: numbers, TRUE/FALSE, ISO dates, and a
 * leading apostrophe that forces text. Formulas are kept as their text (the
 * fake does not calculate). undefined = leave the cell as it is.
 */
function enterValue(
  value: unknown,
  option: 'RAW' | 'USER_ENTERED',
  i: number,
  j: number,
): FakeCell | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value !== 'string') {
    throw new RequestError(400, 'INVALID_ARGUMENT', `Invalid values[${i}][${j}]: ${JSON.stringify(value)}`);
  }
  if (option === 'RAW') return value;
  if (value.startsWith("'")) return value.slice(1);
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(value.trim())) return Number(value);
  if (/^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === 'true';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value.trim()) && !Number.isNaN(Date.parse(value.trim()))) {
    return { date: value.trim() };
  }
  return value;
}

/**
 * values.batchUpdate (https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets.values/batchUpdate):
 * each ValueRange's values are written from its range's top-left cell and must fit inside
 * the range; `null` leaves a cell as it is, `""` empties it; RAW stores strings as sent
 * (a leading `=` stays text), USER_ENTERED parses them as typing does. The request is
 * applied whole or not at all: every range is checked before any cell is set, and a
 * refused range answers 400 naming its place in `data`, as the API words it ("Invalid
 * data[0]: …"). The request body's shape and the write scope are the discovery
 * document's (checked before this runs).
 */
function batchUpdate(spreadsheet: Spreadsheet, request: FakeRequest): unknown {
  const body = (request.body ?? {}) as {
    valueInputOption?: string;
    data?: { range?: string; majorDimension?: string; values?: unknown }[];
    includeValuesInResponse?: boolean;
    responseValueRenderOption?: ValueRender;
    responseDateTimeRenderOption?: DateRender;
  };
  const option = body.valueInputOption;
  // "The caller must specify the spreadsheet ID, a valueInputOption, and one or more
  // ValueRanges" (the method's reference); INPUT_VALUE_OPTION_UNSPECIFIED "must not be used"
  // (ValueInputOption's). The refusals' words are the fake's own, naming the rule.
  if (option !== 'RAW' && option !== 'USER_ENTERED') {
    throw new RequestError(
      400,
      'INVALID_ARGUMENT',
      `Invalid valueInputOption: ${option ?? 'INPUT_VALUE_OPTION_UNSPECIFIED'} (RAW or USER_ENTERED must be specified)`,
    );
  }
  const data = body.data ?? [];
  if (data.length === 0) {
    throw new RequestError(
      400,
      'INVALID_ARGUMENT',
      'Invalid request: one or more ValueRanges must be specified',
    );
  }
  const planned = data.map((vr, index) => {
    const invalid = (message: string) =>
      new RequestError(400, 'INVALID_ARGUMENT', `Invalid data[${index}]: ${message}`);
    let resolved: Resolved;
    try {
      resolved = resolveRange(spreadsheet, vr.range ?? '');
    } catch (error) {
      if (error instanceof RequestError) throw invalid(error.message);
      throw error;
    }
    const { tab, grid } = resolved;
    const rows = toRows(vr.values, vr.majorDimension === 'COLUMNS').map((row, i) =>
      row.map((value, j) => enterValue(value, option, i, j)),
    );
    const asked = `${formatRange(tab.title, grid)}`;
    for (const [i, row] of rows.entries()) {
      if (grid.startRow + i > grid.endRow) {
        throw invalid(
          `Requested writing within range [${asked}], but tried writing to row [${grid.startRow + i}]`,
        );
      }
      if (grid.startCol + row.length - 1 > grid.endCol) {
        throw invalid(
          `Requested writing within range [${asked}], but tried writing to column [${columnLetters(grid.startCol + row.length - 1)}]`,
        );
      }
    }
    return { tab, grid, rows };
  });

  const responses = planned.map(({ tab, grid, rows }) => {
    let cells = 0;
    const touchedRows = new Set<number>();
    const touchedCols = new Set<number>();
    for (const [i, values] of rows.entries()) {
      const r = grid.startRow + i;
      while (tab.rows.length < r) tab.rows.push([]);
      const target = tab.rows[r - 1] as FakeCell[];
      for (const [j, value] of values.entries()) {
        if (value === undefined) continue;
        const c = grid.startCol + j;
        while (target.length < c - 1) target.push(null);
        target[c - 1] = value === '' ? null : value;
        cells += 1;
        touchedRows.add(r);
        touchedCols.add(c);
      }
    }
    const response: Record<string, unknown> = { spreadsheetId: spreadsheet.id };
    if (cells > 0) {
      const written: GridRange = {
        startRow: Math.min(...touchedRows),
        startCol: Math.min(...touchedCols),
        endRow: Math.max(...touchedRows),
        endCol: Math.max(...touchedCols),
      };
      Object.assign(response, {
        updatedRange: formatRange(tab.title, written),
        updatedRows: touchedRows.size,
        updatedColumns: touchedCols.size,
        updatedCells: cells,
      });
    }
    if (body.includeValuesInResponse === true) {
      const values = renderGrid(tab, grid, {
        value: body.responseValueRenderOption ?? 'FORMATTED_VALUE',
        date: body.responseDateTimeRenderOption ?? 'SERIAL_NUMBER',
        dimension: 'ROWS',
        locale: spreadsheet.locale,
      });
      response['updatedData'] = {
        range: formatRange(tab.title, grid),
        majorDimension: 'ROWS',
        ...(values.length > 0 ? { values } : {}),
      };
    }
    return { response, cells, tab, rows: touchedRows, cols: touchedCols };
  });
  const sum = (f: (r: (typeof responses)[number]) => number) => responses.reduce((n, r) => n + f(r), 0);
  const rowKeys = new Set(responses.flatMap((r) => [...r.rows].map((n) => `${r.tab.title}|${n}`)));
  const colKeys = new Set(responses.flatMap((r) => [...r.cols].map((n) => `${r.tab.title}|${n}`)));
  const sheets = new Set(responses.filter((r) => r.cells > 0).map((r) => r.tab.title));
  return {
    spreadsheetId: spreadsheet.id,
    totalUpdatedRows: rowKeys.size,
    totalUpdatedColumns: colKeys.size,
    totalUpdatedCells: sum((r) => r.cells),
    totalUpdatedSheets: sheets.size,
    responses: responses.map((r) => r.response),
  };
}
