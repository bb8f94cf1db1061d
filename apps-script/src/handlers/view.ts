/** The sidebar's view of the ledger: the report plus the rows its detail views need. */
import type { DraftView, SidebarView } from '../api.ts';
import { draftIdOfLink } from '../draft-link.ts';
import type { Services } from '../services.ts';
import { shownProblem } from '../../../shared/index.ts';
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
    problems: report.problems.map((p) =>
      shownProblem(p, ledger.settings.defaultLanguage, ledger.settings.locale),
    ),
    // The view is made by a recompute, so "last recomputed" is the moment it read the clock.
    recomputedAt: loaded.now.toISOString(),
    dailyTrigger: trigger ? { hour: trigger.hour } : null,
    drafts: openDrafts(services, loaded),
    statusNotes: Object.fromEntries(
      ledger.milestones.filter((m) => m.statusNote.trim() !== '').map((m) => [m.id, m.statusNote]),
    ),
  };
}

/** At most this many drafts are checked against Gmail per view (one round trip each). */
export const DRAFT_CHECKS_PER_VIEW = 10;

/**
 * The drafts the report still waits on: a milestone's next message is drafted and not sent
 * (MilestoneReport.draft). Each is asked of Gmail once (Services.draftExists): a draft that
 * has gone was sent or deleted, so the sidebar asks "sent? confirm".
 */
export function openDrafts(services: Services, loaded: LoadedLedger): DraftView[] {
  const byLink = new Map<string, DraftView>();
  for (const m of loaded.report.milestones) {
    if (m.draft === null) continue;
    const found = byLink.get(m.draft.link);
    if (found) {
      if (!found.milestones.includes(m.id)) found.milestones.push(m.id);
      continue;
    }
    const row = loaded.ledger.reminders.find((r) => r.channel === 'draft' && r.link === m.draft?.link);
    if (!row || m.draft.link === '') continue;
    byLink.set(m.draft.link, {
      link: m.draft.link,
      client: m.client,
      on: m.draft.on,
      stage: row.stage ?? row.template,
      subject: row.subject,
      milestones: [m.id],
      gone: null,
    });
  }
  let checks = 0;
  for (const d of byLink.values()) {
    const id = draftIdOfLink(d.link);
    if (id === null || checks >= DRAFT_CHECKS_PER_VIEW) continue;
    checks++;
    try {
      d.gone = !services.draftExists(id);
    } catch {
      // Gmail unreachable or the grant missing: unknown, not gone.
      d.gone = null;
    }
  }
  return [...byLink.values()].sort((a, b) => a.on.localeCompare(b.on));
}
