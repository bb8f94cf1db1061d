/**
 * Short stage names for chips, badges and lists, in each supported language. Plain data
 * with no zod, so the Gmail content script can import it without growing.
 */
import type { ChannelKind, Language, Stage } from './stages.ts';

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
    final: 'Ultimo avviso',
    stop_work: 'Lavori sospesi',
    demand: 'Messa in mora',
    small_claims: 'Vie legali',
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
