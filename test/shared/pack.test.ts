import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../cli/sources/csv.ts';
import type { Pack } from '../../shared/index.ts';
import {
  badDebtDate,
  badDebtRules,
  buildPack,
  buildReport,
  compareEvents,
  csvText,
  DEMO_SHEET,
  demoLedger,
  escapeHtml,
  CHASING_CSV_HEADERS,
  packChasingCsv,
  PackError,
  packHtml,
  packNotesHtml,
  packStatementCsv,
  STATEMENT_CSV_HEADERS,
} from '../../shared/index.ts';
import { CLIENT, rawLedger } from './builder.ts';
import { ledgerArb, TODAY as ARB_TODAY } from './ledger-arbitrary.ts';

const TODAY = '2026-11-30';
const demo = buildReport(demoLedger(TODAY), TODAY, {
  locale: DEMO_SHEET.locale,
  timeZone: DEMO_SHEET.timeZone,
});
const pack = (client: string) =>
  buildPack({ ledger: demo.ledger, report: demo.report, client, today: TODAY });

describe('buildPack on the demo ledger', () => {
  const nw = pack('northwind analytics ltd');

  it('has every reminder, payment, invoice, due date, change order and the contract, in date order', () => {
    const kinds = (k: string) => nw.events.filter((e) => e.kind === k);
    expect(kinds('reminder')).toHaveLength(9);
    expect(kinds('reminder').every((e) => e.channel !== null && e.date !== null)).toBe(true);
    expect(kinds('payment')).toEqual([
      expect.objectContaining({
        milestones: ['NW-4'],
        amount: 95_000,
        currency: 'GBP',
        source: { tab: 'Payments', row: 4 },
      }),
    ]);
    expect(
      kinds('invoice')
        .map((e) => e.invoice)
        .sort(),
    ).toEqual(['INV-1030', 'INV-1041', 'INV-1052', 'INV-1063', 'INV-1070']);
    expect(kinds('due')).toHaveLength(5);
    expect(kinds('change_order')).toEqual([
      expect.objectContaining({
        title: 'Change order CO-2 requested',
        detail: expect.stringContaining('(not signed)'),
        milestones: ['NW-5'],
      }),
    ]);
    expect(nw.events[0]).toMatchObject({ kind: 'contract', date: '2025-03-03', title: 'Contract signed' });
    expect([...nw.events].sort(compareEvents)).toEqual(nw.events);
    const demand = nw.events.find((e) => e.title === 'Reminder sent (Formal demand)' && e.channel === 'post');
    expect(demand).toMatchObject({
      milestones: ['NW-1', 'NW-2'],
      invoice: 'INV-1041, INV-1052',
      subject: 'Letter before action',
    });
  });

  it('totals with statutory interest and compensation match the report', () => {
    const report = demo.report.milestones.filter((m) => m.client === 'Northwind Analytics Ltd');
    const sum = (f: (m: (typeof report)[number]) => number) => report.reduce((s, m) => s + f(m), 0);
    expect(nw.totals).toEqual([
      {
        currency: 'GBP',
        invoiced: sum((m) => m.amount),
        paid: 95_000,
        outstanding: 1_980_000,
        overdue: 1_980_000,
        lateInterest: sum((m) => m.lateInterest),
        compensation: 31_000,
        totalClaim: 1_980_000 + sum((m) => m.lateInterest) + 31_000,
        writtenOff: 0,
      },
    ]);
    expect(nw.totals[0]!.lateInterest).toBeGreaterThan(0);
  });

  it('says whether the claim fits small claims', () => {
    expect(nw.smallClaims).toEqual([
      expect.objectContaining({ currency: 'GBP', principal: 1_980_000, limitMinor: 1_000_000, fits: false }),
    ]);
    // The disputed GD-2 still counts in the principal: £6,300 is over Scotland's £5,000.
    expect(pack('Glenmore Distillery').smallClaims[0]).toMatchObject({
      principal: 630_000,
      fits: false,
      limitMinor: 500_000,
    });
    expect(pack('Kestrel Media GmbH').smallClaims[0]).toMatchObject({ fits: true, limitMinor: 500_000 });
  });

  it('gives the bad-debt notes of where the user is taxed (Tax country, default the Default jurisdiction)', () => {
    expect(nw.badDebt?.country).toBe('IT'); // the demo's Default jurisdiction
    for (const n of nw.badDebt?.notes ?? []) {
      expect(n.source.length).toBeGreaterThan(5);
      expect(['A', 'B', 'A/B']).toContain(n.grade);
    }
    const raw = demoLedger(TODAY);
    (raw.Settings as unknown[][]).push(['Tax country', 'GB-ENG']);
    const uk = buildReport(raw, TODAY, { locale: DEMO_SHEET.locale, timeZone: DEMO_SHEET.timeZone });
    const p = buildPack({ ...uk, client: 'Northwind Analytics Ltd', today: TODAY });
    expect(p.badDebt?.country).toBe('GB');
    expect(p.badDebtDates.find((d) => d.milestone === 'NW-1')).toEqual({
      milestone: 'NW-1',
      rule: 'uk.vat.bdr',
      from: '2026-11-14',
      until: '2030-11-14',
    });
    const us = buildPack({ ...uk, client: 'Lakeshore Dental Group', today: TODAY });
    expect(us.badDebt?.country).toBe('GB'); // the user's tax, not the client's
  });

  it("keeps only the client's own problems, and counts the ledger's errors", () => {
    expect(nw.problems.length).toBeGreaterThan(0);
    const rows = new Set(
      demo.ledger.milestones.filter((m) => m.client === 'Northwind Analytics Ltd').map((m) => m.row),
    );
    for (const p of nw.problems) expect(p.tab === 'Milestones' ? rows.has(p.row ?? -1) : true).toBe(true);
    expect(nw.ledgerErrors).toBe(demo.report.problems.filter((p) => p.severity === 'error').length);
  });

  it('counts a renegotiated milestone once: its instalments replace it', () => {
    const vr = pack('Vento Rosso S.r.l.');
    expect(vr.totals[0]).toMatchObject({ invoiced: 2_100_00 + 4 * 1_850_00, outstanding: 7_650_00 });
    expect(vr.events.find((e) => e.kind === 'status')).toMatchObject({
      title: 'Status: Renegotiated',
      date: null,
    });
  });

  it('dates a dispute by the message that acknowledged it', () => {
    expect(pack('Glenmore Distillery').events.find((e) => e.kind === 'dispute')).toMatchObject({
      milestones: ['GD-2'],
      date: '2026-10-31',
      stage: 'disputed',
    });
  });

  it("gives a dispute's reason from the Status note, in the chasing record and the document", () => {
    const gd = pack('Glenmore Distillery');
    const reason = 'Says the second round of label changes was not in the quote (phone call)';
    expect(gd.chasing.find((c) => c.kind === 'dispute')?.subject).toBe(reason);
    expect(gd.events.find((e) => e.kind === 'dispute')?.detail).toContain(reason);
    expect(packHtml(gd)).toContain(escapeHtml(reason));
  });

  it('refuses an unknown client or a report for another day', () => {
    expect(() => pack('Nobody')).toThrow(PackError);
    expect(() => buildPack({ ...demo, client: 'Glenmore Distillery', today: '2026-12-01' })).toThrow(
      /report is for/,
    );
  });
});

