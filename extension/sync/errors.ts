/** Any failure → the serializable `SyncError` the popup and the badge show. */
import { AuthError } from '../auth/auth.ts';
import type { SheetsErrorCode } from '../sheets/errors.ts';
import { SheetsError, isTransient } from '../sheets/errors.ts';
import type { SyncError, SyncErrorCode } from './items.ts';

export interface ErrorPlace {
  spreadsheetId: string | null;
  sheetTitle: string | null;
  at: number;
}

export function syncError(
  code: SyncErrorCode,
  place: ErrorPlace,
  status: number | null = null,
  detail = '',
): SyncError {
  return { code, status, detail, ...place };
}

export function toSyncError(error: unknown, place: ErrorPlace): SyncError {
  if (error instanceof SheetsError) return syncError(error.code, place, error.status, error.detail);
  if (error instanceof AuthError) {
    return syncError(error.code === 'no_client_id' ? 'no_client_id' : 'signed_out', place);
  }
  // Only the message: a stack names no ledger data, but nothing else is needed to report it.
  return syncError('internal', place, null, error instanceof Error ? error.message : String(error));
}

/** Failures the extension retries by itself, with backoff. */
export function isRetryable(code: SyncErrorCode): boolean {
  return (
    code !== 'not_configured' &&
    code !== 'no_reminders_tab' &&
    code !== 'internal' &&
    isTransient(code as SheetsErrorCode)
  );
}

/** An append that failed this way may still have been applied. */
export function isUncertain(code: SyncErrorCode): boolean {
  return code === 'server' || code === 'timeout' || code === 'network';
}
