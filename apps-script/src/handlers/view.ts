/** The sidebar's view of the ledger: the report plus the rows its detail views need. */
import type { SidebarView } from '../api.ts';
import type { Services } from '../services.ts';
import type { LoadedLedger } from './ledger.ts';

export function sidebarView(services: Services, loaded: LoadedLedger): SidebarView {
  const { ledger, report } = loaded;
  const trigger = services.dailyTrigger();
  return {
    today: loaded.today,
    language: ledger.settings.defaultLanguage,
    locale: ledger.settings.locale,
    timeZone: ledger.settings.timeZone,
    report,
    clients: ledger.clients,
    payments: ledger.payments,
    reminders: ledger.reminders,
    changeOrders: ledger.changeOrders,
    settings: ledger.settings,
    problems: report.problems,
    // The view is made by a recompute, so "last recomputed" is the moment it read the clock.
    recomputedAt: loaded.now.toISOString(),
    dailyTrigger: trigger ? { hour: trigger.hour } : null,
  };
}
