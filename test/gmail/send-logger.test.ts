// @vitest-environment happy-dom
/** Logging on send: once per sent window that received a template, never for one Gmail kept open. */
import { afterEach, describe, expect, it } from 'vitest';
import { findComposeRoots, readCompose } from '../../extension/gmail/read/compose.ts';
import { threadLink } from '../../extension/gmail/send-logger.ts';
import {
  type FakeBackground,
  type TestOverlay,
  fakeBackground,
  flush,
  inOverlays,
  rawLedger,
  setPage,
  startTestOverlay,
} from './overlay-support.ts';

const TODAY = '2026-11-30';
const THREAD_URL = 'https://mail.google.com/mail/u/1/#inbox/FMfcgzQbfxGmNqTlRZcvtpxCqjWzKpLk';
const NOW = Date.parse('2026-11-30T09:15:00Z');

const ledger = rawLedger(
  TODAY,
  [{ name: 'Northwind', emails: 'ap@northwind.example.com, @northwind.example.com' }],
  [
    { id: 'N-1', client: 'Northwind', amount: 4800, late: 25 },
    { id: 'N-2', client: 'Northwind', amount: 1200, late: 9 },
    { id: 'N-3', client: 'Northwind', amount: 300, late: 2 },
  ],
);

function replyWindow(draft = '#msg-a:r-77'): string {
  return `<div role="dialog"><div role="region"><form>
    <div name="to"><div role="listbox"><div role="option" data-hovercard-id="ap@northwind.example.com"></div></div><input value=""></div>
    <div name="cc"><div role="listbox"><div role="option" data-hovercard-id="boss@northwind.example.com"></div></div></div>
    <input name="subjectbox" value="Re: March invoice"><input type="hidden" name="rm" value="m1">
    <input type="hidden" name="draft" value="${draft}"></form>
    <div g_editable="true" role="textbox" contenteditable="true"><br></div>
    <table class="IZ" role="group"><tr><td><div class="dC"><div class="aoO" role="button" tabindex="1">Send</div>
      <div role="button" aria-haspopup="true">More send options</div></div></td></tr></table></div></div>`;
}

let running: TestOverlay | null = null;
afterEach(() => {
  // As when the extension is reloaded: listeners and per-page state go.
  running?.cleanup.invalidate();
  running = null;
});

async function withTemplate(
  messageIndex = 0,
): Promise<{ background: FakeBackground; overlay: TestOverlay; root: Element }> {
  setPage(replyWindow(), THREAD_URL);
  const background = fakeBackground(ledger, TODAY, () => NOW);
  running = startTestOverlay(background, () => NOW);
  await running.settle();
  (inOverlays('payladder-compose', 'button.button')[0] as HTMLButtonElement).click();
  await running.settle();
  (
    inOverlays('payladder-compose', '[role=menuitem][data-message]')[messageIndex] as HTMLButtonElement
  ).click();
  return { background, overlay: running, root: findComposeRoots(document)[0] as Element };
}

const send = (root: Element) => (readCompose(root).sendButton as HTMLElement).click();

async function gmailCloses(root: Element, overlay: TestOverlay): Promise<void> {
  root.closest('[role=dialog]')?.remove();
  await overlay.settle();
  await flush();
}

