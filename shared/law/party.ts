/**
 * The party details a formal letter needs (issue 10 item 3): which Settings rows and
 * Clients columns must be filled for a given jurisdiction, client kind and message, and
 * the warnings naming the exact cell to fill when they are not. The requirements come
 * from the notice rules (`notices.ts`, legal-facts §8): e.g. a UK Letter of Claim must
 * give the address for the Reply Form and how to pay (`uk.pap.letter`).
 */
import type { Client, Problem, Settings } from '../model.ts';
import { problem } from '../problems.ts';
import type { LawBusiness } from './notices.ts';
import { noticeFor } from './notices.ts';

export type PartyField =
  | { tab: 'Settings'; name: 'Your name' | 'Your address' | 'Payment details'; key: keyof Settings }
  | { tab: 'Clients'; name: 'Legal name' | 'Address'; key: keyof Client };

export interface PartyRequirement {
  field: PartyField;
  /** What the letter says with it, as an id the problem texts put in words (problems/en.ts PARTY_WHAT). */
  what: 'creditor' | 'reply_address' | 'your_address' | 'payment' | 'legal_name' | 'client_address';
  /** Why it is needed, with the rule, as an id (problems/en.ts PARTY_WHY). */
  why:
    | 'signed'
    | 'pap'
    | 'it_parties'
    | 'reply'
    | 'asks_payment'
    | 'registered'
    | 'pap_post'
    | 'it_post'
    | 'court_served'
    | 'office_post';
}

const YOUR_NAME: PartyField = { tab: 'Settings', name: 'Your name', key: 'yourName' };
const YOUR_ADDRESS: PartyField = { tab: 'Settings', name: 'Your address', key: 'yourAddress' };
const PAYMENT_DETAILS: PartyField = { tab: 'Settings', name: 'Payment details', key: 'paymentDetails' };
const CLIENT_LEGAL_NAME: PartyField = { tab: 'Clients', name: 'Legal name', key: 'legalName' };
const CLIENT_ADDRESS: PartyField = { tab: 'Clients', name: 'Address', key: 'address' };

/** The messages that are formal letters and so carry party details. */
export const FORMAL_MESSAGES = ['demand', 'diffida', 'small_claims'] as const;

/**
 * The Settings rows and Clients columns a formal letter (`demand`, `diffida`,
 * `small_claims`) must have filled for a client of this jurisdiction and kind. Other
 * messages need none (an empty list). `diffida` outside Italy is not a letter: empty.
 */
export function requiredPartyDetails(
  jurisdiction: string,
  business: LawBusiness,
  messageId: string,
): PartyRequirement[] {
  if (!(FORMAL_MESSAGES as readonly string[]).includes(messageId)) return [];
  const notice =
    messageId === 'diffida'
      ? noticeFor(jurisdiction, business, 'diffida')
      : noticeFor(jurisdiction, business);
  if (notice === null) return [];
  const out: PartyRequirement[] = [{ field: YOUR_NAME, what: 'creditor', why: 'signed' }];
  if (notice.id === 'uk.pap.letter')
    out.push({
      field: YOUR_ADDRESS,
      what: 'reply_address',
      why: 'pap',
    });
  else
    out.push({
      field: YOUR_ADDRESS,
      what: 'your_address',
      why: notice.id.startsWith('it.') ? 'it_parties' : 'reply',
    });
  if (messageId !== 'small_claims')
    out.push({
      field: PAYMENT_DETAILS,
      what: 'payment',
      why: notice.id === 'uk.pap.letter' ? 'pap' : 'asks_payment',
    });
  // A company is named and sued under its registered name; an individual's name is the
  // Client name already.
  if (business === 'company')
    out.push({
      field: CLIENT_LEGAL_NAME,
      what: 'legal_name',
      why: 'registered',
    });
  // Letters that go by post or raccomandata, and every court step, need the client's address.
  if (
    notice.delivery.includes('post') ||
    notice.delivery.includes('registered') ||
    messageId === 'small_claims'
  )
    out.push({
      field: CLIENT_ADDRESS,
      what: 'client_address',
      why:
        notice.id === 'uk.pap.letter'
          ? 'pap_post'
          : notice.id.startsWith('it.')
            ? 'it_post'
            : messageId === 'small_claims'
              ? 'court_served'
              : 'office_post',
    });
  return out;
}

/**
 * Warnings for the party details `requiredPartyDetails` asks for and the ledger lacks, each
 * naming the Settings row or the Clients row and column to fill.
 */
export function missingPartyDetails(
  settings: Settings,
  client: Client,
  business: LawBusiness,
  messageId: string,
): Problem[] {
  const notice =
    messageId === 'diffida'
      ? noticeFor(client.jurisdiction, business, 'diffida')
      : noticeFor(client.jurisdiction, business);
  // The letter, by its notice id (the texts name it: problems/en.ts LETTER).
  const letter = messageId === 'small_claims' ? 'small_claims' : (notice?.id ?? '');
  const out: Problem[] = [];
  for (const r of requiredPartyDetails(client.jurisdiction, business, messageId)) {
    const f = r.field;
    const value = f.tab === 'Settings' ? settings[f.key] : client[f.key];
    if (typeof value === 'string' && value.trim() !== '') continue;
    out.push(
      f.tab === 'Settings'
        ? problem('party_detail_missing', 'Settings', null, 'Value', {
            notice: letter,
            client: client.client,
            what: r.what,
            setting: f.name,
            why: r.why,
          })
        : problem('party_detail_missing', 'Clients', client.row, f.name, {
            notice: letter,
            client: client.client,
            what: r.what,
            why: r.why,
          }),
    );
  }
  return out;
}
