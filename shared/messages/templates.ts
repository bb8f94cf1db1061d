/**
 * The built-in messages, in English and Italian: one per ladder stage that sends, plus a
 * dispute acknowledgement, a change-order confirmation and a payment-plan proposal. Warm
 * and short early on, firmer as the ladder rises, always courteous; each says what is owed
 * and how to pay. A row of the ledger's Templates tab replaces the built-in text for its
 * stage and language (PRODUCT.md, "Templates").
 *
 * The Italian texts use the formal "Lei", right for a contact at a company and for a
 * private client alike, and avoid "entro il {{deadline}}": the article would need elision
 * before some dates ("l'8", "l'11"), so dates stand after a colon or "scadenza".
 */
import type { Language } from '../model.ts';
import { MESSAGE_KINDS } from '../stages.ts';
import { FIELD_HINTS } from './field-hints.ts';

export { MESSAGE_KINDS, SENDING_STAGES } from '../stages.ts';
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export function isMessageKind(id: string): id is MessageKind {
  return (MESSAGE_KINDS as readonly string[]).includes(id);
}

export interface MergeField {
  /** What the value is, for the sidebar's help. */
  description: string;
  /** How to give it a value when it is missing (the problem's fix). */
  hint: string;
  /** True when the field also has a value for each item of the `milestones` list block. */
  perItem?: boolean;
}

/**
 * The merge fields. At the top level a money field is the total of the message's
 * milestones (currencies never added: "€1,200.00 + £300.00"); inside
 * `{{#milestones}}…{{/milestones}}` the per-item fields are the item's own.
 */
export const MERGE_FIELDS = {
  contact: {
    description: "The client's contact (Clients → Contact).",
    hint: FIELD_HINTS.contact,
  },
  client: { description: "The client's name.", hint: FIELD_HINTS.client },
  id: { description: 'Milestone ID(s).', hint: FIELD_HINTS.id, perItem: true },
  invoice: {
    description: 'Invoice number(s); the milestone ID where there is no invoice number.',
    hint: FIELD_HINTS.invoice,
    perItem: true,
  },
  project: {
    description: 'Project name(s).',
    hint: FIELD_HINTS.project,
    perItem: true,
  },
  description: {
    description: 'What the milestone was for.',
    hint: FIELD_HINTS.description,
    perItem: true,
  },
  amount: { description: 'Amount invoiced.', hint: FIELD_HINTS.amount, perItem: true },
  paid: { description: 'Paid so far.', hint: FIELD_HINTS.paid, perItem: true },
  outstanding: {
    description: 'Still owed (amount − payments).',
    hint: FIELD_HINTS.outstanding,
    perItem: true,
  },
  due_date: {
    description: 'Due date (the earliest, at the top level).',
    hint: FIELD_HINTS.due_date,
    perItem: true,
  },
  days_overdue: {
    description: 'Days past the due date (the most, at the top level).',
    hint: FIELD_HINTS.days_overdue,
    perItem: true,
  },
  days_late: {
    description: 'Days overdue in words, singular or plural ("1 day overdue", "12 giorni di ritardo").',
    hint: FIELD_HINTS.days_late,
    perItem: true,
  },
  late_interest: {
    description: 'Statutory late-payment interest accrued to today (B2B).',
    hint: FIELD_HINTS.late_interest,
    perItem: true,
  },
  interest_rate: {
    description: 'The annual statutory interest rate(s) used.',
    hint: FIELD_HINTS.interest_rate,
  },
  interest_law: {
    description: 'The law that gives statutory interest and compensation.',
    hint: FIELD_HINTS.interest_law,
  },
  compensation: {
    description: 'Fixed compensation for recovery costs (€40 EU/IT; £40/£70/£100 UK).',
    hint: FIELD_HINTS.compensation,
    perItem: true,
  },
  total_claim: {
    description: 'Outstanding + statutory interest + compensation.',
    hint: FIELD_HINTS.total_claim,
  },
  terms: { description: 'Payment terms in days.', hint: FIELD_HINTS.terms },
  your_name: { description: 'Settings → Your name.', hint: FIELD_HINTS.your_name },
  business_name: {
    description: 'Settings → Business name.',
    hint: FIELD_HINTS.business_name,
  },
  payment_plan: {
    description: 'The proposed instalments, one per line.',
    hint: FIELD_HINTS.payment_plan,
  },
  deadline: {
    description:
      "The date to pay by: today + the jurisdiction's notice period in a formal demand (30 days under England and Wales' Pre-Action Protocol, 14 for a company, 15 in Italy, 14 elsewhere), today + 7 days in every other message.",
    hint: FIELD_HINTS.deadline,
  },
  deadline_days: {
    description: 'The days the deadline gives (see deadline).',
    hint: FIELD_HINTS.deadline_days,
  },
  payment_details: {
    description: 'How to pay: Settings → Payment details (IBAN, sort code and account, or a payment link).',
    hint: FIELD_HINTS.payment_details,
  },
  your_address: {
    description: 'Settings → Your address.',
    hint: FIELD_HINTS.your_address,
  },
  client_legal_name: {
    description: "The client's legal (registered) name; the Client name when it is empty.",
    hint: FIELD_HINTS.client_legal_name,
  },
  client_address: {
    description: "The client's postal address (Clients → Address).",
    hint: FIELD_HINTS.client_address,
  },
  contract_date: {
    description: 'The date the contract was signed (Clients → Contract, when it holds a date).',
    hint: FIELD_HINTS.contract_date,
  },
  contract: {
    description: 'The contract as the Clients tab has it (a date or a link).',
    hint: FIELD_HINTS.contract,
  },
  invoice_date: {
    description: 'Invoice date (the earliest, at the top level).',
    hint: FIELD_HINTS.invoice_date,
    perItem: true,
  },
  promise_made: {
    description: 'The day the client promised (Promises → Date).',
    hint: FIELD_HINTS.promise_made,
  },
  promise_by: {
    description: 'The day the client promised to pay by (Promises → Promised by).',
    hint: FIELD_HINTS.promise_by,
  },
  promise_amount: {
    description: 'The amount promised; everything outstanding when the promise named none.',
    hint: FIELD_HINTS.promise_amount,
  },
  court_route: {
    description: "The court route of the client's jurisdiction (Simple Procedure; decreto ingiuntivo…).",
    hint: FIELD_HINTS.court_route,
  },
  reminder_dates: {
    description:
      'The dates of the messages sent about these milestones ("3 and 10 November"), from Reminders; drafts are not counted. Empty when none was sent.',
    hint: FIELD_HINTS.reminder_dates,
  },
  demand_date: {
    description:
      'The date the formal demand was sent (the first one), from Reminders. Empty when none was sent.',
    hint: FIELD_HINTS.demand_date,
  },
  interest_to: {
    description: 'The last day statutory interest is counted to.',
    hint: FIELD_HINTS.interest_to,
  },
  today: { description: "Today's date.", hint: FIELD_HINTS.today },
  small_claims_limit: {
    description: "The small-claims limit of the client's jurisdiction.",
    hint: FIELD_HINTS.small_claims_limit,
  },
  change_order: {
    description: 'Change order ID.',
    hint: FIELD_HINTS.change_order,
  },
  change_description: {
    description: 'What the change order covers.',
    hint: FIELD_HINTS.change_description,
  },
  change_amount: {
    description: 'Price of the change order.',
    hint: FIELD_HINTS.change_amount,
  },
} as const satisfies Record<string, MergeField>;
export type MergeFieldName = keyof typeof MERGE_FIELDS;

