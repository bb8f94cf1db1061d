/**
 * The sidebar's English strings. `it.ts` must have the same shape (`Messages`), so a
 * string added here and forgotten there is a type error. Numbers, money and dates arrive
 * already formatted for the ledger's locale.
 */
import type { AgingBucket, Risk, Stage } from '../../../shared/model.ts';
import type { ChannelKind, Step } from '../../../shared/stages.ts';
import { CHANNEL_WORDS } from '../../../shared/stage-labels.ts';

const stages = {
  current: 'Current',
  upcoming: 'Upcoming',
  reminder: 'Reminder',
  followup: 'Follow-up',
  final: 'Final notice',
  stop_work: 'Stop work',
  demand: 'Formal demand',
  small_claims: 'Small claims',
  paid: 'Paid',
  cancelled: 'Cancelled',
  written_off: 'Written off',
  disputed: 'Disputed',
  on_hold: 'On hold',
  renegotiated: 'Renegotiated',
  promised: 'Promised',
  broken_promise: 'Broken promise',
} satisfies Record<Stage, string>;

/** What the ladder's message at each stage is (PRODUCT.md, "The ladder"). */
const toSend = {
  current: 'Nothing yet',
  upcoming: 'Courtesy note before the due date',
  reminder: 'Friendly reminder with the invoice',
  followup: 'Firm follow-up restating the terms',
  final: 'Final notice with a payment-plan offer',
  stop_work: 'Notice that work is on hold until the account is current',
  demand: 'Formal demand with statutory interest and compensation',
  small_claims: 'Notice of a small-claims filing',
  broken_promise: 'A note that the promised payment did not arrive',
} satisfies Record<Step, string>;

const aging = {
  current: 'Current',
  '1-30': '1–30 days',
  '31-60': '31–60 days',
  '61-90': '61–90 days',
  '90+': '90+ days',
} satisfies Record<AgingBucket, string>;

const risks = { low: 'Low', medium: 'Medium', high: 'High' } satisfies Record<Risk, string>;

