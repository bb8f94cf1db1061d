/**
 * Short stage names for chips, badges and lists, in each supported language. Plain data
 * with no zod, so the Gmail content script can import it without growing.
 */
import type { Language, Stage } from './stages.ts';

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
  },
  it: {
    current: 'Non ancora scaduto',
    upcoming: 'In scadenza',
    reminder: 'Promemoria',
    followup: 'Sollecito',
    final: 'Ultimo avviso',
    stop_work: 'Lavori sospesi',
    demand: 'Diffida',
    small_claims: 'Vie legali',
    disputed: 'Contestato',
    on_hold: 'In sospeso',
    renegotiated: 'Rinegoziato',
    paid: 'Pagato',
    cancelled: 'Annullato',
    written_off: 'Stralciato',
  },
};
