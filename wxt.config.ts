import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { storeSafe } from './scripts/store-safe.ts';

// Google sign-in is configured at build time (extension/README.md, "Google sign-in"):
// - PAYLADDER_OAUTH_CLIENT_ID: an OAuth client of type "Chrome extension"; the Chrome build
//   then signs in with chrome.identity.getAuthToken (it goes into the manifest's `oauth2`).
// - PAYLADDER_WEB_OAUTH_CLIENT_ID: an OAuth client of type "Web application"; used with
//   chrome.identity.launchWebAuthFlow by Firefox and by Chromium browsers without getAuthToken.
// Neither is a secret; a build without them offers Demo mode and says how to set them.
const chromeClientId = process.env['PAYLADDER_OAUTH_CLIENT_ID'] ?? '';
const webClientId = process.env['PAYLADDER_WEB_OAUTH_CLIENT_ID'] ?? '';

export default defineConfig({
  srcDir: 'extension',
  // Icons live with the extension's code (WXT resolves `public` from the project root otherwise).
  publicDir: 'extension/public',
  // Firefox too: WXT would otherwise build MV2 for it.
  manifestVersion: 3,
  vite: () => ({
    plugins: [preact(), storeSafe()],
    define: {
      __PAYLADDER_OAUTH_CLIENT_ID__: JSON.stringify(chromeClientId),
      __PAYLADDER_WEB_OAUTH_CLIENT_ID__: JSON.stringify(webClientId),
    },
  }),
  // Test output is not source; AMO reviewers rebuild from the rest.
  zip: { excludeSources: ['test-results/**', '.output/**'] },
  manifest: ({ browser }) => ({
    name: 'Payladder',
    description:
      'Your Google Sheet ledger in Gmail: who owes you, where they stand on the ladder, what to send today.',
    // Least privilege: no `tabs` (the Gmail tab's URL is visible through the host permission),
    // no `unlimitedStorage` (the ledger is cached compressed within the 10 MB quota).
    permissions: ['identity', 'storage', 'alarms'],
    host_permissions: ['https://mail.google.com/*', 'https://sheets.googleapis.com/*'],
    action: { default_title: 'Payladder' },
    ...(browser === 'chrome' && chromeClientId
      ? {
          oauth2: {
            client_id: chromeClientId,
            scopes: ['https://www.googleapis.com/auth/spreadsheets.readonly'],
          },
        }
      : {}),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'payladder@payladder.app',
              // 140 (ESR): the first to read `data_collection_permissions` below (Firefox for
              // Android: 142). It also covers MV3 host permissions granted at install (127),
              // storage.session (115) and CompressionStream (113).
              strict_min_version: '140.0',
              // Nothing is sent to Payladder's developers: the ledger goes between the browser
              // and the user's own Google account only.
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