export const EN = {
  appName: 'Payladder',
  nav: 'Sidebar sections',
  dashboard: 'Dashboard',
  clients: 'Clients',
  problems: 'Problems',
  asOf: (date: string) => `As of ${date}`,
  refresh: 'Refresh',
  refreshing: 'Refreshing…',
  loading: 'Loading your ledger…',
  loadFailed: 'Payladder could not load your ledger.',
  retry: 'Try again',
  dismiss: 'Dismiss',
  cancel: 'Cancel',
  working: 'Working…',
  actionFailed: (reason: string) => `That did not work: ${reason}`,

  stages,
  /** A Reminders row's Channel in words ("sent from Gmail", "drafted, not confirmed sent"). */
  channels: CHANNEL_WORDS.en as Readonly<Record<ChannelKind, string>>,
  toSend,
  aging,
  risks,
  businessKinds: { company: 'company', sole_trader: 'sole trader', consumer: 'consumer' },

  // Dashboard
  needsAction: 'Needs action today',
  needsActionNone: 'Nothing to send today.',
  draftedNotSent: (date: string) =>
    `Drafted ${date}, not confirmed sent: send it from Gmail → Drafts, then confirm it below.`,
  draftsHeading: 'Drafts to confirm',
  promisesHeading: 'Promises due this week',
  promisedBy: (amount: string, date: string) => `${amount} promised by ${date}`,
  draftWaiting: (date: string) => `Drafted ${date}; not confirmed sent, so it does not count as chasing yet.`,
  draftGone: (date: string) =>
    `Drafted ${date} and no longer in Gmail → Drafts: sent? Confirm the day it went.`,
  sentOnLabel: 'Sent on',
  confirmSent: 'Confirm sent',
  draftConfirmed: (date: string) => `Logged as sent on ${date}.`,
  toSendLabel: 'Send',
  draftReminder: 'Draft reminder',
  totals: 'Outstanding and overdue',
  nothingOutstanding: 'Nothing outstanding: every milestone is paid or closed.',
  outstanding: 'Outstanding',
  overdue: 'Overdue',
  lateInterest: 'Statutory interest',
  compensation: 'Compensation',
  agingHeading: 'Aging of the outstanding',
  agingSummary: (currency: string, parts: string) => `Aging of the ${currency} outstanding: ${parts}.`,
  byStage: 'Milestones by stage',
  problemsInLedger: (n: number) => (n === 1 ? '1 problem in the ledger' : `${n} problems in the ledger`),

  // Clients
  clientsHeading: 'Clients by urgency',
  noClients: 'No clients in the ledger yet.',
  dueTodayCount: (n: number) => (n === 1 ? '1 due today' : `${n} due today`),
  maxDaysLate: (n: number) => (n === 1 ? '1 day late' : `${n} days late`),
  nothingOwed: 'Nothing owed',
  backToClients: 'Back to clients',
  clientNotFound: 'This client is no longer in the ledger.',

  // Client detail
  contact: 'Contact',
  contactName: 'Name',
  emails: 'Emails',
  language: 'Language',
  jurisdiction: 'Jurisdiction',
  business: 'Business',
  terms: 'Terms',
  grace: 'Work stops after',
  days: (n: number) => (n === 1 ? '1 day' : `${n} days`),
  risk: 'Risk',
  riskUnknown: 'Not set',
  notes: 'Notes',
  behaviour: 'Payment behaviour',
  avgDaysLate: 'Average days late',
  onTimeShare: 'Paid on time',
  basedOn: (n: number) => (n === 1 ? 'From 1 paid milestone.' : `From ${n} paid milestones.`),
  noBehaviour: 'No paid milestones yet.',
  contract: 'Contract',
  contractSigned: (date: string) => `Signed ${date}`,
  contractOnFile: 'On file',
  noContract: 'No signed contract on file. Agree scope and payment terms in writing before more work.',
  changeOrders: 'Change orders',
  noChangeOrders: 'No change orders.',
  signedOn: (date: string) => `Signed ${date}`,
  requestedOn: (date: string) => `Requested ${date}`,
  notSigned: 'Not signed: get it signed before billing the work.',
  clientActions: 'Actions',
  planAll: 'Payment plan for open milestones',
  exportPack: 'Export documentation pack',
  milestones: 'Milestones',
  timeline: 'Timeline',
  timelineEmpty: 'No invoices, payments or reminders yet.',
  eventDue: (invoice: string, id: string) => (invoice ? `Invoice ${invoice} (${id}) due` : `${id} due`),
  eventPaid: (amount: string, id: string, method: string) =>
    method ? `${amount} received for ${id} by ${method}` : `${amount} received for ${id}`,
  /** `channel`: the Channel in words (shared/stage-labels.ts CHANNEL_WORDS), '' when none. */
  eventReminder: (stage: string, channel: string) => (channel ? `${stage} (${channel})` : `${stage} sent`),

  // Milestone
  of: (paid: string, amount: string) => `${paid} of ${amount}`,
  due: 'Due',
  noDueDate: 'No due date yet',
  daysLate: 'Days late',
  rate: (rates: string) => `at ${rates} a year`,
  interestTo: (date: string) => `to ${date}`,
  next: 'Next',
  nextOn: (what: string, date: string) => `${what} on ${date}`,
  smallClaims: 'Small claims',
  smallClaimsFits: (limit: string) => `Fits the limit of ${limit}`,
  smallClaimsAbove: (limit: string) => `Above the limit of ${limit}: hand over to a lawyer`,
  smallClaimsOpen: (court: string) => `Check which limit applies: ${court}`,
  smallClaimsUnknown: 'No limit on file',
  rowProblems: (n: number) => (n === 1 ? '1 problem on this row' : `${n} problems on this row`),
  milestoneActions: (id: string) => `Actions for ${id}`,
  recordPayment: 'Record payment',
  markDisputed: 'Mark disputed',
  markOnHold: 'Put on hold',
  resume: 'Resume',
  paymentPlan: 'Payment plan',
  writeOff: 'Write off',
  goToRow: 'Go to row',

  // Forms
  amount: 'Amount',
  amountHint: (example: string) => `For example ${example}`,
  amountInvalid: (example: string) => `Type an amount more than zero, such as ${example}.`,
  date: 'Date',
  method: 'Method',
  note: 'Note',
  save: 'Save payment',
  instalments: 'Instalments',
  interval: 'Every',
  intervals: { weekly: 'Week', fortnightly: 'Two weeks', monthly: 'Month' },
  start: 'First due date',
  keepUnderLimit: 'Keep each instalment under the small-claims limit',
  preview: 'Preview',
  createPlan: 'Create plan',
  planFor: (what: string) => `Payment plan for ${what}`,
  planReplaces: (ids: string) => `Replaces ${ids}, which will be marked Renegotiated.`,
  planTotal: (total: string) => `Total ${total}`,
  planLimit: (limit: string) => `Every instalment stays under ${limit}.`,
  writeOffTitle: (id: string) => `Write off ${id}?`,
  writeOffBody: (amount: string) =>
    `${amount} will be marked Written off: it leaves the ladder and the totals. Keep the documentation pack: it is what a bad-debt deduction or a later claim rests on.`,
  writeOffConfirm: 'Write off',

  // Results
  paymentRecorded: (amount: string, id: string) => `Payment of ${amount} recorded for ${id}.`,
  statusSet: (id: string, stage: string) => `${id} is now ${stage}.`,
  resumed: (id: string) => `${id} is back on the ladder.`,
  draftCreated: (subject: string, to: string) =>
    `Draft "${subject}" to ${to} is in Gmail and logged in Reminders.`,
  planCreated: (n: number) => `Payment plan created: ${n} instalments added to Milestones.`,
  writtenOff: (id: string) => `${id} written off.`,
  packReady: (file: string) => `Documentation pack ready: ${file}`,
  downloadHtml: 'Pack (HTML)',
  downloadNotes: 'Your notes (HTML)',
  downloadStatement: 'Statement (CSV)',
  downloadChasing: 'Chasing record (CSV)',

  // Problems
  problemsHeading: 'Problems in the ledger',
  noProblems: 'No problems: every row reads cleanly.',
  problemCounts: (errors: number, warnings: number) =>
    `${errors === 1 ? '1 error' : `${errors} errors`}, ${warnings === 1 ? '1 warning' : `${warnings} warnings`}`,
  error: 'Error',
  warning: 'Warning',
  where: (tab: string, row: number | null, column: string | null) =>
    [tab, row === null ? null : `row ${row}`, column].filter((part) => part !== null).join(' · '),
  selectCellHint: 'Select the cell in the sheet',
};

export type Messages = typeof EN;
