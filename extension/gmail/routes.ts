/**
 * Gmail URL → the view it shows. Pure: no `location`, no DOM.
 *
 * Gmail routes in the fragment: `#inbox`, `#inbox/<thread>`, `#label/<name>/<thread>`,
 * `#search/<query>/<thread>`, `#inbox/p2` (page 2), and `?compose=new` (or a draft id)
 * after the fragment while a compose window is open. Nested label names and search
 * queries are percent-encoded into one segment, spaces as `+`.
 */

/**
 * A thread list. `label` is the list's path as Gmail writes it, decoded: `inbox`, `sent`,
 * `label/Clients/Acme`, `category/social`, `search`, `advanced-search`.
 */
export interface ListView {
  readonly kind: 'list';
  readonly label: string;
  /** The search query of `search` and `advanced-search` lists, otherwise null. */
  readonly query: string | null;
  /** 1-based page of the list. */
  readonly page: number;
}

/**
 * An open conversation, with the list it was opened from. Note that today's URL id
 * (`FMfcgz…`) is not the hex `data-legacy-thread-id` the page shows.
 */
export interface ThreadView {
  readonly kind: 'thread';
  /** As the URL spells it: 16 hex digits (older links) or Gmail's newer opaque id. */
  readonly threadId: string;
  readonly label: string;
  readonly query: string | null;
}

export interface OtherView {
  readonly kind: 'other';
}

/** One or more compose windows open over another view (or on a page of their own). */
export interface ComposeView {
  readonly kind: 'compose';
  /** One entry per window: `new`, or the id of the draft it edits. */
  readonly windows: readonly string[];
  readonly behind: ListView | ThreadView | OtherView;
}

export type GmailView = ListView | ThreadView | ComposeView | OtherView;

const OTHER: OtherView = { kind: 'other' };

// Single-segment lists Gmail shows (2014–2026). `imp` is Important.
const SYSTEM_LISTS = new Set([
  'inbox',
  'starred',
  'snoozed',
  'imp',
  'sent',
  'scheduled',
  'outbox',
  'drafts',
  'all',
  'spam',
  'trash',
  'chats',
]);

// A thread id segment: 16 hex digits (2014–2020 links) or the newer ids such as
// `FMfcgzQbfxGmNqTlRZcvtpxCqjWzKpLk` (2020–2026). Anything shorter is not a thread.
const THREAD_ID = /^[A-Za-z0-9_-]{16,}$/;
const PAGE = /^p(\d+)$/;

/** The Gmail view a URL shows; `{ kind: 'other' }` for anything else. Never throws. */
export function routeOf(url: string): GmailView {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return OTHER;
  }
  if (parsed.hostname !== 'mail.google.com' || !parsed.pathname.startsWith('/mail/')) return OTHER;

  const hash = parsed.hash.replace(/^#/, '');
  const queryAt = hash.indexOf('?');
  const path = queryAt < 0 ? hash : hash.slice(0, queryAt);
  const hashParams = new URLSearchParams(queryAt < 0 ? '' : hash.slice(queryAt + 1));

  // `?view=cm` is the full-page compose (mailto: handler, "open in new window").
  if (parsed.searchParams.get('view') === 'cm') return { kind: 'compose', windows: ['new'], behind: OTHER };

  const behind = viewOfPath(path);
  const compose = hashParams.get('compose');
  if (compose !== null) {
    const windows = compose
      .split(',')
      .map((w) => w.trim())
      .filter((w) => w !== '');
    if (windows.length > 0) return { kind: 'compose', windows, behind };
  }
  return behind;
}

function viewOfPath(path: string): ListView | ThreadView | OtherView {
  const segments = path === '' ? ['inbox'] : path.split('/');
  const [head, ...rest] = segments;
  if (head === undefined) return OTHER;

  if (SYSTEM_LISTS.has(head)) return listOrThread(head, null, rest);

  if (head === 'label' || head === 'category') {
    const { named, tail } = splitTail(rest);
    if (named.length === 0) return OTHER;
    return listOrThread(`${head}/${named.map(decodeSegment).join('/')}`, null, tail);
  }

  if (head === 'search' || head === 'advanced-search') {
    const [query, ...tail] = rest;
    if (query === undefined || query === '') return OTHER;
    return listOrThread(head, decodeSegment(query), tail);
  }

  return OTHER;
}

// A label's name is its first segment plus any later ones up to a trailing page or
// thread id: a nested label arrives as one `%2F`-encoded segment, but tolerate a raw `/`.
function splitTail(segments: readonly string[]): { named: string[]; tail: string[] } {
  let end = segments.length;
  while (end > 1) {
    const last = segments[end - 1] ?? '';
    if (!PAGE.test(last) && !THREAD_ID.test(last)) break;
    end -= 1;
  }
  return { named: segments.slice(0, end).filter((s) => s !== ''), tail: segments.slice(end) };
}

function listOrThread(
  label: string,
  query: string | null,
  tail: readonly string[],
): ListView | ThreadView | OtherView {
  let page = 1;
  let threadId: string | null = null;
  for (const segment of tail) {
    if (segment === '') continue;
    const pageMatch = PAGE.exec(segment);
    if (pageMatch) page = Number(pageMatch[1]);
    else if (THREAD_ID.test(segment) && threadId === null) threadId = segment;
    else return OTHER;
  }
  if (threadId !== null) return { kind: 'thread', threadId, label, query };
  return { kind: 'list', label, query, page: Math.max(1, page) };
}

function decodeSegment(segment: string): string {
  const spaced = segment.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

/**
 * The signed-in account index of a Gmail URL (`/mail/u/1/` → 1); 0 when the URL names
 * none (Gmail then means the first account); null for a URL that is not Gmail.
 */
export function accountOf(url: string): number | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.hostname !== 'mail.google.com' || !parsed.pathname.startsWith('/mail/')) return null;
  const match = /\/u\/(\d+)(\/|$)/.exec(parsed.pathname);
  if (match) return Number(match[1]);
  const authuser = parsed.searchParams.get('authuser');
  return authuser !== null && /^\d+$/.test(authuser) ? Number(authuser) : 0;
}
