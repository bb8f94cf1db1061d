import { fakeBrowser } from 'wxt/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { gunzipBase64, gzipBase64 } from '../../extension/sync/compress.ts';
import { ledgerItem, readLedgerCache, writeLedgerCache } from '../../extension/sync/ledger-cache.ts';
import { demoState } from './demo-state.ts';

beforeEach(() => fakeBrowser.reset());

describe('the cached ledger', () => {
  it('round-trips through storage, compressed', async () => {
    const { cache } = demoState();
    const figures = await writeLedgerCache(cache);
    expect(figures.storedBytes).toBeLessThan(figures.jsonBytes);
    expect(await readLedgerCache()).toEqual(cache);
  });

  it('reads as nothing when the data does not decompress', async () => {
    const { cache } = demoState();
    await writeLedgerCache(cache);
    const envelope = await ledgerItem.get();
    await ledgerItem.set({ ...(envelope as NonNullable<typeof envelope>), data: 'bm90IGd6aXA=' });
    expect(await readLedgerCache()).toBeNull();
  });

  it('reads as nothing when the ledger inside does not pass the schema', async () => {
    const { cache } = demoState();
    await writeLedgerCache({ ...cache, ledger: { ...cache.ledger, clients: [{ client: '' } as never] } });
    expect(await readLedgerCache()).toBeNull();
  });

  it('reads as nothing when the envelope is not ours', async () => {
    await fakeBrowser.storage.local.set({ ledger: { hello: 'world' } });
    expect(await readLedgerCache()).toBeNull();
  });
});

it('gzip + base64 round-trips text of any size', async () => {
  const text = 'Città — €1.234,56 ✓ '.repeat(50_000);
  expect(await gunzipBase64(await gzipBase64(text))).toBe(text);
  expect(await gunzipBase64(await gzipBase64(''))).toBe('');
});

it('drops a cache written by another version, to be read again from the sheet', async () => {
  const { cache } = demoState();
  await writeLedgerCache(cache);
  const envelope = await fakeBrowser.storage.local.get('ledger');
  await fakeBrowser.storage.local.set({ ledger: { ...(envelope['ledger'] as object), version: 0 } });
  expect(await readLedgerCache()).toBeNull();
});
