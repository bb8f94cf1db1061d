/**
 * What can go wrong talking to the Sheets API, as codes the UI turns into words. A code says
 * what the user (or the extension) can do about it: sign in, fix the sharing, fix the URL,
 * or wait while the extension retries.
 */
import * as z from 'zod';

export const SHEETS_ERROR_CODES = [
  /** No token and none can be had without the user: sign in. */
  'signed_out',
  /** Google refused a fresh token too (401 twice): sign in again. */
  'auth',
  /** The token lacks the scope (logging was turned on after a read-only sign-in): sign in again. */
  'scope',
  /** 403: the signed-in account may not open this spreadsheet. */
  'forbidden',
  /** 404: no spreadsheet with this ID. */
  'not_found',
  /** 400 on a range: a tab was renamed or deleted since the metadata was read. */
  'range',
  /** Any other 400: a request the API refused. */
  'bad_request',
  /** 429: the per-user quota. */
  'rate_limited',
  /** 5xx. */
  'server',
  /** No answer in time. */
  'timeout',
  /** The request never reached Google (DNS, TLS, connection reset). */
  'network',
  /** The browser says it is offline; nothing was sent. */
  'offline',
  /** An answer that is not the shape the API documents. */
  'bad_response',
  /** The build has no OAuth client id for this browser. */
  'no_client_id',
] as const;
export const SheetsErrorCode = z.enum(SHEETS_ERROR_CODES);
export type SheetsErrorCode = z.infer<typeof SheetsErrorCode>;

/** Worth retrying later by itself; the others need the user. */
const TRANSIENT: ReadonlySet<SheetsErrorCode> = new Set([
  'rate_limited',
  'server',
  'timeout',
  'network',
  'offline',
]);

export function isTransient(code: SheetsErrorCode): boolean {
  return TRANSIENT.has(code);
}

export class SheetsError extends Error {
  constructor(
    readonly code: SheetsErrorCode,
    /** HTTP status, or null when there was no answer. */
    readonly status: number | null = null,
    /** Google's own message (`error.message` of the answer), for the detail line. */
    readonly detail = '',
    /** From Retry-After, when Google sent one. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'SheetsError';
  }
}

/** The error code for an HTTP status and Google's message. */
export function codeForStatus(status: number, message: string): SheetsErrorCode {
  if (status === 401) return 'auth';
  if (status === 403) return /insufficient authentication scopes/i.test(message) ? 'scope' : 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server';
  if (status === 400 && /unable to parse range/i.test(message)) return 'range';
  return 'bad_request';
}
