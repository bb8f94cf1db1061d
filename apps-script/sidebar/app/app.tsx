import { useEffect, useRef } from 'preact/hooks';
import { ClientDetail } from './client-detail.tsx';
import { ClientList } from './client-list.tsx';
import { StoreContext, useStore } from './context.ts';
import { Dashboard } from './dashboard.tsx';
import { NoticeBar } from './notice-bar.tsx';
import { ProblemList } from './problem-list.tsx';
import type { Route, Store } from './store.ts';

/** The whole sidebar for one store. */
export function App({ store }: { store: Store }) {
  return (
    <StoreContext.Provider value={store}>
      <Shell />
    </StoreContext.Provider>
  );
}

function Shell() {
  const store = useStore();
  const t = store.t.value;
  const view = store.view.value;
  const route = store.route.value;
  const main = useRef<HTMLElement>(null);
  const firstRoute = useRef(true);

  useEffect(() => {
    document.documentElement.lang = store.language.value;
  }, [store.language.value]);

  // Keyboard and screen-reader users land on the new section's heading, not at the top.
  useEffect(() => {
    if (firstRoute.current) {
      firstRoute.current = false;
      return;
    }
    main.current?.querySelector<HTMLElement>('h2')?.focus();
  }, [route]);

  if (view === null) {
    if (store.loadState.value === 'error') {
      return (
        <div class="panel" role="alert">
          <p>{t.loadFailed}</p>
          <p class="muted">{store.loadError.value}</p>
          <button type="button" class="primary" onClick={() => void store.load()}>
            {t.retry}
          </button>
        </div>
      );
    }
    return (
      <p class="panel muted" role="status" aria-busy="true">
        {t.loading}
      </p>
    );
  }

  const problems = view.problems.length;
  const tabs: { route: Route; label: string; badge?: number }[] = [
    { route: { name: 'dashboard' }, label: t.dashboard },
    { route: { name: 'clients' }, label: t.clients },
    { route: { name: 'problems' }, label: t.problems, badge: problems },
  ];
  const section = route.name === 'client' ? 'clients' : route.name;

  return (
    <div class="shell">
      <header class="top">
        <div>
          <h1>{t.appName}</h1>
          <p class="muted small">{t.asOf(store.format.value.date(view.today))}</p>
        </div>
        <button
          type="button"
          class="quiet"
          onClick={() => {
            if (!store.refreshing.value) void store.load();
          }}
          aria-disabled={store.refreshing.value}
          aria-busy={store.refreshing.value}
        >
          {store.refreshing.value ? t.refreshing : t.refresh}
        </button>
      </header>
      <nav aria-label={t.nav} class="tabs">
        {tabs.map((tab) => (
          <button
            key={tab.route.name}
            type="button"
            aria-current={section === tab.route.name ? 'page' : undefined}
            onClick={() => store.go(tab.route)}
          >
            {tab.label}
            {tab.badge ? <span class="badge">{tab.badge}</span> : null}
          </button>
        ))}
      </nav>
      <NoticeBar />
      <main ref={main}>
        {route.name === 'dashboard' ? <Dashboard /> : null}
        {route.name === 'clients' ? <ClientList /> : null}
        {route.name === 'client' ? <ClientDetail name={route.client} /> : null}
        {route.name === 'problems' ? <ProblemList /> : null}
      </main>
    </div>
  );
}
