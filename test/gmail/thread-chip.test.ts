// @vitest-environment happy-dom
/** The status chip of an open conversation, on pages written for each story. */
import { afterEach, describe, expect, it } from 'vitest';
import { shadowOf } from '../support/closed-shadow.ts';
import { findComposeRoots, readCompose } from '../../extension/gmail/read/compose.ts';
import { readFileSync } from 'node:fs';
import { fixtureLedger } from './fixture-ledger.ts';
import { type Fixture, findFixture, fixtureDirs, readExpectation } from './fixture-set.ts';
import {
  type TestOverlay,
  fakeBackground,
  flush,
  inOverlays,
  loadPage,
  rawLedger,
  setPage,
  startTestOverlay,
} from './overlay-support.ts';

const TODAY = '2026-11-30';
const URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbfxGmNqTlRZcvtpxCqjWzKpLk';
const HOSTILE = '<img src=x onerror="alert(1)">';

const ledger = rawLedger(
  TODAY,
  [
    {
      name: 'Northwind',
      emails: '@northwind.example.com',
      risk: 'high',
      notes: `Pays after a call. ${HOSTILE}`,
    },
    { name: `Evil ${HOSTILE}`, emails: 'evil@example.com' },
  ],
  [
    { id: 'N-1', client: 'Northwind', amount: 4800, late: 25 },
    { id: 'N-2', client: 'Northwind', amount: 1200, late: 3 },
    { id: 'E-1', client: `Evil ${HOSTILE}`, amount: 10, late: 2 },
  ],
);

function thread(participants: string, reply = true): string {
  return `<div role="main"><div class="a98 iY">
    <div class="ha"><h2 class="hP" data-legacy-thread-id="1938f2a4c07d51e9">March invoice</h2></div>
    <div data-legacy-message-id="m1">
      <h3><span email="${participants.split(',')[0]}" name="Sender">Sender</span></h3>
      ${participants
        .split(',')
        .slice(1)
        .map((a) => `<span class="g2" email="${a}">${a}</span>`)
        .join('')}
      <div class="a3s">Mail text naming someone@northwind.example.com</div>
    </div>
    ${reply ? '<div class="amn"><span class="ams bkH" role="link" tabindex="0">Reply</span></div>' : ''}
  </div></div>`;
}

let running: TestOverlay | null = null;
afterEach(() => {
  // As when the extension is reloaded: listeners and per-page state go.
  running?.cleanup.invalidate();
  running = null;
});

async function start(body: string, raw = ledger) {
  setPage(body, URL);
  const background = fakeBackground(raw, TODAY);
  running = startTestOverlay(background);
  await running.settle();
  return { background, overlay: running };
}

const chip = () => inOverlays('payladder-chip', 'button.chip')[0];

