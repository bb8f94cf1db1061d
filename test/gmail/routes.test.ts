import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountOf, routeOf, type GmailView } from '../../extension/gmail/routes';

const U0 = 'https://mail.google.com/mail/u/0/';
const NEW_ID = 'FMfcgzQbfxGmNqTlRZcvtpxCqjWzKpLk';
const HEX_ID = '1452a7e0c3b1f2d4';
const inbox = { kind: 'list', label: 'inbox', query: null, page: 1 } as const;

describe('routeOf', () => {
  it.each<[string, GmailView]>([
    [`${U0}#inbox`, inbox],
    [U0, inbox],
    [`${U0}?tab=rm&ogbl#inbox`, inbox],
    [`${U0}#inbox/p2`, { kind: 'list', label: 'inbox', query: null, page: 2 }],
    [`${U0}#sent`, { kind: 'list', label: 'sent', query: null, page: 1 }],
    [`${U0}#starred`, { kind: 'list', label: 'starred', query: null, page: 1 }],
    [`${U0}#all`, { kind: 'list', label: 'all', query: null, page: 1 }],
    [`${U0}#drafts`, { kind: 'list', label: 'drafts', query: null, page: 1 }],
    [`${U0}#inbox/${HEX_ID}`, { kind: 'thread', threadId: HEX_ID, label: 'inbox', query: null }],
    [`${U0}#inbox/${NEW_ID}`, { kind: 'thread', threadId: NEW_ID, label: 'inbox', query: null }],
    [`${U0}#sent/${NEW_ID}`, { kind: 'thread', threadId: NEW_ID, label: 'sent', query: null }],
    [`${U0}#label/Clients`, { kind: 'list', label: 'label/Clients', query: null, page: 1 }],
    [
      `${U0}#label/Clients%2FNorthwind`,
      { kind: 'list', label: 'label/Clients/Northwind', query: null, page: 1 },
    ],
    [
      `${U0}#label/Unpaid+invoices/p3`,
      { kind: 'list', label: 'label/Unpaid invoices', query: null, page: 3 },
    ],
    // A label whose name looks like a thread id is still a label.
    [
      `${U0}#label/AccountsReceivable2026`,
      { kind: 'list', label: 'label/AccountsReceivable2026', query: null, page: 1 },
    ],
    [
      `${U0}#label/Clients%2FNorthwind/${NEW_ID}`,
      { kind: 'thread', threadId: NEW_ID, label: 'label/Clients/Northwind', query: null },
    ],
    [
      `${U0}#label/Clients/Northwind/${NEW_ID}`,
      { kind: 'thread', threadId: NEW_ID, label: 'label/Clients/Northwind', query: null },
    ],
    [`${U0}#category/promotions`, { kind: 'list', label: 'category/promotions', query: null, page: 1 }],
    [`${U0}#search/invoice+2026-014`, { kind: 'list', label: 'search', query: 'invoice 2026-014', page: 1 }],
    [`${U0}#search/from%3Anorthwind`, { kind: 'list', label: 'search', query: 'from:northwind', page: 1 }],
    [
      `${U0}#search/from%3Anorthwind/${NEW_ID}`,
      { kind: 'thread', threadId: NEW_ID, label: 'search', query: 'from:northwind' },
    ],
    [
      `${U0}#advanced-search/from=northwind&subset=all`,
      { kind: 'list', label: 'advanced-search', query: 'from=northwind&subset=all', page: 1 },
    ],
    [`${U0}#inbox?compose=new`, { kind: 'compose', windows: ['new'], behind: inbox }],
    [
      `${U0}#inbox/${NEW_ID}?compose=CllgCJqVLzKwbMCX`,
      {
        kind: 'compose',
        windows: ['CllgCJqVLzKwbMCX'],
        behind: { kind: 'thread', threadId: NEW_ID, label: 'inbox', query: null },
      },
    ],
    [
      `${U0}#inbox?compose=new%2CCllgCJqVLzKwbMCX`,
      { kind: 'compose', windows: ['new', 'CllgCJqVLzKwbMCX'], behind: inbox },
    ],
    [`${U0}#inbox?compose=`, inbox],
    [`${U0}#inbox?projector=1`, inbox],
    [`${U0}#settings/general?compose=new`, { kind: 'compose', windows: ['new'], behind: { kind: 'other' } }],
    [
      `${U0}?view=cm&fs=1&to=giulia.conti@example.com`,
      { kind: 'compose', windows: ['new'], behind: { kind: 'other' } },
    ],
    [
      'https://mail.google.com/mail/?view=cm&fs=1',
      { kind: 'compose', windows: ['new'], behind: { kind: 'other' } },
    ],
    [`${U0}#settings/general`, { kind: 'other' }],
    [`${U0}#contacts`, { kind: 'other' }],
    [`${U0}#inbox/short`, { kind: 'other' }],
    [`${U0}#label/`, { kind: 'other' }],
    [`${U0}#search/`, { kind: 'other' }],
    ['https://mail.google.com/chat/u/0/#chat/home', { kind: 'other' }],
    ['https://calendar.google.com/calendar/u/0/r', { kind: 'other' }],
    ['https://example.com/mail/u/0/#inbox', { kind: 'other' }],
    ['not a url', { kind: 'other' }],
    ['', { kind: 'other' }],
  ])('%s', (url, view) => {
    expect(routeOf(url)).toEqual(view);
  });

  it('keeps a malformed percent-escape as typed', () => {
    expect(routeOf(`${U0}#search/100%25+off%E0`)).toEqual({
      kind: 'list',
      label: 'search',
      query: '100%25 off%E0',
      page: 1,
    });
  });

  it('never throws, and always answers one of the four kinds', () => {
    fc.assert(
      fc.property(fc.string(), fc.webUrl({ withFragments: true, withQueryParameters: true }), (text, url) => {
        for (const candidate of [text, url, `${U0}#${text}`, `${U0}#inbox/${text}?compose=${text}`]) {
          expect(['list', 'thread', 'compose', 'other']).toContain(routeOf(candidate).kind);
        }
      }),
    );
  });

  it('finds any thread id under any system list or label', () => {
    const threadId = fc.stringMatching(/^[A-Za-z0-9]{16,40}$/);
    const list = fc.constantFrom('inbox', 'sent', 'all', 'starred', 'label/Clients', 'category/updates');
    fc.assert(
      fc.property(list, threadId, (label, id) => {
        expect(routeOf(`${U0}#${label}/${id}`)).toEqual({ kind: 'thread', threadId: id, label, query: null });
      }),
    );
  });
});

describe('accountOf', () => {
  it.each<[string, number | null]>([
    [`${U0}#inbox`, 0],
    ['https://mail.google.com/mail/u/2/#inbox', 2],
    ['https://mail.google.com/mail/u/12/', 12],
    ['https://mail.google.com/mail/?view=cm&fs=1', 0],
    ['https://mail.google.com/mail/?view=cm&authuser=1', 1],
    ['https://example.com/mail/u/3/', null],
    ['nonsense', null],
  ])('%s', (url, account) => {
    expect(accountOf(url)).toBe(account);
  });
});