/** Names usable only as sections (`{{#several}}…{{/several}}`), not as values. */
export const SECTION_FLAGS = {
  several: 'More than one milestone in the message.',
  statutory: 'Statutory interest or fixed compensation is claimed.',
  several_reminders: 'More than one message was sent about these milestones.',
  interest_stops_short:
    'Statutory interest is counted only to an earlier day than today: the published rate for the days after it is not yet on file.',
  ongoing_work: 'The client still has work not yet due, so work can be put on hold.',
  fits_small_claims: "The principal is within the jurisdiction's small-claims limit.",
  over_small_claims_limit: "The principal is above the jurisdiction's small-claims limit.",
} as const;

/** The list block: `{{#milestones}}…{{/milestones}}` repeats once per milestone. */
export const LIST_BLOCK = 'milestones';

export interface BuiltInTemplate {
  subject: string;
  body: string;
}

// Shared pieces. Section tags stand alone on their lines, so they leave no blank lines.
const EN_HI = `{{#contact}}
Hi {{contact}},
{{/contact}}
{{^contact}}
Hello,
{{/contact}}`;
const EN_DEAR = `{{#contact}}
Dear {{contact}},
{{/contact}}
{{^contact}}
Dear Sir or Madam,
{{/contact}}`;
const IT_HI = `{{#contact}}
Buongiorno {{contact}},
{{/contact}}
{{^contact}}
Buongiorno,
{{/contact}}`;
const IT_DEAR = `{{#contact}}
Gentile {{contact}},
{{/contact}}
{{^contact}}
Spettabile {{client}},
{{/contact}}`;
/** British usage: "Dear Sir or Madam" closes with "Yours faithfully", a named greeting with "sincerely". */
const EN_YOURS = `{{#contact}}
Yours sincerely,
{{/contact}}
{{^contact}}
Yours faithfully,
{{/contact}}`;
const SIGNATURE = `{{#your_name}}
{{your_name}}
{{/your_name}}
{{#business_name}}
{{business_name}}
{{/business_name}}`;

const EN_ITEMS = `{{#milestones}}
- {{invoice}}{{#description}}, {{description}}{{/description}} — {{outstanding}}{{#due_date}} (due {{due_date}}){{/due_date}}
{{/milestones}}`;
const EN_ITEMS_LATE = `{{#milestones}}
- {{invoice}}{{#description}}, {{description}}{{/description}} — {{outstanding}}{{#due_date}} (due {{due_date}}{{#days_overdue}}, {{days_late}}{{/days_overdue}}){{/due_date}}
{{/milestones}}`;
const IT_ITEMS = `{{#milestones}}
- {{invoice}}{{#description}}, {{description}}{{/description}} — {{outstanding}}{{#due_date}} (scadenza {{due_date}}){{/due_date}}
{{/milestones}}`;
const IT_ITEMS_LATE = `{{#milestones}}
- {{invoice}}{{#description}}, {{description}}{{/description}} — {{outstanding}}{{#due_date}} (scadenza {{due_date}}{{#days_overdue}}, {{days_late}}{{/days_overdue}}){{/due_date}}
{{/milestones}}`;

const EN_PAY =
  '{{#payment_details}}Payment details: {{payment_details}}. Please quote the invoice number.{{/payment_details}}{{^payment_details}}Payment can be made using the details on the invoice, quoting the invoice number.{{/payment_details}}';
const IT_PAY =
  '{{#payment_details}}Coordinate per il pagamento: {{payment_details}}. La prego di citare il numero di fattura.{{/payment_details}}{{^payment_details}}Il pagamento può essere effettuato con le coordinate indicate in fattura, citandone il numero.{{/payment_details}}';

const EN_PAID = `{{#paid}}
Thank you for the payment of {{paid}} already received; the amounts above are the balance.
{{/paid}}`;
const IT_PAID = `{{#paid}}
La ringrazio per il pagamento di {{paid}} già ricevuto: gli importi indicati sono il saldo residuo.
{{/paid}}`;

