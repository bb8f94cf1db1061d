/**
 * One milestone's line of the report as of `today`: paid to date, outstanding, days overdue,
 * stage and next action on the ladder, late interest and compensation, small-claims fit, and
 * the problems on its row.
 */
import { addDays, daysBetween } from '../dates.ts';
import { fixedCompensation, interestRegime, regimeCurrency, statutoryInterest } from '../law/interest.ts';
import { BUILT_IN_RATES } from '../law/rates.ts';
import { smallClaimsFits } from '../law/small-claims.ts';
import type { SentStep } from '../ladder.ts';
import { ladderIndex, ladderPosition, needsWrittenRecord } from '../ladder.ts';
import { noticePeriodDays } from '../law/notices.ts';
import type {
  Client,
  IsoDate,
  Ledger,
  Milestone,
  MilestoneReport,
  NextAction,
  Payment,
  PromiseRow,
  PromiseState,
  Problem,
  Reminder,
  SmallClaimsFit,
  Stage,
} from '../model.ts';
import { currencyDigits } from '../money.ts';
import { problem } from '../problems.ts';
import type { LawContext } from './rate-problems.ts';
import { noteMissingRates } from './rate-problems.ts';
import { isBusinessParty, STEPS } from '../stages.ts';
import type { Step } from '../stages.ts';

/** Due date as typed, or the invoice date + the client's terms; null before invoicing. */
export function dueDateOf(m: Milestone, client: Client | undefined): IsoDate | null {
  if (m.dueDate) return m.dueDate;
  if (m.invoiceDate && client) return addDays(m.invoiceDate, client.terms);
  return null;
}

/** What a milestone's row is worked out from, besides the milestone itself. */
export interface MilestoneContext {
  client: Client | undefined;
  /** This milestone's payments dated on or before `today`. */
  payments: readonly Payment[];
  /** This milestone's Reminders rows dated on or before `today`. */
  reminders: readonly Reminder[];
  /** The client has a milestone, not cancelled, due after `today` (stop_work only then). */
  ongoingWork: boolean;
  /** The latest promise covering this milestone, dated on or before `today`, and its state. */
  promise: { row: PromiseRow; state: PromiseState } | null;
}

/**
 * The ladder step a Reminders row records: its Stage when that is a step of the ladder,
 * else its Template when that names one (a row logged with only the message id).
 */
export function reminderStep(r: Reminder): Step | null {
  if (r.stage !== null && (STEPS as readonly string[]).includes(r.stage) && r.stage !== 'current')
    return r.stage as Step;
  const t = r.template.trim().toLowerCase();
  return (STEPS as readonly string[]).includes(t) && t !== 'current' ? (t as Step) : null;
}

/** A Reminders row counts as sent unless its Channel is `draft` (PRODUCT.md, Evidence). */
export function isSent(r: Reminder): boolean {
  return r.channel !== 'draft';
}

/** Sent in writing: any channel but `draft` and `phone` (an empty Channel counts as written). */
export function isWritten(r: Reminder): boolean {
  return r.channel !== 'draft' && r.channel !== 'phone';
}

