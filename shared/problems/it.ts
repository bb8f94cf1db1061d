/**
 * Problem texts in Italian, code for code with en.ts. Tab, column and menu names stay as
 * the ledger and the add-on write them (the sheet's headers are English); everything else
 * is Italian.
 */
import type { ProblemTexts, Vars } from './codes.ts';

const STEP: Readonly<Record<string, string>> = {
  stop_work: "dell'avviso di sospensione dei lavori",
  demand: 'della messa in mora',
  small_claims: "dell'avviso di azione giudiziaria",
};
const MESSAGE: Readonly<Record<string, string>> = {
  upcoming: 'avviso di scadenza',
  reminder: 'promemoria',
  followup: 'sollecito',
  final: 'ultimo avviso',
  stop_work: 'avviso di sospensione dei lavori',
  demand: 'messa in mora',
  small_claims: 'avviso di azione giudiziaria',
  broken_promise: 'promessa non mantenuta',
  dispute: 'contestazione',
  change_order: 'variante',
  payment_plan: 'piano di rientro',
  diffida: 'diffida ad adempiere',
  promise_thanks: 'ringraziamento per la promessa',
  paid: 'ringraziamento',
};
const message = (id: unknown) => MESSAGE[String(id)] ?? String(id).replace(/_/g, ' ');
const LANGUAGE: Readonly<Record<string, string>> = { en: 'inglese', it: 'italiano' };
const language = (id: unknown) => LANGUAGE[String(id)] ?? String(id);

const LETTER: Readonly<Record<string, string>> = {
  'uk.pap.letter':
    'La lettera di messa in mora inglese (Letter of Claim, Pre-Action Protocol for Debt Claims)',
  'uk.pdpac.period':
    'La lettera prima dell’azione (Letter before claim, Practice Direction – Pre-Action Conduct)',
  'it.mora': 'La messa in mora (art. 1219 c.c.)',
  'it.diffida': 'La diffida ad adempiere (art. 1454 c.c.)',
  'default.period': 'La messa in mora',
  small_claims: "L'avviso di azione giudiziaria",
};
const PARTY_WHAT: Readonly<Record<string, string>> = {
  creditor: 'chi è il creditore',
  reply_address: "l'indirizzo a cui inviare il modulo di risposta",
  your_address: 'il tuo indirizzo',
  payment: 'come pagare il debito',
  legal_name: 'la ragione sociale del cliente',
  client_address: "l'indirizzo postale del cliente",
};
const PARTY_WHY: Readonly<Record<string, string>> = {
  signed: 'una lettera formale è firmata dal creditore',
  pap: 'lo richiede il Pre-Action Protocol for Debt Claims (legal-facts §8 uk.pap.letter)',
  it_parties: 'la lettera indica entrambe le parti con i loro indirizzi (legal-facts §8 it.mora)',
  reply: 'il debitore deve sapere dove rispondere',
  asks_payment: 'la lettera chiede il pagamento',
  registered: "un'azione deve indicare la società esattamente come è registrata",
  pap_post: 'la lettera va spedita per posta (legal-facts §8 uk.pap.letter)',
  it_post: 'va per raccomandata A/R, salvo che tu abbia il suo indirizzo PEC (legal-facts §8 it.mora)',
  court_served: "un'azione giudiziaria si notifica all'indirizzo del convenuto",
  office_post: 'la lettera va spedita per posta alla sede legale',
};
const partyWhere = (v: Vars) =>
  v.setting ? `la riga "${v.setting}" di Settings` : `la colonna ${v.column} della riga ${v.row} di Clients`;

