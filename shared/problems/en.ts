/**
 * Problem texts in English. Each says what is wrong and how to fix it; the cell is named by
 * the Problem's tab, row and column. Ids in the params (stages, messages, languages,
 * notices) are put in words here: a reader never sees `small_claims`.
 */
import { jurisdictionHint } from '../jurisdictions.ts';
import { RATE_PUBLISHERS } from '../law/rates.ts';
import { FIELD_HINTS } from '../messages/field-hints.ts';
import type { ProblemTexts, Vars } from './codes.ts';

const STEP: Readonly<Record<string, string>> = {
  stop_work: 'stop-work notice',
  demand: 'formal demand',
  small_claims: 'notice of court claim',
};

/** Message ids (Templates' Stage) in words. */
const MESSAGE: Readonly<Record<string, string>> = {
  upcoming: 'due-soon note',
  reminder: 'reminder',
  followup: 'follow-up',
  final: 'final notice',
  stop_work: 'stop-work notice',
  demand: 'formal demand',
  small_claims: 'notice of court claim',
  broken_promise: 'broken-promise',
  dispute: 'dispute',
  change_order: 'change-order',
  payment_plan: 'payment-plan',
  diffida: 'diffida ad adempiere',
  promise_thanks: 'promise thank-you',
  paid: 'thank-you',
};
const message = (id: unknown) => MESSAGE[String(id)] ?? String(id).replace(/_/g, ' ');
const LANGUAGE: Readonly<Record<string, string>> = { en: 'English', it: 'Italian' };
const language = (id: unknown) => LANGUAGE[String(id)] ?? String(id);

/** The letter a formal message is, by its notice (shared/law/notices.ts ids). */
const LETTER: Readonly<Record<string, string>> = {
  'uk.pap.letter': 'The Letter of Claim (Pre-Action Protocol for Debt Claims)',
  'uk.pdpac.period': 'The Letter before claim (Practice Direction – Pre-Action Conduct)',
  'it.mora': 'The Messa in mora (art. 1219 c.c.)',
  'it.diffida': 'The Diffida ad adempiere (art. 1454 c.c.)',
  'default.period': 'The Formal demand',
  small_claims: 'The small-claims notice',
};
const PARTY_WHAT: Readonly<Record<string, string>> = {
  creditor: 'who the claim is from',
  reply_address: 'the address to send the Reply Form to',
  your_address: 'your address',
  payment: 'how the debt can be paid',
  legal_name: "the client's registered (legal) name",
  client_address: "the client's postal address",
};
const PARTY_WHY: Readonly<Record<string, string>> = {
  signed: 'a formal letter is signed by the creditor',
  pap: 'Pre-Action Protocol for Debt Claims (legal-facts §8 uk.pap.letter)',
  it_parties: 'the letter names both parties with their addresses (legal-facts §8 it.mora)',
  reply: 'the debtor must know where to reply',
  asks_payment: 'the letter asks for payment',
  registered: 'a claim must name the company exactly as registered',
  pap_post: 'the Letter of Claim is sent by post (legal-facts §8 uk.pap.letter)',
  it_post: 'it goes by raccomandata A/R unless you have their PEC address (legal-facts §8 it.mora)',
  court_served: 'a court claim is served at the defendant’s address',
  office_post: 'the letter is sent to the registered office by post',
};
const partyWhere = (v: Vars) =>
  v.setting ? `the Settings row "${v.setting}"` : `Clients row ${v.row}, column ${v.column}`;

const PUBLISHER: Readonly<Record<string, string>> = RATE_PUBLISHERS;
const SOURCE_HINT: Readonly<Record<string, string>> = {
  IT: '<the Gazzetta Ufficiale notice, e.g. "GU n.…, <date>">',
  EU: '<the ECB page or decision you read>',
  GB: '<the Bank of England page you read>',
};

