/** What the handlers need from Apps Script's trigger event objects. */

/** The name of the tab an onEdit event happened on, or null. */
export function editedTab(event: GoogleAppsScript.Events.SheetsOnEdit | undefined): string | null {
  try {
    return event?.range ? event.range.getSheet().getName() : null;
  } catch {
    return null;
  }
}

/**
 * True when Apps Script called the function from a time-driven trigger: its event object
 * carries `triggerUid`; a menu click passes no event at all.
 */
export function isTimeDriven(event: unknown): boolean {
  return typeof event === 'object' && event !== null && 'triggerUid' in event;
}
