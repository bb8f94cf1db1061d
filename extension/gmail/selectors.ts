/**
 * Every Gmail selector Payladder uses, in one place.
 *
 * Each anchor is a list of alternatives tried in order: the first one that matches
 * anything in the scope wins. Each alternative names the saved pages it must match
 * (fixture names without `.html`, from `test/fixtures/gmail/` or the shared set in
 * `../shared/fixtures/gmail/`); `test/gmail/selectors.test.ts` proves every claim.
 *
 * House rules, from years of Gmail changing under extensions:
 * - attributes and roles first (`[email]`, `[data-hovercard-id]`, `role=…`, `name=…`);
 *   Gmail's class names are minified and get renamed, and in 2025–2026 Gmail has been
 *   testing hashed class names (`Ht` → `Ht-<hash>`), so a class-based alternative always
 *   has an attribute or role fallback, or says in `withoutClasses` how the adapter copes;
 * - never the text of `aria-label`, `data-tooltip`, `title` or `placeholder`: it is
 *   localized ("Message Body", "Corpo del messaggio").
 */

/** One CSS selector and the fixtures it must match at least once. */
export interface Alternative {
  readonly css: string;
  readonly fixtures: readonly string[];
}

/** Something Payladder needs to find in Gmail's page. */
export interface Anchor {
  /** Tried in order; the first alternative that matches anything wins. */
  readonly alternatives: readonly [Alternative, ...Alternative[]];
  /**
   * Only for an anchor whose alternatives all use class names: what the adapter does
   * when Gmail renames them (every other class-based anchor has an attribute fallback).
   */
  readonly withoutClasses?: string;
}

export type RecipientField = 'to' | 'cc' | 'bcc';
export const RECIPIENT_FIELDS: readonly RecipientField[] = ['to', 'cc', 'bcc'];

// Fixture names. The shared set (third-party captures) ends in -A; ours end in -B.
const LIST_2014 = 'inbox-list-2014-A';
const THREAD_2014 = 'thread-view-2014-A';
const COMPOSE_2020 = 'compose-new-2020-A';
const COMPOSE_2020_B = 'compose-new-2020-B';
const LIST_2026 = 'inbox-list-2026-B';
const THREAD_2026 = 'thread-view-2026-B';
const INLINE_2026 = 'thread-inline-reply-2026-B';
const COMPOSE_2026 = 'compose-new-2026-B';
const REPLY_2026 = 'compose-reply-2026-B';

/** Every project fixture with a compose window in it. */
const COMPOSES_2026 = [COMPOSE_2026, REPLY_2026, INLINE_2026];
const ALL_COMPOSES = [COMPOSE_2020, COMPOSE_2020_B, ...COMPOSES_2026];

const alt = (css: string, fixtures: readonly string[]): Alternative => ({ css, fixtures });

// ---------------------------------------------------------------------------------------
// Thread list

/** A conversation row of a thread list (inbox, label, search). */
export const listRow: Anchor = {
  alternatives: [
    // The row class has held since at least 2014.
    alt('tr.zA', [LIST_2014, LIST_2026]),
    // Rows carry role=row in today's grid; the 2014 rows did not.
    alt('[role=main] tr[role=row]', [LIST_2026]),
  ],
};

/** Within a row: the people shown in the sender column (scope: the row). */
export const rowSender: Anchor = {
  alternatives: [
    // `.yW` is the sender cell. 2014 rows repeat the senders in a hidden accessibility
    // line (`.afn`) before it; scoping to `.yW` keeps the reading to what the cell shows.
    alt('.yW [email]', [LIST_2014, LIST_2026]),
    alt('[email]', [LIST_2014, LIST_2026]),
    alt('[data-hovercard-id*="@"]', [LIST_2026]),
  ],
};

/**
 * Within a row: the element carrying the hex thread id (scope: the row). Today it sits
 * on a span inside the subject cell, not on the row itself (read there by extensions'
 * code of 2023–2026; the 2014 rows had no id attribute at all).
 */
export const rowThreadId: Anchor = {
  alternatives: [alt('[data-legacy-thread-id]', [LIST_2026])],
};

/** Within a row: `data-thread-id="#thread-f:<decimal>"`, Gmail's permanent thread id. */
export const rowThreadPermId: Anchor = {
  alternatives: [alt('[data-thread-id]', [LIST_2026])],
};

// ---------------------------------------------------------------------------------------
// Conversation

/**
 * The container of one open conversation (subject, messages, reply bar). It changed
 * several times (InboxSDK's thread view, 2022–2023): `.if` (2014 → Oct 2022), `.PeIF1d`
 * (seen from 2022-10-12), `.a98.iY` (from 2022-10-21).
 */
export const threadContainer: Anchor = {
  alternatives: [
    alt('.a98.iY', [THREAD_2026, INLINE_2026]),
    // No fixture: this layout lived for days in Oct 2022; proven by a unit test instead.
    alt('.PeIF1d', []),
    alt('.if', [THREAD_2014]),
  ],
  withoutClasses:
    'the reader climbs from the subject heading (attribute fallbacks) to the nearest ' +
    'ancestor holding a message (`[data-legacy-message-id]`)',
};

