import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCsvLedger } from './csv-ledger.ts';
import { LedgerReadError, parseCsv } from '../../cli/sources/csv.ts';
import { run } from '../../cli/main.ts';
import { demoLedger } from '../../shared/demo.ts';
import { buildReport } from '../../shared/report.ts';
import { CLIENT, rawLedger } from '../shared/builder.ts';
import { formatReport, PLAIN } from '../../cli/report-table.ts';

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

describe('parseCsv', () => {
  it('reads quotes, doubled quotes, newlines in fields, CRLF and a BOM', () => {
    expect(parseCsv('\ufeffa,"b,c","say ""hi""\nthere"\r\n1,,3\n')).toEqual([
      ['a', 'b,c', 'say "hi"\nthere'],
      ['1', '', '3'],
    ]);
  });
});

describe('parseCsv (csv-parse)', () => {
  it('reads mixed line endings and keeps blank lines as rows, so row numbers match the sheet', () => {
    expect(parseCsv('a,b\r\n1,2\n\n3,4\r5,6')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      [''],
      ['3', '4'],
      ['5', '6'],
    ]);
  });

  // Issue 18 item 3: an unclosed quote swallowed the rest of the file into one cell, no problem.
  it('refuses an unclosed quote, naming the file and the line where the bad row starts', () => {
    const text = 'Client,Emails\nAcme,a@acme.example\n"Beta,b@beta.example\nGamma,g@gamma.example\n';
    expect(() => parseCsv(text, 'ledger/Clients.csv')).toThrow(LedgerReadError);
    expect(() => parseCsv(text, 'ledger/Clients.csv')).toThrow(
      /^ledger\/Clients\.csv, line 3: .*closing quote/,
    );
  });

  it('names the line of other malformed CSV', () => {
    expect(() => parseCsv('a,b\n"1"x,2\n', 'T.csv')).toThrow(/^T\.csv, line 2: not valid CSV/);
  });
});

describe('ledger text on the terminal (issue 18 item 7)', () => {
  // A shared ledger's cells reached the terminal raw: an OSC 8 link, a CSI erase line.
  const OSC8 = '\x1b]8;;https://evil.example/pay\x1b\\Acme\x1b]8;;\x1b\\';
  const ERASE = '\x1b[2K\x1b[1A';
  const NAME = `${OSC8} Srl${ERASE}\u009b2J\x07`;
  const today = '2026-11-30';
  const dir = () =>
    writeCsvLedger(
      rawLedger({
        clients: [{ ...CLIENT, Client: NAME, Notes: 'x' }],
        milestones: [
          { ID: 'M-1', Client: NAME, Amount: 100, 'Due date': '2026-10-01', Description: `Site${ERASE}` },
          { ID: 'M-2', Client: NAME, Amount: `12${ERASE}`, 'Due date': '2026-10-01' },
        ],
      }) as Record<string, unknown[][]>,
    );
  /** What is left once the CLI's own colours (SGR) are taken out: no control character. */
  const controls = (s: string) =>
    // eslint-disable-next-line no-control-regex -- looking for control characters
    s.replace(/\x1b\[[0-9;]*m/g, '').match(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g) ?? [];

  it('the report shows escape sequences in cells and problems, and keeps its own colours', async () => {
    const { out, io: streams } = io(true);
    expect(await run(['--ledger', dir(), '--today', today], streams)).toBe(0);
    expect(out.stdout).toContain('\x1b[1m'); // its own bold
    expect(controls(out.stdout)).toEqual([]);
    expect(out.stdout).toContain('␛]8;;https://evil'); // the client, cut to its column
    expect(out.stdout).toContain('"12␛[2K␛[1A" in Amount'); // the problem quotes the cell
  });

  it('draft and pack print the name made visible; --json keeps the data and escapes C1', async () => {
    const real = io(true);
    const code = await run(
      ['draft', '--ledger', dir(), '--today', today, '--client', NAME, '--message', 'reminder'],
      real.io,
    );
    expect(code).toBe(0);
    expect(controls(real.out.stdout + real.out.stderr)).toEqual([]);
    expect(real.out.stdout).toContain('- M-1, Site␛[2K␛[1A'); // line breaks kept, escapes shown

    const pack = io(true);
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'payladder-pack-')), 'acme');
    expect(
      await run(['pack', '--ledger', dir(), '--today', today, '--client', NAME, '--out', out], pack.io),
    ).toBe(0);
    expect(controls(pack.out.stdout)).toEqual([]);
    expect(pack.out.stdout).toContain('Documentation pack for ␛]8;;https://evil.example/pay␛\\Acme');

    const json = io(true);
    expect(await run(['--ledger', dir(), '--today', today, '--json'], json.io)).toBe(0);
    expect(controls(json.out.stdout)).toEqual([]);
    expect(JSON.parse(json.out.stdout).clients[0].client).toBe(NAME);
  });
});

describe('payladder report', () => {
  // Issue 18 item 6: Math.max(...cells) threw "Maximum call stack size exceeded" at 200,000.
  it('prints a ledger of 200,000 milestones', () => {
    const today = '2026-11-30';
    const { report } = buildReport(demoLedger(today), today);
    // All in one group (due, in no message of today), as a real backlog would be: one table of 200,000.
    const model = report.milestones.filter((m) => m.nextAction !== null && m.nextAction.on <= today);
    const many = Array.from({ length: 200_000 }, (_, i) => {
      const m = model[i % model.length]!;
      return { ...m, id: `${m.id}-${i}`, row: i + 2 };
    });
    const text = formatReport({ ...report, milestones: many }, 'en_US', PLAIN, 'big');
    const rows = text.split('\n').filter((l) => /^\S.*\s{2}\S/.test(l) && !/^(Client|EUR|GBP|USD)/.test(l));
    expect(text).toContain('Due, waiting for a later message (200000)');
    expect(rows.length).toBeGreaterThanOrEqual(200_000);
  });

  it('exits 2 with the file and line when a CSV ledger has an unclosed quote', async () => {
    const today = '2026-11-30';
    const dir = writeCsvLedger(demoLedger(today) as Record<string, unknown[][]>);
    const file = path.join(dir, 'Clients.csv');
    const lines = readFileSync(file, 'utf8').split('\r\n');
    lines[3] = `"${lines[3]}`;
    writeFileSync(file, lines.join('\r\n'));
    const { out, io: streams } = io();
    expect(await run(['--ledger', dir, '--today', today], streams)).toBe(2);
    expect(out.stdout).toBe('');
    // Where the stray quote meets a later quote the parser names that line; either way the
    // file, a line and the quote are named, and nothing is read from the broken file.
    expect(out.stderr).toMatch(
      new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, line \\d+: .*[Qq]uote`),
    );
  });

  it('prints the demo report with no argument, grouped by urgency, with problems', async () => {
    const { out, io: streams } = io();
    expect(await run([], streams)).toBe(0);
    expect(out.stdout).toContain('Payladder demo ledger — 2026-11-30');
    expect(out.stdout).toContain("In today's messages and drafts");
    expect(out.stdout).toMatch(/EUR\s+outstanding/);
    expect(out.stdout).toContain('Milestones row 38, ID:');
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
      // The demand went out on 16 October; 14 days' notice to a company ended on 30 October.
      nextAction: { stage: 'small_claims', on: '2026-10-30' },
      lastSent: { stage: 'demand', on: '2026-10-16' },
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
