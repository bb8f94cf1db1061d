/**
 * The merge values of one message (`{{outstanding}}`, `{{deadline}}`…), drawn from the
 * report and formatted for the client's language with Intl; and the sent messages they cite.
 */
import { addDays } from '../dates.ts';
import { formatDate, formatPerCurrency, formatRateBp } from '../format.ts';
import { interestRegime } from '../law/interest.ts';
import { smallClaimsFits, smallClaimsLimit } from '../law/small-claims.ts';
import type { ChangeOrder, Client, IsoDate, Language, Ledger, MilestoneReport, Stage } from '../model.ts';
import { currencyDigits, formatMoney } from '../money.ts';
import type { PerCurrency } from '../money.ts';
import type { PaymentPlan } from '../plans.ts';
import { isSent, reminderStep } from '../report.ts';
import { noticePeriod } from '../law/notice-period.ts';
import { noticeFor } from '../law/notices.ts';
import type { MergeData, MergeScope } from './render.ts';
import { DAYS_LATE, INTEREST_LAW, PLAN_LINE } from './templates.ts';

/**
 * Days every message but the formal demand gives to pay or answer. The demand gives the
 * jurisdiction's notice period instead (law/notice-period.ts), since the court step waits
 * for it.
 */
export const DEADLINE_DAYS = 7;

/** A diffida ad adempiere gives at least 15 days (art. 1454 c.c., legal-facts §8 it.diffida). */
export const DIFFIDA_MIN_DAYS = 15;

/** The plan a payment-plan proposal offers when none was made: 3 monthly instalments from a week on. */
/** The client's sent ladder messages (not drafts) covering any of `ids`, dated on or before `today`. */
export function sentFor(
  ledger: Ledger,
  ids: ReadonlySet<string>,
  today: IsoDate,
): Array<{ step: Stage; on: IsoDate }> {
  const out: Array<{ step: Stage; on: IsoDate }> = [];
  for (const r of ledger.reminders) {
    if (r.sent > today || !isSent(r) || !r.milestones.some((id) => ids.has(id))) continue;
    const step = reminderStep(r);
    if (step !== null) out.push({ step, on: r.sent });
  }
  return out.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
}

function sum(
  list: readonly MilestoneReport[],
  get: (m: MilestoneReport) => number,
  currencyOf: (m: MilestoneReport) => string = (m) => m.currency,
): PerCurrency {
  const out: PerCurrency = {};
  for (const m of list) out[currencyOf(m)] = (out[currencyOf(m)] ?? 0) + get(m);
  return out;
}

const anyPositive = (totals: PerCurrency) => Object.values(totals).some((v) => v > 0);
const orNull = (s: string) => (s.trim() === '' ? null : s);

/** The `{{payment_plan}}` block: one line per instalment. */
export function paymentPlanText(plan: PaymentPlan, language: Language, locale: string): string {
  return plan.instalments
    .map((i, k) =>
      PLAN_LINE[language](
        k + 1,
        plan.instalments.length,
        formatDate(i.dueDate, locale),
        formatMoney(i.amount, plan.currency, locale),
      ),
    )
    .join('\n');
}