/** The claim broken down: principal, statutory interest, compensation, total. */
const EN_CLAIM = `{{#statutory}}
The amount now due is:

- Principal: {{outstanding}}
{{#late_interest}}
- Statutory interest under {{interest_law}}{{#interest_rate}} at {{interest_rate}} a year{{/interest_rate}}, to {{interest_to}}: {{late_interest}}
{{/late_interest}}
{{#compensation}}
- Fixed compensation for recovery costs: {{compensation}}
{{/compensation}}
- Total: {{total_claim}}

{{#late_interest}}
{{#interest_stops_short}}
Interest is counted to {{interest_to}}, the last day covered by the published reference rates on file; it continues to accrue after that day, and daily until payment.
{{/interest_stops_short}}
{{^interest_stops_short}}
Interest continues to accrue daily until payment.
{{/interest_stops_short}}
{{/late_interest}}
{{/statutory}}
{{^statutory}}
The amount now due is {{outstanding}}.
{{/statutory}}`;
const IT_CLAIM = `{{#statutory}}
L'importo dovuto è il seguente:

- Capitale: {{outstanding}}
{{#late_interest}}
- Interessi di mora ({{interest_law}}{{#interest_rate}}, tasso annuo {{interest_rate}}{{/interest_rate}}), calcolati fino alla data: {{interest_to}}: {{late_interest}}
{{/late_interest}}
{{#compensation}}
- Risarcimento forfettario dei costi di recupero: {{compensation}}
{{/compensation}}
- Totale: {{total_claim}}

{{#late_interest}}
{{#interest_stops_short}}
Gli interessi sono calcolati fino alla data: {{interest_to}}, ultimo giorno coperto dai tassi di riferimento pubblicati disponibili; continuano a maturare anche dopo, fino al saldo.
{{/interest_stops_short}}
{{^interest_stops_short}}
Gli interessi continuano a maturare fino al saldo.
{{/interest_stops_short}}
{{/late_interest}}
{{/statutory}}
{{^statutory}}
L'importo dovuto è {{outstanding}}.
{{/statutory}}`;

/** The letterhead of a formal letter: who writes, from where, to whom, on what day. */
const EN_LETTERHEAD = `{{#business_name}}
{{business_name}}
{{/business_name}}
{{^business_name}}
{{your_name}}
{{/business_name}}
{{#your_address}}
{{your_address}}
{{/your_address}}

{{today}}

{{client_legal_name}}
{{#client_address}}
{{client_address}}
{{/client_address}}`;
const IT_LETTERHEAD = `{{#business_name}}
{{business_name}}
{{/business_name}}
{{^business_name}}
{{your_name}}
{{/business_name}}
{{#your_address}}
{{your_address}}
{{/your_address}}

Data: {{today}}

Spett.le {{client_legal_name}}
{{#client_address}}
{{client_address}}
{{/client_address}}`;

/** The statement of account: every invoice, what was paid, what is outstanding. */
const EN_STATEMENT = `{{#milestones}}
- Invoice {{invoice}}{{#invoice_date}} of {{invoice_date}}{{/invoice_date}}{{#description}}, {{description}}{{/description}}: {{amount}}{{#paid}}, paid {{paid}}{{/paid}}, outstanding {{outstanding}}{{#due_date}} (due {{due_date}}){{/due_date}}
{{/milestones}}`;
const IT_STATEMENT = `{{#milestones}}
- Fattura {{invoice}}{{#invoice_date}}, data: {{invoice_date}}{{/invoice_date}}{{#description}}, {{description}}{{/description}}: {{amount}}{{#paid}}, pagato {{paid}}{{/paid}}, residuo {{outstanding}}{{#due_date}} (scadenza: {{due_date}}){{/due_date}}
{{/milestones}}`;

const EN_AGREEMENT = `{{#contract_date}}our written agreement dated {{contract_date}}{{/contract_date}}{{^contract_date}}{{#contract}}our written agreement ({{contract}}){{/contract}}{{^contract}}our agreement for the work described below{{/contract}}{{/contract_date}}`;

/**
 * The formal demand, by the client's jurisdiction and kind of party (law/notices.ts ids,
 * legal-facts §8). `default.period` is BUILT_IN_TEMPLATES.demand; a Templates row for
 * `demand` replaces them all.
 */
