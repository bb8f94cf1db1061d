/**
 * The message for a client: which one is recommended, which milestones it covers, and the
 * merge values drawn from the report, formatted for the client's language with Intl. Every
 * surface (Gmail compose button, sidebar, `payladder draft`) calls this, so the words and
 * the choice are the same everywhere. Pure: `today` comes in.
 */
import { pushTo } from '../collections.ts';
import { addDays } from '../dates.ts';
import { messageLocale } from '../format.ts';
import { isLadderStage } from '../ladder.ts';
import type {
  ChangeOrder,
  Channel,
  Client,
  IsoDate,
  Language,
  Ledger,
  MilestoneReport,
  Problem,
  Report,
  Stage,
} from '../model.ts';
import { refKey } from '../parse.ts';
import type { PaymentPlan } from '../plans.ts';
import { makePaymentPlan } from '../plans.ts';
import { problem } from '../problems.ts';
import { compareMilestones } from '../report.ts';
import { noticeFor } from '../law/notices.ts';
import { missingPartyDetails } from '../law/party.ts';
import { mergeData, sentFor } from './merge.ts';
import { messageIdOf, userTemplates } from './user-templates.ts';
import type { TemplateSource } from './render.ts';
import { renderMessage } from './render.ts';
import type { MessageKind } from './templates.ts';
import {
  BUILT_IN_TEMPLATES,
  DEMAND_LETTERS,
  isMessageKind,
  MESSAGE_KINDS,
  SENDING_STAGES,
} from './templates.ts';
import { MESSAGE_LABELS } from '../stage-labels.ts';
import { messageLabel } from '../stage-look.ts';

export { DEADLINE_DAYS, DIFFIDA_MIN_DAYS, mergeData, paymentPlanText } from './merge.ts';
export { templateProblems } from './user-templates.ts';

export const DEFAULT_PLAN = { instalments: 3, interval: 'monthly', startInDays: 7 } as const;

export const COMPOSE_ERRORS = {
  unknown_client: (name: string) => `No client named "${name}" in the ledger.`,
  unknown_message: (id: string) =>
    `"${id}" is not a message. Use one of: ${MESSAGE_KINDS.join(', ')}, or a stage of your own Templates rows.`,
  unknown_milestone: (id: string, client: string) =>
    `Milestone "${id}" is not one of ${client}'s milestones.`,
  diffida_only_it: (client: string) =>
    `A diffida ad adempiere is an act of Italian law (art. 1454 c.c.): ${client} is not an Italian client. Use the formal demand instead.`,
  court_needs_demand: (client: string) =>
    `No formal demand to ${client} is logged as sent: a notice of court claim can only follow a demand that went out. Send the formal demand first (a draft is not enough), and log it in Reminders.`,
  stale_report: (reportDay: string, today: string) =>
    `The report is for ${reportDay}, not ${today}: compute it again for today.`,
} as const;

export class ComposeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ComposeError';
  }
}

export interface ComposeInput {
  report: Report;
  ledger: Ledger;
  /** Client name (case and spaces ignored). */
  client: string;
  /** Milestone IDs to cover; by default the milestones due for this message (see `messageMilestones`). */
  milestones?: readonly string[];
  /** A message id (`reminder`, `dispute`…); by default the recommended one. */
  messageId?: string;
  today: IsoDate;
  /** The plan a `final` or `payment_plan` message proposes. */
  plan?: PaymentPlan;
  /** The change order a `change_order` message confirms (ID); by default the latest unsigned one. */
  changeOrder?: string;
}

export interface ComposedMessage {
  messageId: string;
  client: string;
  language: Language;
  /** BCP 47 locale the values are formatted in. */
  locale: string;
  /** The client's addresses (whole-domain entries left out). */
  to: string[];
  /** IDs of the milestones the message covers, most urgent first. */
  milestones: string[];
  /** The message's own stage: its ladder stage, `disputed` for a dispute acknowledgement. */
  stage: Stage | null;
  /**
   * How to log it in Reminders: one group per ladder stage the covered milestones stand at,
   * so each milestone's cadence counts the message (a follow-up that also chased a
   * milestone at `reminder` credits that milestone's reminder).
   */
  log: Array<{ stage: Stage | null; milestones: string[] }>;
  template: { source: 'built-in' | 'user'; row: number | null };
  subject: string;
  text: string;
  html: string;
  problems: Problem[];
  /**
   * For the user, not the client: how to send a formal letter so its receipt can be proved
   * (legal-facts §8: PEC or raccomandata A/R in Italy, post for a Letter of Claim).
   */
  advice: string[];
}

export interface Recommendation {
  messageId: MessageKind;
  /** The client's milestones whose next action is due today, most urgent first. */
  milestones: string[];
}

