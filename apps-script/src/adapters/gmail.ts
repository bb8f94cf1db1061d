/**
 * Drafts through the Gmail advanced service (Gmail API v1), enabled in appsscript.json under
 * dependencies.enabledAdvancedServices. Unlike GmailApp, whose every method needs the full
 * https://mail.google.com/ scope, users.drafts.create and users.drafts.get accept
 * gmail.compose, the narrow scope the manifest asks for (Gmail API reference, "Authorization
 * scopes" of users.drafts.create / users.drafts.get).
 *
 * The sender's display name (the Business name setting) needs the account's address in
 * From: users.getProfile gives it under gmail.compose (Session.getEffectiveUser() would need
 * userinfo.email, which the manifest does not ask for). Read once per execution.
 */
import { draftLink } from '../draft-link.ts';
import type { CreatedDraft, DraftMessage } from '../services.ts';
import { rawMessage } from './mime.ts';

function gmail(): GoogleAppsScript.Gmail {
  // The global is undefined when the advanced service is not enabled in the manifest.
  if (typeof Gmail === 'undefined' || !Gmail)
    throw new Error('The Gmail advanced service is not enabled for this script (appsscript.json).');
  return Gmail;
}

let ownAddress: string | undefined;

function accountAddress(): string {
  ownAddress ??= gmail().Users!.getProfile!('me').emailAddress ?? '';
  return ownAddress;
}

export function createDraft(message: DraftMessage): CreatedDraft {
  const from = message.senderName ? accountAddress() : undefined;
  const draft = gmail().Users!.Drafts!.create({ message: { raw: rawMessage(message, from) } }, 'me');
  const id = draft.id ?? '';
  const threadId = draft.message?.threadId ?? draft.message?.id ?? '';
  if (id === '') throw new Error('Gmail created a draft without an id.');
  return { id, link: draftLink(id, threadId) };
}

/** True while the draft exists; false once it was sent or deleted (Gmail answers 404). */
export function draftExists(draftId: string): boolean {
  try {
    gmail().Users!.Drafts!.get('me', draftId, { format: 'minimal' });
    return true;
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
}

// Advanced services throw GoogleJsonResponseException: `details.code` is the HTTP status and
// the message ends with Google's own text.
function isNotFound(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const details = (error as { details?: { code?: unknown } }).details;
  if (details?.code === 404) return true;
  const message = (error as { message?: unknown }).message;
  return typeof message === 'string' && message.endsWith('Requested entity was not found.');
}
