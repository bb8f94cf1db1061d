/**
 * The real Services: SpreadsheetApp, Gmail (advanced service), LockService, PropertiesService, ScriptApp,
 * HtmlService. Services are looked up lazily, so an add-on's onOpen in AuthMode.NONE (which
 * may only build the menu) touches nothing else.
 */
import type {
  DailyTrigger,
  KeyValueStore,
  LockResult,
  MenuEntry,
  Services,
  UserInterface,
} from '../services.ts';
import { createDraft, draftExists } from './gmail.ts';
import { applySetup } from './setup.ts';
import { SpreadsheetAdapter } from './spreadsheet.ts';

const DAILY_HOUR_KEY = 'payladder.daily';

function documentProperties(): KeyValueStore {
  let store: GoogleAppsScript.Properties.Properties | null = null;
  const props = () => (store ??= PropertiesService.getDocumentProperties());
  return {
    get: (key) => props().getProperty(key),
    getAll: () => props().getProperties(),
    set: (values) => {
      props().setProperties(values, false);
    },
    delete: (keys) => {
      for (const key of keys) props().deleteProperty(key);
    },
  };
}

function withDocumentLock<T>(adapter: SpreadsheetAdapter, waitMs: number, fn: () => T): LockResult<T> {
  // getDocumentLock() is null where there is no document; the script lock is then the
  // next best guard against two runs at once.
  const lock = LockService.getDocumentLock() ?? LockService.getScriptLock();
  if (!lock.tryLock(waitMs)) return { ok: false };
  try {
    return { ok: true, value: fn() };
  } finally {
    try {
      // Sheets buffers writes; the next lock holder must read what this run wrote
      // (https://developers.google.com/apps-script/reference/lock/lock#releaseLock()).
      // A run that wrote nothing has nothing buffered: no flush, one round trip saved.
      if (adapter.wrote) SpreadsheetApp.flush();
    } finally {
      lock.releaseLock();
    }
  }
}

function userInterface(adapter: SpreadsheetAdapter, isAddOn: () => boolean): UserInterface | null {
  let ui: GoogleAppsScript.Base.Ui;
  try {
    ui = SpreadsheetApp.getUi();
  } catch {
    // Time-driven triggers have no UI; getUi() throws there.
    return null;
  }
  return {
    toast: (message, title = 'Payladder') => adapter.spreadsheet().toast(message, title, 8),
    alert: (title, message) => {
      ui.alert(title, message, ui.ButtonSet.OK);
    },
    confirm: (title, message) => ui.alert(title, message, ui.ButtonSet.OK_CANCEL) === ui.Button.OK,
    prompt: (title, message) => {
      const response = ui.prompt(title, message, ui.ButtonSet.OK_CANCEL);
      return response.getSelectedButton() === ui.Button.OK ? response.getResponseText() : null;
    },
    showSidebar: () => {
      ui.showSidebar(HtmlService.createHtmlOutputFromFile('sidebar').setTitle('Payladder').setWidth(300));
    },
    showDialog: (title, html) => {
      ui.showModalDialog(HtmlService.createHtmlOutput(html).setWidth(900).setHeight(640), title);
    },
    menu: (entries: readonly MenuEntry[]) => {
      // An add-on's items live under Extensions → Payladder; a bound script gets its own menu.
      const menu = isAddOn() ? ui.createAddonMenu() : ui.createMenu('Payladder');
      for (const entry of entries) {
        if (entry === 'separator') menu.addSeparator();
        else menu.addItem(entry.caption, entry.functionName);
      }
      menu.addToUi();
    },
  };
}

function isAddOn(): boolean {
  try {
    return ScriptApp.getInstallationSource() !== ScriptApp.InstallationSource.NONE;
  } catch {
    // Only an add-on's onOpen runs in AuthMode.NONE, where ScriptApp may refuse.
    return true;
  }
}

function dailyTriggers(adapter: SpreadsheetAdapter, handler?: string): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getUserTriggers(adapter.spreadsheet()).filter(
    (t) =>
      String(t.getEventType()) === String(ScriptApp.EventType.CLOCK) &&
      (handler === undefined || t.getHandlerFunction() === handler),
  );
}

export function appsScriptServices(options: {
  dailyHandler: string;
  /** Known from the trigger's event (onOpen in AuthMode.NONE): ScriptApp is not asked. */
  addOn?: boolean;
  /** The spreadsheet an onEdit event carries: SpreadsheetApp is not asked for it. */
  source?: GoogleAppsScript.Spreadsheet.Spreadsheet | null;
  /** The tab an onEdit happened on, named in this execution. */
  edited?: { name: string; sheet: GoogleAppsScript.Spreadsheet.Sheet } | null;
}): Services {
  const properties = documentProperties();
  const adapter = new SpreadsheetAdapter(options.source ?? null, {
    properties,
    now: () => new Date().getTime(),
  });
  if (options.edited) adapter.noteEdit(options.edited.name, options.edited.sheet);
  let ui: UserInterface | null | undefined;
  const addOn = () => options.addOn ?? isAddOn();
  return {
    now: () => new Date(),
    readLedger: (want) => adapter.readLedger(want),
    writeBlocks: (blocks) => adapter.writeBlocks(blocks),
    appendRows: (tab, rows) => adapter.appendRows(tab, rows),
    setNote: (tab, row, column, note) => adapter.setNote(tab, row, column, note),
    activeCell: () => adapter.activeCell(),
    select: (cell) => adapter.select(cell),
    applySetup: (plan) => {
      adapter.wrote = true;
      return applySetup(adapter, plan);
    },
    createDraft,
    draftExists,
    properties,
    withDocumentLock: (waitMs, fn) => withDocumentLock(adapter, waitMs, fn),
    ui: () => (ui === undefined ? (ui = userInterface(adapter, addOn)) : ui),
    isAddOn: addOn,
    dailyTrigger(): DailyTrigger | null {
      if (dailyTriggers(adapter, options.dailyHandler).length === 0) return null;
      const saved = properties.get(DAILY_HOUR_KEY);
      const parsed = saved ? (JSON.parse(saved) as Partial<DailyTrigger>) : {};
      return {
        hour: typeof parsed.hour === 'number' ? parsed.hour : -1,
        timeZone: typeof parsed.timeZone === 'string' ? parsed.timeZone : adapter.settings().timeZone,
      };
    },
    installDailyTrigger(hour, timeZone, handler) {
      // Editor add-ons may have one clock trigger per user and document: replace, never add.
      for (const t of dailyTriggers(adapter, handler)) ScriptApp.deleteTrigger(t);
      ScriptApp.newTrigger(handler).timeBased().everyDays(1).atHour(hour).inTimezone(timeZone).create();
      properties.set({ [DAILY_HOUR_KEY]: JSON.stringify({ hour, timeZone }) });
    },
    removeDailyTrigger() {
      const found = dailyTriggers(adapter, options.dailyHandler);
      for (const t of found) ScriptApp.deleteTrigger(t);
      if (found.length > 0) properties.delete([DAILY_HOUR_KEY]);
      return found.length > 0;
    },
    log: (message) => console.log(message),
  };
}
