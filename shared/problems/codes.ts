/**
 * Every problem code with its severity, and the shape of the texts each language gives it.
 * A Problem carries its code and params only; its message and fix are written on demand,
 * in the reader's language (`problemText` in ../problems.ts), so the core builds no text.
 */
import type { Severity } from '../model.ts';

/** Data only: ids, names the user wrote, ISO dates, numbers; never prose in a language. */
export type ProblemParams = Record<string, string | number>;

export const PROBLEM_SEVERITY = {
  missing_tab: 'error',
  missing_column: 'error',
  formula_error: 'error',
  required: 'error',
  bad_date: 'error',
  impossible_date: 'error',
  bad_amount: 'error',
  amount_letters: 'error',
  amount_exponent: 'error',
  amount_too_large: 'error',
  amount_currency: 'error',
  bad_decimals: 'error',
  not_positive: 'error',
  bad_days: 'error',
  unknown_currency: 'error',
  no_currency: 'error',
  unknown_jurisdiction: 'error',
  unknown_language: 'error',
  unknown_business: 'error',
  unknown_risk: 'error',
  unknown_status: 'error',
  unknown_stage: 'error',
  unknown_channel: 'error',
  id_separator: 'error',
  duplicate_id: 'error',
  unknown_client: 'error',
  rejected_client: 'error',
  unknown_milestone: 'error',
  rejected_milestone: 'error',
  unknown_change_order: 'error',
  bad_email: 'warning',
  no_contract: 'warning',
  unsigned_change_order: 'warning',
  no_written_reminder: 'warning',
  promise_before_made: 'error',
  future_entry: 'warning',
  interest_rate_unknown: 'warning',
  rate_overrides_builtin: 'warning',
  unknown_rate_law: 'error',
  rate_not_half_year: 'error',
  bad_rate: 'error',
  rate_looks_like_fraction: 'warning',
  duplicate_rate: 'warning',
  party_detail_missing: 'warning',
  interest_not_on_file: 'warning',
  compensation_currency: 'warning',
  overpaid: 'warning',
  payment_before_invoice: 'warning',
  unknown_setting: 'warning',
  bad_setting: 'warning',
  future_payment: 'warning',
  template_unknown_placeholder: 'error',
  template_bad_syntax: 'error',
  template_missing_value: 'warning',
  template_duplicate: 'warning',
  template_empty: 'warning',
} as const satisfies Record<string, Severity>;

export type ProblemCode = keyof typeof PROBLEM_SEVERITY;

/** The params as the texts see them: the Problem's own, plus `tab`, `column` and `cell`. */
export type Vars = Readonly<Record<string, string | number | undefined>>;

/** What a language's texts need besides the params: its way with dates, money and ids. */
export interface Words {
  /** Minor units in the language's locale: "5.880,00 €". */
  money(minor: number, currency: string): string;
  /** An ISO date written out: "30 novembre 2026". */
  date(iso: string): string;
  /** A number in the language's locale: "2,15". */
  number(n: number): string;
}

export interface ProblemText {
  message(v: Vars, w: Words): string;
  fix(v: Vars, w: Words): string;
}

export type ProblemTexts = Readonly<Record<ProblemCode, ProblemText>>;
