/**
 * Every heading, label and sentence of the documentation pack, in English and Italian
 * (PRODUCT.md: the pack is "in the client's language"). Ledger text, names of laws and
 * published sources stay as they are.
 */
import type { Language } from '../model.ts';
import type { InterestRegime } from '../law/interest.ts';

type Fill = (v: Record<string, string>) => string;
const fill =
  (template: string): Fill =>
  (v) =>
    template.replace(/\{(\w+)\}/g, (_, k: string) => v[k] ?? '');

export interface PackWords {
  title: string;
  asOf: Fill;
  preparedBy: Fill;
  parties: string;
  creditor: string;
  debtor: string;
  name: string;
  legalName: string;
  address: string;
  companyNumber: string;
  vatNumber: string;
  contact: string;
  email: string;
  missing: Fill;
  agreement: string;
  contract: string;
  contractSigned: Fill;
  contractLink: Fill;
  noContract: string;
  terms: string;
  termsValue: Fill;
  grace: string;
  graceValue: Fill;
  changeOrders: string;
  noChangeOrders: string;
  changeOrder: string;
  description: string;
  amount: string;
  requested: string;
  signed: string;
  billed: string;
  notSigned: string;
  notBilled: string;
  notRecorded: string;
  billedOn: Fill;
  notInvoicedYet: string;
  statement: string;
  inCurrency: Fill;
  date: string;
  document: string;
  debit: string;
  credit: string;
  balance: string;
  undated: string;
  invoiceDoc: Fill;
  dueDoc: Fill;
  paymentDoc: Fill;
  markedPaid: string;
  writtenOff: string;
  balanceDue: string;
  notDue: Fill;
  overdue: string;
  noStatement: string;
  overpaid: Fill;
  excluded: string;
  excludedReason: Record<'cancelled' | 'renegotiated' | 'not_invoiced', string>;
  paymentOn: Fill;
  summary: string;
  currency: string;
  outstanding: string;
  interest: string;
  compensation: string;
  totalClaim: string;
  interestHeading: string;
  interestFor: Fill;
  from: string;
  to: string;
  days: string;
  rate: string;
  unpaid: string;
  working: string;
  interestTotal: string;
  fixedCompensation: string;
  lawAndSource: string;
  roundingNote: string;
  countedTo: Fill;
  noInterestDays: Fill;
  consumer: string;
  interestOff: string;
  noRegime: Fill;
  method: Record<InterestRegime, string>;
  chasing: string;
  step: string;
  channel: string;
  recipient: string;
  subjectAndLink: string;
  invoices: string;
  draft: string;
  phone: string;
  noChannel: string;
  noSubject: string;
  disputed: string;
  disputeChannel: string;
  promiseChannel: string;
  promiseLine: (amount: string, by: string, state: 'open' | 'kept' | 'broken') => string;
  disputeUndated: string;
  noMessages: string;
  route: string;
  noticeGiven: Fill;
  noticeNotGiven: Fill;
  noticeDraftOnly: string;
  nothingOutstanding: string;
  fitsYes: Fill;
  fitsNo: Fill;
  fitsDepends: Fill;
  fitsCurrency: Fill;
  noLimit: Fill;
  court: Fill;
  limitSource: Fill;
  principalOnly: string;
  next: string;
  nextSendDemand: Fill;
  nextWait: Fill;
  nextFile: Fill;
  nextLawyer: string;
  nextCheck: string;
  declaration: string;
  declarationText: string;
  signature: string;
  footer: string;
  page: [string, string];
}

