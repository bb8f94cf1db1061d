/** @jsxImportSource ./dom */
/**
 * The client's reply, where the user reads it (issue 11): when the client wrote after the
 * last reminder sent, the chip says so and its panel offers to log a promise (the date their
 * message names filled in, the amount what is outstanding), record a payment, or mark
 * milestones disputed with the client's reason. The background writes to the ledger and
 * answers the client as the ledger now stands: the chip is redrawn from that at once. Kept
 * small: every byte ships in the content script.
 */
import { toMajor } from '../../shared/money.ts';
import type { ClientSummary, ReplyActionRequest, ReplyInfo } from '../messages.ts';
import { dateText, moneyText } from './figures.ts';
import type { LedgerClient } from './ledger-client';
import { readShownMessages } from './read/replies';
import type { GmailThread } from './read/thread';
import type { Lang, OverlayStrings } from './strings';

type Result = { status: string; message: string; summary: ClientSummary | null };

/** The client's reply after the last reminder sent, or null (none, or nothing was sent). */
export function findReply(
  ledger: LedgerClient,
  thread: GmailThread,
  summary: ClientSummary,
): Promise<ReplyInfo | null> {
  // Nothing logged, nothing to reply to; the background tells a sent reminder from a draft.
  if (summary.lastReminders.length === 0) return Promise.resolve(null);
  return ledger.reply(summary.client, readShownMessages(thread)).then((a) => a.reply);
}

/** "Replied 2 Dec, after your reminder of 28 Nov". */
export function repliedText(reply: ReplyInfo, summary: ClientSummary, t: OverlayStrings, lang: Lang): string {
  return t.replied(dateText(reply.on, lang, summary.today), dateText(reply.after, lang, summary.today));
}

/**
 * The panel's part: the three actions, each opening its form. `act` sends the request;
 * `changed` redraws the chip from the ledger as it now stands, with a word for the user.
 */
export function replyActions(
  reply: ReplyInfo,
  summary: ClientSummary,
  t: OverlayStrings,
  lang: Lang,
  source: () => string,
  act: (request: ReplyActionRequest) => Promise<Result>,
  changed: (summary: ClientSummary, said: string) => void,
): HTMLElement {
  // What is owed, in the currency of the most urgent milestone (a promise is in one currency).
  const open = summary.milestones.filter((m) => m.outstanding > 0);
  const currency = open[0]?.currency ?? summary.currency;
  const owed = open.filter((m) => m.currency === currency);
  const major = (minor: number) => String(toMajor(minor, currency));
  // Open ones not disputed yet: the ones checked at first are those overdue, as chased.
  const disputable = open.filter((m) => m.stage !== 'disputed');
  const form = <div />;
  const hint = <p role="status" />;

  // One request at a time: a second click or Enter does nothing until the answer (and the
  // background writes a promise or a dispute once however often it is asked).
  const send = (save: HTMLElement, request: ReplyActionRequest, done: string) => {
    if (save.hasAttribute('disabled')) return;
    save.setAttribute('disabled', '');
    const fail = (message: string) => {
      save.removeAttribute('disabled');
      hint.replaceChildren(message || t.notSaved);
    };
    void act(request).then(
      (result) => {
        const ok = result.status === 'logged' || result.status === 'duplicate';
        if (ok && result.summary) changed(result.summary, result.status === 'logged' ? done : t.already);
        else fail(result.message);
      },
      () => fail(''),
    );
  };

  const dispute = () => {
    const overdue = disputable.filter((m) => (m.daysOverdue ?? 0) >= 1);
    const checked = overdue.length > 0 ? overdue : disputable.slice(0, 1);
    const boxes = disputable.map((m) => (
      <input type="checkbox" value={m.id} checked={checked.includes(m)} />
    )) as HTMLInputElement[];
    const reason = (
      <input class="reason" required maxlength="500" placeholder={t.reasonHint} />
    ) as HTMLInputElement;
    const save = <button class="action">{t.confirm}</button>;
    form.replaceChildren(
      <form
        onSubmit={(event: Event) => {
          event.preventDefault();
          const ids = boxes.filter((b) => b.checked).map((b) => b.value);
          if (ids.length === 0) {
            hint.replaceChildren(t.pickOne);
            return;
          }
          send(
            save,
            {
              kind: 'dispute',
              client: summary.client,
              milestones: ids,
              reason: reason.value,
              said: reply.on,
              source: source(),
              lang,
            },
            t.markedDisputed,
          );
        }}
      >
        {disputable.map((m, i) => (
          <label class="pick">
            {boxes[i]} {m.invoice || m.id}{' '}
            <span class="muted">{moneyText({ [m.currency]: m.outstanding }, lang, summary.locale)}</span>
          </label>
        ))}
        <label class="pick">
          {t.reason} {reason}
        </label>
        {save}
        <button
          type="button"
          class="link"
          onClick={() => {
            form.replaceChildren();
            hint.replaceChildren();
          }}
        >
          {t.cancel}
        </button>
      </form>,
    );
    reason.focus();
  };

  const show = (kind: 'promise' | 'payment') => {
    const promise = kind === 'promise';
    const first = owed[0];
    const date = <input type="date" required value={promise ? (reply.promisedBy ?? '') : summary.today} />;
    const amount = (
      <input
        type="number"
        min="0.01"
        step="any"
        required
        value={major(promise ? owed.reduce((sum, m) => sum + m.outstanding, 0) : (first?.outstanding ?? 0))}
      />
    );
    const save = <button class="action">{t.save}</button>;
    form.replaceChildren(
      <form
        onSubmit={(event: Event) => {
          event.preventDefault();
          send(
            save,
            {
              kind,
              client: summary.client,
              milestones: promise ? owed.map((m) => m.id) : first ? [first.id] : [],
              amount: Number((amount as HTMLInputElement).value),
              date: (date as HTMLInputElement).value,
              ...(promise ? { made: reply.on } : {}),
              source: source(),
            },
            t.saved,
          );
        }}
      >
        <label>
          {promise ? t.promisedBy : t.paidOn} {date}
        </label>
        <label>
          {t.amount} ({currency}) {amount}
        </label>
        {save}
      </form>,
    );
  };

  return (
    <div>
      <h3>{t.reply}</h3>
      {hint}
      <p>
        {owed.length > 0 && [
          <button class="link" onClick={() => show('promise')}>
            {t.logPromise}
          </button>,
          ' ',
          <button class="link" onClick={() => show('payment')}>
            {t.recordPayment}
          </button>,
          ' ',
        ]}
        {disputable.length > 0 && (
          <button class="link" onClick={dispute}>
            {t.markDisputed}
          </button>
        )}
      </p>
      {form}
    </div>
  );
}
