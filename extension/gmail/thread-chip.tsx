/** @jsxImportSource ./dom */
/**
 * The status chip of an open conversation: when a participant (sender, recipient; never
 * the user) belongs to a client, a chip beside the subject shows the client, their worst
 * stage in its colour, what they owe, how late, and the next action. A click opens a
 * panel with the milestones, the last reminders, risk and notes, and "Write reminder",
 * which opens a reply with the recommended template in it.
 */
import type { ClientSummary, ReplyInfo } from '../messages.ts';
import { dateText, lateText, moneyText, nextText, stageStyle } from './figures';
import { requestWrite } from './insertions';
import { type OverlayHost, createHost } from './overlay-host';
import { follow, onDismiss, placeNear, placeStyle } from './popover';
import { findComposeRoots, readCompose } from './read/compose';
import { findReply, repliedText, replyActions } from './reply-actions';
import { findReplyLink, findThreadContainers, readThreadContainer } from './read/thread';
import type { Lang, OverlayStrings } from './strings';
import { CHIP_CSS } from './styles';
import { type OverlayContext, type Surface, baseView } from './surface';
import { writeRecommended } from './write';

interface ChipState {
  /** The participants the chip was asked for (a reply adds people). */
  readonly key: string;
  /** Language and theme it was drawn in. */
  look: string;
  host: OverlayHost | null;
  summary: ClientSummary | null;
  /** The client's reply after the last reminder (reply-actions.tsx), once read. */
  reply?: ReplyInfo | null;
}

const chips = new WeakMap<Element, ChipState>();

export const threadChip: Surface = {
  id: 'thread-chip',
  matches: (route) => baseView(route).kind === 'thread',
  mount(ctx, root) {
    const containers = findThreadContainers(root);
    if (containers.length === 0) {
      ctx.missing('threadContainer');
      return;
    }
    for (const container of containers) mountOn(ctx, container);
  },
};

function mountOn(ctx: OverlayContext, container: Element): void {
  const thread = readThreadContainer(container);
  const subject = thread.subjectElement;
  if (!subject) {
    ctx.missing('threadSubject');
    return;
  }
  const me = new Set(ctx.me);
  const addresses = thread.participants.filter((a) => !me.has(a));
  const key = addresses.join(',');
  const look = `${ctx.lang}|${ctx.theme}`;
  const known = chips.get(container);
  if (known && known.key === key) {
    const { host, summary } = known;
    if (host && summary) {
      // Gmail re-draws the heading on some updates: put the chip back beside it.
      if (!host.host.isConnected || host.host.previousElementSibling !== subject) subject.after(host.host);
      if (known.look !== look) {
        known.look = look;
        draw(ctx, host, summary, container);
      }
    }
    return;
  }
  known?.host?.host.remove();
  const state: ChipState = { key, look, host: null, summary: null };
  chips.set(container, state);
  if (addresses.length === 0) return;
  ctx.ledger.summary(addresses, ctx.me).then(
    (summary) => {
      if (chips.get(container) !== state || !summary || !subject.isConnected) return;
      state.summary = summary;
      state.host = createHost(container.ownerDocument, 'payladder-chip', CHIP_CSS, {
        theme: ctx.theme,
        interactive: true,
      });
      draw(ctx, state.host, summary, container);
      subject.after(state.host.host);
      void findReply(ctx.ledger, thread, summary).then((reply) => {
        state.reply = reply;
        if (reply && state.host && state.summary) draw(ctx, state.host, state.summary, container);
      }, noop);
    },
    () => {
      // The background did not answer (the extension was reloaded): ask again on the next change.
      if (chips.get(container) === state) chips.delete(container);
    },
  );
}

const noop = () => undefined;

function draw(ctx: OverlayContext, host: OverlayHost, summary: ClientSummary, container: Element): void {
  const state = chips.get(container);
  const reply = state?.reply;
  host.root.setAttribute('data-theme', ctx.theme);
  host.root.replaceChildren(
    chipView(
      host.host,
      summary,
      ctx.t,
      ctx.lang,
      () => writeReminder(ctx, container, summary.client),
      reply
        ? {
            line: repliedText(reply, summary, ctx.t, ctx.lang),
            panel: () =>
              replyActions(
                reply,
                summary,
                ctx.t,
                ctx.lang,
                () => ctx.url,
                (request) => ctx.ledger.act(request),
                (next, said) => {
                  if (state) state.summary = next;
                  draw(ctx, host, next, container);
                  ctx.notify(said);
                },
              ),
          }
        : undefined,
    ),
  );
}

/**
 * "Write reminder": into the reply already open in this conversation, else through Gmail's
 * Reply link (the compose button surface writes into the window it opens). Answers a hint
 * for the user when neither is on the page.
 */
function writeReminder(ctx: OverlayContext, container: Element, client: string): string | null {
  const doc = container.ownerDocument;
  const open = [...findComposeRoots(container), ...findComposeRoots(doc)]
    .map(readCompose)
    .find((c) => c.kind === 'reply' && (container.contains(c.element) || c.dialog !== null));
  if (open) {
    void writeRecommended(ctx.ledger, open.element, client).then(
      (outcome) => outcome === 'not_addressed' && ctx.notify(ctx.t.notAddressed(client)),
    );
    return null;
  }
  const reply = findReplyLink(container);
  if (!reply) return ctx.t.openReplyFirst;
  requestWrite(doc, { client, container, at: ctx.now() });
  clickLikeAUser(reply);
  return null;
}

