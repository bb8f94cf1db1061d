/**
 * Every Gmail selector Payladder uses, in one place.
 *
 * Each anchor is a list of alternatives tried in order: the first one that matches
 * anything in the scope wins. Beside each anchor, its proof names the saved pages each
 * alternative must match (fixture names without `.html`, from `test/fixtures/gmail/` or
 * the shared set in `../shared/fixtures/gmail/`); `test/gmail/selectors.test.ts` checks
 * every claim.
 *
 * House rules, from years of Gmail changing under extensions:
 * - attributes and roles first (`[email]`, `[data-hovercard-id]`, `role=…`, `name=…`);
 *   Gmail's class names are minified and get renamed, and in 2025–2026 Gmail has been
 *   testing hashed class names (`Ht` → `Ht-<hash>`), so a class-based alternative always
 *   has an attribute or role fallback, or its proof says in `withoutClasses` how the
 *   adapter copes;
 * - never the text of `aria-label`, `data-tooltip`, `title` or `placeholder`: it is
 *   localized ("Message Body", "Corpo del messaggio").
 */

/**
 * Something Payladder needs to find in Gmail's page: its alternatives, CSS selectors tried
 * in order; the first that matches anything wins. A bare list, as every anchor ships in
 * the content script.
 */
export type Anchor = readonly [string, ...string[]];

/**
 * The evidence for an anchor, kept beside it: for each alternative, in order, the saved
 * pages it must match at least once; and, only for an anchor whose alternatives all use
 * class names, what the adapter does when Gmail renames them (every other class-based
 * anchor has an attribute fallback). Proofs are constants of their own so that only the
 * tests carry them: the content script, which ships to every user, imports none.
 */
export interface Proof {
  readonly fixtures: readonly (readonly string[])[];
  readonly withoutClasses?: string;
}

export type RecipientField = 'to' | 'cc' | 'bcc';
export const RECIPIENT_FIELDS: readonly RecipientField[] = ['to', 'cc', 'bcc'];

// Fixture names. The shared set (third-party captures) ends in -A; ours end in -B.
const LIST_2014 = 'inbox-list-2014-A';
const THREAD_2014 = 'thread-view-2014-A';
const COMPOSE_2020 = 'compose-new-2020-A';
const COMPOSE_2020_B = 'compose-new-2020-B';
const LIST_2014_B = 'inbox-list-2014-B';
const THREAD_2014_B = 'thread-view-2014-B';
const THREAD_2022 = 'thread-view-2022-B';
const LIST_2026 = 'inbox-list-2026-B';
const THREAD_2026 = 'thread-view-2026-B';
const INLINE_2026 = 'thread-inline-reply-2026-B';
const REPLY_BARS_2026 = 'thread-reply-bars-2026-B';
const PERM_UNDEFINED_2026 = 'thread-perm-id-undefined-2026-B';
const COMPOSE_2026 = 'compose-new-2026-B';
const REPLY_2026 = 'compose-reply-2026-B';
const CLIENT_REPLY_EN = 'thread-client-reply-en-2026-B';
const CLIENT_REPLY_IT = 'thread-client-reply-it-2026-B';
const CLIENT_REPLY_NODATE = 'thread-client-reply-nodate-2026-B';
const CLIENT_REPLIES = [CLIENT_REPLY_EN, CLIENT_REPLY_IT, CLIENT_REPLY_NODATE];

/** Every project fixture with a compose window in it. */
const COMPOSES_2026 = [COMPOSE_2026, REPLY_2026, INLINE_2026];
const ALL_COMPOSES = [COMPOSE_2020, COMPOSE_2020_B, ...COMPOSES_2026];

// ---------------------------------------------------------------------------------------
// Thread list

/** A conversation row of a thread list (inbox, label, search). */
export const listRow: Anchor = [
  // The row class has held since at least 2014.
  'tr.zA',
  // Rows carry role=row in today's grid; the 2014 rows did not.
  '[role=main] tr[role=row]',
];
export const listRowProof: Proof = {
  fixtures: [[LIST_2014, LIST_2014_B, LIST_2026], [LIST_2026]],
};

