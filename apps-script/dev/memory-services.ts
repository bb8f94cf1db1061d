/**
 * Services in memory: the real handlers (createServerApi, createHandlers) run against it in
 * the sidebar's dev harness and in handler tests, with no Google account. Seeded from the
 * core's demo ledger and set up the way "Set up ledger" would, so the sidebar sees the
 * same tabs, columns and problems as in a real sheet. Not imported by main.ts: never bundled.
 *
 * What it models: tabs as grids of cells; text written with a leading apostrophe kept as
 * text; the lock (busy when `holdLock` says so); drafts; document properties; the daily
 * trigger; toasts, alerts and scripted prompt answers. What it does not: validation,
 * formatting and protection are recorded (`setupPlans`) but not applied.
 */
import type { IsoDate, RawLedger } from '../../shared/index.ts';
import { demoLedger, findTabName, TABS, todayIn } from '../../shared/index.ts';
import { draftLink } from '../src/draft-link.ts';
import { planSetup } from '../src/handlers/setup-plan.ts';
import type {
  CellRef,
  CellValue,
  CreatedDraft,
  DailyTrigger,
  DraftMessage,
  LedgerSnapshot,
  MenuEntry,
  Services,
  SetupOutcome,
  SetupPlan,
  UserInterface,
} from '../src/services.ts';

export interface MemoryServicesOptions {
  /** "Now"; default: the real clock. Change it later with `setNow`. */
  now?: Date;
  /** `demo` (default): the demo ledger, set up (the first view recomputes it); `empty`: one blank tab. */
  seed?: 'demo' | 'empty' | RawLedger;
  locale?: string;
  timeZone?: string;
  /** Whether the UI exists (false mimics a time-driven trigger). Default true. */
  ui?: boolean;
}

export interface MemoryDraft extends DraftMessage {
  id: string;
  link: string;
  createdAt: string;
  /** True once "sent" or deleted: draftExists answers false, as Gmail's 404 does. */
  gone?: boolean;
}

export interface MemoryServices extends Services {
  /** Tabs by name, rows of cells from row 1; mutate freely in tests. */
  readonly tabs: Map<string, CellValue[][]>;
  readonly notes: Map<string, string>;
  readonly drafts: MemoryDraft[];
  readonly props: Map<string, string>;
  readonly toasts: { title: string; message: string }[];
  readonly alerts: { title: string; message: string }[];
  readonly menus: (readonly MenuEntry[])[];
  readonly logs: string[];
  readonly setupPlans: SetupPlan[];
  /** Answers for the next prompts/confirms: a string (prompt), true/false (confirm), null (cancel). */
  readonly answers: (string | boolean | null)[];
  selection: CellRef | null;
  trigger: DailyTrigger | null;
  /** While true, withDocumentLock reports the lock as taken by another run. */
  holdLock: boolean;
  sidebarOpen: boolean;
  setNow(now: Date): void;
  /** Today in the sheet's zone. */
  today(): IsoDate;
}

/** A cell's stored value as Sheets would keep it: `'text` → text. */
function stored(value: CellValue): CellValue {
  return typeof value === 'string' && value.startsWith("'") ? value.slice(1) : value;
}

