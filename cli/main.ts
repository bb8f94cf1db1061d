/**
 * `payladder`: the terminal report, and the `pack` and `draft` commands. With no ledger
 * argument it works on the bundled demo ledger; `--ledger DIR` reads a folder of CSV
 * exports; `--sheet ID` a Google Sheet. Exit 0 when the output was printed or written
 * (problems or not), 2 for bad arguments, an unknown client, an unreadable ledger or an
 * unwritable output file, with one line on stderr.
 */
import { parseArgs } from 'node:util';
import type { Language, Ledger, RawLedger, Report } from '../shared/index.ts';
import {
  DEMO_SHEET,
  LANGUAGES,
  buildReport,
  demoLedger,
  isIsoDate,
  todayIn,
  toJsonReport,
} from '../shared/index.ts';
import { ClientNameError, clientSlice, findClient } from './clients.ts';
import { CommandError, runDraft, runDraftAll, runPack } from './commands.ts';
import type { Io } from './io.ts';
import { COLOR, PLAIN, formatReport } from './report-table.ts';
import { LedgerReadError, readCsvLedger } from './sources/csv.ts';
import { readSheetLedger } from './sources/sheet.ts';
import { terminalJson, terminalText } from './terminal.ts';

export const USAGE = `Usage: payladder [--ledger DIR | --sheet SPREADSHEET_ID] [--today YYYY-MM-DD] [--client NAME] [--lang en|it] [--json]
       payladder pack --client NAME [--ledger DIR | --sheet ID] [--today DATE] --out FILE
       payladder draft --client NAME [--ledger DIR | --sheet ID] [--today DATE] [--message ID] [--lang en|it] [--html | --json]
       payladder draft --all [--ledger DIR | --sheet ID] [--today DATE] [--lang en|it] [--html | --json]

  (no ledger)        work on the bundled demo ledger
  --ledger DIR       a folder of CSV exports, one <Tab>.csv per tab
  --sheet ID         a Google Sheet (Application Default Credentials)
  --today DATE       as of this date (default: today in the ledger's time zone)
  --client NAME      only this client (required by pack and draft): the name, or the start
                     of it when only one client's name starts so; case does not matter
  --lang en|it       the report's language, and draft's own lines (each message is in its
                     client's language); default: Settings → Default language
  --json             one JSON document on stdout
  --no-color         plain text even on a terminal

  pack               the client's documentation pack, in the client's language: --out NAME
                     writes NAME.html (the pack, to print or hand over), NAME-notes.html
                     (your internal notes: tax, ledger problems), NAME-statement.csv and
                     NAME-chasing.csv.
  draft              the message recommended for the client today: To, Subject, body.
  --all              every message to send today, one per client, one after the other
  --message ID       draft this message instead (upcoming, reminder, followup, final,
                     stop_work, demand, small_claims, dispute, change_order, payment_plan)
  --html             print the HTML body instead of the plain text
`;

export const COMMANDS = ['report', 'pack', 'draft'] as const;
export type Command = (typeof COMMANDS)[number];

export class UsageError extends Error {}

export type { Io } from './io.ts';

export interface Options {
  command: Command;
  ledger?: string;
  sheet?: string;
  today?: string;
  client?: string;
  out?: string;
  message?: string;
  lang?: Language;
  all: boolean;
  json: boolean;
  html: boolean;
  color: boolean;
  help: boolean;
}

