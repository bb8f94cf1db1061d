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
  /** What the letter says with it. */
  what: string;
  /** Why it is needed, with the rule. */
  why: string;
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
  const out: PartyRequirement[] = [
    { field: YOUR_NAME, what: 'who the claim is from', why: 'a formal letter is signed by the creditor' },
  ];
  if (notice.id === 'uk.pap.letter')
    out.push({
      field: YOUR_ADDRESS,
      what: 'the address to send the Reply Form to',
      why: 'Pre-Action Protocol for Debt Claims (legal-facts §8 uk.pap.letter)',
    });
  else
    out.push({
      field: YOUR_ADDRESS,
      what: 'your address',
      why: notice.id.startsWith('it.')
        ? 'the letter names both parties with their addresses (legal-facts §8 it.mora)'
        : 'the debtor must know where to reply',
    });
  if (messageId !== 'small_claims')
    out.push({
      field: PAYMENT_DETAILS,
      what: 'how the debt can be paid',
      why:
        notice.id === 'uk.pap.letter'
          ? 'Pre-Action Protocol for Debt Claims (legal-facts §8 uk.pap.letter)'
          : 'the letter asks for payment',
    });
  // A company is named and sued under its registered name; an individual's name is the
  // Client name already.
  if (business === 'company')
    out.push({
      field: CLIENT_LEGAL_NAME,
      what: "the client's registered (legal) name",
      why: 'a claim must name the company exactly as registered',
    });
  // Letters that go by post or raccomandata, and every court step, need the client's address.
  if (
    notice.delivery.includes('post') ||
    notice.delivery.includes('registered') ||
    messageId === 'small_claims'
  )
    out.push({
      field: CLIENT_ADDRESS,
      what: "the client's postal address",
      why:
        notice.id === 'uk.pap.letter'
          ? 'the Letter of Claim is sent by post (legal-facts §8 uk.pap.letter)'
          : notice.id.startsWith('it.')
            ? 'it goes by raccomandata A/R unless you have their PEC address (legal-facts §8 it.mora)'
            : messageId === 'small_claims'
              ? 'a court claim is served at the defendant’s address'
              : 'the letter is sent to the registered office by post',
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
  const letter =
    messageId === 'small_claims' ? 'The small-claims notice' : `The ${notice?.letter ?? 'letter'}`;
  const out: Problem[] = [];
  for (const r of requiredPartyDetails(client.jurisdiction, business, messageId)) {
    const f = r.field;
    const value = f.tab === 'Settings' ? settings[f.key] : client[f.key];
    if (typeof value === 'string' && value.trim() !== '') continue;
    out.push(
      f.tab === 'Settings'
        ? problem('party_detail_missing', 'Settings', null, 'Value', {
            letter,
            client: client.client,
            what: r.what,
            where: `the Settings row "${f.name}"`,
            why: r.why,
          })
        : problem('party_detail_missing', 'Clients', client.row, f.name, {
            letter,
            client: client.client,
            what: r.what,
            where: `Clients row ${client.row}, column ${f.name}`,
            why: r.why,
          }),
    );
  }
  return out;
}
