/**
 * The popup's view of the report: today's work (today-view.ts), the totals, the aging and
 * the clients by stage, cut to what a popup shows. It is written at each sync so the popup
 * can paint from it at once, with no schema library and no ledger on the way; for 10,000
 * clients it is a few kilobytes where the whole report is tens of megabytes, and every
 * list and ledger text in it is capped, so it stays that small.
 */
import * as z from 'zod';
import type { Ledger, Problem as ProblemType, Report, Stage as StageType } from '../../shared/index.ts';
import {
  CurrencyTotals,
  IsoDate,
  NextAction,
  Problem,
  Stage,
  compareUrgency,
  isOpen,
} from '../../shared/index.ts';
import { written } from './written.ts';

import { problemText } from '../../shared/problems.ts';
import { CLIENTS_PER_STAGE, PROBLEMS_SHOWN } from './defaults.ts';
import { PromiseDue, promisesDue } from './promises-due.ts';
import { TodayView, buildTodayView, clip } from './today-view.ts';

export { CLIENTS_PER_STAGE, PROBLEMS_SHOWN } from './defaults.ts';

/** Characters kept of a problem's message or fix (they may quote a cell of any length). */
export const PROBLEM_TEXT_MAX = 1000;

export const ClientLine = z.object({
  client: z.string(),
  nextAction: NextAction.nullable(),
  /** Minor units per currency. */
  outstanding: z.record(z.string(), z.number().int()),
  maxDaysOverdue: z.number().int().nullable(),
});
export type ClientLine = z.infer<typeof ClientLine>;

export const StageGroup = z.object({
  stage: Stage,
  /** Clients whose worst stage this is. */
  count: z.number().int(),
  /** The most urgent of them; none for stages that need nothing (paid, cancelled, written off). */
  clients: z.array(ClientLine),
});
export type StageGroup = z.infer<typeof StageGroup>;

const ProblemWords = z.object({ message: z.string(), fix: z.string() });

/**
 * A problem the popup lists, its words written at sync time in each UI language (money,
 * dates and numbers in that language's locale), so the popup's paint carries no problem
 * texts and runs no Intl for them. Ledger text in the words is capped like any other.
 */
export const ShownProblem = Problem.extend({
  text: z.object({ en: ProblemWords, it: ProblemWords }),
});
export type ShownProblem = z.infer<typeof ShownProblem>;

/** Amounts (by `moneyKey`) and dates (by ISO date) as the popup shows them in one UI language. */
const Written = z.object({
  money: z.record(z.string(), z.string()),
  dates: z.record(z.string(), z.string()),
});

export const PopupView = z.object({
  source: z.enum(['sheet', 'demo']),
  spreadsheetId: z.string().nullable(),
  title: z.string(),
  /** The ledger's locale (`it_IT`) for amounts. */
  locale: z.string(),
  today: IsoDate,
  /** Epoch ms. */
  syncedAt: z.number(),
  totals: z.record(z.string(), CurrencyTotals),
  /** Milestones with an action due today or earlier (the background's status reply). */
  dueTodayCount: z.number().int(),
  /** Today's work: the popup's first list and the toolbar badge. */
  work: TodayView,
  /** Open promises due in the next 7 days, soonest first (a view saved before them has none). */
  promisesDue: z.array(PromiseDue).default([]),
  byStage: z.array(StageGroup),
  problems: z.object({
    errors: z.number().int(),
    warnings: z.number().int(),
    first: z.array(ShownProblem),
  }),
  clients: z.number().int(),
  milestones: z.number().int(),
  /**
   * Every amount and date above that the popup shows, written at sync time in each UI
   * language (amounts in its locale: messageLocale), so the popup's first paint runs no Intl.
   */
  written: z.object({ en: Written, it: Written }),
});
export type PopupView = z.infer<typeof PopupView>;

export interface ViewSource {
  source: 'sheet' | 'demo';
  spreadsheetId: string | null;
  title: string;
  syncedAt: number;
}

export function buildView(
  report: Report,
  ledger: Pick<Ledger, 'settings' | 'clients'>,
  from: ViewSource,
): PopupView {
  const groups = new Map<StageType, StageGroup>();
  // report.clients is sorted most urgent first, so each group keeps its most urgent clients.
  for (const c of report.clients) {
    if (c.worstStage === null) continue;
    const group = groups.get(c.worstStage) ?? { stage: c.worstStage, count: 0, clients: [] };
    groups.set(c.worstStage, group);
    group.count++;
    if (isOpen(c.worstStage) && group.clients.length < CLIENTS_PER_STAGE) {
      group.clients.push({
        client: clip(c.client),
        nextAction: c.nextAction,
        outstanding: c.outstanding,
        maxDaysOverdue: c.maxDaysOverdue,
      });
    }
  }

  let errors = 0;
  const first: ProblemType[] = [];
  for (const p of report.problems) {
    if (p.severity === 'error') errors++;
  }
  // Errors first: a row left out of the ledger matters more than a warning.
  for (const p of report.problems) if (p.severity === 'error' && first.length < PROBLEMS_SHOWN) first.push(p);
  for (const p of report.problems)
    if (p.severity === 'warning' && first.length < PROBLEMS_SHOWN) first.push(p);

  const words = (p: ProblemType, lang: 'en' | 'it') => {
    const text = problemText(p, lang, ledger.settings.locale);
    return { message: clip(text.message, PROBLEM_TEXT_MAX), fix: clip(text.fix, PROBLEM_TEXT_MAX) };
  };
  const shown = first.map((p): ShownProblem => ({ ...p, text: { en: words(p, 'en'), it: words(p, 'it') } }));

  const view: Omit<PopupView, 'written'> = {
    ...from,
    locale: ledger.settings.locale,
    today: report.today,
    totals: report.totals,
    dueTodayCount: report.dueTodayCount,
    work: buildTodayView(report, ledger),
    promisesDue: promisesDue(report),
    byStage: [...groups.values()].sort((a, b) => compareUrgency(a.stage, b.stage)),
    problems: { errors, warnings: report.problems.length - errors, first: shown },
    clients: report.clients.length,
    milestones: report.milestones.length,
  };
  return { ...view, written: { en: written(view, 'en'), it: written(view, 'it') } };
}
