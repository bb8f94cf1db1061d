/** @jsxImportSource ./dom */
/**
 * The Payladder button in the toolbar of every compose window (new message, reply, inline
 * reply). Its menu lists the templates for the recipients' client by label, the
 * recommended one first, with a preview of exactly what goes in: the greeting left out
 * when the user's text opens with one, the sign-off left out under Gmail's signature or
 * the user's own (shared/messages/fit.ts, applied by the background to the window's text).
 * One click puts the subject (when empty) and that text in, at the caret, above the
 * signature and the quoted text, and logs that message when sent. When no recipient is a
 * client, the menu says so and offers the client list.
 *
 * Recipients are read when the menu opens, from today's chips or the older textarea
 * (read/recipients.ts); nothing is asked of the background until then.
 */
import type { ClientListEntry, ClientSummary } from '../messages.ts';
import { MessageError } from '../messages.ts';
import { addressTo, clientAddress, toMatchesClient, toOf } from './addressed';
import { moneyText, stageStyle } from './figures';
import { insertAndRecord, takeWrite } from './insertions';
import type { LedgerClient } from './ledger-client';
import { type OverlayHost, createHost } from './overlay-host';
import { follow, moveFocus, onDismiss, placeNear, placeStyle } from './popover';
import { type ComposeWindow, findComposeRoots, readCompose } from './read/compose';
import { readComposeBody, readOwnText } from './read/compose-body';
import { recipientAddresses } from './read/recipients';
import type { Lang, OverlayStrings } from './strings';
import { COMPOSE_CSS } from './styles';
import type { OverlayContext, Surface } from './surface';
import { type MenuMessage, orderMessages, writeRecommended } from './write';

interface ButtonState {
  readonly host: OverlayHost;
  /** The toolbar cell made for the button, if one was. */
  readonly cell: Element | null;
  look: string;
}

const buttons = new WeakMap<Element, ButtonState>();

export const composeButton: Surface = {
  id: 'compose-button',
  // A compose window can be open over any view (a minimised draft stays while the user browses).
  matches: () => true,
  mount(ctx, root) {
    for (const element of findComposeRoots(root)) {
      const known = buttons.get(element);
      const look = `${ctx.lang}|${ctx.theme}`;
      if (known && element.contains(known.host.host)) {
        if (known.look !== look) {
          known.look = look;
          draw(ctx, known.host, element);
        }
        continue;
      }
      const compose = readCompose(element);
      if (!compose.toolbar || !compose.sendButton) {
        ctx.missing('composeToolbar');
        continue;
      }
      if (known) {
        known.host.host.remove();
        known.cell?.remove();
      }
      const host = createHost(root, 'payladder-compose', COMPOSE_CSS, {
        theme: ctx.theme,
        interactive: true,
      });
      draw(ctx, host, element);
      buttons.set(element, { host, cell: place(host.host, compose), look });
      // A "Write reminder" click on the status chip opened this reply: write into it.
      const write = takeWrite(root, compose, ctx.now());
      if (write) {
        void writeRecommended(ctx.ledger, element, write.client).then(
          (outcome) => outcome === 'not_addressed' && ctx.notify(ctx.t.notAddressed(write.client)),
        );
      }
    }
  },
};

/**
 * In a cell of its own right after Send's cell, or right after Send's button group.
 * Answers the cell it made (taken out with the button when Gmail redraws the toolbar).
 */
function place(host: HTMLElement, compose: ComposeWindow): Element | null {
  const send = compose.sendButton as Element;
  const toolbar = compose.toolbar as Element;
  const cell = send.closest('td');
  if (cell && toolbar.contains(cell)) {
    const td = host.ownerDocument.createElement('td');
    // Marks the cell as Payladder's: the scheduler ignores changes in it.
    td.setAttribute('data-payladder', '');
    td.append(host);
    cell.after(td);
    return td;
  }
  const group = send.parentElement;
  (group && group !== toolbar && toolbar.contains(group) ? group : send).after(host);
  return null;
}

function draw(ctx: OverlayContext, host: OverlayHost, composeRoot: Element): void {
  host.root.setAttribute('data-theme', ctx.theme);
  host.root.replaceChildren(composeMenu(host.host, composeRoot, ctx.ledger, ctx.me, ctx.t, ctx.lang));
}

const SHOWN_CLIENTS = 50;

