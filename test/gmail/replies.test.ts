// @vitest-environment happy-dom
/** The reply reader on the saved pages where the client answers a reminder (issue 11). */
import { describe, expect, it } from 'vitest';
import { readThread } from '../../extension/gmail/adapter';
import { readShownMessages } from '../../extension/gmail/read/replies';
import { findFixture, fixtureDirs, loadFixture } from './fixture-set';

function messagesOf(name: string) {
  const found = findFixture(fixtureDirs(), name);
  if (!found) throw new Error(`fixture ${name} not found`);
  const thread = readThread(loadFixture(found).doc);
  if (!thread) throw new Error(`no conversation in ${name}`);
  return readShownMessages(thread);
}

describe('readShownMessages', () => {
  it.each([
    [
      'thread-client-reply-en-2026-B',
      'Wed, 2 Dec 2026, 10:12',
      "Hi Alex, sorry for the delay. I'll pay by Friday. Giulia",
    ],
    [
      'thread-client-reply-it-2026-B',
      'mer 2 dic 2026, 10:12',
      'Buongiorno Alex, mi scuso per il ritardo: pagherò entro il 15. Cordiali saluti, Giulia',
    ],
    [
      'thread-client-reply-nodate-2026-B',
      'Wed, 2 Dec 2026, 10:12',
      'Hi Alex, thanks, we are looking into it and will come back to you. Giulia',
    ],
  ])('%s: each sender and date; the client’s words without the quoted reminder', (name, date, text) => {
    const messages = messagesOf(name);
    expect(messages.map((m) => [m.sender, m.date])).toEqual([
      ['giulia.conti@example.com', 'Fri, 20 Nov 2026, 15:22'],
      ['me@example.com', 'Tue, 24 Nov 2026, 17:05'],
      ['giulia.conti@example.com', date],
    ]);
    // The collapsed first message shows no words; the quote's "On Tue, 24 Nov 2026" is left out.
    expect(messages[0]?.text).toBe('');
    expect(messages[2]?.text).toBe(text);
  });

  it('reads the dates of a 2014 page, where dates have no role', () => {
    const messages = messagesOf('thread-view-2014-B');
    expect(messages.map((m) => m.date)).toContain('Tue, Apr 1, 2014 at 9:12 AM');
  });
});
