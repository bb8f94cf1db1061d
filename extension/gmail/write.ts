/**
 * Choosing and writing a client's message: the order the compose menu lists them in, and
 * the one-step "write the recommended reminder" the status chip asks for.
 */
import type { Stage } from '../../shared/model.ts';
import type { RenderedMessages } from '../messages.ts';
import { toMatchesClient, toOf } from './addressed';
import { type MenuMessage, insertAndRecord } from './insertions';
import type { LedgerClient } from './ledger-client';
import { readCompose } from './read/compose';
import { readOwnText } from './read/compose-body';

export type { MenuMessage };

/**
 * A client's messages in menu order: the recommended one first (the core's choice: the
 * stage of the most urgent milestone due today); when nothing is due today, the message of
 * the client's worst stage; then the others in the core's order.
 */
export function orderMessages(
  rendered: RenderedMessages,
  worstStage: Stage | null,
): { first: string | null; messages: MenuMessage[] } {
  const byId = new Map(rendered.messages.map((m) => [m.messageId, m]));
  // A dispute is answered by the dispute acknowledgement.
  const fallback = worstStage === 'disputed' ? 'dispute' : worstStage;
  const first =
    rendered.recommended !== null && byId.has(rendered.recommended)
      ? rendered.recommended
      : fallback !== null && byId.has(fallback)
        ? fallback
        : null;
  const ids = [...rendered.available.map((a) => a.id), ...rendered.messages.map((m) => m.messageId)];
  const ordered = [...new Set(first === null ? ids : [first, ...ids])];
  return {
    first,
    messages: ordered.flatMap((id) => {
      const message = byId.get(id);
      if (!message) return [];
      const { fitted } = rendered;
      return [
        {
          id,
          label: messageLabel(rendered, id),
          message,
          text: fitted?.texts[id]?.text ?? message.text,
          signOffAt: fitted?.signOffAt,
        },
      ];
    }),
  };
}

/**
 * A message's name in the menu: the core's label for it in the client's language (a user's
 * own template by its stage). The one place the compose menu names a message, so the
 * name shown is the name of what is inserted and logged.
 */
export function messageLabel(rendered: RenderedMessages, id: string): string {
  return rendered.available.find((a) => a.id === id)?.label ?? id;
}

/**
 * Writes the client's first message (see `orderMessages`) into the compose window rooted
 * at `composeRoot`, above the signature and quote, when the window goes To the client
 * (addressed.ts). `nothing`: nothing to write or nowhere to write it.
 */
export async function writeRecommended(
  ledger: LedgerClient,
  composeRoot: Element,
  client: string,
): Promise<'written' | 'not_addressed' | 'nothing'> {
  const [rendered, summary] = await Promise.all([
    ledger.messages(client, readOwnText(composeRoot)),
    ledger.summaryOf(client),
  ]);
  if (!rendered || !summary || !composeRoot.isConnected) return 'nothing';
  const [first] = orderMessages(rendered, summary.worstStage).messages;
  if (!first) return 'nothing';
  // Read again: the window may have changed while the background answered.
  if (!toMatchesClient(summary, toOf(composeRoot))) return 'not_addressed';
  return insertAndRecord(readCompose(composeRoot), first, null) ? 'written' : 'nothing';
}
