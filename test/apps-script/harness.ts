/**
 * Runs the deployed artifact, `apps-script/dist/Code.js`, in a Node `vm` context whose
 * globals are the fakes, so add-on tests exercise exactly what `clasp push` uploads: the
 * bundle, its globals footer, zod and the shared core inside it.
 *
 *   const { app, fakes, calls } = await loadBundle({ now: '2026-03-02T09:00:00+01:00', spreadsheet });
 *   app.onOpen(openEvent(fakes));
 *   expect(fakes.ui.items()).toContainEqual({ caption: 'Recompute', functionName: 'recomputeLedger' });
 *
 * The context has ECMAScript's built-ins (with Date on the fake clock), `console`, and the
 * Apps Script services; nothing from Node (no setTimeout, fetch, Buffer, process), as in
 * Apps Script. Every call is checked against the manifest's scopes and the execution's auth
 * mode, and costs modelled time (fakes/runtime.ts); `execute(kind, name)` runs a global as
 * one execution of a given kind (menu, onOpen in NONE or LIMITED, onEdit, time-driven).
 *
 * Realms: the context has its own Date, Error, Array and Object. The fakes hand the bundle
 * Dates and Errors made with the context's constructors, so `instanceof Date` holds inside
 * the bundle; arrays and plain objects the fakes return come from this realm, which
 * Array.isArray and zod accept but `instanceof Array` would not. Values coming back out
 * (a handler's return value) are the context's: compare them with toEqual, or pass them
 * through `fromSidebarCall`, which also applies google.script.run's rules.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import type * as Main from '../../apps-script/src/main.ts';
import { BUNDLE_GLOBAL, buildAppsScript, isAppsScriptBuildStale } from '../../scripts/build-apps-script.ts';
import type { CallLog } from './fakes/call-log.ts';
import type { Fakes, FakesOptions } from './fakes/create-fakes.ts';
import { createFakes } from './fakes/create-fakes.ts';
import type { FakeRealm } from './fakes/env.ts';
import type { ExecutionKind } from './fakes/runtime.ts';
import { AuthMode, isDate } from './fakes/env.ts';
import type { ConsoleEntry } from './fakes/utilities.ts';
import { captureConsole } from './fakes/utilities.ts';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DEPLOYED_CODE = path.join(REPO_ROOT, 'apps-script/dist/Code.js');

/** The bundle's global functions, typed as the exports of main.ts they forward to. */
export type AppGlobals = typeof Main;

export interface LoadBundleOptions extends Omit<FakesOptions, 'realm' | 'now'> {
  // htmlFiles defaults to the .html files beside the bundle (dist/sidebar.html once built),
  // which is what `clasp push` uploads with it.
  /** "Now" for this test: `new Date()` in the bundle and every fake timestamp. */
  now: Date | string | number;
  /** Another bundle to load (a fixture built to a temporary folder); it is not rebuilt. */
  codePath?: string;
  /** Print the bundle's console output as well as keeping it. */
  echoConsole?: boolean;
}

export interface LoadedBundle<Globals = AppGlobals> {
  /** The global functions of Code.js (the footer's, which forward to the bundle). */
  readonly app: Globals;
  readonly fakes: Fakes;
  readonly calls: CallLog;
  /** What the bundle wrote to console.*. */
  readonly console: ConsoleEntry[];
  readonly context: vm.Context;
  /** The realm of the context: `realm.Date` makes a Date the bundle recognises. */
  readonly realm: FakeRealm;
  /**
   * Calls a global function by name, as Apps Script does for a menu item or a trigger:
   * `Script function not found: name` when there is none.
   */
  run(functionName: string, ...args: unknown[]): unknown;
  /**
   * Runs a global as Apps Script does for `kind` (fakes/runtime.ts): that kind's auth mode,
   * UI, active document and time limit, one execution from start to end. With no arguments
   * it passes the event the trigger would (onOpen's, a time-driven trigger's). Throws what
   * the run threw, or "Exceeded maximum execution time" when the run went past its limit
   * even if the code under test caught that error.
   */
  execute(kind: ExecutionKind, functionName: string, ...args: unknown[]): unknown;
  /** Clicks the menu item with this caption (in any menu added to the UI). */
  clickMenuItem(caption: string): unknown;
  /** Function names menu items point at that are not global functions of the bundle. */
  missingMenuTargets(): string[];
  /**
   * Calls a global as the sidebar's `google.script.run` would: arguments and result must be
   * plain JSON (no Date, function or undefined inside), functions ending in `_` are
   * private, and the result arrives as a copy in this realm.
   */
  fromSidebarCall(functionName: string, ...args: unknown[]): unknown;
}

