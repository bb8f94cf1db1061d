// @vitest-environment happy-dom
/** Edge cases of the conversation reader that the saved pages do not all show. */
import { describe, expect, it } from 'vitest';
import { findThreadContainers, readThread } from '../../extension/gmail/adapter';
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
});
