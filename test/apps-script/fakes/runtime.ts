/**
 * What Google's runtime refuses, enforced on every counted call of the fakes:
 *  - scopes: a method whose reference lists scopes (scopes.ts) needs one of them granted by
 *    the manifest, `apps-script/appsscript.json`;
 *  - auth mode: what the kind of execution may call (an add-on's onOpen in NONE: menus
 *    only; simple triggers in LIMITED: nothing that needs authorization);
 *  - time: each call costs modelled milliseconds on the fake clock (COSTS), and a call made
 *    past the execution's limit fails as Apps Script stops the script; time-driven runs add
 *    up against the daily trigger-runtime quota.
 *
 * Limits are Google's published quotas (https://developers.google.com/apps-script/guides/services/quotas,
 * consumer accounts, seen 2026-12). The per-call costs are MODELLED, not measured: Google
 * publishes no per-call latency, so they are round numbers of the order seen in execution
 * logs (a Sheets round trip tens of milliseconds, creating a Gmail draft about a second).
 * They make the limits bite in tests and give the benchmark an order of magnitude; they do
 * not say what a run takes on Google's servers. JavaScript time in the bundle is not counted.
 */
import type { FakeClock } from './env.ts';
import { scopesOf } from './scopes.ts';

export const QUOTAS_PAGE = 'https://developers.google.com/apps-script/guides/services/quotas';

/** Published limits (quotas page, consumer accounts). */
export const LIMITS = {
  /** Simple triggers (onOpen, onEdit): 30 s. */
  simpleTriggerMs: 30_000,
  /** Script runtime per execution: 6 min. */
  executionMs: 6 * 60_000,
  /** Total runtime of triggers per user per day: 90 min. */
  triggerRuntimePerDayMs: 90 * 60_000,
} as const;

/** Modelled milliseconds per call, by Apps Script class (see the file's comment). */
export const COSTS: Readonly<Record<string, number>> = {
  SpreadsheetApp: 50,
  Spreadsheet: 50,
  Sheet: 50,
  Range: 50,
  Protection: 50,
  'Gmail.Users': 300,
  'Gmail.Users.Drafts': 300,
  GmailApp: 300,
  Properties: 20,
  PropertiesService: 5,
  Lock: 10,
  LockService: 5,
  ScriptApp: 100,
  ClockTriggerBuilder: 0,
  Trigger: 5,
  Session: 5,
  CacheService: 5,
  Cache: 10,
};
/** Creating a Gmail draft: about a second, as the code in handlers/drafts.ts assumes. */
export const DRAFT_CREATE_MS = 1_000;
/** Cells read or written by one getValues/setValues: 1 ms per 1,000 cells on top of the call. */
export const MS_PER_1000_CELLS = 1;

/**
 * How Apps Script runs a function: from a menu or the sidebar (FULL), as an add-on's onOpen
 * before it was used in the file (NONE), as a simple trigger (LIMITED), or from an
 * installable time-driven trigger (FULL, no UI, and for an add-on no active document).
 */
export type ExecutionKind = 'menu' | 'onOpen-none' | 'onOpen-limited' | 'onEdit' | 'time-driven';

export type FakeAuthMode = 'FULL' | 'LIMITED' | 'NONE';

const AUTH_MODE: Record<ExecutionKind, FakeAuthMode> = {
  menu: 'FULL',
  'onOpen-none': 'NONE',
  'onOpen-limited': 'LIMITED',
  onEdit: 'LIMITED',
  'time-driven': 'FULL',
};

/**
 * What AuthMode.NONE allows: building the add-on menu (authorization lifecycle guide,
 * https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle).
 */
const NONE_ALLOWS = new Set([
  'SpreadsheetApp.getUi',
  'Ui.createAddonMenu',
  'Ui.createMenu',
  'Menu.addItem',
  'Menu.addSeparator',
  'Menu.addSubMenu',
  'Menu.addToUi',
]);

/**
 * Simple triggers "can modify the file they are bound to, but cannot access other files
 * because that would require authorization", and cannot call services that need
 * authorization (https://developers.google.com/apps-script/guides/triggers#restrictions):
 * in LIMITED a method may need no scope or only the current document's.
 */
const LIMITED_SCOPES = new Set(['https://www.googleapis.com/auth/spreadsheets.currentonly']);

export class RuntimeError extends Error {}

export interface RuntimeOptions {
  clock: FakeClock;
  /** The manifest's oauthScopes. */
  granted: readonly string[];
  /** Makes an error in the code under test's realm. */
  error(message: string): Error;
  /** False: calls cost no time (tests of the fakes' own clocks). Default true. */
  modelTime?: boolean;
}

export class FakeRuntime {
  readonly granted: ReadonlySet<string>;
  kind: ExecutionKind = 'menu';
  /** `clock.spent` when the execution started. */
  private started: number;
  /** Trigger runtime used per day (UTC day the run ended), in ms. */
  private readonly triggerMs = new Map<string, number>();
  /** Modelled ms charged in the current execution. */
  charged = 0;
  /**
   * Set when a call ran past the limit. Apps Script kills the script there; in the fakes the
   * error could be caught by the code under test, so the harness checks this after a run.
   */
  killed = false;