export function createMemoryServices(options: MemoryServicesOptions = {}): MemoryServices {
  const locale = options.locale ?? 'en_GB';
  const timeZone = options.timeZone ?? 'Europe/Rome';
  let now = options.now ?? new Date();
  let lockHeld = false;
  const tabs = new Map<string, CellValue[][]>();
  const hasUi = options.ui ?? true;

  const grid = (tab: string): CellValue[][] => {
    const g = tabs.get(tab);
    if (!g) throw new Error(`There is no tab named ${tab}.`);
    return g;
  };
  const put = (tab: string, row: number, column: number, value: CellValue) => {
    const g = grid(tab);
    while (g.length < row) g.push([]);
    const cells = g[row - 1] as CellValue[];
    while (cells.length < column) cells.push('');
    cells[column - 1] = stored(value);
  };
  /** The data range: up to the last row and column with a value, as getDataRange gives. */
  const dataRange = (g: CellValue[][]): CellValue[][] => {
    let rows = 0;
    let columns = 0;
    g.forEach((cells, r) => {
      cells.forEach((v, c) => {
        if (v !== '' && v !== null && v !== undefined) {
          rows = Math.max(rows, r + 1);
          columns = Math.max(columns, c + 1);
        }
      });
    });
    return Array.from({ length: Math.max(rows, 1) }, (_, r) =>
      Array.from({ length: Math.max(columns, 1) }, (_, c) => g[r]?.[c] ?? ''),
    );
  };
  const lastRow = (g: CellValue[][]) => {
    for (let r = g.length; r > 0; r--) if ((g[r - 1] ?? []).some((v) => v !== '')) return r;
    return 0;
  };

  const ui = (m: MemoryServices): UserInterface => ({
    toast: (message, title = 'Payladder') => void m.toasts.push({ title, message }),
    alert: (title, message) => void m.alerts.push({ title, message }),
    confirm: (title, message) => {
      m.alerts.push({ title, message });
      const answer = m.answers.shift();
      return answer === undefined ? true : answer === true;
    },
    prompt: (title, message) => {
      m.alerts.push({ title, message });
      const answer = m.answers.shift();
      return typeof answer === 'string' ? answer : answer === undefined ? '' : null;
    },
    showSidebar: () => {
      m.sidebarOpen = true;
    },
    showDialog: (title, html) => void m.alerts.push({ title, message: html }),
    menu: (entries) => void m.menus.push(entries),
  });

  const services: MemoryServices = {
    tabs,
    notes: new Map(),
    drafts: [],
    props: new Map(),
    toasts: [],
    alerts: [],
    menus: [],
    logs: [],
    setupPlans: [],
    answers: [],
    selection: null,
    trigger: null,
    holdLock: false,
    sidebarOpen: false,
    setNow(next) {
      now = next;
    },
    today: () => todayIn(timeZone, now),

    now: () => new Date(now.getTime()),

    readLedger(want): LedgerSnapshot {
      const tabNames = [...tabs.keys()];
      const raw: RawLedger = {};
      const skipped: string[] = [];
      for (const spec of TABS) {
        const name = findTabName(spec, tabNames);
        if (name === null) continue;
        if (want && !want(spec, raw)) skipped.push(name);
        else raw[name] = dataRange(grid(name)).map((r) => [...r]);
      }
      return { tabs: raw, tabNames, skipped, locale, timeZone };
    },

    writeBlocks(blocks) {
      for (const b of blocks) {
        b.values.forEach((cells, r) => cells.forEach((v, c) => put(b.tab, b.row + r, b.column + c, v)));
      }
    },

    appendRows(tab, rows) {
      const first = lastRow(grid(tab)) + 1;
      rows.forEach((cells, r) => cells.forEach((v, c) => put(tab, first + r, c + 1, v)));
      return first;
    },

    setNote(tab, row, column, note) {
      const key = `${tab}!${row},${column}`;
      if (note === null || note === '') services.notes.delete(key);
      else services.notes.set(key, note);
    },

    activeCell: () => services.selection,
    select(cell) {
      services.selection = cell;
    },

    applySetup(plan): SetupOutcome {
      services.setupPlans.push(plan);
      const outcome: SetupOutcome = { createdTabs: [], addedColumns: [], addedSettings: [] };
      for (const tab of plan.tabs) {
        if (tab.create) {
          tabs.set(tab.name, [[]]);
          outcome.createdTabs.push(tab.name);
        } else for (const h of tab.newHeaders) outcome.addedColumns.push({ tab: tab.name, header: h.header });
        for (const h of tab.newHeaders) put(tab.name, 1, h.column, h.header);
        if (tab.appendRows.length > 0) {
          services.appendRows(tab.name, tab.appendRows);
          if (tab.key === 'settings')
            for (const r of tab.appendRows) outcome.addedSettings.push(String(r.find((v) => v !== '') ?? ''));
        }
      }
      return outcome;
    },

    createDraft(message): CreatedDraft {
      const id = `memory-draft-${services.drafts.length + 1}`;
      const link = draftLink(id, `memory-thread-${services.drafts.length + 1}`);
      services.drafts.push({ ...message, id, link, createdAt: now.toISOString() });
      return { id, link };
    },

    draftExists(draftId) {
      return services.drafts.some((d) => d.id === draftId && d.gone !== true);
    },

    properties: {
      get: (key) => services.props.get(key) ?? null,
      getAll: () => Object.fromEntries(services.props),
      set: (values) => {
        for (const [k, v] of Object.entries(values)) services.props.set(k, v);
      },
      delete: (keys) => {
        for (const k of keys) services.props.delete(k);
      },
    },

    withDocumentLock(_waitMs, fn) {
      if (services.holdLock || lockHeld) return { ok: false };
      lockHeld = true;
      try {
        return { ok: true, value: fn() };
      } finally {
        lockHeld = false;
      }
    },

    ui: () => (hasUi ? ui(services) : null),
    isAddOn: () => false,
    dailyTrigger: () => services.trigger,
    installDailyTrigger(hour, zone) {
      services.trigger = { hour, timeZone: zone };
    },
    removeDailyTrigger() {
      const had = services.trigger !== null;
      services.trigger = null;
      return had;
    },
    log: (message) => void services.logs.push(message),
  };

  const seed = options.seed ?? 'demo';
  if (seed === 'empty') tabs.set('Sheet1', [[]]);
  else {
    const raw = seed === 'demo' ? demoLedger(services.today()) : seed;
    for (const [name, rows] of Object.entries(raw))
      tabs.set(
        name,
        rows.map((r) => r.map((v) => (v ?? '') as CellValue)),
      );
    if (seed === 'demo') services.applySetup(planSetup(services.readLedger()));
  }
  return services;
}

/** The demo seeded as of a fixed day, for stable dev screenshots: noon in Rome on `day`. */
export function memoryServicesOn(
  day: IsoDate,
  options: Omit<MemoryServicesOptions, 'now'> = {},
): MemoryServices {
  return createMemoryServices({ ...options, now: new Date(`${day}T11:00:00Z`) });
}
