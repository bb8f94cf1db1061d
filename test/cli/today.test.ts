/**
 * Issue 12, the terminal: the report opens with today's work in the user's terms (the count
 * the popup and the sidebar show, from shared/today.ts), lists every milestone once with only
 * the columns that say something about it, shows closed rows as closed, names invoices by
 * their numbers; `--client` takes a unique prefix and suggests names; `draft --all` prints
 * every message due today.
 */
import { describe, expect, it } from 'vitest';
import { editDistance, findClient, suggestClients } from '../../cli/clients.ts';
import { run } from '../../cli/main.ts';
import {
  addDays,
  buildReport,
  DEMO_SHEET,
  demoLedger,
  todayHeadline,
  todayWork,
} from '../../shared/index.ts';
import { CLIENT, rawLedger } from '../shared/builder.ts';
import { writeCsvLedger } from './csv-ledger.ts';

const TODAY = '2026-11-30';
const d = (n: number) => addDays(TODAY, n);

async function cli(args: string[]) {
  const out = { stdout: '', stderr: '', code: -1 };
  out.code = await run(args, {
    stdout: (s: string) => void (out.stdout += s),
    stderr: (s: string) => void (out.stderr += s),
    isTty: false,
    env: {},
    now: () => new Date(`${TODAY}T10:00:00Z`),
  });
  return out;
}

/** The report's section that starts with `heading`, up to the next blank line. */
function section(text: string, heading: string): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith(heading));
  expect(start, `section "${heading}"`).toBeGreaterThanOrEqual(0);
  const end = lines.indexOf('', start);
  return lines.slice(start, end === -1 ? undefined : end);
}

const demo = () => buildReport(demoLedger(TODAY), TODAY, DEMO_SHEET).report;

describe('the report: today first, in the words every surface uses', () => {
  it('opens with the headline of shared todayWork, then one line per message with its invoice numbers', async () => {
    const work = todayWork(demo());
    expect(work.messages.length).toBeGreaterThan(3);
    expect(work.drafts.length).toBeGreaterThan(0);
    const { stdout, code } = await cli(['--today', TODAY]);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[1]).toBe(`Today: ${todayHeadline(work, 'en')}`);
    expect(lines[1]).toMatch(/^Today: \d+ messages to send and \d+ drafts? to confirm$/);

    const messages = section(stdout, 'Messages to send').slice(2);
    expect(messages).toHaveLength(work.messages.length);
    for (const [i, t] of work.messages.entries()) {
      expect(messages[i]).toContain(t.client);
      expect(messages[i]).toContain(t.invoices.join(', '));
    }
    // Kestrel's one message covers two invoices: one line, both numbers.
    expect(messages.filter((l) => l.startsWith('Kestrel Media GmbH'))).toEqual([
      expect.stringMatching(/Follow-up\s+KM-88, KM-93\s+€4,400\.00$/),
    ]);
    const drafts = section(stdout, 'Drafts to confirm').slice(2);
    expect(drafts).toHaveLength(work.drafts.length);
    expect(drafts[0]).toMatch(
      /^Studio Bianchi Architetti\s+Stop work\s+FT-2026-058\s+€2,200\.00\s+\d{4}-\d\d-\d\d$/,
    );
  });

  it('lists a promise due today to check, with the amount promised', async () => {
    const raw = rawLedger({
      clients: [CLIENT],
      milestones: [{ ID: 'A-1', Client: 'Acme', Amount: 900, Invoice: 'INV-9', 'Due date': d(-20) }],
    });
    raw.Promises = [
      ['Date', 'Milestone', 'Client', 'Amount', 'Promised by', 'Source', 'Note'],
      [d(-3), 'A-1', 'Acme', '400', TODAY, '', ''],
    ];
    const { stdout } = await cli(['--ledger', writeCsvLedger(raw), '--today', TODAY]);
    expect(stdout.split('\n')[1]).toBe('Today: 1 promise to check');
    expect(section(stdout, 'Promises to check (1)').slice(1)).toEqual([
      expect.stringMatching(/^Client\s+Invoice\s+Promised\s+By$/),
      expect.stringMatching(new RegExp(`^Acme\\s+INV-9\\s+€400\\.00\\s+${TODAY}$`)),
    ]);
    // Chasing is paused meanwhile, and the report says so.
    expect(section(stdout, 'Paused (1)')[2]).toMatch(
      /^Acme\s+INV-9\s+€900\.00\s+20\s+Promised: €400\.00 by 2026-11-30$/,
    );
  });

  it('says so plainly on a day with nothing to do', async () => {
    const raw = rawLedger({
      clients: [CLIENT],
      milestones: [{ ID: 'A-1', Client: 'Acme', Amount: 100, Invoice: 'INV-1', 'Due date': d(40) }],
    });
    const { stdout } = await cli(['--ledger', writeCsvLedger(raw), '--today', TODAY]);
    expect(stdout.split('\n')[1]).toBe('Nothing to do today');
    expect(stdout).not.toContain('Messages to send');
  });
});