  constructor(private readonly options: RuntimeOptions) {
    this.granted = new Set(options.granted);
    this.started = options.clock.spent;
  }

  get authMode(): FakeAuthMode {
    return AUTH_MODE[this.kind];
  }

  get limitMs(): number {
    return this.kind === 'onEdit' || this.kind.startsWith('onOpen')
      ? LIMITS.simpleTriggerMs
      : LIMITS.executionMs;
  }

  /** Starts an execution of `kind`; throws when today's trigger runtime is used up. */
  start(kind: ExecutionKind): void {
    this.kind = kind;
    this.started = this.options.clock.spent;
    this.charged = 0;
    this.killed = false;
    if (kind === 'time-driven' && this.triggerRuntimeToday() >= LIMITS.triggerRuntimePerDayMs) {
      throw this.options.error('Service using too much computer time for one day. Try again later.');
    }
  }

  /** Ends the execution; time-driven runs count against the daily trigger runtime. */
  end(): void {
    if (this.kind === 'time-driven') {
      const day = this.dayOf(this.options.clock.now());
      this.triggerMs.set(day, (this.triggerMs.get(day) ?? 0) + this.elapsedMs());
    }
    this.kind = 'menu';
    this.started = this.options.clock.spent;
    this.charged = 0;
  }

  /** Time this execution has spent: modelled calls, sleeps and lock waits. */
  elapsedMs(): number {
    return this.options.clock.spent - this.started;
  }

  triggerRuntimeToday(): number {
    return this.triggerMs.get(this.dayOf(this.options.clock.now())) ?? 0;
  }

  private faults: { key: string; after: string | null; message: string }[] = [];
  private readonly extra = new Map<string, number>();

  /** Makes every call of `key` cost `ms` more: Google answering slowly, for limit tests. */
  slow(key: string, ms: number): void {
    this.extra.set(key, ms);
  }

  /**
   * Makes the next call of `key` throw `message` (as a Google service failing mid-run does),
   * only once a call of `after` has been made when given: e.g. the first Range.setValues
   * after a draft was created.
   */
  failNext(key: string, message: string, after?: string): void {
    this.faults.push({ key, after: after ?? null, message });
  }

  /** Before a call: scope, auth mode, then the time it costs and the execution's limit. */
  before(service: string, method: string, args: readonly unknown[]): void {
    const key = `${service}.${method}`;
    for (const f of this.faults) if (f.after === key) f.after = null;
    const fault = this.faults.findIndex((f) => f.key === key && f.after === null);
    if (fault >= 0) {
      const [f] = this.faults.splice(fault, 1);
      throw this.options.error(f?.message ?? 'Service error');
    }
    const row = scopesOf(service, method);
    if (!row)
      throw new RuntimeError(`fakes/scopes.ts has no row for ${key}: add it from ${key}'s reference page`);
    const [anyOf] = row;
    if (anyOf.length > 0 && !anyOf.some((s) => this.granted.has(s))) {
      throw this.options.error(
        `Specified permissions are not sufficient to call ${key}. Required permissions: ${anyOf.join(' || ')}`,
      );
    }
    if (this.authMode === 'NONE' && !NONE_ALLOWS.has(key)) {
      throw this.options.error(
        `You do not have permission to call ${key} (AuthMode.NONE: an add-on's onOpen before the user has used it in this file may only create menus).`,
      );
    }
    if (this.authMode === 'LIMITED' && anyOf.length > 0 && !anyOf.some((s) => LIMITED_SCOPES.has(s))) {
      throw this.options.error(
        `You do not have permission to call ${key} from a simple trigger (AuthMode.LIMITED): it needs authorization.`,
      );
    }
    let cost =
      key === 'Gmail.Users.Drafts.create' || key === 'GmailApp.createDraft'
        ? DRAFT_CREATE_MS
        : (COSTS[service] ?? 0);
    cost += this.extra.get(key) ?? 0;
    if (method === 'setValues' && Array.isArray(args[0])) cost += cellsCost(args[0] as unknown[]);
    this.charge(cost);
  }

  /** After a call: reads are charged by the cells they returned. */
  after(method: string, result: unknown): void {
    if ((method === 'getValues' || method === 'getSheetValues') && Array.isArray(result))
      this.charge(cellsCost(result as unknown[]));
  }

  private charge(ms: number): void {
    if (ms <= 0 || this.options.modelTime === false) return;
    this.options.clock.advance(ms);
    this.charged += ms;
    if (this.elapsedMs() > this.limitMs) {
      this.killed = true;
      throw this.options.error('Exceeded maximum execution time');
    }
  }

  private dayOf(ms: number): string {
    return new Date(ms).toISOString().slice(0, 10);
  }
}

function cellsCost(rows: readonly unknown[]): number {
  let cells = 0;
  for (const r of rows) cells += Array.isArray(r) ? r.length : 1;
  return (cells / 1000) * MS_PER_1000_CELLS;
}
