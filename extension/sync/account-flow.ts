/**
 * The user's side of the connection: signing in and out, granting write access for the
 * reminder log, choosing a ledger (preferences), and testing a sheet before choosing it.
 */
import { TABS, findTabName } from '../../shared/index.ts';
import type { Auth } from '../auth/auth.ts';
import { SHEETS_SCOPE, covers, scopeFor } from '../auth/scopes.ts';
import { spreadsheetIdFrom } from '../sheets/spreadsheet-id.ts';
import type { ConnectionTest, StatusReply } from '../messages.ts';
import type { ErrorPlace } from './errors.ts';
import { syncError, toSyncError } from './errors.ts';
import type { Preferences } from './items.ts';
import { IDLE_STATUS, Preferences as PreferencesSchema } from './items.ts';
import type { AlarmsApi, ServiceItems } from './service-context.ts';
import { SYNC_ALARM } from './service-context.ts';
import type { SheetSource } from './sheet-source.ts';
import { ledgerTabs } from './sheet-source.ts';

export interface AccountFlowContext {
  auth: Auth;
  alarms: AlarmsApi;
  items: Pick<ServiceItems, 'preferences' | 'status' | 'view' | 'meta' | 'ledger'>;
  source: Pick<SheetSource, 'fetchMeta'>;
  now: () => number;
  /** Reads the ledger now. */
  sync(): Promise<void>;
  status(): Promise<StatusReply>;
  flushQueue(): Promise<void>;
  /** Forgets the ledger kept in memory (its storage items are removed by the caller). */
  forgetLedger(): void;
  place(prefs: Preferences): Promise<ErrorPlace>;
  refreshBadge(): Promise<void>;
  ensureSchedule(prefs: Preferences): Promise<void>;
}

export interface AccountFlow {
  signIn(): Promise<StatusReply>;
  grantWrite(): Promise<StatusReply>;
  signOut(): Promise<StatusReply>;
  savePreferences(patch: Partial<Preferences>): Promise<Preferences>;
  testConnection(spreadsheet: string): Promise<ConnectionTest>;
}

export function createAccountFlow(ctx: AccountFlowContext): AccountFlow {
  const { auth, items } = ctx;
  return {
    async signIn() {
      const prefs = await items.preferences.get();
      // Read-only unless the user already turned logging on (then the consent names both).
      await auth.signIn(scopeFor(prefs.logging));
      await ctx.sync();
      return ctx.status();
    },

    async grantWrite() {
      await auth.grant(SHEETS_SCOPE);
      await ctx.flushQueue();
      return ctx.status();
    },

    async signOut() {
      // Revokes the grant at Google too (auth/revoke.ts), not only the browser's copy.
      await auth.signOut();
      // The ledger is the user's business: it does not outlive the sign-in on this browser.
      const prefs = await items.preferences.get();
      if (!prefs.demo) {
        ctx.forgetLedger();
        await Promise.all([items.ledger.remove(), items.view.remove(), items.meta.remove()]);
        await items.status.set({ ...IDLE_STATUS, error: syncError('signed_out', await ctx.place(prefs)) });
      }
      await ctx.refreshBadge();
      return ctx.status();
    },

    async savePreferences(patch) {
      const before = await items.preferences.get();
      const next = PreferencesSchema.parse({ ...before, ...patch });
      if (next.logging && !before.logging) {
        // Logging writes to the sheet: ask for write access now, while the user is turning it
        // on (Options says why). Refused: logging stays off and the error reaches the page.
        const account = await auth.state();
        if (account.signedIn && !covers(account.scopes, SHEETS_SCOPE)) await auth.grant(SHEETS_SCOPE);
      }
      await items.preferences.set(next);
      const sourceChanged = next.demo !== before.demo || next.spreadsheetId !== before.spreadsheetId;
      if (sourceChanged) {
        // Never show one ledger's figures under another's name, even for the second a sync takes.
        ctx.forgetLedger();
        await Promise.all([items.ledger.remove(), items.view.remove(), items.status.set(IDLE_STATUS)]);
      }
      if (next.syncMinutes !== before.syncMinutes) await ctx.alarms.clear(SYNC_ALARM);
      await ctx.ensureSchedule(next);
      if (sourceChanged || next.logging !== before.logging) await ctx.sync();
      else await ctx.refreshBadge();
      return next;
    },

    async testConnection(input) {
      const id = spreadsheetIdFrom(input);
      const where: ErrorPlace = { spreadsheetId: id, sheetTitle: null, at: ctx.now() };
      if (id === null) {
        return {
          ok: false,
          spreadsheetId: null,
          title: null,
          tabsFound: [],
          tabsMissing: [],
          error: syncError('not_found', where),
        };
      }
      try {
        const meta = await ctx.source.fetchMeta(id);
        const found = ledgerTabs(meta.tabs);
        return {
          ok: true,
          spreadsheetId: id,
          title: meta.title,
          tabsFound: found,
          tabsMissing: TABS.filter((t) => findTabName(t, meta.tabs) === null).map((t) => t.name),
          error: null,
        };
      } catch (error) {
        return {
          ok: false,
          spreadsheetId: id,
          title: null,
          tabsFound: [],
          tabsMissing: [],
          error: toSyncError(error, where),
        };
      }
    },
  };
}