let building: Promise<unknown> | undefined;

/** Builds Code.js when it is missing or older than its sources; once per test process. */
export async function ensureBundleBuilt(): Promise<string> {
  if (isAppsScriptBuildStale()) {
    building ??= buildAppsScript({ log: () => {} }).finally(() => {
      building = undefined;
    });
    await building;
  }
  return DEPLOYED_CODE;
}

const scripts = new Map<string, { mtimeMs: number; script: vm.Script }>();

function compiled(codePath: string): vm.Script {
  const { mtimeMs } = statSync(codePath);
  const cached = scripts.get(codePath);
  if (cached && cached.mtimeMs === mtimeMs) return cached.script;
  const script = new vm.Script(readFileSync(codePath, 'utf8'), { filename: codePath });
  scripts.set(codePath, { mtimeMs, script });
  return script;
}

// Installed first in every context: Date reads the fake clock when asked for "now", and
// stays the same constructor family, so `x instanceof Date` holds for every date in there.
const FAKE_CLOCK_DATE = `(() => {
  const RealDate = Date;
  const now = globalThis.__fakeClockNow;
  delete globalThis.__fakeClockNow;
  function ClockDate(...args) {
    if (!new.target) return new RealDate(now()).toString();
    return Reflect.construct(RealDate, args.length === 0 ? [now()] : args, new.target);
  }
  Object.defineProperty(ClockDate, 'name', { value: 'Date' });
  Object.setPrototypeOf(ClockDate, RealDate); // Date.UTC, Date.parse
  ClockDate.prototype = RealDate.prototype;
  ClockDate.now = () => now();
  globalThis.Date = ClockDate;
  return { Date: RealDate, Error };
})()`;

