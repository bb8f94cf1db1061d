/**
 * The RFC 2822 message the add-on hands the Gmail API (adapters/mime.ts), read back by the
 * fake's parser and by Node's own base64: UTF-8 anywhere, 7-bit headers, lines in bounds.
 */
import { Buffer } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMemoryServices } from '../../apps-script/dev/memory-services.ts';
import {
  base64Url,
  encodeHeader,
  fromHeader,
  rawMessage,
  rfc2822,
  utf8Bytes,
} from '../../apps-script/src/adapters/mime.ts';
import { draftIdOfLink, draftLink } from '../../apps-script/src/draft-link.ts';
import { decodeWords, parseMessage } from './fakes/gmail-advanced.ts';

const message = {
  to: ['Anna Rossi <anna@acme.it>', 'ap@acme.it'],
  subject: 'Sollecito: fattura n° 12 — € 1.234,56 scaduta 🙏',
  text: 'Gentile Anna,\nla fattura è scaduta.',
  html: '<p>Gentile Anna,</p><p>la fattura è scaduta.</p>',
  senderName: 'Studio Bianchi & Figli',
};

describe('the draft as an RFC 2822 message', () => {
  it('encodes UTF-8 like Node does, and base64url without padding', () => {
    for (const s of ['', 'a', 'è', '€', '🙏', 'x\u{10FFFF}y']) {
      expect(Buffer.from(utf8Bytes(s))).toEqual(Buffer.from(s, 'utf8'));
      expect(base64Url(utf8Bytes(s))).toBe(Buffer.from(s, 'utf8').toString('base64url'));
    }
    // A lone surrogate becomes U+FFFD, as TextEncoder does.
    expect(utf8Bytes('\ud800')).toEqual([0xef, 0xbf, 0xbd]);
  });

  it('puts a UTF-8 subject in RFC 2047 words of at most 75 characters, read back whole', () => {
    const header = encodeHeader(message.subject);
    for (const word of header.split('\r\n ')) expect(word.length).toBeLessThanOrEqual(75);
    expect(decodeWords(header)).toBe(message.subject);
    expect(encodeHeader('Invoice 12 is due')).toBe('Invoice 12 is due');
  });

  it('is multipart/alternative, text then HTML, and the fake Gmail reads it back', () => {
    const text = rfc2822(message, 'me@studio.example');
    const head = text.slice(0, text.indexOf('\r\n\r\n'));
    expect([...head].every((ch) => ch.charCodeAt(0) < 0x80)).toBe(true);
    for (const line of text.split('\r\n')) expect(line.length).toBeLessThanOrEqual(998);
    expect(text.indexOf('text/plain')).toBeLessThan(text.indexOf('text/html'));
    expect(head).toContain('From: "Studio Bianchi & Figli" <me@studio.example>');
    const parsed = parseMessage(
      Buffer.from(rawMessage(message, 'me@studio.example'), 'base64url').toString('utf8'),
    );
    if (typeof parsed === 'string') throw new Error(parsed);
    expect(parsed.subject).toBe(message.subject);
    expect(parsed.text).toBe(message.text);
    expect(parsed.html).toBe(message.html);
    expect(parsed.headers.get('to')).toBe('Anna Rossi <anna@acme.it>, ap@acme.it');
  });

  it('cannot be broken by what the ledger holds: CR/LF in a subject or a name stay in their header', () => {
    const text = rfc2822(
      { ...message, subject: 'A\r\nBcc: x@evil.example', senderName: 'N\r\nBcc: y@evil.example' },
      'me@x.example',
    );
    expect(text).not.toMatch(/\r\nBcc:/);
    expect(fromHeader('Zoë', 'me@x.example')).toMatch(/^=\?UTF-8\?B\?.*\?= <me@x\.example>$/);
  });

  it('round-trips any subject and body (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (subject, body) => {
        const raw = rawMessage({ to: ['a@b.example'], subject, text: body, html: `<p>${body}</p>` });
        expect(raw).toMatch(/^[A-Za-z0-9_-]*$/);
        const parsed = parseMessage(Buffer.from(raw, 'base64url').toString('utf8'));
        if (typeof parsed === 'string') throw new Error(parsed);
        const clean = (s: string) => Buffer.from(s, 'utf8').toString('utf8');
        // Gmail trims the space around a header's value.
        expect(parsed.subject.trim()).toBe(
          clean(subject)
            .replace(/[\r\n]+/g, ' ')
            .trim(),
        );
        expect(parsed.text).toBe(clean(body));
      }),
      { numRuns: 200 },
    );
  });
});

describe('the Reminders Link of a draft', () => {
  it('carries the draft id and the thread, and other links carry none', () => {
    const link = draftLink('r7000000001', '18f0000000001');
    expect(link).toBe('https://mail.google.com/mail/?draft=r7000000001#all/18f0000000001');
    expect(draftIdOfLink(link)).toBe('r7000000001');
    expect(draftIdOfLink('https://mail.google.com/mail/#inbox/18f0000000001')).toBeNull();
    expect(draftIdOfLink('https://mail.google.com/mail/#drafts?compose=18f0')).toBeNull();
    expect(draftIdOfLink('PEC receipt 123')).toBeNull();
  });

  it('draftExists on the in-memory Services: true until the draft is sent or deleted', () => {
    const services = createMemoryServices({ now: new Date('2026-03-02T09:00:00+01:00'), seed: 'empty' });
    const { id } = services.createDraft({ to: ['a@b.example'], subject: 's', text: 't', html: '<p>t</p>' });
    expect(services.draftExists(id)).toBe(true);
    const draft = services.drafts.find((d) => d.id === id);
    if (draft) draft.gone = true;
    expect(services.draftExists(id)).toBe(false);
    expect(services.draftExists('never-made')).toBe(false);
  });
});
