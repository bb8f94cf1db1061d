// @vitest-environment happy-dom
/** Edge cases of the compose reader that the saved pages do not all show. */
import { describe, expect, it } from 'vitest';
import {
  findComposeRoots,
  readCompose,
  readComposeBody,
  readComposeWindows,
  readRecipients,
  recipientAddresses,
} from '../../extension/gmail/adapter';
import { findFixture, fixtureDirs, loadFixture, parsePage } from './fixture-set';

const page = (html: string): Document => parsePage(html, true);

function fixture(name: string): Document {
  const found = findFixture(fixtureDirs(), name);
  if (!found) throw new Error(`fixture ${name} not found`);
  return loadFixture(found).doc;
}

const chip = (address: string, name: string): string =>
  `<div role="option" data-hovercard-id="${address}" data-name="${name}">${name}</div>`;

describe('recipients', () => {
  it('reads chips by data-hovercard-id and data-name, lower-cased, in page order', () => {
    const doc = page(`<div role="region"><form><input name="subjectbox">
      <div name="to"><div role="listbox">${chip('Giulia.Conti@Example.com', 'Giulia Conti')}${chip('marco.ferri@example.com', 'Marco Ferri')}</div><input></div>
    </form></div>`);
    expect(readRecipients(doc).to).toEqual([
      { address: 'giulia.conti@example.com', name: 'Giulia Conti', source: 'chip' },
      { address: 'marco.ferri@example.com', name: 'Marco Ferri', source: 'chip' },
    ]);
  });

  it('adds the address still being typed after the chips, and ignores a half-typed name', () => {
    const doc = page(`<div name="to"><div role="listbox">${chip('giulia.conti@example.com', 'Giulia')}</div>
      <input value="dana.rossi@example.com"></div>
      <div name="cc"><div role="listbox"></div><input value="Pao"></div>`);
    const recipients = readRecipients(doc);
    expect(recipients.to.map((r) => [r.address, r.source])).toEqual([
      ['giulia.conti@example.com', 'chip'],
      ['dana.rossi@example.com', 'typed'],
    ]);
    expect(recipients.cc).toEqual([]);
  });

  it('reads a value typed after parsing (the live property, not the attribute)', () => {
    const doc = page(`<div name="to"><div role="listbox"></div><input value=""></div>`);
    const input = doc.querySelector('input') as HTMLInputElement;
    input.value = 'lina.park@example.com';
    expect(recipientAddresses(readRecipients(doc))).toEqual(['lina.park@example.com']);
  });

  it('reads chips turned into span[email] on blur, with chips, in page order', () => {
    const doc = page(`<div name="to"><div role="listbox">${chip('a@example.com', 'A')}</div>
      <span email="b@example.com" name="B">B</span></div>`);
    expect(readRecipients(doc).to.map((r) => [r.address, r.name])).toEqual([
      ['a@example.com', 'A'],
      ['b@example.com', 'B'],
    ]);
  });

  it('reads the 2014–2021 textarea and hidden chip inputs: chips first, then typed text', () => {
    const doc = page(`<table class="GS"><tr><td>
      <div class="vR"><span email="giulia.conti@example.com">Giulia</span><input type="hidden" name="to" value="Giulia Conti &lt;giulia.conti@example.com&gt;"></div>
      <textarea name="to">"Ferri, Marco" &lt;Marco.Ferri@example.com&gt;; giulia.conti@example.com, dana</textarea>
      <textarea name="bcc">books@example.com</textarea></td></tr></table>`);
    const recipients = readRecipients(doc);
    expect(recipients.to).toEqual([
      { address: 'giulia.conti@example.com', name: 'Giulia Conti', source: 'chip' },
      { address: 'marco.ferri@example.com', name: 'Ferri, Marco', source: 'typed' },
    ]);
    expect(recipientAddresses(recipients)).toEqual([
      'giulia.conti@example.com',
      'marco.ferri@example.com',
      'books@example.com',
    ]);
  });

  it('skips chips whose hovercard id is not an address', () => {
    const doc = page(
      `<div name="to"><div role="listbox">${chip('102938475610293847561', 'A contact')}</div></div>`,
    );
    expect(readRecipients(doc).to).toEqual([]);
  });

  it('reads every field of the saved new message (to with a pending address, cc, bcc)', () => {
    const [compose] = readComposeWindows(fixture('compose-new-2026-B'));
    expect(compose?.recipients.to.map((r) => r.source)).toEqual(['chip', 'chip', 'typed']);
    expect(recipientAddresses(compose!.recipients, ['cc'])).toEqual(['accounts@example.com']);
    expect(recipientAddresses(compose!.recipients, ['bcc'])).toEqual(['books@example.com']);
  });
});

