import '../../ui/styles.css';
import { PopupApp } from '../../ui/popup-app.tsx';
import { mountPage } from '../../ui/page.tsx';

// Wiring only. Painted from storage first; then the background syncs if the figures are stale.
void mountPage(document.getElementById('app') as HTMLElement, PopupApp, 'payladder:popup-painted').then(
  (store) => store.refreshIfStale(),
);