/** The button and, on click, its menu. */
export function composeMenu(
  host: Element,
  composeRoot: Element,
  ledger: LedgerClient,
  me: readonly string[],
  t: OverlayStrings,
  lang: Lang,
): HTMLElement {
  let menu: HTMLElement | null = null;
  let stopListening: (() => void) | null = null;
  /** Bumped on every open, close and choice: a late answer for an earlier one is dropped. */
  let run = 0;
  /** Where the user's caret was in the body before focus came to the button. */
  let caret: Range | null = null;

  const saveCaret = () => {
    const selection = composeRoot.ownerDocument.getSelection();
    const editable = readComposeBody(composeRoot).editable;
    if (!selection || selection.rangeCount === 0 || !editable) return;
    const range = selection.getRangeAt(0);
    if (editable.contains(range.startContainer)) caret = range.cloneRange();
  };

  const close = (refocus: boolean) => {
    run += 1;
    menu?.remove();
    menu = null;
    stopListening?.();
    stopListening = null;
    button.setAttribute('aria-expanded', 'false');
    if (refocus) button.focus();
  };

  /** Replaces the menu's content and focuses its first entry (the filter box when there is one). */
  const show = (...content: HTMLElement[]) => {
    if (!menu) return;
    menu.replaceChildren(...content);
    (menu.querySelector<HTMLElement>('input, [role=menuitem]') ?? menu).focus();
  };
  const notice = (text: string) => show(<p role="status">{text}</p>);
  const failed = (error: unknown) =>
    notice(
      error instanceof MessageError && error.code === 'signed_out'
        ? t.signedOut
        : t.failed(error instanceof Error ? error.message : String(error)),
    );
  /** Runs `task` for the current menu; its outcome is dropped when the menu moved on. */
  const guarded = (task: (current: () => boolean) => Promise<void>) => {
    const mine = ++run;
    const current = () => mine === run && menu !== null;
    notice(t.loading);
    task(current).catch((error: unknown) => current() && failed(error));
  };

  const showClient = async (summary: ClientSummary, current: () => boolean) => {
    // The window's own text goes with the request: the background fits each message to it.
    const rendered = await ledger.messages(summary.client, readOwnText(composeRoot));
    if (!current()) return;
    if (!rendered) return notice(t.noLedger);
    const { messages, first } = orderMessages(rendered, summary.worstStage);
    if (messages.length === 0) return notice(t.noMessages);
    show(...messagesView(summary, messages, first));
  };

  const messagesView = (summary: ClientSummary, messages: MenuMessage[], first: string | null) => {
    const setsSubject = readCompose(composeRoot).subject.trim() === '';
    const preview = <div class="preview" aria-label={t.preview} />;
    // Exactly what a click puts in: the subject only when the window has none, the text fitted.
    const previewOf = (item: MenuMessage) =>
      preview.replaceChildren(
        ...(setsSubject ? [<div class="subject">{item.message.subject}</div>] : []),
        <div class="text">{item.text}</div>,
      );
    if (messages[0]) previewOf(messages[0]);
    const stage = summary.worstStage;
    return [
      <div class="head">
        <span class="client">{summary.client}</span>
        {stage !== null && (
          <span class="stage" style={stageStyle(stage)}>
            {t.chips[stage]}
          </span>
        )}
        <span class="muted">{moneyText(summary.outstanding, lang, summary.locale)}</span>
      </div>,
      <div class="items">
        {messages.map((item) => (
          <button
            type="button"
            class="item"
            role="menuitem"
            data-message={item.id}
            onFocus={() => previewOf(item)}
            onMouseEnter={() => previewOf(item)}
            onClick={() => insert(item, summary)}
          >
            <span>{item.label}</span>
            {item.id === first && <span class="tag">{t.recommended}</span>}
          </button>
        ))}
        <button type="button" class="item muted" role="menuitem" onClick={() => pick(false)}>
          {t.anotherClient}
        </button>
      </div>,
      preview,
    ];
  };

  const pickView = (clients: ClientListEntry[], noClient: boolean) => {
    const list = <div class="items" />;
    const fill = (filter: string) => {
      const shown = clients.filter((c) => matchesFilter(c, filter)).slice(0, SHOWN_CLIENTS);
      list.replaceChildren(
        ...shown.map((c) => (
          <button type="button" class="item" role="menuitem" onClick={() => choose(c.client)}>
            <span>{c.client}</span>
          </button>
        )),
      );
      if (shown.length === 0) list.append(<p class="muted">{t.noClientMatches}</p>);
    };
    fill('');
    return [
      ...(noClient ? [<p>{t.noClient}</p>] : []),
      <input
        class="filter"
        type="search"
        aria-label={t.filterClients}
        placeholder={t.chooseClient}
        onInput={(event) => fill((event.currentTarget as HTMLInputElement).value)}
      />,
      list,
    ];
  };

  const load = () =>
    guarded(async (current) => {
      const compose = readCompose(composeRoot);
      const mine = new Set(me);
      const addresses = recipientAddresses(compose.recipients).filter((a) => !mine.has(a));
      const summary = addresses.length > 0 ? await ledger.summary(addresses, me) : null;
      if (!current()) return;
      if (summary) return showClient(summary, current);
      const clients = await ledger.clients();
      if (!current()) return;
      if (clients.length === 0) return notice(t.noLedger);
      show(...pickView(clients, true));
    });

  const pick = (noClient: boolean) =>
    guarded(async (current) => {
      const clients = await ledger.clients();
      if (current()) show(...pickView(clients, noClient));
    });

  const choose = (client: string) =>
    guarded(async (current) => {
      const summary = await ledger.summaryOf(client);
      if (!current()) return;
      if (!summary) return notice(t.noLedger);
      await showClient(summary, current);
    });

  const insert = (item: MenuMessage, summary: ClientSummary) => {
    // Only into a message going To the client: never the client's figures to someone in
    // the conversation who merely copied them (addressed.ts).
    if (!toMatchesClient(summary, toOf(composeRoot))) return notAddressed(item, summary);
    const written = insertAndRecord(readCompose(composeRoot), item, caret);
    caret = null;
    if (written) close(false);
    else notice(t.noBody);
  };

  /** Says the window is not To the client, and offers to address it to them. */
  const notAddressed = (item: MenuMessage, summary: ClientSummary) => {
    run += 1;
    const address = clientAddress(summary.emails);
    show(
      <p role="status">{t.notAddressed(summary.client)}</p>,
      // A client with only `@domain` entries names no one to write to: the notice alone.
      ...(address === null
        ? []
        : [
            <button
              type="button"
              class="item"
              role="menuitem"
              data-action="address-to-client"
              onClick={() => addressTo(composeRoot, address) && insert(item, summary)}
            >
              {t.addressToClient(address)}
            </button>,
          ]),
    );
  };

  const open = () => {
    menu = <div class="popup menu" role="menu" aria-label={t.menuLabel} tabIndex={-1} />;
    Object.assign(menu.style, placeStyle(placeNear(button, 'above')));
    wrapper.append(menu);
    button.setAttribute('aria-expanded', 'true');
    stopListening = onDismiss(
      host,
      () => close(false),
      () => menu && !follow(menu, button, 'above') && close(false),
    );
    load();
  };

  const button = (
    <button
      type="button"
      class="button"
      aria-haspopup="menu"
      aria-expanded={false}
      aria-label={t.buttonLabel}
      // Keeps the caret in Gmail's editor while the pointer presses the button.
      onMouseDown={(event) => {
        saveCaret();
        event.preventDefault();
      }}
      onFocus={saveCaret}
      onClick={() => (menu ? close(false) : open())}
    >
      {t.button} <span aria-hidden="true">▾</span>
    </button>
  );
  const wrapper = (
    <div
      onKeyDown={(event) => {
        if (!menu) return;
        if (event.key === 'Escape') {
          event.preventDefault();
          close(true);
        } else if (event.key === 'Tab') {
          close(false);
        } else {
          const items = Array.from(menu.querySelectorAll<HTMLElement>('[role=menuitem]'));
          const active = (menu.getRootNode() as ShadowRoot).activeElement ?? null;
          if (moveFocus(items, active, event.key)) event.preventDefault();
        }
      }}
    >
      {button}
    </div>
  );
  return wrapper;
}

function matchesFilter(client: ClientListEntry, filter: string): boolean {
  const f = filter.trim().toLowerCase();
  if (f === '') return true;
  return client.client.toLowerCase().includes(f) || client.emails.some((e) => e.toLowerCase().includes(f));
}
