import { describe, expect, it } from 'vitest';
import type { RawLedger } from '../../../shared/index.ts';
import {
  addDays,
  availableMessages,
  buildReport,
  composeMessage,
  ComposeError,
  DEMO_SHEET,
  demoLedger,
  escapeHtml,
  makePaymentPlan,
  MESSAGE_KINDS,
  messageLocale,
  recommendedMessage,
  reminderLogRows,
  TEMPLATES,
  templateProblems,
} from '../../../shared/index.ts';
import { CLIENT, rawLedger } from '../builder.ts';
import { problemText } from '../../../shared/problems.ts';
import type { Problem } from '../../../shared/model.ts';

/** A problem's English message and fix (texts are written on demand, problems.ts). */
const en = (p: Problem | undefined) => (p ? problemText(p, 'en') : { message: '', fix: '' });

const TODAY = '2026-11-30';
const demo = buildReport(demoLedger(TODAY), TODAY, {
  locale: DEMO_SHEET.locale,
  timeZone: DEMO_SHEET.timeZone,
});
const { ledger, report } = demo;

function withTemplates(raw: RawLedger, rows: unknown[][]): RawLedger {
  return { ...raw, [TEMPLATES.name]: [['Stage', 'Language', 'Subject', 'Body'], ...rows] };
}

describe('recommendedMessage', () => {
  it.each([
    ['Studio Bianchi Architetti', 'stop_work', ['SB-2']],
    ['Northwind Analytics Ltd', 'small_claims', ['NW-1']],
    ['Glenmore Distillery', 'final', ['GD-1']],
    ['Kestrel Media GmbH', 'followup', ['KM-1', 'KM-3']],
    ['Maison Lumière SARL', 'final', ['ML-1']],
    ['Vento Rosso S.r.l.', 'demand', ['VR-2']],
    ['Lakeshore Dental Group', 'broken_promise', ['LD-1']],
    ['Giorgio Rossi', 'followup', ['GR-1']],
  ])('%s → %s covering %j', (client, messageId, milestones) => {
    expect(recommendedMessage({ report, ledger, client, today: TODAY })).toEqual({ messageId, milestones });
    // The same as the report's one message per client.
    expect(report.clients.find((c) => c.client === client)?.message).toMatchObject({ messageId, milestones });
  });

  it('is null when nothing is due today, or while a promise is open', () => {
    expect(recommendedMessage({ report, ledger, client: 'Belfast Print Works', today: TODAY })).toBeNull();
    // Harbor & Pine promised the rest of HP-4 by next week: chasing pauses.
    expect(recommendedMessage({ report, ledger, client: 'Harbor & Pine LLC', today: TODAY })).toBeNull();
  });

  it('leaves a not-yet-due milestone out of a past-due message and its overdue total', () => {
    // Maison Lumière: ML-1 is at its final notice and ML-2 falls due in 3 days, both due today.
    const c = report.clients.find((x) => x.client === 'Maison Lumière SARL');
    expect(c?.dueToday).toEqual(expect.arrayContaining(['ML-1', 'ML-2']));
    expect(c?.message).toEqual({
      messageId: 'final',
      milestones: ['ML-1'],
      overdue: 520000,
      currency: 'EUR',
      drafted: false,
    });
    const m = composeMessage({ report, ledger, client: 'maison lumière sarl', today: TODAY });
    expect(m.text).not.toContain('ML-2026-5');
  });

  it('a 62-day-late invoice never reminded gets the final notice, not a court claim (Glenmore)', () => {
    const m = composeMessage({ report, ledger, client: 'Glenmore Distillery', today: TODAY });
    expect(m.messageId).toBe('final');
    expect(m.text).not.toMatch(/court|my formal demand|despite my reminders and/i);
    // Its one reminder was sent on day 1, and the text names it.
    expect(m.text).toMatch(/Despite my reminder of \d+ \w+ 2026, the following remains unpaid/);
    expect(() =>
      composeMessage({
        report,
        ledger,
        client: 'Glenmore Distillery',
        today: TODAY,
        messageId: 'small_claims',
      }),
    ).toThrow(ComposeError);
  });
});