describe('compose windows', () => {
  it('finds nothing, and does not throw, on a page without a compose window', () => {
    expect(
      readComposeWindows(page('<div role="main"><div role="region"><p>Conversations</p></div></div>')),
    ).toEqual([]);
    expect(readComposeWindows(page(''))).toEqual([]);
  });

  it('reads missing anchors as null rather than throwing', () => {
    const doc = page(
      '<div role="region"><form><input type="hidden" name="composeid" value="1"></form></div>',
    );
    const [compose] = readComposeWindows(doc);
    expect(compose).toMatchObject({
      kind: 'new',
      inline: false,
      dialog: null,
      draftId: null,
      replyToMessageId: null,
      subjectInput: null,
      subject: '',
      toolbar: null,
      sendButton: null,
      body: { editable: null, signature: null, quote: null, insertBefore: null },
      recipients: { to: [], cc: [], bcc: [] },
    });
  });

  it('tells a reply by the message it answers; Gmail writes "undefined" into empty ids', () => {
    const compose = (rm: string) =>
      readCompose(
        page(`<div role="dialog"><div role="region"><form><input name="subjectbox"><input type="hidden" name="rm" value="${rm}">
          <input type="hidden" name="draft" value="undefined"></form></div></div>`).querySelector(
          '[role=region]',
        )!,
      );
    expect(compose('1938f2a5124af285')).toMatchObject({
      kind: 'reply',
      inline: false,
      replyToMessageId: '1938f2a5124af285',
    });
    expect(compose('')).toMatchObject({ kind: 'new', replyToMessageId: null, draftId: null });
    expect(compose('undefined')).toMatchObject({ kind: 'new', replyToMessageId: null });
  });

  it('tells an inline reply by its place inside the conversation, even without rm', () => {
    const doc = page(`<div class="PeIF1d"><h2 class="hP">Invoice</h2><div data-legacy-message-id="a1">…</div>
      <div class="M9"><div role="region"><form><input name="subjectbox" value="Re: Invoice"></form>
      <div g_editable="true" role="textbox"></div></div></div></div>`);
    const [compose] = readComposeWindows(doc);
    expect(compose).toMatchObject({ kind: 'reply', inline: true, dialog: null, subject: 'Re: Invoice' });
  });

  it('finds the 2020 form without [role=region] by climbing to the body editable', () => {
    const doc = page(`<div><table><tr><td class="I5">
      <form><input name="subjectbox" value="Invoice"><input type="hidden" name="composeid" value="1"></form>
      <table class="iN"><tr><td><div g_editable="true" role="textbox">Hi</div></td></tr>
      <tr><td><table class="IZ" role="group"><tr><td><div class="aoO" role="button">Send</div></td></tr></table></td></tr></table>
    </td></tr></table></div>`);
    const roots = findComposeRoots(doc);
    expect(roots).toHaveLength(1);
    expect(roots[0]?.classList.contains('I5')).toBe(true);
    const compose = readCompose(roots[0]!);
    expect(compose.body.editable?.textContent).toBe('Hi');
    expect(compose.sendButton?.textContent).toBe('Send');
    expect(compose.toolbar?.classList.contains('IZ')).toBe(true);
  });

  it('finds Send without Gmail class names: the first button of the toolbar group', () => {
    const doc =
      page(`<div role="region"><form><input name="subjectbox"></form><div g_editable="true" role="textbox"></div>
      <table role="group"><tr><td><button>Send</button><div role="button">More send options</div></td></tr></table></div>`);
    const [compose] = readComposeWindows(doc);
    expect(compose?.sendButton?.textContent).toBe('Send');
    expect(compose?.toolbar?.getAttribute('role')).toBe('group');
  });

  it('keeps each window separate when several are open, in page order', () => {
    const window = (subject: string) =>
      `<div role="dialog"><div role="region"><form><input name="subjectbox" value="${subject}"></form></div></div>`;
    const doc = page(`<div role="region">${window('First')}${window('Second')}</div>`);
    expect(readComposeWindows(doc).map((c) => c.subject)).toEqual(['First', 'Second']);
  });
});

describe('compose body', () => {
  it('inserts above the "-- " line of the signature', () => {
    const [compose] = readComposeWindows(fixture('compose-new-2026-B'));
    expect(compose?.body.signature?.classList.contains('gmail_signature_prefix')).toBe(true);
    expect(compose?.body.insertBefore).toBe(compose?.body.signature);
    expect(compose?.body.quote).toBeNull();
  });

  it('in a reply, ignores the quoted sender’s signature and inserts above the user’s', () => {
    const [compose] = readComposeWindows(fixture('compose-reply-2026-B'));
    const body = compose!.body;
    expect(body.quote?.classList.contains('gmail_quote')).toBe(true);
    expect(body.quote?.contains(body.signature!)).toBe(false);
    expect(body.insertBefore).toBe(body.signature);
  });

  it('inserts above the quote when the signature comes after it', () => {
    const doc = page(`<div g_editable="true" role="textbox"><div>Hi</div>
      <div class="gmail_quote"><blockquote>old</blockquote></div>
      <div class="gmail_signature" data-smartmail="gmail_signature">Alex</div></div>`);
    const body = readComposeBody(doc);
    expect(body.insertBefore).toBe(body.quote);
    expect(body.signature?.textContent).toBe('Alex');
  });

  it('appends when there is neither signature nor quote', () => {
    const body = readComposeBody(page('<div g_editable="true" role="textbox"><div>Hi</div></div>'));
    expect(body.editable).not.toBeNull();
    expect(body.insertBefore).toBeNull();
  });

  it('finds the signature and quote by attribute and tag when class names are gone', () => {
    const doc = page(`<div contenteditable="true" role="textbox"><div>Hi</div>
      <div data-smartmail="gmail_signature">Alex</div><blockquote>old</blockquote></div>`);
    const body = readComposeBody(doc);
    expect(body.signature?.textContent).toBe('Alex');
    expect(body.quote?.tagName).toBe('BLOCKQUOTE');
    expect(body.insertBefore).toBe(body.signature);
  });
});
