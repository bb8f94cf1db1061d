/**
 * What the Gmail overlay shows about the client a conversation is with: one plain-JSON
 * object per lookup, built from the client's part of the report.
 */
import type {
  Business,
  Channel,
  IsoDate,
  Language,
  NextAction,
  Problem,
  Risk,
  SmallClaimsFit,
  Stage,
} from '../../shared/index.ts';
import { CHANNEL_WORDS, compareMilestones, isOpen, matchClient } from '../../shared/index.ts';
import type { ClientPart, LedgerState } from './ledger-state.ts';
import { clientPart, findClient } from './ledger-state.ts';

/** Money is minor units of its currency throughout (format with `formatMoney`, locale `locale`). */
export interface MilestoneLine {
  id: string;
  project: string;
  description: string;
  invoice: string;
  stage: Stage;
  currency: string;
  amount: number;
  paid: number;
  outstanding: number;
  dueDate: IsoDate | null;
  daysOverdue: number | null;
  nextAction: NextAction | null;
  lateInterest: number;
  /** Minor units of `compensationCurrency` (the law's: EUR 40 on a USD invoice to IT). */
  compensation: number;
  compensationCurrency: string;
  smallClaims: SmallClaimsFit | null;
  /**
   * Problems on the milestone's row, as code and params: a surface that shows them writes
   * them in its own language (shared/problems.ts `problemText`).
   */
  problems: Problem[];
}

export interface ReminderLine {
  sent: IsoDate;
  milestones: string[];
  stage: Stage | null;
  template: string;
  to: string;
  subject: string;
  channel: Channel | null;
  /**
   * How it went out, in words in each language ("sent from Gmail", "drafted, not confirmed
   * sent"), put in here so the size-budgeted content script carries no table of them.
   */
  channelWords: Readonly<Record<Language, string>> | null;
  link: string;
}

export interface ClientSummary {
  client: string;
  /** Which address matched and how; null when the client was asked for by name. */
  matched: { address: string; by: 'address' | 'domain' } | null;
  contact: string;
  emails: string[];
  language: Language;
  currency: string;
  jurisdiction: string;
  business: Business;
  risk: Risk | null;
  notes: string;
  worstStage: Stage | null;
  /** Minor units per currency. */
  outstanding: Record<string, number>;
  overdue: Record<string, number>;
  maxDaysOverdue: number | null;
  /** The earliest next action over the client's milestones. */
  nextAction: NextAction | null;
  /** Milestone IDs whose next action is due today or earlier. */
  dueToday: string[];
  behaviour: { avgDaysLate: number | null; onTimeShare: number | null; paidMilestones: number };
  /** Open milestones first, most urgent first; then the closed ones, most recent first. */
  milestones: MilestoneLine[];
  /** The last reminders logged for the client's milestones, newest first. */
  lastReminders: ReminderLine[];
  /** The ledger's locale, for amounts and dates. */
  locale: string;
  today: IsoDate;
  /** Epoch ms of the sync the figures come from. */
  syncedAt: number;
}

export const LAST_REMINDERS_SHOWN = 5;

export function summarize(
  state: LedgerState,
  part: ClientPart,
  matched: ClientSummary['matched'],
): ClientSummary {
  const { client, report } = part;
  const open = part.milestones.filter((m) => isOpen(m.stage)).sort(compareMilestones);
  const closed = part.milestones
    .filter((m) => !isOpen(m.stage))
    .sort((a, b) =>
      (b.dueDate ?? '') < (a.dueDate ?? '') ? -1 : (b.dueDate ?? '') > (a.dueDate ?? '') ? 1 : 0,
    );
  return {
    client: client.client,
    matched,
    contact: client.contact,
    emails: client.emails,
    language: client.language,
    currency: client.currency,
    jurisdiction: client.jurisdiction,
    business: client.business,
    risk: client.risk,
    notes: client.notes,
    worstStage: report.worstStage,
    outstanding: report.outstanding,
    overdue: report.overdue,
    maxDaysOverdue: report.maxDaysOverdue,
    nextAction: report.nextAction,
    dueToday: report.dueToday,
    behaviour: {
      avgDaysLate: report.avgDaysLate,
      onTimeShare: report.onTimeShare,
      paidMilestones: report.paidMilestones,
    },
    milestones: [...open, ...closed].map((m) => ({
      id: m.id,
      project: m.project,
      description: m.description,
      invoice: m.invoice,
      stage: m.stage,
      currency: m.currency,
      amount: m.amount,
      paid: m.paid,
      outstanding: m.outstanding,
      dueDate: m.dueDate,
      daysOverdue: m.daysOverdue,
      nextAction: m.nextAction,
      lateInterest: m.lateInterest,
      compensation: m.compensation,
      compensationCurrency: m.compensationCurrency,
      smallClaims: m.smallClaims,
      problems: m.problems,
    })),
    lastReminders: part.reminders
      .slice(-LAST_REMINDERS_SHOWN)
      .reverse()
      .map((r) => ({
        sent: r.sent,
        milestones: r.milestones,
        stage: r.stage,
        template: r.template,
        to: r.to,
        subject: r.subject,
        channel: r.channel,
        channelWords: r.channel ? { en: CHANNEL_WORDS.en[r.channel], it: CHANNEL_WORDS.it[r.channel] } : null,
        link: r.link,
      })),
    locale: state.ledger.settings.locale,
    today: part.today,
    syncedAt: state.syncedAt,
  };
}

/** The first of `addresses` (skipping `exclude`, the user's own) that belongs to a client. */
export function lookupClient(
  state: LedgerState,
  addresses: readonly string[],
  exclude: readonly string[],
  today: IsoDate,
): ClientSummary | null {
  const skip = new Set(exclude.map((a) => a.trim().toLowerCase()));
  for (const raw of addresses) {
    const address = raw.trim().toLowerCase();
    if (address === '' || skip.has(address)) continue;
    const name = matchClient(state.index, address);
    if (name === null) continue;
    const client = findClient(state, name);
    if (!client) continue;
    const by = state.index.byAddress.get(address) === name ? 'address' : 'domain';
    return summarize(state, clientPart(state, client, today), { address, by });
  }
  return null;
}

/** The client named `name`, for the pick-a-client fallback; null when there is none. */
export function summaryByName(state: LedgerState, name: string, today: IsoDate): ClientSummary | null {
  const client = findClient(state, name);
  return client ? summarize(state, clientPart(state, client, today), null) : null;
}
