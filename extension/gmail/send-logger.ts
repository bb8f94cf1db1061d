/**
 * Logging on send: when a compose window that received a Payladder template is sent (its
 * Send button clicked, or Ctrl/Cmd+Enter pressed in it), the background appends one
 * Reminders row per stage the message covered (usually one): Sent, Milestone(s), Client,
 * Stage, Template, To, Subject, Channel `gmail` and Link.
 *
 * What counts as sent: the Send press arms the window with what it holds at that moment
 * (recipients, subject); the row is logged when Gmail closes the window within
 * `SENT_WITHIN_MS` of the press, which it does at once when the message goes (into Sent,
 * or the Outbox when offline). A press Gmail refuses (no recipient, a cancelled "send
 * without subject?") leaves the window open: nothing is logged, and a window discarded
 * later is not taken for a sent one. A send pressed twice, or retried, logs once: the
 * window's draft id (or the insertion's own id) is the background's idempotency key, and
 * the background keeps the row in a retried queue when the append fails.
 *
 * Left as it is: Gmail's "Undo" after a send (the window closes, then comes back as a
 * draft when the user undoes within the undo period) is logged as sent.
 */
import type { ReminderRequest } from '../messages.ts';
import type { Stage } from '../../shared/model.ts';
import { type Insertion, insertionOf, stillInserted } from './insertions';
import { type ComposeWindow, findComposeRoots, readCompose } from './read/compose';
import { isDisplayed } from './read/dom';
import { recipientAddresses } from './read/recipients';
import { accountOf, routeOf } from './routes';
import { type OverlayContext, type Surface, baseView } from './surface';

interface Armed {
  readonly root: Element;
  readonly dialog: Element | null;
  readonly insertion: Insertion;
  /** What the window held at the (last) Send press. */
  snapshot: Omit<ReminderRequest, 'client' | 'milestones' | 'stage' | 'template'> & { key: string };
  /** Epoch ms of the last Send press. */
  readonly pressedAt: number;
}

/**
 * Gmail closes a sent window at once (2014–2026; attachments upload before Send is
 * allowed). A window still open this long after the press was refused, or is being
 * edited again: it is disarmed until Send is pressed again.
 */
export const SENT_WITHIN_MS = 30_000;
/** While a window is armed, it is checked this often even without page changes (ms). */
const POLL_MS = 1000;

const armedIn = new WeakMap<Document, Map<Element, Armed>>();
const latest = new WeakMap<Document, OverlayContext>();

export const sendLogger: Surface = {
  id: 'send-logger',
  matches: () => true,
  mount(ctx, root) {
    const first = !latest.has(root);
    latest.set(root, ctx);
    if (first) listen(ctx, root);
    check(root);
  },
};

function listen(ctx: OverlayContext, doc: Document): void {
  // Capture phase: Gmail may act on (and remove) the window before a bubbling listener ran.
  const onClick = (event: Event) => {
    const found = composeOf(doc, event.target);
    if (found && found.sendButton?.contains(event.target as Node)) arm(doc, found);
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    const found = composeOf(doc, event.target);
    if (!found) return;
    const shortcut = event.key === 'Enter' && (event.ctrlKey || event.metaKey);
    const onSend = found.sendButton?.contains(event.target as Node) === true;
    if (shortcut || onSend) arm(doc, found);
  };
  doc.addEventListener('click', onClick, true);
  doc.addEventListener('keydown', onKey, true);
  ctx.cleanup.onInvalidated(() => {
    doc.removeEventListener('click', onClick, true);
    doc.removeEventListener('keydown', onKey, true);
    latest.delete(doc);
    armedIn.delete(doc);
  });
}

function composeOf(doc: Document, target: EventTarget | null): ComposeWindow | null {
  if (!(target instanceof Node)) return null;
  const root = findComposeRoots(doc).find((r) => r.contains(target));
  return root ? readCompose(root) : null;
}

