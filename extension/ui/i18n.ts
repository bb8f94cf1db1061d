/**
 * The extension's words in English and Italian. Italian must provide every English entry
 * with the same signature (`satisfies Strings`), so a missing translation fails the build.
 * Ledger text (client names, problem texts from the core) is shown as typed.
 */
import { AGING_LABELS, STAGE_LABELS } from '../../shared/stage-labels.ts';
import type { SyncErrorCode } from '../sync/items.ts';
import { dateTag } from '../sync/written.ts';

export type Lang = 'en' | 'it';

/** What an error message may name. */
export interface ErrorVars {
  /** The sheet's title, or its ID when the title is unknown. */
  sheet: string;
  status: string;
  detail: string;
  /** "in 4 minutes"; '' when no retry is scheduled. */
  retry: string;
}

export interface ErrorText {
  title: (v: ErrorVars) => string;
  fix: (v: ErrorVars) => string;
}

const retryEn = (v: ErrorVars) => (v.retry ? `Payladder tries again ${v.retry}; ` : '');
const retryIt = (v: ErrorVars) => (v.retry ? `Payladder riprova ${v.retry}; ` : '');

const en = {
  appName: 'Payladder',
  refresh: 'Refresh',
  syncing: 'Syncing…',
  openLedger: 'Open ledger',
  settings: 'Settings',
  signIn: 'Sign in with Google',
  signOut: 'Sign out',
  signingIn: 'Signing in…',
  signedInAs: 'Signed in to Google',
  demoBanner: 'Demo ledger: made-up clients, no Google account needed.',
  neverSynced: 'Not synced yet',
  syncedAgo: (ago: string) => `Synced ${ago}`,
  outOfDate: 'out of date',
  asOf: (date: string) => `as of ${date}`,
  outstanding: 'Outstanding',
  overdue: 'Overdue',
  lateInterest: 'Late interest',
  noOutstanding: 'Nothing outstanding.',
  aging: 'Aging',
  agingChartLabel: (currency: string) => `Outstanding ${currency} by days overdue`,
  todayLists: { messages: 'Messages to send', drafts: 'Drafts to confirm', promises: 'Promises to check' },
  promiseToCheck: 'Check the promised payment',
  openConversation: 'Open the latest conversation in Gmail',
  openDrafts: 'Open the draft in Gmail',
  write: 'Write',
  writeTo: (client: string) => `Write to ${client} in Gmail`,
  owed: (amount: string) => `${amount} outstanding`,
  late: (amount: string) => `${amount} overdue`,
  promisesDue: 'Promises due this week',
  promisedBy: (date: string) => `promised by ${date}`,
  promisedAll: 'everything outstanding',
  more: (n: number) => `+${n} more`,
  daysLate: (n: number) => (n === 1 ? '1 day late' : `${n} days late`),
  dueIn: (n: number) => (n === 0 ? 'due today' : n === 1 ? 'due tomorrow' : `due in ${n} days`),
  clientsByStage: 'Clients by stage',
  clientsCount: (n: number) => (n === 1 ? '1 client' : `${n} clients`),
  nextAction: (stage: string, date: string) => `${stage} on ${date}`,
  nextActionToday: (stage: string) => `${stage} today`,
  noNextAction: 'no message due',
  problems: (n: number) => (n === 1 ? '1 problem in the ledger' : `${n} problems in the ledger`),
  problemWhere: (tab: string, row: string) => (row ? `${tab}, row ${row}` : tab),
  queue: (n: number) =>
    n === 1
      ? '1 reminder waiting to be logged in the sheet'
      : `${n} reminders waiting to be logged in the sheet`,
  queueRetry: 'Log now',
  queueOther: (n: number, ledgers: string[]) =>
    `${n === 1 ? '1 sent reminder was' : `${n} sent reminders were`} queued for another ledger (${ledgers.join(', ')}): ${n === 1 ? 'it is' : 'they are'} logged there when you choose it again, never in this one.`,
  queueDiscard: 'Discard them',
  queueDiscardConfirm: (n: number) =>
    `Discard ${n === 1 ? 'this reminder' : `these ${n} reminders`}? ${n === 1 ? 'It' : 'They'} will not be logged in any ledger.`,
  demoLedger: 'the demo ledger',
  unknownLedger: 'a ledger not recorded',
  chooseLedgerTitle: 'Choose your ledger',
  chooseLedger: "Paste your Google Sheet's URL in Settings, or try the demo ledger.",
  tryDemo: 'Try the demo',
  // Options
  optionsTitle: 'Payladder settings',
  ledgerSection: 'Ledger',
  spreadsheetUrl: 'Google Sheet URL',
  spreadsheetHint: 'Copy it from the address bar of your ledger in Google Sheets.',
  notASheetUrl: 'This is not a Google Sheets URL (it looks like https://docs.google.com/spreadsheets/d/…).',
  save: 'Save',
  saved: 'Saved.',
  testConnection: 'Test the connection',
  testing: 'Testing…',
  connectionOk: (title: string) => `Connected to “${title}”.`,
  tabsFound: (tabs: string) => `Tabs found: ${tabs}.`,
  tabsMissing: (tabs: string) => `Missing tabs: ${tabs} (run Payladder → Set up ledger in the sheet).`,
  syncSection: 'Sync',
  syncInterval: 'Check the sheet every',
  minutes: (n: number) => (n === 1 ? '1 minute' : `${n} minutes`),
  language: 'Language',
  languageAuto: 'Same as the browser',
  logging: 'Log sent reminders in the Reminders tab',
  loggingHelp:
    'Turning this on asks Google for permission to edit your spreadsheets: Google offers no narrower permission for a sheet Payladder did not create, and Payladder uses it only to add one row to your ledger’s Reminders tab when you send a reminder. Off, Payladder only reads.',
  accessRead: 'Access: read only. Payladder can read your spreadsheets, not change them.',
  accessWrite: 'Access: read and edit, to log sent reminders. Sign out to withdraw it.',
  allowEditing: 'Allow editing',
  writeRefused: 'Google did not give permission to edit: reminder logging stays off.',
  demoMode: 'Demo mode',
  demoHelp: 'Use a bundled demo ledger instead of your sheet: no Google account, nothing leaves the browser.',
  accountSection: 'Google account',
  signedOut: 'Not signed in.',
  stages: STAGE_LABELS.en,
  buckets: AGING_LABELS.en,
  // Widened after the check, so every entry takes the same ErrorVars.
  errors: {
    signed_out: {
      title: () => 'You are signed out of Google.',
      fix: () => 'Sign in to read your ledger.',
    },
    auth: {
      title: () => 'Google no longer accepts your sign-in.',
      fix: () => 'Sign in again.',
    },
    scope: {
      title: (v) => `Payladder may read “${v.sheet}” but not edit it, so it cannot log reminders.`,
      fix: () => 'Press Allow editing in Settings, or turn reminder logging off.',
    },
    forbidden: {
      title: (v) => `This Google account has no access to “${v.sheet}”.`,
      fix: () =>
        'Sign in with the account that owns the sheet, or ask its owner to share it with you, then press Refresh.',
    },
    not_found: {
      title: (v) => `Google Sheets has no spreadsheet “${v.sheet}”.`,
      fix: () => 'Check the URL in Settings: copy it from the address bar of your ledger.',
    },
    range: {
      title: (v) => `A tab of “${v.sheet}” was renamed or deleted while Payladder read it.`,
      fix: () => 'Press Refresh.',
    },
    bad_request: {
      title: (v) => `Google Sheets refused the request for “${v.sheet}”${v.detail ? `: ${v.detail}` : '.'}`,
      fix: () => 'Press Refresh; if it happens again, check the ledger tabs.',
    },
    rate_limited: {
      title: () => 'Google Sheets asked Payladder to slow down.',
      fix: (v) => `${retryEn(v)}the figures below are from the last sync.`,
    },
    server: {
      title: (v) => `Google Sheets is having trouble (error ${v.status}).`,
      fix: (v) => `${retryEn(v)}the figures below are from the last sync.`,
    },
    timeout: {
      title: () => 'Google Sheets did not answer in time.',
      fix: (v) => `${retryEn(v)}the figures below are from the last sync.`,
    },
    network: {
      title: () => 'Payladder could not reach Google Sheets.',
      fix: (v) => `Check your connection. ${retryEn(v)}the figures below are from the last sync.`,
    },
    offline: {
      title: () => 'You are offline.',
      fix: (v) => `${retryEn(v)}the figures below are from the last sync.`,
    },
    bad_response: {
      title: () => 'Google Sheets sent an answer Payladder cannot read.',
      fix: () => 'Press Refresh; if it happens again, please report it.',
    },
    // Words for users: how a build gets its sign-in is extension/README.md's business.
    no_client_id: {
      title: () => 'This copy of Payladder cannot sign in to Google.',
      fix: () =>
        'Try Demo mode to see Payladder at work; to read your own sheet, install Payladder from your browser’s extension store.',
    },
    not_configured: {
      title: () => 'No ledger chosen yet.',
      fix: () => "Paste your Google Sheet's URL in Settings, or turn on Demo mode.",
    },
    no_reminders_tab: {
      title: (v) =>
        `“${v.sheet}” has no Reminders tab with Sent and Milestone columns, so reminders cannot be logged.`,
      fix: () => 'Run Payladder → Set up ledger in the sheet, then press Refresh.',
    },
    internal: {
      title: () => 'Something went wrong inside Payladder.',
      fix: () => 'Press Refresh; if it happens again, please report it.',
    },
  } satisfies Record<SyncErrorCode, ErrorText> as Record<SyncErrorCode, ErrorText>,
  signInFailed: 'Sign-in did not complete.',
  signInCancelled: 'Sign-in was cancelled.',
  badgeWork: (headline: string) => `Payladder: ${headline}`,
  badgeSetup: 'Payladder: choose your ledger in Settings',
  badgeError: (title: string) => `Payladder: ${title}`,
};