export const DEMAND_LETTERS: Readonly<Record<string, Readonly<Record<Language, BuiltInTemplate>>>> = {
  // England and Wales, a debt owed by an individual or a sole trader: a Letter of Claim with
  // every element of the Pre-Action Protocol for Debt Claims (legal-facts §8 uk.pap.letter).
  'uk.pap.letter': {
    en: {
      subject: 'Letter of Claim: {{invoice}} ({{total_claim}})',
      body: `${EN_LETTERHEAD}

${EN_DEAR}

Letter of Claim under the Pre-Action Protocol for Debt Claims

I am writing about the money you owe me under ${EN_AGREEMENT}, between you and {{#business_name}}{{business_name}}{{/business_name}}{{^business_name}}me{{/business_name}}{{#reminder_dates}}. It remains unpaid despite my {{#several_reminders}}reminders{{/several_reminders}}{{^several_reminders}}reminder{{/several_reminders}} of {{reminder_dates}}{{/reminder_dates}}.

Statement of account at {{today}}:

${EN_STATEMENT}

${EN_CLAIM}
{{^late_interest}}
{{#statutory}}
No interest is included in this statement; I reserve the right to claim statutory interest under {{interest_law}}.
{{/statutory}}
{{^statutory}}
No interest or other charges are being added to this debt.
{{/statutory}}
{{/late_interest}}

How to pay: {{#payment_details}}{{payment_details}}, quoting the invoice number{{/payment_details}}{{^payment_details}}using the details on the invoice, quoting its number{{/payment_details}}. If you cannot pay the full amount at once, please contact me to discuss how you can pay, for example in instalments.

Please reply within {{deadline_days}} days of the date of this letter, that is by {{deadline}}, using the enclosed Reply Form, sent to {{#your_address}}{{your_address}}{{/your_address}}{{^your_address}}me at the address above{{/your_address}} or by replying to this email. If you dispute the debt, or need documents or more information, say so on the Reply Form. I will not start court proceedings before {{deadline}}; if by then I have received neither payment nor a reply, I may do so, and claim interest and costs.

Enclosed, as the Protocol requires:
- this statement of account;
- the Information Sheet and the Reply Form (Annex 1 of the Pre-Action Protocol for Debt Claims);
- a Financial Statement form.
They are published with the Protocol at https://www.justice.gov.uk/courts/procedure-rules/civil/protocol/pre-action-protocol-for-debt-claims. You may wish to get free independent debt advice, for example from Citizens Advice or National Debtline.

${EN_YOURS}
${SIGNATURE}`,
    },
    it: {
      subject: 'Letter of Claim (Pre-Action Protocol for Debt Claims): {{invoice}}',
      body: `${IT_LETTERHEAD}

${IT_DEAR}

Letter of Claim ai sensi del Pre-Action Protocol for Debt Claims (Inghilterra e Galles)

Le scrivo in merito alla somma dovuta in base al nostro accordo{{#contract_date}} (data: {{contract_date}}){{/contract_date}}{{#reminder_dates}}, ancora non pagata nonostante i miei solleciti (inviati in data: {{reminder_dates}}){{/reminder_dates}}.

Estratto conto alla data: {{today}}:

${IT_STATEMENT}

${IT_CLAIM}
{{^late_interest}}
{{#statutory}}
Questo estratto conto non include interessi; mi riservo di chiedere gli interessi di mora previsti da {{interest_law}}.
{{/statutory}}
{{^statutory}}
Al debito non vengono aggiunti interessi né altri oneri.
{{/statutory}}
{{/late_interest}}

Modalità di pagamento: {{#payment_details}}{{payment_details}}{{/payment_details}}{{^payment_details}}le coordinate indicate in fattura{{/payment_details}}. Se non può pagare l'intero importo, mi contatti per concordare le modalità, per esempio a rate.

La prego di rispondere entro {{deadline_days}} giorni dalla data della presente (termine: {{deadline}}) con il Reply Form allegato, inviandolo a {{#your_address}}{{your_address}}{{/your_address}}{{^your_address}}me all'indirizzo indicato sopra{{/your_address}} o rispondendo a questa email. Prima di tale termine non avvierò alcuna azione giudiziaria.

Allegati, come richiesto dal Protocollo: questo estratto conto; l'Information Sheet e il Reply Form (Annex 1 del Pre-Action Protocol for Debt Claims); un Financial Statement. Sono pubblicati all'indirizzo https://www.justice.gov.uk/courts/procedure-rules/civil/protocol/pre-action-protocol-for-debt-claims.

Distinti saluti,
${SIGNATURE}`,
    },
  },
  // England and Wales, a debt owed by a company: a letter before claim giving a reasonable
  // 14 days (Practice Direction – Pre-Action Conduct, legal-facts §8 uk.pdpac.period).
  'uk.pdpac.period': {
    en: {
      subject: 'Letter before claim: {{invoice}} ({{total_claim}})',
      body: `${EN_LETTERHEAD}

${EN_DEAR}

Letter before claim

I am writing formally about the following debt, owed under ${EN_AGREEMENT}{{#reminder_dates}}, which remains unpaid despite my {{#several_reminders}}reminders{{/several_reminders}}{{^several_reminders}}reminder{{/several_reminders}} of {{reminder_dates}}{{/reminder_dates}}:

${EN_ITEMS_LATE}

${EN_CLAIM}

Please pay the full amount by {{deadline}}, {{deadline_days}} days from the date of this letter. ${EN_PAY}

If it is not paid by then, I intend to issue a claim against {{client_legal_name}} in the County Court for the full amount with interest and costs. If you dispute any part of the debt, please tell me in writing before {{deadline}}, with your reasons, so that we can try to resolve it without going to court.

${EN_YOURS}
${SIGNATURE}`,
    },
    it: {
      subject: 'Lettera di diffida prima dell’azione giudiziaria: {{invoice}}',
      body: `${IT_LETTERHEAD}

${IT_DEAR}

con la presente Le chiedo formalmente il pagamento di quanto segue{{#reminder_dates}}, ancora insoluto nonostante i miei solleciti (inviati in data: {{reminder_dates}}){{/reminder_dates}}:

${IT_ITEMS_LATE}

${IT_CLAIM}

La invito a pagare l'intero importo entro {{deadline_days}} giorni dalla data della presente (termine: {{deadline}}). ${IT_PAY}

In mancanza, intendo agire in giudizio davanti alla County Court per l'intero importo, con interessi e spese. Se contesta in tutto o in parte il debito, me lo comunichi per iscritto entro lo stesso termine, con le Sue ragioni.

Distinti saluti,
${SIGNATURE}`,
    },
  },
  // Italy: a messa in mora (art. 1219 c.c.), not a diffida ad adempiere; it also interrupts
  // limitation (art. 2943 c.c.). Sent by PEC or raccomandata A/R (legal-facts §8 it.mora).
  'it.mora': {
    it: {
      subject: 'Messa in mora ai sensi dell’art. 1219 c.c.: {{invoice}}',
      body: `${IT_LETTERHEAD}

Oggetto: messa in mora ai sensi dell'art. 1219 c.c.

${IT_DEAR}

con la presente La costituisco formalmente in mora per il pagamento di quanto segue{{#reminder_dates}}, ancora insoluto nonostante i miei solleciti (inviati in data: {{reminder_dates}}){{/reminder_dates}}:

${IT_STATEMENT}

${IT_CLAIM}

La invito pertanto a pagare l'intero importo entro {{deadline_days}} giorni dalla data della presente (termine: {{deadline}}). ${IT_PAY}

In mancanza, procederò al recupero giudiziale del credito, anche con ricorso per decreto ingiuntivo, con interessi e spese a Suo carico. Se contesta in tutto o in parte questo importo, La prego di comunicarmelo per iscritto entro lo stesso termine.

La presente vale anche quale atto interruttivo della prescrizione ai sensi dell'art. 2943 c.c.

Distinti saluti,
${SIGNATURE}`,
    },
    en: {
      subject: 'Formal notice of default (art. 1219 Italian Civil Code): {{invoice}}',
      body: `${EN_LETTERHEAD}

Formal notice of default (messa in mora) under Article 1219 of the Italian Civil Code

${EN_DEAR}

I hereby formally put you in default for the payment of the following{{#reminder_dates}}, which remains unpaid despite my {{#several_reminders}}reminders{{/several_reminders}}{{^several_reminders}}reminder{{/several_reminders}} of {{reminder_dates}}{{/reminder_dates}}:

${EN_STATEMENT}

${EN_CLAIM}

Please pay the full amount within {{deadline_days}} days of the date of this letter, that is by {{deadline}}. ${EN_PAY}

If it is not paid by then, I will recover the debt through the courts, including by an application for a payment order (decreto ingiuntivo), with interest and costs. If you dispute any part of this amount, please tell me in writing by the same date.

This letter also interrupts the limitation period under Article 2943 of the Italian Civil Code.

${EN_YOURS}
${SIGNATURE}`,
    },
  },
};