export interface AvailableMessage {
  id: string;
  label: string;
  recommended: boolean;
  source: 'built-in' | 'user';
}

function findClient(ledger: Ledger, name: string): Client {
  const key = refKey(name);
  const client = ledger.clients.find((c) => refKey(c.client) === key);
  if (!client) throw new ComposeError(COMPOSE_ERRORS.unknown_client(name));
  return client;
}

/** Owed and on a running ladder: the milestones a reminder may chase (not disputed or on hold). */
function chaseable(m: MilestoneReport): boolean {
  return (isLadderStage(m.stage) || m.stage === 'broken_promise') && m.outstanding > 0;
}

/**
 * The recommended message for a client today: the report's one message per client
 * (ClientReport.message, PRODUCT.md "One message per client a day"), so every surface
 * drafts the same thing. Null when nothing is due.
 */
export function recommendedMessage(input: {
  report: Report;
  ledger: Ledger;
  client: string;
  today: IsoDate;
}): Recommendation | null {
  const client = findClient(input.ledger, input.client);
  const message = input.report.clients.find((c) => c.client === client.client)?.message ?? null;
  if (message === null || !isMessageKind(message.messageId)) return null;
  return { messageId: message.messageId, milestones: [...message.milestones] };
}

/**
 * Overdue milestones for an overdue message; for the courtesy note, those due within the
 * week (stage `upcoming`), else any not yet due.
 */
function fitsMessage(list: readonly MilestoneReport[], messageId: string): MilestoneReport[] {
  const late = (m: MilestoneReport) => (m.daysOverdue ?? -1) >= 1;
  if (messageId !== 'upcoming') return list.filter(late);
  const soon = list.filter((m) => m.stage === 'upcoming');
  return soon.length > 0 ? soon : list.filter((m) => !late(m));
}

/**
 * The messages offered for a client, in ladder order then the others; a user's Templates
 * row for any other stage (a thank-you at `paid`, say) is offered too, in its language.
 */
export function availableMessages(input: {
  report: Report;
  ledger: Ledger;
  client: string;
  today: IsoDate;
}): AvailableMessage[] {
  const client = findClient(input.ledger, input.client);
  const recommended = recommendedMessage(input)?.messageId ?? null;
  const { rows } = userTemplates(input.ledger);
  // A court step only after a sent demand (PRODUCT.md, "Messages say only what the log shows").
  const chased = new Set(
    input.report.milestones.filter((m) => m.client === client.client && chaseable(m)).map((m) => m.id),
  );
  const demanded = sentFor(input.ledger, chased, input.today).some((s) => s.step === 'demand');
  const mine = input.report.milestones.filter((m) => m.client === client.client);
  const promised = mine.some((m) => m.promise?.state === 'open' && m.outstanding > 0);
  const broken = mine.some((m) => m.promise?.state === 'broken' && m.outstanding > 0);
  const kinds = MESSAGE_KINDS.filter(
    (id) =>
      (id !== 'small_claims' || demanded) &&
      (id !== 'diffida' || client.jurisdiction === 'IT') &&
      (id !== 'promise_thanks' || promised) &&
      (id !== 'broken_promise' || broken),
  );
  const out: AvailableMessage[] = kinds.map((id) => ({
    id,
    label: MESSAGE_LABELS[client.language][id],
    recommended: id === recommended,
    source: rows.has(`${id}|${client.language}`) ? 'user' : 'built-in',
  }));
  for (const t of rows.values()) {
    const id = messageIdOf(t.stage);
    if (isMessageKind(id) || t.language !== client.language) continue;
    // A row written for a stage (a thank-you at `paid`) is named as the stage; the user's own id as typed.
    out.push({ id, label: messageLabel(id, client.language), recommended: false, source: 'user' });
  }
  return out;
}

/**
 * The milestones a message picked by hand covers when none are named: for a ladder
 * message, every milestone still being chased that fits it (overdue ones for an overdue
 * message, not-yet-due ones for the courtesy note); disputed ones for a dispute
 * acknowledgement; the plan's for a payment-plan proposal; none for a change order.
 */
export function messageMilestones(
  report: Report,
  client: string,
  messageId: string,
  today: IsoDate,
  plan?: PaymentPlan,
): MilestoneReport[] {
  const mine = report.milestones.filter((m) => m.client === client);
  if (plan && (messageId === 'payment_plan' || messageId === 'final')) {
    const ids = new Set(plan.replaces);
    const planned = mine.filter((m) => ids.has(m.id));
    if (planned.length > 0) return planned.sort(compareMilestones);
  }
  if (messageId === 'dispute') {
    const disputed = mine.filter((m) => m.stage === 'disputed');
    if (disputed.length > 0) return disputed.sort(compareMilestones);
  }
  if (messageId === 'change_order') return [];
  // A message picked by hand covers everything it fits that is being chased, so a demand
  // chosen early still claims every overdue amount; failing that, what is due today.
  const chased = mine.filter(chaseable);
  const due = chased.filter((m) => m.nextAction !== null && m.nextAction.on <= today);
  for (const list of [fitsMessage(chased, messageId), due, chased])
    if (list.length > 0) return [...list].sort(compareMilestones);
  return [];
}

