/**
 * legal-facts §8 as data: the formal letter, notice period, elements, enclosures and
 * delivery per jurisdiction and client kind; the party details each letter needs; and the
 * small-claims routes by their own names (issue 10 items 3 and 6).
 */
import { describe, expect, it } from 'vitest';
import type { LawBusiness } from '../../shared/law/notices.ts';
import { businessOf, NOTICES, noticeFor, noticePeriodDays } from '../../shared/law/notices.ts';
import { missingPartyDetails, requiredPartyDetails } from '../../shared/law/party.ts';
import { smallClaimsFits, smallClaimsLimit } from '../../shared/law/small-claims.ts';
import { parseLedger } from '../../shared/parse.ts';
import { buildReport } from '../../shared/report.ts';
import { CLIENT, rawLedger } from './builder.ts';
import { problemText } from '../../shared/problems.ts';
import type { Problem } from '../../shared/model.ts';

/** A problem's English message and fix (texts are written on demand, problems.ts). */
const en = (p: Problem | undefined) => (p ? problemText(p, 'en') : { message: '', fix: '' });

const PAP_ELEMENTS = [
  'amount',
  'interest_continuing',
  'agreement',
  'instalments_refused',
  'how_to_pay',
  'reply_address',
  'statement_of_account',
  'dated',
  'deadline',
];

describe('noticeFor: legal-facts §8 per jurisdiction and client kind', () => {
  it.each<[string, LawBusiness, string, number]>([
    ['GB-ENG', 'sole_trader', 'uk.pap.letter', 30],
    ['GB-ENG', 'consumer', 'uk.pap.letter', 30],
    ['GB-WLS', 'sole_trader', 'uk.pap.letter', 30],
    ['GB-ENG', 'company', 'uk.pdpac.period', 14],
    ['GB-WLS', 'company', 'uk.pdpac.period', 14],
    ['IT', 'company', 'it.mora', 15],
    ['IT', 'sole_trader', 'it.mora', 15],
    ['IT', 'consumer', 'it.mora', 15],
    ['GB-SCT', 'company', 'default.period', 14],
    ['GB-NIR', 'sole_trader', 'default.period', 14],
    ['EU', 'company', 'default.period', 14],
    ['US-CA', 'company', 'default.period', 14],
  ])('%s %s → %s, %i days', (jurisdiction, business, id, days) => {
    const n = noticeFor(jurisdiction, business);
    expect(n).toMatchObject({ id, days });
    expect(noticePeriodDays(jurisdiction, business)).toBe(days);
    expect(n.source).not.toBe('');
  });

  it('the Letter of Claim carries every element of uk.pap.letter and the three enclosures with the official link', () => {
    const n = noticeFor('GB-ENG', 'sole_trader');
    expect(n.elements.map((e) => e.id)).toEqual(PAP_ELEMENTS);
    expect(n.enclosures.map((e) => e.id)).toEqual(['information_sheet', 'reply_form', 'financial_statement']);
    for (const e of n.enclosures)
      expect(e.url).toMatch(/^https:\/\/www\.justice\.gov\.uk\/.*pre-action-protocol-for-debt-claims$/);
    expect(n.delivery[0]).toBe('post');
    expect(n.minimum).toBe(true);
  });

  it('a company gets no Protocol wording; a messa in mora no diffida wording', () => {
    const company = noticeFor('GB-ENG', 'company');
    expect(company.enclosures.map((e) => e.id)).not.toContain('reply_form');
    expect(JSON.stringify(company)).not.toMatch(/Reply Form|Protocol for Debt/);
    const mora = noticeFor('IT', 'company');
    expect(mora.letter).toContain('Messa in mora');
    expect(JSON.stringify(mora)).not.toMatch(/diffida|terminat|1454/i);
    expect(mora.delivery).toEqual(['pec', 'registered']);
  });

  it('the diffida ad adempiere is Italy’s only: at least 15 days and the termination warning', () => {
    const diffida = noticeFor('IT', 'company', 'diffida');
    expect(diffida).toMatchObject({ id: 'it.diffida', days: 15, minimum: true, grade: 'A' });
    expect(diffida?.elements.map((e) => e.id)).toContain('termination');
    expect(noticeFor('GB-ENG', 'company', 'diffida')).toBeNull();
  });

  it('every rule cites a source and a grade', () => {
    for (const n of Object.values(NOTICES)) {
      expect(n.source.length, n.id).toBeGreaterThan(10);
      expect(['A', 'B', '-']).toContain(n.grade);
      expect(n.elements.length).toBeGreaterThan(0);
      expect(new Set(n.elements.map((e) => e.id)).size).toBe(n.elements.length);
    }
  });

  it.each([
    ['B2B', 'company'],
    ['b2c', 'consumer'],
    ['company', 'company'],
    ['Sole trader', 'sole_trader'],
    ['sole-trader', 'sole_trader'],
    ['consumer', 'consumer'],
    ['plc', null],
  ])('businessOf(%s) → %s', (text, kind) => expect(businessOf(text)).toBe(kind));
});

