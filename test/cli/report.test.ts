import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../cli/sources/csv.ts';
import { run } from '../../cli/main.ts';
import { demoLedger } from '../../shared/demo.ts';

function io(isTty = false) {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: {
      stdout: (s: string) => void (out.stdout += s),
      stderr: (s: string) => void (out.stderr += s),
      isTty,
      env: {},
      now: () => new Date('2026-11-30T10:00:00Z'),
    },
  };
}

const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Writes a raw ledger as the CSV folder File → Download → CSV produces. */
function writeCsvLedger(raw: Record<string, unknown[][]>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'payladder-csv-'));
  for (const [tab, rows] of Object.entries(raw)) {
    writeFileSync(
      path.join(dir, `${tab}.csv`),
      rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n',
    );
  }
  return dir;
}

describe('parseCsv', () => {
  it('reads quotes, doubled quotes, newlines in fields, CRLF and a BOM', () => {
    expect(parseCsv('\ufeffa,"b,c","say ""hi""\nthere"\r\n1,,3\n')).toEqual([
      ['a', 'b,c', 'say "hi"\nthere'],
      ['1', '', '3'],
    ]);
  });
});

describe('payladder report', () => {
  it('prints the demo report with no argument, grouped by urgency, with problems', async () => {
    const { out, io: streams } = io();
    expect(await run([], streams)).toBe(0);
    expect(out.stdout).toContain('Payladder demo ledger — 2026-11-30');
    expect(out.stdout).toContain('Action due today');
    expect(out.stdout).toMatch(/EUR\s+outstanding/);
    expect(out.stdout).toContain('Milestones row 37, ID:');
    expect(out.stdout).not.toContain('\x1b['); // no colour when not a TTY
  });

  it('colours only on a TTY', async () => {
    const { out, io: streams } = io(true);
    await run([], streams);
    expect(out.stdout).toContain('\x1b[');
  });

  it('reads a folder of CSV exports and matches the demo JSON exactly', async () => {
    const today = '2026-11-30';
    const dir = writeCsvLedger(demoLedger(today) as Record<string, unknown[][]>);
    const fromCsv = io();
    expect(await run(['--ledger', dir, '--today', today, '--json'], fromCsv.io)).toBe(0);
    const fromDemo = io();
    expect(await run(['--today', today, '--json'], fromDemo.io)).toBe(0);
    expect(JSON.parse(fromCsv.out.stdout)).toEqual(JSON.parse(fromDemo.out.stdout));
  });

  it('reads Rates.csv: interest runs past the built-in table, with no rate warning left', async () => {
    const today = '2026-11-30';
    const demo = demoLedger(today) as Record<string, unknown[][]>;
    const without = io();
    await run(['--ledger', writeCsvLedger(demo), '--today', today, '--json'], without.io);
    const before = JSON.parse(without.out.stdout);
    const vr2 = before.milestones.find((m: { id: string }) => m.id === 'VR-2');
    expect(vr2.interestThrough).toBe('2026-06-30');
    const rateWarnings = (doc: { problems: { code: string }[] }) =>
      doc.problems.filter((p) => p.code === 'interest_rate_unknown').length;
    expect(rateWarnings(before)).toBe(3);

    const rates = [
      ['Law', 'From', 'Reference rate', 'Source'],
      ['IT', '2026-07-01', '2.15', 'test'],
      ['EU', '2026-07-01', '2.15', 'test'],
      ['GB', '2026-06-30', '3.75', 'test'],
    ];
    const withRates = io();
    await run(
      ['--ledger', writeCsvLedger({ ...demo, Rates: rates }), '--today', today, '--json'],
      withRates.io,
    );
    const after = JSON.parse(withRates.out.stdout);
    const vr2After = after.milestones.find((m: { id: string }) => m.id === 'VR-2');
    expect(vr2After.interestThrough).toBe(today);
    expect(vr2After.lateInterest).toBeGreaterThan(vr2.lateInterest);
    expect(rateWarnings(after)).toBe(0);
  });

  it('prints exactly one JSON document with the documented fields', async () => {
    const { out, io: streams } = io();
    expect(await run(['--json', '--today', '2026-11-30'], streams)).toBe(0);
    const doc = JSON.parse(out.stdout);
    expect(doc.today).toBe('2026-11-30');
    const nw1 = doc.milestones.find((m: { id: string }) => m.id === 'NW-1');
    expect(nw1).toMatchObject({
      client: 'Northwind Analytics Ltd',
      currency: 'GBP',
      amount: 12000,
      paid: 0,
      outstanding: 12000,
      stage: 'small_claims',
      nextAction: { stage: 'small_claims', on: '2026-11-30' },
      compensation: 100,
      smallClaims: { limit: 10000, fits: false },
    });
    expect(nw1.lateInterest).toBeGreaterThan(0);
    for (const key of [
      'id',
      'client',
      'currency',
      'amount',
      'paid',
      'outstanding',
      'dueDate',
      'daysOverdue',
      'stage',
      'nextAction',
      'lateInterest',
      'interestThrough',
      'compensation',
      'compensationCurrency',
      'smallClaims',
    ]) {
      expect(nw1).toHaveProperty(key);
    }
    expect(doc.clients[0]).toHaveProperty('worstStage');
    expect(doc.clients[0]).toHaveProperty('avgDaysLate');
    expect(doc.clients[0]).toHaveProperty('onTimeShare');
    expect(Object.keys(doc.totals).sort()).toEqual(['EUR', 'GBP', 'USD']);
    expect(doc.totals.EUR.aging).toEqual(
      expect.objectContaining({
        current: expect.any(Number),
        '1-30': expect.any(Number),
        '90+': expect.any(Number),
      }),
    );
    expect(doc.problems[0]).toEqual(
      expect.objectContaining({
        tab: expect.any(String),
        row: expect.anything(),
        severity: expect.any(String),
        message: expect.any(String),
      }),
    );
  });

  it('filters by client, case-insensitively', async () => {
    const { out, io: streams } = io();
    expect(await run(['--json', '--client', 'glenmore distillery'], streams)).toBe(0);
    const doc = JSON.parse(out.stdout);
    expect(new Set(doc.milestones.map((m: { client: string }) => m.client))).toEqual(
      new Set(['Glenmore Distillery']),
    );
  });

  it.each([
    [['--today', '2026-13-01'], /--today wants a date/],
    [['--ledger', 'a', '--sheet', 'b'], /not both/],
    [['--frobnicate'], /Unknown option/],
    [['--client', 'Nobody'], /No client named "Nobody"/],
    [['--ledger', '/nonexistent/folder'], /Cannot read the ledger folder/],
  ])('exits 2 with one clear line for %j', async (args, message) => {
    const { out, io: streams } = io();
    expect(await run(args, streams)).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(message);
    expect(out.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('exits 2 for a folder with no ledger CSVs', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'payladder-empty-'));
    mkdirSync(path.join(dir, 'sub'));
    const { out, io: streams } = io();
    expect(await run(['--ledger', dir], streams)).toBe(2);
    expect(out.stderr).toMatch(/No ledger CSV files/);
  });

  it('reports problems but still exits 0 for a bad ledger', async () => {
    const dir = writeCsvLedger({
      Clients: [
        ['Client', 'Currency'],
        ['Acme', 'EUR'],
      ],
      Milestones: [
        ['ID', 'Client', 'Amount', 'Due date'],
        ['M-1', 'Acme', 'abc', '2026-01-01'],
        ['M-2', 'Acme', '10', '2026-11-01'],
      ],
    });
    const { out, io: streams } = io();
    expect(await run(['--ledger', dir, '--today', '2026-11-30', '--json'], streams)).toBe(0);
    const doc = JSON.parse(out.stdout);
    expect(doc.milestones.map((m: { id: string }) => m.id)).toEqual(['M-2']);
    expect(doc.problems).toContainEqual(
      expect.objectContaining({ tab: 'Milestones', row: 2, column: 'Amount', severity: 'error' }),
    );
  });
});