const PUBLISHER: Readonly<Record<string, string>> = {
  EU: 'il tasso delle operazioni di rifinanziamento principali della BCE (ecb.europa.eu → Key ECB interest rates)',
  IT: 'il comunicato del MEF in Gazzetta Ufficiale ("saggio degli interessi … transazioni commerciali", tasso di riferimento del semestre)',
  GB: 'lo storico del tasso ufficiale della Banca d’Inghilterra (bankofengland.co.uk → Bank Rate)',
};
const SOURCE_HINT: Readonly<Record<string, string>> = {
  IT: '<il comunicato in Gazzetta Ufficiale, per esempio "GU n.…, <data>">',
  EU: '<la pagina o la decisione della BCE che hai letto>',
  GB: '<la pagina della Banca d’Inghilterra che hai letto>',
};

function jurisdictionHint(value: unknown): string {
  const code = String(value).trim().toUpperCase();
  if (code === 'GB' || code === 'UK')
    return 'Usa GB-ENG (Inghilterra), GB-WLS (Galles), GB-SCT (Scozia) o GB-NIR (Irlanda del Nord).';
  if (code === 'US' || code === 'USA') return 'Indica lo stato, per esempio US-CA o US-NY.';
  return 'Usa IT, EU, il codice di un paese UE (DE, FR…), GB-ENG, GB-WLS, GB-SCT, GB-NIR o uno stato USA come US-CA.';
}
const SETTING_HINT: Readonly<Record<string, string>> = {
  locale: 'Usa una lingua e un paese come it_IT, en_GB o en_US.',
  time_zone: 'Usa un fuso orario IANA come Europe/Rome o America/New_York.',
  currency: 'Usa un codice ISO 4217 di tre lettere come EUR.',
  language: 'Usa en o it.',
  days: 'Scrivi un numero intero di giorni, come 30.',
  on_off: 'Usa on oppure off.',
};
const SYNTAX: Readonly<Record<string, (v: Vars) => string>> = {
  unclosed: (v) => `{{#${v.name}}}, mai chiuso con {{/${v.name}}}`,
  stray_close: (v) => `{{/${v.name}}}, che chiude una sezione mai aperta`,
  mismatch: (v) => `{{/${v.name}}} che chiude {{#${v.open}}} (chiudi prima la sezione interna)`,
  loose_braces: () => 'un "{{" che non è un segnaposto',
  brace_before_tag: () => 'una "{" subito prima di un segnaposto',
  not_a_section: (v) => `{{${v.name}}}, che è un elenco: usalo come {{#${v.name}}}…{{/${v.name}}}`,
};

