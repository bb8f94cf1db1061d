/**
 * Fitting a message to the text already in a compose window (issue 12): greetings and
 * sign-offs recognised in English and Italian, the template's own left out when the window
 * already has one (or Gmail signs it), nothing else touched. Checked on phrases people
 * type and on every message the core writes for the demo ledger.
 */
import { describe, expect, it } from 'vitest';
import { fitText, isClosing, isGreeting, signOffNames, userSignOffAt } from '../../../shared/messages/fit.ts';
import { renderMessagesFor } from '../../../extension/sync/render-messages.ts';
import { TODAY, demoState } from '../../extension/demo-state.ts';

describe('greetings', () => {
  it.each([
    'Hi Sam,',
    'hi sam',
    '  Hello   Sam! ',
    'Dear Sir or Madam,',
    'Good morning Sam,',
    'Hi Giulia, thanks for the call.',
    'Buongiorno Sam,',
    'buonasera,',
    'Ciao Marco!',
    'Gentile dott. Rossi,',
    'Spett.le Vento Rosso S.r.l.,',
    'Egregio avvocato,',
  ])('%s is one', (line) => expect(isGreeting(line)).toBe(true));

  it.each([
    'Thanks for the call.',
    'Higher rates apply from January.',
    'Dearly as I would like to wait, I cannot.',
    'Caroline from accounts will pay on Friday.',
    'Hello from the other side of a very long first sentence that is not a greeting at all',
    '',
  ])('%s is not', (line) => expect(isGreeting(line)).toBe(false));
});

describe('closings', () => {
  it.each([
    'Best regards,',
    'kind  regards',
    'Thank you, and best regards,',
    'Many thanks!',
    'Yours faithfully,',
    'Cheers',
    'Cordiali saluti,',
    'La ringrazio, cordiali saluti,',
    'Un saluto',
    'Grazie e a presto',
  ])('%s is one', (line) => expect(isClosing(line)).toBe(true));

  it.each([
    'Thanks for the call.',
    'Best of luck with the launch, and regards to Sam.',
    'Regards the invoice: it is attached.',
    'Alex',
    '',
  ])('%s is not', (line) => expect(isClosing(line)).toBe(false));
});

const REMINDER =
  'Hi Sam,\n\nA quick reminder that INV-1 is past due:\n- INV-1 — €100.00\n\nBest regards,\nAlex Moreau\nMoreau Studio';

describe('fitText', () => {
  it('keeps the whole text in an empty window without a signature', () => {
    expect(fitText(REMINDER, { lines: [''], signature: false })).toEqual({
      text: REMINDER,
      greeting: null,
      signOff: null,
    });
  });

  it('leaves the sign-off out when Gmail adds a signature', () => {
    const fitted = fitText(REMINDER, { lines: [], signature: true });
    expect(fitted.text).toBe('Hi Sam,\n\nA quick reminder that INV-1 is past due:\n- INV-1 — €100.00');
    expect(fitted.signOff).toBe('Best regards,\nAlex Moreau\nMoreau Studio');
  });

  it('leaves the greeting out when the user’s text opens with one, in either language', () => {
    for (const typed of ['Hi Sam,', 'hello sam!', 'Ciao Sam', 'HI  SAM']) {
      const fitted = fitText(REMINDER, { lines: ['', typed, '', 'Good to talk today.'], signature: false });
      expect(fitted.text, typed).toBe(
        'A quick reminder that INV-1 is past due:\n- INV-1 — €100.00\n\nBest regards,\nAlex Moreau\nMoreau Studio',
      );
      expect(fitted.greeting).toBe('Hi Sam,');
    }
  });

  it('keeps the greeting when the user’s text opens otherwise', () => {
    const fitted = fitText(REMINDER, { lines: ['Good to talk today.', 'Hi to the team!'], signature: false });
    expect(fitted.greeting).toBeNull();
    expect(fitted.text.startsWith('Hi Sam,')).toBe(true);
  });

  it('leaves the sign-off out when the user signed already: a closing, or their name last', () => {
    for (const lines of [
      ['Good to talk today.', '', 'Thanks,', 'Alex'],
      ['Good to talk today.', '', 'Alex', ''],
      ['Good to talk today.', '', 'alex moreau'],
      ['Buongiorno Sam,', '', 'Cordiali saluti'],
    ]) {
      expect(fitText(REMINDER, { lines, signature: false }).signOff, lines.join('|')).toBe(
        'Best regards,\nAlex Moreau\nMoreau Studio',
      );
    }
    expect(
      fitText(REMINDER, { lines: ['Good to talk today.', '', 'Alexandra'], signature: false }).signOff,
    ).toBeNull();
  });

  it('keeps a message that is nothing but a greeting and a sign-off whole', () => {
    const text = 'Hi Sam,\n\nBest regards,\nAlex';
    expect(fitText(text, { lines: ['Hi Sam,'], signature: true }).text).toBe(text);
  });

  it('finds the greeting below a letterhead, and the sign-off inside the last paragraph', () => {
    const letter =
      'Alex Moreau\n1 High Street\n\nLetter before claim\n\nDear Sam,\n\nPay INV-1.\nThanks,\nAlex';
    const fitted = fitText(letter, { lines: ['Dear Sam,'], signature: true });
    expect(fitted.text).toBe('Alex Moreau\n1 High Street\n\nLetter before claim\n\nPay INV-1.');
    expect(signOffNames(letter)).toEqual(['Alex']);
  });
});

