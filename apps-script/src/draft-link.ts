/**
 * The Reminders row's `Link` for a Payladder draft: the Gmail thread, carrying the draft's
 * id so a later run can ask Gmail whether the draft still exists (sent or deleted drafts
 * are gone: users.drafts.get answers 404).
 *
 *   https://mail.google.com/mail/?draft=r7000000001#all/18f0000000001
 *
 * `#all/<threadId>` opens the conversation in Gmail's web client (the form in common use,
 * seen 2026-12; Gmail documents no link format). `draft=` is Payladder's own query
 * parameter; Gmail's web client ignores query parameters it does not know (an assumption
 * no test here can check against Google: if it ever did not, the thread part still works
 * once the parameter is dropped).
 */
const GMAIL = 'https://mail.google.com/mail/';

export function draftLink(draftId: string, threadId: string): string {
  return `${GMAIL}?draft=${encodeURIComponent(draftId)}#all/${encodeURIComponent(threadId)}`;
}

/** The draft id a Link cell carries, or null for any other link (sent mail, a PEC receipt…). */
export function draftIdOfLink(link: string): string | null {
  if (!link.startsWith(`${GMAIL}?`)) return null;
  const query = link.slice(GMAIL.length + 1).split('#')[0] ?? '';
  for (const pair of query.split('&')) {
    const [name, value] = pair.split('=');
    if (name === 'draft' && value) {
      try {
        return decodeURIComponent(value);
      } catch {
        return null;
      }
    }
  }
  return null;
}
