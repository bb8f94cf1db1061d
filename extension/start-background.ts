/**
 * Wires the sync service to the browser: messages, alarms, browser start and install, and
 * Gmail tabs coming to the front. Listeners are added synchronously when the service worker
 * starts, as MV3 requires for events that wake it.
 */
import { browser } from 'wxt/browser';
import { createAuth } from './auth/auth.ts';
import type { IdentityApi } from './auth/auth.ts';
import { revokeGrant } from './auth/revoke.ts';
import { BUILD_AUTH } from './build-config.ts';
import { toolbarBadge } from './ui/badge.ts';
import { createMessageRouter } from './sync/message-router.ts';
import type { SyncService } from './sync/sync-service.ts';
import { createSyncService } from './sync/sync-service.ts';

const GMAIL = 'https://mail.google.com/';

// The background is the edge where the clock is read; everything below takes it as a parameter.
const clock = () => new Date().getTime();

export function startBackground(): SyncService {
  const auth = createAuth({
    identity: browser.identity as unknown as IdentityApi,
    config: BUILD_AUTH,
    now: clock,
    revoke: (token) => revokeGrant((input, init) => fetch(input, init), token),
  });
  const service = createSyncService({
    fetch: (input, init) => fetch(input, init),
    auth,
    badge: toolbarBadge(browser.action, () => navigator.language),
    alarms: browser.alarms,
    now: clock,
    isOnline: () => navigator.onLine,
  });
  const route = createMessageRouter(service, {
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
  });

  // sendResponse + `return true` rather than returning a promise: Chrome answers promises
  // from onMessage listeners only in recent versions; this works everywhere.
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    const reply = route(message, sender);
    if (!reply) return undefined;
    void reply.then(sendResponse);
    return true;
  });

  browser.alarms.onAlarm.addListener((alarm) => void service.onAlarm(alarm.name));
  browser.runtime.onStartup.addListener(() => void service.onStartup());
  browser.runtime.onInstalled.addListener((details) => {
    void service.onStartup();
    // A new user lands on the options page: paste the sheet's URL or try the demo.
    if (details.reason === 'install') void browser.runtime.openOptionsPage();
  });

  const gmailInFront = (url: string | undefined) => {
    if (url?.startsWith(GMAIL)) void service.onGmailFocus();
  };
  browser.tabs.onActivated.addListener(({ tabId }) => {
    browser.tabs.get(tabId).then(
      (tab) => gmailInFront(tab.url),
      () => undefined,
    );
  });
  browser.windows.onFocusChanged.addListener((windowId) => {
    if (windowId === browser.windows.WINDOW_ID_NONE) return;
    browser.tabs.query({ active: true, windowId }).then(
      ([tab]) => gmailInFront(tab?.url),
      () => undefined,
    );
  });
  // Back online after an `offline` failure: read again at once rather than at the next alarm.
  self.addEventListener('online', () => void service.sync());
  return service;
}
