/**
 * `payladder pack` and `payladder draft`: thin wrappers over the core's documentation pack
 * and message composer, so the terminal says exactly what the add-on and the extension say.
 */
import { writeFile as fsWriteFile } from 'node:fs/promises';
import type { Ledger, Problem, Report } from '../shared/index.ts';
import {
  buildPack,
  composeMessage,
  ComposeError,
  PackError,
  packChasingCsv,
  packHtml,
  packNotesHtml,
  packStatementCsv,
  problemText,
  recommendedMessage,
  stageLabel,
} from '../shared/index.ts';
import type { Io } from './io.ts';
import { terminalJson, terminalLines, terminalText } from './terminal.ts';

/** A command that cannot finish (an unwritable file, a message that does not exist): exit 2. */
export class CommandError extends Error {}

export const COMMAND_ERRORS = {
  cannot_write: (file: string, why: string) => `Cannot write ${file}: ${why}`,
} as const;

/**
 * Where `pack --out FILE` writes: FILE.html (the pack), FILE-notes.html (the user's internal
 * notes, never part of the pack), FILE-statement.csv and FILE-chasing.csv, side by side. An
 * `--out` ending in `.html` or `.csv` loses that extension first.
 */
export function packPaths(out: string): { html: string; notes: string; statement: string; chasing: string } {
  const m = /\.(html?|csv)$/i.exec(out);
  const base = m ? out.slice(0, m.index) : out;
  return {
    html: `${base}.html`,
    notes: `${base}-notes.html`,
    statement: `${base}-statement.csv`,
    chasing: `${base}-chasing.csv`,
  };
}

interface Context {
  ledger: Ledger;
  report: Report;
  today: string;
  /** The client's name as the ledger spells it. */
  client: string;
}

export async function runPack(args: Context & { out: string }, io: Io): Promise<void> {
  let pack;
  try {
    pack = buildPack(args);
  } catch (e) {
    if (e instanceof PackError) throw new CommandError(e.message);
    throw e;
  }
  const paths = packPaths(args.out);
  const write = io.writeFile ?? ((file: string, data: string) => fsWriteFile(file, data, 'utf8'));
  const files = [
    [paths.html, packHtml(pack)],
    [paths.notes, packNotesHtml(pack)],
    [paths.statement, packStatementCsv(pack)],
    [paths.chasing, packChasingCsv(pack)],
  ] as const;
  for (const [file, data] of files) {
    try {
      await write(file, data);
    } catch (e) {
      throw new CommandError(COMMAND_ERRORS.cannot_write(file, (e as Error).message));
    }
  }
  io.stdout(
    `Documentation pack for ${terminalText(pack.client.client)} as of ${pack.today} (${pack.language === 'it' ? 'Italian' : 'English'}): ${pack.statement.reduce((n, s) => n + s.lines.length, 0)} statement lines, ${pack.chasing.length} chasing entries.\n` +
      files.map(([file]) => `Wrote ${terminalText(file)}\n`).join(''),
  );
}

/** The CLI speaks English; money and dates in the ledger's locale. */
const problemLine = (p: Problem, locale: string) => {
  const t = problemText(p, 'en', locale);
  return `payladder: ${p.severity} ${terminalText(`${p.tab}${p.row !== null ? ` row ${p.row}` : ''}${p.column ? `, ${p.column}` : ''}: ${t.message} ${t.fix}`)}\n`;
};

export function runDraft(args: Context & { message?: string; html: boolean; json: boolean }, io: Io): void {
  const { ledger, report, today, client } = args;
  if (args.message === undefined && recommendedMessage({ report, ledger, client, today }) === null) {
    const next = report.clients.find((c) => c.client === client)?.nextAction ?? null;
    const when = next ? ` Next: ${stageLabel(next.stage)} on ${next.on}.` : '';
    if (args.json) io.stdout(terminalJson({ client, today, message: null, next }) + '\n');
    else
      io.stdout(
        `Nothing is due for ${terminalText(client)} today.${when} Use --message ID to draft one anyway.\n`,
      );
    return;
  }
  let message;
  try {
    message = composeMessage({ report, ledger, client, today, messageId: args.message });
  } catch (e) {
    if (e instanceof ComposeError) throw new CommandError(e.message);
    throw e;
  }
  if (args.json) {
    io.stdout(terminalJson(message) + '\n');
    return;
  }
  for (const p of message.problems) io.stderr(problemLine(p, ledger.settings.locale));
  for (const line of message.advice) io.stderr(`payladder: note: ${line}\n`);
  const due = report.clients.find((c) => c.client === message.client)?.message ?? null;
  if (due?.drafted && due.messageId === message.messageId) {
    const drafted = report.milestones.find((m) => m.id === due.milestones[0])?.draft;
    io.stderr(
      `payladder: note: this message was drafted${drafted ? ` on ${drafted.on}` : ''} and is not confirmed sent: send that draft (Gmail → Drafts) rather than a new one, then log it as sent.\n`,
    );
  }
  const head = `To: ${terminalText(message.to.join(', '))}\nSubject: ${terminalText(message.subject)}\n\n`;
  io.stdout(head + terminalLines(args.html ? message.html : message.text) + '\n');
}
