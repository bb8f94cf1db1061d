/**
 * The overlay's words in English and Italian. Italian must give every English entry with
 * the same signature (`satisfies OverlayStrings`), so a missing translation fails the type
 * check. Ledger and mail text (client names, notes, template text) is shown as typed.
 *
 * The overlay speaks Gmail's language (`<html lang>`), not the browser's: it sits inside
 * Gmail's own UI. The stage names come from the core (shared/stage-labels.ts: `stages` in
 * lines, `chips` on chips and badges, as `stageLook`'s label and short), as the popup's do
 * (extension/ui/i18n.ts); the rest is the overlay's own, not taken from i18n.ts,
 * which would put every popup and options string into the size-budgeted content script.
 */
import { STAGE_LABELS, STAGE_SHORT } from '../../shared/stage-labels.ts';

export type Lang = 'en' | 'it';

const en = {
  stages: STAGE_LABELS.en,
  chips: { ...STAGE_LABELS.en, ...STAGE_SHORT.en },
  risks: { low: 'low', medium: 'medium', high: 'high' },
  daysLate: (n: number) => (n === 1 ? '1 day late' : `${n} days late`),
  dueIn: (n: number) => (n <= 0 ? 'due today' : n === 1 ? 'due tomorrow' : `due in ${n} days`),
  outstanding: (amount: string) => `${amount} outstanding`,
  next: (stage: string, when: string) => `next: ${stage} ${when}`,
  today: 'today',
  onDate: (date: string) => `on ${date}`,
  nothingNext: 'no message due',
  chipLabel: (client: string) => `Payladder: ${client}. Show details`,
  badgeLabel: (client: string, stage: string) => `Payladder: ${client}, ${stage}`,
  panelLabel: (client: string) => `Payladder: ${client}`,
  milestones: 'Milestones',
  more: (n: number) => `+${n} more`,
  lastReminders: 'Last reminders',
  noReminders: 'No reminder logged yet.',
  risk: 'Risk',
  riskUnknown: 'not set',
  behaviour: (avgDaysLate: number | null, onTimePct: number | null, paid: number) =>
    paid === 0
      ? 'No paid milestones yet.'
      : `Paid ${paid === 1 ? '1 milestone' : `${paid} milestones`}${
          avgDaysLate === null ? '' : `, ${avgDaysLate} days late on average`
        }${onTimePct === null ? '' : `, ${onTimePct}% on time`}.`,
  notes: 'Notes',
  writeReminder: 'Write reminder',
  openReplyFirst: 'Open a reply, then use the Payladder button in its toolbar.',
  // Compose
  button: 'Payladder',
  buttonLabel: 'Payladder: insert a reminder',
  menuLabel: 'Payladder reminders',
  loading: 'Loading…',
  recommended: 'Recommended',
  preview: 'Preview',
  noClient: 'No recipient is a client in your ledger.',
  chooseClient: 'Choose a client',
  anotherClient: 'Another client…',
  filterClients: 'Filter clients',
  noClientMatches: 'No client matches.',
  noLedger:
    'Your ledger is not loaded: open Payladder from the browser toolbar to sign in or choose a ledger.',
  noMessages: 'No message to offer for this client.',
  failed: (detail: string) => `Payladder could not answer: ${detail}`,
  signedOut: 'You are signed out of Google: open Payladder from the browser toolbar to sign in.',
  noBody: 'Payladder could not find the message body of this window.',
  // Logging
  logged: 'Payladder: reminder logged in your ledger.',
  queued: 'Payladder: the reminder is not in your ledger yet; it will be retried (see the toolbar popup).',
  notLogged: 'Payladder could not log the reminder.',
  notLoggedNotAddressed: (client: string) => `Payladder did not log it: no To recipient is ${client}'s.`,
  notAddressed: (client: string) =>
    `No To recipient is ${client}'s: their invoices would go to someone else.`,
  addressToClient: (address: string) => `Address it to ${address} and insert`,
  // The client's reply (reply-actions.tsx)
  reply: 'Their reply',
  replied: (on: string, after: string) => `Replied ${on}, after your reminder of ${after}`,
  logPromise: 'Log a promise',
  recordPayment: 'Record a payment',
  promisedBy: 'Promised by',
  paidOn: 'Paid on',
  amount: 'Amount',
  save: 'Save',
  saved: 'Saved in your ledger.',
  already: 'Already in your ledger.',
  notSaved: 'Payladder could not save it.',
  markDisputed: 'Mark disputed',
  reason: 'Reason',
  reasonHint: 'what the client contests',
  confirm: 'Confirm',
  cancel: 'Cancel',
  pickOne: 'Pick at least one milestone.',
  markedDisputed: 'Marked disputed in your ledger.',
};

export type OverlayStrings = typeof en;

