/** What the handlers need from Apps Script's trigger event objects. */

/** The tab an onEdit event happened on and its name, or null. */
export function editedSheet(
  event: GoogleAppsScript.Events.SheetsOnEdit | undefined,
): { name: string; sheet: GoogleAppsScript.Spreadsheet.Sheet } | null {
  try {
    if (!event?.range) return null;
    const sheet = event.range.getSheet();
    return { name: sheet.getName(), sheet };
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