/**
 * The diffida ad adempiere (art. 1454 c.c., legal-facts §8 it.diffida): a different act from
 * the messa in mora, offered for Italian clients only. It gives at least 15 days and states
 * that, if unpaid, the contract is terminated.
 */
const DIFFIDA: Readonly<Record<Language, BuiltInTemplate>> = {
  it: {
    subject: 'Diffida ad adempiere ai sensi dell’art. 1454 c.c.: {{invoice}}',
    body: `${IT_LETTERHEAD}

Oggetto: diffida ad adempiere ai sensi dell'art. 1454 c.c.

${IT_DEAR}

con riferimento al nostro contratto{{#contract_date}} (data: {{contract_date}}){{/contract_date}}, risultano ancora non pagati i seguenti importi:

${IT_STATEMENT}

${IT_CLAIM}

Con la presente La diffido ad adempiere, pagando l'intero importo entro {{deadline_days}} giorni dal ricevimento della presente. ${IT_PAY}

Le dichiaro espressamente che, decorso inutilmente tale termine, il contratto si intenderà senz'altro risolto di diritto ai sensi dell'art. 1454 c.c., fermo il mio diritto al pagamento di quanto già eseguito e al risarcimento del danno.

Distinti saluti,
${SIGNATURE}`,
  },
  en: {
    subject: 'Notice to perform (art. 1454 Italian Civil Code): {{invoice}}',
    body: `${EN_LETTERHEAD}

Notice to perform (diffida ad adempiere) under Article 1454 of the Italian Civil Code

${EN_DEAR}

Under ${EN_AGREEMENT}, the following remains unpaid:

${EN_STATEMENT}

${EN_CLAIM}

I hereby give you notice to perform by paying the full amount within {{deadline_days}} days of receiving this letter. ${EN_PAY}

I expressly declare that if payment is not made by then, the contract will be terminated by operation of law under Article 1454 of the Italian Civil Code, without prejudice to my right to payment for the work already done and to damages.

${EN_YOURS}
${SIGNATURE}`,
  },
};

/**
 * After a promise (PRODUCT.md, "Promises"): a thank-you that confirms it while it is open,
 * and, when it was not kept, a firm note that names its date and amount, with no new threat.
 */
const PROMISE_MESSAGES: Readonly<
  Record<'broken_promise' | 'promise_thanks', Readonly<Record<Language, BuiltInTemplate>>>
> = {
  broken_promise: {
    en: {
      subject: 'The payment promised by {{promise_by}}: {{invoice}}',
      body: `${EN_HI}

On {{promise_made}} you let me know that {{promise_amount}} would be paid by {{promise_by}}. I have not received it, and the following remains outstanding:

${EN_ITEMS_LATE}

Could you pay it now, or tell me today when it will be paid? ${EN_PAY}

If something has changed on your side, please say so: I would rather agree a realistic date with you than chase again.

Kind regards,
${SIGNATURE}`,
    },
    it: {
      subject: 'Il pagamento promesso (scadenza: {{promise_by}}): {{invoice}}',
      body: `${IT_HI}

in data {{promise_made}} mi aveva comunicato che {{promise_amount}} sarebbe stato pagato entro la data: {{promise_by}}. Non l'ho ancora ricevuto, e resta da saldare quanto segue:

${IT_ITEMS_LATE}

Può provvedere ora, o farmi sapere oggi stesso quando pagherà? ${IT_PAY}

Se dal Suo lato qualcosa è cambiato, me lo dica: preferisco concordare con Lei una data realistica piuttosto che sollecitare di nuovo.

Cordiali saluti,
${SIGNATURE}`,
    },
  },
  promise_thanks: {
    en: {
      subject: 'Thank you: {{invoice}}',
      body: `${EN_HI}

Thank you for letting me know. To confirm: {{promise_amount}} by {{promise_by}}, for:

${EN_ITEMS}

${EN_PAY}

Best regards,
${SIGNATURE}`,
    },
    it: {
      subject: 'Grazie: {{invoice}}',
      body: `${IT_HI}

grazie per avermi avvisato. Confermo: {{promise_amount}} entro la data: {{promise_by}}, per:

${IT_ITEMS}

${IT_PAY}

Cordiali saluti,
${SIGNATURE}`,
    },
  },
};

