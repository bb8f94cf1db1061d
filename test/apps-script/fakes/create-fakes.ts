/**
 * Every Apps Script service the add-on uses, faked over shared state, with one call log.
 *
 *   const fakes = createFakes({ now: '2026-03-02T09:00:00+01:00', spreadsheet: { sheets: { Clients: rows } } });
 *   fakes.services.SpreadsheetApp.getActive().getSheetByName('Clients')   // typed as Apps Script's own
 *   fakes.spreadsheet.sheet('Clients').values()                            // the model: uncounted
 *   fakes.calls.count('Range.setValues')
 *
 * The harness installs `services` as the globals of the bundle's vm context.
 */
import { readFileSync } from 'node:fs';
import { CacheModel, FakeCacheService } from './cache.ts';
import type { CacheScope } from './cache.ts';
import { CallLog } from './call-log.ts';
import type { FakeAuthMode, FakeEnv, FakeRealm } from './env.ts';
import { FakeClock, NODE_REALM } from './env.ts';
import { FakeGmailApp, FakeMailApp, GmailModel } from './gmail.ts';
import { FakeHtmlService, HtmlModel } from './html.ts';
import { FakeLockService, LockModel } from './lock.ts';
import type { LockScope } from './lock.ts';
import { FakePropertiesService, PropertiesModel } from './properties.ts';
import type { PropertyScope } from './properties.ts';
import type { ExecutionKind } from './runtime.ts';
import { FakeRuntime } from './runtime.ts';
import { FakeScriptApp, TriggerModel } from './script-app.ts';
import { FakeGmail } from './gmail-advanced.ts';
import { FakeSession } from './session.ts';
import type { SessionModel } from './session.ts';
import { FakeSpreadsheetApp } from './spreadsheet.ts';
import type { SpreadsheetSeed } from './spreadsheet-model.ts';
import { SpreadsheetModel } from './spreadsheet-model.ts';
import { UiModel } from './ui.ts';
import { FakeLogger, FakeUtilities, LoggerModel } from './utilities.ts';

/** The add-on's manifest: its oauthScopes are what the fakes grant by default. */
export const MANIFEST = JSON.parse(
  readFileSync(new URL('../../../apps-script/appsscript.json', import.meta.url), 'utf8'),
) as { oauthScopes: string[]; dependencies?: { enabledAdvancedServices?: { userSymbol: string }[] } };

function enabledAdvancedServices(): string[] {
  return (MANIFEST.dependencies?.enabledAdvancedServices ?? []).map((s) => s.userSymbol);
}

/** "Now" when a test does not say: a Monday morning in Rome, after the DST-free winter. */
export const DEFAULT_NOW = '2026-03-02T09:00:00+01:00';

export interface FakesOptions {
  /** The clock's start; `new Date()` in the bundle and every timestamp the fakes make read it. */
  now?: Date | string | number;
  /** The ledger: a model the test built (and will inspect), or a seed to build one from. */
  spreadsheet?: SpreadsheetModel | SpreadsheetSeed;
  /** `NONE` simulates an add-on's onOpen before first use in the file: menus only. Default FULL. */
  authMode?: FakeAuthMode;
  /** The kind of execution the fakes start in (overrides authMode). Default `menu`. */
  execution?: ExecutionKind;
  /** Advanced services' user symbols; default the manifest's enabledAdvancedServices. */
  advancedServices?: readonly string[];
  /** False: calls cost no modelled time (runtime.ts). Default true. */
  modelTime?: boolean;
  /** Scopes granted; default the manifest's, `apps-script/appsscript.json`. */
  oauthScopes?: readonly string[];
  /** False simulates a time-driven trigger: SpreadsheetApp.getUi() throws. Default true. */
  ui?: boolean;
  session?: Partial<SessionModel>;
  /** The project's HTML files (`sidebar` → its HTML), for HtmlService. */
  htmlFiles?: Readonly<Record<string, string>>;
  /** Initial property stores. */
  properties?: Partial<Record<PropertyScope, Readonly<Record<string, string>>>>;
  scriptId?: string;
  /** How the script got here: NONE (default) for a bound script, or an add-on install. */
  installationSource?: 'NONE' | 'WEB_STORE_ADD_ON' | 'APPS_MARKETPLACE_DOMAIN_ADD_ON';
  /** Where Dates and Errors handed to the code under test are made; the harness passes the vm's. */
  realm?: FakeRealm;
}

/** The globals, typed as Apps Script's own interfaces (the fakes implement a subset). */
export interface AppsScriptServices {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  LockService: GoogleAppsScript.Lock.LockService;
  GmailApp: GoogleAppsScript.Gmail.GmailApp;
  /** The Gmail advanced service (Gmail API v1); undefined unless the manifest enables it. */
  Gmail: GoogleAppsScript.Gmail | undefined;
  MailApp: GoogleAppsScript.Mail.MailApp;
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  CacheService: GoogleAppsScript.Cache.CacheService;
  Session: GoogleAppsScript.Base.Session;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  Logger: GoogleAppsScript.Base.Logger;
}