/** Loads the bundle into a fresh context with fresh fakes. */
export async function loadBundle<Globals = AppGlobals>(
  options: LoadBundleOptions,
): Promise<LoadedBundle<Globals>> {
  const { codePath, echoConsole, ...fakeOptions } = options;
  const file = codePath ?? (await ensureBundleBuilt());

  const context = vm.createContext({});
  // Read only when the bundle asks for the time, by which point `fakes` exists.
  (context as Record<string, unknown>).__fakeClockNow = () => fakes.clock.now();
  const realm = vm.runInContext(FAKE_CLOCK_DATE, context) as FakeRealm;
  const fakes = createFakes({ ...fakeOptions, htmlFiles: fakeOptions.htmlFiles ?? htmlBeside(file), realm });

  const logged: ConsoleEntry[] = [];
  Object.assign(context, fakes.services, { console: captureConsole(logged, echoConsole) });
  compiled(file).runInContext(context);

  const globals = context as Record<string, unknown>;
  const bundle = globals[BUNDLE_GLOBAL] as Record<string, unknown> | undefined;
  if (!bundle) throw new Error(`${file} did not define the global ${BUNDLE_GLOBAL}`);
  const app: Record<string, unknown> = {};
  for (const name of Object.keys(bundle)) {
    if (typeof globals[name] !== 'function')
      throw new Error(`${file}: export ${name} has no global function in the footer`);
    app[name] = globals[name];
  }

  const run = (functionName: string, ...args: unknown[]): unknown => {
    const fn = globals[functionName];
    if (typeof fn !== 'function') throw new Error(`Script function not found: ${functionName}`);
    return (fn as (...a: unknown[]) => unknown)(...args);
  };
  const execute = (kind: ExecutionKind, functionName: string, ...args: unknown[]): unknown => {
    fakes.runtime.start(kind);
    try {
      const event =
        args.length > 0
          ? args
          : kind === 'time-driven'
            ? [{ authMode: 'FULL', triggerUid: '9000001' }]
            : kind === 'onOpen-none' || kind === 'onOpen-limited'
              ? [openEvent(fakes)]
              : [];
      let result: unknown;
      let failure: unknown;
      try {
        result = run(functionName, ...event);
      } catch (error) {
        failure = error;
      }
      if (fakes.runtime.killed)
        throw new Error(
          `Exceeded maximum execution time: ${functionName} ran past ${fakes.runtime.limitMs / 1000} s (${kind})`,
        );
      if (failure !== undefined) throw failure;
      return result;
    } finally {
      fakes.endExecution();
    }
  };
  return {
    app: app as Globals,
    fakes,
    execute,
    calls: fakes.calls,
    console: logged,
    context,
    realm,
    run,
    clickMenuItem(caption) {
      const item = fakes.ui.items().find((i) => i.caption === caption);
      if (!item) {
        const captions = fakes.ui.items().map((i) => i.caption);
        throw new Error(`no menu item "${caption}"; the menus have: ${captions.join(', ') || 'none'}`);
      }
      return run(item.functionName);
    },
    missingMenuTargets() {
      return fakes.ui
        .items()
        .map((i) => i.functionName)
        .filter((name) => typeof globals[name] !== 'function');
    },
    fromSidebarCall(functionName, ...args) {
      if (functionName.endsWith('_'))
        throw new Error(`${functionName} is private: google.script.run cannot call it`);
      args.forEach((arg, i) => assertPlainJson(arg, `argument ${i} of ${functionName}`));
      const result = run(functionName, ...args);
      if (result === undefined) return undefined;
      assertPlainJson(result, `the result of ${functionName}`);
      return JSON.parse(JSON.stringify(result)) as unknown;
    },
  };
}

function htmlBeside(codePath: string): Record<string, string> {
  const dir = path.dirname(codePath);
  const files = readdirSync(dir).filter((name) => name.endsWith('.html'));
  return Object.fromEntries(
    files.map((name) => [name.slice(0, -'.html'.length), readFileSync(path.join(dir, name), 'utf8')]),
  );
}

// google.script.run carries primitives, arrays and plain objects; a Date (among others)
// makes the call fail, so the add-on sends ISO strings (STYLE.md).
function assertPlainJson(value: unknown, where: string): void {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return;
  if (isDate(value)) throw new Error(`${where}: google.script.run cannot carry a Date; send an ISO string`);
  if (Array.isArray(value)) {
    value.forEach((v, i) => assertPlainJson(v, `${where}[${i}]`));
    return;
  }
  if (typeof value === 'object') {
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== null && Object.getPrototypeOf(proto) !== null) {
      throw new Error(
        `${where}: google.script.run carries plain objects only, not ${Object.prototype.toString.call(value)}`,
      );
    }
    for (const [k, v] of Object.entries(value)) assertPlainJson(v, `${where}.${k}`);
    return;
  }
  throw new Error(`${where}: google.script.run cannot carry a ${typeof value}`);
}

/**
 * The event Sheets passes to onOpen, in the fakes' current auth mode. In AuthMode.NONE it
 * carries only `authMode`: the fake is strict where the documentation is thin, so a
 * handler cannot lean on `source` before the user has authorized the add-on.
 */
export function openEvent(fakes: Fakes): GoogleAppsScript.Events.SheetsOnOpen {
  const authMode = AuthMode[fakes.env.authMode];
  if (fakes.env.authMode === 'NONE') return { authMode } as unknown as GoogleAppsScript.Events.SheetsOnOpen;
  // Building the event is Sheets' work, not the handler's: nothing here is counted.
  return fakes.calls.uncounted(() => {
    const source = fakes.services.SpreadsheetApp.getActiveSpreadsheet();
    const user = fakes.services.Session.getActiveUser();
    return { authMode, source, user, triggerUid: '' } as unknown as GoogleAppsScript.Events.SheetsOnOpen;
  });
}