describe('composeMessage', () => {
  it('writes one message for a client with several due items, with the total', () => {
    const m = composeMessage({ report, ledger, client: 'Kestrel Media GmbH', today: TODAY });
    expect(m.messageId).toBe('followup');
    expect(m.milestones).toEqual(['KM-1', 'KM-3']);
    expect(m.subject).toBe('Follow-up: overdue payment for KM-88, KM-93');
    expect(m.text).toContain('- KM-88, Video edit — €3,600.00 (due 15 November 2026, 15 days overdue)');
    expect(m.text).toContain('- KM-93, Subtitles (DE, FR, IT) — €800.00');
    expect(m.text).toContain('Total outstanding: €4,400.00.');
    expect(m.to).toEqual(['rechnungen@kestrel.example.de']);
    expect(m.stage).toBe('followup');
    expect(m.template).toEqual({ source: 'built-in', row: null });
  });

  it('names the recommended message or not, it covers the same milestones; another one covers all it fits', () => {
    const plain = composeMessage({ report, ledger, client: 'Northwind Analytics Ltd', today: TODAY });
    const named = composeMessage({
      report,
      ledger,
      client: 'Northwind Analytics Ltd',
      today: TODAY,
      messageId: 'small_claims',
    });
    expect(named.milestones).toEqual(plain.milestones);
    expect(named.text).toBe(plain.text);
    const other = composeMessage({
      report,
      ledger,
      client: 'Northwind Analytics Ltd',
      today: TODAY,
      messageId: 'final',
    });
    expect(other.milestones).toEqual(['NW-1', 'NW-2', 'NW-3', 'NW-5']);
  });

  it("formats money and dates for the client's language", () => {
    const it_ = composeMessage({ report, ledger, client: 'Giorgio Rossi', today: TODAY });
    expect(it_.locale).toBe('it-IT');
    expect(it_.text).toMatch(/450,00\s€/);
    expect(it_.text).toContain('18 novembre 2026');
    expect(it_.text).toMatch(/^Buongiorno Giorgio,/);
    const en = composeMessage({ report, ledger, client: 'Kestrel Media GmbH', today: TODAY });
    expect(en.locale).toBe('en-GB');
    expect(en.text).toContain('€3,600.00');
    expect(en.text).toContain('15 November 2026');
  });

  it.each([
    ['en', 1, '1 day overdue'],
    ['en', 2, '2 days overdue'],
    ['it', 1, '1 giorno di ritardo'],
    ['it', 12, '12 giorni di ritardo'],
  ] as const)('%s: %i day(s) late reads "%s"', (language, days, words) => {
    const raw = rawLedger({
      clients: [{ ...CLIENT, Language: language }],
      milestones: [{ ID: 'M-1', Client: 'Acme', Amount: 100, 'Due date': addDays(TODAY, -days) }],
    });
    const { ledger: l, report: r } = buildReport(raw, TODAY);
    const m = composeMessage({ report: r, ledger: l, client: 'Acme', today: TODAY, messageId: 'followup' });
    expect(m.text).toContain(`, ${words})`);
  });

  it.each([
    ['en', 'en_US', 'en-US'],
    ['en', 'en_GB', 'en-GB'],
    ['en', 'it_IT', 'en-GB'],
    ['it', 'en_US', 'it-IT'],
  ] as const)('messageLocale(%s, %s) = %s', (lang, locale, expected) => {
    expect(messageLocale(lang, locale)).toBe(expected);
  });

  it('demand: principal, statutory interest with its law and rate, compensation, total, the notice period as deadline', () => {
    const m = composeMessage({
      report,
      ledger,
      client: 'Northwind Analytics Ltd',
      today: TODAY,
      messageId: 'demand',
    });
    expect(m.milestones).toEqual(['NW-1', 'NW-2', 'NW-3', 'NW-5']);
    expect(m.text).toContain('- Principal: £19,800.00');
    expect(m.text).toMatch(
      /- Statutory interest under the Late Payment of Commercial Debts \(Interest\) Act 1998 at 11\.75% a year, to 30 November 2026: £\d/,
    );
    expect(m.text).toContain('- Fixed compensation for recovery costs: £310.00');
    // An English company: 14 days (Practice Direction – Pre-Action Conduct, legal-facts §8).
    expect(m.text).toContain(
      'Please pay the full amount by 14 December 2026, 14 days from the date of this letter',
    );
    // An English company gets a letter before claim, not the Protocol's Letter of Claim.
    expect(m.text).toContain('Letter before claim');
    expect(m.text).toContain('issue a claim against Northwind Analytics Limited in the County Court');
    expect(m.text).not.toMatch(/Pre-Action Protocol|Reply Form|without further notice/);
  });

  const PAP_URL =
    'https://www.justice.gov.uk/courts/procedure-rules/civil/protocol/pre-action-protocol-for-debt-claims';
  // legal-facts §8: the letter each jurisdiction and kind of client recognises, its deadline,
  // the elements it must hold, and what belongs to another jurisdiction's letter.
  it.each([
    [
      'GB-ENG',
      'sole_trader',
      'en',
      [
        'Letter of Claim under the Pre-Action Protocol for Debt Claims',
        'reply within 30 days of the date of this letter, that is by 30 December 2026',
        'Statement of account at 30 November 2026',
        'Invoice F-1 of 1 August 2026',
        'The amount now due is',
        'How to pay: IBAN GB00 TEST 0000 0000 0000 00',
        'discuss how you can pay',
        'using the enclosed Reply Form, sent to 1 High Street, Lewes',
        'the Information Sheet and the Reply Form (Annex 1 of the Pre-Action Protocol for Debt Claims)',
        'a Financial Statement form',
        PAP_URL,
        'our written agreement dated 1 January 2025',
      ],
      [/diffida|messa in mora|County Court for the full amount/i],
    ],
    [
      'GB-WLS',
      'consumer',
      'en',
      [
        'Letter of Claim under the Pre-Action Protocol for Debt Claims',
        'that is by 30 December 2026',
        'No interest or other charges are being added to this debt.',
      ],
      [/diffida/i],
    ],
    [
      'GB-ENG',
      'company',
      'en',
      [
        'Letter before claim',
        'Please pay the full amount by 14 December 2026, 14 days from the date of this letter',
      ],
      [/Pre-Action Protocol|Reply Form|Letter of Claim|diffida/],
    ],
    [
      'GB-SCT',
      'company',
      'en',
      ['Formal demand for payment', 'by 14 December 2026, 14 days from the date of this letter'],
      [/Pre-Action Protocol|Reply Form|Letter before claim|County Court/],
    ],
    [
      'IT',
      'company',
      'it',
      [
        "Oggetto: messa in mora ai sensi dell'art. 1219 c.c.",
        'entro 15 giorni dalla data della presente (termine: 15 dicembre 2026)',
        'decreto ingiuntivo',
        'art. 2943 c.c.',
        'Coordinate per il pagamento: IBAN GB00 TEST 0000 0000 0000 00',
      ],
      [/diffida|risolto|Pre-Action/i],
    ],
  ] as const)(
    'a demand to %s %s (%s) is the letter its law recognises',
    (jurisdiction, business, language, has, hasNot) => {
      const raw = rawLedger({
        clients: [
          {
            ...CLIENT,
            Jurisdiction: jurisdiction,
            Business: business,
            Language: language,
            Currency: jurisdiction === 'IT' ? 'EUR' : 'GBP',
            'Legal name': 'Acme Trading Ltd',
            Address: '9 Quay Street, Bristol',
          },
        ],
        milestones: [
          {
            ID: 'M-1',
            Client: 'Acme',
            Amount: 100,
            Invoice: 'F-1',
            'Invoice date': '2026-08-01',
            'Due date': '2026-09-01',
          },
        ],
        reminders: [{ Sent: '2026-10-20', Milestone: 'M-1', Stage: 'final', Channel: 'email' }],
        settings: {
          'Your name': 'Alex',
          'Your address': '1 High Street, Lewes',
          'Payment details': 'IBAN GB00 TEST 0000 0000 0000 00',
        },
      });
      const { ledger: l, report: r } = buildReport(raw, TODAY);
      const m = composeMessage({ report: r, ledger: l, client: 'Acme', today: TODAY });
      expect(m.messageId).toBe('demand');
      const all = `${m.subject}\n${m.text}`;
      for (const words of has) expect(all).toContain(words);
      for (const pattern of hasNot) expect(all).not.toMatch(pattern);
      expect(m.problems.filter((p) => p.code === 'party_detail_missing')).toEqual([]);
      if (jurisdiction === 'IT') expect(m.advice.join(' ')).toMatch(/PEC[\s\S]*raccomandata A\/R/);
    },
  );

  it('a diffida ad adempiere: Italian clients only, at least 15 days, and the contract ends if unpaid', () => {
    const raw = rawLedger({
      clients: [{ ...CLIENT, Jurisdiction: 'IT', Language: 'it' }],
      milestones: [{ ID: 'M-1', Client: 'Acme', Amount: 100, 'Due date': '2026-09-01' }],
    });
    const { ledger: l, report: r } = buildReport(raw, TODAY);
    const m = composeMessage({ report: r, ledger: l, client: 'Acme', today: TODAY, messageId: 'diffida' });
    expect(m.text).toContain("diffida ad adempiere ai sensi dell'art. 1454 c.c.");
    expect(m.text).toContain('entro 15 giorni dal ricevimento della presente');
    expect(m.text).toContain('risolto di diritto');
    const uk = buildReport(
      rawLedger({ clients: [{ ...CLIENT, Jurisdiction: 'GB-ENG' }], milestones: [] }),
      TODAY,
    );
    expect(() =>
      composeMessage({
        report: uk.report,
        ledger: uk.ledger,
        client: 'Acme',
        today: TODAY,
        messageId: 'diffida',
      }),
    ).toThrow(ComposeError);
  });

  it('a formal letter missing what its law needs names the Settings row to fill', () => {
    const raw = rawLedger({
      clients: [{ ...CLIENT, Jurisdiction: 'GB-ENG', Business: 'sole_trader', Currency: 'GBP' }],
      milestones: [{ ID: 'M-1', Client: 'Acme', Amount: 100, 'Due date': '2026-09-01' }],
      reminders: [{ Sent: '2026-10-20', Milestone: 'M-1', Stage: 'final', Channel: 'email' }],
    });
    const { ledger: l, report: r } = buildReport(raw, TODAY);
    const m = composeMessage({ report: r, ledger: l, client: 'Acme', today: TODAY });
    const missing = m.problems.filter((p) => p.code === 'party_detail_missing');
    expect(missing.map((p) => en(p).message).join(' ')).toMatch(/Your address/);
    expect(missing.every((p) => p.severity === 'warning')).toBe(true);
  });

  it('small claims: above the limit the matter goes to a lawyer; within it a claim is filed', () => {
    const over = composeMessage({ report, ledger, client: 'Northwind Analytics Ltd', today: TODAY });
    expect(over.subject).toMatch(/^Referral to a lawyer/);
    expect(over.text).toContain('above the small claims track limit of £10,000.00');
    expect(over.text).toMatch(/despite my messages of .*, including my formal demand of 16 October 2026/);
    const sent = [
      { Sent: '2026-09-01', Milestone: 'M-1', Stage: 'final', Channel: 'gmail' },
      { Sent: '2026-10-01', Milestone: 'M-1', Stage: 'demand', Channel: 'registered' },
    ];
    const scot = buildReport(
      rawLedger({
        clients: [{ ...CLIENT, Jurisdiction: 'GB-SCT', Currency: 'GBP' }],
        milestones: [{ ID: 'M-1', Client: 'Acme', Amount: 1800, 'Due date': '2026-08-01' }],
        reminders: sent,
      }),
      TODAY,
    );
    const within = composeMessage({ report: scot.report, ledger: scot.ledger, client: 'Acme', today: TODAY });
    expect(within.subject).toMatch(/^Notice of court claim/);
    expect(within.text).toContain('I will file a claim for it (Simple Procedure)');
    expect(within.text).toContain('including my formal demand of 1 October 2026');
    const raw = rawLedger({
      clients: [{ ...CLIENT, Jurisdiction: 'DE' }],
      milestones: [{ ID: 'M-1', Client: 'Acme', Amount: 100, 'Due date': '2026-08-01' }],
      reminders: sent,
    });
    const de = buildReport(raw, TODAY);
    const unknown = composeMessage({ report: de.report, ledger: de.ledger, client: 'Acme', today: TODAY });
    expect(unknown.messageId).toBe('small_claims');
    expect(unknown.text).toContain('I will start court proceedings');
    expect(unknown.subject).toMatch(/^Notice of court claim/);
  });

  it('small claims in California between the two limits: neither "within" nor "above"', () => {
    // USD 9,000: within USD 12,500 for a natural person, above USD 6,250 for an entity.
    const raw = rawLedger({
      clients: [{ ...CLIENT, Jurisdiction: 'US-CA', Currency: 'USD' }],
      milestones: [{ ID: 'M-1', Client: 'Acme', Amount: 9000, 'Due date': '2026-08-01' }],
      reminders: [
        { Sent: '2026-09-01', Milestone: 'M-1', Stage: 'final', Channel: 'gmail' },
        { Sent: '2026-10-01', Milestone: 'M-1', Stage: 'demand', Channel: 'gmail' },
      ],
    });
    const ca = buildReport(raw, TODAY);
    const m = composeMessage({ report: ca.report, ledger: ca.ledger, client: 'Acme', today: TODAY });
    expect(m.messageId).toBe('small_claims');
    expect(m.subject).not.toMatch(/^Referral to a lawyer/);
    expect(m.text).not.toContain('above the small-claims limit');
    expect(m.text).not.toContain('I will file a small claim');
  });

  it('final offers a payment plan, with the instalments when a plan is given', () => {
    const plain = composeMessage({ report, ledger, client: 'Maison Lumière SARL', today: TODAY });
    expect(plain.text).toContain('I am open to a payment plan');
    expect(plain.text).not.toContain('Instalment 1');
    const plan = makePaymentPlan({
      ledger,
      report,
      milestones: ['ML-1'],
      instalments: 2,
      interval: 'monthly',
      start: '2026-12-15',
    });
    const offered = composeMessage({ report, ledger, client: 'Maison Lumière SARL', today: TODAY, plan });
    expect(offered.text).toContain('- Instalment 1 of 2, due 15 December 2026: €2,600.00');
    expect(offered.text).toContain('- Instalment 2 of 2, due 15 January 2027: €2,600.00');
    expect(offered.html).toContain('<li>Instalment 1 of 2, due 15 December 2026: €2,600.00</li>');
  });

  it('a payment-plan proposal makes a default plan that adds up to the outstanding amount', () => {
    const m = composeMessage({
      report,
      ledger,
      client: 'Vento Rosso S.r.l.',
      today: TODAY,
      messageId: 'payment_plan',
    });
    expect(m.problems).toEqual([]);
    const lines = m.text.split('\n').filter((l) => l.startsWith('- Rata '));
    // Each instalment within EUR 1,100, the most claimable in Italy without a lawyer.
    expect(lines).toHaveLength(4);
    const sum = lines.reduce(
      (s, l) => s + Number(l.replace(/.*: ([\d.]+),(\d\d)\s€$/, '$1$2').replace(/\./g, '')),
      0,
    );
    expect(sum).toBe(395_000);
  });

  it('dispute: covers the disputed milestones and logs at the disputed stage', () => {
    const m = composeMessage({
      report,
      ledger,
      client: 'Glenmore Distillery',
      today: TODAY,
      messageId: 'dispute',
    });
    expect(m.milestones).toEqual(['GD-2']);
    expect(m.stage).toBe('disputed');
    expect(m.text).toContain('not in dispute remains payable');
  });

  it('change order: confirms the latest unsigned change order before the work', () => {
    const m = composeMessage({
      report,
      ledger,
      client: 'Harbor & Pine LLC',
      today: TODAY,
      messageId: 'change_order',
    });
    expect(m.subject).toBe('Change request CO-3: please confirm before I start');
    expect(m.text).toContain('- Work: Offline mode');
    expect(m.text).toContain('- Price: US$4,000.00');
    expect(m.milestones).toEqual([]);
  });

  it('a missing contact falls back to a polite greeting, other missing values are problems', () => {
    const raw = rawLedger({
      clients: [{ ...CLIENT, Contact: '' }],
      milestones: [{ ID: 'M-1', Client: 'Acme', Amount: 100, 'Due date': '2026-11-20' }],
    });
    const { ledger: l, report: r } = buildReport(raw, TODAY);
    const m = composeMessage({ report: r, ledger: l, client: 'Acme', today: TODAY, messageId: 'demand' });
    expect(m.text).toMatch(/^Dear Sir or Madam,$/m);
    expect(m.text).toContain('Yours faithfully,');
    const co = composeMessage({
      report: r,
      ledger: l,
      client: 'Acme',
      today: TODAY,
      messageId: 'change_order',
    });
    expect(co.text).toContain('- Work: [change_description]');
    expect(co.problems).toEqual([
      expect.objectContaining({
        code: 'template_missing_value',
        tab: 'Templates',
        row: null,
        severity: 'warning',
      }),
    ]);
  });

  it.each([
    ['Nobody', undefined, /No client named "Nobody"/],
    ['Acme', 'thank_you', /"thank_you" is not a message/],
  ])('throws a ComposeError for client %s / message %s', (client, messageId, error) => {
    const { ledger: l, report: r } = buildReport(rawLedger({}), TODAY);
    expect(() => composeMessage({ report: r, ledger: l, client, today: TODAY, messageId })).toThrow(error);
    expect(() => composeMessage({ report: r, ledger: l, client, today: TODAY, messageId })).toThrow(
      ComposeError,
    );
  });

  it('refuses a report computed for another day', () => {
    expect(() => composeMessage({ report, ledger, client: 'Acme', today: '2026-12-01' })).toThrow(
      /report is for 2026-11-30/,
    );
  });

  it('refuses a milestone of another client', () => {
    expect(() =>
      composeMessage({ report, ledger, client: 'Glenmore Distillery', today: TODAY, milestones: ['NW-1'] }),
    ).toThrow(/not one of Glenmore Distillery's milestones/);
  });
});

describe("the user's own templates", () => {
  const base = rawLedger({
    clients: [CLIENT, { ...CLIENT, Client: 'Beta', Language: 'it', Contact: 'Bea' }],
    milestones: [
      { ID: 'M-1', Client: 'Acme', Amount: 100, 'Due date': '2026-11-25', Invoice: 'F-1' },
      { ID: 'M-2', Client: 'Beta', Amount: 200, 'Due date': '2026-11-25', Invoice: 'F-2' },
    ],
  });
  const compose = (rows: unknown[][], client = 'Acme', messageId?: string) => {
    const { ledger: l, report: r } = buildReport(withTemplates(base, rows), TODAY);
    return composeMessage({ report: r, ledger: l, client, today: TODAY, messageId });
  };

  it('replace the built-in text for their stage and language only', () => {
    const rows = [['Reminder', 'en', 'Nudge: {{invoice}}', 'Yo {{contact}}, {{outstanding}} please.']];
    const mine = compose(rows);
    expect(mine.subject).toBe('Nudge: F-1');
    expect(mine.text).toBe('Yo [contact], €100.00 please.');
    expect(mine.template).toEqual({ source: 'user', row: 2 });
    expect(compose(rows, 'Beta').text).toMatch(/^Buongiorno Bea,/); // Italian still built-in
    expect(compose(rows, 'Acme', 'followup').template.source).toBe('built-in');
  });

  it('an unknown placeholder is a problem on its row, and the built-in text is sent', () => {
    const m = compose([['reminder', 'en', 'Hi', 'Dear {{contakt}}']]);
    expect(m.problems[0]).toMatchObject({
      code: 'template_unknown_placeholder',
      tab: 'Templates',
      row: 2,
      column: 'Body',
    });
    expect(m.template).toEqual({ source: 'built-in', row: null });
    expect(m.subject).toBe('Payment reminder: F-1');
  });

  it('an empty subject uses the built-in one', () => {
    const m = compose([['reminder', 'en', '', 'Body {{invoice}}']]);
    expect(m.subject).toBe('Payment reminder: F-1');
    expect(m.text).toBe('Body F-1');
    expect(m.problems).toEqual([
      expect.objectContaining({ code: 'template_empty', row: 2, column: 'Subject' }),
    ]);
  });

  it('the first of two rows for one stage and language wins, with a warning', () => {
    const m = compose([
      ['reminder', 'en', 'One', 'first'],
      ['Reminder', 'English', 'Two', 'second'],
    ]);
    expect(m.text).toBe('first');
    expect(m.problems).toEqual([expect.objectContaining({ code: 'template_duplicate', row: 3 })]);
  });

  it('templateProblems checks the whole tab without composing', () => {
    const { ledger: l } = buildReport(
      withTemplates(base, [
        ['reminder', 'en', 'Hi {{contakt}}', 'ok'],
        ['final', 'it', '', '{{#several}}'],
        ['reminder', 'en', 'dup', 'dup'],
        ['paid', 'en', 'Thanks', ''],
      ]),
      TODAY,
    );
    expect(templateProblems(l).map((p) => [p.row, p.code, p.column])).toEqual([
      [2, 'template_unknown_placeholder', 'Subject'],
      [3, 'template_bad_syntax', 'Body'],
      [3, 'template_empty', 'Subject'],
      [4, 'template_duplicate', 'Stage'],
    ]);
  });

  it('"disputed" names the dispute acknowledgement; other stages become extra messages', () => {
    const rows = [
      ['disputed', 'en', 'About {{invoice}}', 'We hear you.'],
      ['paid', 'en', 'Thanks', 'Thank you for paying {{invoice}}.'],
    ];
    expect(compose(rows, 'Acme', 'dispute').text).toBe('We hear you.');
    const { ledger: l, report: r } = buildReport(withTemplates(base, rows), TODAY);
    const offered = availableMessages({ report: r, ledger: l, client: 'Acme', today: TODAY });
    // No demand was sent and no promise made: the court notice and the promise messages are not offered.
    expect(offered.map((o) => o.id)).toEqual([
      ...MESSAGE_KINDS.filter((k) => !['small_claims', 'broken_promise', 'promise_thanks'].includes(k)),
      'paid',
    ]);
    expect(offered.find((o) => o.id === 'dispute')?.source).toBe('user');
    // Named as the stage it was written for, as on every surface.
    expect(offered.find((o) => o.id === 'paid')?.label).toBe('Paid');
    expect(offered.filter((o) => o.recommended).map((o) => o.id)).toEqual(['reminder']);
    expect(compose(rows, 'Acme', 'paid').text).toBe('Thank you for paying F-1.');
    expect(
      availableMessages({ report: r, ledger: l, client: 'Beta', today: TODAY }).map((o) => o.id),
    ).not.toContain('paid');
  });
});

describe('hostile values', () => {
  const PAYLOADS = ['<img src=x onerror=alert(1)>', '"><script>alert(1)</script>', '{{contact}}'];
  // Text fields a message shows, and where they live in the raw ledger.
  const FIELDS: Array<[string, (raw: RawLedger, v: string) => void]> = [
    ['Contact', (raw, v) => void ((raw.Clients as unknown[][])[1]![2] = v)],
    ['Client', (raw, v) => renameClient(raw, v)],
    ['Project', (raw, v) => void ((raw.Milestones as unknown[][])[1]![2] = v)],
    ['Description', (raw, v) => void ((raw.Milestones as unknown[][])[1]![3] = v)],
    ['Invoice', (raw, v) => void ((raw.Milestones as unknown[][])[1]![6] = v)],
    ['Your name', (raw, v) => setSetting(raw, 'Your name', v)],
    ['Business name', (raw, v) => setSetting(raw, 'Business name', v)],
    ['Change order', (raw, v) => void ((raw['Change orders'] as unknown[][])[1]![2] = v)],
  ];
  function base(): RawLedger {
    const raw = rawLedger({
      clients: [{ ...CLIENT, Contact: 'Giulia' }],
      milestones: [
        {
          ID: 'M-1',
          Client: 'Acme',
          Project: 'Site',
          Description: 'Build',
          Amount: 100,
          Invoice: 'F-1',
          'Due date': '2026-09-01',
        },
      ],
      changeOrders: [{ ID: 'CO-1', Client: 'Acme', Description: 'Extra', Amount: 50 }],
      // A final notice and a demand went out, so every message, the court notice too, is offered.
      reminders: [
        { Sent: '2026-09-25', Milestone: 'M-1', Stage: 'final', Channel: 'gmail' },
        { Sent: '2026-10-10', Milestone: 'M-1', Stage: 'demand', Channel: 'gmail' },
      ],
      settings: { 'Your name': 'Alex', 'Business name': 'Studio' },
    });
    (raw.Clients as unknown[][])[0]!.push('Contact');
    return raw;
  }
  function renameClient(raw: RawLedger, v: string) {
    (raw.Clients as unknown[][])[1]![0] = v;
    for (const tab of ['Milestones', 'Change orders'])
      for (const row of (raw[tab] as unknown[][]).slice(1)) row[1] = v;
  }
  function setSetting(raw: RawLedger, name: string, v: string) {
    for (const row of (raw.Settings as unknown[][]).slice(1)) if (row[0] === name) row[1] = v;
  }

  it.each(FIELDS.flatMap(([field, set]) => PAYLOADS.map((p) => [field, p, set] as const)))(
    '%s = %s: escaped in HTML, literal in text, in every message',
    (_field, payload, set) => {
      const raw = base();
      set(raw, payload);
      const { ledger: l, report: r } = buildReport(raw, TODAY);
      const client = l.clients[0]!.client;
      let shown = 0;
      for (const messageId of MESSAGE_KINDS) {
        const m = composeMessage({ report: r, ledger: l, client, today: TODAY, messageId });
        const inText = m.text.split(payload).length - 1;
        shown += inText;
        // Each occurrence in the text is exactly one escaped occurrence in the HTML.
        expect(m.html.split(escapeHtml(payload)).length - 1).toBe(inText);
        expect(m.html).not.toMatch(/<img|<script|"><|onerror=alert\(1\)>/);
        if (payload === '{{contact}}') expect(m.text).not.toContain('{{contact}}Giulia');
      }
      expect(shown).toBeGreaterThan(0);
    },
  );

  it('a value holding {{contact}} is not filled in', () => {
    const raw = base();
    (raw.Milestones as unknown[][])[1]![3] = 'Fee for {{contact}}';
    const { ledger: l, report: r } = buildReport(raw, TODAY);
    const m = composeMessage({ report: r, ledger: l, client: 'Acme', today: TODAY, messageId: 'reminder' });
    expect(m.text).toContain('F-1, Fee for {{contact}} — €100.00');
    expect(m.text).toMatch(/^Hi Giulia,/);
  });
});

describe('reminderLogRows', () => {
  it('logs one row per stage the covered milestones stand at, Template naming the message', () => {
    const m = composeMessage({ report, ledger, client: 'Kestrel Media GmbH', today: TODAY });
    expect(m.log).toEqual([
      { stage: 'followup', milestones: ['KM-1'] },
      { stage: 'reminder', milestones: ['KM-3'] },
    ]);
    const rows = reminderLogRows(m, { on: TODAY, channel: 'gmail', link: 'https://mail.example/x' });
    expect(rows[0]).toEqual({
      Sent: TODAY,
      Milestone: 'KM-1',
      Client: 'Kestrel Media GmbH',
      Stage: 'followup',
      Template: 'followup',
      To: 'rechnungen@kestrel.example.de',
      Subject: 'Follow-up: overdue payment for KM-88, KM-93',
      Channel: 'gmail',
      Link: 'https://mail.example/x',
    });
    expect(rows[1]).toMatchObject({ Milestone: 'KM-3', Stage: 'reminder', Template: 'followup' });
  });

  it('one row for one stage; nothing for a message about no milestone', () => {
    const one = composeMessage({
      report,
      ledger,
      client: 'Northwind Analytics Ltd',
      today: TODAY,
      messageId: 'dispute',
    });
    expect(reminderLogRows(one, { on: TODAY, channel: 'draft' })).toHaveLength(1);
    const co = composeMessage({
      report,
      ledger,
      client: 'Harbor & Pine LLC',
      today: TODAY,
      messageId: 'change_order',
    });
    expect(reminderLogRows(co, { on: TODAY, channel: 'draft' })).toEqual([]);
  });

  it('logged back into the ledger, every covered milestone waits for its next cadence', () => {
    const m = composeMessage({ report, ledger, client: 'Kestrel Media GmbH', today: TODAY });
    const raw = demoLedger(TODAY);
    const reminders = raw.Reminders as unknown[][];
    for (const row of reminderLogRows(m, { on: TODAY, channel: 'gmail' }))
      reminders.push(reminders[0]!.map((h) => row[String(h)] ?? ''));
    const after = buildReport(raw, TODAY, { locale: DEMO_SHEET.locale, timeZone: DEMO_SHEET.timeZone });
    expect(after.problems.filter((p) => p.tab === 'Reminders')).toEqual([]);
    expect(
      recommendedMessage({
        report: after.report,
        ledger: after.ledger,
        client: 'Kestrel Media GmbH',
        today: TODAY,
      }),
    ).toBeNull();
    const next = (id: string) => after.report.milestones.find((x) => x.id === id)?.nextAction;
    expect(next('KM-1')).toEqual({ stage: 'followup', on: '2026-12-07' });
    expect(next('KM-3')).toEqual({ stage: 'reminder', on: '2026-12-07' });
  });
});