/** The template for a message and language: the user's row when there is one, else the built-in. */
function pickTemplate(
  ledger: Ledger,
  messageId: string,
  language: Language,
  client?: Client,
): { template: TemplateSource; fallback: TemplateSource | undefined; problems: Problem[] } {
  const { rows, problems: duplicates } = userTemplates(ledger);
  const problems = duplicates.filter((p) => {
    const row = ledger.templates.find((t) => t.row === p.row);
    return row !== undefined && messageIdOf(row.stage) === messageId && row.language === language;
  });
  // The formal demand is the letter the client's jurisdiction recognises (legal-facts §8).
  const letter =
    messageId === 'demand' && client
      ? DEMAND_LETTERS[noticeFor(client.jurisdiction, client.business).id]
      : undefined;
  const builtIn =
    letter?.[language] ?? (isMessageKind(messageId) ? BUILT_IN_TEMPLATES[messageId][language] : undefined);
  const fallback = builtIn ? { ...builtIn, row: null } : undefined;
  const user = rows.get(`${messageId}|${language}`);
  if (!user) {
    if (!fallback) throw new ComposeError(COMPOSE_ERRORS.unknown_message(messageId));
    return { template: fallback, fallback: undefined, problems };
  }
  let subject = user.subject;
  let body = user.body;
  for (const [part, text] of [
    ['Subject', subject],
    ['Body', body],
  ] as const) {
    if (text.trim() !== '') continue;
    if (!fallback) continue;
    problems.push(problem('template_empty', 'Templates', user.row, part, { value: messageId, language }));
    if (part === 'Subject') subject = fallback.subject;
    else body = fallback.body;
  }
  return { template: { subject, body, row: user.row }, fallback, problems };
}

/** Covered milestones grouped by the stage to log them at (see ComposedMessage.log). */
function logGroups(messageId: string, milestones: readonly MilestoneReport[]): ComposedMessage['log'] {
  const own = logStage(messageId, milestones);
  if (!(SENDING_STAGES as readonly string[]).includes(messageId))
    return [{ stage: own, milestones: milestones.map((m) => m.id) }];
  const groups = new Map<Stage | null, string[]>();
  for (const m of milestones) {
    const stage = isLadderStage(m.stage) && m.stage !== 'current' ? m.stage : own;
    pushTo(groups, stage, m.id);
  }
  return [...groups].map(([stage, ids]) => ({ stage, milestones: ids }));
}

/** The stage to log for a message: its own for a ladder message, else the most urgent covered. */
function logStage(messageId: string, milestones: readonly MilestoneReport[]): Stage | null {
  if ((SENDING_STAGES as readonly string[]).includes(messageId)) return messageId as Stage;
  if (messageId === 'dispute') return 'disputed';
  const first = milestones[0];
  return first ? first.stage : null;
}

/** The change order a confirmation is about: the one named, else the client's latest unsigned one. */
function pickChangeOrder(ledger: Ledger, client: Client, id: string | undefined): ChangeOrder | null {
  if (id !== undefined) return ledger.changeOrders.find((c) => refKey(c.id) === refKey(id)) ?? null;
  const unsigned = ledger.changeOrders.filter((c) => c.client === client.client && c.signed === null);
  return unsigned.sort((a, b) => (b.requested ?? '').localeCompare(a.requested ?? ''))[0] ?? null;
}

/**
 * Composes one message for a client: the recommended one unless `messageId` is given,
 * covering the milestones due for it unless `milestones` are given. Throws a ComposeError
 * for an unknown client, message or milestone; everything wrong with templates or values
 * is a problem in the result, and the text never shows `undefined`, `NaN` or a raw `{{`.
 */
