import type { Signal } from '@preact/signals';
import { useSignal } from '@preact/signals';
import { spreadsheetIdFrom, spreadsheetUrl } from '../sheets/spreadsheet-id.ts';
import type { Preferences, UiLanguage } from '../sync/items.ts';
import { SYNC_MINUTES } from '../sync/defaults.ts';
import { errorText } from './display-text.ts';
import { useStore } from './store.ts';

/** Where on the page the last change was made: its confirmation (or refusal) is shown there. */
type Place = 'demo' | 'ledger' | 'interval' | 'language' | 'logging' | 'account';

/** The last action's notice, beside the control that made it. */
function Notice({ at, place }: { at: Place; place: Signal<Place | null> }) {
  const store = useStore();
  if (!store.notice.value || place.value !== at) return null;
  return (
    <p class="notice" role="status" data-testid="notice" data-place={at}>
      {store.notice.value}
    </p>
  );
}

/**
 * The options page: which ledger (or Demo mode: the first switch for someone without a
 * ledger), how often, which language, logging, the account. Each change is saved at once
 * and confirmed where it was made.
 */
export function OptionsApp() {
  const store = useStore();
  const t = store.t.value;
  const prefs = store.preferences.value;
  const busy = store.busy.value !== null;
  const place = useSignal<Place | null>(null);
  const save = (at: Place, patch: Partial<Preferences>) => {
    place.value = at;
    void store.savePreferences(patch);
  };
  const act = (at: Place, action: () => Promise<void>) => {
    place.value = at;
    void action();
  };
  // Someone without a ledger (or trying the demo) sees Demo mode first.
  const demoFirst = prefs.demo || prefs.spreadsheetId === null;
  const demo = (
    <div class="demo-switch">
      <label class="check">
        <input
          type="checkbox"
          name="demo"
          checked={prefs.demo}
          disabled={busy}
          onChange={(e) => save('demo', { demo: e.currentTarget.checked })}
        />
        <span>{t.demoMode}</span>
      </label>
      <p class="hint">{t.demoHelp}</p>
      <Notice at="demo" place={place} />
    </div>
  );
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
        {demoFirst ? demo : null}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            touched.value = true;
            if (id) save('ledger', { spreadsheetId: id, demo: false });
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
                if (id) act('ledger', () => store.testConnection(id));
              }}
            >
              {store.busy.value === 'test' ? t.testing : t.testConnection}
            </button>
            <button type="submit" disabled={busy || id === null}>
              {t.save}
            </button>
          </div>
        </form>
        <Notice at="ledger" place={place} />
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
        {demoFirst ? null : demo}
      </section>

      <section aria-labelledby="sync-h">
        <h2 id="sync-h">{t.syncSection}</h2>
        <label for="interval">{t.syncInterval}</label>
        <select
          id="interval"
          name="interval"
          value={String(prefs.syncMinutes)}
          disabled={busy}
          onChange={(e) => save('interval', { syncMinutes: Number(e.currentTarget.value) })}
        >
          {intervals.map((m) => (
            <option key={m} value={String(m)}>
              {t.minutes(m)}
            </option>
          ))}
        </select>
        <Notice at="interval" place={place} />

        <label for="language">{t.language}</label>
        <select
          id="language"
          name="language"
          value={prefs.language}
          disabled={busy}
          onChange={(e) => save('language', { language: e.currentTarget.value as UiLanguage })}
        >
          <option value="auto">{t.languageAuto}</option>
          <option value="en">English</option>
          <option value="it">Italiano</option>
        </select>
        <Notice at="language" place={place} />

        <label class="check">
          <input
            type="checkbox"
            name="logging"
            checked={prefs.logging}
            disabled={busy}
            onChange={(e) => save('logging', { logging: e.currentTarget.checked })}
          />
          <span>{t.logging}</span>
        </label>
        <p class="hint">{t.loggingHelp}</p>
        <Notice at="logging" place={place} />
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
              <button type="button" disabled={busy} onClick={() => act('account', () => store.grantWrite())}>
                {t.allowEditing}
              </button>
            ) : null}
            <button type="button" disabled={busy} onClick={() => act('account', () => store.signOut())}>
              {t.signOut}
            </button>
          </>
        ) : (
          <>
            <p>{t.signedOut}</p>
            <button type="button" disabled={busy} onClick={() => act('account', () => store.signIn())}>
              {store.busy.value === 'signIn' ? t.signingIn : t.signIn}
            </button>
          </>
        )}
        <Notice at="account" place={place} />
      </section>
    </main>
  );
}

const NO_VARS = { sheet: '', status: '', detail: '', retry: '' };