/** Within a row: the people shown in the sender column (scope: the row). */
export const rowSender: Anchor = [
  // `.yW` is the sender cell. 2014 rows repeat the senders in a hidden accessibility
  // line (`.afn`) before it; scoping to `.yW` keeps the reading to what the cell shows.
  '.yW [email]',
  '[email]',
  '[data-hovercard-id*="@"]',
];
export const rowSenderProof: Proof = {
  fixtures: [[LIST_2014, LIST_2014_B, LIST_2026], [LIST_2014, LIST_2014_B, LIST_2026], [LIST_2026]],
};

/**
 * Within a row: the element carrying the hex thread id (scope: the row). Today it sits
 * on a span inside the subject cell, not on the row itself (read there by extensions'
 * code of 2023–2026; the 2014 rows had no id attribute at all).
 */
export const rowThreadId: Anchor = ['[data-legacy-thread-id]'];
export const rowThreadIdProof: Proof = {
  fixtures: [[LIST_2026]],
};

/** Within a row: `data-thread-id="#thread-f:<decimal>"`, Gmail's permanent thread id. */
export const rowThreadPermId: Anchor = ['[data-thread-id]'];
export const rowThreadPermIdProof: Proof = {
  fixtures: [[LIST_2026]],
};

/**
 * Within a row: the cell showing the senders (scope: the row), where a stage badge is drawn
 * over its end. Without classes (Gmail's hashed-class experiment, 2025–2026), the grid
 * cell holding a sender's address; proved on every list page with its classes rewritten
 * (test/gmail/fixtures.test.ts, test/gmail/overlay-fixtures.test.ts and the Chromium suite).
 * The reader falls back to the cell around the first sender.
 */
export const rowSenderCell: Anchor = [
  'td.yX',
  '.yW',
  '[role=gridcell]:has([email], [data-hovercard-id*="@"])',
];
export const rowSenderCellProof: Proof = {
  fixtures: [[LIST_2014, LIST_2014_B, LIST_2026], [LIST_2014, LIST_2014_B, LIST_2026], [LIST_2026]],
};

// ---------------------------------------------------------------------------------------
// The signed-in account

/**
 * The account button in Gmail's top bar. Its `aria-label` names the account and its
 * address ("Google Account: Alex Moreau (me@example.com)"): the words are localized, the
 * address is not, and only the address is read out of it. The document title
 * ("Inbox - me@example.com - Gmail") is read first; this is the fallback.
 */
export const accountButton: Anchor = ['[role=banner] a[href*="SignOutOptions"]'];
export const accountButtonProof: Proof = {
  fixtures: [[LIST_2026, THREAD_2022, THREAD_2026, INLINE_2026]],
};

// ---------------------------------------------------------------------------------------
// Conversation

/**
 * The container of one open conversation (subject, messages, reply bar). It changed
 * several times (InboxSDK's thread view, 2022–2023): `.if` (2014 → Oct 2022), `.PeIF1d`
 * (seen from 2022-10-12), `.a98.iY` (from 2022-10-21).
 */
export const threadContainer: Anchor = [
  '.a98.iY',
  // This layout lived for days in Oct 2022 (thread-view-2022-B).
  '.PeIF1d',
  '.if',
];
export const threadContainerProof: Proof = {
  fixtures: [[THREAD_2026, INLINE_2026], [THREAD_2022], [THREAD_2014, THREAD_2014_B]],
  withoutClasses:
    'the reader climbs from the subject heading (attribute fallbacks) to the nearest ' +
    'ancestor holding a message (`[data-legacy-message-id]`)',
};

