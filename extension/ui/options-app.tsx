import { useSignal } from '@preact/signals';
import { spreadsheetIdFrom, spreadsheetUrl } from '../sheets/spreadsheet-id.ts';
import type { UiLanguage } from '../sync/items.ts';
import { SYNC_MINUTES } from '../sync/defaults.ts';
import { errorText } from './display-text.ts';
import { useStore } from './store.ts';

/** The options page: which ledger, how often, which language, logging, demo mode, the account. */
export function OptionsApp() {
  const store = useStore();
  const t = store.t.value;
  const prefs = store.preferences.value;
  const busy = store.busy.value !== null;
  const url = useSignal(prefs.spreadsheetId ? spreadsheetUrl(prefs.spreadsheetId) : '');
  const touched = useSignal(false);
  const id = spreadsheetIdFrom(url.value);
  const invalid = touched.value && url.value.trim() !== '' && id === null;
  const test = store.test.value;
  const intervals: readonly number[] = SYNC_MINUTES.includes(
    prefs.syncMinutes as (typeof SYNC_MINUTES)[number],
  )
    ? SYNC_MINUTES
    : [...SYNC_MINUTES, prefs.syncMinutes].sort((a, b) => a - b);

  return (
    <main class="options" lang={store.lang.value}>
      <h1>{t.optionsTitle}</h1>

      <section aria-labelledby="ledger-h">
        <h2 id="ledger-h">{t.ledgerSection}</h2>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            touched.value = true;
            if (id) void store.savePreferences({ spreadsheetId: id, demo: false });
          }}
        >
          <label for="sheet-url">{t.spreadsheetUrl}</label>
          <input
            id="sheet-url"
            name="sheet-url"
            // Text, not url: a bare spreadsheet ID is accepted too, and the browser's own URL
            // check would silently block the form for it.
            type="text"
            inputMode="url"
            autoComplete="off"
            spellcheck={false}
            placeholder="https://docs.google.com/spreadsheets/d/…"
            value={url.value}
            aria-invalid={invalid}
            aria-describedby="sheet-url-hint"
            onInput={(e) => {
              url.value = e.currentTarget.value;
              touched.value = false;
            }}
            onBlur={() => (touched.value = true)}
          />
          <p id="sheet-url-hint" class={invalid ? 'hint invalid' : 'hint'}>
            {invalid ? t.notASheetUrl : t.spreadsheetHint}
          </p>
          <div class="actions">
            <button
              type="button"
              disabled={busy || id === null}
              onClick={() => {
                touched.value = true;
                if (id) void store.testConnection(id);
              }}
            >
              {store.busy.value === 'test' ? t.testing : t.testConnection}
            </button>
            <button type="submit" disabled={busy || id === null}>
              {t.save}
            </button>
          </div>
        </form>
        {test ? (
          <div class={test.ok ? 'test ok' : 'test error'} role="status" data-testid="connection-test">
            {test.ok ? (
              <>
                <p>{t.connectionOk(test.title ?? '')}</p>
                {test.tabsFound.length > 0 ? <p>{t.tabsFound(test.tabsFound.join(', '))}</p> : null}
                {test.tabsMissing.length > 0 ? <p>{t.tabsMissing(test.tabsMissing.join(', '))}</p> : null}
              </>
            ) : test.error ? (
              <>
                <p>{errorText(test.error, store.lang.value, store.now.value, null).title}</p>
                <p>{errorText(test.error, store.lang.value, store.now.value, null).fix}</p>
              </>
            ) : null}
          </div>
        ) : null}

        <label class="check">
          <input
            type="checkbox"
            name="demo"
            checked={prefs.demo}
            disabled={busy}
            onChange={(e) => void store.savePreferences({ demo: e.currentTarget.checked })}
          />
          <span>{t.demoMode}</span>
        </label>
        <p class="hint">{t.demoHelp}</p>
      </section>

      <section aria-labelledby="sync-h">
        <h2 id="sync-h">{t.syncSection}</h2>
        <label for="interval">{t.syncInterval}</label>
        <select
          id="interval"
          name="interval"
          value={String(prefs.syncMinutes)}
          disabled={busy}
          onChange={(e) => void store.savePreferences({ syncMinutes: Number(e.currentTarget.value) })}
        >
          {intervals.map((m) => (
            <option key={m} value={String(m)}>
              {t.minutes(m)}
            </option>
          ))}
        </select>

        <label for="language">{t.language}</label>
        <select
          id="language"
          name="language"
          value={prefs.language}
          disabled={busy}
          onChange={(e) => void store.savePreferences({ language: e.currentTarget.value as UiLanguage })}
        >
          <option value="auto">{t.languageAuto}</option>
          <option value="en">English</option>
          <option value="it">Italiano</option>
        </select>

        <label class="check">
          <input
            type="checkbox"
            name="logging"
            checked={prefs.logging}
            disabled={busy}
            onChange={(e) => void store.savePreferences({ logging: e.currentTarget.checked })}
          />
          <span>{t.logging}</span>
        </label>
        <p class="hint">{t.loggingHelp}</p>
      </section>

      <section aria-labelledby="account-h">
        <h2 id="account-h">{t.accountSection}</h2>
        {!store.canSignIn ? (
          <p class="hint" data-testid="no-client-id">
            {t.errors.no_client_id.title(NO_VARS)} {t.errors.no_client_id.fix(NO_VARS)}
          </p>
        ) : store.signedIn.value ? (
          <>
            <p>{t.signedInAs}</p>
            <p class="hint" data-testid="access">
              {store.canWrite.value ? t.accessWrite : t.accessRead}
            </p>
            {prefs.logging && !store.canWrite.value ? (
              <button type="button" disabled={busy} onClick={() => void store.grantWrite()}>
                {t.allowEditing}
              </button>
            ) : null}
            <button type="button" disabled={busy} onClick={() => void store.signOut()}>
              {t.signOut}
            </button>
          </>
        ) : (
          <>
            <p>{t.signedOut}</p>
            <button type="button" disabled={busy} onClick={() => void store.signIn()}>
              {store.busy.value === 'signIn' ? t.signingIn : t.signIn}
            </button>
          </>
        )}
      </section>

      {store.notice.value ? (
        <p class="notice" role="status" data-testid="notice">
          {store.notice.value}
        </p>
      ) : null}
    </main>
  );
}

const NO_VARS = { sheet: '', status: '', detail: '', retry: '' };