describe('the report: every column earns its place', () => {
  it('has no Stage beside a Next action saying the same, and no unexplained marker', async () => {
    const { stdout } = await cli(['--today', TODAY]);
    expect(stdout).not.toContain('←');
    const headers = stdout.split('\n').filter((l) => l.startsWith('Client '));
    expect(headers.length).toBeGreaterThanOrEqual(6);
    for (const h of headers) {
      const titles = h.trim().split(/\s{2,}/);
      expect(new Set(titles).size, h).toBe(titles.length);
      // One column at most says where the row stands; "Last sent" and "Next step" are past and future.
      expect(
        titles.filter((t) => /^(Stage|Step due|Status|Message|Next action)$/.test(t)).length,
        h,
      ).toBeLessThanOrEqual(1);
      expect(titles, h).not.toContain('Milestone');
    }
  });

  it('names milestones by invoice number wherever they have one', async () => {
    const report = demo();
    const { stdout } = await cli(['--today', TODAY]);
    const tables = stdout.slice(0, stdout.indexOf('\nTotals'));
    for (const m of report.milestones) {
      const id = new RegExp(`(^|\\s)${m.id.replace(/[/-]/g, '\\$&')}(,|\\s|$)`, 'm');
      if (m.invoice !== '') {
        expect(tables, m.id).not.toMatch(id);
        expect(tables, m.id).toContain(m.invoice);
      } else expect(tables, m.id).toMatch(id); // a payment-plan instalment before its invoice
    }
  });

  it('shows closed rows as closed: what was invoiced and how it ended, never days late or an amount owed', async () => {
    const { stdout } = await cli(['--today', TODAY]);
    const closed = section(stdout, 'Closed (');
    expect(closed[0]).toBe('Closed (9): nothing owed on these');
    expect(closed[1]).toMatch(/^Client\s+Invoice\s+Amount\s+Status$/);
    const row = (invoice: string) => closed.find((l) => l.includes(` ${invoice} `)) ?? '';
    expect(row('LD-001')).toMatch(/US\$3,000\.00\s+Written off: US\$3,000\.00 unpaid$/);
    expect(row('FT-2026-012')).toMatch(/€7,400\.00\s+Renegotiated: replaced by a payment plan$/);
    expect(row('KM-89')).toMatch(/€2,000\.00\s+Cancelled$/);
    expect(row('INV-1030')).toMatch(/£950\.00\s+Paid on \d{4}-\d\d-\d\d$/);
    // No other group lists them, and none of them shows a count of days.
    for (const line of closed.slice(2)) expect(line).not.toMatch(/\s\d{1,3}\s/);
    for (const invoice of ['LD-001', 'FT-2026-012', 'KM-89', 'INV-1030'])
      expect(stdout.split(` ${invoice} `)).toHaveLength(2);
  });

  it('shows disputed, on-hold and promised milestones as paused, still owed', async () => {
    const { stdout } = await cli(['--today', TODAY]);
    const paused = section(stdout, 'Paused (');
    expect(paused[0]).toBe('Paused (3): no reminder goes out');
    expect(paused.find((l) => l.includes('GD-0009'))).toMatch(/£4,500\.00\s+\d+\s+Disputed$/);
    expect(paused.find((l) => l.includes('LD-005'))).toMatch(/US\$1,200\.00\s+\d+\s+On hold$/);
    expect(paused.find((l) => l.includes('HP-2026-18'))).toMatch(
      /Promised: US\$1,000\.00 by \d{4}-\d\d-\d\d$/,
    );
  });

  it('names the courtesy note as a step, not "Due soon on <date>", and says when not invoiced', async () => {
    const { stdout } = await cli(['--today', TODAY]);
    const notDue = section(stdout, 'Not yet due (');
    expect(notDue.join('\n')).not.toContain('Due soon');
    expect(notDue.find((l) => l.startsWith('Giorgio Rossi'))).toMatch(
      /FT-2026-086\s+€280\.00\s+\d{4}-\d\d-\d\d\s+Courtesy note on \d{4}-\d\d-\d\d$/,
    );
    expect(notDue.find((l) => l.includes('HP-5'))).toMatch(/US\$4,000\.00\s+not invoiced$/);
  });
});

