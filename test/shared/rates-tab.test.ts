/**
 * The `Rates` tab: rows extend the built-in reference-rate table, a contradicting row wins
 * with a warning, and days no rate covers give one warning per law and period for the
 * whole ledger (PRODUCT.md, "Rates"; issue 10 item 4).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toJsonReport } from '../../shared/json-report.ts';
import { buildReport } from '../../shared/report.ts';
import { CLIENT, rawLedger } from './builder.ts';
import { problemText } from '../../shared/problems.ts';
import type { Problem } from '../../shared/model.ts';

/** A problem's English message and fix (texts are written on demand, problems.ts). */
const en = (p: Problem | undefined) => (p ? problemText(p, 'en') : { message: '', fix: '' });

/**
 * Independent of the core: day by day in floating point from the day after `due` through
 * `today`, each day at `ratePercent(day)` / 365, rounded to the cent at the end.
 */
function interestByHand(amount: number, due: string, today: string, ratePercent: (day: string) => number) {
  let total = 0;
  const day = new Date(`${due}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  for (; day.toISOString().slice(0, 10) <= today; day.setUTCDate(day.getUTCDate() + 1)) {
    total += (amount * ratePercent(day.toISOString().slice(0, 10))) / 100 / 365;
  }
  return Math.round(total * 100);
}

const IT_CLIENT = { ...CLIENT, Client: 'Rossi', Jurisdiction: 'IT', Currency: 'EUR' };
const EU_CLIENT = { ...CLIENT, Client: 'Dupont', Jurisdiction: 'EU', Currency: 'EUR' };
const GB_CLIENT = { ...CLIENT, Client: 'Smith Ltd', Jurisdiction: 'GB-ENG', Currency: 'GBP' };

describe('a Rates row extends the built-in table', () => {
  const today = '2026-10-15';
  const due = '2026-05-31';
  const milestones = [
    { ID: 'R-1', Client: 'Rossi', Amount: 10_000, 'Due date': due },
    { ID: 'D-1', Client: 'Dupont', Amount: 10_000, 'Due date': due },
  ];

  it('without a row for 2026 H2, interest stops at 30 June and says so', () => {
    const { report } = buildReport(rawLedger({ clients: [IT_CLIENT, EU_CLIENT], milestones }), today);
    const r = report.milestones.find((m) => m.id === 'R-1');
    // 30 days of June at 2.15 + 8 = 10.15 %.
    expect(r?.lateInterest).toBe(interestByHand(10_000, due, '2026-06-30', () => 10.15));
    expect(r?.lateInterest).toBe(8_342);
    expect(r?.interestThrough).toBe('2026-06-30');
    expect(toJsonReport(report).milestones.find((m) => m.id === 'R-1')?.interestThrough).toBe('2026-06-30');
  });

  it.each([
    ['IT', 'R-1', 'D-1'],
    ['EU', 'D-1', 'R-1'],
  ])('a %s row from 2026-07-01 makes the days after count, to the cent', (law, counted, other) => {
    const { report } = buildReport(
      rawLedger({
        clients: [IT_CLIENT, EU_CLIENT],
        milestones,
        rates: [{ Law: law, From: '2026-07-01', 'Reference rate': 2, Source: 'test notice' }],
      }),
      today,
    );
    const m = report.milestones.find((x) => x.id === counted);
    const expected = interestByHand(10_000, due, today, (d) => (d < '2026-07-01' ? 10.15 : 10));
    expect(expected).toBe(37_658);
    expect(m).toMatchObject({ lateInterest: expected, interestThrough: today, interestRates: [1015, 1000] });
    // The row is for its own law only.
    expect(report.milestones.find((x) => x.id === other)?.interestThrough).toBe('2026-06-30');
    const warnings = report.problems.filter((p) => p.code === 'interest_rate_unknown');
    expect(warnings).toHaveLength(1);
    expect(en(warnings[0]).message).toContain(law === 'IT' ? 'No EU reference rate' : 'No IT reference rate');
  });

  it('a row that contradicts a built-in one wins, with a warning on its row', () => {
    const { report } = buildReport(
      rawLedger({
        clients: [IT_CLIENT],
        milestones: [{ ID: 'R-1', Client: 'Rossi', Amount: 10_000, 'Due date': '2026-01-31' }],
        rates: [{ Law: 'IT', From: '2026-01-01', 'Reference rate': '2.00', Source: 'my reading' }],
      }),
      '2026-03-31',
    );
    expect(report.milestones[0]?.lateInterest).toBe(
      interestByHand(10_000, '2026-01-31', '2026-03-31', () => 10),
    );
    const warning = report.problems.find((p) => p.code === 'rate_overrides_builtin');
    expect(warning).toMatchObject({ tab: 'Rates', row: 2, column: 'Reference rate', severity: 'warning' });
    expect(en(warning).message).toContain('2.15 %');
  });

  it('a GB row for the 30 June reference date fixes the rate of debts starting in H2', () => {
    const rows = {
      clients: [GB_CLIENT],
      milestones: [{ ID: 'S-1', Client: 'Smith Ltd', Amount: 5_000, 'Due date': '2026-07-15' }],
    };
    const without = buildReport(rawLedger(rows), '2026-10-15').report;
    expect(without.milestones[0]).toMatchObject({ lateInterest: 0, interestThrough: null });
    const warning = without.problems.find((p) => p.code === 'interest_rate_unknown');
    expect(en(warning).fix).toContain('Law GB, From 2026-06-30');
    expect(en(warning).fix).toContain('Bank of England');

    const withRow = buildReport(
      rawLedger({
        ...rows,
        rates: [{ Law: 'GB', From: '2026-06-30', 'Reference rate': 3.75, Source: 'BoE' }],
      }),
      '2026-10-15',
    ).report;
    expect(withRow.milestones[0]).toMatchObject({
      lateInterest: interestByHand(5_000, '2026-07-15', '2026-10-15', () => 11.75),
      interestRates: [1175],
      interestThrough: '2026-10-15',
    });
    expect(withRow.problems.map((p) => p.code)).not.toContain('interest_rate_unknown');
  });
});

describe('days no rate covers', () => {
  it('14 affected milestones give one warning per law and period, naming the source and the row', () => {
    const milestones = [
      ...Array.from({ length: 9 }, (_, i) => ({
        ID: `IT-${i}`,
        Client: 'Rossi',
        Amount: 1_000 + i,
        'Due date': `2026-0${1 + (i % 6)}-15`,
      })),
      ...Array.from({ length: 3 }, (_, i) => ({
        ID: `EU-${i}`,
        Client: 'Dupont',
        Amount: 500,
        'Due date': '2026-03-01',
      })),
      ...Array.from({ length: 2 }, (_, i) => ({
        ID: `GB-${i}`,
        Client: 'Smith Ltd',
        Amount: 700,
        'Due date': '2026-08-01',
      })),
    ];
    const { report } = buildReport(
      rawLedger({ clients: [IT_CLIENT, EU_CLIENT, GB_CLIENT], milestones }),
      '2026-12-04',
    );
    const warnings = report.problems.filter((p) => p.code === 'interest_rate_unknown');
    expect(warnings).toHaveLength(3);
    const [eu, gb, it] = warnings;
    expect(eu).toMatchObject({ tab: 'Rates', row: null, severity: 'warning' });
    expect(en(eu).message).toContain('3 milestone(s)');
    expect(en(eu).message).toContain('to 30 June 2026');
    expect(en(eu).fix).toContain('ECB');
    expect(en(eu).fix).toContain(
      'Law EU, From 2026-07-01, Reference rate <the ECB main refinancing rate in force on 1 July 2026>',
    );
    expect(en(it).message).toContain('9 milestone(s)');
    expect(en(it).fix).toContain('Gazzetta Ufficiale');
    expect(en(it).fix).toContain('Law IT, From 2026-07-01');
    expect(en(gb).message).toContain('2 milestone(s)');
    expect(en(gb).fix).toContain('Law GB, From 2026-06-30');
    // Nothing about it on the milestones' own rows.
    expect(report.milestones.flatMap((m) => m.problems).map((p) => p.code)).not.toContain(
      'interest_rate_unknown',
    );
  });

  it('a debt spanning two missing half-years gives one warning for each', () => {
    const { report } = buildReport(
      rawLedger({
        clients: [IT_CLIENT],
        milestones: [{ ID: 'R-1', Client: 'Rossi', Amount: 100, 'Due date': '2026-06-01' }],
      }),
      '2027-02-10',
    );
    const warnings = report.problems.filter((p) => p.code === 'interest_rate_unknown');
    expect(warnings.map((w) => en(w).fix.match(/From (\d{4}-\d{2}-\d{2})/)?.[1])).toEqual([
      '2026-07-01',
      '2027-01-01',
    ]);
  });

  it('counting stops at the first uncovered day, so "to <day>" stays true even if a later rate is on file', () => {
    const { report } = buildReport(
      rawLedger({
        clients: [IT_CLIENT],
        milestones: [{ ID: 'R-1', Client: 'Rossi', Amount: 10_000, 'Due date': '2026-06-01' }],
        rates: [{ Law: 'IT', From: '2027-01-01', 'Reference rate': 2, Source: 'x' }],
      }),
      '2027-02-10',
    );
    expect(report.milestones[0]).toMatchObject({
      interestThrough: '2026-06-30',
      lateInterest: interestByHand(10_000, '2026-06-01', '2026-06-30', () => 10.15),
    });
  });
});

describe('parsing the Rates tab', () => {
  const parse = (rates: Record<string, unknown>[], locale = 'en_GB') =>
    buildReport(rawLedger({ rates, settings: { Locale: locale } }), '2026-03-31');

  it.each([
    [{ Law: 'US', From: '2026-07-01', 'Reference rate': 2 }, 'unknown_rate_law', 'Law'],
    [{ Law: 'EU', From: '2026-03-01', 'Reference rate': 2 }, 'rate_not_half_year', 'From'],
    [{ Law: 'EU', From: 'soon', 'Reference rate': 2 }, 'bad_date', 'From'],
    [{ Law: 'EU', From: '2026-07-01', 'Reference rate': 'two' }, 'bad_rate', 'Reference rate'],
    // A cell formatted as a percentage holds 2.15 % as 0.0215.
    [{ Law: 'EU', From: '2026-07-01', 'Reference rate': 0.0215 }, 'bad_rate', 'Reference rate'],
    [{ Law: 'EU', From: '2026-07-01', 'Reference rate': '' }, 'required', 'Reference rate'],
  ])('%o → %s in %s', (row, code, column) => {
    const { ledger, problems } = parse([row]);
    expect(ledger.rates).toEqual([]);
    expect(problems).toContainEqual(
      expect.objectContaining({ tab: 'Rates', row: 2, column, code, severity: 'error' }),
    );
  });

  it('reads percentages as typed, in the ledger locale, with or without %', () => {
    const { ledger, problems } = parse(
      [
        { Law: 'it', From: '01/07/2026', 'Reference rate': '2,15 %', Source: 'GU' },
        { Law: 'uk', From: '2026-06-18', 'Reference rate': 3.5 },
      ],
      'it_IT',
    );
    expect(problems.filter((p) => p.tab === 'Rates')).toEqual([]);
    expect(ledger.rates).toEqual([
      { row: 2, law: 'IT', from: '2026-07-01', referenceBp: 215, source: 'GU' },
      { row: 3, law: 'GB', from: '2026-06-18', referenceBp: 350, source: '' },
    ]);
  });

  it('warns on a rate below 1 % typed as a number (a percentage-formatted cell?)', () => {
    const { ledger, problems } = parse([{ Law: 'EU', From: '2026-07-01', 'Reference rate': 0.25 }]);
    expect(ledger.rates[0]?.referenceBp).toBe(25);
    expect(problems.map((p) => p.code)).toContain('rate_looks_like_fraction');
  });

  it('never throws on garbage, and keeps only whole basis points on valid dates (property)', () => {
    const cell = fc.oneof(
      fc.string(),
      fc.double(),
      fc.integer(),
      fc.constantFrom('EU', 'IT', 'GB', 'uk', '2026-07-01', '2026-02-30', '#REF!', '2,15 %', '', null),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell, cell, cell), { maxLength: 8 }), (rows) => {
        const rates = rows.map(([Law, From, rate, Source]) => ({
          Law,
          From,
          'Reference rate': rate,
          Source,
        }));
        const { ledger, report } = buildReport(
          rawLedger({
            rates,
            milestones: [{ ID: 'M-1', Client: 'Acme', Amount: 1000, 'Due date': '2026-05-31' }],
          }),
          '2026-12-04',
        );
        for (const r of ledger.rates) {
          expect(Number.isInteger(r.referenceBp)).toBe(true);
          if (r.law !== 'GB') expect(r.from).toMatch(/-(01|07)-01$/);
        }
        expect(Number.isInteger(report.milestones[0]?.lateInterest)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('a ledger without a Rates tab has no problem about it', () => {
    const { ledger, problems } = buildReport(rawLedger({}), '2026-03-31');
    expect(ledger.rates).toEqual([]);
    expect(problems.filter((p) => p.tab === 'Rates')).toEqual([]);
  });
});
