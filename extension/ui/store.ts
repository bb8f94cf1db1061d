/**
 * The popup's and options page's state: one store made by a factory, passed through context,
 * so each test makes a fresh one. It starts from what storage holds (first paint needs no
 * network and no background), follows storage as the background writes, and sends actions
 * to the background.
 */
import type { ReadonlySignal, Signal } from '@preact/signals';
import { batch, computed, signal } from '@preact/signals';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Account } from '../auth/auth.ts';
import type { ConnectionTest, Messenger, StatusReply } from '../messages.ts';
import { MessageError } from '../messages.ts';
import { SHEETS_SCOPE, covers } from '../auth/scopes.ts';
import { spreadsheetUrl } from '../sheets/spreadsheet-id.ts';
import type { Preferences, ReminderLog, SyncStatus } from '../sync/items.ts';
import type { PopupView } from '../sync/view.ts';
import { messageLocale } from '../../shared/money.ts';
import type { Lang, Strings } from './i18n.ts';
import { STRINGS, resolveLang } from './i18n.ts';

/** What storage held when the page opened. */
export interface Cached {
  view: PopupView | null;
  status: SyncStatus;
  preferences: Preferences;
  log: ReminderLog;
  account: Account | null;
}

export type Busy = 'refresh' | 'signIn' | 'signOut' | 'grant' | 'save' | 'test' | 'flush' | null;

export interface StoreDeps {
  messenger: Pick<
    Messenger,
    | 'status'
    | 'sync'
    | 'signIn'
    | 'signOut'
    | 'grantWrite'
    | 'savePreferences'
    | 'testConnection'
    | 'flushQueue'
    | 'discardOtherQueued'
  >;
  now: () => number;
  browserLanguage: string;
  openUrl: (url: string) => void;
  openOptions: () => void;
  /** Whether this build can sign in at all (an OAuth client id for this browser). */
  canSignIn: boolean;
}

export interface Store {
  view: Signal<PopupView | null>;
  status: Signal<SyncStatus>;
  preferences: Signal<Preferences>;
  log: Signal<ReminderLog>;
  account: Signal<Account | null>;
  /** The background's last answer to `status` (auth state, syncing), null until it came. */
  live: Signal<StatusReply | null>;
  busy: Signal<Busy>;
  /** A one-line notice from the last action (sign-in cancelled, saved). */
  notice: Signal<string | null>;
  test: Signal<ConnectionTest | null>;
  /** Ticks so "synced 3 minutes ago" stays true while the page is open. */
  now: Signal<number>;
  lang: ReadonlySignal<Lang>;
  /**
   * The locale amounts and problem texts use: the UI language's (Italian: it-IT, so always
   * "5.880,00 €"; English: the ledger's English locale, else en-GB).
   */
  locale: ReadonlySignal<string>;
  t: ReadonlySignal<Strings>;
  signedIn: ReadonlySignal<boolean>;
  /** Google granted write access (needed to log sent reminders), not only read. */
  canWrite: ReadonlySignal<boolean>;
  syncing: ReadonlySignal<boolean>;
  canSignIn: boolean;
  /** Applies what storage says now (the pages call it from `storage.onChanged`). */
  apply(changes: Partial<Cached>): void;
  refresh(): Promise<void>;
  loadStatus(): Promise<void>;
  /** Asks the background for its state, and to sync first when the figures are stale. */
  refreshIfStale(): Promise<void>;
  signIn(): Promise<void>;
  signOut(): Promise<void>;
  /** Asks Google for write access (logging sent reminders). */
  grantWrite(): Promise<void>;
  flushQueue(): Promise<void>;
  /** Drops the reminders queued for another ledger (the popup asks first). */
  discardOtherQueued(): Promise<void>;
  openLedger(): void;
  openOptions(): void;
  /** Opens a page in a new tab (Gmail's links from today's work). */
  openUrl(url: string): void;
  savePreferences(patch: Partial<Preferences>): Promise<boolean>;
  testConnection(spreadsheet: string): Promise<void>;
  tick(): void;
}