export const IT: ProblemTexts = {
  missing_tab: {
    message: (v) => `Manca la scheda ${v.tab}.`,
    fix: () => 'Esegui Payladder → Set up ledger per crearla (le altre schede restano come sono).',
  },
  missing_column: {
    message: (v) => `La scheda ${v.tab} non ha la colonna "${v.column}".`,
    fix: (v) =>
      `Aggiungi l'intestazione "${v.column}" nella riga 1 di ${v.tab}, oppure esegui Payladder → Set up ledger.`,
  },
  formula_error: {
    message: (v) => `${v.column} mostra l'errore di formula ${v.value}.`,
    fix: (v) => `Correggi la formula in ${v.cell} o scrivi il valore al suo posto.`,
  },
  required: {
    message: (v) => `${v.column} è vuoto.`,
    fix: (v) => `Compila ${v.column} in ${v.cell}.`,
  },
  bad_date: {
    message: (v) => `"${v.value}" in ${v.column} non è una data.`,
    fix: (v) =>
      `Scrivi la data come AAAA-MM-GG (per esempio 2026-01-30) o come ${v.example} per la tua impostazione ${v.locale}.`,
  },
  impossible_date: {
    message: (v) => `"${v.value}" in ${v.column} non è una data del calendario.`,
    fix: () => 'Controlla il giorno e il mese (per esempio, febbraio ha 28 o 29 giorni).',
  },
  bad_amount: {
    message: (v) => `"${v.value}" in ${v.column} non è un importo.`,
    fix: (v) => `Scrivi un numero come ${v.example} (impostazione ${v.locale}), senza lettere.`,
  },
  amount_letters: {
    message: (v) => `"${v.value}" in ${v.column} contiene lettere, quindi non viene letto come importo.`,
    fix: (v) =>
      `Scrivi l'importo solo in cifre, come ${v.example} (impostazione ${v.locale}); prima o dopo può esserci un codice o un simbolo di valuta (${v.currency} ${v.example}). Una lettera non viene mai saltata: "12k" potrebbe essere 12 o 12000, "150O" 150 o 1500.`,
  },
  amount_exponent: {
    message: (v) => `"${v.value}" in ${v.column} è in notazione scientifica, che Payladder non legge.`,
    fix: (v) =>
      `Scrivi l'importo per intero, come ${v.example} (impostazione ${v.locale}). Se è il foglio a mostrarlo così, allarga la colonna o formatta la cella come numero.`,
  },
  amount_too_large: {
    message: (v) => `"${v.value}" in ${v.column} è troppo grande per essere contato con esattezza.`,
    fix: (v, w) =>
      `Controlla che non ci siano cifre in più: Payladder conta importi fino a ${w.money(Number(v.max), String(v.currency))}. Dividi un credito più grande su più milestone.`,
  },
  amount_currency: {
    message: (v) => `"${v.value}" in ${v.column} indica una valuta diversa da ${v.currency}.`,
    fix: (v) =>
      `Scrivi l'importo in ${v.currency}, oppure imposta la Currency di questa riga sulla valuta dell'importo.`,
  },
  bad_decimals: {
    message: (v) => `${v.value} ha più decimali di quanti ne preveda ${v.currency} (${v.digits}).`,
    fix: (v) =>
      `Controlla i separatori dei decimali e delle migliaia per l'impostazione ${v.locale}, oppure arrotonda a ${v.digits} decimali.`,
  },
  not_positive: {
    message: (v) => `${v.column} deve essere maggiore di zero (vale ${v.value}).`,
    fix: () => "Scrivi l'importo come numero positivo. Annota rimborsi o note di credito in Notes.",
  },
  bad_days: {
    message: (v) => `"${v.value}" in ${v.column} non è un numero di giorni.`,
    fix: () => 'Scrivi un numero intero di giorni, come 30.',
  },
  unknown_currency: {
    message: (v) => `"${v.value}" non è un codice di valuta ISO 4217.`,
    fix: () => 'Usa un codice di tre lettere come EUR, GBP o USD.',
  },
  no_currency: {
    message: () => 'Nessuna valuta: la cella è vuota e Settings non ha una Default currency.',
    fix: (v) => `Compila ${v.column} (EUR, GBP, USD…) o imposta Default currency in Settings.`,
  },
  unknown_jurisdiction: {
    message: (v) => `"${v.value}" non è una giurisdizione che Payladder conosce.`,
    fix: (v) => jurisdictionHint(v.value),
  },
  unknown_language: {
    message: (v) => `"${v.value}" non è una lingua supportata.`,
    fix: () => 'Usa "en" (inglese) o "it" (italiano).',
  },
  unknown_business: {
    message: (v) => `"${v.value}" in Business non è un tipo di cliente che Payladder conosce.`,
    fix: () =>
      'Usa "company" per una società o altra organizzazione, "sole_trader" per un professionista o una ditta individuale, "consumer" per un privato.',
  },
  unknown_risk: {
    message: (v) => `"${v.value}" non è un livello di rischio.`,
    fix: () => 'Usa low, medium o high, oppure lascia la cella vuota.',
  },
  unknown_status: {
    message: (v) => `"${v.value}" non è uno stato.`,
    fix: () =>
      'Lascia Status vuoto (lo ricava Payladder) o usa Paid, Disputed, On hold, Renegotiated, Written off o Cancelled.',
  },
  unknown_stage: {
    message: (v) => `"${v.value}" non è una fase.`,
    fix: (v) => `Usa uno di questi valori: ${v.allowed}.`,
  },
  unknown_channel: {
    message: (v) => `"${v.value}" non è un canale.`,
    fix: () =>
      'Usa gmail, email, post (posta), pec, registered (raccomandata), phone (telefono), oppure draft per un messaggio preparato ma non ancora inviato.',
  },
  id_separator: {
    message: (v) => `${v.column} "${v.value}" contiene una virgola o un punto e virgola.`,
    fix: (v) =>
      `Reminders e Promises elencano più milestone in una cella separandole con virgole o punti e virgola: questo ID lì non verrebbe mai riconosciuto e la milestone verrebbe sollecitata ogni giorno. Sostituisci la , o il ; (per esempio "${v.suggestion}") in ${v.cell} e ovunque l'ID sia usato.`,
  },
  duplicate_id: {
    message: (v) => `${v.column} "${v.value}" è già usato nella riga ${v.first}; conta il primo.`,
    fix: () => 'Dai a questa riga un ID suo (per esempio aggiungi /2).',
  },
  unknown_client: {
    message: (v) => `Il cliente "${v.value}" non è nella scheda Clients.`,
    fix: () => "Aggiungi il cliente in Clients, o scegli il nome dall'elenco esattamente come è scritto lì.",
  },
  rejected_client: {
    message: (v) =>
      `Il cliente "${v.value}" ha un problema nella riga ${v.first} di Clients, quindi questa riga resta fuori.`,
    fix: (v) => `Correggi prima la riga ${v.first} di Clients.`,
  },
  unknown_milestone: {
    message: (v) => `La milestone "${v.value}" non è nella scheda Milestones.`,
    fix: () => "Usa l'ID di una milestone esattamente come è scritto in Milestones.",
  },
  rejected_milestone: {
    message: (v) =>
      `La milestone "${v.value}" ha un problema nella riga ${v.first} di Milestones, quindi questa riga resta fuori.`,
    fix: (v) => `Correggi prima la riga ${v.first} di Milestones.`,
  },
  unknown_change_order: {
    message: (v) => `La variante "${v.value}" non è nella scheda Change orders.`,
    fix: () => 'Aggiungila in Change orders (con la data della firma), oppure svuota la cella.',
  },
  bad_email: {
    message: (v) => `"${v.value}" in Emails non è un indirizzo né un dominio; viene ignorato.`,
    fix: () =>
      "Scrivi indirizzi come nome@cliente.it, o @cliente.it per l'intero dominio, separati da virgole.",
  },
  no_contract: {
    message: (v) => `Nessun contratto firmato registrato per ${v.client}.`,
    fix: () =>
      'Metti in Contract la data della firma o un link al contratto firmato. Concorda per iscritto oggetto e termini di pagamento prima di altro lavoro.',
  },
  unsigned_change_order: {
    message: (v) => `Lavoro fatturato con la variante "${v.value}", che non è firmata.`,
    fix: () =>
      'Fai firmare la variante e metti la data in Change orders → Signed. La prossima volta concorda per iscritto il lavoro in più prima di farlo.',
  },
  no_written_reminder: {
    message: (v) =>
      `Nessun sollecito scritto inviato prima ${STEP[String(v.stage)] ?? `di: ${message(v.stage)}`}.`,
    fix: () =>
      'Invia un sollecito scritto (email, posta, PEC o raccomandata) e registralo in Reminders: un giudice o un’agenzia chiederà la prova che hai sollecitato per iscritto. Bozze e telefonate non sono prove scritte.',
  },
  promise_before_made: {
    message: (v) =>
      `La data "Promised by" ${v.value} viene prima del giorno in cui la promessa è stata fatta (${v.date}).`,
    fix: () =>
      'Controlla le due date: Date è il giorno in cui il cliente ha promesso, Promised by il giorno entro cui ha promesso di pagare.',
  },
  future_entry: {
    message: (v, w) =>
      `${v.column} ${v.value} è dopo oggi (${w.date(String(v.today))}); la riga resta fuori fino a quel giorno.`,
    fix: () => "Controlla la data: il più delle volte è un errore di battitura (l'anno o il mese).",
  },
  interest_rate_unknown: {
    message: (v, w) => {
      const from = String(v.from);
      const period =
        v.law === 'GB'
          ? `per il ${w.date(from)} (fissa il tasso dei debiti i cui interessi decorrono dal ${w.date(String(v.start))} al ${w.date(String(v.end))})`
          : `per il semestre dal ${w.date(from)}`;
      const through = v.through
        ? `sono contati solo fino al ${w.date(String(v.through))}`
        : 'non sono contati';
      return `Nessun tasso di riferimento ${v.law} registrato ${period}: gli interessi di mora su ${v.count} milestone (${v.ids}) ${through}.`;
    },
    fix: (v, w) =>
      `Controlla ${PUBLISHER[String(v.law)]} e aggiungi una riga alla scheda Rates: Law ${v.law}, From ${v.from}, Reference rate ${
        v.law === 'GB'
          ? `<il tasso ufficiale in vigore il ${w.date(String(v.from))}>`
          : `<il tasso di rifinanziamento principale BCE in vigore il ${w.date(String(v.from))}>`
      }, Source ${SOURCE_HINT[String(v.law)]}. Oppure aggiorna Payladder.`,
  },
  rate_overrides_builtin: {
    message: (v, w) =>
      `Questa riga fissa il tasso di riferimento ${v.law} dal ${v.from} al ${w.number(Number(v.value))} %; la tabella di Payladder dice ${w.number(Number(v.builtIn))} % (${v.source}). Vale la tua riga.`,
    fix: () =>
      'Controlla il comunicato ufficiale. Se la tua riga è un errore di battitura, correggila o cancellala per usare il tasso incluso.',
  },
  unknown_rate_law: {
    message: (v) => `"${v.value}" in Law non è una tabella dei tassi che Payladder conosce.`,
    fix: () =>
      'Usa EU (tasso BCE, direttiva 2011/7/UE), IT (tasso BCE secondo il comunicato MEF, D.Lgs. 231/2002) o GB (tasso ufficiale della Banca d’Inghilterra).',
  },
  rate_not_half_year: {
    message: (v) =>
      `I tassi ${v.law} valgono dal 1° gennaio o dal 1° luglio; ${v.value} non è nessuno dei due.`,
    fix: (v) =>
      `Scrivi il primo giorno del semestre a cui si riferisce il tasso (per esempio ${String(v.value).slice(0, 4)}-07-01): il tasso in vigore quel giorno vale per tutto il semestre.`,
  },
  bad_rate: {
    message: (v) => `"${v.value}" in Reference rate non è una percentuale con al massimo due decimali.`,
    fix: () =>
      'Scrivi il tasso in percentuale, senza la maggiorazione di legge, come 2,15. Se la colonna è formattata come percentuale (2,15 % diventa 0,0215), formattala come numero semplice.',
  },
  rate_looks_like_fraction: {
    message: (v, w) =>
      `Il tasso di riferimento ${v.value} viene letto come ${w.number(Number(v.value))} %, non ${w.number(Number(v.value) * 100)} %.`,
    fix: () =>
      'Se la cella è formattata come percentuale, formatta la colonna come numero semplice e scrivi il tasso in percentuale (come 2,15).',
  },
  duplicate_rate: {
    message: (v) =>
      `Un altro tasso ${v.law} per il ${v.value} è nella riga ${v.first}; vale questa riga, che viene dopo.`,
    fix: () => 'Cancella la riga sbagliata.',
  },
  party_detail_missing: {
    message: (v) =>
      `${LETTER[String(v.notice)] ?? 'La lettera'} a ${v.client} deve indicare ${PARTY_WHAT[String(v.what)] ?? v.what}, ma ${partyWhere(v)} è vuota.`,
    fix: (v) => `Compila ${partyWhere(v)}${v.why ? ` (${PARTY_WHY[String(v.why)] ?? v.why})` : ''}.`,
  },
  interest_not_on_file: {
    message: (v) => `Gli interessi di mora per ${v.jurisdiction} non sono nelle tabelle di Payladder.`,
    fix: () =>
      'Calcolali con un consulente del posto, oppure imposta Jurisdiction su EU per usare il minimo della direttiva 2011/7/UE.',
  },
  compensation_currency: {
    message: (v) =>
      `Il risarcimento forfettario per il ritardo è fissato a scaglioni in ${v.regimeCurrency} secondo l'entità del debito; questa milestone è in ${v.currency}, quindi non si può scegliere uno scaglione.`,
    fix: () =>
      'Converti il debito in sterline al cambio del giorno di scadenza e chiedi a parte 40 £ (sotto 1.000 £), 70 £ (sotto 10.000 £) o 100 £ (Late Payment Act 1998 s.5A).',
  },
  overpaid: {
    message: (v, w) =>
      `I pagamenti sommano ${w.money(Number(v.paid), String(v.currency))}, più dell'importo di ${w.money(Number(v.amount), String(v.currency))}.`,
    fix: () =>
      'Controlla le righe di Payments per questa milestone: un pagamento potrebbe appartenere a un’altra milestone.',
  },
  payment_before_invoice: {
    message: (v) => `Pagamento datato ${v.value}, prima della data della fattura ${v.invoiceDate}.`,
    fix: () => 'Controlla la data, o se si trattava di un acconto per un’altra milestone.',
  },
  unknown_setting: {
    message: (v) => `"${v.value}" non è un'impostazione che Payladder conosce; viene ignorata.`,
    fix: (v) => `Usa uno di questi valori: ${v.allowed}.`,
  },
  bad_setting: {
    message: (v) => `"${v.value}" non è un valore valido per ${v.setting}; si usa il valore predefinito.`,
    fix: (v) => SETTING_HINT[String(v.hint)] ?? jurisdictionHint(v.value),
  },
  future_payment: {
    message: (v) => `Pagamento datato ${v.value}, dopo oggi.`,
    fix: () => 'Conta dalla sua data in poi; controlla la data se doveva essere oggi.',
  },
  template_unknown_placeholder: {
    message: (v) =>
      `"{{${v.value}}}" nel campo ${v.column} del messaggio ${message(v.message)} (${language(v.language)}) non è un campo unione; si usa il testo incluso.`,
    fix: (v) => `Correggi il segnaposto o toglilo. Campi unione: ${v.allowed}.`,
  },
  template_bad_syntax: {
    message: (v) =>
      `Il campo ${v.column} del messaggio ${message(v.message)} (${language(v.language)}) contiene ${SYNTAX[String(v.syntax)]?.(v) ?? v.syntax}; si usa il testo incluso.`,
    fix: () =>
      'Scrivi i segnaposto come {{nome}}, e chiudi ogni {{#sezione}} o {{^sezione}} con {{/sezione}}, prima quelle interne.',
  },
  template_missing_value: {
    message: (v) =>
      `{{${v.value}}} non ha un valore per ${v.client} nel messaggio ${message(v.message)} (${language(v.language)}); al suo posto compare [${v.value}].`,
    fix: (v) =>
      `Compila nel registro il dato che dà {{${v.value}}}, oppure modifica la bozza prima di inviarla.`,
  },
  template_duplicate: {
    message: (v) =>
      `Un altro modello ${message(v.value)} in ${language(v.language)} è nella riga ${v.first}; conta il primo.`,
    fix: () => 'Cancella una delle due righe, o cambiane Stage o Language.',
  },
  template_empty: {
    message: (v) =>
      `${v.column} è vuoto; si usa il campo ${v.column} incluso del messaggio ${message(v.value)} (${language(v.language)}).`,
    fix: (v) => `Scrivi un tuo ${v.column}, oppure cancella la riga per usare il testo incluso.`,
  },
};
