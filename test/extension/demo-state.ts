/** The demo ledger as the sync service would hold it, for tests of what is built from it. */
import type { Report } from '../../shared/index.ts';
import { DEMO_SHEET, buildReport, demoLedger } from '../../shared/index.ts';
import type { CachedLedger } from '../../extension/sync/ledger-cache.ts';
import type { LedgerState } from '../../extension/sync/ledger-state.ts';
import { makeLedgerState } from '../../extension/sync/ledger-state.ts';

export const TODAY = '2026-11-30';

export function demoState(today = TODAY): { state: LedgerState; report: Report; cache: CachedLedger } {
  const raw = demoLedger(today);
  const parsed = buildReport(raw, today, { locale: DEMO_SHEET.locale, timeZone: DEMO_SHEET.timeZone });
  const cache: CachedLedger = {
    source: 'demo',
    spreadsheetId: null,
    syncedAt: 1_000,
    title: DEMO_SHEET.title,
    locale: parsed.ledger.settings.locale,
    timeZone: parsed.ledger.settings.timeZone,
    reminders: { tab: 'Reminders', header: (raw['Reminders']?.[0] ?? []).map(String) },
    fingerprint: 'demo-fingerprint',
    ledger: parsed.ledger,
    problems: parsed.problems,
  };
  return { state: makeLedgerState(cache), report: parsed.report, cache };
}
