/**
 * A Google Sheet ledger through the Sheets API v4 (`@googleapis/sheets`), with Application
 * Default Credentials (`GOOGLE_APPLICATION_CREDENTIALS`, or `gcloud auth
 * application-default login`). Two requests per report, whatever the ledger's size: the
 * spreadsheet's metadata (locale, time zone, tab names) and ONE values.batchGet for all
 * ledger tabs, unformatted, dates as serial numbers.
 */
import { sheets as sheetsApi, auth as googleAuth } from '@googleapis/sheets';
import type { RawLedger } from '../../shared/index.ts';
import { ledgerTabs, tabRange } from '../../shared/index.ts';
import { LedgerReadError } from './csv.ts';

export const SHEETS_READ_SCOPE = 'https://www.googleapis.com/auth/spreadsheets.readonly';

export interface SheetLedger {
  raw: RawLedger;
  locale: string;
  timeZone: string;
  title: string;
}

export async function readSheetLedger(spreadsheetId: string): Promise<SheetLedger> {
  const client = sheetsApi({
    version: 'v4',
    auth: new googleAuth.GoogleAuth({ scopes: [SHEETS_READ_SCOPE] }),
  });
  try {
    const meta = await client.spreadsheets.get({
      spreadsheetId,
      fields: 'properties(title,locale,timeZone),sheets.properties.title',
    });
    const names = (meta.data.sheets ?? []).map((s) => s.properties?.title ?? '').filter(Boolean);
    const tabs = ledgerTabs(names);
    const raw: RawLedger = {};
    if (tabs.length > 0) {
      const values = await client.spreadsheets.values.batchGet({
        spreadsheetId,
        ranges: tabs.map(tabRange),
        majorDimension: 'ROWS',
        valueRenderOption: 'UNFORMATTED_VALUE',
        dateTimeRenderOption: 'SERIAL_NUMBER',
      });
      (values.data.valueRanges ?? []).forEach((vr, i) => {
        const tab = tabs[i];
        if (tab !== undefined) raw[tab] = (vr.values ?? []) as unknown[][];
      });
    }
    return {
      raw,
      locale: meta.data.properties?.locale ?? 'en_US',
      timeZone: meta.data.properties?.timeZone ?? 'UTC',
      title: meta.data.properties?.title ?? spreadsheetId,
    };
  } catch (e) {
    throw new LedgerReadError(sheetErrorText(e, spreadsheetId));
  }
}

function sheetErrorText(e: unknown, id: string): string {
  const err = e as { status?: number; code?: number | string; message?: string };
  const status = err.status ?? (typeof err.code === 'number' ? err.code : undefined);
  if (status === 401)
    return `Google refused the credentials. Run "gcloud auth application-default login" or set GOOGLE_APPLICATION_CREDENTIALS.`;
  if (status === 403) return `No access to spreadsheet ${id}: share it with the account in your credentials.`;
  if (status === 404) return `Spreadsheet ${id} was not found: check the ID (the part of the URL after /d/).`;
  if (/default credentials/i.test(err.message ?? '')) {
    return 'No Google credentials: run "gcloud auth application-default login" or set GOOGLE_APPLICATION_CREDENTIALS.';
  }
  return `Cannot read spreadsheet ${id}: ${err.message ?? String(e)}`;
}
