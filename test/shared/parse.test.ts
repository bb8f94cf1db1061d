import { describe, expect, it } from 'vitest';
import { parseLedger } from '../../shared/parse.ts';
import { CLIENT, rawLedger } from './builder.ts';
import { problemText } from '../../shared/problems.ts';
import type { Problem } from '../../shared/model.ts';

/** A problem's English message and fix (texts are written on demand, problems.ts). */
const en = (p: Problem | undefined) => (p ? problemText(p, 'en') : { message: '', fix: '' });

const codes = (problems: { code: string }[]) => problems.map((p) => p.code);

describe('columns by header', () => {
  it('finds columns by header whatever their case, spacing and order, and ignores unknown columns', () => {
    const raw = rawLedger({});
    raw['milestones '] = [
      ['my notes', 'due DATE', 'amount', 'CLIENT', 'id', 'Stage', 'Outstanding'],
      ['keep me', '2026-01-31', 100, 'acme', 'M-1', 'garbage stage', 'not a number'],
    ];
    delete raw.Milestones;
    const { ledger, problems, layout } = parseLedger(raw);
    expect(problems).toEqual([]);
    expect(ledger.milestones).toHaveLength(1);
    expect(ledger.milestones[0]).toMatchObject({
      id: 'M-1',
      client: 'Acme',
      amount: 10_000,
      dueDate: '2026-01-31',
    });
    // Computed columns (Stage, Outstanding) are never read as input.
    expect(layout.milestones?.name).toBe('milestones ');
    expect(layout.milestones?.columns).toMatchObject({
      ID: 4,
      Client: 3,
      Amount: 2,
      'Due date': 1,
      Stage: 5,
    });
  });

  it('reports a missing tab and a missing required column', () => {
    const raw = rawLedger({});
    delete raw.Milestones;
    raw.Clients = [['Name'], ['Acme']];
    const { problems } = parseLedger(raw);
    expect(problems).toContainEqual(
      expect.objectContaining({ code: 'missing_tab', tab: 'Milestones', row: null }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ code: 'missing_column', tab: 'Clients', column: 'Client' }),
    );
  });
});