export const BUILT_IN_TEMPLATES: Readonly<Record<MessageKind, Readonly<Record<Language, BuiltInTemplate>>>> =
  {
    upcoming: {
      en: {
        subject: 'Coming up: {{invoice}} due {{due_date}}',
        body: `${EN_HI}

Just a friendly note ahead of the due date, so it can go into your next payment run:

${EN_ITEMS}

${EN_PAY} If anything is missing on your side, such as a purchase order number or different billing details, just let me know and I will sort it out.

Thank you, and best regards,
${SIGNATURE}`,
      },
      it: {
        subject: 'Promemoria: {{invoice}} in scadenza',
        body: `${IT_HI}

Le scrivo per ricordarLe in anticipo {{#several}}le prossime scadenze{{/several}}{{^several}}la prossima scadenza{{/several}}, così da poterne tenere conto nel Suo prossimo giro di pagamenti:

${IT_ITEMS}

${IT_PAY} Se dal Suo lato manca qualcosa, per esempio un numero d'ordine o dati di fatturazione diversi, me lo faccia sapere e provvedo subito.

La ringrazio, cordiali saluti,
${SIGNATURE}`,
      },
    },
    reminder: {
      en: {
        subject: 'Payment reminder: {{invoice}}',
        body: `${EN_HI}

I hope all is well. A quick reminder that the following is now past due:

${EN_ITEMS}

{{#several}}
Total outstanding: {{outstanding}}.
{{/several}}
${EN_PAID}

${EN_PAY} If it is already on its way, please disregard this note, and thank you.

Best regards,
${SIGNATURE}`,
      },
      it: {
        subject: 'Promemoria di pagamento: {{invoice}}',
        body: `${IT_HI}

spero che tutto proceda bene. Le ricordo cortesemente che quanto segue risulta scaduto:

${IT_ITEMS}

{{#several}}
Totale da saldare: {{outstanding}}.
{{/several}}
${IT_PAID}

${IT_PAY} Se ha già provveduto, non tenga conto di questo messaggio, e La ringrazio.

Cordiali saluti,
${SIGNATURE}`,
      },
    },
    followup: {
      en: {
        subject: 'Follow-up: overdue payment for {{invoice}}',
        body: `${EN_HI}

{{#reminder_dates}}
I am following up on my reminder of {{reminder_dates}}: I have not yet received payment for the following, which is now overdue.
{{/reminder_dates}}
{{^reminder_dates}}
I have not yet received payment for the following, which is now overdue.
{{/reminder_dates}}

${EN_ITEMS_LATE}

Total outstanding: {{outstanding}}.
${EN_PAID}

Under the terms we agreed, each amount was payable by the due date shown. Could you let me know when I can expect payment? If there is a problem with the invoice or the work, please tell me now so that we can resolve it quickly.

${EN_PAY}

Kind regards,
${SIGNATURE}`,
      },
      it: {
        subject: 'Sollecito di pagamento: {{invoice}}',
        body: `${IT_HI}

{{#reminder_dates}}
faccio seguito ai miei messaggi (inviati in data: {{reminder_dates}}): non ho ancora ricevuto il pagamento di quanto segue, ormai scaduto.
{{/reminder_dates}}
{{^reminder_dates}}
non ho ancora ricevuto il pagamento di quanto segue, ormai scaduto.
{{/reminder_dates}}

${IT_ITEMS_LATE}

Totale da saldare: {{outstanding}}.
${IT_PAID}

Come concordato, ogni importo andava pagato entro la scadenza indicata. Può farmi sapere quando posso attendere il pagamento? Se c'è un problema con la fattura o con il lavoro, me lo segnali ora, così possiamo risolverlo rapidamente.

${IT_PAY}

Cordiali saluti,
${SIGNATURE}`,
      },
    },
    final: {
      en: {
        subject: 'Final reminder: {{invoice}} ({{outstanding}} overdue)',
        body: `${EN_DEAR}

{{#reminder_dates}}
Despite my {{#several_reminders}}reminders{{/several_reminders}}{{^several_reminders}}reminder{{/several_reminders}} of {{reminder_dates}}, the following remains unpaid:
{{/reminder_dates}}
{{^reminder_dates}}
The following remains unpaid:
{{/reminder_dates}}

${EN_ITEMS_LATE}

Total now due: {{outstanding}}.
${EN_PAID}

Please arrange payment by {{deadline}} (within 7 days). ${EN_PAY}

If paying the full amount at once is difficult, I am open to a payment plan in instalments: just reply to this email and we can agree them in writing.
{{#payment_plan}}
For example:

{{payment_plan}}
{{/payment_plan}}

{{#ongoing_work}}
If I do not hear from you by then, I will have to put any further work on hold until the account is brought up to date.
{{/ongoing_work}}
{{^ongoing_work}}
If I do not hear from you by then, my next letter will be a formal demand for payment, with statutory interest where the law provides it.
{{/ongoing_work}}

Kind regards,
${SIGNATURE}`,
      },
      it: {
        subject: 'Ultimo sollecito: {{invoice}}',
        body: `${IT_DEAR}

{{#reminder_dates}}
nonostante {{#several_reminders}}i miei solleciti{{/several_reminders}}{{^several_reminders}}il mio sollecito{{/several_reminders}} (inviati in data: {{reminder_dates}}), quanto segue risulta ancora non pagato:
{{/reminder_dates}}
{{^reminder_dates}}
quanto segue risulta ancora non pagato:
{{/reminder_dates}}

${IT_ITEMS_LATE}

Totale scaduto: {{outstanding}}.
${IT_PAID}

La prego di provvedere al pagamento entro 7 giorni (termine: {{deadline}}). ${IT_PAY}

Se saldare l'intero importo in un'unica soluzione Le risulta difficile, sono disponibile a concordare un piano di rientro a rate: mi risponda a questa email e le fisseremo per iscritto.
{{#payment_plan}}
Per esempio:

{{payment_plan}}
{{/payment_plan}}

{{#ongoing_work}}
Se non avrò Sue notizie entro questo termine, dovrò sospendere ogni ulteriore attività fino alla regolarizzazione della posizione.
{{/ongoing_work}}
{{^ongoing_work}}
Se non avrò Sue notizie entro questo termine, Le invierò una formale messa in mora, con gli interessi previsti dalla legge.
{{/ongoing_work}}

Cordiali saluti,
${SIGNATURE}`,
      },
    },
    stop_work: {
      en: {
        subject: 'Work on hold: overdue payment for {{invoice}}',
        body: `${EN_DEAR}

As the following remains unpaid{{#reminder_dates}} despite my {{#several_reminders}}reminders{{/several_reminders}}{{^several_reminders}}reminder{{/several_reminders}} of {{reminder_dates}}{{/reminder_dates}}, I have put all work for {{client}} on hold until the account is brought up to date:

${EN_ITEMS_LATE}

Total overdue: {{outstanding}}.
{{#late_interest}}
Statutory interest of {{late_interest}} has also accrued so far under {{interest_law}}.
{{/late_interest}}

Work will resume as soon as payment is received. ${EN_PAY} If you would prefer to settle in instalments, reply to this email and we can agree a payment plan in writing.

I would much rather resolve this together and get back to work, so please let me know by {{deadline}} how you intend to proceed.

Kind regards,
${SIGNATURE}`,
      },
      it: {
        subject: 'Sospensione dei lavori: pagamento scaduto {{invoice}}',
        body: `${IT_DEAR}

poiché quanto segue risulta ancora non pagato{{#reminder_dates}} nonostante i miei solleciti (inviati in data: {{reminder_dates}}){{/reminder_dates}}, ho sospeso tutte le attività per {{client}} fino alla regolarizzazione della posizione:

${IT_ITEMS_LATE}

Totale scaduto: {{outstanding}}.
{{#late_interest}}
Sono inoltre maturati finora interessi di mora per {{late_interest}} ({{interest_law}}).
{{/late_interest}}

Le attività riprenderanno non appena riceverò il pagamento. ${IT_PAY} Se preferisce saldare a rate, mi risponda e concorderemo per iscritto un piano di rientro.

Preferirei risolvere la questione insieme e riprendere il lavoro: La prego di farmi sapere entro 7 giorni (termine: {{deadline}}) come intende procedere.

Cordiali saluti,
${SIGNATURE}`,
      },
    },
    demand: {
      en: {
        subject: 'Formal demand for payment: {{invoice}}',
        body: `${EN_DEAR}

I am writing formally about the following debt, which remains unpaid{{#reminder_dates}} despite my {{#several_reminders}}reminders{{/several_reminders}}{{^several_reminders}}reminder{{/several_reminders}} of {{reminder_dates}}{{/reminder_dates}}:

${EN_ITEMS_LATE}

${EN_CLAIM}

Please pay the full amount by {{deadline}}, {{deadline_days}} days from the date of this letter. ${EN_PAY}

If payment is not received by then, I intend to take legal steps to recover the debt, through the courts or with the help of a lawyer or a debt collection agency, and further costs may be claimed from you. I would prefer to avoid that. If you dispute any part of this amount, please tell me in writing before {{deadline}}.

${EN_YOURS}
${SIGNATURE}`,
      },
      it: {
        subject: 'Messa in mora: {{invoice}}',
        body: `${IT_DEAR}

con la presente Le chiedo formalmente il pagamento di quanto segue, ancora insoluto{{#reminder_dates}} nonostante i miei solleciti (inviati in data: {{reminder_dates}}){{/reminder_dates}}:

${IT_ITEMS_LATE}

${IT_CLAIM}

La invito a pagare l'intero importo entro {{deadline_days}} giorni dalla data della presente (termine: {{deadline}}). ${IT_PAY}

In mancanza, intendo agire per il recupero del credito, in via giudiziale o tramite un legale o una società di recupero crediti, con gli ulteriori costi a Suo carico nei limiti di legge. Preferirei evitarlo. Se contesta in tutto o in parte questo importo, La prego di comunicarmelo per iscritto entro lo stesso termine.

La presente vale come formale messa in mora.

Distinti saluti,
${SIGNATURE}`,
      },
    },
    small_claims: {
      en: {
        subject:
          '{{#over_small_claims_limit}}Referral to a lawyer{{/over_small_claims_limit}}{{^over_small_claims_limit}}Notice of court claim{{/over_small_claims_limit}}: {{invoice}}',
        body: `${EN_DEAR}

The following remains unpaid{{#reminder_dates}} despite my messages of {{reminder_dates}}, including my formal demand of {{demand_date}}{{/reminder_dates}}:

${EN_ITEMS_LATE}

Total claimed: {{total_claim}}{{#statutory}} (principal {{outstanding}}{{#late_interest}}, statutory interest {{late_interest}}{{/late_interest}}{{#compensation}}, compensation {{compensation}}{{/compensation}}){{/statutory}}.

{{#fits_small_claims}}
Unless the full amount is paid by {{deadline}}, I will file a claim for it{{#court_route}} ({{court_route}}){{/court_route}}, with interest and court fees as the law allows, without further notice.
{{/fits_small_claims}}
{{#over_small_claims_limit}}
As the amount is above the {{#court_route}}{{court_route}} {{/court_route}}limit of {{small_claims_limit}}, unless the full amount is paid by {{deadline}} I will instruct a lawyer to recover it through the courts, and the costs this causes may be claimed from you.
{{/over_small_claims_limit}}
{{^fits_small_claims}}
{{^over_small_claims_limit}}
Unless the full amount is paid by {{deadline}}, I will start court proceedings to recover it without further notice.
{{/over_small_claims_limit}}
{{/fits_small_claims}}

If you wish to settle, there is still time. ${EN_PAY} Reply to this email and I will confirm receipt.

${EN_YOURS}
${SIGNATURE}`,
      },
      it: {
        subject:
          '{{#over_small_claims_limit}}Affidamento al legale{{/over_small_claims_limit}}{{^over_small_claims_limit}}Preavviso di azione giudiziaria{{/over_small_claims_limit}}: {{invoice}}',
        body: `${IT_DEAR}

quanto segue risulta ancora non pagato{{#reminder_dates}}, nonostante le mie comunicazioni (inviate in data: {{reminder_dates}}), compresa la formale messa in mora (inviata in data: {{demand_date}}){{/reminder_dates}}:

${IT_ITEMS_LATE}

Totale dovuto: {{total_claim}}{{#statutory}} (capitale {{outstanding}}{{#late_interest}}, interessi di mora {{late_interest}}{{/late_interest}}{{#compensation}}, risarcimento forfettario {{compensation}}{{/compensation}}){{/statutory}}.

{{#fits_small_claims}}
Se il pagamento integrale non mi perverrà entro 7 giorni (termine: {{deadline}}), presenterò domanda giudiziale per il recupero del credito{{#court_route}} ({{court_route}}){{/court_route}}, con interessi e spese come previsto dalla legge, senza ulteriore preavviso.
{{/fits_small_claims}}
{{#over_small_claims_limit}}
Poiché l'importo supera il limite di {{small_claims_limit}} entro il quale posso agire da solo{{#court_route}} ({{court_route}}){{/court_route}}, se il pagamento integrale non mi perverrà entro 7 giorni (termine: {{deadline}}) affiderò la pratica al mio legale per il recupero giudiziale del credito, con i relativi costi a Suo carico nei limiti di legge.
{{/over_small_claims_limit}}
{{^fits_small_claims}}
{{^over_small_claims_limit}}
Se il pagamento integrale non mi perverrà entro 7 giorni (termine: {{deadline}}), avvierò un'azione giudiziaria per il recupero del credito senza ulteriore preavviso.
{{/over_small_claims_limit}}
{{/fits_small_claims}}

Se intende saldare, è ancora in tempo. ${IT_PAY} Mi risponda a questa email e Le confermerò la ricezione.

Distinti saluti,
${SIGNATURE}`,
      },
    },
    dispute: {
      en: {
        subject: 'Your comments on {{invoice}}',
        body: `${EN_HI}

Thank you for letting me know your concerns about the following:

${EN_ITEMS}

I take them seriously. So that we can resolve this quickly, could you set out in writing which parts of the work or the amount you disagree with, and why? I will review them against our agreement{{#project}} for {{project}}{{/project}} and reply within 7 days.

In the meantime I have paused my payment reminders for the amounts in question. Any part that is not in dispute remains payable as agreed.

Kind regards,
${SIGNATURE}`,
      },
      it: {
        subject: 'Le Sue osservazioni su {{invoice}}',
        body: `${IT_HI}

La ringrazio per avermi segnalato le Sue osservazioni su quanto segue:

${IT_ITEMS}

Le prendo sul serio. Per risolvere rapidamente, può indicarmi per iscritto quali parti del lavoro o dell'importo contesta, e per quale motivo? Le esaminerò alla luce del nostro accordo{{#project}} per {{project}}{{/project}} e Le risponderò entro 7 giorni.

Nel frattempo ho sospeso i solleciti per gli importi in questione. La parte non contestata resta dovuta alle condizioni concordate.

Cordiali saluti,
${SIGNATURE}`,
      },
    },
    change_order: {
      en: {
        subject:
          'Change request{{#change_order}} {{change_order}}{{/change_order}}: please confirm before I start',
        body: `${EN_HI}

Thank you for the request{{#project}} on {{project}}{{/project}}. As it goes beyond the scope of our original agreement, I would like us to confirm it in writing before I start:

- Work: {{change_description}}
{{#change_amount}}
- Price: {{change_amount}}
{{/change_amount}}
- Payment terms: as in our original agreement, unless we agree otherwise in writing.

Please reply to this email with your confirmation (a simple "approved" is enough) and I will schedule the work. Until then, I will keep to the original scope.

Best regards,
${SIGNATURE}`,
      },
      it: {
        subject:
          'Richiesta di modifica{{#change_order}} {{change_order}}{{/change_order}}: conferma prima di iniziare',
        body: `${IT_HI}

La ringrazio per la richiesta{{#project}} relativa a {{project}}{{/project}}. Poiché va oltre quanto previsto dal nostro accordo iniziale, vorrei confermarla per iscritto prima di iniziare:

- Lavoro: {{change_description}}
{{#change_amount}}
- Prezzo: {{change_amount}}
{{/change_amount}}
- Pagamento: alle condizioni dell'accordo iniziale, salvo diverso accordo scritto.

Mi basta una risposta a questa email con la Sua conferma (anche solo "approvato") e pianificherò il lavoro. Fino ad allora mi atterrò a quanto previsto in origine.

Cordiali saluti,
${SIGNATURE}`,
      },
    },
    diffida: DIFFIDA,
    broken_promise: PROMISE_MESSAGES.broken_promise,
    promise_thanks: PROMISE_MESSAGES.promise_thanks,
    payment_plan: {
      en: {
        subject: 'Payment plan proposal: {{invoice}}',
        body: `${EN_HI}

To help settle the outstanding balance of {{outstanding}}{{#several}} on the invoices below{{/several}}, I propose the following instalments:

{{payment_plan}}

{{#several}}
${EN_ITEMS}

{{/several}}
Each instalment is payable by its date. ${EN_PAY} If an instalment is missed, the plan lapses and the whole remaining balance becomes due at once.

Could you confirm by replying to this email that you agree? I will then update my records.

Best regards,
${SIGNATURE}`,
      },
      it: {
        subject: 'Proposta di piano di rientro: {{invoice}}',
        body: `${IT_HI}

per agevolare il saldo dell'importo residuo di {{outstanding}}{{#several}} relativo alle fatture qui sotto{{/several}}, Le propongo il seguente piano di rientro:

{{payment_plan}}

{{#several}}
${IT_ITEMS}

{{/several}}
Ogni rata va pagata entro la data indicata. ${IT_PAY} Se una rata non viene pagata, il piano decade e l'intero importo residuo diventa subito esigibile.

Mi conferma il Suo accordo rispondendo a questa email? Aggiornerò di conseguenza la mia contabilità.

Cordiali saluti,
${SIGNATURE}`,
      },
    },
  };

