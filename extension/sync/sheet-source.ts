/**
 * Reading the user's spreadsheet: the ledger tabs in ONE values.batchGet, with the sheet's
 * metadata (title, locale, time zone, tab names) kept in storage and read again only when
 * it is old, when a ledger tab is missing, or when a tab was renamed since.
 */
import type { RawLedger } from '../../shared/index.ts';
import { TABS, ledgerTabs } from '../../shared/index.ts';
import type { SheetMeta, SheetsClient } from '../sheets/client.ts';
import { SheetsError } from '../sheets/errors.ts';
import type { CachedMeta } from './items.ts';
import type { Stored } from './stored.ts';

/** Metadata is read again after this long, or sooner while a ledger tab is missing (the user may be adding it). */
const META_MAX_AGE_MS = 24 * 3600_000;
const META_MAX_AGE_INCOMPLETE_MS = 3600_000;

/** The sheet's names of the ledger tabs it has, in the schema's order (shared/tabs.ts). */
export { ledgerTabs };

function metaExpired(meta: CachedMeta, now: number): boolean {
  const complete = ledgerTabs(meta.tabs).length === TABS.length;
  return now - meta.fetchedAt > (complete ? META_MAX_AGE_MS : META_MAX_AGE_INCOMPLETE_MS);
}

/** A ledger's raw tabs and the settings of the sheet they come from. */
export interface Loaded {
  raw: RawLedger;
  meta: Pick<SheetMeta, 'title' | 'locale' | 'timeZone'>;
}

export interface SheetSource {
  /** Reads the metadata now and keeps it. */
  fetchMeta(id: string): Promise<CachedMeta>;
  read(id: string): Promise<Loaded>;
}

export function createSheetSource(
  sheets: SheetsClient,
  metaItem: Stored<CachedMeta | null>,
  now: () => number,
): SheetSource {
  async function fetchMeta(id: string): Promise<CachedMeta> {
    const meta: CachedMeta = { ...(await sheets.metadata(id)), fetchedAt: now() };
    await metaItem.set(meta);
    return meta;
  }

  async function read(id: string): Promise<Loaded> {
    let meta = await metaItem.get();
    let fresh = false;
    if (!meta || meta.spreadsheetId !== id || metaExpired(meta, now())) {
      meta = await fetchMeta(id);
      fresh = true;
    }
    try {
      return { raw: await sheets.batchGet(id, ledgerTabs(meta.tabs)), meta };
    } catch (error) {
      // A tab renamed since the metadata was kept: read the tab names again, once.
      if (!(error instanceof SheetsError) || error.code !== 'range' || fresh) throw error;
      meta = await fetchMeta(id);
      return { raw: await sheets.batchGet(id, ledgerTabs(meta.tabs)), meta };
    }
  }

  return { fetchMeta, read };
}
