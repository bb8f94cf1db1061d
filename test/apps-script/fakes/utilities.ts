/** Utilities, Logger and the console the code under test writes to. */
import { counted } from './call-log.ts';
import type { FakeEnv } from './env.ts';
import { appsScriptError, isDate, requireInteger, signatureError } from './env.ts';
import { formatPattern } from './zoned-time.ts';

export class FakeUtilities implements Partial<GoogleAppsScript.Utilities.Utilities> {
  private uuids = 0;

  constructor(private readonly env: FakeEnv) {
    return counted(this, 'Utilities', env.calls);
  }

  /** Java SimpleDateFormat letters y M d H m s S and quoted text, e.g. `yyyy-MM-dd'T'HH:mm:ss`. */
  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    if (!isDate(date) || typeof timeZone !== 'string' || typeof format !== 'string') {
      throw signatureError(this.env, 'Utilities.formatDate', [date, timeZone, format]);
    }
    try {
      return formatPattern((date as Date).getTime(), timeZone, format);
    } catch (error) {
      throw appsScriptError(this.env, `Utilities.formatDate: ${(error as Error).message}`);
    }
  }

  /** Passes no real time: moves the fake clock forward instead. */
  sleep(milliseconds: number): void {
    this.env.clock.advance(requireInteger(this.env, milliseconds));
  }

  /** Deterministic v4-shaped ids, so tests can assert on them. */
  getUuid(): string {
    this.uuids += 1;
    return `00000000-0000-4000-8000-${this.uuids.toString(16).padStart(12, '0')}`;
  }
}

function substitute(format: unknown, values: readonly unknown[]): string {
  if (values.length === 0)
    return typeof format === 'string' ? format : (JSON.stringify(format) ?? String(format));
  let i = 0;
  return String(format).replace(/%s/g, () => String(values[i++]));
}

export class LoggerModel {
  readonly lines: string[] = [];
}

/** Logger.log(data) or Logger.log(format, ...values) with `%s` placeholders. */
export class FakeLogger implements Partial<GoogleAppsScript.Base.Logger> {
  constructor(
    env: FakeEnv,
    readonly model: LoggerModel,
  ) {
    return counted(this, 'Logger', env.calls);
  }

  log(format: unknown, ...values: unknown[]): GoogleAppsScript.Base.Logger {
    this.model.lines.push(substitute(format, values));
    return this as unknown as GoogleAppsScript.Base.Logger;
  }
  getLog(): string {
    return this.model.lines.join('\n');
  }
  clear(): void {
    this.model.lines.length = 0;
  }
}

export interface ConsoleEntry {
  level: 'log' | 'info' | 'warn' | 'error';
  args: unknown[];
}

/**
 * The console inside the bundle: entries are kept for assertions and not printed, so test
 * output stays readable; `echo` prints them too, for debugging a handler. Not counted:
 * Apps Script's console writes to Cloud Logging without a service round trip.
 */
export function captureConsole(
  entries: ConsoleEntry[],
  echo = false,
): Pick<Console, 'log' | 'info' | 'warn' | 'error'> {
  const write =
    (level: ConsoleEntry['level']) =>
    (...args: unknown[]) => {
      entries.push({ level, args });
      if (echo) console[level]('[Apps Script]', ...args);
    };
  return { log: write('log'), info: write('info'), warn: write('warn'), error: write('error') };
}
