/**
 * Problems: what is wrong with the ledger, where, as a code and its params. The message and
 * the fix are written on demand in the reader's language (`problemText`), never while the
 * ledger is parsed: a 100,000-row ledger builds no text it may never show, and every
 * surface says the same thing in the same words (texts: problems/en.ts, problems/it.ts).
 */
import { formatDate } from './format.ts';
import type { Language, Problem } from './model.ts';
import { formatMoney, messageLocale } from './money.ts';
import { PROBLEM_SEVERITY } from './problems/codes.ts';
import type { ProblemCode, ProblemParams, ProblemTexts, Words } from './problems/codes.ts';
import { EN } from './problems/en.ts';
import { IT } from './problems/it.ts';

export { PROBLEM_SEVERITY } from './problems/codes.ts';
export type { ProblemCode, ProblemParams } from './problems/codes.ts';

const NO_PARAMS: ProblemParams = Object.freeze({}) as ProblemParams;

export function problem(
  code: ProblemCode,
  tab: string,
  row: number | null,
  column: string | null,
  params: ProblemParams = NO_PARAMS,
): Problem {
  return { tab, row, column, severity: PROBLEM_SEVERITY[code], code, params };
}

export const PROBLEM_TEXTS: Readonly<Record<Language, ProblemTexts>> = { en: EN, it: IT };

const numberFormats = new Map<string, Intl.NumberFormat>();
function words(locale: string): Words {
  let n = numberFormats.get(locale);
  if (!n) {
    n = new Intl.NumberFormat(locale, { maximumFractionDigits: 4 });
    numberFormats.set(locale, n);
  }
  const format = n;
  return {
    money: (minor, currency) => formatMoney(minor, currency, locale),
    date: (iso) => formatDate(iso, locale),
    number: (x) => format.format(x),
  };
}

export interface ProblemWords {
  message: string;
  fix: string;
}

/**
 * A problem's message and fix in `language` (money, dates and numbers in its locale; see
 * `messageLocale`: Italian → it-IT; English → the ledger's English locale, else en-GB). An unknown code (a problem from a newer version, say) reads as its code.
 */
export function problemText(p: Problem, language: Language, ledgerLocale?: string): ProblemWords {
  const text = PROBLEM_TEXTS[language][p.code as ProblemCode] as ProblemTexts[ProblemCode] | undefined;
  if (!text) return { message: p.code, fix: '' };
  const vars = { tab: p.tab, row: p.row ?? '', column: p.column ?? '', ...p.params };
  const w = words(messageLocale(language, ledgerLocale ?? 'en_GB'));
  return { message: text.message(vars, w), fix: text.fix(vars, w) };
}

/** A problem with its text written, for a surface that carries no problem texts of its own. */
export type ShownProblem = Problem & ProblemWords;

export function shownProblem(p: Problem, language: Language, ledgerLocale?: string): ShownProblem {
  return { ...p, ...problemText(p, language, ledgerLocale) };
}