/** The options each command accepts; anything else is a usage error. */
const OPTION_SPECS = {
  ledger: { type: 'string' },
  sheet: { type: 'string' },
  today: { type: 'string' },
  client: { type: 'string' },
  out: { type: 'string' },
  message: { type: 'string' },
  lang: { type: 'string' },
  all: { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  html: { type: 'boolean', default: false },
  'no-color': { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;
const ALLOWED: Readonly<Record<Command, readonly (keyof typeof OPTION_SPECS)[]>> = {
  report: ['ledger', 'sheet', 'today', 'client', 'lang', 'json', 'no-color', 'help'],
  pack: ['ledger', 'sheet', 'today', 'client', 'out', 'help'],
  draft: ['ledger', 'sheet', 'today', 'client', 'all', 'message', 'lang', 'html', 'json', 'help'],
};

export const USAGE_ERRORS = {
  both_sources: 'Use --ledger or --sheet, not both.',
  bad_today: (value: string) => `--today wants a date as YYYY-MM-DD, not "${value}".`,
  bad_lang: (value: string) => `--lang wants ${LANGUAGES.join(' or ')}, not "${value}".`,
  needs_client: (command: string) =>
    command === 'draft'
      ? 'payladder draft needs --client NAME or --all.'
      : `payladder ${command} needs --client NAME.`,
  needs_out: 'payladder pack needs --out FILE.',
  html_and_json: 'Use --html or --json, not both.',
  all_and_client: 'Use --all or --client, not both.',
  all_and_message: '--message picks the message for one --client; --all drafts the message due to each.',
} as const;

/** Splits off the command (the first argument, when it names one; the report otherwise). */
export function parseCommand(argv: readonly string[]): { command: Command; rest: string[] } {
  const first = argv[0];
  if (first === 'pack' || first === 'draft' || first === 'report')
    return { command: first, rest: argv.slice(1) };
  return { command: 'report', rest: [...argv] };
}

export function parseOptions(argv: string[], command: Command = 'report'): Options {
  let values;
  const options = Object.fromEntries(ALLOWED[command].map((name) => [name, OPTION_SPECS[name]]));
  try {
    ({ values } = parseArgs({ args: argv, options, allowPositionals: false, strict: true }));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const v = values as Record<string, string | boolean | undefined>;
  const text = (name: string) => (typeof v[name] === 'string' ? (v[name] as string) : undefined);
  const flag = (name: string) => v[name] === true;
  if (text('ledger') !== undefined && text('sheet') !== undefined)
    throw new UsageError(USAGE_ERRORS.both_sources);
  const today = text('today');
  if (today !== undefined && !isIsoDate(today)) throw new UsageError(USAGE_ERRORS.bad_today(today));
  const lang = text('lang');
  if (lang !== undefined && !(LANGUAGES as readonly string[]).includes(lang))
    throw new UsageError(USAGE_ERRORS.bad_lang(lang));
  const opts: Options = {
    command,
    ledger: text('ledger'),
    sheet: text('sheet'),
    today,
    client: text('client'),
    out: text('out'),
    message: text('message'),
    lang: lang as Language | undefined,
    all: flag('all'),
    json: flag('json'),
    html: flag('html'),
    color: !flag('no-color'),
    help: flag('help'),
  };
  if (!opts.help && command !== 'report') {
    if (opts.all && opts.client !== undefined) throw new UsageError(USAGE_ERRORS.all_and_client);
    if (opts.all && opts.message !== undefined) throw new UsageError(USAGE_ERRORS.all_and_message);
    if (opts.client === undefined && !opts.all) throw new UsageError(USAGE_ERRORS.needs_client(command));
    if (command === 'pack' && (opts.out === undefined || opts.out === ''))
      throw new UsageError(USAGE_ERRORS.needs_out);
    if (opts.html && opts.json) throw new UsageError(USAGE_ERRORS.html_and_json);
  }
  return opts;
}

export interface LoadedLedger {
  raw: RawLedger;
  locale: string;
  timeZone: string;
  title: string;
}

export async function loadLedger(opts: Options, io: Io): Promise<LoadedLedger> {
  if (opts.sheet !== undefined) return readSheetLedger(opts.sheet);
  if (opts.ledger !== undefined) {
    return { raw: await readCsvLedger(opts.ledger), locale: 'en_US', timeZone: 'UTC', title: opts.ledger };
  }
  // The demo is dated relative to today in its own time zone, so every stage shows.
  const today = opts.today ?? todayIn(DEMO_SHEET.timeZone, io.now());
  return {
    raw: demoLedger(today),
    locale: DEMO_SHEET.locale,
    timeZone: DEMO_SHEET.timeZone,
    title: DEMO_SHEET.title,
  };
}

/** The ledger read, parsed and computed as of `today` (Settings → Time zone decides today). */
export async function prepare(
  opts: Options,
  io: Io,
): Promise<{ report: Report; ledger: Ledger; today: string; title: string }> {
  const source = await loadLedger(opts, io);
  // Parse first: the ledger's own time zone (Settings → Time zone) decides what today is.
  const { report, ledger, today } = buildReport(
    source.raw,
    (parsed) => {
      const realToday = todayIn(parsed.settings.timeZone, io.now());
      return { today: opts.today ?? realToday, realToday };
    },
    { locale: source.locale, timeZone: source.timeZone },
  );
  return { report, ledger, today, title: source.title };
}

export async function run(argv: string[], io: Io): Promise<number> {
  try {
    const { command, rest } = parseCommand(argv);
    const opts = parseOptions(rest, command);
    if (opts.help) {
      io.stdout(USAGE);
      return 0;
    }
    const { report, ledger, today, title } = await prepare(opts, io);
    // The report's words (messages keep their client's language): --lang, else the ledger's.
    const language = opts.lang ?? ledger.settings.defaultLanguage;
    if (command === 'pack') {
      await runPack(
        { ledger, report, today, client: findClient(ledger, opts.client ?? ''), out: opts.out ?? '' },
        io,
      );
      return 0;
    }
    if (command === 'draft' && opts.all) {
      runDraftAll({ ledger, report, today, html: opts.html, json: opts.json, language }, io);
      return 0;
    }
    if (command === 'draft') {
      runDraft(
        {
          ledger,
          report,
          today,
          client: findClient(ledger, opts.client ?? ''),
          message: opts.message,
          html: opts.html,
          json: opts.json,
          language,
        },
        io,
      );
      return 0;
    }
    let shown = report;
    let elsewhere = 0;
    if (opts.client !== undefined) {
      ({ report: shown, elsewhere } = clientSlice(report, ledger, findClient(ledger, opts.client)));
      // A script asked for one client gets every problem still: it decides what to show.
      if (opts.json) shown = { ...shown, problems: report.problems };
    }
    if (opts.json) io.stdout(terminalJson(toJsonReport(shown, ledger.settings.locale)) + '\n');
    else {
      const color = opts.color && io.isTty && !io.env.NO_COLOR;
      io.stdout(
        formatReport(shown, ledger.settings.locale, color ? COLOR : PLAIN, title, language, { elsewhere }),
      );
    }
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`payladder: ${terminalText(e.message)} (see payladder --help)\n`);
      return 2;
    }
    if (e instanceof LedgerReadError || e instanceof CommandError || e instanceof ClientNameError) {
      // Read errors quote file names and cells: shown, never obeyed.
      io.stderr(`payladder: ${terminalText(e.message)}\n`);
      return 2;
    }
    throw e;
  }
}

/** Runs the CLI in this process: arguments, streams, clock and exit code. */
export function cliMain(): void {
  run(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    isTty: Boolean(process.stdout.isTTY),
    env: process.env,
    now: () => new Date(),
  }).then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      process.stderr.write(`payladder: ${terminalText((e as Error).message ?? String(e))}\n`);
      process.exitCode = 2;
    },
  );
}

// `tsx cli/main.ts` (npm start) runs it directly; the built bin calls cliMain().
if (process.argv[1]?.endsWith('cli/main.ts')) cliMain();
