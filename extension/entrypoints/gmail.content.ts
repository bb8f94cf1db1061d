import { defineContentScript } from 'wxt/utils/define-content-script';
import { createLedgerClient } from '../gmail/ledger-client';
import { startOverlay } from '../gmail/observer';
import { SURFACES } from '../gmail/registry';
import { createOverlayMessenger } from '../messages.ts';

// Wiring only: the surfaces and their scheduler live in gmail/. The content script talks to
// the background by message and makes no network request of its own.
export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    // The content script is an edge: the clock is read here and handed down.
    const now = () => new Date().getTime();
    startOverlay({
      doc: document,
      surfaces: SURFACES,
      ledger: createLedgerClient(createOverlayMessenger(), now),
      cleanup: ctx,
      now,
      log: (message) => console.warn(message),
      browserLanguage: navigator.language,
      requestFrame: (callback) => ctx.requestAnimationFrame(callback),
    });
  },
});