describe('cells', () => {
  it.each([
    ['2026-01-30', '2026-01-30'],
    ['30/01/2026', '2026-01-30'],
    ['30.01.2026', '2026-01-30'],
    ['30/01/26', '2026-01-30'],
    [46052, '2026-01-30'],
    [46052.75, '2026-01-30'],
    [new Date(Date.UTC(2026, 0, 29, 23, 0)), '2026-01-30'], // midnight in Rome
  ])('it_IT date %o → %s', (cell, iso) => {
    const raw = rawLedger({
      settings: { Locale: 'it_IT' },
      milestones: [{ ID: 'M-1', Client: 'Acme', Amount: 1, 'Due date': cell }],
    });
    const { ledger, problems } = parseLedger(raw, { timeZone: 'Europe/Rome' });
    expect(problems).toEqual([]);
    expect(ledger.milestones[0]?.dueDate).toBe(iso);
  });

  it('reads US dates month first', () => {
    const raw = rawLedger({
      settings: { Locale: 'en_US' },
      milestones: [{ ID: 'M-1', Client: 'Acme', Amount: 1, 'Due date': '01/30/2026' }],
    });
    expect(parseLedger(raw).ledger.milestones[0]?.dueDate).toBe('2026-01-30');
  });

  it.each([
    ['it_IT', '1.234,56', 123_456],
    ['it_IT', '€ 1.234,56', 123_456],
    ['it_IT', '1234,5', 123_450],
    ['it_IT', '1234.56', 123_456],
    ['en_GB', '1,234.56', 123_456],
    ['en_GB', '€1,234', 123_400],
    ['en_GB', '1,234.56 EUR', 123_456],
    ['de_DE', '1.234,56', 123_456],
    ['fr_FR', '1 234,56', 123_456],
    ['en_GB', 1234.56, 123_456],
  ])('%s amount %o → %i minor units', (locale, cell, minor) => {
    const raw = rawLedger({
      settings: { Locale: locale },
      milestones: [{ ID: 'M-1', Client: 'Acme', Amount: cell, 'Due date': '2026-01-01' }],
    });
    const { ledger, problems } = parseLedger(raw);
    expect(problems).toEqual([]);
    expect(ledger.milestones[0]?.amount).toBe(minor);
  });

  it.each([
    ['Amount', 0, 'not_positive'],
    ['Amount', -5, 'not_positive'],
    ['Amount', 'lots', 'amount_letters'],
    // Issue 18 item 1: letters were deleted anywhere, 1e309 and 309 digits became €∞.
    ['Amount', '12k', 'amount_letters'],
    ['Amount', '150O', 'amount_letters'],
    ['Amount', '2x500', 'amount_letters'],
    ['Amount', '1e5', 'amount_exponent'],
    ['Amount', '1e309', 'amount_exponent'],
    ['Amount', '9'.repeat(309), 'amount_too_large'],
    ['Amount', 1e307, 'amount_too_large'],
    ['Amount', Infinity, 'amount_too_large'],
    ['Amount', '£1,234', 'amount_currency'],
    ['Amount', '12 50', 'bad_amount'],
    // Issue 18 item 2: Reminders split the Milestone column on , and ;.
    ['ID', 'FT-2026, lotto 4', 'id_separator'],
    ['ID', 'A;B', 'id_separator'],
    ['Amount', '1.234', 'bad_decimals'], // en_GB: three decimals of a euro cannot be
    ['Due date', '2026-02-30', 'impossible_date'],
    ['Due date', '31/04/2026', 'impossible_date'],
    ['Due date', 'next week', 'bad_date'],
    ['Due date', 0, 'bad_date'],
    ['Currency', 'EURO', 'unknown_currency'],
    ['Status', 'Maybe', 'unknown_status'],
    ['Client', 'Nobody Ltd', 'unknown_client'],
    ['Change order', 'CO-9', 'unknown_change_order'],
    ['Amount', '#REF!', 'formula_error'],
    ['Invoice', '#N/A', 'formula_error'],
    ['Due date', '#VALUE!', 'formula_error'],
    ['Amount', '#DIV/0!', 'formula_error'],
    ['Project', '#NAME?', 'formula_error'],
    ['Description', '#ERROR!', 'formula_error'],
  ])('a milestone with %s = %o is left out with %s', (column, value, code) => {
    const good = { ID: 'M-1', Client: 'Acme', Amount: 100, 'Due date': '2026-01-01' };
    const raw = rawLedger({
      milestones: [
        { ...good, [column]: value },
        { ...good, ID: 'M-2' },
      ],
    });
    const { ledger, problems } = parseLedger(raw);
    expect(ledger.milestones.map((m) => m.id)).toEqual(['M-2']);
    expect(problems).toContainEqual(
      expect.objectContaining({ code, tab: 'Milestones', row: 2, column, severity: 'error' }),
    );
    for (const p of problems) {
      expect(en(p).message.length).toBeGreaterThan(5);
      expect(en(p).fix.length).toBeGreaterThan(5);
    }
  });

  it.each([
    ['Jurisdiction', 'UK', 'unknown_jurisdiction'],
    ['Language', 'fr', 'unknown_language'],
    ['Business', 'B2G', 'unknown_business'],
    ['Risk', 'extreme', 'unknown_risk'],
    ['Terms', 'thirty', 'bad_days'],
  ])('a client with %s = %o is left out with %s, and its milestones say why', (column, value, code) => {
    const raw = rawLedger({
      clients: [{ ...CLIENT, [column]: value }],
      milestones: [{ ID: 'M-1', Client: 'Acme', Amount: 100, 'Due date': '2026-01-01' }],
    });
    const { ledger, problems } = parseLedger(raw);
    expect(ledger.clients).toEqual([]);
    expect(codes(problems)).toContain(code);
    expect(problems).toContainEqual(
      expect.objectContaining({ code: 'rejected_client', tab: 'Milestones', row: 2 }),
    );
  });
});