/** The conversation's subject heading (scope: a thread container or the page). */
export const threadSubject: Anchor = [
  'h2.hP',
  // Today's heading also carries the thread ids (extensions read them there, 2023–2026).
  'h2[data-legacy-thread-id]',
  'h2[data-thread-perm-id]',
];
export const threadSubjectProof: Proof = {
  fixtures: [
    [THREAD_2014, THREAD_2014_B, THREAD_2022, THREAD_2026, INLINE_2026, REPLY_BARS_2026],
    [THREAD_2022, THREAD_2026, INLINE_2026, PERM_UNDEFINED_2026],
    [THREAD_2022, THREAD_2026, INLINE_2026, PERM_UNDEFINED_2026],
  ],
};

/** One message of the conversation, collapsed or expanded (scope: a thread container). */
export const message: Anchor = [
  '[data-legacy-message-id]',
  '[data-message-id]',
  // 2014: expanded `div.adn`, collapsed `div.adf`, no id attributes.
  'div.adn, div.adf',
];
export const messageProof: Proof = {
  fixtures: [
    [THREAD_2022, THREAD_2026, INLINE_2026],
    [THREAD_2022, THREAD_2026, INLINE_2026],
    [THREAD_2014, THREAD_2014_B],
  ],
};

/** Within a message: its sender (scope: a message). */
export const messageSender: Anchor = [
  '.gD[email]',
  // An expanded message names its sender in an h3; a collapsed one has no h3.
  'h3 [email]',
];
export const messageSenderProof: Proof = {
  fixtures: [
    [THREAD_2014, THREAD_2014_B, THREAD_2022, THREAD_2026, INLINE_2026],
    [THREAD_2014, THREAD_2014_B, THREAD_2022, THREAD_2026, INLINE_2026],
  ],
};

/** Within a message: the recipients line "to …, …" (scope: a message). */
export const messageRecipient: Anchor = [
  '.g2[email]',
  // Without `.g2`, the reader takes every address of the message header but the sender.
  '[email]',
];
export const messageRecipientProof: Proof = {
  fixtures: [
    [THREAD_2014, THREAD_2014_B, THREAD_2022, THREAD_2026, INLINE_2026],
    [THREAD_2014, THREAD_2014_B, THREAD_2022, THREAD_2026, INLINE_2026],
  ],
};

/**
 * A message body: mail text, never logged. The thread reader skips anything inside it when
 * it collects participants; the reply reader (read/replies.ts) hands the client's own words
 * to the background, which reads a promised date out of them and keeps nothing.
 */
export const messageBody: Anchor = ['.a3s', '.ii.gt'];
export const messageBodyProof: Proof = {
  fixtures: [
    [THREAD_2014, THREAD_2014_B, THREAD_2022, THREAD_2026, INLINE_2026],
    [THREAD_2014, THREAD_2014_B, THREAD_2022, THREAD_2026, INLINE_2026],
  ],
  withoutClasses:
    'message bodies carry no attribute or role of their own (2014–2026). The reader loses ' +
    'a guard only: Gmail strips unknown attributes such as `email=` from mail HTML, so a ' +
    'body does not supply participants anyway',
};

/**
 * Within a message: when it was sent, as Gmail writes it in full in the date cell's `title`
 * ("Wed, 2 Dec 2026, 10:12"; "mer 2 dic 2026, 10:12" in Italian: the words are localized,
 * so the background reads them with a date parser, never a selector). The shown text is
 * relative ("10:12 (2 hours ago)") and not read. Collapsed messages show it too (2014–2026).
 */
export const messageDate: Anchor = [
  '.g3',
  // Without classes: the header's grid cells; the reader takes the first with a title
  // (the sender's cell has none). Selecting on `[title]` is refused by the conventions.
  '[role=gridcell]',
];
export const messageDateProof: Proof = {
  fixtures: [
    [THREAD_2014_B, THREAD_2022, THREAD_2026, INLINE_2026, ...CLIENT_REPLIES],
    [THREAD_2022, THREAD_2026, INLINE_2026, ...CLIENT_REPLIES],
  ],
};

