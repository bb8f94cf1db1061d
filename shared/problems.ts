/**
 * Problem texts, one constant per kind, so every surface says the same thing and tests can
 * match on `code`. Each says what is wrong and how to fix it; the cell is named by the
 * Problem's tab, row and column.
 */
import type { Problem, Severity } from './model.ts';

type Vars = Record<string, string | number>;
interface ProblemText {
  severity: Severity;
  message: (v: Vars) => string;
  fix: (v: Vars) => string;
}

export const PROBLEMS = {
  missing_tab: {
    severity: 'error',
    message: (v) => `The ${v.tab} tab is missing.`,
    fix: () => 'Run Payladder → Set up ledger to create it (your other tabs are left alone).',
  },
  missing_column: {
    severity: 'error',
    message: (v) => `The ${v.tab} tab has no "${v.column}" column.`,
    fix: (v) => `Add a header "${v.column}" to row 1 of ${v.tab}, or run Payladder → Set up ledger.`,
  },
  formula_error: {
    severity: 'error',
    message: (v) => `${v.column} shows the formula error ${v.value}.`,
    fix: (v) => `Fix the formula in ${v.cell} or type the value in place of it.`,
  },
  required: {
    severity: 'error',
    message: (v) => `${v.column} is empty.`,
    fix: (v) => `Fill in ${v.column} in ${v.cell}.`,
  },
  bad_date: {
    severity: 'error',
    message: (v) => `"${v.value}" in ${v.column} is not a date.`,
    fix: (v) =>
      `Type the date as YYYY-MM-DD (for example 2026-01-30) or as ${v.example} for your locale ${v.locale}.`,
  },
  impossible_date: {
    severity: 'error',
    message: (v) => `"${v.value}" in ${v.column} is not a real calendar date.`,
    fix: () => 'Check the day and the month (for example, February has 28 or 29 days).',
  },
  bad_amount: {
    severity: 'error',
    message: (v) => `"${v.value}" in ${v.column} is not an amount.`,
    fix: (v) => `Type a number such as ${v.example} (locale ${v.locale}), without letters.`,
  },
  amount_letters: {
    severity: 'error',
    message: (v) => `"${v.value}" in ${v.column} has letters in it, so it is not read as an amount.`,
    fix: (v) =>
      `Type the amount in digits only, such as ${v.example} (locale ${v.locale}); a currency code or symbol may stand before or after it (${v.currency} ${v.example}). A letter is never skipped: "12k" could be 12 or 12000, "150O" 150 or 1500.`,
  },
  amount_exponent: {
    severity: 'error',
    message: (v) => `"${v.value}" in ${v.column} is in scientific notation, which Payladder does not read.`,
    fix: (v) =>
      `Type the amount in full, such as ${v.example} (locale ${v.locale}). If the sheet shows it this way, widen the column or format the cell as a number.`,
  },
  amount_too_large: {
    severity: 'error',
    message: (v) => `"${v.value}" in ${v.column} is too large to count exactly.`,
    fix: (v) =>
      `Check for extra digits: Payladder counts amounts up to ${v.max} ${v.currency}. Split a larger claim over several milestones.`,
  },
  amount_currency: {
    severity: 'error',
    message: (v) => `"${v.value}" in ${v.column} names another currency than ${v.currency}.`,
    fix: (v) => `Type the amount in ${v.currency}, or set this row's Currency to the currency of the amount.`,
  },
  bad_decimals: {
    severity: 'error',
    message: (v) => `${v.value} has more decimals than ${v.currency} allows (${v.digits}).`,
    fix: (v) =>
      `Check the decimal and thousands separators for locale ${v.locale}, or round to ${v.digits} decimals.`,
  },
  not_positive: {
    severity: 'error',
    message: (v) => `${v.column} must be more than zero (it is ${v.value}).`,
    fix: () => 'Type the amount as a positive number. Record refunds or credit notes in Notes.',
  },
  bad_days: {
    severity: 'error',
    message: (v) => `"${v.value}" in ${v.column} is not a number of days.`,
    fix: () => 'Type a whole number of days, such as 30.',
  },
  unknown_currency: {
    severity: 'error',
    message: (v) => `"${v.value}" is not an ISO 4217 currency code.`,
    fix: () => 'Use a three-letter code such as EUR, GBP or USD.',
  },
  no_currency: {
    severity: 'error',
    message: () => 'No currency: the cell is empty and Settings has no Default currency.',
    fix: (v) => `Fill in ${v.column} (EUR, GBP, USD…) or set Default currency in Settings.`,
  },
  unknown_jurisdiction: {
    severity: 'error',
    message: (v) => `"${v.value}" is not a jurisdiction Payladder knows.`,
    fix: (v) => String(v.hint),
  },
  unknown_language: {
    severity: 'error',
    message: (v) => `"${v.value}" is not a supported language.`,
    fix: () => 'Use en (English) or it (Italian).',
  },
  unknown_business: {
    severity: 'error',
    message: (v) => `"${v.value}" in Business is not a kind of client Payladder knows.`,
    fix: () =>
      'Use company for a limited company or other organisation, sole_trader for a self-employed person trading in their own name, consumer for a private individual.',
  },
  unknown_risk: {
    severity: 'error',
    message: (v) => `"${v.value}" is not a risk level.`,
    fix: () => 'Use low, medium or high, or leave it empty.',
  },
  unknown_status: {
    severity: 'error',
    message: (v) => `"${v.value}" is not a status.`,
    fix: () =>
      'Leave Status empty (Payladder works it out) or use Paid, Disputed, On hold, Renegotiated, Written off or Cancelled.',
  },
  unknown_stage: {
    severity: 'error',
    message: (v) => `"${v.value}" is not a stage.`,
    fix: (v) => `Use one of: ${v.allowed}.`,
  },
  unknown_channel: {
    severity: 'error',
    message: (v) => `"${v.value}" is not a channel.`,
    fix: () =>
      'Use gmail, email, post, pec, registered (raccomandata or recorded delivery), phone, or draft for a message prepared but not yet sent.',
  },
  id_separator: {
    severity: 'error',
    message: (v) => `${v.column} "${v.value}" contains a comma or a semicolon.`,
    fix: (v) =>
      `Reminders and Promises list several milestones in one cell separated by commas or semicolons, so this ID could never be matched there and the milestone would be chased every day. Replace the , or ; (for example "${v.suggestion}") in ${v.cell} and wherever the ID is used.`,
  },
  duplicate_id: {
    severity: 'error',
    message: (v) => `${v.column} "${v.value}" is already used in row ${v.first}; the first one counts.`,
    fix: () => 'Give this row its own ID (for example add /2).',
  },
  unknown_client: {
    severity: 'error',
    message: (v) => `Client "${v.value}" is not in the Clients tab.`,
    fix: () => 'Add the client to Clients, or pick the name from the list exactly as it is written there.',
  },
  rejected_client: {
    severity: 'error',
    message: (v) => `Client "${v.value}" has a problem in Clients row ${v.first}, so this row is left out.`,
    fix: (v) => `Fix Clients row ${v.first} first.`,
  },
  unknown_milestone: {
    severity: 'error',
    message: (v) => `Milestone "${v.value}" is not in the Milestones tab.`,
    fix: () => 'Use the ID of a milestone exactly as it is written in Milestones.',
  },
  rejected_milestone: {
    severity: 'error',
    message: (v) =>
      `Milestone "${v.value}" has a problem in Milestones row ${v.first}, so this row is left out.`,
    fix: (v) => `Fix Milestones row ${v.first} first.`,
  },
  unknown_change_order: {
    severity: 'error',
    message: (v) => `Change order "${v.value}" is not in the Change orders tab.`,
    fix: () => 'Add it to Change orders (with the date it was signed), or clear the cell.',
  },
  bad_email: {
    severity: 'warning',
    message: (v) => `"${v.value}" in Emails is not an address or a domain; it is ignored.`,
    fix: () =>
      'Write addresses like name@client.com, or @client.com for the whole domain, separated by commas.',
  },
  no_contract: {
    severity: 'warning',
    message: (v) => `No signed contract on file for ${v.client}.`,
    fix: () =>
      'Put the signing date or a link to the signed contract in Contract. Agree scope and payment terms in writing before more work.',
  },
  unsigned_change_order: {
    severity: 'warning',
    message: (v) => `Billed work under change order "${v.value}", which is not signed.`,
    fix: () =>
      'Get the change order signed and put the date in Change orders → Signed. Next time, agree extra work in writing before doing it.',
  },
  no_written_reminder: {
    severity: 'warning',
    message: (v) => `No written reminder sent before the ${v.step}.`,
    fix: () =>
      'Send a written reminder (email, post, PEC or recorded delivery) and log it in Reminders: a court or agency will ask for proof that you chased in writing. Drafts and phone calls are not written proof.',
  },
  promise_before_made: {
    severity: 'error',
    message: (v) => `Promised by ${v.value} is before the day the promise was made (${v.date}).`,
    fix: () =>
      'Check both dates: Date is when the client promised, Promised by the day they promised to pay by.',
  },
  future_entry: {
    severity: 'warning',
    message: (v) => `${v.column} ${v.value} is after today (${v.today}); the row is left out until that day.`,
    fix: () => 'Check the date: most often it is a typo (the year or the month).',
  },
  interest_rate_unknown: {
    severity: 'warning',
    message: (v) =>
      `No ${v.law} reference rate on file ${v.period}: statutory interest on ${v.count} milestone(s) (${v.ids}) ${v.through}.`,
    fix: (v) =>
      `Check ${v.publisher} and add a row to the Rates tab: Law ${v.law}, From ${v.from}, Reference rate ${v.what}, Source ${v.sourceHint}. Or update Payladder.`,
  },
  rate_overrides_builtin: {
    severity: 'warning',
    message: (v) =>
      `This row sets the ${v.law} reference rate from ${v.from} to ${v.value} %; Payladder's table says ${v.builtIn} % (${v.source}). Your row is used.`,
    fix: () =>
      'Check the official notice. If your row is a typo, correct it or delete it to use the built-in rate.',
  },
  unknown_rate_law: {
    severity: 'error',
    message: (v) => `"${v.value}" in Law is not a rate table Payladder knows.`,
    fix: () =>
      'Use EU (ECB rate, Directive 2011/7/EU), IT (ECB rate per the MEF notice, D.Lgs. 231/2002) or GB (Bank of England Bank Rate).',
  },
  rate_not_half_year: {
    severity: 'error',
    message: (v) => `${v.law} rates apply from 1 January or 1 July; ${v.value} is neither.`,
    fix: (v) =>
      `Type the first day of the half-year the rate is for (for example ${String(v.value).slice(0, 4)}-07-01): the rate in force on that day applies to the whole half-year.`,
  },
  bad_rate: {
    severity: 'error',
    message: (v) => `"${v.value}" in Reference rate is not a percentage with at most two decimals.`,
    fix: () =>
      'Type the rate in percent before the statutory margin, such as 2.15. If the column is formatted as a percentage (it then holds 2.15 % as 0.0215), format it as a plain number.',
  },
  rate_looks_like_fraction: {
    severity: 'warning',
    message: (v) => `Reference rate ${v.value} is read as ${v.value} %, not ${Number(v.value) * 100} %.`,
    fix: () =>
      'If the cell is formatted as a percentage, format the column as a plain number and type the rate in percent (such as 2.15).',
  },
  duplicate_rate: {
    severity: 'warning',
    message: (v) => `Another ${v.law} rate for ${v.value} is in row ${v.first}; this later row is used.`,
    fix: () => 'Delete the row that is wrong.',
  },
  party_detail_missing: {
    severity: 'warning',
    message: (v) => `${v.letter} to ${v.client} should state ${v.what}, and ${v.where} is empty.`,
    fix: (v) => `Fill in ${v.where}${v.why ? ` (${v.why})` : ''}.`,
  },
  interest_not_on_file: {
    severity: 'warning',
    message: (v) => `Statutory interest for ${v.jurisdiction} is not in Payladder's tables.`,
    fix: () =>
      'Work it out with a local adviser, or set Jurisdiction to EU to use the Directive 2011/7/EU minimum.',
  },
  compensation_currency: {
    severity: 'warning',
    message: (v) =>
      `The fixed compensation for late payment is set in ${v.regimeCurrency} bands by the size of the debt; this milestone is in ${v.currency}, so no band can be chosen.`,
    fix: () =>
      'Convert the debt to pounds at the rate of the day it fell due and claim £40 (below £1,000), £70 (below £10,000) or £100 separately (Late Payment Act 1998 s.5A).',
  },
  overpaid: {
    severity: 'warning',
    message: (v) => `Payments add up to ${v.paid}, more than the amount ${v.amount}.`,
    fix: () => 'Check the Payments rows for this milestone: a payment may belong to another milestone.',
  },
  payment_before_invoice: {
    severity: 'warning',
    message: (v) => `Payment dated ${v.value}, before the invoice date ${v.invoiceDate}.`,
    fix: () => 'Check the date, or whether this was a deposit for another milestone.',
  },
  unknown_setting: {
    severity: 'warning',
    message: (v) => `"${v.value}" is not a setting Payladder knows; it is ignored.`,
    fix: (v) => `Use one of: ${v.allowed}.`,
  },
  bad_setting: {
    severity: 'warning',
    message: (v) => `"${v.value}" is not a valid value for ${v.setting}; the default is used.`,
    fix: (v) => String(v.hint),
  },
  future_payment: {
    severity: 'warning',
    message: (v) => `Payment dated ${v.value}, after today.`,
    fix: () => 'It is counted from its date on; check the date if it was meant to be today.',
  },
  template_unknown_placeholder: {
    severity: 'error',
    message: (v) =>
      `"{{${v.value}}}" in the ${v.message} (${v.language}) ${v.column} is not a merge field; the built-in text is used.`,
    fix: (v) => `Correct the placeholder or remove it. Merge fields: ${v.allowed}.`,
  },
  template_bad_syntax: {
    severity: 'error',
    message: (v) => `The ${v.message} (${v.language}) ${v.column} has ${v.value}; the built-in text is used.`,
    fix: () =>
      'Write placeholders as {{name}}, and close every {{#section}} or {{^section}} with {{/section}}, inner ones first.',
  },
  template_missing_value: {
    severity: 'warning',
    message: (v) =>
      `{{${v.value}}} has no value for ${v.client} in the ${v.message} (${v.language}) message; it shows ${v.marker}.`,
    fix: (v) => `${v.hint} Or edit the draft before sending it.`,
  },
  template_duplicate: {
    severity: 'warning',
    message: (v) =>
      `Another ${v.value} template in ${v.language} is in row ${v.first}; the first one counts.`,
    fix: () => 'Delete one of the two rows, or change its Stage or Language.',
  },
  template_empty: {
    severity: 'warning',
    message: (v) =>
      `${v.column} is empty; the built-in ${v.column} of the ${v.value} (${v.language}) message is used.`,
    fix: (v) => `Write your own ${v.column}, or delete the row to use the built-in text.`,
  },
} satisfies Record<string, ProblemText>;

export type ProblemCode = keyof typeof PROBLEMS;

export function problem(
  code: ProblemCode,
  tab: string,
  row: number | null,
  column: string | null,
  vars: Vars = {},
): Problem {
  const text: ProblemText = PROBLEMS[code];
  const all = { tab, column: column ?? '', ...vars };
  return { tab, row, column, severity: text.severity, code, message: text.message(all), fix: text.fix(all) };
}