export function createStore(deps: StoreDeps, cached: Cached): Store {
  const view = signal(cached.view);
  const status = signal(cached.status);
  const preferences = signal(cached.preferences);
  const log = signal(cached.log);
  const account = signal(cached.account);
  const live = signal<StatusReply | null>(null);
  const busy = signal<Busy>(null);
  const notice = signal<string | null>(null);
  const test = signal<ConnectionTest | null>(null);
  const now = signal(deps.now());
  const lang = computed(() => resolveLang(preferences.value.language, deps.browserLanguage));
  const t = computed(() => STRINGS[lang.value]);
  const locale = computed(() => messageLocale(lang.value, view.value?.locale ?? 'en_GB'));
  const signedIn = computed(() => live.value?.auth.signedIn ?? account.value?.signedIn ?? false);
  const canWrite = computed(() =>
    covers(live.value?.auth.scopes ?? account.value?.scopes ?? [], SHEETS_SCOPE),
  );
  // The background marks `syncing` in storage while it reads, whoever started the sync.
  const syncing = computed(() => busy.value === 'refresh' || status.value.syncing);

  const messageOf = (error: unknown): string => {
    if (error instanceof MessageError && error.code === 'cancelled') return t.value.signInCancelled;
    if (error instanceof MessageError && error.code === 'no_client_id') {
      return `${t.value.errors.no_client_id.title(noVars)} ${t.value.errors.no_client_id.fix(noVars)}`;
    }
    return t.value.signInFailed;
  };

  async function run<T>(kind: Exclude<Busy, null>, action: () => Promise<T>): Promise<T | undefined> {
    busy.value = kind;
    notice.value = null;
    try {
      return await action();
    } finally {
      busy.value = null;
      now.value = deps.now();
    }
  }

  const store: Store = {
    view,
    status,
    preferences,
    log,
    account,
    live,
    busy,
    notice,
    test,
    now,
    lang,
    locale,
    t,
    signedIn,
    canWrite,
    syncing,
    canSignIn: deps.canSignIn,

    apply(changes) {
      batch(() => {
        if ('view' in changes) view.value = changes.view ?? null;
        if (changes.status) status.value = changes.status;
        if (changes.preferences) preferences.value = changes.preferences;
        if (changes.log) log.value = changes.log;
        if ('account' in changes) account.value = changes.account ?? null;
        now.value = deps.now();
      });
    },

    async loadStatus() {
      try {
        live.value = await deps.messenger.status();
      } catch {
        // The background is starting up; storage changes will bring the state.
      }
    },

    async refreshIfStale() {
      try {
        live.value = await deps.messenger.sync({ ifStale: true });
      } catch {
        // As for loadStatus.
      }
    },

    async refresh() {
      await run('refresh', async () => {
        try {
          live.value = await deps.messenger.sync({});
        } catch {
          // The outcome reaches the page through storage (status, view) all the same.
        }
      });
    },

    async signIn() {
      await run('signIn', async () => {
        try {
          live.value = await deps.messenger.signIn();
        } catch (error) {
          notice.value = messageOf(error);
        }
      });
    },

    async signOut() {
      await run('signOut', async () => {
        live.value = await deps.messenger.signOut();
      });
    },

    async grantWrite() {
      await run('grant', async () => {
        try {
          live.value = await deps.messenger.grantWrite();
        } catch (error) {
          notice.value =
            error instanceof MessageError && error.code === 'cancelled'
              ? t.value.writeRefused
              : messageOf(error);
        }
      });
    },

    async flushQueue() {
      await run('flush', async () => {
        live.value = await deps.messenger.flushQueue();
      });
    },

    async discardOtherQueued() {
      await run('flush', async () => {
        live.value = await deps.messenger.discardOtherQueued();
      });
    },

    openLedger() {
      const id = view.value?.spreadsheetId ?? preferences.value.spreadsheetId;
      if (id && !preferences.value.demo) deps.openUrl(spreadsheetUrl(id));
    },

    openOptions() {
      deps.openOptions();
    },

    openUrl(url) {
      deps.openUrl(url);
    },

    async savePreferences(patch) {
      const before = preferences.value;
      // Shown at once (a checkbox that waits for the background looks broken), undone on failure.
      preferences.value = { ...before, ...patch };
      const saved = await run('save', async () => {
        try {
          preferences.value = await deps.messenger.savePreferences(patch);
          // Turning logging on may have granted write access: show the account as it is now.
          if (patch.logging) live.value = await deps.messenger.status();
          notice.value = t.value.saved;
          return true;
        } catch (error) {
          preferences.value = before;
          // Turning logging on asks Google for write access; the user may say no.
          notice.value =
            error instanceof MessageError && error.code === 'cancelled'
              ? t.value.writeRefused
              : t.value.errors.internal.title(noVars);
          return false;
        }
      });
      return saved ?? false;
    },

    async testConnection(spreadsheet) {
      await run('test', async () => {
        test.value = null;
        test.value = await deps.messenger.testConnection({ spreadsheet });
      });
    },

    tick() {
      now.value = deps.now();
    },
  };
  return store;
}

const noVars = { sheet: '', status: '', detail: '', retry: '' };

export const StoreContext = createContext<Store | null>(null);

export function useStore(): Store {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useStore outside a StoreContext provider');
  return store;
}