const it = {
  stages: STAGE_LABELS.it,
  chips: { ...STAGE_LABELS.it, ...STAGE_SHORT.it },
  risks: { low: 'basso', medium: 'medio', high: 'alto' },
  daysLate: (n: number) => (n === 1 ? '1 giorno di ritardo' : `${n} giorni di ritardo`),
  dueIn: (n: number) => (n <= 0 ? 'scade oggi' : n === 1 ? 'scade domani' : `scade tra ${n} giorni`),
  outstanding: (amount: string) => `${amount} da incassare`,
  next: (stage: string, when: string) => `prossimo: ${stage} ${when}`,
  today: 'oggi',
  onDate: (date: string) => `il ${date}`,
  nothingNext: 'nessun messaggio previsto',
  chipLabel: (client: string) => `Payladder: ${client}. Mostra i dettagli`,
  badgeLabel: (client: string, stage: string) => `Payladder: ${client}, ${stage}`,
  panelLabel: (client: string) => `Payladder: ${client}`,
  milestones: 'Scadenze',
  more: (n: number) => `altre ${n}`,
  lastReminders: 'Ultimi solleciti',
  noReminders: 'Nessun sollecito registrato.',
  risk: 'Rischio',
  riskUnknown: 'non indicato',
  behaviour: (avgDaysLate: number | null, onTimePct: number | null, paid: number) =>
    paid === 0
      ? 'Nessuna scadenza ancora pagata.'
      : `${paid === 1 ? '1 scadenza pagata' : `${paid} scadenze pagate`}${
          avgDaysLate === null ? '' : `, in media con ${avgDaysLate} giorni di ritardo`
        }${onTimePct === null ? '' : `, ${onTimePct}% puntuali`}.`,
  notes: 'Note',
  writeReminder: 'Scrivi sollecito',
  openReplyFirst: 'Apri una risposta, poi usa il pulsante Payladder nella sua barra.',
  button: 'Payladder',
  buttonLabel: 'Payladder: inserisci un sollecito',
  menuLabel: 'Solleciti Payladder',
  loading: 'Caricamento…',
  recommended: 'Consigliato',
  preview: 'Anteprima',
  noClient: 'Nessun destinatario è un cliente del tuo registro.',
  chooseClient: 'Scegli un cliente',
  anotherClient: 'Un altro cliente…',
  filterClients: 'Filtra i clienti',
  noClientMatches: 'Nessun cliente corrisponde.',
  noLedger:
    'Il registro non è caricato: apri Payladder dalla barra del browser per accedere o scegliere un registro.',
  noMessages: 'Nessun messaggio da proporre per questo cliente.',
  failed: (detail: string) => `Payladder non ha risposto: ${detail}`,
  signedOut: 'Non hai effettuato l’accesso a Google: apri Payladder dalla barra del browser per accedere.',
  noBody: 'Payladder non trova il corpo del messaggio in questa finestra.',
  logged: 'Payladder: sollecito registrato nel tuo registro.',
  queued: 'Payladder: il sollecito non è ancora nel registro; verrà ritentato (vedi il popup nella barra).',
  notLogged: 'Payladder non è riuscito a registrare il sollecito.',
  notLoggedNotAddressed: (client: string) =>
    `Payladder non l'ha registrato: nessun destinatario in A è di ${client}.`,
  notAddressed: (client: string) =>
    `Nessun destinatario in A è di ${client}: le sue fatture andrebbero a qualcun altro.`,
  addressToClient: (address: string) => `Indirizzalo a ${address} e inserisci`,
  reply: 'La sua risposta',
  replied: (on: string, after: string) => `Ha risposto il ${on}, dopo il sollecito del ${after}`,
  logPromise: 'Registra una promessa',
  recordPayment: 'Registra un pagamento',
  promisedBy: 'Promesso entro il',
  paidOn: 'Pagato il',
  amount: 'Importo',
  save: 'Salva',
  saved: 'Salvato nel registro.',
  already: 'Già nel registro.',
  notSaved: 'Payladder non è riuscito a salvarlo.',
  markDisputed: 'Segna come contestata',
  reason: 'Motivo',
  reasonHint: 'cosa contesta il cliente',
  confirm: 'Conferma',
  cancel: 'Annulla',
  pickOne: 'Scegli almeno una scadenza.',
  markedDisputed: 'Segnata come contestata nel registro.',
} satisfies OverlayStrings;

export const OVERLAY_STRINGS: Readonly<Record<Lang, OverlayStrings>> = { en, it };

/** Gmail's UI language (`<html lang="it">`), else the browser's; Italian or English. */
export function overlayLang(doc: Document, browserLanguage = ''): Lang {
  const tag = (doc.documentElement.getAttribute('lang') ?? '').trim() || browserLanguage;
  return tag.toLowerCase().startsWith('it') ? 'it' : 'en';
}

/** BCP 47 tag for Intl in the overlay's language. */
export function intlTag(lang: Lang): string {
  return lang === 'it' ? 'it-IT' : 'en-GB';
}