function arm(doc: Document, compose: ComposeWindow): void {
  const ctx = latest.get(doc);
  const insertion = insertionOf(compose.element);
  if (!ctx || !insertion || insertion.logged) return;
  if (!stillInserted(insertion, compose.body.editable)) return;
  let armed = armedIn.get(doc);
  if (!armed) armedIn.set(doc, (armed = new Map()));
  const before = armed.get(compose.element);
  const to = recipientAddresses(compose.recipients, ['to']);
  const snapshot = {
    // The actual To, never the addresses the template was written for: the row is evidence.
    to: to.join(', '),
    subject: compose.subject.trim() !== '' ? compose.subject : insertion.subject,
    link: threadLink(ctx.url, compose.subject.trim() !== '' ? compose.subject : insertion.subject),
    sentAt: new Date(ctx.now()).toISOString(),
    channel: 'gmail' as const,
    // Pressed again: same message, same key.
    key: before?.snapshot.key ?? compose.draftId ?? insertion.id,
  };
  armed.set(compose.element, {
    root: compose.element,
    dialog: compose.dialog,
    insertion,
    snapshot,
    pressedAt: ctx.now(),
  });
  poll(doc);
}

function poll(doc: Document): void {
  const ctx = latest.get(doc);
  if (!ctx || (armedIn.get(doc)?.size ?? 0) === 0) return;
  // Frames stop in a hidden tab (the user sent and switched tabs): a timer still runs.
  ctx.cleanup.setTimeout(() => {
    check(doc);
    poll(doc);
  }, POLL_MS);
}

/** Logs every armed window Gmail closed in time; disarms those it kept open. */
function check(doc: Document): void {
  const armed = armedIn.get(doc);
  const ctx = latest.get(doc);
  if (!armed || !ctx) return;
  for (const entry of [...armed.values()]) {
    const inTime = ctx.now() - entry.pressedAt <= SENT_WITHIN_MS;
    if (inTime && !closed(entry)) continue;
    armed.delete(entry.root);
    if (inTime) void logSent(ctx, entry);
  }
}

function closed(entry: Armed): boolean {
  const { root, dialog } = entry;
  if (!root.isConnected || (dialog !== null && !dialog.isConnected)) return true;
  if (!isDisplayed(root)) return true;
  // Hidden by Gmail's own classes rather than inline style (real browsers only compute this).
  const visible = (root as HTMLElement).checkVisibility?.();
  return visible === false && root.ownerDocument.defaultView?.innerWidth !== 0;
}

async function logSent(ctx: OverlayContext, entry: Armed): Promise<void> {
  const { insertion, snapshot } = entry;
  if (insertion.logged) return;
  insertion.logged = true;
  const groups = insertion.log.filter(
    (g): g is { stage: Stage; milestones: string[] } => g.stage !== null && g.milestones.length > 0,
  );
  if (groups.length === 0) return;
  try {
    const results = await Promise.all(
      groups.map((group, i) =>
        ctx.ledger.log({
          ...snapshot,
          key: `gmail:${snapshot.key}:${i}`,
          client: insertion.client,
          milestones: group.milestones,
          stage: group.stage,
          template: insertion.messageId,
        }),
      ),
    );
    // The stage and the next action move with a logged reminder: ask afresh.
    ctx.ledger.forget();
    if (results.some((r) => r.status === 'disabled')) return;
    if (results.some((r) => r.status === 'not_addressed'))
      return ctx.notify(ctx.t.notLoggedNotAddressed(insertion.client));
    if (results.some((r) => r.status === 'no_ledger')) return ctx.notify(ctx.t.notLogged);
    ctx.notify(results.some((r) => r.status === 'queued') ? ctx.t.queued : ctx.t.logged);
  } catch {
    ctx.notify(ctx.t.notLogged);
  }
}

/**
 * The Reminders row's Link: the conversation, by its id under `#all/` so the link survives
 * archiving and relabelling. A new message has no conversation id until Gmail sends it:
 * then a search of Sent for its subject.
 */
export function threadLink(url: string, subject: string): string {
  const account = accountOf(url) ?? 0;
  const base = `https://mail.google.com/mail/u/${account}/`;
  const view = baseView(routeOf(url));
  if (view.kind === 'thread') return `${base}#all/${encodeURIComponent(view.threadId)}`;
  const query = `in:sent subject:"${subject.replace(/"/g, '')}"`;
  return `${base}#search/${encodeURIComponent(query).replace(/%20/g, '+')}`;
}