/**
 * Quoted text inside a message body (scope: a message body): the earlier messages the
 * client's reply quotes, whose dates are not the client's words. Mail-format markup, kept by
 * Gmail as sent.
 */
export const messageQuote: Anchor = ['.gmail_quote', 'blockquote'];
export const messageQuoteProof: Proof = {
  fixtures: [
    [THREAD_2026, ...CLIENT_REPLIES],
    [THREAD_2026, ...CLIENT_REPLIES],
  ],
};

/** A person shown in the conversation: sender, recipient, cc (scope: a thread container). */
export const participant: Anchor = [
  // Participants carry their address in an attribute; class names change.
  '[email]',
  '[data-hovercard-id*="@"]',
];
export const participantProof: Proof = {
  fixtures: [
    [THREAD_2014, THREAD_2014_B, THREAD_2022, THREAD_2026, INLINE_2026],
    [THREAD_2022, THREAD_2026, INLINE_2026],
  ],
};

/**
 * The reply bar under the conversation (scope: a thread container): `.amn` holds Reply,
 * Reply all (2026 only) and Forward (2014–2026). Gmail may render several: since Nov 2025
 * an A/B test draws one outside the message table and keeps others hidden or inside a
 * `table` (InboxSDK's thread view, `#findBottomReplyToolbarElement`, 2025-11-25). The reader
 * takes the displayed bar outside tables, else a displayed one inside a table, never a
 * hidden one (thread-reply-bars-2026-B).
 */
export const threadReplyBar: Anchor = ['.amn'];
export const threadReplyBarProof: Proof = {
  fixtures: [[THREAD_2014, THREAD_2014_B, THREAD_2022, THREAD_2026, REPLY_BARS_2026]],
  withoutClasses:
    'the panel asks the user to open a reply and use the Payladder button in its toolbar, ' +
    'which inserts the same recommended template',
};

/**
 * The "Reply" link of a reply bar (scope: one `threadReplyBar`): `[role=link]` spans,
 * Reply first (2014–2026). The status chip's "Write reminder" clicks it.
 */
export const threadReply: Anchor = ['.ams.bkH', '[role=link]'];
export const threadReplyProof: Proof = {
  fixtures: [
    [THREAD_2022, THREAD_2026, REPLY_BARS_2026],
    [THREAD_2014, THREAD_2014_B, THREAD_2022, THREAD_2026, REPLY_BARS_2026],
  ],
};

// ---------------------------------------------------------------------------------------
// Compose windows (new message, reply pop-out, inline reply)

/**
 * The region around one compose form. A new message is `[role=dialog] … .M9 >
 * [role=region]`; an inline reply is `.M9 > [role=region]` inside the conversation
 * (InboxSDK's page parser, 2021–2024). The reader keeps regions holding a `composeMarker`.
 */
export const composeRegion: Anchor = ['[role=region]'];
export const composeRegionProof: Proof = {
  fixtures: [ALL_COMPOSES],
};

/** Proof that a region is a compose form: subject box, compose id, or body editable. */
export const composeMarker: Anchor = [
  'input[name=subjectbox], input[name=composeid], [g_editable=true][role=textbox]',
];
export const composeMarkerProof: Proof = {
  fixtures: [ALL_COMPOSES],
};

/**
 * The form of a compose window, for pages without `[role=region]`: the reader climbs
 * from it to the nearest ancestor that also holds the body editable.
 */
export const composeForm: Anchor = ['form'];
export const composeFormProof: Proof = {
  fixtures: [ALL_COMPOSES],
};

/** The floating window around a new message or a popped-out reply (not an inline reply). */
export const composeDialog: Anchor = ['[role=dialog]'];
export const composeDialogProof: Proof = {
  fixtures: [[COMPOSE_2020, COMPOSE_2020_B, COMPOSE_2026, REPLY_2026]],
};

/**
 * Hidden input: the id of the message a reply or forward answers; empty (or the text
 * "undefined") in a new message (InboxSDK reads it the same way, 2016–2024).
 */
