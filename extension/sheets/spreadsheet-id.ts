/** The spreadsheet ID in what the user pastes: the sheet's URL, or the ID itself. */

// Google's IDs are 44 characters of [A-Za-z0-9_-]; shorter ones are accepted so a typo in
// length is reported by Google (404, naming the sheet) rather than guessed at here.
const ID = /^[A-Za-z0-9_-]{10,}$/;
const IN_URL = /\/spreadsheets\/(?:u\/\d+\/)?d\/([A-Za-z0-9_-]+)/;

/** `https://docs.google.com/spreadsheets/d/ID/edit#gid=0` → `ID`; a bare ID as it is; null otherwise. */
export function spreadsheetIdFrom(input: string): string | null {
  const text = input.trim();
  if (ID.test(text)) return text;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.hostname !== 'docs.google.com') return null;
  const id = IN_URL.exec(url.pathname)?.[1];
  return id !== undefined && ID.test(id) ? id : null;
}

/** The URL that opens the ledger in Google Sheets. */
export function spreadsheetUrl(spreadsheetId: string): string {
  return `https://docs.google.com/spreadsheets/d/${encodeURIComponent(spreadsheetId)}/edit`;
}
