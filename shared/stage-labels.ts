/**
 * The words of the product's vocabulary, in each supported language: stage names (which
 * shared/stage-look.ts assembles with the colours into `stageLook`), message names, aging
 * buckets and how a reminder went out. Every surface names these from here. Plain data with
 * no zod, so the Gmail content script can import it without growing.
 */
import type { AgingBucket, ChannelKind, Language, MESSAGE_KINDS, Stage } from './stages.ts';

export const STAGE_LABELS: Readonly<Record<Language, Readonly<Record<Stage, string>>>> = {
  en: {
    current: 'Not yet due',
    upcoming: 'Due soon',
    reminder: 'Reminder',
    followup: 'Follow-up',
    final: 'Final notice',
    stop_work: 'Stop work',
    demand: 'Formal demand',
    small_claims: 'Small claims',
    disputed: 'Disputed',
    on_hold: 'On hold',
    renegotiated: 'Renegotiated',
    paid: 'Paid',
    cancelled: 'Cancelled',
    written_off: 'Written off',
    promised: 'Promised',
    broken_promise: 'Broken promise',
  },
  it: {
    current: 'Non ancora scaduto',
    upcoming: 'In scadenza',
    reminder: 'Promemoria',
    followup: 'Sollecito',
    final: 'Ultimo sollecito',
    stop_work: 'Lavori sospesi',
    demand: 'Messa in mora',
    small_claims: 'Azione legale',
    disputed: 'Contestato',
    on_hold: 'In sospeso',
    renegotiated: 'Rinegoziato',
    paid: 'Pagato',
    cancelled: 'Annullato',
    written_off: 'Stralciato',
    promised: 'Promesso',
    broken_promise: 'Promessa mancata',
  },
};

/** A stage's name on a chip or badge, where it differs from its label (`stageLook[s].short`). */
export const STAGE_SHORT: Readonly<Record<Language, Partial<Readonly<Record<Stage, string>>>>> = {
  en: { current: 'Not due', demand: 'Demand' },
  it: { current: 'Non scaduto' },
};

/**
 * The aging buckets' names: `current` is the not-yet-due stage's label (written out, not
 * read from `STAGE_LABELS`, which would keep both tables in every bundle; a test compares).
 */
export const AGING_LABELS: Readonly<Record<Language, Readonly<Record<AgingBucket, string>>>> = {
  en: {
    current: 'Not yet due', // the label of the stage `current`
    '1-30': '1–30 days',
    '31-60': '31–60 days',
    '61-90': '61–90 days',
    '90+': 'Over 90 days',
  },
  it: {
    current: 'Non ancora scaduto',
    '1-30': '1–30 giorni',
    '31-60': '31–60 giorni',
    '61-90': '61–90 giorni',
    '90+': 'Oltre 90 giorni',
  },
};

/**
 * The name of each built-in message (a sending ladder step or another message id), for
 * menus and lists: the compose menu's entry is the name of the message it inserts.
 */
export const MESSAGE_LABELS: Readonly<
  Record<Language, Readonly<Record<(typeof MESSAGE_KINDS)[number], string>>>
> = {
  en: {
    upcoming: 'Courtesy note before the due date',
    reminder: 'Friendly reminder',
    followup: 'Follow-up',
    final: 'Final notice with a payment-plan offer',
    stop_work: 'Work on hold',
    demand: 'Formal demand (letter before action)',
    small_claims: 'Notice of court claim',
    dispute: 'Dispute acknowledgement',
    change_order: 'Change-order confirmation',
    diffida: 'Notice to perform or the contract ends (art. 1454 Italian Civil Code)',
    broken_promise: 'The promised payment did not arrive',
    promise_thanks: 'Thank you: confirming the promised payment',
    payment_plan: 'Payment-plan proposal',
  },
  it: {
    upcoming: 'Promemoria prima della scadenza',
    reminder: 'Promemoria cordiale',
    followup: 'Sollecito',
    final: 'Ultimo sollecito con proposta di rateizzazione',
    stop_work: 'Sospensione dei lavori',
    demand: 'Messa in mora',
    small_claims: 'Preavviso di azione giudiziaria',
    dispute: 'Risposta a una contestazione',
    change_order: 'Conferma di una modifica',
    diffida: 'Diffida ad adempiere (art. 1454 c.c.)',
    broken_promise: 'Il pagamento promesso non è arrivato',
    promise_thanks: 'Grazie: conferma del pagamento promesso',
    payment_plan: 'Proposta di piano di rientro',
  },
};

/** How a Reminders row went out, in words, for every text a user or a lawyer reads. */
export const CHANNEL_WORDS: Readonly<Record<Language, Readonly<Record<ChannelKind, string>>>> = {
  en: {
    gmail: 'sent from Gmail',
    email: 'sent by email',
    post: 'sent by post',
    pec: 'sent by PEC (certified email)',
    registered: 'sent by registered post',
    phone: 'by phone (not written)',
    draft: 'drafted, not confirmed sent',
  },
  it: {
    gmail: 'inviato da Gmail',
    email: 'inviato per email',
    post: 'inviato per posta',
    pec: 'inviato via PEC',
    registered: 'inviato per raccomandata A/R',
    phone: 'per telefono (non scritto)',
    draft: 'bozza, invio non confermato',
  },
};
