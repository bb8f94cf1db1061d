/**
 * What every fake shares: the call log, the clock, the realm the code under test runs in,
 * and the execution's authorization. One `FakeEnv` per simulated execution context.
 */
import type { CallLog } from './call-log.ts';
import type { FakeAuthMode, FakeRuntime } from './runtime.ts';

export type { FakeAuthMode } from './runtime.ts';

/**
 * Constructors of the realm the code under test runs in. The bundle runs in a Node `vm`
 * context with its own intrinsics, where a Date made here fails `instanceof Date` (and zod's
 * `z.date()` uses instanceof). So the fakes make every Date and Error they hand out with
 * these constructors; `createFakes` uses this realm's until the harness binds the vm's.
 */
export interface FakeRealm {
  readonly Date: DateConstructor;
  readonly Error: ErrorConstructor;
}

export const NODE_REALM: FakeRealm = { Date, Error };

/** "Now" for the fakes and for `new Date()` inside the bundle; tests set and advance it. */
export class FakeClock {
  private ms: number;

  constructor(now: Date | string | number) {
    this.ms = toMillis(now);
  }

  /** Milliseconds since the epoch. */
  now(): number {
    return this.ms;
  }

  set(now: Date | string | number): void {
    this.ms = toMillis(now);
  }

  /** Moves time forward (Utilities.sleep, lock waits and the runtime's cost model do this). */
  advance(ms: number): void {
    this.ms += ms;
    this.spent += ms;
  }

  /**
   * Milliseconds that passed through `advance` since the clock was made: the time an
   * execution spends, which `set` (a test jumping to another day) does not add to.
   */
  spent = 0;
}

function toMillis(now: Date | string | number): number {
  const ms = typeof now === 'number' ? now : isDate(now) ? now.getTime() : Date.parse(now);
  if (!Number.isFinite(ms)) throw new RangeError(`FakeClock: not a time: ${String(now)}`);
  return ms;
}

export interface FakeEnv {
  readonly calls: CallLog;
  readonly clock: FakeClock;
  realm: FakeRealm;
  /** The execution's auth mode (from `runtime.kind`); setting it starts that kind of run. */
  authMode: FakeAuthMode;
  /** False in time-driven triggers, where SpreadsheetApp.getUi() throws. */
  uiAvailable: boolean;
  /** False in an add-on's time-driven trigger: getActiveSpreadsheet() is null there. */
  readonly activeDocument: boolean;
  /** Scopes, auth modes and time limits (runtime.ts). */
  readonly runtime: FakeRuntime;
}

/** Cross-realm date test: `instanceof Date` is false for the other realm's dates. */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/**
 * An error as Apps Script throws it (`String(e)` reads `Exception: ...`), made in the code
 * under test's realm so its `instanceof Error` holds there.
 */
export function appsScriptError(env: FakeEnv, message: string): Error {
  const error = new env.realm.Error(message);
  error.name = 'Exception';
  return error;
}

/** Apps Script's answer to arguments of the wrong types or count. */
export function signatureError(env: FakeEnv, method: string, args: readonly unknown[]): Error {
  const types = args.map((a) => (a === null ? 'null' : Array.isArray(a) ? 'number[]' : typeof a)).join(',');
  return appsScriptError(env, `The parameters (${types}) don't match the method signature for ${method}.`);
}

/** Throws as Apps Script does when the execution's auth mode does not allow `method`. */
export function requireAuth(env: FakeEnv, method: string): void {
  if (env.authMode === 'NONE') {
    throw appsScriptError(
      env,
      `You do not have permission to call ${method} (AuthMode.NONE: an add-on's onOpen before the user has used it in this file may only create menus).`,
    );
  }
}

/** A whole number Apps Script accepts as an Integer argument. */
export function requireInteger(env: FakeEnv, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw appsScriptError(env, `Cannot convert '${String(value)}' to int.`);
  }
  return value;
}

// Apps Script enum members are opaque objects compared by identity whose String() is the
// member's name; names as strings keep that behaviour and make logs readable.
function enumOf<const Names extends readonly string[]>(names: Names): { readonly [N in Names[number]]: N } {
  return Object.freeze(Object.fromEntries(names.map((n) => [n, n]))) as { readonly [N in Names[number]]: N };
}

export const Button = enumOf(['CLOSE', 'OK', 'CANCEL', 'YES', 'NO']);
export const ButtonSet = enumOf(['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL']);
export const AuthMode = enumOf(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL']);
export const TriggerSource = enumOf(['SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR']);
export const EventType = enumOf([
  'CLOCK',
  'ON_OPEN',
  'ON_EDIT',
  'ON_FORM_SUBMIT',
  'ON_CHANGE',
  'ON_EVENT_UPDATED',
]);
export const InstallationSource = enumOf(['APPS_MARKETPLACE_DOMAIN_ADD_ON', 'NONE', 'WEB_STORE_ADD_ON']);
export const XFrameOptionsMode = enumOf(['ALLOWALL', 'DEFAULT']);
export const SandboxMode = enumOf(['EMULATED', 'IFRAME', 'NATIVE']);
export const BorderStyle = enumOf(['DOTTED', 'DASHED', 'SOLID', 'SOLID_MEDIUM', 'SOLID_THICK', 'DOUBLE']);
export const ProtectionType = enumOf(['RANGE', 'SHEET']);
export const WrapStrategy = enumOf(['WRAP', 'OVERFLOW', 'CLIP']);
export const BooleanCriteria = enumOf([
  'CELL_EMPTY',
  'CELL_NOT_EMPTY',
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_EQUAL_TO',
  'DATE_AFTER_RELATIVE',
  'DATE_BEFORE_RELATIVE',
  'DATE_EQUAL_TO_RELATIVE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_STARTS_WITH',
  'TEXT_ENDS_WITH',
  'CUSTOM_FORMULA',
]);
export const DataValidationCriteria = enumOf([
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_BETWEEN',
  'DATE_EQUAL_TO',
  'DATE_IS_VALID_DATE',
  'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER',
  'DATE_ON_OR_BEFORE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL',
  'VALUE_IN_LIST',
  'VALUE_IN_RANGE',
  'CUSTOM_FORMULA',
  'CHECKBOX',
]);
