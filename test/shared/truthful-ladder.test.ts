/**
 * The ladder's promises to the user's clients, as properties over random ledgers
 * (PRODUCT.md, "The ladder", "Messages say only what the log shows", Evidence):
 * the message due to a client covers exactly what the rules say, its overdue total never
 * holds anything not yet due, and its words never claim a step that is not in the log.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LadderStage, MilestoneReport } from '../../shared/index.ts';
import { addDays, buildReport, composeMessage, formatDate, noticePeriod } from '../../shared/index.ts';
import { rawLedger } from './builder.ts';

const TODAY = '2026-11-30';
const STEPS: LadderStage[] = [
  'upcoming',
  'reminder',
  'followup',
  'final',
  'stop_work',
  'demand',
  'small_claims',
];
const CHANNELS = ['gmail', 'email', 'post', 'pec', 'registered', 'phone', 'draft', ''];
const TOGETHER = new Set(['reminder', 'followup', 'final']);

const caseArb = fc.record({
  jurisdiction: fc.constantFrom('GB-ENG', 'GB-SCT', 'IT', 'EU', 'US-NY'),
  business: fc.constantFrom('company', 'sole_trader', 'consumer'),
  grace: fc.integer({ min: 1, max: 60 }),
  milestones: fc.array(
    fc.record({
      due: fc.integer({ min: -150, max: 30 }),
      amount: fc.integer({ min: 1, max: 500_000 }),
      currency: fc.constantFrom('', '', '', 'USD'),
      paid: fc.integer({ min: 0, max: 3 }),
    }),
    { minLength: 1, maxLength: 5 },
  ),
  reminders: fc.array(
    fc.record({
      milestone: fc.nat(4),
      step: fc.constantFrom(...STEPS),
      offset: fc.integer({ min: -150, max: 5 }),
      channel: fc.constantFrom(...CHANNELS),
    }),
    { maxLength: 8 },
  ),
});
type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

function ledgerOf(c: Case) {
  const ids = c.milestones.map((_, i) => `M-${i + 1}`);
  return rawLedger({
    clients: [
      {
        Client: 'Acme',
        Emails: 'ap@acme.example',
        Currency: 'EUR',
        Jurisdiction: c.jurisdiction,
        Business: c.business,
        Terms: 30,
        Grace: c.grace,
        Contract: '2025-01-01',
        Language: 'en',
      },
    ],
    milestones: c.milestones.map((m, i) => ({
      ID: ids[i],
      Client: 'Acme',
      Amount: m.amount / 100,
      Currency: m.currency,
      Invoice: `INV-${i + 1}`,
      'Due date': addDays(TODAY, -m.due),
    })),
    payments: c.milestones.flatMap((m, i) =>
      m.paid === 0
        ? []
        : [{ Date: addDays(TODAY, -1), Milestone: ids[i], Amount: m.amount / 100 / (m.paid + 1) }],
    ),
    reminders: c.reminders
      .filter((r) => r.milestone < ids.length)
      .map((r) => ({
        Sent: addDays(TODAY, r.offset),
        Milestone: ids[r.milestone],
        Stage: r.step,
        Channel: r.channel,
      })),
  });
}

describe('one message per client, truthful', () => {
  it('covers exactly the milestones the rules name, and its overdue total holds nothing not yet due', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { report } = buildReport(ledgerOf(c), TODAY);
        const message = report.clients[0]?.message ?? null;
        const due = report.milestones.filter(
          (m) => m.nextAction !== null && m.nextAction.on <= TODAY && m.outstanding > 0,
        );
        if (message === null) {
          expect(due).toEqual([]);
          return;
        }
        const byId = new Map(report.milestones.map((m) => [m.id, m]));
        const covered = message.milestones.map((id) => byId.get(id) as MilestoneReport);
        let overdue = 0;
        for (const m of covered) {
          expect((m.nextAction?.on ?? '9999-12-31') <= TODAY).toBe(true);
          expect(m.currency).toBe(message.currency);
          const step = m.nextAction?.stage as string;
          if (TOGETHER.has(message.messageId)) expect(TOGETHER.has(step)).toBe(true);
          else expect(step).toBe(message.messageId);
          // Only a courtesy note may cover a milestone not yet late.
          if (message.messageId !== 'upcoming') expect(m.daysOverdue).toBeGreaterThanOrEqual(1);
          if ((m.daysOverdue ?? 0) >= 1) overdue += m.outstanding;
        }
        expect(message.overdue).toBe(overdue);
        if (message.messageId === 'upcoming') expect(message.overdue).toBe(0);
        // Everything due in the message's currency that travels with it is covered.
        for (const m of due) {
          if (m.currency !== message.currency) continue;
          const step = m.nextAction?.stage as string;
          const travels = TOGETHER.has(message.messageId) ? TOGETHER.has(step) : step === message.messageId;
          if (travels) expect(message.milestones).toContain(m.id);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('never claims a step that is not in the log', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const raw = ledgerOf(c);
        const { report, ledger } = buildReport(raw, TODAY);
        if (report.clients[0]?.message === null) return;
        const m = composeMessage({ report, ledger, client: 'Acme', today: TODAY });
        const ids = new Set(m.milestones);
        const sent = ledger.reminders.filter(
          (r) => r.channel !== 'draft' && r.sent <= TODAY && r.milestones.some((id) => ids.has(id)),
        );
        const sentDates = new Set(sent.map((r) => formatDate(r.sent, 'en-GB')));
        const demands = sent.filter((r) => r.stage === 'demand').map((r) => r.sent);
        if (/formal demand of/.test(m.text)) expect(demands.length).toBeGreaterThan(0);
        if (/(reminders?|messages) of /.test(m.text)) expect(sent.length).toBeGreaterThan(0);
        // Dates named as reminders are dates of sent messages, never of drafts alone.
        const DATE = String.raw`\d{1,2} [A-Z][a-z]+ \d{4}`;
        const named =
          new RegExp(`(?:reminders?|messages) of (${DATE}(?:(?:, | and )${DATE})*)`).exec(m.text)?.[1] ?? '';
        for (const d of named.split(/, | and /).filter(Boolean)) expect([...sentDates], m.text).toContain(d);
        if (m.messageId === 'small_claims') {
          const notice = noticePeriod(c.jurisdiction, c.business as never).days;
          for (const id of m.milestones) {
            const first = sent
              .filter((r) => r.stage === 'demand' && r.milestones.includes(id))
              .map((r) => r.sent)
              .sort()[0];
            expect(first).toBeDefined();
            expect(addDays(first as string, notice) <= TODAY).toBe(true);
          }
        }
        // "Without further notice" only in the last step, where it is true.
        if (m.messageId !== 'small_claims') expect(m.text).not.toMatch(/without further notice/);
      }),
      { numRuns: 800 },
    );
  });
});