export type Strings = typeof en;

const it = {
  appName: 'Payladder',
  refresh: 'Aggiorna',
  syncing: 'Aggiornamento…',
  openLedger: 'Apri il registro',
  settings: 'Impostazioni',
  signIn: 'Accedi con Google',
  signOut: 'Esci',
  signingIn: 'Accesso in corso…',
  signedInAs: 'Accesso a Google effettuato',
  demoBanner: 'Registro dimostrativo: clienti inventati, nessun account Google necessario.',
  neverSynced: 'Non ancora sincronizzato',
  syncedAgo: (ago: string) => `Sincronizzato ${ago}`,
  outOfDate: 'non aggiornato',
  asOf: (date: string) => `al ${date}`,
  outstanding: 'Da incassare',
  overdue: 'Scaduto',
  lateInterest: 'Interessi di mora',
  noOutstanding: 'Nulla da incassare.',
  aging: 'Anzianità',
  agingChartLabel: (currency: string) => `Da incassare in ${currency} per giorni di ritardo`,
  todayLists: {
    messages: 'Messaggi da inviare',
    drafts: 'Bozze da confermare',
    promises: 'Promesse da verificare',
  },
  promiseToCheck: 'Verifica il pagamento promesso',
  openConversation: 'Apri l’ultima conversazione in Gmail',
  openDrafts: 'Apri la bozza in Gmail',
  write: 'Scrivi',
  writeTo: (client: string) => `Scrivi a ${client} in Gmail`,
  owed: (amount: string) => `${amount} da incassare`,
  late: (amount: string) => `${amount} scaduto`,
  promisesDue: 'Promesse in scadenza questa settimana',
  promisedBy: (date: string) => `promesso entro il ${date}`,
  promisedAll: 'tutto il dovuto',
  more: (n: number) => `altri ${n}`,
  daysLate: (n: number) => (n === 1 ? '1 giorno di ritardo' : `${n} giorni di ritardo`),
  dueIn: (n: number) => (n === 0 ? 'scade oggi' : n === 1 ? 'scade domani' : `scade tra ${n} giorni`),
  clientsByStage: 'Clienti per fase',
  clientsCount: (n: number) => (n === 1 ? '1 cliente' : `${n} clienti`),
  nextAction: (stage: string, date: string) => `${stage} il ${date}`,
  nextActionToday: (stage: string) => `${stage} oggi`,
  noNextAction: 'nessun messaggio previsto',
  problems: (n: number) => (n === 1 ? '1 problema nel registro' : `${n} problemi nel registro`),
  problemWhere: (tab: string, row: string) => (row ? `${tab}, riga ${row}` : tab),
  queue: (n: number) =>
    n === 1
      ? '1 promemoria in attesa di essere registrato nel foglio'
      : `${n} promemoria in attesa di essere registrati nel foglio`,
  queueRetry: 'Registra ora',
  queueOther: (n: number, ledgers: string[]) =>
    `${n === 1 ? '1 promemoria inviato è' : `${n} promemoria inviati sono`} in attesa per un altro registro (${ledgers.join(', ')}): ${n === 1 ? 'verrà registrato' : 'verranno registrati'} lì quando lo sceglierai di nuovo, mai in questo.`,
  queueDiscard: 'Scartali',
  queueDiscardConfirm: (n: number) =>
    `Scartare ${n === 1 ? 'questo promemoria' : `questi ${n} promemoria`}? Non ${n === 1 ? 'sarà registrato' : 'saranno registrati'} in nessun registro.`,
  demoLedger: 'il registro demo',
  unknownLedger: 'un registro non annotato',
  chooseLedgerTitle: 'Scegli il tuo registro',
  chooseLedger:
    "Incolla l'URL del tuo Foglio Google nelle Impostazioni, oppure prova il registro dimostrativo.",
  tryDemo: 'Prova la demo',
  optionsTitle: 'Impostazioni di Payladder',
  ledgerSection: 'Registro',
  spreadsheetUrl: 'URL del Foglio Google',
  spreadsheetHint: 'Copialo dalla barra degli indirizzi del tuo registro in Fogli Google.',
  notASheetUrl: 'Non è un URL di Fogli Google (ha la forma https://docs.google.com/spreadsheets/d/…).',
  save: 'Salva',
  saved: 'Salvato.',
  testConnection: 'Verifica la connessione',
  testing: 'Verifica in corso…',
  connectionOk: (title: string) => `Connesso a “${title}”.`,
  tabsFound: (tabs: string) => `Schede trovate: ${tabs}.`,
  tabsMissing: (tabs: string) => `Schede mancanti: ${tabs} (esegui Payladder → Set up ledger nel foglio).`,
  syncSection: 'Sincronizzazione',
  syncInterval: 'Controlla il foglio ogni',
  minutes: (n: number) => (n === 1 ? '1 minuto' : `${n} minuti`),
  language: 'Lingua',
  languageAuto: 'Come il browser',
  logging: 'Registra i promemoria inviati nella scheda Reminders',
  loggingHelp:
    'Attivandola, Google ti chiederà il permesso di modificare i tuoi fogli: Google non offre un permesso più ristretto per un foglio non creato da Payladder, e Payladder lo usa solo per aggiungere una riga alla scheda Reminders del tuo registro quando invii un promemoria. Disattivata, Payladder si limita a leggere.',
  accessRead: 'Accesso: sola lettura. Payladder può leggere i tuoi fogli, non modificarli.',
  accessWrite: 'Accesso: lettura e modifica, per registrare i promemoria inviati. Esci per revocarlo.',
  allowEditing: 'Consenti la modifica',
  writeRefused:
    'Google non ha concesso il permesso di modifica: la registrazione dei promemoria resta disattivata.',
  demoMode: 'Modalità demo',
  demoHelp:
    'Usa un registro dimostrativo incluso al posto del tuo foglio: nessun account Google, nulla esce dal browser.',
  accountSection: 'Account Google',
  signedOut: 'Accesso non effettuato.',
  stages: STAGE_LABELS.it,
  buckets: AGING_LABELS.it,
  errors: {
    signed_out: {
      title: () => 'Non hai effettuato l’accesso a Google.',
      fix: () => 'Accedi per leggere il tuo registro.',
    },
    auth: {
      title: () => 'Google non accetta più il tuo accesso.',
      fix: () => 'Accedi di nuovo.',
    },
    scope: {
      title: (v) =>
        `Payladder può leggere “${v.sheet}” ma non modificarlo, quindi non può registrare i promemoria.`,
      fix: () => 'Premi Consenti la modifica nelle Impostazioni, oppure disattiva la registrazione.',
    },
    forbidden: {
      title: (v) => `Questo account Google non ha accesso a “${v.sheet}”.`,
      fix: () =>
        'Accedi con l’account proprietario del foglio, o chiedi a chi lo possiede di condividerlo con te, poi premi Aggiorna.',
    },
    not_found: {
      title: (v) => `Fogli Google non ha alcun foglio “${v.sheet}”.`,
      fix: () => 'Controlla l’URL nelle Impostazioni: copialo dalla barra degli indirizzi del tuo registro.',
    },
    range: {
      title: (v) => `Una scheda di “${v.sheet}” è stata rinominata o eliminata durante la lettura.`,
      fix: () => 'Premi Aggiorna.',
    },
    bad_request: {
      title: (v) =>
        `Fogli Google ha rifiutato la richiesta per “${v.sheet}”${v.detail ? `: ${v.detail}` : '.'}`,
      fix: () => 'Premi Aggiorna; se succede di nuovo, controlla le schede del registro.',
    },
    rate_limited: {
      title: () => 'Fogli Google ha chiesto a Payladder di rallentare.',
      fix: (v) => `${retryIt(v)}i dati qui sotto sono dell’ultima sincronizzazione.`,
    },
    server: {
      title: (v) => `Fogli Google ha un problema (errore ${v.status}).`,
      fix: (v) => `${retryIt(v)}i dati qui sotto sono dell’ultima sincronizzazione.`,
    },
    timeout: {
      title: () => 'Fogli Google non ha risposto in tempo.',
      fix: (v) => `${retryIt(v)}i dati qui sotto sono dell’ultima sincronizzazione.`,
    },
    network: {
      title: () => 'Payladder non riesce a raggiungere Fogli Google.',
      fix: (v) =>
        `Controlla la connessione. ${retryIt(v)}i dati qui sotto sono dell’ultima sincronizzazione.`,
    },
    offline: {
      title: () => 'Sei offline.',
      fix: (v) => `${retryIt(v)}i dati qui sotto sono dell’ultima sincronizzazione.`,
    },
    bad_response: {
      title: () => 'Fogli Google ha inviato una risposta che Payladder non sa leggere.',
      fix: () => 'Premi Aggiorna; se succede di nuovo, segnalalo.',
    },
    no_client_id: {
      title: () => 'Questa copia di Payladder non può accedere a Google.',
      fix: () =>
        'Prova la modalità demo per vedere Payladder all’opera; per leggere il tuo foglio, installa Payladder dallo store di estensioni del tuo browser.',
    },
    not_configured: {
      title: () => 'Nessun registro scelto.',
      fix: () => 'Incolla l’URL del tuo Foglio Google nelle Impostazioni, oppure attiva la modalità demo.',
    },
    no_reminders_tab: {
      title: (v) =>
        `“${v.sheet}” non ha una scheda Reminders con le colonne Sent e Milestone, quindi i promemoria non possono essere registrati.`,
      fix: () => 'Esegui Payladder → Set up ledger nel foglio, poi premi Aggiorna.',
    },
    internal: {
      title: () => 'Qualcosa non ha funzionato in Payladder.',
      fix: () => 'Premi Aggiorna; se succede di nuovo, segnalalo.',
    },
  },
  signInFailed: 'L’accesso non è andato a buon fine.',
  signInCancelled: 'Accesso annullato.',
  badgeWork: (headline: string) => `Payladder: ${headline}`,
  badgeSetup: 'Payladder: scegli il tuo registro nelle Impostazioni',
  badgeError: (title: string) => `Payladder: ${title}`,
} satisfies Strings;

export const STRINGS: Readonly<Record<Lang, Strings>> = { en, it };

/** The UI language: the user's choice, else the browser's when it is Italian, else English. */
export function resolveLang(choice: 'auto' | Lang, browserLanguage: string): Lang {
  if (choice !== 'auto') return choice;
  return browserLanguage.toLowerCase().startsWith('it') ? 'it' : 'en';
}

/** BCP 47 tag for Intl in the UI language. */
export function intlTag(lang: Lang): string {
  return dateTag(lang);
}
