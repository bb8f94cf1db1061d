import {
  ClientsByStage,
  ErrorBox,
  Problems,
  Queue,
  SyncLine,
  Totals,
  offersSignIn,
} from './popup-sections.tsx';
import { PromisesDue } from './promises-due.tsx';
import { useStore } from './store.ts';
import { TodayWork } from './today-work.tsx';

/**
 * The toolbar popup: today's work first, then the promises of the week, the totals and the
 * clients by stage; painted from storage before any network. Each action is offered once:
 * the footer leaves out what the page above already offers (Settings while choosing a
 * ledger, sign-in when the error box asks for it).
 */
export function PopupApp() {
  const store = useStore();
  const t = store.t.value;
  const prefs = store.preferences.value;
  const view = store.view.value;
  const configured = prefs.demo || prefs.spreadsheetId !== null;
  const busy = store.busy.value !== null;
  // Sign in or out, in the footer unless the error box above already asks to sign in.
  const account = !prefs.demo && store.canSignIn && !(configured && offersSignIn(store));
  return (
    <main class="popup" lang={store.lang.value}>
      <header>
        <h1>
          {t.appName}
          {view ? <span class="title"> · {view.title}</span> : null}
        </h1>
        <button
          type="button"
          class="refresh"
          onClick={() => void store.refresh()}
          disabled={busy || !configured}
        >
          {store.syncing.value ? t.syncing : t.refresh}
        </button>
      </header>
      {prefs.demo ? <p class="demo-banner">{t.demoBanner}</p> : null}
      {configured ? (
        <>
          <SyncLine />
          <ErrorBox />
          <Queue />
          <TodayWork />
          <PromisesDue />
          <Totals />
          <ClientsByStage />
          <Problems />
        </>
      ) : (
        <section class="onboarding" data-testid="onboarding">
          <h2>{t.chooseLedgerTitle}</h2>
          <p>{t.chooseLedger}</p>
          <div class="actions">
            <button type="button" onClick={() => store.openOptions()}>
              {t.settings}
            </button>
            <button type="button" onClick={() => void store.savePreferences({ demo: true })} disabled={busy}>
              {t.tryDemo}
            </button>
          </div>
        </section>
      )}
      <footer class="actions">
        {configured && !prefs.demo ? (
          <button type="button" onClick={() => store.openLedger()}>
            {t.openLedger}
          </button>
        ) : null}
        {configured ? (
          <button type="button" onClick={() => store.openOptions()}>
            {t.settings}
          </button>
        ) : null}
        {!account ? null : store.signedIn.value ? (
          <button type="button" onClick={() => void store.signOut()} disabled={busy}>
            {t.signOut}
          </button>
        ) : (
          <button type="button" onClick={() => void store.signIn()} disabled={busy}>
            {store.busy.value === 'signIn' ? t.signingIn : t.signIn}
          </button>
        )}
      </footer>
      {store.notice.value ? (
        <p class="notice" role="status">
          {store.notice.value}
        </p>
      ) : null}
    </main>
  );
}
