/**
 * The ServerApi behind the dev harness and the sidebar's component tests: the REAL
 * handlers (`createServerApi`) over in-memory Services seeded from the demo ledger, so the
 * sidebar meets the server it will meet in Sheets, zod validation and all.
 */
import type { IsoDate, Language, RawLedger } from '../../../shared/index.ts';
import { SETTINGS, locateColumns } from '../../../shared/index.ts';
import type { ServerApi } from '../../src/api.ts';
import { createServerApi } from '../../src/handlers/server-api.ts';
import type { MemoryServices } from '../../dev/memory-services.ts';
import { memoryServicesOn } from '../../dev/memory-services.ts';
import { makeHostile } from './hostile-ledger.ts';

export interface HarnessApiOptions {
  today: IsoDate;
  /** `it` makes the demo ledger Italian: Default language it, locale it_IT. */
  language: Language;
  /** Markup in a client's name, notes and a description (see hostile-ledger.ts). */
  hostile?: boolean;
}

export interface HarnessApi extends ServerApi {
  /** The sheet in memory: tabs, drafts, the selected cell. */
  readonly services: MemoryServices;
}

export function createHarnessApi(options: HarnessApiOptions): HarnessApi {
  const locale = options.language === 'it' ? 'it_IT' : 'en_GB';
  const services = memoryServicesOn(options.today, { locale });
  // The tabs' row arrays themselves: editing them edits the sheet in memory.
  const raw = Object.fromEntries(services.tabs) as RawLedger;
  setSetting(raw, 'Default language', options.language);
  setSetting(raw, 'Locale', locale);
  if (options.hostile) makeHostile(raw);
  return { ...createServerApi(services), services };
}

function setSetting(raw: RawLedger, name: string, value: string): void {
  const rows = raw[SETTINGS.name];
  const columns = locateColumns(SETTINGS, rows?.[0] ?? []);
  const [key, val] = [columns.get('Setting'), columns.get('Value')];
  const row = rows?.find((r) => key !== undefined && r[key] === name);
  if (!row || val === undefined) throw new Error(`the demo ledger has no "${name}" setting`);
  row[val] = value;
}