const EN: PackWords = {
  title: 'Documentation pack',
  asOf: fill('As of {date}'),
  preparedBy: fill('prepared by {who}'),
  parties: 'Parties',
  creditor: 'Creditor',
  debtor: 'Debtor',
  name: 'Name',
  legalName: 'Legal name',
  address: 'Address',
  companyNumber: 'Company number',
  vatNumber: 'VAT number',
  contact: 'Contact',
  email: 'Email',
  missing: fill('missing ({where})'),
  agreement: 'The agreement',
  contract: 'Contract',
  contractSigned: fill('signed on {date}'),
  contractLink: fill('on file: {link}'),
  noContract: 'no signed contract on file',
  terms: 'Payment terms',
  termsValue: fill('{days} days from the invoice'),
  grace: 'Work stops after',
  graceValue: fill('{days} days overdue'),
  changeOrders: 'Change orders',
  noChangeOrders: 'No change orders recorded.',
  changeOrder: 'Change order',
  description: 'Description',
  amount: 'Amount',
  requested: 'Requested',
  signed: 'Signed',
  billed: 'Billed',
  notSigned: 'not signed',
  notBilled: 'not billed',
  notRecorded: 'not recorded',
  billedOn: fill('{what} on {date}'),
  notInvoicedYet: 'not invoiced yet',
  statement: 'Statement of account',
  inCurrency: fill('In {currency}'),
  date: 'Date',
  document: 'Document',
  debit: 'Debit',
  credit: 'Credit',
  balance: 'Balance',
  undated: 'undated',
  invoiceDoc: fill('Invoice {invoice}'),
  dueDoc: fill('{milestone} due'),
  paymentDoc: fill('Payment, {what}'),
  markedPaid: 'Marked Paid in the ledger; no payment recorded for this amount',
  writtenOff: 'Written off',
  balanceDue: 'Balance due',
  notDue: fill('not yet due: due on {date}'),
  overdue: 'Of which overdue',
  noStatement: 'Nothing invoiced.',
  overpaid: fill('{milestone} was paid {amount} more than its amount: a credit to the client.'),
  excluded: 'Not in the statement',
  excludedReason: {
    cancelled: 'cancelled',
    renegotiated: 'replaced by a payment plan (its instalments are in the statement)',
    not_invoiced: 'not invoiced yet',
  },
  paymentOn: fill('payment of {amount} on {date}'),
  summary: 'The claim',
  currency: 'Currency',
  outstanding: 'Outstanding',
  interest: 'Interest',
  compensation: 'Compensation',
  totalClaim: 'Total claim',
  interestHeading: 'Interest and compensation worked out',
  interestFor: fill('{what}, due {date}'),
  from: 'From',
  to: 'To',
  days: 'Days',
  rate: 'Annual rate',
  unpaid: 'Unpaid',
  working: 'Working',
  interestTotal: 'Interest',
  fixedCompensation: 'Fixed compensation',
  lawAndSource: 'Law and source',
  roundingNote:
    'Interest is counted day by day (annual rate ÷ 365) and rounded once, on the total; each line shows its share of that rounded total, so the lines add up to it exactly.',
  countedTo: fill(
    'Counted to {through} only: no published reference rate is on file from {from}; the days from {from} to {to} are not counted.',
  ),
  noInterestDays: fill(
    'No published reference rate is on file yet for the days from {from}: no interest is counted.',
  ),
  consumer: 'The client is a consumer: no statutory late-payment interest or compensation is claimed.',
  interestOff: 'Statutory interest is not claimed (switched off by the creditor).',
  noRegime: fill('No statutory interest rules on file for {jurisdiction}: none is claimed.'),
  method: {
    UK: 'Late Payment of Commercial Debts (Interest) Act 1998: Bank of England Bank Rate in force on the 30 June or 31 December before interest starts, plus 8 points, fixed for the debt (SI 2002/1675 art. 4); simple interest from the day after the due date on the amount still unpaid. Fixed compensation per late invoice: £40 below £1,000, £70 below £10,000, £100 from £10,000 (s.5A).',
    IT: 'D.Lgs. 231/2002 art. 5: ECB main refinancing rate in force on 1 January / 1 July plus 8 points (7 for contracts before 2013), each day at the rate of its half-year; simple interest from the day after the due date on the amount still unpaid. Fixed compensation EUR 40 per late invoice (art. 6(2)).',
    EU: 'Directive 2011/7/EU Art. 2(6) and 3(2): ECB main refinancing rate in force on 1 January / 1 July plus 8 points, each day at the rate of its half-year; simple interest from the day after the due date on the amount still unpaid. Fixed compensation EUR 40 per late invoice (Art. 6).',
  },
  chasing: 'Chasing record',
  step: 'Step',
  channel: 'Channel',
  recipient: 'Recipient',
  subjectAndLink: 'Subject and link',
  invoices: 'Invoices',
  draft: 'prepared, not confirmed sent',
  phone: 'phone call (not written)',
  noChannel: 'channel not recorded',
  noSubject: 'no subject recorded',
  disputed: 'Disputed by the client',
  disputeChannel: 'status in the ledger',
  promiseChannel: 'promised by the client',
  promiseLine: (amount, by, state) =>
    `${amount} promised by ${by}: ${state === 'kept' ? 'kept' : state === 'broken' ? 'not kept' : 'not yet due'}`,
  disputeUndated: 'date not recorded',
  noMessages: 'No messages recorded.',
  route: 'The route',
  noticeGiven: fill('{letter}: sent on {date}, giving {days} days, to {deadline}.'),
  noticeNotGiven: fill('{letter}: not sent yet. It must give {days} days before a court step.'),
  noticeDraftOnly: 'A draft that was never confirmed sent does not count as notice.',
  nothingOutstanding: 'Nothing outstanding.',
  fitsYes: fill('The principal of {principal} is within the limit of {limit}: it fits {route}.'),
  fitsNo: fill('The principal of {principal} is above the limit of {limit} for {route}.'),
  fitsDepends: fill(
    'The principal of {principal} fits or not depending on who claims (the lower limit is {limit}).',
  ),
  fitsCurrency: fill(
    'The principal of {principal} cannot be compared with the limit of {limit} (a different currency).',
  ),
  noLimit: fill('The principal is {principal}: no small-claims limit on file for {jurisdiction}.'),
  court: fill('Court and procedure: {court}.'),
  limitSource: fill('Source: {source}; in force from {date}.'),
  principalOnly:
    'The limit is compared with the principal only: interest and costs are left out of the claim value (CPR 26.8(2) in England and Wales; Reg. 861/2007 Art. 2 for the European procedure).',
  next: 'Next',
  nextSendDemand: fill('send the {letter}, giving {days} days.'),
  nextWait: fill('wait for the notice period to end on {date}; then the court step.'),
  nextFile: fill('file the claim: {route}.'),
  nextLawyer: 'hand the claim to a lawyer or a collection agency.',
  nextCheck: 'check the limit and the route with the court before filing.',
  declaration: 'Statement',
  declarationText:
    'I confirm that the facts in this pack are taken from my records and are true to the best of my knowledge.',
  signature: 'Signature',
  footer:
    'Prepared with Payladder from the ledger kept by the creditor. Figures are as of the date above; statutory interest keeps accruing until payment. A record of the facts, not legal advice.',
  page: ['page', 'of'],
};

