import { describe, expect, it } from 'vitest';
import {
  DEMO_SHEET,
  addDays,
  buildReport,
  compareUrgency,
  todayHeadline,
  todayWork,
} from '../../shared/index.ts';
import { TEXT_MAX, TODAY_SHOWN } from '../../extension/sync/today-view.ts';
import { formatMoney, messageLocale } from '../../shared/money.ts';
import { problemText } from '../../shared/problems.ts';
import { moneyKey, popupDate } from '../../extension/sync/written.ts';
import { CLIENTS_PER_STAGE, PopupView, buildView } from '../../extension/sync/view.ts';
import { CLIENT, rawLedger } from '../shared/builder.ts';
import { TODAY, demoState } from './demo-state.ts';

describe('buildView', () => {
  const { report, state } = demoState();
  const view = buildView(report, state.ledger, {
    source: 'demo',
    spreadsheetId: null,
    title: 'Demo',
    syncedAt: 5,
  });

  it('passes its own schema (what the popup validates on read)', () => {
    expect(PopupView.parse(view)).toEqual(view);
  });

  it('keeps the totals and the count due today from the report', () => {
    expect(view.totals).toEqual(report.totals);
    expect(view.dueTodayCount).toBe(report.dueTodayCount);
    expect(view.today).toBe(TODAY);
  });

  it('lists today’s work as the core counts it (the CLI’s and the sidebar’s list), ready to paint', () => {
    const work = todayWork(report);
    expect(work.count).toBeGreaterThan(0);
    expect(view.work.count).toBe(work.count);
    expect(view.work.headline).toEqual({ en: todayHeadline(work, 'en'), it: todayHeadline(work, 'it') });
    expect(view.work.messages.map((r) => r.client)).toEqual(
      work.messages.map((m) => m.client).slice(0, TODAY_SHOWN),
    );
    const first = work.messages[0];
    const row = view.work.messages[0];
    if (!first || !row) throw new Error('the demo has no message today');
    expect(row.stage).toBe(first.message.messageId);
    expect(row.invoices).toEqual(first.invoices);
    // The amount is formatted at sync time for each UI language: no Intl on the popup's paint.
    expect(row.amount?.en).toMatch(/^[€£$][\d,]+\.\d\d$/);
    expect(row.amount?.it).toMatch(/^[\d.]+,\d\d\u00a0[€£$]$/);
    expect(row.label?.en).toBeTruthy();
    expect(row.label?.it).not.toBe(row.label?.en);
    expect(row.to).toEqual(state.ledger.clients.find((c) => c.client === first.client)?.emails);
    // The badge's colour: the most urgent of today's messages.
    const steps = [...work.messages, ...work.drafts].map((m) => m.message.messageId);
    expect(view.work.worst).toBe([...steps].sort(compareUrgency)[0]);
  });

  it('puts drafts and promises to check in their own lists, a promise with its invoice and amount', () => {
    const d = (n: number) => addDays(TODAY, n);
    const raw = rawLedger({
      clients: [CLIENT, { ...CLIENT, Client: 'Bolt', Emails: 'ap@bolt.example, @bolt.example' }],
      milestones: [
        { ID: 'A-1', Client: 'Acme', Amount: 100, Invoice: 'INV-9', 'Due date': d(-20) },
        { ID: 'B-1', Client: 'Bolt', Amount: 300, 'Due date': d(-10) },
      ],
      reminders: [
        {
          Sent: TODAY,
          Milestone: 'B-1',
          Stage: 'followup',
          Channel: 'draft',
          Link: 'https://mail.google.com/mail/#drafts?compose=1',
        },
      ],
    });
    raw['Promises'] = [
      ['Date', 'Milestone', 'Client', 'Amount', 'Promised by', 'Source', 'Note'],
      [d(-3), 'A-1', 'Acme', 40, TODAY, '', ''],
    ];
    const built = buildReport(raw, TODAY, DEMO_SHEET);
    const work = buildView(built.report, built.ledger, {
      source: 'sheet',
      spreadsheetId: 's',
      title: 'T',
      syncedAt: 0,
    }).work;
    expect(work.messages).toEqual([]);
    expect(work.drafts.map((r) => [r.client, r.stage, r.invoices, r.to])).toEqual([
      ['Bolt', 'followup', ['B-1'], ['ap@bolt.example', '@bolt.example']],
    ]);
    expect(work.promises).toEqual([
      {
        client: 'Acme',
        stage: 'promised',
        label: null,
        invoices: ['INV-9'],
        amount: { en: '€40.00', it: '40,00\u00a0€' },
        to: ['ap@acme.example'],
      },
    ]);
    expect(work.count).toBe(2);
    expect(work.headline.en).toBe('1 draft to confirm and 1 promise to check');
  });

  it('groups every client under its worst stage, most urgent stage first', () => {
    expect(view.byStage.reduce((n, g) => n + g.count, 0)).toBe(
      report.clients.filter((c) => c.worstStage).length,
    );
    const order = view.byStage.map((g) => g.stage);
    expect(order).toEqual([...order].sort(compareUrgency));
    for (const g of view.byStage) expect(g.clients.length).toBeLessThanOrEqual(CLIENTS_PER_STAGE);
    const paid = view.byStage.find((g) => g.stage === 'paid');
    if (paid) expect(paid.clients).toEqual([]);
  });

  it('counts problems and shows errors before warnings', () => {
    expect(view.problems.errors + view.problems.warnings).toBe(report.problems.length);
    const severities = view.problems.first.map((p) => p.severity);
    expect(severities).toEqual([...severities].sort());
  });

  it('writes each problem shown in both UI languages, as problemText words it for the ledger’s locale', () => {
    expect(view.problems.first.length).toBeGreaterThan(0);
    for (const p of view.problems.first) {
      const { text, ...problem } = p;
      expect(text.en).toEqual(problemText(problem, 'en', view.locale));
      expect(text.it).toEqual(problemText(problem, 'it', view.locale));
    }
  });

  it('writes the amounts and dates it holds in both UI languages, in their locales (the popup runs no Intl)', () => {
    const eur = view.totals['EUR'];
    if (!eur) throw new Error('no EUR in the demo');
    expect(view.written.it.money[moneyKey(eur.outstanding, 'EUR')]).toBe(
      formatMoney(eur.outstanding, 'EUR', 'it-IT'),
    );
    expect(view.written.en.money[moneyKey(eur.outstanding, 'EUR')]).toBe(
      formatMoney(eur.outstanding, 'EUR', messageLocale('en', view.locale)),
    );
    expect(view.written.en.dates[view.today]).toBe(popupDate(view.today, 'en', view.today));
    expect(view.written.it.dates[view.today]).toMatch(/^\d{1,2} [a-z]{3}$/);
    for (const group of view.byStage) {
      for (const c of group.clients) {
        if (c.nextAction) expect(view.written.it.dates[c.nextAction.on]).toBeDefined();
        for (const [currency, minor] of Object.entries(c.outstanding)) {
          expect(view.written.en.money[moneyKey(minor, currency)]).toBeDefined();
        }
      }
    }
  });

  it('stays small for a popup', () => {
    expect(JSON.stringify(view).length).toBeLessThan(20_000);
  });

  it('stays small however many clients owe and however long their cells are', () => {
    const long = (i: number) => `Client ${i} ${'x'.repeat(5_000)}`;
    const clients = Array.from({ length: 200 }, (_, i) => ({
      ...CLIENT,
      Client: long(i),
      Emails: Array.from({ length: 20 }, (_, j) => `a${j}@c${i}.example`).join(', '),
    }));
    const milestones = clients.flatMap((c, i) =>
      Array.from({ length: 10 }, (_, j) => ({
        ID: `M-${i}-${j}`,
        Client: c.Client,
        Amount: 100,
        Invoice: `INV-${i}-${j}-${'9'.repeat(500)}`,
        'Due date': addDays(TODAY, -20 - j),
      })),
    );
    const built = buildReport(rawLedger({ clients, milestones }), TODAY, DEMO_SHEET);
    const big = buildView(built.report, built.ledger, {
      source: 'sheet',
      spreadsheetId: 's',
      title: 'T',
      syncedAt: 0,
    });
    expect(big.work.count).toBe(200);
    expect(big.work.messages).toHaveLength(TODAY_SHOWN);
    expect(big.work.more).toBe(200 - TODAY_SHOWN);
    for (const row of big.work.messages) {
      expect(row.client.length).toBeLessThanOrEqual(TEXT_MAX);
      expect(row.client.endsWith('…')).toBe(true);
    }
    expect(JSON.stringify(big).length).toBeLessThan(20_000);
  });
});