export interface Fakes {
  readonly services: AppsScriptServices;
  readonly calls: CallLog;
  readonly clock: FakeClock;
  /** Realm, auth mode and UI availability; mutable between calls of one test. */
  readonly env: FakeEnv;
  readonly spreadsheet: SpreadsheetModel;
  readonly ui: UiModel;
  readonly gmail: GmailModel;
  readonly triggers: TriggerModel;
  readonly locks: Readonly<Record<LockScope, LockModel>>;
  readonly properties: Readonly<Record<PropertyScope, PropertiesModel>>;
  readonly caches: Readonly<Record<CacheScope, CacheModel>>;
  readonly html: HtmlModel;
  readonly runtime: FakeRuntime;
  readonly logger: LoggerModel;
  readonly session: SessionModel;
  /** Apps Script releases an execution's locks when it ends; call between simulated executions. */
  endExecution(): void;
}

export function createFakes(options: FakesOptions = {}): Fakes {
  const calls = new CallLog();
  const clock = new FakeClock(options.now ?? DEFAULT_NOW);
  const installationSource = options.installationSource ?? 'NONE';
  let realm = options.realm ?? NODE_REALM;
  const runtime = new FakeRuntime({
    clock,
    granted: options.oauthScopes ?? MANIFEST.oauthScopes,
    modelTime: options.modelTime ?? true,
    error: (message) => {
      const error = new realm.Error(message);
      error.name = 'Exception';
      return error;
    },
  });
  let uiAvailable = options.ui ?? true;
  const env: FakeEnv = {
    calls,
    clock,
    get realm() {
      return realm;
    },
    set realm(r: FakeRealm) {
      realm = r;
    },
    get authMode() {
      return runtime.authMode;
    },
    set authMode(mode: FakeAuthMode) {
      runtime.start(mode === 'NONE' ? 'onOpen-none' : mode === 'LIMITED' ? 'onEdit' : 'menu');
    },
    // Time-driven triggers have no UI; the option still rules other kinds.
    get uiAvailable() {
      return uiAvailable && runtime.kind !== 'time-driven';
    },
    set uiAvailable(v: boolean) {
      uiAvailable = v;
    },
    // An add-on's time-driven trigger runs with no active document (a bound script's has
    // its container).
    get activeDocument() {
      return !(runtime.kind === 'time-driven' && installationSource !== 'NONE');
    },
    runtime,
  };
  calls.guard = runtime;
  if (options.execution) runtime.start(options.execution);
  else if (options.authMode) env.authMode = options.authMode;
  const spreadsheet =
    options.spreadsheet instanceof SpreadsheetModel
      ? options.spreadsheet
      : new SpreadsheetModel(options.spreadsheet);
  const ui = new UiModel();
  const gmail = new GmailModel();
  const triggers = new TriggerModel();
  const locks = {
    document: new LockModel('document'),
    script: new LockModel('script'),
    user: new LockModel('user'),
  };
  const properties = {
    document: new PropertiesModel('document', options.properties?.document),
    user: new PropertiesModel('user', options.properties?.user),
    script: new PropertiesModel('script', options.properties?.script),
  };
  const caches = {
    document: new CacheModel('document'),
    user: new CacheModel('user'),
    script: new CacheModel('script'),
  };
  const html = new HtmlModel(options.htmlFiles);
  const logger = new LoggerModel();
  const owner = spreadsheet.owner ?? 'user@example.com';
  const session: SessionModel = {
    activeUserEmail: owner,
    effectiveUserEmail: owner,
    scriptTimeZone: 'Europe/Rome',
    activeUserLocale: 'en',
    ...options.session,
  };

  const cast = <T>(fake: object) => fake as unknown as T;
  const services: AppsScriptServices = {
    SpreadsheetApp: cast(new FakeSpreadsheetApp({ env, book: spreadsheet, ui })),
    LockService: cast(new FakeLockService(env, locks)),
    GmailApp: cast(new FakeGmailApp(env, gmail)),
    Gmail: (options.advancedServices ?? enabledAdvancedServices()).includes('Gmail')
      ? cast(new FakeGmail(env, gmail, owner))
      : undefined,
    MailApp: cast(new FakeMailApp(env)),
    ScriptApp: cast(
      new FakeScriptApp(env, triggers, options.scriptId ?? 'fake-script-id', spreadsheet, installationSource),
    ),
    HtmlService: cast(new FakeHtmlService(env, html)),
    PropertiesService: cast(new FakePropertiesService(env, properties)),
    CacheService: cast(new FakeCacheService(env, caches)),
    Session: cast(new FakeSession(env, session)),
    Utilities: cast(new FakeUtilities(env)),
    Logger: cast(new FakeLogger(env, logger)),
  };

  return {
    services,
    calls,
    clock,
    env,
    spreadsheet,
    ui,
    gmail,
    triggers,
    locks,
    properties,
    caches,
    html,
    runtime,
    logger,
    session,
    endExecution() {
      runtime.end();
      for (const lock of Object.values(locks)) if (lock.holder === 'self') lock.holder = 'none';
    },
  };
}