describe('every event of the client is in the pack (property)', () => {
  it('each ledger row about the client appears, and no other client', () => {
    fc.assert(
      fc.property(ledgerArb, ({ raw }) => {
        const { ledger, report } = buildReport(raw, ARB_TODAY);
        for (const client of ledger.clients) {
          const p = buildPack({ ledger, report, client: client.client, today: ARB_TODAY });
          const has = (tab: string, row: number) =>
            p.events.some((e) => e.source.tab === tab && e.source.row === row);
          const mine = new Set(ledger.milestones.filter((m) => m.client === client.client).map((m) => m.id));
          for (const m of ledger.milestones) expect(has('Milestones', m.row)).toBe(mine.has(m.id));
          for (const pay of ledger.payments) expect(has('Payments', pay.row)).toBe(mine.has(pay.milestone));
          for (const r of ledger.reminders)
            if (r.milestones.some((id) => mine.has(id))) expect(has('Reminders', r.row)).toBe(true);
          for (const c of ledger.changeOrders)
            if (c.client === client.client) expect(has('Change orders', c.row)).toBe(true);
          if (client.contract !== '') expect(has('Clients', client.row)).toBe(true);
          expect([...p.events].sort(compareEvents)).toEqual(p.events);
          expect(p.milestones.map((m) => m.id).sort()).toEqual([...mine].sort());
          for (const t of p.totals)
            expect(t.totalClaim).toBe(t.outstanding + t.lateInterest + t.compensation);
          const html = packHtml(p);
          expect(html).not.toMatch(/undefined|NaN|\[object/);
          // Every ledger row of the client appears exactly once in the pack.
          const seen = new Map<string, number>();
          for (const m of html.matchAll(/data-source="([^"]+)"/g))
            seen.set(m[1]!, (seen.get(m[1]!) ?? 0) + 1);
          const once = (tab: string, row: number) =>
            expect([`${tab} ${row}`, seen.get(`${tab} ${row}`)]).toEqual([`${tab} ${row}`, 1]);
          for (const m of ledger.milestones) if (mine.has(m.id)) once('Milestones', m.row);
          for (const pay of ledger.payments)
            if (mine.has(pay.milestone) && pay.date <= ARB_TODAY) once('Payments', pay.row);
          for (const r of p.chasing) if (r.kind === 'message') once('Reminders', r.source.row);
          for (const c of p.changeOrders) once('Change orders', c.row);
          expect([...seen.values()].every((n) => n === 1)).toBe(true);
          // The running balance ends at what is outstanding, per currency.
          for (const st of p.statement) {
            const t = p.totals.find((x) => x.currency === st.currency);
            const over = st.overpaid.reduce((a, o) => a + o.amount, 0);
            expect(st.closing + over).toBe(t?.outstanding ?? 0);
          }
          // The interest working adds up to the report's figure.
          for (const i of p.interest)
            expect(i.periods.reduce((a, x) => a + x.interest, 0)).toBe(
              p.milestones.find((m) => m.id === i.milestone)?.lateInterest,
            );
          const lines = p.statement.reduce((a, st) => a + st.lines.length, 0);
          expect(parseCsv(packStatementCsv(p))).toHaveLength(lines + 1);
          expect(parseCsv(packChasingCsv(p))).toHaveLength(p.chasing.length + 1);
          expect(packNotesHtml(p)).not.toMatch(/undefined|NaN|\[object/);
        }
      }),
      { numRuns: 120 },
    );
  });
});

describe('promises in the chasing record', () => {
  it('lists each promise with its amount, date, state and where it was made', () => {
    const lakeshore = pack('Lakeshore Dental Group');
    const promise = lakeshore.chasing.find((c) => c.kind === 'promise');
    expect(promise).toMatchObject({
      stage: 'broken_promise',
      milestones: ['LD-1'],
      promise: { amount: 300000, currency: 'USD', state: 'broken' },
      source: { tab: 'Promises' },
    });
    expect(promise?.link).toMatch(/^https:\/\/mail\.google\.com\//);
    const html = packHtml(lakeshore);
    expect(html).toContain('US$3,000.00 promised by');
    expect(html).toContain('not kept');
    expect(pack('Glenmore Distillery').chasing.find((c) => c.kind === 'promise')?.promise?.state).toBe(
      'kept',
    );
  });
});

describe('packHtml', () => {
  const nw = packHtml(pack('Northwind Analytics Ltd'));

  it('is one self-contained, printable document', () => {
    expect(nw).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(nw).toContain('<meta charset="utf-8">');
    expect(nw).toContain('content: "page " counter(page) " of " counter(pages)');
    expect(nw).not.toContain('size: A4'); // A4 or Letter: the printer's paper decides
    expect(nw).not.toContain('overflow-wrap: anywhere; }\ntd'); // words never break mid-word
    expect(nw).toContain('@media print');
    expect(nw).not.toMatch(/<script|<link|<img|<iframe|src=|@import|url\(/i);
    const sections = [...nw.matchAll(/<section id="([^"]+)">/g)].map((m) => m[1]);
    expect(sections).toEqual([
      'parties',
      'agreement',
      'statement',
      'interest',
      'chasing',
      'route',
      'declaration',
    ]);
    expect(nw).toContain('£20,882.60');
    expect(nw).toContain('Northwind Analytics Limited'); // the client's Legal name
    expect(nw).not.toContain('New CFO'); // the user's private notes stay out
    // Notes meant only for the user go to the notes file, never the pack.
    expect(nw).not.toMatch(/grade [AB]|VATA 1994|TUIR|Default jurisdiction|Ledger problems|row error/);
    const notes = packNotesHtml(pack('Northwind Analytics Ltd'));
    expect(notes).toContain('art. 101(5) TUIR');
    expect(notes).toMatch(/grade [AB]/);
  });

  it("is in the client's language: an Italian client's pack has no English heading or label", () => {
    const it = packHtml(pack('Studio Bianchi Architetti'));
    expect(it).toMatch(/^<!doctype html>\n<html lang="it">/);
    expect(it).toContain('content: "pagina " counter(page) " di " counter(pages)');
    const headings = [...it.matchAll(/<(h[1-3]|th|dt)>([^<]*)</g)].map((m) => m[2]!).join(' | ');
    expect(headings).toContain('Estratto conto');
    expect(headings).not.toMatch(
      /\b(Statement|Date|Amount|Balance|Interest|Invoice|Payment|Parties|Route|Chasing|Days|Rate|Total|Description|Channel|Step|Recipient|Signed|Debit|Credit|Address|Legal|Contract)\b/,
    );
    expect(it).toContain('Dichiarazione');
    // An instalment not yet due is owed but says so, and the claim shows what is overdue.
    const vr = pack('Vento Rosso S.r.l.');
    const lines = vr.statement[0]!.lines.filter((l) => l.notDueUntil !== null).map((l) => l.milestone);
    expect(lines).toEqual(['VR-1/3', 'VR-1/4']);
    expect(packHtml(vr)).toContain('(non ancora scaduta: scade il 20 dicembre 2026)');
    expect(packHtml(vr)).toContain('<th class="num">Di cui scaduto</th>');
    expect(it).toContain('preparato, invio non confermato'); // the stop-work draft
  });

  it('marks drafts "prepared, not confirmed sent", and a missing party detail with where to add it', () => {
    const raw = rawLedger({
      milestones: [{ ID: 'M-1', Client: CLIENT.Client, Amount: 100, 'Invoice date': '2026-08-01' }],
      reminders: [
        { Sent: '2026-09-05', Milestone: 'M-1', Client: CLIENT.Client, Stage: 'reminder', Channel: 'draft' },
        { Sent: '2026-09-06', Milestone: 'M-1', Client: CLIENT.Client, Stage: 'reminder', Channel: 'phone' },
      ],
    });
    const { ledger, report } = buildReport(raw, TODAY);
    const html = packHtml(buildPack({ ledger, report, client: String(CLIENT.Client), today: TODAY }));
    expect(html).toContain('<td>prepared, not confirmed sent</td>');
    expect(html).toContain('<td>phone call (not written)</td>');
    expect(html).not.toMatch(/Reminder sent[^<]*via draft/);
    expect(html).toContain('missing (Settings → Your address)');
  });

  const XSS = ['<img src=x onerror=alert(1)>', '"><script>alert(1)</script>', '{{contact}}'];
  it.each(XSS)('escapes %s in every text field', (payload) => {
    const raw = rawLedger({
      clients: [{ ...CLIENT, Client: payload, Contact: payload, Contract: payload, Emails: 'a@b.example' }],
      milestones: [
        {
          ID: payload,
          Client: payload,
          Project: payload,
          Description: payload,
          Amount: 100,
          Invoice: payload,
          'Invoice date': '2026-08-01',
          'Due date': '2026-09-01',
          'Change order': 'CO-1',
        },
      ],
      payments: [{ Date: '2026-09-10', Milestone: payload, Amount: 10, Method: payload, Note: payload }],
      reminders: [
        {
          Sent: '2026-09-05',
          Milestone: payload,
          Client: payload,
          Stage: 'reminder',
          Subject: payload,
          To: payload,
          Channel: 'gmail',
          Link: payload,
        },
      ],
      changeOrders: [
        { ID: 'CO-1', Client: payload, Description: payload, Amount: 5, Requested: '2026-07-01' },
      ],
      settings: { 'Your name': payload, 'Business name': payload },
    });
    const { ledger, report } = buildReport(raw, TODAY);
    const p = buildPack({ ledger, report, client: payload, today: TODAY });
    const html = packHtml(p);
    if (payload.includes('<')) expect(html).not.toContain(payload);
    expect(html.split(escapeHtml(payload)).length - 1).toBeGreaterThanOrEqual(8);
    expect(html).not.toMatch(/<img|<script|onerror=alert\(1\)>/);
    const notes = packNotesHtml(p);
    if (payload.includes('<')) expect(notes).not.toContain(payload);
    for (const csv of [packStatementCsv(p), packChasingCsv(p)])
      expect(parseCsv(csv).some((row) => row.includes(payload))).toBe(true); // literal in the CSV
  });
});

describe('the CSVs', () => {
  const p = pack('Harbor & Pine LLC');

  it('statement: one row per line with its running balance, ISO dates and major amounts', () => {
    const rows = parseCsv(packStatementCsv(p));
    expect(rows[0]).toEqual([...STATEMENT_CSV_HEADERS]);
    expect(rows.find((r) => r[2] === 'payment' && r[3] === 'HP-4')).toEqual([
      '2026-11-29',
      'USD',
      'payment',
      'HP-4',
      'HP-2026-18',
      'ACH — Partial: "rest next week"',
      '',
      '500',
      rows.find((r) => r[2] === 'payment' && r[3] === 'HP-4')?.[8],
      'Payments',
      '7',
    ]);
    expect(rows.at(-1)?.[8]).toBe(String(p.statement[0]!.closing / 100));
    expect(packStatementCsv(p)).toContain('\r\n');
  });

  it('chasing record: one row per message and dispute, the Channel as logged', () => {
    const rows = parseCsv(packChasingCsv(p));
    expect(rows[0]).toEqual([...CHASING_CSV_HEADERS]);
    expect(rows).toHaveLength(p.chasing.length + 1);
  });

  it.each([
    ['=HYPERLINK("x")', '\'=HYPERLINK("x")'],
    ['+1', "'+1"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['plain', 'plain'],
  ])('neutralises spreadsheet formulas: %s → %s', (value, cell) => expect(csvText(value)).toBe(cell));
});

describe('bad-debt notes (legal-facts §5)', () => {
  it.each([
    ['US-CA', 'US', /already included in income/],
    ['IT', 'IT', /EUR 2,500/],
    ['GB-ENG', 'GB', /6 months/],
    ['GB-NIR', 'GB', /4 years and 6 months/],
  ])('%s → %s notes', (jurisdiction, country, text) => {
    const rules = badDebtRules(jurisdiction);
    expect(rules.country).toBe(country);
    expect(rules.notes.map((n) => n.text).join(' ')).toMatch(text);
  });

  it.each(['DE', 'EU', 'FR', ''])('%j stays unknown: no notes, one open question', (jurisdiction) => {
    const rules = badDebtRules(jurisdiction);
    expect(rules).toMatchObject({ country: null, notes: [] });
    expect(rules.openQuestions[0]).toMatch(/no bad-debt tax rules on file/);
  });

  it('states no fact graded C or U: the unconfirmed Italian freelancer point is an open question', () => {
    expect(badDebtRules('IT').notes.map((n) => n.id)).not.toContain('it.professionals');
    expect(badDebtRules('IT').openQuestions[0]).toMatch(/Not confirmed/);
  });

  it.each([
    ['IT', 'EUR', 250_000, '2026-01-31', null, { rule: 'it.perdite.mini', from: '2026-07-31', until: null }],
    ['IT', 'EUR', 250_001, '2026-01-31', null, null],
    ['IT', 'GBP', 1_000, '2026-01-31', null, null],
    [
      'GB-SCT',
      'GBP',
      5,
      '2026-03-31',
      '2026-02-01',
      { rule: 'uk.vat.bdr', from: '2026-09-30', until: '2030-09-30' },
    ],
    [
      'GB-ENG',
      'GBP',
      5,
      '2026-03-01',
      '2026-04-15',
      { rule: 'uk.vat.bdr', from: '2026-10-15', until: '2030-10-15' },
    ],
    ['US-NY', 'USD', 5, '2026-03-01', null, null],
    ['IT', 'EUR', 0, '2026-03-01', null, null],
  ] as const)(
    '%s %s %i due %s → %j',
    (jurisdiction, currency, outstanding, dueDate, invoiceDate, expected) => {
      const d = badDebtDate(jurisdiction, { id: 'M', currency, outstanding, dueDate, invoiceDate });
      expect(d === null ? null : { rule: d.rule, from: d.from, until: d.until }).toEqual(expected);
    },
  );
});

// Type check: Pack is JSON-serialisable for surfaces that send it across google.script.run.
const _json: (p: Pack) => string = (p) => JSON.stringify(p);
void _json;

describe('the pack: compensation in the law currency, interest "to" a day, California limits', () => {
  const build = (client: Record<string, unknown>, milestones: Record<string, unknown>[]) => {
    const r = buildReport(rawLedger({ clients: [client], milestones }), TODAY);
    return buildPack({ ledger: r.ledger, report: r.report, client: 'Acme', today: TODAY });
  };

  it('a USD invoice to an Italian business: EUR 40 in a EUR total, never added to the dollars', () => {
    const p = build({ ...CLIENT, Currency: 'USD' }, [
      { ID: 'M-1', Client: 'Acme', Amount: 1000, 'Due date': '2026-05-31' },
    ]);
    const usd = p.totals.find((t) => t.currency === 'USD');
    const eur = p.totals.find((t) => t.currency === 'EUR');
    expect(usd).toMatchObject({ outstanding: 100_000, compensation: 0 });
    expect(usd?.totalClaim).toBe(100_000 + (usd?.lateInterest ?? 0));
    expect(eur).toMatchObject({ outstanding: 0, compensation: 4_000, totalClaim: 4_000 });
    const html = packHtml(p);
    expect(html).toContain('€40.00');
    // Interest stops where the rate table does, and says so.
    expect(html).toContain('to 30 June 2026');
  });

  it('California between the two limits: depends on who claims, both limits named', () => {
    const p = build({ ...CLIENT, Jurisdiction: 'US-CA', Currency: 'USD' }, [
      { ID: 'M-1', Client: 'Acme', Amount: 9000, 'Due date': '2026-05-31' },
    ]);
    expect(p.smallClaims[0]?.fits).toBeNull();
    const html = packHtml(p);
    expect(html).toContain('depending on who claims');
    expect(html).toContain('USD 12,500 when you claim as a natural person');
  });
});
