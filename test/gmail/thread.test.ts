// @vitest-environment happy-dom
/** Edge cases of the conversation reader that the saved pages do not all show. */
import { describe, expect, it } from 'vitest';
import { findReplyLink, findThreadContainers, readThread } from '../../extension/gmail/adapter';
import { findFixture, fixtureDirs, loadFixture, parsePage } from './fixture-set';

const page = (html: string): Document => parsePage(html, true);

function fixture(name: string): Document {
  const found = findFixture(fixtureDirs(), name);
  if (!found) throw new Error(`fixture ${name} not found`);
  return loadFixture(found).doc;
}

const person = (cls: string, address: string): string =>
  `<span class="${cls}" email="${address}">${address}</span>`;

describe('readThread', () => {
  it('returns null, without throwing, when no conversation is open', () => {
    expect(
      readThread(page('<div role="main"><table><tr class="zA"><td></td></tr></table></div>')),
    ).toBeNull();
    expect(readThread(page(''))).toBeNull();
  });

  it('reads the Oct 2022 .PeIF1d container', () => {
    const doc = page(`<div class="PeIF1d"><h2 class="hP">Invoice 7</h2>
      <div class="adn">${person('gD', 'a@example.com')} to ${person('g2', 'b@example.com')}</div></div>`);
    const thread = readThread(doc);
    expect(thread?.element.classList.contains('PeIF1d')).toBe(true);
    expect(thread?.subject).toBe('Invoice 7');
    expect(thread?.participants).toEqual(['a@example.com', 'b@example.com']);
  });

  it('without a known container class, climbs from the subject to the messages', () => {
    const doc =
      page(`<div role="main"><div id="conversation"><div><h2 data-legacy-thread-id="19a">Invoice 8</h2></div>
      <div data-legacy-message-id="19a"><h3><span email="A@Example.com">A</span></h3></div></div></div>`);
    const thread = readThread(doc);
    expect(thread?.element.id).toBe('conversation');
    expect(thread?.threadId).toBe('19a');
    expect(thread?.messages.map((m) => [m.messageId, m.sender])).toEqual([['19a', 'a@example.com']]);
  });

  it('skips a conversation Gmail keeps in the page but hides', () => {
    const conversation = (subject: string) =>
      `<div class="a98 iY"><h2 class="hP">${subject}</h2><div class="adn">${person('gD', 'a@example.com')}</div></div>`;
    const doc = page(
      `<div style="display: none">${conversation('Earlier')}</div><div>${conversation('Open')}</div>`,
    );
    expect(findThreadContainers(doc)).toHaveLength(1);
    expect(readThread(doc)?.subject).toBe('Open');
  });

  it('does not take addresses from message bodies', () => {
    const doc =
      page(`<div class="a98 iY"><h2 class="hP">Invoice 9</h2><div class="adn">${person('gD', 'a@example.com')}
      <div class="ii gt"><div class="a3s"><span email="forged@example.com">x</span></div></div></div></div>`);
    expect(readThread(doc)?.participants).toEqual(['a@example.com']);
  });

  it('reads each message: sender, recipients, id (user included as the page shows them)', () => {
    const thread = readThread(fixture('thread-view-2026-B'));
    expect(thread?.threadId).toBe('1938f2a4c07d51e9');
    expect(thread?.threadPermId).toBe('thread-f:1817469239061991913');
    expect(thread?.messages.map((m) => [m.sender, m.recipients])).toEqual([
      ['giulia.conti@example.com', []],
      ['me@example.com', ['giulia.conti@example.com', 'accounts@example.com']],
      ['giulia.conti@example.com', ['me@example.com', 'accounts@example.com', 'marco.ferri@example.com']],
    ]);
    expect(thread?.messages.every((m) => m.messageId !== null)).toBe(true);
  });

  it('without email attributes, falls back to hovercard ids and still leaves the reply form out', () => {
    const doc = fixture('thread-inline-reply-2026-B');
    for (const el of Array.from(doc.querySelectorAll('[email]'))) el.removeAttribute('email');
    const thread = readThread(doc);
    // billing@example.com is a chip of the open reply, not a participant.
    expect(thread?.participants).toEqual([
      'me@example.com',
      'dana.rossi@example.com',
      'paolo.greco@example.com',
    ]);
  });

  it('reads data-thread-perm-id="undefined" as no permanent id, keeping the legacy id', () => {
    const thread = readThread(fixture('thread-perm-id-undefined-2026-B'));
    expect(thread?.subject).toBe('Invoice 2026-015 (April milestone)');
    expect(thread?.threadPermId).toBeNull();
    expect(thread?.threadId).toBe('1938f2a4c07d51e9');
  });

  it.each([
    ['missing', ''],
    ['empty', ' data-thread-perm-id=""'],
    ['"undefined"', ' data-thread-perm-id="undefined"'],
    ['"#thread-f:undefined"', ' data-thread-perm-id="#thread-f:undefined"'],
    ['"null"', ' data-thread-perm-id="null"'],
  ])('reads a %s permanent id as absent', (_case, attribute) => {
    const doc = page(`<div class="a98 iY"><h2 class="hP"${attribute} data-legacy-thread-id="19a">Invoice</h2>
      <div data-legacy-message-id="undefined">${person('gD', 'a@example.com')}</div></div>`);
    const thread = readThread(doc);
    expect(thread?.threadPermId).toBeNull();
    expect(thread?.threadId).toBe('19a');
    expect(thread?.messages[0]?.messageId).toBeNull();
  });

  it('keeps a good permanent id, without its #', () => {
    const doc = page(`<div class="a98 iY"><h2 class="hP" data-thread-perm-id="#thread-f:181">Invoice</h2>
      <div class="adn">${person('gD', 'a@example.com')}</div></div>`);
    expect(readThread(doc)?.threadPermId).toBe('thread-f:181');
  });
});

describe('findReplyLink', () => {
  const container = (doc: Document): Element => findThreadContainers(doc)[0] as Element;

  it('takes the shown reply bar outside tables over a hidden one and one inside a table', () => {
    const doc = fixture('thread-reply-bars-2026-B');
    expect(doc.querySelectorAll('.amn')).toHaveLength(3);
    expect(findReplyLink(container(doc))?.id).toBe(':r3');
  });

  it('takes a shown bar inside a table when it is the only one shown (the classic layout)', () => {
    const doc = fixture('thread-reply-bars-2026-B');
    doc.getElementById(':r3')?.closest('.amn')?.setAttribute('style', 'display: none');
    expect(findReplyLink(container(doc))?.id).toBe(':r2');
    expect(findReplyLink(container(fixture('thread-view-2026-B')))?.textContent).toBe('Reply');
  });

  it('never takes a hidden bar', () => {
    const doc = fixture('thread-reply-bars-2026-B');
    doc.getElementById(':r2')?.closest('.amn')?.setAttribute('hidden', '');
    doc.getElementById(':r3')?.closest('.amn')?.setAttribute('style', 'display:none');
    expect(findReplyLink(container(doc))).toBeNull();
  });

  it('follows the page’s style sheets where the page has them', () => {
    const doc = fixture('thread-reply-bars-2026-B');
    const style = doc.createElement('style');
    style.textContent = '.aYi { display: none }';
    doc.head.append(style);
    const bar = doc.getElementById(':r3')?.closest('.amn') as Element;
    bar.classList.add('aYi');
    expect(findReplyLink(container(doc))?.id).toBe(':r2');
  });
});
