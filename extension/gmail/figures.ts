/** Amounts, days and dates as the overlay shows them. */
import type { IsoDate } from '../../shared/model.ts';
import { formatShortDate } from '../../shared/short-date.ts';
import { formatMoney, messageLocale } from '../../shared/money.ts';
import { STAGE_PALETTE } from '../../shared/stage-look.ts';
import type { Stage } from '../../shared/stages.ts';
import type { Lang, OverlayStrings } from './strings';
import { intlTag } from './strings';

/**
 * Minor units per currency → "€4,800.00 + £120.00" / "4.800,00 € + 120,00 £", in the
 * overlay language's locale (English: the ledger's English locale, else en-GB); '' when nothing.
 */
export function moneyText(
  totals: Readonly<Record<string, number>>,
  lang: Lang,
  ledgerLocale: string,
): string {
  const locale = messageLocale(lang, ledgerLocale);
  return Object.entries(totals)
    .filter(([, minor]) => minor > 0)
    .map(([currency, minor]) => formatMoney(minor, currency, locale))
    .join(' + ');
}

/**
 * A stage chip's inline colours: its own fill and text, as on every surface. The palette,
 * not the assembled `stageLook`, keeps the content script to the data it draws with.
 */
export function stageStyle(stage: Stage): { backgroundColor: string; color: string } {
  const [backgroundColor, color] = STAGE_PALETTE[stage];
  return { backgroundColor, color };
}

/** "30 Nov" / "30 nov"; the year only when it is not `today`'s. */
export function dateText(date: IsoDate, lang: Lang, today: IsoDate): string {
  return formatShortDate(date, intlTag(lang), date.slice(0, 4) !== today.slice(0, 4));
}

/**
 * Calendar days from `from` to `to` (ISO dates). Not shared/dates.ts `daysBetween`: that one
 * validates and brings its civil-calendar arithmetic (about 0.5 KB), and the content script
 * is at its size budget.
 */
export function daysFrom(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** "23 days late", or "due in 4 days" for a milestone not yet due; '' without a due date. */
export function lateText(
  daysOverdue: number | null,
  dueDate: IsoDate | null,
  today: IsoDate,
  t: OverlayStrings,
): string {
  if (daysOverdue !== null && daysOverdue >= 1) return t.daysLate(daysOverdue);
  if (dueDate !== null) return t.dueIn(daysFrom(today, dueDate));
  return '';
}

/** "next: Follow-up today" / "next: Stop work on 4 Dec". */
export function nextText(
  next: { stage: string; on: IsoDate } | null,
  today: IsoDate,
  lang: Lang,
  t: OverlayStrings,
): string {
  if (next === null) return t.nothingNext;
  const stage = t.stages[next.stage as keyof OverlayStrings['stages']] ?? next.stage;
  return t.next(stage, next.on <= today ? t.today : t.onDate(dateText(next.on, lang, today)));
}
