/**
 * How Payladder writes a value into a cell the user will read as typed text.
 *
 * Sheets parses a string written with setValues as if the user had typed it: `007` becomes
 * the number 7, `1/2` a date, `=IMPORTXML(…)` a formula, `-x` a formula error. A milestone
 * ID, a client's name or a note from the sidebar must stay the text it is, so text is
 * written with a leading apostrophe, which Sheets keeps out of the value (seen 2026-11).
 */
import type { CellValue } from '../services.ts';

export function textCell(text: string): CellValue {
  return text === '' ? '' : `'${text}`;
}
