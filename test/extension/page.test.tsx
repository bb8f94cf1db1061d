// @vitest-environment happy-dom
import { fakeBrowser } from 'wxt/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { EARLY_READ } from '../../extension/ui/cached-keys.ts';
import { CACHED_KEYS, mountPage, readRaw, unchecked } from '../../extension/ui/page.tsx';
import { CACHED_ITEMS, validateCached } from '../../extension/ui/validate-cached.ts';
import { PopupApp } from '../../extension/ui/popup-app.tsx';
import { DEFAULT_PREFERENCES, IDLE_STATUS } from '../../extension/sync/defaults.ts';
import { demoView } from './ui-fixtures.tsx';

beforeEach(() => {
  fakeBrowser.reset();
  document.body.innerHTML = '<div id="app"></div>';
  delete document.documentElement.dataset['painted'];
  delete document.documentElement.dataset['validated'];
});

it("reads the items' own storage keys", () => {
  for (const [name, key] of Object.entries(CACHED_KEYS)) {
    expect(CACHED_ITEMS[name as keyof typeof CACHED_ITEMS].key).toBe(`local:${key}`);
  }
});

describe('the first paint', () => {
  it('paints what storage holds, then validates it', async () => {
    const view = demoView();
    await fakeBrowser.storage.local.set({
      view,
      preferences: { ...DEFAULT_PREFERENCES, spreadsheetId: 'sheet-1234567890' },
    });
    const root = document.getElementById('app') as HTMLElement;
    await mountPage(root, PopupApp, 'payladder:test-painted');
    expect(performance.getEntriesByName('payladder:test-painted')).toHaveLength(1);
    expect(document.documentElement.dataset['validated']).toBe('true');
    expect(root.textContent).toContain(`Payladder · ${view.title}`);
  });

  it('replaces a value of the wrong shape by its fallback once validated, and draws again', async () => {
    // An older build's view: the right keys at the top, the wrong shapes inside.
    const broken = {
      ...demoView(),
      byStage: [{ stage: 'final', count: 'many', clients: 'none' }],
      needsAction: 7,
    };
    await fakeBrowser.storage.local.set({
      view: broken,
      preferences: { ...DEFAULT_PREFERENCES, spreadsheetId: 'sheet-1234567890' },
    });
    const root = document.getElementById('app') as HTMLElement;
    const store = await mountPage(root, PopupApp, 'payladder:test-painted');
    expect(store.view.value).toBeNull();
    expect(root.textContent).toContain('Refresh');
    expect(root.querySelector('[data-testid="totals"]')).toBeNull();
  });

  it('follows storage after the paint, through the schemas', async () => {
    const root = document.getElementById('app') as HTMLElement;
    const store = await mountPage(root, PopupApp, 'payladder:test-painted');
    await fakeBrowser.storage.local.set({ status: { ...IDLE_STATUS, syncing: true } });
    expect(store.status.value.syncing).toBe(true);
    await fakeBrowser.storage.local.set({ status: { nonsense: true } });
    expect(store.status.value).toEqual(IDLE_STATUS);
  });
});

it('keeps only objects for the first paint and fills the rest with defaults', async () => {
  await fakeBrowser.storage.local.set({
    view: 'garbage',
    status: [1, 2],
    preferences: { language: 'it' },
    reminderLog: { queue: 'x' },
  });
  const first = unchecked(await readRaw());
  expect(first.view).toBeNull();
  expect(first.status).toEqual(IDLE_STATUS);
  expect(first.preferences).toEqual({ ...DEFAULT_PREFERENCES, language: 'it' });
  expect(first.log).toEqual({ queue: [], logged: [] });
  // The schemas are stricter: a partial object is not the preferences (migrations fill new fields).
  expect(validateCached(await readRaw()).preferences).toEqual(DEFAULT_PREFERENCES);
});

it('takes the read the head script started (entrypoints/cached-read.ts), once, and reads storage itself without it', async () => {
  const view = demoView();
  await fakeBrowser.storage.local.set({ view: { ...view, title: 'in storage' } });
  // What the early read found when the page started; storage changed since.
  (globalThis as Record<string, unknown>)[EARLY_READ] = Promise.resolve({
    view: { ...view, title: 'early' },
  });
  expect(((await readRaw()).view as { title: string }).title).toBe('early');
  expect((globalThis as Record<string, unknown>)[EARLY_READ]).toBeUndefined();
  expect(((await readRaw()).view as { title: string }).title).toBe('in storage');
});