/** One milestone's report row, as of `today`. */
export function reportMilestone(
  m: Milestone,
  ctx: MilestoneContext,
  ledger: Pick<Ledger, 'settings'>,
  today: IsoDate,
  rowProblems: Problem[],
  law: LawContext = { rates: BUILT_IN_RATES, missing: new Map() },
): MilestoneReport {
  const { client, payments, reminders } = ctx;
  const tab = 'Milestones';
  const dueDate = dueDateOf(m, client);
  let paid = 0;
  let paidOn: IsoDate | null = null;
  const sorted = payments.length > 1 ? [...payments].sort((a, b) => (a.date < b.date ? -1 : 1)) : payments;
  for (const p of sorted) {
    paid += p.amount;
    if (paidOn === null && paid >= m.amount) paidOn = p.date;
  }
  if (paid > m.amount) {
    rowProblems.push(
      problem('overpaid', tab, m.row, 'Amount', { paid, amount: m.amount, currency: m.currency }),
    );
  }

  const grace = client?.grace ?? ledger.settings.defaultGrace;
  const days = dueDate === null ? null : daysBetween(dueDate, today);

  // The sent ladder messages, and the last Reminders row of any kind.
  const sent: SentStep[] = [];
  let last: Reminder | null = null;
  let written = false;
  // The last sent message of any step, the one after a broken promise too (7 days after it).
  let lastMessage: IsoDate | null = null;
  let brokenSentOn: IsoDate | null = null;
  for (const r of reminders) {
    if (last === null || r.sent > last.sent) last = r;
    const step = reminderStep(r);
    if (step === null || !isSent(r)) continue;
    if (lastMessage === null || r.sent > lastMessage) lastMessage = r.sent;
    if (isWritten(r)) written = true;
    if (step === 'broken_promise') {
      if (brokenSentOn === null || r.sent > brokenSentOn) brokenSentOn = r.sent;
      continue;
    }
    sent.push({ stage: step, on: r.sent });
  }

  let stage: Stage;
  let nextAction: NextAction | null = null;
  let lastSent: SentStep | null = null;
  if (m.status) stage = m.status;
  else if (paidOn !== null) stage = 'paid';
  else if (dueDate === null) stage = 'current';
  else {
    const business = client?.business ?? 'company';
    const position = ladderPosition({
      dueDate,
      today,
      grace,
      ongoingWork: ctx.ongoingWork,
      sent,
      noticeDays: noticePeriodDays(client?.jurisdiction ?? '', business),
      lastMessage,
    });
    stage = position.stage;
    nextAction = position.next;
    lastSent = position.lastSent;
    // A promise pauses the ladder while open; once broken, its own message comes first, then
    // the ladder resumes from the last step sent (PRODUCT.md, "Promises").
    const p = ctx.promise;
    if (p !== null && p.state === 'open') {
      stage = 'promised';
      nextAction = { stage: 'broken_promise', on: addDays(p.row.by, 1) };
    } else if (p !== null && p.state === 'broken' && (brokenSentOn === null || brokenSentOn <= p.row.by)) {
      stage = 'broken_promise';
      nextAction = { stage: 'broken_promise', on: addDays(p.row.by, 1) };
    }
  }
  if (lastSent === null && sent.length > 0) {
    for (const s of sent)
      if (
        lastSent === null ||
        s.on > lastSent.on ||
        (s.on === lastSent.on && ladderIndex(s.stage) > ladderIndex(lastSent.stage))
      )
        lastSent = s;
  }

  // A Payladder draft of the next message, made after the last sent one: send it, don't redraft.
  let draft: MilestoneReport['draft'] = null;
  if (nextAction !== null) {
    for (const r of reminders) {
      if (isSent(r) || reminderStep(r) !== nextAction.stage) continue;
      if (lastSent !== null && r.sent < lastSent.on) continue;
      if (draft === null || r.sent > draft.on) draft = { on: r.sent, link: r.link };
    }
  }

  const ended = stage === 'paid' || stage === 'cancelled';
  const outstanding = ended ? 0 : Math.max(0, m.amount - paid);
  const daysOverdue = ended ? null : days;

  if (needsWrittenRecord(stage) && !written) {
    rowProblems.push(problem('no_written_reminder', tab, m.row, 'Stage', { stage }));
  }

  // Statutory interest and compensation: B2B, setting on, a regime on file, and late.
  let lateInterest = 0;
  let interestRates: number[] = [];
  let interestThrough: IsoDate | null = null;
  let compensation = 0;
  let compensationCurrency = m.currency;
  const regime = client ? interestRegime(client.jurisdiction) : null;
  const wasLate = dueDate !== null && (paidOn !== null ? paidOn > dueDate : today > dueDate);
  // Cancelled, written-off and renegotiated amounts are not claimed (a payment plan's
  // instalments carry their own due dates); a manual Paid without payments has no date.
  const claimable =
    stage !== 'cancelled' &&
    stage !== 'written_off' &&
    stage !== 'renegotiated' &&
    (stage !== 'paid' || paidOn !== null);
  if (
    ledger.settings.statutoryInterest &&
    client !== undefined &&
    isBusinessParty(client.business) &&
    dueDate &&
    wasLate &&
    claimable
  ) {
    if (regime) {
      const result = statutoryInterest({
        regime,
        amount: m.amount,
        dueDate,
        payments: sorted,
        today,
        contractDate: client.contractDate,
        rates: law.rates,
      });
      lateInterest = result.interest;
      interestRates = result.ratesBp;
      interestThrough = result.interestThrough;
      noteMissingRates(law, m.id, result.missing, result.interestThrough);
      // The compensation is owed in the law's currency whatever the invoice's (Directive
      // 2011/7/EU Art. 6: EUR 40; Late Payment Act s.5A: GBP). UK bands are set in pounds,
      // so a debt in another currency cannot be placed in a band: no figure, a warning.
      compensationCurrency = regimeCurrency(regime);
      if (regime !== 'UK' || m.currency === 'GBP') compensation = fixedCompensation(regime, m.amount);
      else {
        compensationCurrency = m.currency;
        rowProblems.push(
          problem('compensation_currency', tab, m.row, 'Compensation', {
            regimeCurrency: 'GBP',
            currency: m.currency,
          }),
        );
      }
    } else if (client.jurisdiction && !client.jurisdiction.startsWith('US-')) {
      rowProblems.push(
        problem('interest_not_on_file', tab, m.row, 'Late interest', { jurisdiction: client.jurisdiction }),
      );
    }
  }

  let smallClaims: SmallClaimsFit | null = null;
  if ((stage === 'demand' || stage === 'small_claims') && client) {
    const { limit, fits, court } = smallClaimsFits(client.jurisdiction, today, outstanding, m.currency);
    smallClaims = {
      jurisdiction: client.jurisdiction,
      limit: limit ? limit.limit * 10 ** currencyDigits(limit.currency) : null,
      currency: limit?.currency ?? null,
      fits,
      route: limit?.route ?? '',
      court,
      source: limit?.source ?? '',
    };
  }

  return {
    id: m.id,
    row: m.row,
    client: m.client,
    project: m.project,
    description: m.description,
    invoice: m.invoice,
    currency: m.currency,
    amount: m.amount,
    paid,
    outstanding,
    invoiceDate: m.invoiceDate,
    dueDate,
    daysOverdue,
    paidOn,
    stage,
    nextAction,
    lateInterest,
    interestRates,
    interestThrough,
    compensation,
    compensationCurrency,
    smallClaims,
    lastSent,
    draft,
    promise: ctx.promise
      ? {
          by: ctx.promise.row.by,
          amount: ctx.promise.row.amount,
          state: ctx.promise.state,
          row: ctx.promise.row.row,
          date: ctx.promise.row.date,
        }
      : null,
    lastReminder: last ? { sent: last.sent, stage: last.stage, channel: last.channel } : null,
    remindersLogged: reminders.length,
    problems: rowProblems,
  };
}