const SETTING_HINT: Readonly<Record<string, string>> = {
  locale: 'Use a locale such as it_IT, en_GB or en_US.',
  time_zone: 'Use an IANA time zone such as Europe/Rome or America/New_York.',
  currency: 'Use a three-letter ISO 4217 code such as EUR.',
  language: 'Use en or it.',
  days: 'Use a whole number of days, such as 30.',
  on_off: 'Use on or off.',
};
const SYNTAX: Readonly<Record<string, (v: Vars) => string>> = {
  unclosed: (v) => `{{#${v.name}}}, never closed with {{/${v.name}}}`,
  stray_close: (v) => `{{/${v.name}}}, which closes a section that was not opened`,
  mismatch: (v) => `{{/${v.name}}} closing {{#${v.open}}} (close the inner section first)`,
  loose_braces: () => 'a "{{" that is not a placeholder',
  brace_before_tag: () => 'a "{" right before a placeholder',
  not_a_section: (v) => `{{${v.name}}}, a list: use it as {{#${v.name}}}…{{/${v.name}}}`,
};
const fieldHint = (name: unknown) =>
  (FIELD_HINTS as Readonly<Record<string, string | undefined>>)[String(name)] ??
  'Fill in the value in the ledger.';

export const EN: ProblemTexts = {
  missing_tab: {
    message: (v) => `The ${v.tab} tab is missing.`,
    fix: () => 'Run Payladder → Set up ledger to create it (your other tabs are left alone).',
  },
  missing_column: {
    message: (v) => `The ${v.tab} tab has no "${v.column}" column.`,
    fix: (v) => `Add a header "${v.column}" to row 1 of ${v.tab}, or run Payladder → Set up ledger.`,
  },
  formula_error: {
    message: (v) => `${v.column} shows the formula error ${v.value}.`,
    fix: (v) => `Fix the formula in ${v.cell} or type the value in place of it.`,
  },
  required: {
    message: (v) => `${v.column} is empty.`,
    fix: (v) => `Fill in ${v.column} in ${v.cell}.`,
  },
  bad_date: {
    message: (v) => `"${v.value}" in ${v.column} is not a date.`,
    fix: (v) =>
      `Type the date as YYYY-MM-DD (for example 2026-01-30) or as ${v.example} for your locale ${v.locale}.`,
  },
  impossible_date: {
    message: (v) => `"${v.value}" in ${v.column} is not a real calendar date.`,
    fix: () => 'Check the day and the month (for example, February has 28 or 29 days).',
  },
  bad_amount: {
    message: (v) => `"${v.value}" in ${v.column} is not an amount.`,
    fix: (v) => `Type a number such as ${v.example} (locale ${v.locale}), without letters.`,
  },
  amount_letters: {
    message: (v) => `"${v.value}" in ${v.column} has letters in it, so it is not read as an amount.`,
    fix: (v) =>
      `Type the amount in digits only, such as ${v.example} (locale ${v.locale}); a currency code or symbol may stand before or after it (${v.currency} ${v.example}). A letter is never skipped: "12k" could be 12 or 12000, "150O" 150 or 1500.`,
  },
  amount_exponent: {
    message: (v) => `"${v.value}" in ${v.column} is in scientific notation, which Payladder does not read.`,
    fix: (v) =>
      `Type the amount in full, such as ${v.example} (locale ${v.locale}). If the sheet shows it this way, widen the column or format the cell as a number.`,
  },
  amount_too_large: {
    message: (v) => `"${v.value}" in ${v.column} is too large to count exactly.`,
    fix: (v, w) =>
      `Check for extra digits: Payladder counts amounts up to ${w.money(Number(v.max), String(v.currency))}. Split a larger claim over several milestones.`,
  },
  amount_currency: {
    message: (v) => `"${v.value}" in ${v.column} names another currency than ${v.currency}.`,
    fix: (v) => `Type the amount in ${v.currency}, or set this row's Currency to the currency of the amount.`,
  },
  bad_decimals: {
    message: (v) => `${v.value} has more decimals than ${v.currency} allows (${v.digits}).`,
    fix: (v) =>
      `Check the decimal and thousands separators for locale ${v.locale}, or round to ${v.digits} decimals.`,
  },
  not_positive: {
    message: (v) => `${v.column} must be more than zero (it is ${v.value}).`,
    fix: () => 'Type the amount as a positive number. Record refunds or credit notes in Notes.',
  },
  bad_days: {
    message: (v) => `"${v.value}" in ${v.column} is not a number of days.`,
    fix: () => 'Type a whole number of days, such as 30.',
  },
  unknown_currency: {
    message: (v) => `"${v.value}" is not an ISO 4217 currency code.`,
    fix: () => 'Use a three-letter code such as EUR, GBP or USD.',
  },
  no_currency: {
    message: () => 'No currency: the cell is empty and Settings has no Default currency.',
    fix: (v) => `Fill in ${v.column} (EUR, GBP, USD…) or set Default currency in Settings.`,
  },
  unknown_jurisdiction: {
    message: (v) => `"${v.value}" is not a jurisdiction Payladder knows.`,
    fix: (v) => jurisdictionHint(String(v.value)),
  },
  unknown_language: {
    message: (v) => `"${v.value}" is not a supported language.`,
    fix: () => 'Use "en" (English) or "it" (Italian).',
  },
  unknown_business: {
    message: (v) => `"${v.value}" in Business is not a kind of client Payladder knows.`,
    fix: () =>
      'Use "company" for a limited company or other organisation, "sole_trader" for a self-employed person trading in their own name, "consumer" for a private individual.',
  },
  unknown_risk: {
    message: (v) => `"${v.value}" is not a risk level.`,
    fix: () => 'Use low, medium or high, or leave it empty.',
  },
  unknown_status: {
    message: (v) => `"${v.value}" is not a status.`,
    fix: () =>
      'Leave Status empty (Payladder works it out) or use Paid, Disputed, On hold, Renegotiated, Written off or Cancelled.',
  },
  unknown_stage: {
    message: (v) => `"${v.value}" is not a stage.`,
    fix: (v) => `Use one of: ${v.allowed}.`,
  },
  unknown_channel: {
    message: (v) => `"${v.value}" is not a channel.`,
    fix: () =>
      'Use gmail, email, post, pec, registered (raccomandata or recorded delivery), phone, or draft for a message prepared but not yet sent.',
  },
  id_separator: {
    message: (v) => `${v.column} "${v.value}" contains a comma or a semicolon.`,
    fix: (v) =>
      `Reminders and Promises list several milestones in one cell separated by commas or semicolons, so this ID could never be matched there and the milestone would be chased every day. Replace the , or ; (for example "${v.suggestion}") in ${v.cell} and wherever the ID is used.`,
  },
  duplicate_id: {
    message: (v) => `${v.column} "${v.value}" is already used in row ${v.first}; the first one counts.`,
    fix: () => 'Give this row its own ID (for example add /2).',
  },
  unknown_client: {
    message: (v) => `Client "${v.value}" is not in the Clients tab.`,
    fix: () => 'Add the client to Clients, or pick the name from the list exactly as it is written there.',
  },
  rejected_client: {
    message: (v) => `Client "${v.value}" has a problem in Clients row ${v.first}, so this row is left out.`,
    fix: (v) => `Fix Clients row ${v.first} first.`,
  },
  unknown_milestone: {
    message: (v) => `Milestone "${v.value}" is not in the Milestones tab.`,
    fix: () => 'Use the ID of a milestone exactly as it is written in Milestones.',
  },
  rejected_milestone: {
    message: (v) =>
      `Milestone "${v.value}" has a problem in Milestones row ${v.first}, so this row is left out.`,
    fix: (v) => `Fix Milestones row ${v.first} first.`,
  },
  unknown_change_order: {
    message: (v) => `Change order "${v.value}" is not in the Change orders tab.`,
    fix: () => 'Add it to Change orders (with the date it was signed), or clear the cell.',
  },
  bad_email: {
    message: (v) => `"${v.value}" in Emails is not an address or a domain; it is ignored.`,
    fix: () =>
      'Write addresses like name@client.com, or @client.com for the whole domain, separated by commas.',
  },
  no_contract: {
    message: (v) => `No signed contract on file for ${v.client}.`,
    fix: () =>
      'Put the signing date or a link to the signed contract in Contract. Agree scope and payment terms in writing before more work.',
  },
  unsigned_change_order: {
    message: (v) => `Billed work under change order "${v.value}", which is not signed.`,
    fix: () =>
      'Get the change order signed and put the date in Change orders → Signed. Next time, agree extra work in writing before doing it.',
  },
  no_written_reminder: {
    message: (v) => `No written reminder sent before the ${STEP[String(v.stage)] ?? message(v.stage)}.`,
    fix: () =>
      'Send a written reminder (email, post, PEC or recorded delivery) and log it in Reminders: a court or agency will ask for proof that you chased in writing. Drafts and phone calls are not written proof.',
  },
  promise_before_made: {
    message: (v) => `Promised by ${v.value} is before the day the promise was made (${v.date}).`,
    fix: () =>
      'Check both dates: Date is when the client promised, Promised by the day they promised to pay by.',
  },
  future_entry: {
    message: (v) => `${v.column} ${v.value} is after today (${v.today}); the row is left out until that day.`,
    fix: () => 'Check the date: most often it is a typo (the year or the month).',
  },
  interest_rate_unknown: {
    message: (v, w) => {
      const from = String(v.from);
      const period =
        v.law === 'GB'
          ? `for ${w.date(from)} (it fixes the rate for debts whose interest starts from ${w.date(String(v.start))} to ${w.date(String(v.end))})`
          : `for the half-year from ${w.date(from)}`;
      const through = v.through ? `is counted only to ${w.date(String(v.through))}` : 'is not counted';
      return `No ${v.law} reference rate on file ${period}: statutory interest on ${v.count} milestone(s) (${v.ids}) ${through}.`;
    },
    fix: (v, w) =>
      `Check ${PUBLISHER[String(v.law)]} and add a row to the Rates tab: Law ${v.law}, From ${v.from}, Reference rate ${
        v.law === 'GB'
          ? `<the Bank Rate in force on ${w.date(String(v.from))}>`
          : `<the ECB main refinancing rate in force on ${w.date(String(v.from))}>`
      }, Source ${SOURCE_HINT[String(v.law)]}. Or update Payladder.`,
  },
  rate_overrides_builtin: {
    message: (v, w) =>
      `This row sets the ${v.law} reference rate from ${v.from} to ${w.number(Number(v.value))} %; Payladder's table says ${w.number(Number(v.builtIn))} % (${v.source}). Your row is used.`,
    fix: () =>
      'Check the official notice. If your row is a typo, correct it or delete it to use the built-in rate.',
  },
  unknown_rate_law: {
    message: (v) => `"${v.value}" in Law is not a rate table Payladder knows.`,
    fix: () =>
      'Use EU (ECB rate, Directive 2011/7/EU), IT (ECB rate per the MEF notice, D.Lgs. 231/2002) or GB (Bank of England Bank Rate).',
  },
  rate_not_half_year: {
    message: (v) => `${v.law} rates apply from 1 January or 1 July; ${v.value} is neither.`,
    fix: (v) =>
      `Type the first day of the half-year the rate is for (for example ${String(v.value).slice(0, 4)}-07-01): the rate in force on that day applies to the whole half-year.`,
  },
  bad_rate: {
    message: (v) => `"${v.value}" in Reference rate is not a percentage with at most two decimals.`,
    fix: () =>
      'Type the rate in percent before the statutory margin, such as 2.15. If the column is formatted as a percentage (it then holds 2.15 % as 0.0215), format it as a plain number.',
  },
  rate_looks_like_fraction: {
    message: (v, w) =>
      `Reference rate ${v.value} is read as ${w.number(Number(v.value))} %, not ${w.number(Number(v.value) * 100)} %.`,
    fix: () =>
      'If the cell is formatted as a percentage, format the column as a plain number and type the rate in percent (such as 2.15).',
  },
  duplicate_rate: {
    message: (v) => `Another ${v.law} rate for ${v.value} is in row ${v.first}; this later row is used.`,
    fix: () => 'Delete the row that is wrong.',
  },
  party_detail_missing: {
    message: (v) =>
      `${LETTER[String(v.notice)] ?? 'The letter'} to ${v.client} should state ${PARTY_WHAT[String(v.what)] ?? v.what}, and ${partyWhere(v)} is empty.`,
    fix: (v) => `Fill in ${partyWhere(v)}${v.why ? ` (${PARTY_WHY[String(v.why)] ?? v.why})` : ''}.`,
  },
  interest_not_on_file: {
    message: (v) => `Statutory interest for ${v.jurisdiction} is not in Payladder's tables.`,
    fix: () =>
      'Work it out with a local adviser, or set Jurisdiction to EU to use the Directive 2011/7/EU minimum.',
  },
  compensation_currency: {
    message: (v) =>
      `The fixed compensation for late payment is set in ${v.regimeCurrency} bands by the size of the debt; this milestone is in ${v.currency}, so no band can be chosen.`,
    fix: () =>
      'Convert the debt to pounds at the rate of the day it fell due and claim £40 (below £1,000), £70 (below £10,000) or £100 separately (Late Payment Act 1998 s.5A).',
  },
  overpaid: {
    message: (v, w) =>
      `Payments add up to ${w.money(Number(v.paid), String(v.currency))}, more than the amount ${w.money(Number(v.amount), String(v.currency))}.`,
    fix: () => 'Check the Payments rows for this milestone: a payment may belong to another milestone.',
  },
  payment_before_invoice: {
    message: (v) => `Payment dated ${v.value}, before the invoice date ${v.invoiceDate}.`,
    fix: () => 'Check the date, or whether this was a deposit for another milestone.',
  },
  unknown_setting: {
    message: (v) => `"${v.value}" is not a setting Payladder knows; it is ignored.`,
    fix: (v) => `Use one of: ${v.allowed}.`,
  },
  bad_setting: {
    message: (v) => `"${v.value}" is not a valid value for ${v.setting}; the default is used.`,
    fix: (v) => SETTING_HINT[String(v.hint)] ?? jurisdictionHint(String(v.value)),
  },
  future_payment: {
    message: (v) => `Payment dated ${v.value}, after today.`,
    fix: () => 'It is counted from its date on; check the date if it was meant to be today.',
  },
  template_unknown_placeholder: {
    message: (v) =>
      `"{{${v.value}}}" in the ${message(v.message)} (${language(v.language)}) ${v.column} is not a merge field; the built-in text is used.`,
    fix: (v) => `Correct the placeholder or remove it. Merge fields: ${v.allowed}.`,
  },
  template_bad_syntax: {
    message: (v) =>
      `The ${message(v.message)} (${language(v.language)}) ${v.column} has ${SYNTAX[String(v.syntax)]?.(v) ?? v.syntax}; the built-in text is used.`,
    fix: () =>
      'Write placeholders as {{name}}, and close every {{#section}} or {{^section}} with {{/section}}, inner ones first.',
  },
  template_missing_value: {
    message: (v) =>
      `{{${v.value}}} has no value for ${v.client} in the ${message(v.message)} (${language(v.language)}) message; it shows [${v.value}].`,
    fix: (v) => `${fieldHint(v.value)} Or edit the draft before sending it.`,
  },
  template_duplicate: {
    message: (v) =>
      `Another ${message(v.value)} template in ${language(v.language)} is in row ${v.first}; the first one counts.`,
    fix: () => 'Delete one of the two rows, or change its Stage or Language.',
  },
  template_empty: {
    message: (v) =>
      `${v.column} is empty; the built-in ${v.column} of the ${message(v.value)} (${language(v.language)}) message is used.`,
    fix: (v) => `Write your own ${v.column}, or delete the row to use the built-in text.`,
  },
};