const IT: PackWords = {
  title: 'Fascicolo documentale',
  asOf: fill('Aggiornato al {date}'),
  preparedBy: fill('redatto da {who}'),
  parties: 'Parti',
  creditor: 'Creditore',
  debtor: 'Debitore',
  name: 'Nome',
  legalName: 'Denominazione',
  address: 'Indirizzo',
  companyNumber: 'Numero di iscrizione',
  vatNumber: 'Partita IVA',
  contact: 'Referente',
  email: 'Posta elettronica',
  missing: fill('mancante ({where})'),
  agreement: 'Accordo',
  contract: 'Contratto',
  contractSigned: fill('firmato il {date}'),
  contractLink: fill('agli atti: {link}'),
  noContract: 'nessun contratto firmato agli atti',
  terms: 'Termini di pagamento',
  termsValue: fill('{days} giorni dalla fattura'),
  grace: 'Sospensione dei lavori dopo',
  graceValue: fill('{days} giorni di ritardo'),
  changeOrders: 'Varianti',
  noChangeOrders: 'Nessuna variante registrata.',
  changeOrder: 'Variante',
  description: 'Descrizione',
  amount: 'Importo',
  requested: 'Richiesta',
  signed: 'Firmata',
  billed: 'Fatturata',
  notSigned: 'non firmata',
  notBilled: 'non fatturata',
  notRecorded: 'non registrata',
  billedOn: fill('{what} del {date}'),
  notInvoicedYet: 'non ancora fatturata',
  statement: 'Estratto conto',
  inCurrency: fill('In {currency}'),
  date: 'Data',
  document: 'Documento',
  debit: 'Dare',
  credit: 'Avere',
  balance: 'Saldo',
  undated: 'senza data',
  invoiceDoc: fill('Fattura {invoice}'),
  dueDoc: fill('Scadenza {milestone}'),
  paymentDoc: fill('Pagamento, {what}'),
  markedPaid: 'Segnata come pagata nel registro; nessun pagamento registrato per questo importo',
  writtenOff: 'Stralciata come perdita',
  balanceDue: 'Saldo dovuto',
  notDue: fill('non ancora scaduta: scade il {date}'),
  overdue: 'Di cui scaduto',
  noStatement: 'Nulla di fatturato.',
  overpaid: fill('Su {milestone} è stato pagato {amount} in più del dovuto: un credito del cliente.'),
  excluded: 'Escluse dall’estratto conto',
  excludedReason: {
    cancelled: 'annullata',
    renegotiated: 'sostituita da un piano di rientro (le rate sono nell’estratto conto)',
    not_invoiced: 'non ancora fatturata',
  },
  paymentOn: fill('pagamento di {amount} il {date}'),
  summary: 'Il credito',
  currency: 'Valuta',
  outstanding: 'Insoluto',
  interest: 'Interessi',
  compensation: 'Risarcimento',
  totalClaim: 'Totale dovuto',
  interestHeading: 'Calcolo degli interessi di mora e del risarcimento',
  interestFor: fill('{what}, scadenza {date}'),
  from: 'Dal',
  to: 'Al',
  days: 'Giorni',
  rate: 'Tasso annuo',
  unpaid: 'Insoluto',
  working: 'Calcolo',
  interestTotal: 'Interessi',
  fixedCompensation: 'Risarcimento forfettario',
  lawAndSource: 'Norma e fonte',
  roundingNote:
    'Gli interessi sono calcolati giorno per giorno (tasso annuo ÷ 365) e arrotondati una sola volta, sul totale; ogni riga riporta la sua quota del totale arrotondato, così la somma delle righe coincide con il totale.',
  countedTo: fill(
    'Calcolati solo fino al {through}: non è agli atti un tasso di riferimento pubblicato dal {from}; i giorni dal {from} al {to} non sono conteggiati.',
  ),
  noInterestDays: fill(
    'Non è ancora agli atti un tasso di riferimento pubblicato per i giorni dal {from}: nessun interesse conteggiato.',
  ),
  consumer:
    'Il cliente è un consumatore: non si chiedono interessi di mora legali né risarcimento forfettario.',
  interestOff: 'Gli interessi di mora legali non sono richiesti (disattivati dal creditore).',
  noRegime: fill('Nessuna norma sugli interessi di mora agli atti per {jurisdiction}: non sono richiesti.'),
  method: {
    UK: 'Late Payment of Commercial Debts (Interest) Act 1998: tasso base della Bank of England in vigore al 30 giugno o al 31 dicembre precedente l’inizio degli interessi, più 8 punti, fisso per tutto il debito (SI 2002/1675 art. 4); interesse semplice dal giorno successivo alla scadenza sull’importo ancora insoluto. Risarcimento forfettario per fattura: £40 sotto £1.000, £70 sotto £10.000, £100 da £10.000 (s.5A).',
    IT: 'D.Lgs. 231/2002 art. 5: tasso BCE di rifinanziamento principale in vigore al 1° gennaio / 1° luglio maggiorato di 8 punti (7 per i contratti anteriori al 2013), ogni giorno al tasso del proprio semestre, come pubblicato dal MEF in Gazzetta Ufficiale; interesse semplice dal giorno successivo alla scadenza sull’importo ancora insoluto. Risarcimento forfettario di EUR 40 per fattura (art. 6, comma 2).',
    EU: 'Direttiva 2011/7/UE artt. 2(6) e 3(2): tasso BCE di rifinanziamento principale in vigore al 1° gennaio / 1° luglio maggiorato di 8 punti, ogni giorno al tasso del proprio semestre; interesse semplice dal giorno successivo alla scadenza sull’importo ancora insoluto. Risarcimento forfettario di EUR 40 per fattura (art. 6).',
  },
  chasing: 'Cronologia dei solleciti',
  step: 'Fase',
  channel: 'Canale',
  recipient: 'Destinatario',
  subjectAndLink: 'Oggetto e collegamento',
  invoices: 'Fatture',
  draft: 'preparato, invio non confermato',
  phone: 'telefonata (non scritta)',
  noChannel: 'canale non registrato',
  noSubject: 'oggetto non registrato',
  disputed: 'Contestata dal cliente',
  disputeChannel: 'stato nel registro',
  promiseChannel: 'promessa del cliente',
  promiseLine: (amount, by, state) =>
    `${amount} promessi entro il giorno ${by}: ${state === 'kept' ? 'mantenuta' : state === 'broken' ? 'non mantenuta' : 'non ancora scaduta'}`,
  disputeUndated: 'data non registrata',
  noMessages: 'Nessun messaggio registrato.',
  route: 'La procedura',
  noticeGiven: fill('{letter}: inviata il {date}, con termine di {days} giorni, fino al {deadline}.'),
  noticeNotGiven: fill(
    '{letter}: non ancora inviata. Deve dare un termine di {days} giorni prima di rivolgersi al giudice.',
  ),
  noticeDraftOnly: 'Una bozza di cui non è confermato l’invio non vale come intimazione.',
  nothingOutstanding: 'Nulla di insoluto.',
  fitsYes: fill('Il capitale di {principal} rientra nel limite di {limit} previsto per {route}.'),
  fitsNo: fill('Il capitale di {principal} supera il limite di {limit} previsto per {route}.'),
  fitsDepends: fill(
    'Il capitale di {principal} rientra o meno nel limite a seconda di chi agisce (il limite più basso è {limit}).',
  ),
  fitsCurrency: fill(
    'Il capitale di {principal} non è confrontabile con il limite di {limit} (altra valuta).',
  ),
  noLimit: fill(
    'Il capitale è {principal}: nessun limite per le controversie minori agli atti per {jurisdiction}.',
  ),
  court: fill('Giudice e procedura: {court}.'),
  limitSource: fill('Fonte: {source}; in vigore dal {date}.'),
  principalOnly:
    'Il limite è confrontato con il solo capitale: interessi e spese non entrano nel valore della domanda.',
  next: 'Prossimo passo',
  nextSendDemand: fill('inviare la {letter}, con termine di {days} giorni.'),
  nextWait: fill('attendere la fine del termine, il {date}; poi rivolgersi al giudice.'),
  nextFile: fill('depositare la domanda: {route}.'),
  nextLawyer:
    'affidare il credito a un avvocato (necessario sopra il limite) o a una società di recupero crediti.',
  nextCheck: 'verificare limite e procedura con l’ufficio giudiziario prima di depositare.',
  declaration: 'Dichiarazione',
  declarationText:
    'Dichiaro che i fatti riportati in questo fascicolo sono tratti dalla mia documentazione e sono veri per quanto a mia conoscenza.',
  signature: 'Firma',
  footer:
    'Redatto con Payladder dal registro tenuto dal creditore. Importi alla data indicata sopra; gli interessi di mora continuano a maturare fino al pagamento. Un resoconto dei fatti, non una consulenza legale.',
  page: ['pagina', 'di'],
};

export const PACK_WORDS: Readonly<Record<Language, PackWords>> = { en: EN, it: IT };
