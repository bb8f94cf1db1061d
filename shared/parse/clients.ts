/** The Clients tab (required): one client a row, named uniquely. */
import { keyOf, readDate } from '../cells.ts';
import { normalizeJurisdiction } from '../jurisdictions.ts';
import type { Client, IsoDate, Settings } from '../model.ts';
import type { RowReader, TabReader } from './reader.ts';
import { readCurrency, uniqueId } from './reader.ts';
import { parseBusiness, parseLanguage, refKey } from './values.ts';

const EMAIL_RE = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const DOMAIN_RE = /^@[^@\s]+\.[^@\s]+$/;

/** The clients read, by reference key, and the rows left out (by key) for a clear problem. */
export interface ClientIndex {
  clients: Client[];
  byKey: Map<string, Client>;
  /** Sheet row of each client whose row had an error. */
  rejected: Map<string, number>;
}

export function parseClients(tab: TabReader, settings: Settings): ClientIndex {
  const clients: Client[] = [];
  const byKey = new Map<string, Client>();
  const rejected = new Map<string, number>();
  if (!tab.check(true)) return { clients, byKey, rejected };
  tab.forEachRow((r) => {
    const unique = uniqueId(r, 'Client', byKey, rejected);
    if (unique === null) return;
    const { id: name, key } = unique;

    const emails: string[] = [];
    for (const entry of r.text('Emails').split(/[,;\s]+/)) {
      const e = entry
        .trim()
        .toLowerCase()
        .replace(/^mailto:/, '');
      if (e === '') continue;
      if (EMAIL_RE.test(e) || DOMAIN_RE.test(e)) emails.push(e);
      else r.report('bad_email', 'Emails', { value: entry });
    }
    let language = settings.defaultLanguage;
    if (r.has('Language')) {
      const l = parseLanguage(r.text('Language'));
      if (l) language = l;
      else r.fail('unknown_language', 'Language', { value: r.text('Language') });
    }
    const currency = readCurrency(r, 'Currency', settings.defaultCurrency);
    let jurisdiction = settings.defaultJurisdiction ?? '';
    if (r.has('Jurisdiction')) {
      const j = normalizeJurisdiction(r.text('Jurisdiction'));
      if (j) jurisdiction = j;
      else r.fail('unknown_jurisdiction', 'Jurisdiction', { value: r.text('Jurisdiction') });
    }
    let business: Client['business'] = 'company';
    if (r.has('Business')) {
      const b = parseBusiness(r.text('Business'));
      if (b) business = b;
      else r.fail('unknown_business', 'Business', { value: r.text('Business') });
    }
    const terms = r.days('Terms', settings.defaultTerms);
    const grace = r.days('Grace', settings.defaultGrace);
    if (grace < 1 && r.has('Grace')) r.fail('bad_days', 'Grace', { value: r.text('Grace') });
    let risk: Client['risk'] = null;
    if (r.has('Risk')) {
      const k = keyOf(r.text('Risk'));
      if (k === 'low' || k === 'medium' || k === 'high') risk = k;
      else r.fail('unknown_risk', 'Risk', { value: r.text('Risk') });
    }
    const contract = r.text('Contract');
    let contractDate: IsoDate | null = null;
    if (contract !== '') {
      const d = readDate(r.raw('Contract'), r.locale, tab.ctx.sheetTimeZone);
      if (d.ok) contractDate = d.value;
    }
    if (r.failed || currency === null) {
      rejected.set(key, r.row);
      return;
    }
    if (contract === '') r.report('no_contract', 'Contract', { client: name });
    const client: Client = {
      row: r.row,
      client: name,
      emails,
      contact: r.text('Contact'),
      language,
      currency,
      jurisdiction,
      business,
      terms,
      grace: Math.max(1, grace),
      contract,
      contractDate,
      risk,
      notes: r.text('Notes'),
      legalName: r.text('Legal name'),
      address: r.text('Address'),
      companyNumber: r.text('Company number'),
      vatNumber: r.text('VAT number'),
    };
    clients.push(client);
    byKey.set(key, client);
  });
  return { clients, byKey, rejected };
}

/**
 * The client a row's `header` cell names: undefined when blank (and not `required`), null
 * (with a problem) when it names no client or one whose row was left out.
 */
export function clientRef(
  index: ClientIndex,
  r: RowReader,
  header: string,
  required: boolean,
): Client | null | undefined {
  const name = required ? r.required(header) : r.text(header);
  if (!name) return undefined;
  const key = refKey(name);
  const c = index.byKey.get(key);
  if (c) return c;
  const first = index.rejected.get(key);
  if (first !== undefined) r.fail('rejected_client', header, { value: name, first });
  else r.fail('unknown_client', header, { value: name });
  return null;
}

/** A row's Client cell as the client is named, or the first milestone's client when blank. */
export function namedClient(index: ClientIndex, r: RowReader, fallback: string): string {
  const named = r.text('Client');
  return named ? (index.byKey.get(refKey(named))?.client ?? named) : fallback;
}