/** The merge values for one message. Exported for surfaces that preview single fields. */
export function mergeData(args: {
  ledger: Ledger;
  client: Client;
  /** The message being written: the demand's deadline is the notice period, others 7 days. */
  messageId: string;
  milestones: readonly MilestoneReport[];
  today: IsoDate;
  locale: string;
  language: Language;
  /** The client still has work not yet due (`stop_work` applies); default false. */
  ongoingWork?: boolean;
  plan?: PaymentPlan | null;
  changeOrder?: ChangeOrder | null;
}): MergeData {
  const { ledger, client, milestones: ms, today, locale, language } = args;
  // What the log shows: the sent ladder messages about these milestones, and the first demand.
  const sent = sentFor(ledger, new Set(ms.map((m) => m.id)), today);
  const sentDays = [...new Set(sent.map((s) => s.on))];
  const firstDemand = sent.find((s) => s.step === 'demand')?.on ?? null;
  const notice = noticePeriod(client.jurisdiction, client.business);
  const deadlineDays =
    args.messageId === 'demand'
      ? notice.days
      : args.messageId === 'diffida'
        ? (noticeFor(client.jurisdiction, client.business, 'diffida')?.days ?? DIFFIDA_MIN_DAYS)
        : DEADLINE_DAYS;
  const listFormat = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
  // The promise these milestones are under (the latest one named on any of them).
  let promise: MilestoneReport['promise'] = null;
  for (const m of ms)
    if (m.promise && (promise === null || m.promise.date > promise.date)) promise = m.promise;
  // Interest is counted to the last day the rate table covers (PRODUCT.md: "to <date>").
  let interestTo = today;
  for (const m of ms)
    if (m.lateInterest > 0 && m.interestThrough !== null && m.interestThrough < interestTo)
      interestTo = m.interestThrough;
  const money = (totals: PerCurrency) => formatPerCurrency(totals, locale, client.currency);
  const plurals = new Intl.PluralRules(locale);
  const daysLate = (days: number) => DAYS_LATE[language](days, plurals.select(days));
  const date = (d: IsoDate | null) => (d === null ? null : formatDate(d, locale));
  const joined = (values: string[]) => orNull([...new Set(values.filter((v) => v.trim() !== ''))].join(', '));

  const items: MergeScope[] = ms.map((m) => {
    const one = (v: number) => formatMoney(v, m.currency, locale);
    const late = (m.daysOverdue ?? 0) >= 1;
    return {
      fields: {
        id: m.id,
        invoice: orNull(m.invoice) ?? m.id,
        project: orNull(m.project),
        description: orNull(m.description),
        amount: one(m.amount),
        paid: one(m.paid),
        outstanding: one(m.outstanding),
        due_date: date(m.dueDate),
        invoice_date: date(m.invoiceDate),
        days_overdue: late ? String(m.daysOverdue) : '0',
        days_late: daysLate(late ? (m.daysOverdue ?? 0) : 0),
        late_interest: one(m.lateInterest),
        compensation: formatMoney(m.compensation, m.compensationCurrency, locale),
      },
      flags: {
        paid: m.paid > 0,
        days_overdue: late,
        late_interest: m.lateInterest > 0,
        compensation: m.compensation > 0,
      },
    };
  });

  const outstanding = sum(ms, (m) => m.outstanding);
  const interest = sum(ms, (m) => m.lateInterest);
  // Owed in the law's currency (EUR 40 on a USD invoice), so summed per that currency.
  const compensation = sum(
    ms,
    (m) => m.compensation,
    (m) => m.compensationCurrency,
  );
  const paid = sum(ms, (m) => m.paid);
  const claim = sum(ms, (m) => m.outstanding + m.lateInterest);
  for (const [currency, minor] of Object.entries(compensation))
    claim[currency] = (claim[currency] ?? 0) + minor;
  const dueDates = ms
    .map((m) => m.dueDate)
    .filter((d): d is IsoDate => d !== null)
    .sort();
  const days = ms.map((m) => m.daysOverdue ?? 0);
  const maxDays = days.reduce((a, b) => Math.max(a, b), 0);
  const rates = [...new Set(ms.flatMap((m) => m.interestRates))];
  const regime = interestRegime(client.jurisdiction);

  // Small claims: the limit in force today, against the principal in the limit's currency.
  const limit = smallClaimsLimit(client.jurisdiction, today);
  const limitMinor = limit ? limit.limit * 10 ** currencyDigits(limit.currency) : null;
  const currencies = Object.keys(outstanding);
  const comparable = limit !== null && currencies.length === 1 && currencies[0] === limit.currency;
  const principal = limit ? (outstanding[limit.currency] ?? 0) : 0;
  // Where the limit depends on who claims (California), an amount between the limits is
  // neither "fits" nor "over": the message then claims neither.
  const fit =
    comparable && limit ? smallClaimsFits(client.jurisdiction, today, principal, limit.currency).fits : null;

  const co = args.changeOrder ?? null;
  const plan = args.plan ?? null;
  return {
    items,
    fields: {
      contact: orNull(client.contact),
      client: client.client,
      id: joined(ms.map((m) => m.id)),
      invoice: joined(ms.map((m) => orNull(m.invoice) ?? m.id)),
      project: joined(ms.map((m) => m.project)),
      description: orNull([...new Set(ms.map((m) => m.description).filter(Boolean))].join('; ')),
      amount: money(sum(ms, (m) => m.amount)),
      paid: money(paid),
      outstanding: money(outstanding),
      due_date: date(dueDates[0] ?? null),
      days_overdue: String(Math.max(0, maxDays)),
      days_late: daysLate(Math.max(0, maxDays)),
      late_interest: money(interest),
      interest_rate: rates.length > 0 ? rates.map((bp) => formatRateBp(bp, locale)).join(' / ') : null,
      interest_law: regime ? INTEREST_LAW[language][regime] : null,
      compensation: money(compensation),
      total_claim: money(claim),
      terms: String(client.terms),
      your_name: orNull(ledger.settings.yourName),
      business_name: orNull(ledger.settings.businessName),
      payment_plan: plan ? paymentPlanText(plan, language, locale) : null,
      deadline: formatDate(addDays(today, deadlineDays), locale),
      deadline_days: String(deadlineDays),
      reminder_dates:
        sentDays.length > 0 ? listFormat.format(sentDays.map((d) => formatDate(d, locale))) : null,
      demand_date: firstDemand === null ? null : formatDate(firstDemand, locale),
      interest_to: formatDate(interestTo, locale),
      payment_details: orNull(ledger.settings.paymentDetails),
      your_address: orNull(ledger.settings.yourAddress),
      client_legal_name: orNull(client.legalName) ?? client.client,
      client_address: orNull(client.address),
      contract_date: client.contractDate === null ? null : formatDate(client.contractDate, locale),
      contract: orNull(client.contract),
      invoice_date: date(
        ms
          .map((m) => m.invoiceDate)
          .filter((d): d is IsoDate => d !== null)
          .sort()[0] ?? null,
      ),
      court_route: limit ? orNull(limit.route) : null,
      promise_made: promise ? formatDate(promise.date, locale) : null,
      promise_by: promise ? formatDate(promise.by, locale) : null,
      promise_amount: promise
        ? promise.amount === null
          ? money(outstanding)
          : formatMoney(promise.amount, ms[0]?.currency ?? client.currency, locale)
        : null,
      today: formatDate(today, locale),
      small_claims_limit:
        limit && limitMinor !== null ? formatMoney(limitMinor, limit.currency, locale) : null,
      change_order: co ? orNull(co.id) : null,
      change_description: co ? orNull(co.description) : null,
      change_amount: co && co.amount !== null ? formatMoney(co.amount, client.currency, locale) : null,
    },
    flags: {
      several: ms.length > 1,
      paid: anyPositive(paid),
      late_interest: anyPositive(interest),
      compensation: anyPositive(compensation),
      statutory: anyPositive(interest) || anyPositive(compensation),
      days_overdue: maxDays >= 1,
      several_reminders: sentDays.length > 1,
      interest_stops_short: interestTo < today,
      ongoing_work: args.ongoingWork ?? false,
      fits_small_claims: fit === true,
      over_small_claims_limit: fit === false,
    },
  };
}