describe('logging on send', () => {
  it('logs one Reminders row per stage the message covered, once Gmail closes the window', async () => {
    const { background, overlay, root } = await withTemplate();
    send(root);
    await overlay.settle();
    expect(background.logged).toEqual([]);
    await gmailCloses(root, overlay);
    // The final notice covered milestones at three stages: each is credited at its own.
    expect(background.logged).toEqual([
      {
        client: 'Northwind',
        milestones: ['N-1'],
        stage: 'final',
        template: 'final',
        to: 'ap@northwind.example.com',
        subject: 'Re: March invoice',
        link: 'https://mail.google.com/mail/u/1/#all/FMfcgzQbfxGmNqTlRZcvtpxCqjWzKpLk',
        sentAt: '2026-11-30T09:15:00.000Z',
        channel: 'gmail',
        key: 'gmail:#msg-a:r-77:0',
      },
      expect.objectContaining({
        milestones: ['N-2'],
        stage: 'followup',
        template: 'final',
        key: 'gmail:#msg-a:r-77:1',
      }),
      expect.objectContaining({
        milestones: ['N-3'],
        stage: 'reminder',
        template: 'final',
        key: 'gmail:#msg-a:r-77:2',
      }),
    ]);
    expect(inOverlays('payladder-toast', '.toast')[0]?.textContent).toBe(
      'Payladder: reminder logged in your ledger.',
    );
  });

  it('logs once when Send is pressed again, by click, Enter or Ctrl/Cmd+Enter', async () => {
    const { background, overlay, root } = await withTemplate();
    const sendButton = readCompose(root).sendButton as HTMLElement;
    send(root);
    sendButton.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    readCompose(root).body.editable?.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Enter', metaKey: true, bubbles: true }),
    );
    send(root);
    await gmailCloses(root, overlay);
    await overlay.settle();
    expect(background.requests.filter((r) => r.type === 'logReminder')).toHaveLength(3);
    expect(new Set(background.logged.map((r) => r.key)).size).toBe(3);
  });

  it('arms on Ctrl+Enter typed in the body', async () => {
    const { background, overlay, root } = await withTemplate();
    readCompose(root).body.editable?.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }),
    );
    await gmailCloses(root, overlay);
    expect(background.logged.length).toBeGreaterThan(0);
  });

  it('logs nothing when Gmail keeps the window open (a refused send)', async () => {
    const { background, overlay, root } = await withTemplate();
    send(root);
    await overlay.settle();
    await flush();
    expect(background.logged).toEqual([]);
    expect(root.isConnected).toBe(true);
  });

  it('logs nothing for a window closed without pressing Send (discarded, saved as draft)', async () => {
    const { background, overlay, root } = await withTemplate();
    await gmailCloses(root, overlay);
    expect(background.logged).toEqual([]);
  });

  it('logs nothing when the user deleted the template before sending', async () => {
    const { background, overlay, root } = await withTemplate();
    readCompose(root).body.editable?.replaceChildren(document.createTextNode('Never mind, all sorted.'));
    send(root);
    await gmailCloses(root, overlay);
    expect(background.logged).toEqual([]);
  });

  it('ignores other buttons of the toolbar', async () => {
    const { background, overlay, root } = await withTemplate();
    (root.querySelector('[aria-haspopup=true]') as HTMLElement).click();
    await gmailCloses(root, overlay);
    expect(background.logged).toEqual([]);
  });

  it('logs nothing for a window without a Payladder template', async () => {
    setPage(replyWindow(), THREAD_URL);
    const background = fakeBackground(ledger, TODAY);
    running = startTestOverlay(background);
    await running.settle();
    const root = findComposeRoots(document)[0] as Element;
    send(root);
    await gmailCloses(root, running);
    expect(background.requests).toEqual([]);
  });
});

describe('the Link column', () => {
  it('points at the conversation by id, under #all, for a reply', () => {
    expect(
      threadLink(
        'https://mail.google.com/mail/u/0/#label/Clients%2FAcme/FMfcgzQbgRnJwPKqzXbLJdBvJjxTtLmQ',
        'x',
      ),
    ).toBe('https://mail.google.com/mail/u/0/#all/FMfcgzQbgRnJwPKqzXbLJdBvJjxTtLmQ');
    expect(threadLink(`${THREAD_URL}?compose=CllgCJqVLzKwbMCX`, 'x')).toBe(
      'https://mail.google.com/mail/u/1/#all/FMfcgzQbfxGmNqTlRZcvtpxCqjWzKpLk',
    );
  });

  it('searches Sent for the subject of a new message (it has no conversation id yet)', () => {
    expect(
      threadLink('https://mail.google.com/mail/u/0/#inbox?compose=new', 'Invoice "2026-014": reminder'),
    ).toBe('https://mail.google.com/mail/u/0/#search/in%3Asent+subject%3A%22Invoice+2026-014%3A+reminder%22');
  });
});

describe('a refused send', () => {
  it('is not logged when the window is discarded later', async () => {
    let now = NOW;
    setPage(replyWindow(), THREAD_URL);
    const background = fakeBackground(ledger, TODAY, () => now);
    running = startTestOverlay(background, () => now);
    await running.settle();
    (inOverlays('payladder-compose', 'button.button')[0] as HTMLButtonElement).click();
    await running.settle();
    (inOverlays('payladder-compose', '[role=menuitem][data-message]')[0] as HTMLButtonElement).click();
    const root = findComposeRoots(document)[0] as Element;
    send(root);
    await running.settle();
    now += 31_000;
    await running.settle();
    await gmailCloses(root, running);
    expect(background.logged).toEqual([]);
  });
});