describe('userSignOffAt', () => {
  it('points at the first line of the user’s sign-off in their last paragraph', () => {
    expect(userSignOffAt(['Hi,', '', 'Text.', '', 'Thank you,', 'Alex', ''], [])).toBe(4);
    expect(userSignOffAt(['Text.', 'Thanks,', 'Alex'], [])).toBe(1);
    expect(userSignOffAt(['Text.', '', 'Alex'], ['Alex Moreau'])).toBe(2);
    expect(userSignOffAt(['Text.', '', 'Alex'], [])).toBe(-1);
    expect(userSignOffAt(['Thanks for the call.'], [])).toBe(-1);
    expect(userSignOffAt([], ['Alex'])).toBe(-1);
  });
});

describe('every message the core writes', () => {
  const { state } = demoState();
  const messages = state.ledger.clients.flatMap(
    (c) => renderMessagesFor(state, c.client, TODAY)?.messages ?? [],
  );

  it('covers both languages', () => {
    expect(new Set(messages.map((m) => m.language))).toEqual(new Set(['en', 'it']));
    expect(messages.length).toBeGreaterThan(20);
  });

  it('has a greeting and a sign-off that are recognised, and loses only those', () => {
    for (const m of messages) {
      const label = `${m.client} ${m.messageId}`;
      const greeted = fitText(m.text, { lines: ['Ciao,'], signature: false });
      expect(greeted.greeting, label).not.toBeNull();
      const signed = fitText(m.text, { lines: [], signature: true });
      expect(signed.signOff, label).not.toBeNull();
      // Nothing but the sign-off goes: the rest is the text as written, in order.
      expect(m.text.replace(/\s+/g, ' ')).toContain(signed.text.replace(/\s+/g, ' '));
      expect(m.text.trimEnd().endsWith(signed.signOff as string)).toBe(true);
    }
  });
});

describe('the background fits what it renders to the window it is given', () => {
  const { state } = demoState();
  const client = state.ledger.clients.find((c) => c.language === 'en')?.client as string;

  it('gives each message fitted to the window, by id, and where the user’s sign-off starts', () => {
    const window = {
      lines: ['Hi there,', '', 'Good to talk today.', '', 'Thanks,', 'Alex'],
      signature: true,
    };
    const rendered = renderMessagesFor(state, client, TODAY, { window });
    const fitted = rendered?.fitted;
    expect(fitted?.signOffAt).toBe(4);
    for (const m of rendered?.messages ?? []) {
      expect(fitted?.texts[m.messageId]).toEqual(fitText(m.text, window));
      expect(fitted?.texts[m.messageId]?.greeting, m.messageId).not.toBeNull();
    }
  });

  it('fits nothing without a window', () => {
    expect(renderMessagesFor(state, client, TODAY)?.fitted).toBeUndefined();
  });
});