describe('the report in Italian', () => {
  it('--lang it: the headline, headings, columns, statuses and amounts in Italian', async () => {
    const { stdout, code } = await cli(['--today', TODAY, '--lang', 'it']);
    expect(code).toBe(0);
    expect(stdout.split('\n')[1]).toBe(`Oggi: ${todayHeadline(todayWork(demo()), 'it')}`);
    expect(stdout).toMatch(/^Cliente\s+Messaggio\s+Fatture\s+Scaduto$/m);
    expect(stdout).toMatch(/^Northwind Analytics Ltd\s+Azione legale\s+INV-1041\s+12\.000,00\s£$/m);
    expect(stdout).toContain('Chiusi (9): niente da incassare');
    expect(stdout).toMatch(/LD-001\s+3\.000,00\sUSD\s+Stralciato: 3\.000,00\sUSD non incassati$/m);
    expect(stdout).toMatch(/^Totali$/m);
    expect(stdout).toMatch(/^errore Milestones riga 38, ID: /m);
    // Amounts the Italian way (with Intl's no-break space before the symbol).
    // Only the ledger's own problem texts may still be English (they come from the core).
    const mine = stdout.slice(0, stdout.indexOf('\nProblemi'));
    for (const english of [
      'Today',
      'Client ',
      'Closed',
      'Outstanding',
      'Days late',
      'Paid on',
      'Due soon',
      ' on 20',
    ])
      expect(mine, english).not.toContain(english);
  });

  it('follows Settings → Default language without --lang; --lang en overrides it; a bad --lang exits 2', async () => {
    const raw = rawLedger({
      clients: [{ ...CLIENT, Language: 'it' }],
      milestones: [{ ID: 'A-1', Client: 'Acme', Amount: 100, Invoice: 'FT-1', 'Due date': d(-3) }],
      settings: { Locale: 'it_IT', 'Default language': 'it' },
    });
    const dir = writeCsvLedger(raw);
    const it1 = await cli(['--ledger', dir, '--today', TODAY]);
    expect(it1.stdout.split('\n')[1]).toBe('Oggi: 1 messaggio da inviare');
    expect(it1.stdout).toMatch(/^Acme\s+Promemoria\s+FT-1\s+100,00\s€$/m);
    const en = await cli(['--ledger', dir, '--today', TODAY, '--lang', 'en']);
    expect(en.stdout.split('\n')[1]).toBe('Today: 1 message to send');
    const bad = await cli(['--lang', 'fr']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--lang wants en or it, not "fr"/);
  });
});