/** One line of the `{{payment_plan}}` block: instalment `n` of `of`, its due date and amount. */
export const PLAN_LINE: Readonly<
  Record<Language, (n: number, of: number, date: string, amount: string) => string>
> = {
  en: (n, of, date, amount) => `- Instalment ${n} of ${of}, due ${date}: ${amount}`,
  it: (n, of, date, amount) => `- Rata ${n} di ${of}, scadenza ${date}: ${amount}`,
};

/** `{{days_late}}`: a day count in words, by the language's plural rules (Intl.PluralRules). */
export const DAYS_LATE: Readonly<Record<Language, (days: number, plural: Intl.LDMLPluralRule) => string>> = {
  en: (days, plural) => `${days} ${plural === 'one' ? 'day' : 'days'} overdue`,
  it: (days, plural) => `${days} ${plural === 'one' ? 'giorno' : 'giorni'} di ritardo`,
};

/**
 * The law behind statutory interest, as a message names it, per interest regime (see
 * law/interest.ts for the rules themselves).
 */
export const INTEREST_LAW: Readonly<Record<Language, Readonly<Record<'EU' | 'IT' | 'UK', string>>>> = {
  en: {
    UK: 'the Late Payment of Commercial Debts (Interest) Act 1998',
    IT: 'Italian Legislative Decree 231/2002',
    EU: 'EU Directive 2011/7/EU on late payment',
  },
  it: {
    UK: 'Late Payment of Commercial Debts (Interest) Act 1998, Regno Unito',
    IT: 'D.Lgs. 231/2002',
    EU: 'Direttiva 2011/7/UE',
  },
};
