import { describe, expect, it } from 'vitest';
import * as chrono from 'chrono-node';
import { PAYMENTS, PROMISES } from '../../shared/index.ts';
import { renderMessagesFor } from '../../extension/sync/render-messages.ts';
import { hasPromise, paymentRow, promiseRow, readPromisedDate } from '../../extension/sync/promises.ts';
import { TODAY, demoState } from './demo-state.ts';

describe('readPromisedDate', () => {
  // 2026-12-02 is a Wednesday.
  it.each([
    ["I'll pay by Friday", 'en', '2026-12-04'],
    ['We will pay next week, sorry for the delay.', 'en', '2026-12-09'],
    ['Payment on 15/12', 'en', '2026-12-15'],
    ['Buongiorno, pagherò entro il 15. Cordiali saluti', 'it', '2026-12-15'],
    ['Pagheremo il giorno 3', 'it', '2026-12-03'],
    ['Pagheremo il 1', 'it', '2027-01-01'],
    ['entro il 31', 'it', '2026-12-31'],
    ['Saldo il 15 dicembre', 'it', '2026-12-15'],
    ['Pagheremo entro venerdì', 'it', '2026-12-04'],
    ['Il bonifico parte il 15/12', 'it', '2026-12-15'],
    // The client's language first, the other one after.
    ["I'll pay by Friday", 'it', '2026-12-04'],
  ] as const)('%s (%s) → %s', (text, language, date) => {
    expect(readPromisedDate(text, '2026-12-02', language)).toBe(date);
  });

  it.each([
    ['Thanks, we are looking into it.', 'en'],
    ['La fattura di 15,00 euro non ci risulta.', 'it'],
    ['Grazie, verifichiamo.', 'it'],
  ] as const)('names no date: %s', (text, language) => {
    expect(readPromisedDate(text, '2026-12-02', language)).toBeNull();
  });

  it('needs the rewrite: chrono alone does not read "entro il 15" (2.10.3)', () => {
    expect(chrono.it.parseDate('entro il 15', new Date(2026, 11, 2, 12))).toBeNull();
  });
});

describe('rows', () => {
  const entry = {
    date: '2026-12-02',
    milestones: ['HP-4'],
    client: 'Harbor & Pine LLC',
    amount: null,
    by: '2026-12-04',
    source: 'https://mail.google.com/mail/u/0/#inbox/abc',
    note: '=HYPERLINK("x")',
  };

  it('places a promise by the header, text formula-safe, amount empty for everything outstanding', () => {
    const header = ['', ...PROMISES.columns.map((c) => c.header).reverse()];
    const placed = promiseRow(entry, header);
    expect(placed.ok).toBe(true);
    if (!placed.ok) return;
    const at = (name: string) => placed.row[header.indexOf(name) - 1];
    expect(at('Date')).toBe('2026-12-02');
    expect(at('Promised by')).toBe('2026-12-04');
    expect(at('Milestone')).toBe("'HP-4");
    expect(at('Source')).toBe("'https://mail.google.com/mail/u/0/#inbox/abc");
    expect(at('Note')).toBe('\'=HYPERLINK("x")');
    expect(at('Amount')).toBeNull();
  });

  it('says which required columns are missing', () => {
    expect(promiseRow(entry, ['Date', 'Milestone'])).toEqual({ ok: false, missing: ['Promised by'] });
    expect(
      paymentRow({ date: '2026-12-02', milestone: 'X', amount: 5, method: '', note: '' }, ['Date']),
    ).toEqual({ ok: false, missing: ['Milestone', 'Amount'] });
    expect(
      paymentRow(
        { date: '2026-12-02', milestone: 'X', amount: 5, method: '', note: '' },
        PAYMENTS.columns.map((c) => c.header),
      ),
    ).toEqual({
      ok: true,
      row: ['2026-12-02', "'X", 5, null, null],
    });
  });

  it('knows a promise already logged', () => {
    const row = { ...entry, row: 5, amount: null, note: '', source: entry.source };
    expect(hasPromise([row], entry)).toBe(true);
    expect(hasPromise([{ ...row, by: '2026-12-05' }], entry)).toBe(false);
  });
});

describe('compose while a promise is open', () => {
  it('recommends the thank-you note when nothing is due and a promise is open', () => {
    const { state } = demoState();
    const rendered = renderMessagesFor(state, 'Harbor & Pine LLC', TODAY);
    expect(rendered?.recommended).toBe('promise_thanks');
    expect(rendered?.available.filter((a) => a.recommended).map((a) => a.id)).toEqual(['promise_thanks']);
    expect(rendered?.messages.map((m) => m.messageId)).toContain('promise_thanks');
  });

  it('keeps the core recommendation after a broken promise', () => {
    const { state } = demoState();
    expect(renderMessagesFor(state, 'Lakeshore Dental Group', TODAY)?.recommended).toBe('broken_promise');
  });
});
