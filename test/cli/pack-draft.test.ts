import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCsvLedger } from './csv-ledger.ts';
import { packPaths } from '../../cli/commands.ts';
import { parseCommand, run } from '../../cli/main.ts';
import { parseCsv } from '../../cli/sources/csv.ts';
import { CHASING_CSV_HEADERS, demoLedger, STATEMENT_CSV_HEADERS } from '../../shared/index.ts';

function io() {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: {
      stdout: (s: string) => void (out.stdout += s),
      stderr: (s: string) => void (out.stderr += s),
      isTty: false,
      env: {},
      now: () => new Date('2026-11-30T10:00:00Z'),
    },
  };
}

const tmp = () => mkdtempSync(path.join(tmpdir(), 'payladder-pack-'));

describe('parseCommand', () => {
  it.each([
    [[], 'report', []],
    [['--json'], 'report', ['--json']],
    [['pack', '--client', 'X'], 'pack', ['--client', 'X']],
    [['draft'], 'draft', []],
    [['report', '--json'], 'report', ['--json']],
  ])('%j → %s %j', (argv, command, rest) => expect(parseCommand(argv)).toEqual({ command, rest }));
});

describe('packPaths', () => {
  it.each([
    ['out/acme', 'out/acme'],
    ['acme.html', 'acme'],
    ['acme.HTM', 'acme'],
    ['acme.csv', 'acme'],
    ['acme.v2', 'acme.v2'],
  ])('--out %s → %s.html, -notes.html, -statement.csv, -chasing.csv', (out, base) =>
    expect(packPaths(out)).toEqual({
      html: `${base}.html`,
      notes: `${base}-notes.html`,
      statement: `${base}-statement.csv`,
      chasing: `${base}-chasing.csv`,
    }),
  );
});

