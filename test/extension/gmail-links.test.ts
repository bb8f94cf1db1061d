import { describe, expect, it } from 'vitest';
import { composeUrl, conversationUrl } from '../../extension/ui/gmail-links.ts';

const query = (url: string) => decodeURIComponent(url.split('#search/')[1] ?? '');

describe('the Gmail links of today’s work', () => {
  it('searches the client’s conversations from and to each address and domain, newest first', () => {
    const url = conversationUrl('Acme', ['ap@acme.example', '@acme.example']);
    expect(url.startsWith('https://mail.google.com/mail/u/0/#search/')).toBe(true);
    expect(query(url)).toBe('{from:ap@acme.example to:ap@acme.example from:acme.example to:acme.example}');
  });

  it('searches the drafts to the client for a draft to confirm', () => {
    expect(query(conversationUrl('Acme', ['ap@acme.example'], true))).toBe('in:drafts to:ap@acme.example');
  });

  it('searches by name, as a phrase, for a client with no address', () => {
    expect(query(conversationUrl('Rossi "Studio" & Co', []))).toBe('"Rossi  Studio  & Co"');
  });

  it('encodes what the ledger typed, so it cannot change the URL', () => {
    const url = conversationUrl('x', ['a+b@x.example#inbox/../settings']);
    expect(url.split('#').length).toBe(2);
    expect(query(url)).toContain('a+b@x.example#inbox/../settings');
  });

  it('writes to the addresses, never to a bare domain; none when the ledger has no address', () => {
    expect(composeUrl(['ap@acme.example', '@acme.example', 'boss@acme.example'])).toBe(
      'https://mail.google.com/mail/?view=cm&fs=1&to=ap%40acme.example%2Cboss%40acme.example',
    );
    expect(composeUrl(['@acme.example'])).toBeNull();
    expect(composeUrl([])).toBeNull();
  });
});