describe('party details a formal letter needs', () => {
  const fields = (j: string, b: LawBusiness, id: string) =>
    requiredPartyDetails(j, b, id).map((r) => `${r.field.tab}:${r.field.name}`);

  it('a UK Letter of Claim needs your address (for the Reply Form), how to pay and the debtor’s postal address', () => {
    expect(fields('GB-ENG', 'sole_trader', 'demand')).toEqual([
      'Settings:Your name',
      'Settings:Your address',
      'Settings:Payment details',
      'Clients:Address',
    ]);
    expect(requiredPartyDetails('GB-ENG', 'sole_trader', 'demand')[1]?.what).toBe('reply_address');
  });

  it('a company is named by its legal name', () => {
    expect(fields('GB-ENG', 'company', 'demand')).toContain('Clients:Legal name');
    expect(fields('IT', 'company', 'demand')).toContain('Clients:Legal name');
    expect(fields('IT', 'company', 'diffida')).toContain('Clients:Address');
    expect(fields('IT', 'consumer', 'demand')).not.toContain('Clients:Legal name');
  });

  it('friendly messages need none; a diffida outside Italy is no letter', () => {
    expect(fields('GB-ENG', 'sole_trader', 'reminder')).toEqual([]);
    expect(fields('GB-ENG', 'company', 'diffida')).toEqual([]);
    expect(fields('US-CA', 'company', 'small_claims')).toContain('Clients:Address');
  });

  it('a missing detail is a warning naming the Settings row or the Clients row and column', () => {
    const { ledger } = parseLedger(
      rawLedger({
        clients: [
          { ...CLIENT, Client: 'Jo Bloggs', Jurisdiction: 'GB-ENG', Currency: 'GBP', Business: 'B2C' },
        ],
        settings: { 'Your name': 'Alex Morgan', 'Payment details': 'Sort code 12-34-56, account 12345678' },
      }),
    );
    const client = ledger.clients[0];
    if (!client) throw new Error('no client');
    const problems = missingPartyDetails(ledger.settings, client, 'sole_trader', 'demand');
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatchObject({
      tab: 'Settings',
      column: 'Value',
      severity: 'warning',
      code: 'party_detail_missing',
    });
    expect(en(problems[0]).message).toContain('Letter of Claim');
    expect(en(problems[0]).message).toContain('the address to send the Reply Form to');
    expect(problemText(problems[0] as Problem, 'it').message).toContain('modulo di risposta');
    expect(en(problems[0]).message).toContain('the Settings row "Your address" is empty');
    expect(problems[1]).toMatchObject({ tab: 'Clients', row: 2, column: 'Address' });
    expect(en(problems[1]).fix).toContain('Clients row 2, column Address');
    const filled = { ...client, address: '1 High Street, Leeds' };
    expect(
      missingPartyDetails(
        { ...ledger.settings, yourAddress: 'Via Roma 1, Milano' },
        filled,
        'sole_trader',
        'demand',
      ),
    ).toEqual([]);
  });

  it('parses the new Settings rows and Clients columns, all optional', () => {
    const { ledger, problems } = parseLedger(
      rawLedger({
        clients: [
          {
            ...CLIENT,
            'Legal name': 'Acme S.p.A.',
            Address: 'Via Roma 1, 20121 Milano',
            'Company number': 'MI-123456',
            'VAT number': 'IT01234567890',
          },
          { ...CLIENT, Client: 'Bare' },
        ],
        settings: {
          'Your address': '1 High Street, Leeds',
          'Your company number': '01234567',
          'Your VAT number': 'GB123456789',
          'Payment details': 'IBAN IT60X0542811101000000123456',
        },
      }),
    );
    expect(problems.filter((p) => p.code === 'unknown_setting')).toEqual([]);
    expect(ledger.settings).toMatchObject({
      yourAddress: '1 High Street, Leeds',
      yourCompanyNumber: '01234567',
      yourVatNumber: 'GB123456789',
      paymentDetails: 'IBAN IT60X0542811101000000123456',
    });
    expect(ledger.clients[0]).toMatchObject({
      legalName: 'Acme S.p.A.',
      address: 'Via Roma 1, 20121 Milano',
      companyNumber: 'MI-123456',
      vatNumber: 'IT01234567890',
    });
    expect(ledger.clients[1]).toMatchObject({ legalName: '', address: '', companyNumber: '', vatNumber: '' });
  });
});

