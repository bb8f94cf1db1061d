/**
 * Wall-clock time in an IANA time zone, for Utilities.formatDate, display values and
 * Sheets' parsing of typed dates (a date cell is midnight in the spreadsheet's zone).
 */

export interface WallTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall time in `timeZone` at the instant `ms`. Throws RangeError for an unknown zone. */
export function wallTime(ms: number, timeZone: string): WallTime {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    millisecond: ((ms % 1000) + 1000) % 1000,
  };
}

/** The instant whose wall time in `timeZone` is the given one (earlier instant in a DST overlap). */
export function instantOf(time: Omit<WallTime, 'millisecond'>, timeZone: string): number {
  const asUtc = Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second);
  // Two passes: the offset at the first guess can differ from the offset at the answer
  // when a DST change falls between them.
  let guess = asUtc - offsetAt(asUtc, timeZone);
  guess = asUtc - offsetAt(guess, timeZone);
  return guess;
}

function offsetAt(ms: number, timeZone: string): number {
  const w = wallTime(ms, timeZone);
  const wallAsUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
  return wallAsUtc - ms;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

const FIELDS: Record<string, (w: WallTime, width: number) => string> = {
  y: (w, width) => (width === 2 ? pad(w.year % 100, 2) : pad(w.year, width)),
  M: (w, width) => pad(w.month, width),
  d: (w, width) => pad(w.day, width),
  H: (w, width) => pad(w.hour, width),
  m: (w, width) => pad(w.minute, width),
  s: (w, width) => pad(w.second, width),
  S: (w, width) => pad(w.millisecond, width),
};

/**
 * A subset of Java's SimpleDateFormat, as Utilities.formatDate takes: y M d H m s S and
 * quoted literals. Other pattern letters throw, so a handler that needs one extends this
 * on purpose instead of getting a silently wrong string.
 */
export function formatPattern(ms: number, timeZone: string, pattern: string): string {
  const w = wallTime(ms, timeZone);
  let out = '';
  for (let i = 0; i < pattern.length;) {
    const ch = pattern.charAt(i);
    if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end === -1) throw new RangeError(`Unterminated quote in date pattern "${pattern}"`);
      out += end === i + 1 ? "'" : pattern.slice(i + 1, end);
      i = end + 1;
      continue;
    }
    if (/[A-Za-z]/.test(ch)) {
      let width = 1;
      while (pattern.charAt(i + width) === ch) width += 1;
      const field = FIELDS[ch];
      if (!field) {
        throw new RangeError(`The fake formatDate does not support pattern letter '${ch}' in "${pattern}"`);
      }
      out += field(w, width);
      i += width;
      continue;
    }
    out += ch;
    i += 1;
  }
  return out;
}
