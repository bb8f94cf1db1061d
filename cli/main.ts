/**
 * `payladder`: the terminal report. With no ledger argument it reports on the bundled demo
 * ledger; `--ledger DIR` reads a folder of CSV exports; `--sheet ID` a Google Sheet.
 * Exit 0 when a report was printed (problems or not), 2 for bad arguments or an unreadable
 * ledger, with one line on stderr.
 */
import { parseArgs } from 'node:util';
import type { RawLedger } from '../shared/index.ts';
import {
  DEMO_SHEET,
  buildReport,
  demoLedger,
  isIsoDate,
  refKey,
  todayIn,
  toJsonReport,
} from '../shared/index.ts';
import { COLOR, PLAIN, formatReport } from './format.ts';
import { LedgerReadError, readCsvLedger } from './sources/csv.ts';
import { readSheetLedger } from './sources/sheet.ts';

export const USAGE = `Usage: payladder [--ledger DIR | --sheet SPREADSHEET_ID] [--today YYYY-MM-DD] [--client NAME] [--json]

  (no ledger)        report on the bundled demo ledger
  --ledger DIR       a folder of CSV exports, one <Tab>.csv per tab
  --sheet ID         a Google Sheet (Application Default Credentials)
  --today DATE       report as of this date (default: today in the ledger's time zone)
  --client NAME      only this client
  --json             one JSON document on stdout
  --no-color         plain text even on a terminal
`;

export class UsageError extends Error {}

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTty: boolean;
  env: Record<string, string | undefined>;
  now: () => Date;
}

export interface Options {
  ledger?: string;
  sheet?: string;
  today?: string;
  client?: string;
  json: boolean;
  color: boolean;
  help: boolean;
}

export function parseOptions(argv: string[]): Options {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        ledger: { type: 'string' },
        sheet: { type: 'string' },
        today: { type: 'string' },
        client: { type: 'string' },
        json: { type: 'boolean', default: false },
        'no-color': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      allowPositionals: false,
      strict: true,
    }));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (values.ledger !== undefined && values.sheet !== undefined)
    throw new UsageError('Use --ledger or --sheet, not both.');
  if (values.today !== undefined && !isIsoDate(values.today)) {
    throw new UsageError(`--today wants a date as YYYY-MM-DD, not "${values.today}".`);
  }
  return {
    ledger: values.ledger,
    sheet: values.sheet,
    today: values.today,
    client: values.client,
    json: values.json ?? false,
    color: !(values['no-color'] ?? false),
    help: values.help ?? false,
  };
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

export async function run(argv: string[], io: Io): Promise<number> {
  try {
    const opts = parseOptions(argv);
    if (opts.help) {
      io.stdout(USAGE);
      return 0;
    }
    const source = await loadLedger(opts, io);
    // Parse once to learn the ledger's own time zone (Settings → Time zone), then date the report.
    const probe = buildReport(source.raw, opts.today ?? '2000-01-01', {
      locale: source.locale,
      timeZone: source.timeZone,
    });
    const today = opts.today ?? todayIn(probe.ledger.settings.timeZone, io.now());
    const { report, ledger } = opts.today
      ? probe
      : buildReport(source.raw, today, { locale: source.locale, timeZone: source.timeZone });
    if (opts.client !== undefined) {
      const key = refKey(opts.client);
      const client = ledger.clients.find((c) => refKey(c.client) === key);
      if (!client) throw new UsageError(`No client named "${opts.client}" in the ledger.`);
      report.milestones = report.milestones.filter((m) => m.client === client.client);
      report.clients = report.clients.filter((c) => c.client === client.client);
      report.dueTodayCount = report.milestones.filter((m) => m.nextAction && m.nextAction.on <= today).length;
    }
    if (opts.json) io.stdout(JSON.stringify(toJsonReport(report), null, 2) + '\n');
    else {
      const color = opts.color && io.isTty && !io.env.NO_COLOR;
      io.stdout(formatReport(report, ledger.settings.locale, color ? COLOR : PLAIN, source.title));
    }
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`payladder: ${e.message} (see payladder --help)\n`);
      return 2;
    }
    if (e instanceof LedgerReadError) {
      io.stderr(`payladder: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

const isMain = import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('cli/main.ts');
if (isMain) {
  run(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    isTty: Boolean(process.stdout.isTTY),
    env: process.env,
    now: () => new Date(),
  }).then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      process.stderr.write(`payladder: ${(e as Error).message ?? String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
