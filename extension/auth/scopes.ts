/** The two OAuth scopes Payladder asks for, and which one a setting needs. */

/** Read and write: needed to append to the Reminders log. */
export const SHEETS_SCOPE = 'https://www.googleapis.com/auth/spreadsheets';
/** Read only: enough when the user turned reminder logging off. */
export const SHEETS_READONLY_SCOPE = 'https://www.googleapis.com/auth/spreadsheets.readonly';

export function scopeFor(logging: boolean): string {
  return logging ? SHEETS_SCOPE : SHEETS_READONLY_SCOPE;
}

/** True when the `granted` scopes let a token do what `wanted` allows (write covers read). */
export function covers(granted: readonly string[], wanted: string): boolean {
  if (granted.includes(wanted)) return true;
  return wanted === SHEETS_READONLY_SCOPE && granted.includes(SHEETS_SCOPE);
}
