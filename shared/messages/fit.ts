/**
 * Fitting a message to what a Gmail compose window already holds (issue 12), in plain text:
 * - the template's greeting is left out when the user's text already opens with one;
 * - the template's sign-off (its closing line and the names below it) is left out when
 *   Gmail adds a signature, or when the user's text already has a sign-off.
 * Greetings and closings are recognised in English and Italian, whatever the message's
 * language (a user may open an English message with "Ciao"), ignoring case, white space
 * and the trailing comma or exclamation mark. Pure: the extension reads the window
 * (extension/gmail/read/compose-body.ts) and its background fits the messages it renders
 * (extension/sync/render-messages.ts), so the content script carries none of these words.
 */

/**
 * What a greeting line opens with: English (hi, hello, hey, dear, good morning/afternoon/
 * evening, greetings), Italian (buongiorno, buonasera, buon pomeriggio, ciao, salve,
 * gentile/i, gentilissimo/a, gent.mo/a, spettabile, spett.le, egregio/a, caro/a/i/e,
 * carissimo/a). Written as one expression: the content script's size is budgeted.
 */
const GREETING =
  /^(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|greetings|buon(?:giorno|asera| pomeriggio)|ciao|salve|gentil(?:[ei]|issim[oa])|gent\.m[oa]|spett(?:abile|\.le)|egregi[oa]|car(?:[oaie]|issim[oa]))(?=$|[\s,!:])/;

/**
 * One closing phrase: English (regards with kind/best/warm/warmest/with kind/with best,
 * best, best wishes, all the best, cheers, sincerely (yours), yours sincerely/faithfully/
 * truly, thanks (again, so much), many thanks, with thanks, thank you (again, so much,
 * very much), take care), Italian (saluti with cordiali/distinti/cari, saluti cordiali, un
 * (caro, cordiale) saluto, (con) i (miei) migliori saluti, cordialmente, grazie (mille,
 * ancora, in anticipo), la/ti/vi ringrazio (anticipatamente), a presto, buona giornata,
 * buon lavoro, ciao). A closing line is one or more of them.
 */
const CLOSING =
  /^(?:(?:with )?(?:(?:kind|best|warm|warmest) )?regards|best(?: wishes)?|all the best|cheers|sincerely(?: yours)?|yours (?:sincerely|faithfully|truly)|(?:many |with )?thanks(?: again| so much)?|thank you(?: again| so much| very much)?|take care|(?:cordiali |distinti |cari |un (?:caro |cordiale )?|(?:con )?i (?:miei )?migliori )?salut[io](?: cordiali)?|cordialmente|grazie(?: mille| ancora| in anticipo)?|[ltv][ai] ringrazio(?: anticipatamente)?|a presto|buona giornata|buon lavoro|ciao)$/;

/** Lower case, one space between words, no trailing comma, colon or exclamation mark. */
export function normalLine(line: string): string {
  return line
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/[\s,;:!.]+$/, '');
}

/**
 * A greeting: opens with a greeting word, the part before its first comma or exclamation
 * mark is a few words ("Hi Sam", "Dear Sir or Madam", "Gentile dott. Rossi").
 */
export function isGreeting(line: string): boolean {
  const normal = normalLine(line);
  if (!GREETING.test(normal)) return false;
  const head = normal.split(/[,!:]/, 1)[0] ?? '';
  return head.split(' ').length <= 6;
}

/** A closing line: nothing but closing phrases ("Best,", "Thank you, and best regards,", "Cordiali saluti"). */
export function isClosing(line: string): boolean {
  const normal = normalLine(line);
  if (normal === '') return false;
  return normal.split(/ ?, ?(?:and |e )?| (?:and|e) /).every((part) => CLOSING.test(part));
}

/** What the window holds besides the message: the user's own lines and whether Gmail signs it. */
export interface ComposeText {
  /** The body's lines outside the signature and the quoted message ('' for a blank line). */
  readonly lines: readonly string[];
  /** Gmail's signature is in the body, with some text in it. */
  readonly signature: boolean;
}

export interface FittedText {
  /** The text to put in. */
  readonly text: string;
  /** The greeting left out (the user's text opens with one), if any. */
  readonly greeting: string | null;
  /** The sign-off left out (signature, or the user's own sign-off), if any. */
  readonly signOff: string | null;
}

/** Paragraphs of the text: runs of lines between blank lines. */
function paragraphs(text: string): string[][] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.split('\n'))
    .filter((p) => p.some((l) => l.trim() !== ''));
}

/** Where the template's greeting is: the first line of one of its first paragraphs (letters open with a letterhead). */
function greetingAt(paras: readonly string[][]): number {
  return paras.slice(0, 4).findIndex((p) => isGreeting(p[0] ?? ''));
}

/** The line of the last paragraph where the template's sign-off starts (-1: it has none). */
function signOffAt(paras: readonly string[][]): number {
  const last = paras[paras.length - 1] ?? [];
  return last.findIndex(isClosing);
}

/**
 * The lines of the user's text where their sign-off starts, within its last paragraph: a
 * closing line, or the very last line when it is a name the template signs with ("Alex"
 * for "Alex Moreau"). -1: no sign-off.
 */
export function userSignOffAt(lines: readonly string[], names: readonly string[]): number {
  let end = lines.length;
  while (end > 0 && (lines[end - 1] ?? '').trim() === '') end -= 1;
  let start = end;
  while (start > 0 && (lines[start - 1] ?? '').trim() !== '') start -= 1;
  for (let i = start; i < end; i += 1) if (isClosing(lines[i] ?? '')) return i;
  const last = normalLine(lines[end - 1] ?? '');
  const named = names.some((n) => {
    const name = normalLine(n);
    return name !== '' && (name === last || name.startsWith(`${last} `));
  });
  return end > 0 && named ? end - 1 : -1;
}

/** The names the template signs with: the lines below its closing line. */
export function signOffNames(text: string): string[] {
  const paras = paragraphs(text);
  const at = signOffAt(paras);
  return at < 0 ? [] : (paras[paras.length - 1] ?? []).slice(at + 1).filter((l) => l.trim() !== '');
}

/** The message's text as it goes into a window holding `window` (see the file's comment). */
export function fitText(text: string, window: ComposeText): FittedText {
  const paras = paragraphs(text);
  const own = window.lines.filter((l) => l.trim() !== '');
  let greeting: string | null = null;
  let signOff: string | null = null;

  const g = greetingAt(paras);
  const theirs = own[0];
  if (g >= 0 && theirs !== undefined) {
    const mine = normalLine(paras[g]?.[0] ?? '');
    if (isGreeting(theirs) || own.some((l) => normalLine(l) === mine)) {
      greeting = (paras[g]?.[0] ?? '').trim();
      paras[g] = (paras[g] ?? []).slice(1);
    }
  }

  const s = signOffAt(paras);
  if (s >= 0) {
    const last = paras[paras.length - 1] ?? [];
    const names = last.slice(s + 1);
    if (window.signature || userSignOffAt(window.lines, names) >= 0) {
      signOff = last.slice(s).join('\n').trim();
      paras[paras.length - 1] = last.slice(0, s);
    }
  }

  const kept = paras.filter((p) => p.some((l) => l.trim() !== ''));
  // Nothing to leave out, or nothing left but what was left out: the text as written.
  if ((greeting === null && signOff === null) || kept.length === 0)
    return { text, greeting: null, signOff: null };
  return { text: kept.map((p) => p.join('\n')).join('\n\n'), greeting, signOff };
}
