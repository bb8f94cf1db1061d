/**
 * The record of every Apps Script call the code under test made. Each service call in
 * production is a round trip (Sheets calls cost tens of milliseconds each), so tests and
 * the benchmark assert on counts: `calls.count('Range.setValues')`, `calls.count('Range')`,
 * `calls.total()`, `calls.cellsWritten`.
 */

export interface CallEntry {
  /** Position in the log, from 0. */
  readonly seq: number;
  /** The Apps Script class, e.g. `Range`, `SpreadsheetApp`, `Lock`. */
  readonly service: string;
  readonly method: string;
  /** What the call was made on, e.g. `Milestones!A2:M40`, when the fake can say. */
  readonly target: string | undefined;
  readonly args: readonly unknown[];
  /** Cells whose value this call wrote (setValue, setValues, appendRow, clearContent). */
  cells: number;
  /** The message, when the call threw. */
  error: string | undefined;
}

/** Checks run around every counted call (runtime.ts): they may refuse it by throwing. */
export interface CallGuard {
  before(service: string, method: string, args: readonly unknown[]): void;
  after(method: string, result: unknown): void;
}

export class CallLog {
  readonly entries: CallEntry[] = [];
  /** Set by createFakes; calls made while paused (uncounted) are not guarded. */
  guard: CallGuard | undefined;
  private written = 0;
  private paused = 0;

  /** Called by the counting proxy before the method runs, so a call that throws still counts. */
  record(
    service: string,
    method: string,
    target: string | undefined,
    args: readonly unknown[],
  ): CallEntry | null {
    if (this.paused > 0) return null;
    const entry: CallEntry = {
      seq: this.entries.length,
      service,
      method,
      target,
      args,
      cells: 0,
      error: undefined,
    };
    this.entries.push(entry);
    return entry;
  }

  /** Called by write methods of the fakes; attributed to the call in progress. */
  noteCellsWritten(cells: number): void {
    if (this.paused > 0) return;
    this.written += cells;
    const last = this.entries.at(-1);
    if (last) last.cells += cells;
  }

  /**
   * Calls matching `key`: `'Range.setValues'` (one method), `'Range'` (every method of a
   * service), or nothing (all calls).
   */
  count(key?: string): number {
    if (key === undefined) return this.entries.length;
    const match = key.includes('.')
      ? (e: CallEntry) => `${e.service}.${e.method}` === key
      : (e: CallEntry) => e.service === key;
    return this.entries.filter(match).length;
  }

  total(): number {
    return this.entries.length;
  }

  /** Cells written through setValue(s), appendRow and clearContent since the last reset. */
  get cellsWritten(): number {
    return this.written;
  }

  /** `{ 'Range.getValues': 3, ... }`, most frequent first. */
  byMethod(): Record<string, number> {
    const counts = new Map<string, number>();
    for (const e of this.entries) {
      const key = `${e.service}.${e.method}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return Object.fromEntries([...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
  }

  /** The calls matching `key` (same forms as `count`), for asserting on arguments. */
  list(key?: string): CallEntry[] {
    if (key === undefined) return [...this.entries];
    return this.entries.filter((e) =>
      key.includes('.') ? `${e.service}.${e.method}` === key : e.service === key,
    );
  }

  /** Runs `read` without recording: lets a test inspect the fakes through their API. */
  uncounted<T>(read: () => T): T {
    this.paused += 1;
    try {
      return read();
    } finally {
      this.paused -= 1;
    }
  }

  reset(): void {
    this.entries.length = 0;
    this.written = 0;
  }

  /** One line per method, for a failing assertion's message or a benchmark printout. */
  summary(): string {
    const lines = Object.entries(this.byMethod()).map(([key, n]) => `${String(n).padStart(6)}  ${key}`);
    lines.push(`total: ${this.total()} calls, ${this.cellsWritten} cells written`);
    return lines.join('\n');
  }
}

/** Symbol-keyed so it is invisible to the code under test: a fake's label for log entries. */
export const describeTarget: unique symbol = Symbol('describeTarget');

export interface Describable {
  [describeTarget]?(): string;
}

// Conversions are not service calls: String(range) or JSON.stringify(range) count nothing.
const NOT_CALLS = new Set(['constructor', 'toString', 'toJSON', 'valueOf']);

/**
 * Wraps a fake so every method call on it is recorded under `service` before it runs.
 * Methods run on the unwrapped object, so a fake's internal calls to its own methods are
 * not counted; a method returning its own object (fluent setters) returns the wrapper, so
 * chained calls are counted too. Data properties and getters are never counted: tests use
 * them to look inside.
 */
export function counted<T extends object>(target: T, service: string, calls: CallLog): T {
  const proxy: T = new Proxy(target, {
    get(obj, key, receiver) {
      const value: unknown = Reflect.get(obj, key, receiver);
      if (typeof key !== 'string' || typeof value !== 'function' || NOT_CALLS.has(key)) return value;
      const method = value as (...args: unknown[]) => unknown;
      return (...args: unknown[]) => {
        const label = (obj as Describable)[describeTarget]?.();
        const entry = calls.record(service, key, label, args);
        try {
          if (entry) calls.guard?.before(service, key, args);
          const result = method.apply(obj, args);
          if (entry) calls.guard?.after(key, result);
          return result === obj ? proxy : result;
        } catch (error) {
          if (entry) entry.error = messageOf(error);
          throw error;
        }
      };
    },
  });
  return proxy;
}

// Errors thrown by the fakes are made in the bundle's realm, where `instanceof Error`
// against this realm's Error is false; read the message structurally.
function messageOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'message' in error) return String(error.message);
  return String(error);
}
