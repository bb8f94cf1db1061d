/**
 * The messages for one client, rendered by the core (`composeMessage`), for the Gmail
 * compose button: the recommended one and every other one a click away. Computed on the
 * client's slice of the ledger, so it costs the same for a big ledger as for a small one.
 */
import type { AvailableMessage, ComposedMessage, IsoDate, Language, Problem } from '../../shared/index.ts';
import { availableMessages, composeMessage, computeReport, recommendedMessage } from '../../shared/index.ts';
import {
  type ComposeText,
  type FittedText,
  fitText,
  signOffNames,
  userSignOffAt,
} from '../../shared/messages/fit.ts';
import type { LedgerState } from './ledger-state.ts';
import { hasOpenPromise } from './promises.ts';
import { clientSlice, findClient } from './ledger-state.ts';

export interface RenderedMessages {
  client: string;
  language: Language;
  today: IsoDate;
  /** The recommended message id; null when nothing is due for this client today. */
  recommended: string | null;
  available: AvailableMessage[];
  /** One per requested (default: available) message id, in that order; the recommended one is among them. */
  messages: ComposedMessage[];
  /** Messages that could not be composed (an unknown id or milestone), with the reason. */
  failed: { messageId: string; reason: string }[];
  /**
   * With `window`: each message's text fitted to it, by message id (shared/messages/fit.ts),
   * and the line of the window's text where the user's own sign-off starts (-1: none).
   */
  fitted?: { texts: Record<string, FittedText>; signOffAt: number };
}

export interface RenderOptions {
  /** Only these message ids (default: every available one). */
  messageIds?: readonly string[];
  /** Cover these milestones instead of the ones each message picks. */
  milestones?: readonly string[];
  /**
   * The compose window the messages go into (its text outside the signature and quote, as
   * lines): each message is also given fitted to it. Used for that and nothing else.
   */
  window?: ComposeText;
}

export function renderMessagesFor(
  state: LedgerState,
  name: string,
  today: IsoDate,
  options: RenderOptions = {},
): RenderedMessages | null {
  const client = findClient(state, name);
  if (!client) return null;
  const ledger = clientSlice(state, client);
  const problems: Problem[] = ledger.milestones.flatMap((m) => state.problemsByRow.get(m.row) ?? []);
  const report = computeReport(ledger, problems, today);
  const input = { report, ledger, client: client.client, today };
  const core = recommendedMessage(input)?.messageId ?? null;
  // Nothing due while a promise is open: the thank-you-and-confirm note, not a chase (issue 11).
  const recommended = core ?? (hasOpenPromise(report, client.client) ? 'promise_thanks' : null);
  const available = availableMessages(input).map((a) => ({ ...a, recommended: a.id === recommended }));
  const ids = options.messageIds ?? available.map((a) => a.id);
  const messages: ComposedMessage[] = [];
  const failed: RenderedMessages['failed'] = [];
  for (const messageId of ids) {
    try {
      messages.push(
        composeMessage({
          ...input,
          // The recommended message without an id covers exactly what is due; by id it covers what fits.
          ...(messageId === core && !options.milestones ? {} : { messageId }),
          ...(options.milestones ? { milestones: options.milestones } : {}),
        }),
      );
    } catch (error) {
      failed.push({ messageId, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return {
    client: client.client,
    language: client.language,
    today,
    recommended,
    available,
    messages,
    failed,
    ...(options.window ? { fitted: fitAll(messages, options.window) } : {}),
  };
}

function fitAll(messages: readonly ComposedMessage[], window: ComposeText): RenderedMessages['fitted'] {
  const texts: Record<string, FittedText> = {};
  for (const m of messages) texts[m.messageId] = fitText(m.text, window);
  const names = [...new Set(messages.flatMap((m) => signOffNames(m.text)))];
  return { texts, signOffAt: userSignOffAt(window.lines, names) };
}