describe('rows and references', () => {
  it('keeps the first of duplicate IDs and clients', () => {
    const m = { Client: 'Acme', Amount: 100, 'Due date': '2026-01-01' };
    const raw = rawLedger({
      clients: [CLIENT, { ...CLIENT, Client: 'ACME ' }],
      milestones: [
        { ...m, ID: 'M-1', Amount: 1 },
        { ...m, ID: 'm-1', Amount: 2 },
      ],
    });
    const { ledger, problems } = parseLedger(raw);
    expect(ledger.clients).toHaveLength(1);
    expect(ledger.milestones).toEqual([expect.objectContaining({ id: 'M-1', amount: 100 })]);
    expect(problems.filter((p) => p.code === 'duplicate_id').map((p) => [p.tab, p.row])).toEqual([
      ['Clients', 3],
      ['Milestones', 3],
    ]);
  });

  it('skips blank rows silently and numbers rows as the sheet does', () => {
    const raw = rawLedger({
      milestones: [{}, { ID: 'M-1', Client: 'Acme', Amount: 100, 'Due date': 'bad' }],
    });
    const { problems } = parseLedger(raw);
    expect(problems).toEqual([expect.objectContaining({ code: 'bad_date', row: 3 })]);
  });

  it('checks payments and reminders against milestones', () => {
    const raw = rawLedger({
      milestones: [{ ID: 'M-1', Client: 'Acme', Amount: 100, 'Due date': '2026-01-01' }],
      payments: [
        { Date: '2026-01-05', Milestone: 'M-1', Amount: 40 },
        { Date: '2026-01-05', Milestone: 'M-9', Amount: 40 },
        { Date: '2026-01-05', Milestone: 'M-1', Amount: -1 },
      ],
      reminders: [
        { Sent: '2026-01-02', Milestone: 'M-1, m-1', Stage: 'Reminder', Channel: 'gmail' },
        { Sent: '2026-01-02', Milestone: 'M-1; M-7', Stage: 'reminder' },
        { Sent: '2026-01-02', Milestone: 'M-1', Stage: 'Shouting' },
        { Sent: '2026-01-02', Milestone: 'M-1', Stage: 'Stop work', Channel: 'pigeon' },
      ],
    });
    const { ledger, problems } = parseLedger(raw);
    expect(ledger.payments).toEqual([expect.objectContaining({ amount: 4_000, milestone: 'M-1' })]);
    expect(ledger.reminders).toEqual([
      expect.objectContaining({ milestones: ['M-1', 'M-1'], stage: 'reminder', client: 'Acme' }),
    ]);
    expect(problems.map((p) => [p.tab, p.row, p.code])).toEqual([
      ['Payments', 3, 'unknown_milestone'],
      ['Payments', 4, 'not_positive'],
      ['Reminders', 3, 'unknown_milestone'],
      ['Reminders', 4, 'unknown_stage'],
      ['Reminders', 5, 'unknown_channel'],
    ]);
  });

  it('warns about a missing contract and unsigned change orders on billed work', () => {
    const raw = rawLedger({
      clients: [{ ...CLIENT, Contract: '' }],
      changeOrders: [
        { ID: 'CO-1', Client: 'Acme', Signed: '' },
        { ID: 'CO-2', Client: 'Acme', Signed: '2026-01-01' },
      ],
      milestones: [
        {
          ID: 'M-1',
          Client: 'Acme',
          Amount: 100,
          Invoice: 'F-1',
          'Invoice date': '2026-01-01',
          'Change order': 'co-1',
        },
        {
          ID: 'M-2',
          Client: 'Acme',
          Amount: 100,
          Invoice: 'F-2',
          'Invoice date': '2026-01-01',
          'Change order': 'CO-2',
        },
        { ID: 'M-3', Client: 'Acme', Amount: 100, 'Change order': 'CO-1' }, // not billed yet
      ],
    });
    const { ledger, problems } = parseLedger(raw);
    expect(ledger.milestones).toHaveLength(3);
    expect(problems.map((p) => [p.tab, p.row, p.code, p.severity])).toEqual([
      ['Clients', 2, 'no_contract', 'warning'],
      ['Milestones', 2, 'unsigned_change_order', 'warning'],
    ]);
  });

  it('reads settings, and warns about unknown ones and bad values', () => {
    const raw = rawLedger({
      settings: {
        'Default terms': 14,
        'Statutory interest': 'off',
        'Time zone': 'Mars/Olympus',
        Colour: 'blue',
      },
    });
    const { ledger, problems } = parseLedger(raw);
    expect(ledger.settings).toMatchObject({
      defaultTerms: 14,
      statutoryInterest: false,
      timeZone: 'UTC',
      locale: 'en_GB',
    });
    expect(codes(problems)).toEqual(['unknown_setting', 'bad_setting']);
  });

  it('reads the Tax country, defaulting to the Default jurisdiction, and flags a bad one', () => {
    const read = (settings: Record<string, string>) => parseLedger(rawLedger({ settings }));
    expect(read({ 'Default jurisdiction': 'IT' }).ledger.settings.taxCountry).toBe('IT');
    expect(read({ 'Default jurisdiction': 'IT', 'Tax country': 'gb-eng' }).ledger.settings.taxCountry).toBe(
      'GB-ENG',
    );
    const bad = read({ 'Default jurisdiction': 'IT', 'Tax country': 'UK' });
    expect(bad.ledger.settings.taxCountry).toBe('IT');
    expect(bad.problems.map((p) => [p.code, en(p).fix])).toEqual([
      ['bad_setting', expect.stringContaining('GB-ENG (England)')],
    ]);
  });

  it('never reads an email it cannot use', () => {
    const raw = rawLedger({
      clients: [{ ...CLIENT, Emails: 'AP@Acme.example; @acme.example, not-an-address' }],
    });
    const { ledger, problems } = parseLedger(raw);
    expect(ledger.clients[0]?.emails).toEqual(['ap@acme.example', '@acme.example']);
    expect(codes(problems)).toEqual(['bad_email']);
  });
});