describe('the status chip', () => {
  it('names the client of a participant by domain, with the worst stage, amount, days late and next action', async () => {
    const { background } = await start(thread('me@example.com,ap@northwind.example.com'));
    expect(chip()?.textContent).toBe(
      'Final noticeNorthwind€6,000.00 outstanding25 days latenext: Final notice today',
    );
    expect(chip()?.getAttribute('aria-label')).toBe('Payladder: Northwind. Show details');
    const host = document.querySelector('payladder-chip');
    expect(host?.previousElementSibling?.tagName).toBe('H2');
    // The user is never asked about: only the others.
    expect(background.requests).toEqual([
      { type: 'lookup', data: { addresses: ['ap@northwind.example.com'], exclude: ['me@example.com'] } },
    ]);
  });

  it('is not drawn when only the user and strangers take part', async () => {
    await start(thread('me@example.com,stranger@example.org'));
    expect(document.querySelector('payladder-chip')).toBeNull();
  });

  it('asks once, however many frames run', async () => {
    const { background, overlay } = await start(thread('ap@northwind.example.com'));
    await overlay.settle();
    await overlay.settle();
    expect(background.requests).toHaveLength(1);
    expect(document.querySelectorAll('payladder-chip')).toHaveLength(1);
  });

  it('comes back beside the heading when Gmail redraws it', async () => {
    const { overlay } = await start(thread('ap@northwind.example.com'));
    const heading = document.querySelector('h2.hP') as Element;
    const copy = heading.cloneNode(true) as Element;
    heading.parentElement?.replaceChildren(copy);
    await overlay.settle();
    expect(copy.nextElementSibling?.tagName).toBe('PAYLADDER-CHIP');
  });

  it('shows ledger text as text', async () => {
    await start(thread('evil@example.com'));
    const button = chip() as HTMLButtonElement;
    expect(button.textContent).toContain(`Evil ${HOSTILE}`);
    button.click();
    const panel = inOverlays('payladder-chip', '[role=dialog]')[0] as HTMLElement;
    expect(panel.querySelector('img')).toBeNull();
    expect(shadowOf(document.querySelector('payladder-chip'))?.querySelector('img')).toBeNull();
  });

  it('opens a panel with milestones, risk and notes, and closes it with Escape, focus back on the chip', async () => {
    await start(thread('ap@northwind.example.com'));
    const button = chip() as HTMLButtonElement;
    button.click();
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const panel = inOverlays('payladder-chip', '[role=dialog]')[0] as HTMLElement;
    const shadow = shadowOf(document.querySelector('payladder-chip')) as ShadowRoot;
    expect(shadow.activeElement).toBe(panel);
    const text = panel.textContent ?? '';
    expect(text).toContain('INV-N-1');
    expect(text).toContain('25 days late');
    expect(text).toContain('€4,800.00');
    expect(text).toContain('No reminder logged yet.');
    expect(text).toContain('high');
    expect(text).toContain(`Pays after a call. ${HOSTILE}`);
    panel.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(inOverlays('payladder-chip', '[role=dialog]')).toHaveLength(0);
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(shadow.activeElement).toBe(button);
  });

  it('says in words how each of the last reminders went out, in Gmail’s language', async () => {
    const reminders = rawLedger(TODAY, [], [], []).Reminders as unknown[][];
    const headers = reminders[0] as string[];
    const row = (sent: string, stage: string, channel: string) =>
      headers.map((h) =>
        h === 'Sent'
          ? sent
          : h === 'Milestone'
            ? 'N-1'
            : h === 'Stage'
              ? stage
              : h === 'Channel'
                ? channel
                : '',
      );
    const logged = {
      ...ledger,
      Reminders: [headers, row('2026-11-10', 'reminder', 'gmail'), row('2026-11-20', 'followup', 'draft')],
    };
    for (const [lang, said] of [
      ['en', ['Follow-up', 'drafted, not confirmed sent', 'Reminder', 'sent from Gmail']],
      ['it', ['Sollecito', 'bozza, invio non confermato', 'Promemoria', 'inviato da Gmail']],
    ] as const) {
      setPage(thread('ap@northwind.example.com'), URL, lang === 'it' ? { lang: 'it' } : {});
      running = startTestOverlay(fakeBackground(logged, TODAY));
      await running.settle();
      (chip() as HTMLButtonElement).click();
      const text = (inOverlays('payladder-chip', '[role=dialog]')[0] as HTMLElement).textContent ?? '';
      let from = 0;
      for (const words of said) {
        const at = text.indexOf(words, from);
        expect(at, `${lang}: ${words}`).toBeGreaterThan(-1);
        from = at;
      }
      expect(text).not.toMatch(/\b(gmail|draft)\b/);
      running.cleanup.invalidate();
    }
  });

  it('closes the panel on a click elsewhere in Gmail', async () => {
    await start(thread('ap@northwind.example.com'));
    (chip() as HTMLButtonElement).click();
    document
      .querySelector('h2')
      ?.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, composed: true }));
    expect(inOverlays('payladder-chip', '[role=dialog]')).toHaveLength(0);
  });

  it('speaks Italian in an Italian Gmail, amounts in Italian too (as the popup)', async () => {
    setPage(thread('ap@northwind.example.com'), URL, {
      lang: 'it',
      title: 'Fattura - me@example.com - Gmail',
    });
    running = startTestOverlay(fakeBackground(ledger, TODAY));
    await running.settle();
    expect(chip()?.textContent).toBe(
      'Ultimo sollecitoNorthwind6.000,00\u00a0€ da incassare25 giorni di ritardoprossimo: Ultimo sollecito oggi',
    );
  });

  it('follows Gmail’s dark theme', async () => {
    setPage(thread('ap@northwind.example.com'), URL);
    document.body.style.backgroundColor = 'rgb(32, 33, 36)';
    running = startTestOverlay(fakeBackground(ledger, TODAY));
    await running.settle();
    expect(
      shadowOf(document.querySelector('payladder-chip'))?.querySelector('.pl')?.getAttribute('data-theme'),
    ).toBe('dark');
  });
});