describe('--client NAME', () => {
  const ledger = {
    clients: ['Acme', 'Acme Labs', 'Glenmore Distillery', 'Giorgio Rossi', 'Harbor & Pine LLC'].map(
      (client) => ({
        client,
      }),
    ),
  };

  it.each([
    ['acme', 'Acme'], // an exact name wins over the prefix of a longer one
    ['  ACME   labs ', 'Acme Labs'],
    ['acme l', 'Acme Labs'],
    ['glen', 'Glenmore Distillery'],
    ['harbor &', 'Harbor & Pine LLC'],
  ])('%j → %s', (typed, client) => expect(findClient(ledger, typed)).toBe(client));

  it.each([
    ['g', /^"g" could be "Giorgio Rossi" or "Glenmore Distillery": type more of the name\.$/],
    [
      'Glenmor Distilery',
      /^No client named "Glenmor Distilery" in the ledger\. Did you mean "Glenmore Distillery"\?$/,
    ],
    ['giorgo', /Did you mean "Giorgio Rossi"\?$/],
    ['Nobody', /^No client named "Nobody" in the ledger\.$/],
    ['  ', /^--client wants a name\.$/],
  ])('%j is refused: %s', (typed, message) => expect(() => findClient(ledger, typed)).toThrow(message));

  it('names at most five candidates and says how many more', () => {
    const many = { clients: Array.from({ length: 8 }, (_, i) => ({ client: `Studio ${i}` })) };
    expect(() => findClient(many, 'stu')).toThrow(/"Studio 0", .* or "Studio 4" \(and 3 more\)/);
  });

  it.each([
    ['', '', 0],
    ['kitten', 'sitting', 3],
    ['flaw', 'lawn', 2],
    ['lumière', 'lumiere', 1],
    ['abc', 'abc', 0],
  ])('editDistance(%j, %j) = %i', (a, b, n) => {
    expect(editDistance(a, b)).toBe(n);
    expect(editDistance(b, a)).toBe(n);
  });

  it('suggests the nearest names first, and none that are far', () => {
    const names = ['Glenmore Distillery', 'Glenmore Distillers', 'Northwind Analytics Ltd'];
    expect(suggestClients(names, 'glenmore distilery')).toEqual([
      'Glenmore Distillery',
      'Glenmore Distillers',
    ]);
    expect(suggestClients(names, 'zzz')).toEqual([]);
  });

  it('the report for one client: its own totals and problems, and a count of the others', async () => {
    const report = demo();
    const { stdout } = await cli(['--client', 'lakeshore', '--today', TODAY]);
    // Lakeshore owes in dollars only: no euro or pound totals of other clients under its rows.
    const totals = section(stdout, 'Totals');
    expect(totals[1]).toMatch(/^USD {2}outstanding US\$8,000\.00 {2}overdue US\$8,000\.00$/);
    expect(stdout).not.toMatch(/^(EUR|GBP) /m);
    // Its Clients row's warning; the others counted, not listed.
    expect(section(stdout, 'Problems (')).toEqual([
      'Problems (0 errors, 1 warning)',
      expect.stringMatching(
        /^warning Clients row 6, Contract: No signed contract on file for Lakeshore Dental Group\.$/,
      ),
      expect.stringMatching(/^ +→ /),
      `${report.problems.length - 1} more problems elsewhere in the ledger, or in rows it could not read: payladder without --client lists them.`,
    ]);
    // --json keeps every problem: a script decides.
    const json = JSON.parse((await cli(['--client', 'lakeshore', '--today', TODAY, '--json'])).stdout);
    expect(json.problems).toHaveLength(report.problems.length);
    expect(Object.keys(json.totals)).toEqual(['USD']);
  });

  it('works for the report, draft and pack; a miss or an ambiguous prefix exits 2 with one line', async () => {
    const report = await cli(['--today', TODAY, '--client', 'kestrel', '--json']);
    expect(report.code).toBe(0);
    expect(new Set(JSON.parse(report.stdout).milestones.map((m: { client: string }) => m.client))).toEqual(
      new Set(['Kestrel Media GmbH']),
    );
    const draft = await cli(['draft', '--today', TODAY, '--client', 'GLEN']);
    expect(draft.code).toBe(0);
    expect(draft.stdout).toContain('GD-0007');

    for (const [args, message] of [
      [['--client', 'g'], /could be "Giorgio Rossi" or "Glenmore Distillery"/],
      [['draft', '--client', 'Glenmor Distilery'], /Did you mean "Glenmore Distillery"\?/],
      [['pack', '--client', 'Kestral Media', '--out', 'x'], /Did you mean "Kestrel Media GmbH"\?/],
    ] as const) {
      const out = await cli([...args, '--today', TODAY]);
      expect(out.code, args.join(' ')).toBe(2);
      expect(out.stdout).toBe('');
      expect(out.stderr).toMatch(message);
      expect(out.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});

describe('payladder draft --all', () => {
  it('prints every message to send today, one per client, each as `draft --client` prints it', async () => {
    const work = todayWork(demo());
    const all = await cli(['draft', '--all', '--today', TODAY]);
    expect(all.code).toBe(0);
    expect(all.stdout.split('\n')[0]).toBe(
      `${work.messages.length} messages to send on ${TODAY}, one per client.`,
    );
    const rules = all.stdout.split('\n').filter((l) => l.startsWith('━━━━ '));
    expect(rules).toHaveLength(work.messages.length);
    const blocks = all.stdout.split(/^━━━━ .*$/m).slice(1);
    for (const [i, t] of work.messages.entries()) {
      expect(rules[i]).toContain(` ${i + 1} of ${work.messages.length} · ${t.client} · `);
      expect(rules[i]).toContain(t.invoices.join(', '));
      const one = await cli(['draft', '--client', t.client, '--today', TODAY]);
      expect(blocks[i]?.trim().startsWith(one.stdout.trim()), t.client).toBe(true);
      expect(blocks[i]).toMatch(/^\nTo: .+\nSubject: .+\n\n/);
    }
    // The message already drafted in Gmail is named, not printed a second time.
    expect(all.stdout).toMatch(
      /Not printed: 1 draft to confirm, already in Gmail → Drafts.*\n {2}Studio Bianchi Architetti: Stop work, FT-2026-058\n$/,
    );
    expect(all.stdout).not.toContain('Subject: Lavori sospesi');
    // Formal-letter advice still reaches stderr, naming whose letter it is.
    expect(all.stderr).toMatch(/^payladder: note: Vento Rosso S\.r\.l\.: Send it by PEC/m);
  });

  it('--json: the composed messages and the drafts to confirm', async () => {
    const work = todayWork(demo());
    const { stdout, code } = await cli(['draft', '--all', '--today', TODAY, '--json']);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc.today).toBe(TODAY);
    expect(doc.messages.map((m: { client: string }) => m.client)).toEqual(work.messages.map((t) => t.client));
    expect(doc.messages.map((m: { messageId: string }) => m.messageId)).toEqual(
      work.messages.map((t) => t.message.messageId),
    );
    expect(doc.draftsToConfirm).toEqual([
      { client: 'Studio Bianchi Architetti', messageId: 'stop_work', invoices: ['FT-2026-058'] },
    ]);
  });

  it("--lang it: its own lines in Italian; each message stays in its client's language", async () => {
    const work = todayWork(demo());
    const { stdout, code } = await cli(['draft', '--all', '--today', TODAY, '--lang', 'it']);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe(
      `${work.messages.length} messaggi da inviare il ${TODAY}, uno per cliente.`,
    );
    expect(stdout).toMatch(/^━━━━ 1 di \d+ · Northwind Analytics Ltd · Azione legale · INV-1041 ━+$/m);
    expect(stdout).toContain('Subject: Referral to a lawyer: INV-1041'); // an English client's letter
    expect(stdout).toMatch(
      /Non stampata: 1 bozza da confermare.*\n {2}Studio Bianchi Architetti: Lavori sospesi, FT-2026-058\n$/,
    );
    const quiet = await cli(['draft', '--client', 'belfast', '--today', TODAY, '--lang', 'it']);
    expect(quiet.stdout).toMatch(
      /^Niente da inviare a Belfast Print Works oggi\. Prossimo: Promemoria il \d{4}-\d\d-\d\d\./,
    );
  });

  it('says so in one line when no message is due', async () => {
    const raw = rawLedger({
      clients: [CLIENT],
      milestones: [{ ID: 'A-1', Client: 'Acme', Amount: 100, Invoice: 'INV-1', 'Due date': d(40) }],
    });
    const { stdout, code } = await cli(['draft', '--all', '--ledger', writeCsvLedger(raw), '--today', TODAY]);
    expect(code).toBe(0);
    expect(stdout).toBe(`No message to send on ${TODAY}.\n`);
  });

  it.each([
    [['draft'], /needs --client NAME or --all/],
    [['draft', '--all', '--client', 'Acme'], /--all or --client, not both/],
    [['draft', '--all', '--message', 'reminder'], /--message picks the message for one --client/],
    [['--all'], /Unknown option '--all'/],
  ])('%j exits 2', async (args, message) => {
    const out = await cli(args);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(message);
  });
});
