// @vitest-environment happy-dom
/**
 * The client's reply in the chip (issue 11), on the saved pages where the client answers a
 * reminder: the chip says so, and its panel logs a promise with the date their words name.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { findThreadContainers } from '../../extension/gmail/read/thread.ts';
import { findFixture, fixtureDirs } from './fixture-set.ts';
import {
  type TestOverlay,
  fakeBackground,
  flush,
  inOverlays,
  loadPage,
  rawLedger,
  startTestOverlay,
} from './overlay-support.ts';

const TODAY = '2026-12-03';
const URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbfxGmNqTlRZcvtpxCqjWzKpLk';
const CLIENT = 'Conti Design';

function ledger(language: 'en' | 'it', reminderSent: string | null) {
  const raw = rawLedger(
    TODAY,
    [{ name: CLIENT, emails: 'giulia.conti@example.com', language }],
    [{ id: 'CD-1', client: CLIENT, amount: 4800, late: 9 }],
  );
  if (reminderSent) {
    raw['Reminders']?.push([
      reminderSent,
      'CD-1',
      CLIENT,
      'reminder',
      'reminder',
      'giulia.conti@example.com',
      'Invoice',
      'gmail',
      '',
    ]);
  }
  raw['Promises'] = [['Date', 'Milestone', 'Client', 'Amount', 'Promised by', 'Source', 'Note']];
  return raw;
}

let running: TestOverlay | null = null;
afterEach(() => {
  running?.cleanup.invalidate();
  running = null;
});

async function open(
  fixture: string,
  language: 'en' | 'it' = 'en',
  reminderSent: string | null = '2026-11-24',
  uiLang?: 'en' | 'it',
) {
  const found = findFixture(fixtureDirs(), fixture);
  if (!found) throw new Error(`fixture ${fixture} not found`);
  loadPage(readFileSync(found.htmlPath, 'utf8'), false, URL);
  // Gmail's UI language is its <html lang>, which the saved page sets.
  if (uiLang) document.documentElement.setAttribute('lang', uiLang);
  const background = fakeBackground(ledger(language, reminderSent), TODAY);
  running = startTestOverlay(background);
  await running.settle();
  await flush();
  await running.settle();
  return background;
}

const chip = () => inOverlays('payladder-chip', 'button.chip')[0] as HTMLButtonElement | undefined;
const panel = () => inOverlays('payladder-chip', '[role=dialog]')[0] as HTMLElement | undefined;
const button = (text: string) =>
  [...(panel()?.querySelectorAll('button') ?? [])].find((b) => b.textContent === text) as HTMLButtonElement;

describe('the reply in the chip', () => {
  it.each([
    ['thread-client-reply-en-2026-B', 'en', '2026-12-04'],
    ['thread-client-reply-it-2026-B', 'it', '2026-12-15'],
    ['thread-client-reply-nodate-2026-B', 'en', ''],
  ] as const)(
    '%s: says the client replied, and fills in the date they name',
    async (fixture, language, by) => {
      await open(fixture, language);
      expect(chip()?.textContent).toContain('Replied 2 Dec, after your reminder of 24 Nov');
      chip()?.click();
      button('Log a promise').click();
      const [date, amount] = [...(panel()?.querySelectorAll('input') ?? [])];
      expect(date?.value).toBe(by);
      expect(amount?.value).toBe('4800');
    },
  );

  it('logs the promise as one row with the date and the link, once when saved twice, and the chip moves to promised', async () => {
    const background = await open('thread-client-reply-en-2026-B');
    chip()?.click();
    button('Log a promise').click();
    const form = panel()?.querySelector('form') as HTMLFormElement;
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    await flush();
    await running?.settle();
    expect(background.appended).toEqual([
      { tab: 'Promises', row: ['2026-12-02', "'CD-1", `'${CLIENT}`, 4800, '2026-12-04', `'${URL}`, null] },
    ]);
    expect(background.requests.filter((r) => r.type === 'replyAction')).toHaveLength(1);
    expect(chip()?.textContent).toMatch(/^Promised/);
    // Saved again from the redrawn chip: the ledger already has it.
    chip()?.click();
    button('Log a promise').click();
    (panel()?.querySelector('form') as HTMLFormElement).dispatchEvent(
      new Event('submit', { cancelable: true }),
    );
    await flush();
    expect(background.appended).toHaveLength(1);
  });

  it.each([
    ['en', 'Mark disputed', 'Confirm', `Hours exceed the estimate (client's reply of 2 Dec 2026: ${URL})`],
    [
      'it',
      'Segna come contestata',
      'Conferma',
      `Hours exceed the estimate (risposta del cliente del 2 dic 2026: ${URL})`,
    ],
  ] as const)(
    'marks the overdue milestone disputed with the reason (%s): two cells, once when confirmed twice, and the chip turns Disputed',
    async (lang, mark, confirm, note) => {
      const background = await open('thread-client-reply-en-2026-B', 'en', '2026-11-24', lang);
      chip()?.click();
      button(mark).click();
      const [box, reason] = [...(panel()?.querySelectorAll('input') ?? [])] as HTMLInputElement[];
      expect([box?.type, box?.value, box?.checked]).toEqual(['checkbox', 'CD-1', true]);
      expect(reason?.required).toBe(true);
      (reason as HTMLInputElement).value = 'Hours exceed the estimate';
      expect(button(confirm)).toBeDefined();
      const form = panel()?.querySelector('form') as HTMLFormElement;
      form.dispatchEvent(new Event('submit', { cancelable: true }));
      form.dispatchEvent(new Event('submit', { cancelable: true }));
      await flush();
      await running?.settle();
      // CD-1 is row 2: Status in J, Status note in L (the schema's order).
      expect(background.set).toEqual([
        { range: "'Milestones'!J2", value: 'Disputed' },
        { range: "'Milestones'!L2", value: note },
      ]);
      expect(background.requests.filter((r) => r.type === 'replyAction')).toHaveLength(1);
      expect(chip()?.textContent).toMatch(lang === 'it' ? /^Contestat/ : /^Disputed/);
    },
  );

  it('asks for a milestone when none is ticked, and Cancel closes the form', async () => {
    const background = await open('thread-client-reply-en-2026-B');
    chip()?.click();
    button('Mark disputed').click();
    const [box, reason] = [...(panel()?.querySelectorAll('input') ?? [])] as HTMLInputElement[];
    (box as HTMLInputElement).checked = false;
    (reason as HTMLInputElement).value = 'Not what we ordered';
    (panel()?.querySelector('form') as HTMLFormElement).dispatchEvent(
      new Event('submit', { cancelable: true }),
    );
    await flush();
    expect(panel()?.textContent).toContain('Pick at least one milestone.');
    expect(background.requests.filter((r) => r.type === 'replyAction')).toHaveLength(0);
    button('Cancel').click();
    expect(panel()?.querySelector('form')).toBeNull();
    expect(panel()?.textContent).not.toContain('Pick at least one milestone.');
  });

  it('reads the reply once for a conversation Gmail draws again as it was, again once a message changed', async () => {
    const background = await open('thread-client-reply-en-2026-B');
    const reads = () => background.requests.filter((r) => r.type === 'readReply').length;
    expect(reads()).toBe(1);
    /** Gmail draws the conversation afresh (its container replaced), `change` applied to it. */
    const redraw = async (change: (container: Element) => void = () => undefined) => {
      const [container] = findThreadContainers(document);
      const copy = container?.cloneNode(true) as Element;
      copy.querySelector('payladder-chip')?.remove();
      change(copy);
      container?.replaceWith(copy);
      await running?.settle();
      await flush();
      await running?.settle();
    };
    await redraw();
    expect(chip()?.textContent).toContain('Replied 2 Dec, after your reminder of 24 Nov');
    expect(reads()).toBe(1);
    await redraw((copy) => copy.querySelector('.a3s')?.append(' Thanks again.'));
    expect(chip()?.textContent).toContain('Replied 2 Dec, after your reminder of 24 Nov');
    expect(reads()).toBe(2);
  });

  it('says nothing when no reminder was sent, or the client wrote before it', async () => {
    await open('thread-client-reply-en-2026-B', 'en', null);
    expect(chip()?.textContent).not.toContain('Replied');
    running?.cleanup.invalidate();
    await open('thread-client-reply-en-2026-B', 'en', '2026-12-02');
    expect(chip()?.textContent).not.toContain('Replied');
  });
});
