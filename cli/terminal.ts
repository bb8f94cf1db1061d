/**
 * Ledger text on a terminal. A shared `--sheet` ledger is written by other people: a cell
 * holding ESC sequences could retitle the window (OSC 0), plant a hidden link (OSC 8),
 * erase lines (CSI 2K) or hide text (SGR 8) when printed raw. Every C0 and C1 control
 * character and DEL in ledger text is replaced by a visible stand-in before printing:
 * C0 by its Unicode Control Picture (ESC → ␛), DEL by ␡, C1 by U+FFFD. The CLI's own
 * colours are added after this, so they stay.
 */

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
// eslint-disable-next-line no-control-regex -- the same, keeping line breaks and tabs
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

function standIn(c: string): string {
  const code = c.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return '\ufffd';
}

/** One line of ledger text, safe to print: every control character made visible. */
export function terminalText(text: string): string {
  return text.replace(CONTROL, standIn);
}

/** Multi-line text (a reminder body): line breaks and tabs kept, other controls made visible. */
export function terminalLines(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(CONTROL_BUT_LINES, standIn);
}

/**
 * JSON for a terminal or a pipe: JSON.stringify already escapes C0, but not DEL and C1
 * (U+0080–U+009F, which some terminals obey as 8-bit controls); escape them too. The data
 * is unchanged: a JSON reader gets the same strings back.
 */
export function terminalJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    /[\u007f-\u009f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