/** The conversation's subject heading (scope: a thread container or the page). */
export const threadSubject: Anchor = {
  alternatives: [
    alt('h2.hP', [THREAD_2014, THREAD_2026, INLINE_2026]),
    // Today's heading also carries the thread ids (extensions read them there, 2023–2026).
    alt('h2[data-legacy-thread-id]', [THREAD_2026, INLINE_2026]),
    alt('h2[data-thread-perm-id]', [THREAD_2026, INLINE_2026]),
  ],
};

/** One message of the conversation, collapsed or expanded (scope: a thread container). */
export const message: Anchor = {
  alternatives: [
    alt('[data-legacy-message-id]', [THREAD_2026, INLINE_2026]),
    alt('[data-message-id]', [THREAD_2026, INLINE_2026]),
    // 2014: expanded `div.adn`, collapsed `div.adf`, no id attributes.
    alt('div.adn, div.adf', [THREAD_2014]),
  ],
};

/** Within a message: its sender (scope: a message). */
export const messageSender: Anchor = {
  alternatives: [
    alt('.gD[email]', [THREAD_2014, THREAD_2026, INLINE_2026]),
    // An expanded message names its sender in an h3; a collapsed one has no h3.
    alt('h3 [email]', [THREAD_2014, THREAD_2026, INLINE_2026]),
  ],
};

/** Within a message: the recipients line "to …, …" (scope: a message). */
export const messageRecipient: Anchor = {
  alternatives: [
    alt('.g2[email]', [THREAD_2014, THREAD_2026, INLINE_2026]),
    // Without `.g2`, the reader takes every address of the message header but the sender.
    alt('[email]', [THREAD_2014, THREAD_2026, INLINE_2026]),
  ],
};

/**
 * A message body: mail text, never read, never logged. The thread reader skips
 * anything inside it when it collects participants.
 */
export const messageBody: Anchor = {
  alternatives: [
    alt('.a3s', [THREAD_2014, THREAD_2026, INLINE_2026]),
    alt('.ii.gt', [THREAD_2014, THREAD_2026, INLINE_2026]),
  ],
  withoutClasses:
    'message bodies carry no attribute or role of their own (2014–2026). The reader loses ' +
    'a guard only: Gmail strips unknown attributes such as `email=` from mail HTML, so a ' +
    'body does not supply participants anyway',
};

/** A person shown in the conversation: sender, recipient, cc (scope: a thread container). */
export const participant: Anchor = {
  alternatives: [
    // Participants carry their address in an attribute; class names change.
    alt('[email]', [THREAD_2014, THREAD_2026, INLINE_2026]),
    alt('[data-hovercard-id*="@"]', [THREAD_2026, INLINE_2026]),
  ],
};

// ---------------------------------------------------------------------------------------
// Compose windows (new message, reply pop-out, inline reply)

/**
 * The region around one compose form. A new message is `[role=dialog] … .M9 >
 * [role=region]`; an inline reply is `.M9 > [role=region]` inside the conversation
 * (InboxSDK's page parser, 2021–2024). The reader keeps regions holding a `composeMarker`.
 */
export const composeRegion: Anchor = {
  alternatives: [alt('[role=region]', ALL_COMPOSES)],
};

/** Proof that a region is a compose form: subject box, compose id, or body editable. */
export const composeMarker: Anchor = {
  alternatives: [
    alt('input[name=subjectbox], input[name=composeid], [g_editable=true][role=textbox]', ALL_COMPOSES),
  ],
};

/**
 * The form of a compose window, for pages without `[role=region]`: the reader climbs
 * from it to the nearest ancestor that also holds the body editable.
 */
export const composeForm: Anchor = {
  alternatives: [alt('form', ALL_COMPOSES)],
};

/** The floating window around a new message or a popped-out reply (not an inline reply). */
export const composeDialog: Anchor = {
  alternatives: [alt('[role=dialog]', [COMPOSE_2020, COMPOSE_2020_B, COMPOSE_2026, REPLY_2026])],
};

/**
 * Hidden input: the id of the message a reply or forward answers; empty (or the text
 * "undefined") in a new message (InboxSDK reads it the same way, 2016–2024).
 */
export const composeReplyTarget: Anchor = {
  alternatives: [alt('input[name=rm]', [COMPOSE_2020, COMPOSE_2020_B, ...COMPOSES_2026])],
};

/** Hidden input: the draft's message id (`#msg-a:r-…`). */
export const composeDraftId: Anchor = {
  alternatives: [alt('input[name=draft]', ALL_COMPOSES)],
};

/** The subject box. An inline reply has one too, hidden, holding "Re: …". */
export const composeSubject: Anchor = {
  alternatives: [alt('input[name=subjectbox]', ALL_COMPOSES)],
};

/** The rich-text body editable. */
export const composeBody: Anchor = {
  alternatives: [
    alt('[g_editable=true][role=textbox]', ALL_COMPOSES),
    alt('[contenteditable=true][role=textbox]', ALL_COMPOSES),
  ],
};

