/**
 * A1 notation as the Sheets API reads and writes it, for the fake.
 * Rows and columns here are 1-based and inclusive, like the notation itself.
 */

/** A parsed range before it meets a grid: undefined bounds are open (`A:C`, `2:5`, `A2:C`). */
export interface A1Range {
  /** undefined: no `Sheet!` part, the API then means the first sheet. */
  readonly sheet: string | undefined;
  /** undefined: the range is the whole sheet (`Clients`, `'Change orders'`). */
  readonly cells: A1Cells | undefined;
}

export interface A1Cells {
  readonly startRow: number | undefined;
  readonly startCol: number | undefined;
  readonly endRow: number | undefined;
  readonly endCol: number | undefined;
}

/** A range resolved against a grid: every bound known. */
export interface GridRange {
  readonly startRow: number;
  readonly startCol: number;
  readonly endRow: number;
  readonly endCol: number;
}

// One side of a range: letters, digits, or both (`A`, `12`, `A12`).
const SIDE = /^([A-Za-z]{0,3})(\d{0,7})$/;

/**
 * Parses `Sheet!A1:B2`, `'It''s'!A:C`, `Clients`, `A1:B2`; undefined when it is
 * not A1 notation at all (the API then answers "Unable to parse range").
 * A bare word is returned as a sheet name; the caller decides whether it is a
 * tab title or a cell reference, as the API does, because only it knows the tabs.
 */
export function parseA1(text: string): A1Range | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (trimmed.startsWith("'")) {
    const close = closingQuote(trimmed);
    if (close < 0) return undefined;
    const sheet = trimmed.slice(1, close).replaceAll("''", "'");
    const rest = trimmed.slice(close + 1);
    if (rest === '') return { sheet, cells: undefined };
    if (!rest.startsWith('!')) return undefined;
    const cells = parseCells(rest.slice(1));
    return cells ? { sheet, cells } : undefined;
  }
  const bang = trimmed.lastIndexOf('!');
  if (bang >= 0) {
    const sheet = trimmed.slice(0, bang);
    const cells = parseCells(trimmed.slice(bang + 1));
    return sheet !== '' && cells ? { sheet, cells } : undefined;
  }
  return { sheet: trimmed, cells: undefined };
}

/** `A1:B2`-style text alone, no sheet part; undefined when it is not that. */
export function parseCells(text: string): A1Cells | undefined {
  const [left, right, extra] = text.split(':');
  if (left === undefined || extra !== undefined) return undefined;
  const a = parseSide(left);
  const b = right === undefined ? a : parseSide(right);
  if (!a || !b) return undefined;
  // `A1:B` and `A:B` are fine; `A1:2` mixes a column-less side with a cell and the API refuses it.
  if ((a.col === undefined) !== (b.col === undefined) && a.row !== undefined && b.row !== undefined) {
    return undefined;
  }
  return { startRow: a.row, startCol: a.col, endRow: b.row, endCol: b.col };
}

function parseSide(text: string): { row: number | undefined; col: number | undefined } | undefined {
  const match = SIDE.exec(text);
  if (!match) return undefined;
  const letters = match[1] ?? '';
  const digits = match[2] ?? '';
  if (letters === '' && digits === '') return undefined;
  const row = digits === '' ? undefined : Number(digits);
  if (row === 0) return undefined;
  return { row, col: letters === '' ? undefined : columnNumber(letters) };
}

function closingQuote(text: string): number {
  for (let i = 1; i < text.length; i += 1) {
    if (text[i] !== "'") continue;
    if (text[i + 1] === "'") {
      i += 1;
      continue;
    }
    return i;
  }
  return -1;
}

/** `A` → 1, `Z` → 26, `AA` → 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** 1 → `A`, 27 → `AA`. */
export function columnLetters(n: number): string {
  let out = '';
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    out = String.fromCharCode(65 + ((rest - 1) % 26)) + out;
  }
  return out;
}

/**
 * A sheet title as the API writes it in response ranges: bare when it is a
 * plain identifier that cannot be mistaken for a cell (`Clients!A1:Z1000`),
 * quoted otherwise (`'Change orders'!A1:Z1000`, `'Q1'!A1`), inner quotes doubled.
 * The real rule is not documented; this matches what the API was seen to send
 * for the ledger's tab names.
 */
export function quoteSheetTitle(title: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_]*$/.test(title);
  const looksLikeCell = /^[A-Za-z]{1,3}\d+$/.test(title) || /^[Rr]\d*[Cc]\d*$/.test(title);
  return plain && !looksLikeCell ? title : `'${title.replaceAll("'", "''")}'`;
}

export function formatCells(range: GridRange): string {
  const start = `${columnLetters(range.startCol)}${range.startRow}`;
  const end = `${columnLetters(range.endCol)}${range.endRow}`;
  return start === end ? start : `${start}:${end}`;
}

export function formatRange(title: string, range: GridRange): string {
  return `${quoteSheetTitle(title)}!${formatCells(range)}`;
}