describe('payladder pack', () => {
  it('writes the pack, its notes file and the two CSVs beside it, from the demo ledger', async () => {
    const dir = tmp();
    const { out, io: streams } = io();
    const file = path.join(dir, 'northwind');
    expect(await run(['pack', '--client', 'northwind analytics ltd', '--out', file], streams)).toBe(0);
    expect(out.stderr).toBe('');
    expect(out.stdout).toContain('Documentation pack for Northwind Analytics Ltd as of 2026-11-30');
    expect(out.stdout).toContain(`Wrote ${file}.html`);
    const html = readFileSync(`${file}.html`, 'utf8');
    expect(html).toContain('<h1>Documentation pack: Northwind Analytics Ltd</h1>');
    expect(readFileSync(`${file}-notes.html`, 'utf8')).toContain('<h2>Bad debt and tax</h2>');
    expect(parseCsv(readFileSync(`${file}-statement.csv`, 'utf8'))[0]).toEqual([...STATEMENT_CSV_HEADERS]);
    const chasing = parseCsv(readFileSync(`${file}-chasing.csv`, 'utf8'));
    expect(chasing[0]).toEqual([...CHASING_CSV_HEADERS]);
    expect(chasing.filter((r) => r[1] === 'message')).toHaveLength(9);
  });

  it('writes an Italian pack for an Italian client (the issue 13 "done when")', async () => {
    const dir = tmp();
    const { out, io: streams } = io();
    const file = path.join(dir, 'bianchi');
    expect(await run(['pack', '--client', 'Studio Bianchi Architetti', '--out', file], streams)).toBe(0);
    expect(out.stdout).toContain('(Italian)');
    const html = readFileSync(`${file}.html`, 'utf8');
    expect(html).toContain('<h1>Fascicolo documentale: Studio Bianchi Architetti</h1>');
    for (const f of ['-notes.html', '-statement.csv', '-chasing.csv'])
      expect(existsSync(`${file}${f}`)).toBe(true);
  });

  it('reads a CSV ledger with --ledger and honours --today; --out FILE.csv names the files FILE…', async () => {
    const ledgerDir = writeCsvLedger(demoLedger('2026-06-30') as Record<string, unknown[][]>);
    const dir = tmp();
    const { out, io: streams } = io();
    const args = ['pack', '--client', 'Glenmore Distillery', '--ledger', ledgerDir, '--today', '2026-06-30'];
    expect(await run([...args, '--out', path.join(dir, 'g.csv')], streams)).toBe(0);
    expect(existsSync(path.join(dir, 'g-statement.csv'))).toBe(true);
    expect(readFileSync(path.join(dir, 'g.html'), 'utf8')).toContain('As of 30 June 2026');
    expect(out.stdout).toContain('as of 2026-06-30');
  });

  it('writes through io.writeFile when given', async () => {
    const files: Record<string, string> = {};
    const { io: streams } = io();
    const code = await run(['pack', '--client', 'Giorgio Rossi', '--out', 'mem.html'], {
      ...streams,
      writeFile: async (f: string, d: string) => void (files[f] = d),
    });
    expect(code).toBe(0);
    expect(Object.keys(files)).toEqual([
      'mem.html',
      'mem-notes.html',
      'mem-statement.csv',
      'mem-chasing.csv',
    ]);
  });

  it.each([
    [['pack', '--out', 'x'], /pack needs --client NAME/],
    [['pack', '--client', 'Giorgio Rossi'], /pack needs --out FILE/],
    [['pack', '--client', 'Nobody', '--out', 'x'], /No client named "Nobody"/],
    [
      ['pack', '--client', 'Giorgio Rossi', '--out', '/nonexistent/dir/x'],
      /Cannot write \/nonexistent\/dir\/x.html/,
    ],
    [['pack', '--client', 'Giorgio Rossi', '--out', 'x', '--json'], /Unknown option '--json'/],
    [['pack', '--client', 'Giorgio Rossi', '--out', 'x', '--today', 'soon'], /--today wants a date/],
    [['--out', 'x'], /Unknown option '--out'/],
  ])('exits 2 with one line for %j', async (args, message) => {
    const { out, io: streams } = io();
    expect(await run(args, streams)).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(message);
    expect(out.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('payladder draft', () => {
  it('prints the recommended message: To, Subject and the plain-text body', async () => {
    const { out, io: streams } = io();
    expect(await run(['draft', '--client', 'Kestrel Media GmbH'], streams)).toBe(0);
    expect(out.stdout).toMatch(
      /^To: rechnungen@kestrel\.example\.de\nSubject: Follow-up: overdue payment for KM-88, KM-93\n\nHi Jonas,\n/,
    );
    expect(out.stdout).toContain('Total outstanding: €4,400.00.');
    expect(out.stderr).toBe('');
  });

  it('writes Italian for an Italian client', async () => {
    const { out, io: streams } = io();
    expect(await run(['draft', '--client', 'Giorgio Rossi'], streams)).toBe(0);
    expect(out.stdout).toContain('Subject: Sollecito di pagamento: FT-2026-080');
  });

  it('advises how to send a formal letter, and says when the message is already drafted', async () => {
    const vento = io();
    expect(await run(['draft', '--client', 'Vento Rosso S.r.l.', '--message', 'demand'], vento.io)).toBe(0);
    expect(vento.out.stdout).toContain("Oggetto: messa in mora ai sensi dell'art. 1219 c.c.");
    expect(vento.out.stderr).toMatch(/note: Send it by PEC .*raccomandata A\/R/);
    const bianchi = io();
    expect(await run(['draft', '--client', 'Studio Bianchi Architetti'], bianchi.io)).toBe(0);
    expect(bianchi.out.stderr).toMatch(/drafted on \d{4}-\d{2}-\d{2} and is not confirmed sent/);
  });

  it('--message picks another message; --html prints the HTML body', async () => {
    const { out, io: streams } = io();
    expect(
      await run(['draft', '--client', 'Northwind Analytics Ltd', '--message', 'demand', '--html'], streams),
    ).toBe(0);
    expect(out.stdout).toContain(
      'Subject: Letter before claim: INV-1041, INV-1052, INV-1063, INV-1070 (£20,882.60)',
    );
    expect(out.stdout).toContain('<ul><li>Principal: £19,800.00</li>');
  });

  it('--json prints the composed message', async () => {
    const { out, io: streams } = io();
    expect(await run(['draft', '--client', 'Maison Lumière SARL', '--json'], streams)).toBe(0);
    const doc = JSON.parse(out.stdout);
    expect(doc).toMatchObject({
      messageId: 'final',
      client: 'Maison Lumière SARL',
      milestones: ['ML-1'],
      problems: [],
    });
    expect(doc.html).toContain('<p>Dear Camille,</p>');
  });

  it('says when nothing is due, and how to draft anyway', async () => {
    const { out, io: streams } = io();
    expect(await run(['draft', '--client', 'Belfast Print Works'], streams)).toBe(0);
    expect(out.stdout).toBe(
      'Nothing is due for Belfast Print Works today. Next: Reminder on 2026-12-02. Use --message ID to draft one anyway.\n',
    );
  });

  it('prints template problems on stderr and the message anyway', async () => {
    const raw = demoLedger('2026-11-30') as Record<string, unknown[][]>;
    raw.Templates = [
      ['Stage', 'Language', 'Subject', 'Body'],
      ['followup', 'en', 'Chasing {{invoice}}', 'Hi {{contakt}}'],
    ];
    const dir = writeCsvLedger(raw);
    const { out, io: streams } = io();
    expect(
      await run(
        ['draft', '--client', 'Kestrel Media GmbH', '--ledger', dir, '--today', '2026-11-30'],
        streams,
      ),
    ).toBe(0);
    expect(out.stderr).toMatch(/^payladder: error Templates row 2, Body: "\{\{contakt\}\}"/);
    expect(out.stdout).toContain('Subject: Follow-up: overdue payment for KM-88, KM-93');
  });

  it.each([
    [['draft'], /draft needs --client NAME/],
    [['draft', '--client', 'Kestrel Media GmbH', '--message', 'thanks'], /"thanks" is not a message/],
    [['draft', '--client', 'Kestrel Media GmbH', '--html', '--json'], /--html or --json, not both/],
    [['draft', '--client', 'Kestrel Media GmbH', '--out', 'x'], /Unknown option '--out'/],
  ])('exits 2 with one line for %j', async (args, message) => {
    const { out, io: streams } = io();
    expect(await run(args, streams)).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(message);
    expect(out.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('--help prints the usage with both commands', async () => {
    const { out, io: streams } = io();
    expect(await run(['draft', '--help'], streams)).toBe(0);
    expect(out.stdout).toContain('payladder pack --client NAME');
    expect(out.stdout).toContain('payladder draft --client NAME');
  });
});