/** The bottom toolbar holding Send (scope: a compose root). */
export const composeToolbar: Anchor = {
  alternatives: [
    alt('table.IZ', ALL_COMPOSES),
    // The same table carries role=group (compose-new-2020-A; kept in our 2026 fixtures).
    alt('[role=group]', ALL_COMPOSES),
  ],
};

/** The Send button (scope: a compose root). */
export const composeSend: Anchor = {
  alternatives: [
    alt('.aoO[role=button]', ALL_COMPOSES),
    // Send is the first button of the bottom toolbar (compose-new-2020-A; kept in our
    // 2026 fixtures, where a hashed `.aoO` leaves only this alternative).
    alt('[role=group] [role=button], [role=group] button', ALL_COMPOSES),
  ],
};

/**
 * The user's signature inside the body. `gmail_signature` is a class of Gmail's mail
 * format (it travels with the message), not of its UI; today the element also carries
 * `data-smartmail`.
 */
export const composeSignature: Anchor = {
  alternatives: [
    alt('[data-smartmail=gmail_signature]', [COMPOSE_2026, REPLY_2026, INLINE_2026]),
    alt('.gmail_signature', [COMPOSE_2026, REPLY_2026, INLINE_2026]),
  ],
};

/** The "-- " line today's Gmail puts above a signature; new text goes above it. */
export const composeSignaturePrefix: Anchor = {
  alternatives: [alt('.gmail_signature_prefix', [COMPOSE_2026, REPLY_2026, INLINE_2026])],
  withoutClasses:
    'a class of the mail format, not of the UI; without it new text goes just above the ' +
    'signature, below the "-- " line',
};

/**
 * Quoted text of a reply, once the user expands it into the body (Gmail keeps it
 * trimmed behind "…" until then). `gmail_quote` is a mail-format class, already in the
 * message bodies of thread-view-2014-A.
 */
export const composeQuote: Anchor = {
  alternatives: [alt('.gmail_quote', [REPLY_2026]), alt('blockquote', [REPLY_2026])],
};

/** Recipient anchors of one field (scope: a compose root). */
export interface RecipientAnchors {
  /**
   * Confirmed recipients today: chips `div[name=to] [role=listbox] [role=option]` with
   * the address in `data-hovercard-id` and the name in `data-name` (since Oct 2021). On
   * blur a chip may turn into a plain `span[email]`; both are read, in page order.
   */
  readonly chip: Anchor;
  /** Confirmed recipients 2014 – Oct 2021: a hidden input per chip, "Name <address>". */
  readonly chipInput: Anchor;
  /** Typed text 2014 – Oct 2021: a textarea of comma-separated addresses. */
  readonly textarea: Anchor;
  /** Typed text since Oct 2021: an address stays in this input until it becomes a chip. */
  readonly pending: Anchor;
}

function recipientAnchors(
  field: RecipientField,
  fixtures: { readonly chip: readonly string[]; readonly pending: readonly string[] },
): RecipientAnchors {
  return {
    chip: {
      alternatives: [
        alt(`div[name=${field}] [role=option][data-hovercard-id], div[name=${field}] [email]`, fixtures.chip),
      ],
    },
    chipInput: { alternatives: [alt(`input[type=hidden][name=${field}]`, [COMPOSE_2020_B])] },
    textarea: { alternatives: [alt(`textarea[name=${field}]`, [COMPOSE_2020, COMPOSE_2020_B])] },
    pending: { alternatives: [alt(`div[name=${field}] input:not([type=hidden])`, fixtures.pending)] },
  };
}

export const recipientAnchorsByField: Readonly<Record<RecipientField, RecipientAnchors>> = {
  to: recipientAnchors('to', { chip: COMPOSES_2026, pending: COMPOSES_2026 }),
  cc: recipientAnchors('cc', { chip: [COMPOSE_2026, REPLY_2026], pending: COMPOSES_2026 }),
  bcc: recipientAnchors('bcc', { chip: [COMPOSE_2026], pending: COMPOSES_2026 }),
};

/** Every anchor by name: for the conventions test and for skeleton logs. */
export const ANCHORS: Readonly<Record<string, Anchor>> = {
  listRow,
  rowSender,
  rowThreadId,
  rowThreadPermId,
  threadContainer,
  threadSubject,
  message,
  messageSender,
  messageRecipient,
  messageBody,
  participant,
  composeRegion,
  composeMarker,
  composeForm,
  composeDialog,
  composeReplyTarget,
  composeDraftId,
  composeSubject,
  composeBody,
  composeToolbar,
  composeSend,
  composeSignature,
  composeSignaturePrefix,
  composeQuote,
  ...Object.fromEntries(
    RECIPIENT_FIELDS.flatMap((field) =>
      Object.entries(recipientAnchorsByField[field]).map(([kind, anchor]) => [`${field}.${kind}`, anchor]),
    ),
  ),
};

/** The whole alternative list as one selector (any alternative), e.g. for `closest`. */
export function anyOf(anchor: Anchor): string {
  return anchor.alternatives.map((a) => a.css).join(', ');
}
