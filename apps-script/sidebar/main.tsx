/**
 * Entry: makes the store, renders the sidebar, loads the view. Nothing else runs here, so
 * tests render `<App store={createStore(fakeCall)}>` and get the same sidebar.
 */
import { render } from 'preact';
import { App } from './app/app.tsx';
import { createStore } from './app/store.ts';
import { createServerCall } from './client.ts';
import { languageOf } from './i18n/index.ts';
import './ui/styles.css';

const root = document.getElementById('app');
if (root) {
  const store = createStore(createServerCall(), { language: languageOf(navigator.language) });
  render(<App store={store} />, root);
  void store.load();
}
