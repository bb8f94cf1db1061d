/**
 * Everything that writes runs under the document lock: the onEdit recompute, the daily
 * trigger, a menu click and a sidebar action may all run at once, and each must read the
 * ledger as the one before it left it.
 */
import type { Services } from '../services.ts';
import { UserError } from './ledger.ts';

/** How long each kind of run waits for the lock, in milliseconds. */
export const LOCK_WAIT = {
  /** A simple trigger has 30 s in all; a later edit recomputes again anyway. */
  edit: 10_000,
  /** The user is waiting on a click. */
  interactive: 30_000,
  /** Nobody is waiting; a manual run may be drafting right now. */
  trigger: 120_000,
} as const;

export const BUSY_MESSAGE =
  'Payladder is busy with another run on this spreadsheet (the daily run, or another user). Try again in a minute.';

/** Runs `fn` under the document lock, or throws a UserError when the lock stays taken. */
export function locked<T>(services: Services, waitMs: number, fn: () => T): T {
  const result = services.withDocumentLock(waitMs, fn);
  if (!result.ok) throw new UserError(BUSY_MESSAGE);
  return result.value;
}