export const composeReplyTarget: Anchor = ['input[name=rm]'];
export const composeReplyTargetProof: Proof = {
  fixtures: [[COMPOSE_2020, COMPOSE_2020_B, ...COMPOSES_2026]],
};

/** Hidden input: the draft's message id (`#msg-a:r-…`). */
export const composeDraftId: Anchor = ['input[name=draft]'];
export const composeDraftIdProof: Proof = {
  fixtures: [ALL_COMPOSES],
};

/** The subject box. An inline reply has one too, hidden, holding "Re: …". */
export const composeSubject: Anchor = ['input[name=subjectbox]'];
export const composeSubjectProof: Proof = {
  fixtures: [ALL_COMPOSES],
};

/** The rich-text body editable. */
export const composeBody: Anchor = [
  '[g_editable=true][role=textbox]',
  '[contenteditable=true][role=textbox]',
];
export const composeBodyProof: Proof = {
  fixtures: [ALL_COMPOSES, ALL_COMPOSES],
};

/** The bottom toolbar holding Send (scope: a compose root). */
export const composeToolbar: Anchor = [
  'table.IZ',
  // The same table carries role=group (compose-new-2020-A; kept in our 2026 fixtures).
  '[role=group]',
];
export const composeToolbarProof: Proof = {
  fixtures: [ALL_COMPOSES, ALL_COMPOSES],
};

/** The Send button (scope: a compose root). */
export const composeSend: Anchor = [
  '.aoO[role=button]',
  // Send is the first button of the bottom toolbar (compose-new-2020-A; kept in our
  // 2026 fixtures, where a hashed `.aoO` leaves only this alternative).
  '[role=group] [role=button], [role=group] button',
];
export const composeSendProof: Proof = {
  fixtures: [ALL_COMPOSES, ALL_COMPOSES],
};

/**
 * The user's signature inside the body. `gmail_signature` is a class of Gmail's mail
 * format (it travels with the message), not of its UI; today the element also carries
 * `data-smartmail`.
 */
export const composeSignature: Anchor = ['[data-smartmail=gmail_signature]', '.gmail_signature'];
export const composeSignatureProof: Proof = {
  fixtures: [
    [COMPOSE_2026, REPLY_2026, INLINE_2026],
    [COMPOSE_2026, REPLY_2026, INLINE_2026],
  ],
};

/** The "-- " line today's Gmail puts above a signature; new text goes above it. */
export const composeSignaturePrefix: Anchor = ['.gmail_signature_prefix'];
export const composeSignaturePrefixProof: Proof = {
  fixtures: [[COMPOSE_2026, REPLY_2026, INLINE_2026]],
  withoutClasses:
    'a class of the mail format, not of the UI; without it new text goes just above the ' +
    'signature, below the "-- " line',
};

/**
 * Quoted text of a reply, once the user expands it into the body (Gmail keeps it
 * trimmed behind "…" until then). `gmail_quote` is a mail-format class, already in the
 * message bodies of thread-view-2014-A.
 */
