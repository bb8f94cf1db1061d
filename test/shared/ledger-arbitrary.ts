/**
 * fast-check ledgers for the message, plan and pack properties: a few clients in several
 * languages, currencies and jurisdictions, with milestones at every stage, payments,
 * reminders, change orders and user templates, all dated around `TODAY`.
 */
import fc from 'fast-check';
import type { RawLedger } from '../../shared/index.ts';
import {
  inputHeaders,
  addDays,
  CHANGE_ORDERS,
  CLIENTS,
  MANUAL_STATUSES,
  MILESTONES,
  PAYMENTS,
  REMINDERS,
  SETTINGS,
  STAGES,
  TEMPLATES,
  toMajor,
} from '../../shared/index.ts';

export const TODAY = '2026-06-30';

/**
 * Text with no braces (so a left-over "{{" can only come from a template) and no capital N
 * (so "NaN" cannot be spelt by chance); "&" and "'" still test the escaping.
 */
export const cleanText = fc
  .stringMatching(/^[A-Za-z0-9 àèéìòù.,'&()-]{0,16}$/)
  .map((s) => s.replace(/N/g, 'n'));

const clientArb = fc.record({
  text: cleanText,
  contact: cleanText,
  language: fc.constantFrom('en', 'it'),
  currency: fc.constantFrom('EUR', 'GBP', 'USD', 'JPY'),
  jurisdiction: fc.constantFrom('IT', 'EU', 'GB-ENG', 'GB-SCT', 'GB-NIR', 'US-CA', 'US-NY', 'DE', ''),
  business: fc.constantFrom('B2B', 'B2C'),
  terms: fc.integer({ min: 0, max: 90 }),
  grace: fc.integer({ min: 1, max: 60 }),
  contract: fc.option(fc.integer({ min: -900, max: 0 }), { nil: null }),
});

const milestoneArb = fc.record({
  client: fc.nat(),
  project: cleanText,
  description: cleanText,
  invoice: cleanText,
  minor: fc.integer({ min: 1, max: 3_000_000 }),
  otherCurrency: fc.option(fc.constantFrom('EUR', 'GBP', 'USD'), { nil: null, freq: 5 }),
  invoiceOffset: fc.option(fc.integer({ min: -400, max: 30 }), { nil: null }),
  dueOffset: fc.option(fc.integer({ min: -400, max: 60 }), { nil: null }),
  status: fc.option(fc.constantFrom(...MANUAL_STATUSES), { nil: null, freq: 4 }),
  changeOrder: fc.option(fc.nat(), { nil: null, freq: 4 }),
});

const paymentArb = fc.record({
  milestone: fc.nat(),
  offset: fc.integer({ min: -400, max: 0 }),
  share: fc.integer({ min: 1, max: 100 }),
  note: cleanText,
});

const reminderArb = fc.record({
  milestones: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
  offset: fc.integer({ min: -400, max: 0 }),
  stage: fc.option(fc.constantFrom(...STAGES), { nil: null }),
  channel: fc.constantFrom('gmail', 'draft', 'manual', ''),
  subject: cleanText,
});

const changeOrderArb = fc.record({
  client: fc.nat(),
  description: cleanText,
  minor: fc.option(fc.integer({ min: 1, max: 1_000_000 }), { nil: null }),
  requested: fc.option(fc.integer({ min: -300, max: 0 }), { nil: null }),
  signed: fc.option(fc.integer({ min: -300, max: 0 }), { nil: null }),
});

/** Placeholders a user might type, valid and not. */
const placeholder = fc.constantFrom(
  '{{contact}}',
  '{{ Outstanding }}',
  '{{due-date}}',
  '{{#milestones}}- {{invoice}}: {{outstanding}}\n{{/milestones}}',
  '{{#late_interest}}Interest: {{late_interest}}{{/late_interest}}',
  '{{^paid}}nothing paid{{/paid}}',
  '{{payment_plan}}',
  '{{small_claims_limit}}',
  '{{frobnicate}}',
  '{{#several}}unclosed',
  '{{/stray}}',
  '{{ oops',
  '{{}}',
);
const templateArb = fc.record({
  stage: fc.constantFrom(
    'reminder',
    'final',
    'demand',
    'dispute',
    'disputed',
    'payment_plan',
    'paid',
    'Stop work',
  ),
  language: fc.constantFrom('en', 'it'),
  subject: fc.array(fc.oneof(cleanText, placeholder), { maxLength: 3 }).map((p) => p.join(' ')),
  body: fc
    .array(fc.oneof(cleanText, placeholder, fc.constant('\n\n')), { maxLength: 8 })
    .map((p) => p.join('')),
});

export interface LedgerCase {
  raw: RawLedger;
  clients: string[];
}

/** A whole raw ledger; client names are unique by construction. */
export const ledgerArb: fc.Arbitrary<LedgerCase> = fc
  .record({
    clients: fc.array(clientArb, { minLength: 1, maxLength: 4 }),
    milestones: fc.array(milestoneArb, { maxLength: 10 }),
    payments: fc.array(paymentArb, { maxLength: 8 }),
    reminders: fc.array(reminderArb, { maxLength: 8 }),
    changeOrders: fc.array(changeOrderArb, { maxLength: 3 }),
    templates: fc.array(templateArb, { maxLength: 3 }),
    yourName: cleanText,
    businessName: cleanText,
    locale: fc.constantFrom('en_GB', 'it_IT', 'en_US'),
    statutory: fc.constantFrom('on', 'off'),
  })
  .map((g) => {
    const d = (offset: number | null) => (offset === null ? '' : addDays(TODAY, offset));
    const names = g.clients.map((c, i) => `Client ${i + 1} ${c.text}`.trim());
    const currencies = g.clients.map((c) => c.currency);
    const coIds = g.changeOrders.map((_, i) => `CO-${i + 1}`);
    const changeOrders = g.changeOrders.map((co, i) => {
      const client = co.client % names.length;
      return [
        coIds[i],
        names[client],
        co.description,
        co.minor === null ? '' : toMajor(co.minor, currencies[client] ?? 'EUR'),
        d(co.requested),
        d(co.signed),
      ];
    });
    const milestoneCurrency: string[] = [];
    const milestones = g.milestones.map((m, i) => {
      const client = m.client % names.length;
      const currency = m.otherCurrency ?? currencies[client] ?? 'EUR';
      milestoneCurrency.push(currency);
      const co = m.changeOrder === null || coIds.length === 0 ? '' : coIds[m.changeOrder % coIds.length];
      return [
        `M-${i + 1}`,
        names[client],
        m.project,
        m.description,
        toMajor(m.minor, currency),
        m.otherCurrency ?? '',
        m.invoice,
        d(m.invoiceOffset),
        d(m.dueOffset),
        m.status ?? '',
        co,
      ];
    });
    const n = milestones.length;
    const payments =
      n === 0
        ? []
        : g.payments.map((p) => {
            const k = p.milestone % n;
            const currency = milestoneCurrency[k] ?? 'EUR';
            const minor = Math.max(1, Math.round((g.milestones[k]!.minor * p.share) / 100));
            return [d(p.offset), `M-${k + 1}`, toMajor(minor, currency), 'Bank transfer', p.note];
          });
    const reminders =
      n === 0
        ? []
        : g.reminders.map((r) => {
            const ids = [...new Set(r.milestones.map((k) => `M-${(k % n) + 1}`))];
            return [
              d(r.offset),
              ids.join(', '),
              '',
              r.stage ?? '',
              r.stage ?? '',
              'a@b.example',
              r.subject,
              r.channel,
              '',
            ];
          });
    const clients = g.clients.map((c, i) => [
      names[i],
      `billing${i}@client${i}.example, @client${i}.example`,
      c.contact,
      c.language,
      c.currency,
      c.jurisdiction,
      c.business,
      c.terms,
      c.grace,
      d(c.contract),
      '',
      '',
    ]);
    const raw: RawLedger = {
      [CLIENTS.name]: [inputHeaders(CLIENTS), ...clients],
      [MILESTONES.name]: [inputHeaders(MILESTONES), ...milestones],
      [PAYMENTS.name]: [inputHeaders(PAYMENTS), ...payments],
      [REMINDERS.name]: [inputHeaders(REMINDERS), ...reminders],
      [CHANGE_ORDERS.name]: [inputHeaders(CHANGE_ORDERS), ...changeOrders],
      [TEMPLATES.name]: [
        inputHeaders(TEMPLATES),
        ...g.templates.map((t) => [t.stage, t.language, t.subject, t.body]),
      ],
      [SETTINGS.name]: [
        inputHeaders(SETTINGS),
        ['Your name', g.yourName],
        ['Business name', g.businessName],
        ['Default currency', 'EUR'],
        ['Default jurisdiction', 'IT'],
        ['Locale', g.locale],
        ['Time zone', 'Europe/Rome'],
        ['Statutory interest', g.statutory],
      ],
    };
    return { raw, clients: names };
  });
