/**
 * Which earlier Payladder drafts Gmail no longer has. A Reminders row with Channel `draft`
 * whose Link carries a draft id (draft-link.ts) is checked with Services.draftExists: a
 * draft that is gone was sent or deleted by the user. The daily run records them in its
 * result; what the ladder makes of them (a sent draft counts as sent) is the ladder's.
 *
 * Each check is one Gmail round trip, so a run checks at most GONE_CHECK_MAX drafts, the
 * most recent first, from the last GONE_CHECK_DAYS days, and none once its deadline passed.
 */
import type { IsoDate } from '../../../shared/index.ts';
import { addDays } from '../../../shared/index.ts';
import { draftIdOfLink } from '../draft-link.ts';
import type { Services } from '../services.ts';
import type { LoadedLedger } from './ledger.ts';

export const GONE_CHECK_MAX = 50;
export const GONE_CHECK_DAYS = 45;

export interface GoneDraft {
  draftId: string;
  /** The day the draft was made (the Reminders row's Sent). */
  sent: IsoDate;
  client: string;
  milestones: string[];
  /** Reminders rows (1-based) that logged the draft. */
  rows: number[];
}

export function goneDrafts(services: Services, loaded: LoadedLedger, deadlineMs = Infinity): GoneDraft[] {
  const oldest = addDays(loaded.today, -GONE_CHECK_DAYS);
  const byId = new Map<string, GoneDraft>();
  for (const r of loaded.ledger.reminders) {
    // Today's drafts were made by this run or a click a moment ago.
    if (r.channel !== 'draft' || r.sent >= loaded.today || r.sent < oldest) continue;
    const draftId = draftIdOfLink(r.link);
    if (draftId === null) continue;
    const found = byId.get(draftId);
    if (found) {
      found.rows.push(r.row);
      for (const m of r.milestones) if (!found.milestones.includes(m)) found.milestones.push(m);
    } else {
      byId.set(draftId, {
        draftId,
        sent: r.sent,
        client: r.client,
        milestones: [...r.milestones],
        rows: [r.row],
      });
    }
  }
  const candidates = [...byId.values()].sort((a, b) => b.sent.localeCompare(a.sent)).slice(0, GONE_CHECK_MAX);
  const gone: GoneDraft[] = [];
  for (const d of candidates) {
    if (services.now().getTime() > deadlineMs) break;
    if (!services.draftExists(d.draftId)) gone.push(d);
  }
  return gone;
}