describe('Write reminder', () => {
  it('opens Gmail’s reply and writes the recommended template into it', async () => {
    const { overlay } = await start(thread('ap@northwind.example.com'));
    const container = document.querySelector('.a98') as Element;
    // Gmail answers the Reply link by drawing an inline reply in the conversation.
    document.querySelector('.ams')?.addEventListener('click', () => {
      const reply = document.createElement('div');
      reply.innerHTML = `<div class="M9"><div role="region"><form>
        <div name="to"><div role="listbox"><div role="option" data-hovercard-id="ap@northwind.example.com"></div></div></div>
        <input name="subjectbox" value="Re: March invoice"><input type="hidden" name="rm" value="m1"></form>
        <div g_editable="true" role="textbox" contenteditable="true"><br></div>
        <table role="group"><tr><td><div class="aoO" role="button">Send</div></td></tr></table></div></div>`;
      container.append(reply);
    });
    (chip() as HTMLButtonElement).click();
    const write = inOverlays('payladder-chip', 'button.action')[0] as HTMLButtonElement;
    expect(write.textContent).toBe('Write reminder');
    write.click();
    expect(inOverlays('payladder-chip', '[role=dialog]')).toHaveLength(0);
    await overlay.settle();
    const compose = readCompose(findComposeRoots(document)[0] as Element);
    expect(compose.kind).toBe('reply');
    expect(compose.body.editable?.textContent).toContain('INV-N-1');
    // The final notice (the stage of the most urgent milestone), covering both.
    expect(compose.body.editable?.textContent).toContain('I am open to a payment plan');
    expect(compose.body.editable?.textContent).toContain('INV-N-2');
    expect(compose.subject).toBe('Re: March invoice');
  });

  it('clicks the reply bar Gmail shows, not a hidden one or one inside a table (thread-reply-bars-2026-B)', async () => {
    const fixture = findFixture(fixtureDirs(), 'thread-reply-bars-2026-B') as Fixture;
    const expected = readExpectation(fixture);
    loadPage(readFileSync(fixture.htmlPath, 'utf8'), expected.fragment, expected.url);
    running = startTestOverlay(fakeBackground(fixtureLedger([fixture], TODAY).raw, TODAY));
    await running.settle();
    const pressed: string[] = [];
    for (const link of Array.from(document.querySelectorAll('[role=link]'))) {
      link.addEventListener('mousedown', () => pressed.push(link.id));
    }
    (chip() as HTMLButtonElement).click();
    (inOverlays('payladder-chip', 'button.action')[0] as HTMLButtonElement).click();
    expect(pressed).toEqual([':r3']);
  });

  it('asks the user to open a reply when the page shows no Reply link', async () => {
    await start(thread('ap@northwind.example.com', false));
    (chip() as HTMLButtonElement).click();
    (inOverlays('payladder-chip', 'button.action')[0] as HTMLButtonElement).click();
    await flush();
    const hint = inOverlays('payladder-chip', '.hint')[0];
    expect(hint?.textContent).toBe('Open a reply, then use the Payladder button in its toolbar.');
  });
});
