/**
 * Today's work in the user's terms (issue 12): not "15 milestones need an action" but what
 * the user actually does today. Every surface (CLI headline, popup, sidebar, toolbar badge)
 * counts and lists this, so they agree.
 *
 * - **messages to send**: one per client (ClientReport.message), with the milestones and
 *   invoice numbers it covers; a message Payladder already drafted is not here but under
 * - **drafts to confirm**: a draft waits to be sent from Gmail and confirmed, so the ladder
 *   can count it (PRODUCT.md, Evidence: drafts are not evidence);
 * - **promises to check**: an open promise whose `Promised by` day is today: check that
 *   the payment came in (the day after, an unkept promise becomes `broken_promise`, a
 *   message like any other).
 *
 * Pure and zod-free, so the popup and the sidebar bundles can take it.
 */
import type { ClientMessage, IsoDate, MilestoneReport, Report } from './model.ts';
import type { Language } from './stages.ts';

export interface TodayMessage {
  client: string;
  message: ClientMessage;
  /** The invoice number of each covered milestone, or its ID when it has none. */
  invoices: string[];
}

export interface PromiseToCheck {
  client: string;
  milestone: string;
  /** Invoice number, or the milestone ID when it has none. */
  invoice: string;
  by: IsoDate;
  /** Minor units of `currency`; null = everything outstanding. */
  amount: number | null;
  currency: string;
}

export interface TodayWork {
  messages: TodayMessage[];
  drafts: TodayMessage[];
  promises: PromiseToCheck[];
  /** messages + drafts + promises: what the toolbar badge shows. */
  count: number;
}

/** The invoice number the user knows a milestone by, or its ID when it has none. */
export function invoiceOrId(m: Pick<MilestoneReport, 'id' | 'invoice'>): string {
  return m.invoice.trim() !== '' ? m.invoice : m.id;
}

export function todayWork(report: Pick<Report, 'today' | 'clients' | 'milestones'>): TodayWork {
  const byId = new Map<string, MilestoneReport>();
  for (const m of report.milestones) byId.set(m.id, m);
  const messages: TodayMessage[] = [];
  const drafts: TodayMessage[] = [];
  for (const c of report.clients) {
    const message = c.message;
    if (!message) continue;
    const invoices: string[] = [];
    for (const id of message.milestones) {
      const m = byId.get(id);
      const name = m ? invoiceOrId(m) : id;
      // One invoice may cover several milestones: name it once.
      if (!invoices.includes(name)) invoices.push(name);
    }
    (message.drafted ? drafts : messages).push({ client: c.client, message, invoices });
  }
  const promises: PromiseToCheck[] = [];
  for (const m of report.milestones) {
    const p = m.promise;
    if (p && p.state === 'open' && p.by === report.today && m.outstanding > 0)
      promises.push({
        client: m.client,
        milestone: m.id,
        invoice: invoiceOrId(m),
        by: p.by,
        amount: p.amount,
        currency: m.currency,
      });
  }
  return { messages, drafts, promises, count: messages.length + drafts.length + promises.length };
}

const WORDS = {
  en: {
    message: (n: number) => (n === 1 ? '1 message to send' : `${n} messages to send`),
    draft: (n: number) => (n === 1 ? '1 draft to confirm' : `${n} drafts to confirm`),
    promise: (n: number) => (n === 1 ? '1 promise to check' : `${n} promises to check`),
    none: 'Nothing to do today',
    and: ' and ',
  },
  it: {
    message: (n: number) => (n === 1 ? '1 messaggio da inviare' : `${n} messaggi da inviare`),
    draft: (n: number) => (n === 1 ? '1 bozza da confermare' : `${n} bozze da confermare`),
    promise: (n: number) => (n === 1 ? '1 promessa da verificare' : `${n} promesse da verificare`),
    none: 'Niente da fare oggi',
    and: ' e ',
  },
} as const;

/** "9 messages to send, 1 draft to confirm and 2 promises to check"; the parts that are 0 left out. */
export function todayHeadline(work: TodayWork, language: Language): string {
  const w = WORDS[language];
  const parts: string[] = [];
  if (work.messages.length > 0) parts.push(w.message(work.messages.length));
  if (work.drafts.length > 0) parts.push(w.draft(work.drafts.length));
  if (work.promises.length > 0) parts.push(w.promise(work.promises.length));
  if (parts.length === 0) return w.none;
  if (parts.length === 1) return parts[0] as string;
  return `${parts.slice(0, -1).join(', ')}${w.and}${parts[parts.length - 1] as string}`;
}
