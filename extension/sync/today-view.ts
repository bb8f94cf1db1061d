/**
 * Today's work as the popup and the toolbar badge show it (issue 12): the core's
 * `todayWork` (the same list and count as the CLI and the sidebar), cut to what a popup
 * shows and written at sync time with everything the first paint needs already worked out:
 * the message names in both UI languages, the amounts formatted in the ledger's locale, the
 * client's addresses for the Gmail links. Size-bounded: rows, names and lists are capped,
 * so a ledger of any size (or a 50,000-character cell) keeps the stored view small.
 */
import * as z from 'zod';
import type { Ledger, Report, Stage as StageType, TodayMessage } from '../../shared/index.ts';
import {
  Stage,
  compareUrgency,
  formatMoney,
  messageLabel,
  messageLocale,
  todayHeadline,
  todayWork,
} from '../../shared/index.ts';

/** Rows kept per list; the count says how many there are in all. */
export const TODAY_SHOWN = 12;
/** Invoice numbers and addresses kept per row. */
export const ITEMS_PER_ROW = 5;
/** Characters kept of any ledger text in the view. */
export const TEXT_MAX = 120;

/** Ledger text cut to `max` characters (with an ellipsis), so the stored view stays small. */
export function clip(text: string, max = TEXT_MAX): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

const Words = z.object({ en: z.string(), it: z.string() });

export const TodayRow = z.object({
  client: z.string(),
  /** The message's step, `promised` for a promise to check: the row's colour. */
  stage: Stage,
  /** The message's name in each UI language; null for a promise to check. */
  label: Words.nullable(),
  /** Invoice numbers (a milestone's ID when it has none). */
  invoices: z.array(z.string()),
  /**
   * Formatted at sync time for each UI language (Italian "5.880,00 €", English in the
   * ledger's English locale, as every surface: shared messageLocale), so the popup's paint
   * runs no Intl; null for a promise of everything outstanding.
   */
  amount: Words.nullable(),
  /** The client's addresses (`a@b.com`) and domains (`@b.com`), for the Gmail links. */
  to: z.array(z.string()),
});
export type TodayRow = z.infer<typeof TodayRow>;

export const TodayView = z.object({
  /** Messages + drafts + promises: the toolbar badge's number. */
  count: z.number().int(),
  /** The most urgent stage among them: the badge's colour. */
  worst: Stage.nullable(),
  /** "9 messages to send and 1 promise to check", as the CLI writes it. */
  headline: Words,
  messages: z.array(TodayRow),
  drafts: z.array(TodayRow),
  promises: z.array(TodayRow),
  /** Rows not kept, over the three lists. */
  more: z.number().int(),
});
export type TodayView = z.infer<typeof TodayView>;

/** A message's name in both UI languages (a step that sends nothing, never due, by its stage's). */
function labels(step: StageType): z.infer<typeof Words> {
  return { en: messageLabel(step, 'en'), it: messageLabel(step, 'it') };
}

export function buildTodayView(report: Report, ledger: Pick<Ledger, 'settings' | 'clients'>): TodayView {
  const work = todayWork(report);
  const locale = ledger.settings.locale;
  const amount = (minor: number, currency: string) => ({
    en: formatMoney(minor, currency, messageLocale('en', locale)),
    it: formatMoney(minor, currency, messageLocale('it', locale)),
  });
  const emails = new Map<string, string[]>();
  for (const c of ledger.clients) emails.set(c.client, c.emails);
  const to = (client: string) => (emails.get(client) ?? []).slice(0, ITEMS_PER_ROW).map((e) => clip(e));
  const invoices = (list: string[]) => list.slice(0, ITEMS_PER_ROW).map((i) => clip(i, 40));

  const messageRow = (m: TodayMessage): TodayRow => ({
    client: clip(m.client),
    stage: m.message.messageId,
    label: labels(m.message.messageId),
    invoices: invoices(m.invoices),
    amount: amount(m.message.overdue, m.message.currency),
    to: to(m.client),
  });

  let worst: StageType | null = null;
  const consider = (stage: StageType) => {
    if (worst === null || compareUrgency(stage, worst) < 0) worst = stage;
  };
  for (const m of [...work.messages, ...work.drafts]) consider(m.message.messageId);
  if (work.promises.length > 0) consider('promised');

  const messages = work.messages.slice(0, TODAY_SHOWN).map(messageRow);
  const drafts = work.drafts.slice(0, TODAY_SHOWN).map(messageRow);
  const promises = work.promises.slice(0, TODAY_SHOWN).map((p): TodayRow => ({
    client: clip(p.client),
    stage: 'promised',
    label: null,
    invoices: invoices([p.invoice]),
    amount: p.amount === null ? null : amount(p.amount, p.currency),
    to: to(p.client),
  }));
  return {
    count: work.count,
    worst,
    headline: { en: todayHeadline(work, 'en'), it: todayHeadline(work, 'it') },
    messages,
    drafts,
    promises,
    more: work.count - messages.length - drafts.length - promises.length,
  };
}