export function composeMessage(input: ComposeInput): ComposedMessage {
  const { report, ledger, today } = input;
  if (report.today !== today) throw new ComposeError(COMPOSE_ERRORS.stale_report(report.today, today));
  const client = findClient(ledger, input.client);
  const language = client.language;
  const locale = messageLocale(language, ledger.settings.locale);
  const recommendation = recommendedMessage({ report, ledger, client: client.client, today });
  const messageId = input.messageId ?? recommendation?.messageId ?? 'reminder';

  let milestones: MilestoneReport[];
  let pickedByHand = false;
  if (input.milestones && input.milestones.length > 0) {
    const byKey = new Map(
      report.milestones.filter((m) => m.client === client.client).map((m) => [refKey(m.id), m]),
    );
    milestones = input.milestones.map((id) => {
      const m = byKey.get(refKey(id));
      if (!m) throw new ComposeError(COMPOSE_ERRORS.unknown_milestone(id, client.client));
      return m;
    });
  } else if (recommendation && (input.messageId ?? recommendation.messageId) === recommendation.messageId) {
    // The recommended message covers what is due today, whether or not it was named.
    const ids = new Set(recommendation.milestones);
    milestones = report.milestones.filter((m) => ids.has(m.id)).sort(compareMilestones);
  } else {
    pickedByHand = true;
    milestones = messageMilestones(report, client.client, messageId, today, input.plan);
  }

  let plan = input.plan ?? null;
  if (!plan && messageId === 'payment_plan' && milestones.length > 0) {
    try {
      plan = makePaymentPlan({
        ledger,
        report,
        milestones: milestones.map((m) => m.id),
        instalments: DEFAULT_PLAN.instalments,
        interval: DEFAULT_PLAN.interval,
        start: addDays(today, DEFAULT_PLAN.startInDays),
        keepUnderSmallClaimsLimit: true,
      });
    } catch {
      // Mixed currencies or nothing owed: the proposal shows [payment_plan] and a problem.
      plan = null;
    }
  }

  const changeOrder =
    messageId === 'change_order' ? pickChangeOrder(ledger, client, input.changeOrder) : null;
  if (messageId === 'diffida' && client.jurisdiction !== 'IT')
    throw new ComposeError(COMPOSE_ERRORS.diffida_only_it(client.client));
  if (messageId === 'small_claims') {
    // A court step only after a sent demand, and only for the milestones it demanded.
    const demanded = (m: MilestoneReport) =>
      sentFor(ledger, new Set([m.id]), today).some((s) => s.step === 'demand');
    if (pickedByHand)
      milestones = report.milestones
        .filter((m) => m.client === client.client && chaseable(m) && demanded(m))
        .sort(compareMilestones);
    if (milestones.length === 0 || !milestones.every(demanded))
      throw new ComposeError(COMPOSE_ERRORS.court_needs_demand(client.client));
  }
  const ongoingWork = report.clients.find((c) => c.client === client.client)?.ongoingWork ?? false;
  const data = mergeData({
    ledger,
    client,
    messageId,
    milestones,
    today,
    locale,
    language,
    ongoingWork,
    plan,
    changeOrder,
  });
  const picked = pickTemplate(ledger, messageId, language, client);
  const rendered = renderMessage(
    picked.template,
    data,
    { messageId, language, client: client.client },
    picked.fallback,
  );
  return {
    messageId,
    client: client.client,
    language,
    locale,
    to: client.emails.filter((e) => !e.startsWith('@')),
    milestones: milestones.map((m) => m.id),
    stage: logStage(messageId, milestones),
    log: logGroups(messageId, milestones),
    template: {
      source: picked.template.row !== null && !rendered.usedFallback ? 'user' : 'built-in',
      row: rendered.usedFallback ? null : picked.template.row,
    },
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    problems: [
      ...picked.problems,
      ...rendered.problems,
      ...missingPartyDetails(ledger.settings, client, client.business, messageId),
    ],
    advice: deliveryAdvice(client, messageId),
  };
}

/** How to send a formal letter so that its receipt can be proved (law/notices.ts). */
function deliveryAdvice(client: Client, messageId: string): string[] {
  if (messageId === 'demand') return [noticeFor(client.jurisdiction, client.business).deliveryNote];
  if (messageId === 'diffida') {
    const notice = noticeFor(client.jurisdiction, client.business, 'diffida');
    return notice ? [notice.deliveryNote] : [];
  }
  return [];
}

/**
 * The Reminders rows to append once a message is sent (or drafted), by canonical header:
 * one per group of `message.log` (usually one), each naming its milestones comma-separated
 * (PRODUCT.md, Reminders); Template is the message id, so the log shows what was sent.
 */
export function reminderLogRows(
  message: Pick<ComposedMessage, 'messageId' | 'client' | 'log' | 'to' | 'subject'>,
  sent: { on: IsoDate; channel: Channel; link?: string },
): Array<Record<string, string>> {
  // Reminders rows name milestones; a message about none (a change order) logs nothing there.
  return message.log
    .filter((group) => group.milestones.length > 0)
    .map((group) => ({
      Sent: sent.on,
      Milestone: group.milestones.join(', '),
      Client: message.client,
      Stage: group.stage ?? '',
      Template: message.messageId,
      To: message.to.join(', '),
      Subject: message.subject,
      Channel: sent.channel,
      Link: sent.link ?? '',
    }));
}