describe('small-claims routes by their own names', () => {
  const on = '2026-12-04';
  it.each([
    ['GB-SCT', 'Simple Procedure', 5_000, 'GBP'],
    ['GB-ENG', 'small claims track', 10_000, 'GBP'],
    ['IT', 'decreto ingiuntivo / Giudice di pace', 1_100, 'EUR'],
    ['US-NY', 'Small Claims Part (New York City only)', 10_000, 'USD'],
    ['EU', 'European Small Claims Procedure', 5_000, 'EUR'],
  ])('%s → %s, %i %s', (jurisdiction, route, limit, currency) => {
    expect(smallClaimsLimit(jurisdiction, on)).toMatchObject({ route, limit, currency });
    expect(smallClaimsLimit(jurisdiction, on)?.source).not.toBe('');
  });

  it('Scotland never says "small claim"; Italy names the EUR 1,100 limit for acting without a lawyer', () => {
    expect(smallClaimsLimit('GB-SCT', on)?.court).toMatch(/^Simple Procedure in the sheriff court/);
    expect(smallClaimsLimit('IT', on)?.court).toContain('without a lawyer up to EUR 1,100 (art. 82 c.p.c.)');
    expect(smallClaimsLimit('IT', on)?.court).not.toMatch(/modesto valore/);
    expect(smallClaimsLimit('US-NY', on)?.court).toContain('New York City only');
  });

  it('California: USD 12,500 for a natural person, 6,250 for an entity; with the user unknown, both are stated', () => {
    expect(smallClaimsLimit('US-CA', on, 'natural_person')?.limit).toBe(12_500);
    expect(smallClaimsLimit('US-CA', on, 'entity')?.limit).toBe(6_250);
    expect(smallClaimsLimit('US-CA', on)?.limit).toBe(6_250);
    expect(smallClaimsFits('US-CA', on, 600_000, 'USD').fits).toBe(true);
    expect(smallClaimsFits('US-CA', on, 1_300_000, 'USD').fits).toBe(false);
    const between = smallClaimsFits('US-CA', on, 900_000, 'USD');
    expect(between.fits).toBeNull();
    expect(between.court).toContain('12,500');
    expect(between.court).toContain('6,250');
  });

  it('the report carries the route, and leaves "fits" open between California’s two limits', () => {
    const { report } = buildReport(
      rawLedger({
        clients: [{ ...CLIENT, Jurisdiction: 'US-CA', Currency: 'USD' }],
        milestones: [{ ID: 'M-1', Client: 'Acme', Amount: 9_000, 'Due date': '2026-09-01' }],
        // The route is worked out once a demand is due or sent.
        reminders: [{ Sent: '2026-10-01', Milestone: 'M-1', Stage: 'final', Channel: 'gmail' }],
      }),
      on,
    );
    expect(report.milestones[0]?.smallClaims).toMatchObject({
      route: 'small claims court',
      fits: null,
      limit: 625_000,
    });
  });
});
