/**
 * What the Gmail overlay asks of the ledger, answered from the in-memory ledger state: the
 * client a conversation is with, every client's name, the ledger slice a client's messages
 * need, and the messages themselves. Pure: the state and `today` are parameters, so the
 * background and the overlay's tests (test/gmail/overlay-support.ts) run the same code.
 */
import type { IsoDate } from '../../shared/index.ts';
import type { ClientListEntry, MessageContext, RenderMessagesRequest, Requests } from '../messages.ts';
import type { ClientSummary } from './client-summary.ts';
import { lookupClient, summaryByName } from './client-summary.ts';
import type { LedgerState } from './ledger-state.ts';
import { clientPart, clientSlice, findClient } from './ledger-state.ts';
import type { RenderedMessages } from './render-messages.ts';
import { renderMessagesFor } from './render-messages.ts';

/** The client named, or the first of `addresses` (skipping `exclude`) that is a client. */
export function lookup(
  state: LedgerState,
  request: Requests['lookup'],
  today: IsoDate,
): ClientSummary | null {
  if (request.client !== undefined) return summaryByName(state, request.client, today);
  return lookupClient(state, request.addresses ?? [], request.exclude ?? [], today);
}

/** Every client's name and addresses, sorted by name. */
export function clientList(state: LedgerState): ClientListEntry[] {
  return state.ledger.clients
    .map((c) => ({ client: c.client, emails: c.emails }))
    .sort((a, b) => a.client.localeCompare(b.client));
}

/** The ledger slice and report rows the message templates need for one client. */
export function messageContext(state: LedgerState, name: string, today: IsoDate): MessageContext | null {
  const client = findClient(state, name);
  if (!client) return null;
  const part = clientPart(state, client, today);
  const slice = clientSlice(state, client);
  return {
    client,
    settings: state.ledger.settings,
    report: part.report,
    milestones: part.milestones,
    reminders: part.reminders,
    changeOrders: slice.changeOrders,
    templates: state.ledger.templates,
    today,
  };
}

/** Every message for the client named, or for the first client among `addresses`. */
export function renderMessages(
  state: LedgerState,
  request: RenderMessagesRequest,
  today: IsoDate,
): RenderedMessages | null {
  const name =
    request.client ??
    lookup(state, { addresses: request.addresses ?? [], exclude: request.exclude ?? [] }, today)?.client;
  if (name === undefined) return null;
  return renderMessagesFor(state, name, today, request);
}
