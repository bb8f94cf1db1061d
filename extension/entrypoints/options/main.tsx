import '../../ui/styles.css';
import { OptionsApp } from '../../ui/options-app.tsx';
import { mountPage } from '../../ui/page.tsx';

// Wiring only.
void mountPage(document.getElementById('app') as HTMLElement, OptionsApp, 'payladder:options-painted').then(
  (store) => store.loadStatus(),
);