// Gmail's controls answer the mousedown/mouseup pair, not `click()` alone (InboxSDK does the same).
function clickLikeAUser(el: Element): void {
  const view = el.ownerDocument.defaultView;
  for (const type of ['mousedown', 'mouseup', 'click']) {
    el.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, view, button: 0 }));
  }
}

const SHOWN_MILESTONES = 8;

/**
 * The chip and, on click, its panel. `onWrite` answers a hint to show in the panel, or null
 * when the reply is on its way (the panel closes).
 */
export function chipView(
  host: Element,
  summary: ClientSummary,
  t: OverlayStrings,
  lang: Lang,
  onWrite: () => string | null,
  reply?: { line: string; panel: () => HTMLElement },
): HTMLElement {
  let panel: HTMLElement | null = null;
  let stopListening: (() => void) | null = null;

  const close = (refocus: boolean) => {
    panel?.remove();
    panel = null;
    stopListening?.();
    stopListening = null;
    button.setAttribute('aria-expanded', 'false');
    if (refocus) button.focus();
  };
  const open = () => {
    panel = panelView(
      summary,
      t,
      lang,
      (said) => {
        if (said === null) close(false);
        else panel?.querySelector('.hint')?.replaceChildren(said);
      },
      onWrite,
      reply?.panel(),
    );
    Object.assign(panel.style, placeStyle(placeNear(button, 'below')));
    wrapper.append(panel);
    button.setAttribute('aria-expanded', 'true');
    stopListening = onDismiss(
      host,
      () => close(false),
      () => panel && !follow(panel, button, 'below') && close(false),
    );
    panel.focus();
  };

  const stage = summary.worstStage;
  const owed = moneyText(summary.outstanding, lang, summary.locale);
  const late =
    summary.maxDaysOverdue !== null && summary.maxDaysOverdue >= 1 ? t.daysLate(summary.maxDaysOverdue) : '';
  const button = (
    <button
      type="button"
      class="chip"
      aria-haspopup="dialog"
      aria-expanded={false}
      aria-label={t.chipLabel(summary.client)}
      onClick={() => (panel ? close(false) : open())}
    >
      {stage !== null && (
        <span class="stage" style={stageStyle(stage)}>
          {t.chips[stage]}
        </span>
      )}
      <span class="client">{summary.client}</span>
      {owed !== '' && <span>{t.outstanding(owed)}</span>}
      {late !== '' && <span class="muted">{late}</span>}
      <span class="muted">{nextText(summary.nextAction, summary.today, lang, t)}</span>
      {reply && <span>{reply.line}</span>}
    </button>
  );
  const wrapper = (
    <div
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !panel) return;
        event.preventDefault();
        close(true);
      }}
    >
      {button}
    </div>
  );
  return wrapper;
}

function panelView(
  summary: ClientSummary,
  t: OverlayStrings,
  lang: Lang,
  done: (said: string | null) => void,
  onWrite: () => string | null,
  reply?: HTMLElement,
): HTMLElement {
  const shown = summary.milestones.filter((m) => m.outstanding > 0);
  const milestones = shown.length > 0 ? shown : summary.milestones.slice(0, 3);
  const { avgDaysLate, onTimeShare, paidMilestones } = summary.behaviour;
  return (
    <div class="popup panel" role="dialog" aria-label={t.panelLabel(summary.client)} tabIndex={-1}>
      <h3>{t.milestones}</h3>
      <ul>
        {milestones.slice(0, SHOWN_MILESTONES).map((m) => (
          <li>
            <span class="stage" style={stageStyle(m.stage)}>
              {t.chips[m.stage]}
            </span>
            <span>{m.invoice || m.id}</span>
            <span class="muted">{m.project || m.description}</span>
            <span class="muted">{lateText(m.daysOverdue, m.dueDate, summary.today, t)}</span>
            <span class="amount">{moneyText({ [m.currency]: m.outstanding }, lang, summary.locale)}</span>
          </li>
        ))}
      </ul>
      {milestones.length > SHOWN_MILESTONES && (
        <p class="muted">{t.more(milestones.length - SHOWN_MILESTONES)}</p>
      )}
      <h3>{t.lastReminders}</h3>
      {summary.lastReminders.length === 0 ? (
        <p class="muted">{t.noReminders}</p>
      ) : (
        <ul>
          {summary.lastReminders.map((r) => (
            <li>
              <span>{dateText(r.sent, lang, summary.today)}</span>
              {r.stage !== null && <span>{t.stages[r.stage]}</span>}
              <span class="muted">{r.milestones.join(', ')}</span>
              {r.channelWords && <span class="muted amount">{r.channelWords[lang]}</span>}
            </li>
          ))}
        </ul>
      )}
      <h3>{t.risk}</h3>
      <p>
        {summary.risk === null ? t.riskUnknown : t.risks[summary.risk]}
        {' · '}
        <span class="muted">
          {t.behaviour(
            avgDaysLate === null ? null : Math.round(avgDaysLate),
            onTimeShare === null ? null : Math.round(onTimeShare * 100),
            paidMilestones,
          )}
        </span>
      </p>
      {summary.notes.trim() !== '' && <h3>{t.notes}</h3>}
      {summary.notes.trim() !== '' && <p class="notes">{summary.notes}</p>}
      {reply}
      <p class="hint" role="status" />
      <button type="button" class="action" onClick={() => done(onWrite())}>
        {t.writeReminder}
      </button>
    </div>
  );
}