export const composeQuote: Anchor = ['.gmail_quote', 'blockquote'];
export const composeQuoteProof: Proof = {
  fixtures: [[REPLY_2026], [REPLY_2026]],
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

function recipientAnchors(field: RecipientField): RecipientAnchors {
  return {
    chip: [`div[name=${field}] [role=option][data-hovercard-id], div[name=${field}] [email]`],
    chipInput: [`input[type=hidden][name=${field}]`],
    textarea: [`textarea[name=${field}]`],
    pending: [`div[name=${field}] input:not([type=hidden])`],
  };
}

export const recipientAnchorsByField: Readonly<Record<RecipientField, RecipientAnchors>> = {
  to: recipientAnchors('to'),
  cc: recipientAnchors('cc'),
  bcc: recipientAnchors('bcc'),
};

function recipientProofs(chip: readonly string[]): Readonly<Record<keyof RecipientAnchors, Proof>> {
  return {
    chip: { fixtures: [chip] },
    chipInput: { fixtures: [[COMPOSE_2020_B]] },
    textarea: { fixtures: [[COMPOSE_2020, COMPOSE_2020_B]] },
    pending: { fixtures: [COMPOSES_2026] },
  };
}

export const recipientProofsByField: Readonly<
  Record<RecipientField, Readonly<Record<keyof RecipientAnchors, Proof>>>
> = {
  to: /* @__PURE__ */ recipientProofs(COMPOSES_2026),
  cc: /* @__PURE__ */ recipientProofs([COMPOSE_2026, REPLY_2026]),
  bcc: /* @__PURE__ */ recipientProofs([COMPOSE_2026]),
};

/**
 * Every anchor by name with its proof: for the conventions test. A function, so that the
 * content script, which never calls it, does not carry the proofs.
 */
export function anchorTable(): Readonly<Record<string, { anchor: Anchor; proof: Proof }>> {
  const named: Record<string, { anchor: Anchor; proof: Proof }> = {
    listRow: { anchor: listRow, proof: listRowProof },
    rowSender: { anchor: rowSender, proof: rowSenderProof },
    rowSenderCell: { anchor: rowSenderCell, proof: rowSenderCellProof },
    rowThreadId: { anchor: rowThreadId, proof: rowThreadIdProof },
    rowThreadPermId: { anchor: rowThreadPermId, proof: rowThreadPermIdProof },
    accountButton: { anchor: accountButton, proof: accountButtonProof },
    threadContainer: { anchor: threadContainer, proof: threadContainerProof },
    threadSubject: { anchor: threadSubject, proof: threadSubjectProof },
    message: { anchor: message, proof: messageProof },
    messageSender: { anchor: messageSender, proof: messageSenderProof },
    messageRecipient: { anchor: messageRecipient, proof: messageRecipientProof },
    messageBody: { anchor: messageBody, proof: messageBodyProof },
    messageDate: { anchor: messageDate, proof: messageDateProof },
    messageQuote: { anchor: messageQuote, proof: messageQuoteProof },
    participant: { anchor: participant, proof: participantProof },
    threadReplyBar: { anchor: threadReplyBar, proof: threadReplyBarProof },
    threadReply: { anchor: threadReply, proof: threadReplyProof },
    composeRegion: { anchor: composeRegion, proof: composeRegionProof },
    composeMarker: { anchor: composeMarker, proof: composeMarkerProof },
    composeForm: { anchor: composeForm, proof: composeFormProof },
    composeDialog: { anchor: composeDialog, proof: composeDialogProof },
    composeReplyTarget: { anchor: composeReplyTarget, proof: composeReplyTargetProof },
    composeDraftId: { anchor: composeDraftId, proof: composeDraftIdProof },
    composeSubject: { anchor: composeSubject, proof: composeSubjectProof },
    composeBody: { anchor: composeBody, proof: composeBodyProof },
    composeToolbar: { anchor: composeToolbar, proof: composeToolbarProof },
    composeSend: { anchor: composeSend, proof: composeSendProof },
    composeSignature: { anchor: composeSignature, proof: composeSignatureProof },
    composeSignaturePrefix: { anchor: composeSignaturePrefix, proof: composeSignaturePrefixProof },
    composeQuote: { anchor: composeQuote, proof: composeQuoteProof },
  };
  for (const field of RECIPIENT_FIELDS) {
    const anchors = recipientAnchorsByField[field];
    const proofs = recipientProofsByField[field];
    for (const kind of ['chip', 'chipInput', 'textarea', 'pending'] as const) {
      named[`${field}.${kind}`] = { anchor: anchors[kind], proof: proofs[kind] };
    }
  }
  return named;
}

/** The whole alternative list as one selector (any alternative), e.g. for `closest`. */
export function anyOf(anchor: Anchor): string {
  return anchor.join(', ');
}
