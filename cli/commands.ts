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
  todayWork,
} from '../shared/index.ts';
import type { ComposedMessage, Language, TodayMessage } from '../shared/index.ts';
import type { Io } from './io.ts';
import { stepName } from './report-table.ts';
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

/** The lines `draft` writes around the messages (the messages are in each client's language). */
export const DRAFT_WORDS = {
  en: {
    nothingFor: (client: string, next: string) =>
      `Nothing is due for ${client} today.${next ? ` Next: ${next}.` : ''} Use --message ID to draft one anyway.`,
    on: (step: string, date: string) => `${step} on ${date}`,
    count: (n: number, today: string) =>
      n === 0
        ? `No message to send on ${today}.`
        : `${n === 1 ? '1 message' : `${n} messages`} to send on ${today}, one per client.`,
    of: 'of',
    notPrinted: (n: number) =>
      n === 1
        ? 'Not printed: 1 draft to confirm, already in Gmail → Drafts: send it, then log it as sent (payladder draft --client NAME prints it again).'
        : `Not printed: ${n} drafts to confirm, already in Gmail → Drafts: send them, then log them as sent (payladder draft --client NAME prints one again).`,
  },
  it: {
    nothingFor: (client: string, next: string) =>
      `Niente da inviare a ${client} oggi.${next ? ` Prossimo: ${next}.` : ''} Con --message ID si prepara comunque un messaggio.`,
    on: (step: string, date: string) => `${step} il ${date}`,
    count: (n: number, today: string) =>
      n === 0
        ? `Nessun messaggio da inviare il ${today}.`
        : `${n === 1 ? '1 messaggio' : `${n} messaggi`} da inviare il ${today}, uno per cliente.`,
    of: 'di',
    notPrinted: (n: number) =>
      n === 1
        ? 'Non stampata: 1 bozza da confermare, già in Gmail → Bozze: inviala, poi registrala come inviata (payladder draft --client NOME la stampa di nuovo).'
        : `Non stampate: ${n} bozze da confermare, già in Gmail → Bozze: inviale, poi registrale come inviate (payladder draft --client NOME ne stampa una di nuovo).`,
  },
} as const;

export function runDraft(
  args: Context & { message?: string; html: boolean; json: boolean; language?: Language },
  io: Io,
): void {
  const { ledger, report, today, client } = args;
  if (args.message === undefined && recommendedMessage({ report, ledger, client, today }) === null) {
    const w = DRAFT_WORDS[args.language ?? 'en'];
    const next = report.clients.find((c) => c.client === client)?.nextAction ?? null;
    const when = next ? w.on(stepName(next.stage, args.language ?? 'en'), next.on) : '';
    if (args.json) io.stdout(terminalJson({ client, today, message: null, next }) + '\n');
    else io.stdout(w.nothingFor(terminalText(client), when) + '\n');
    return;
  }
  const message = compose({ report, ledger, client, today, messageId: args.message });
  if (args.json) {
    io.stdout(terminalJson(message) + '\n');
    return;
  }
  printNotes(message, args, io, '');
  io.stdout(printable(message, args.html) + '\n');
}

function compose(input: Context & { messageId?: string }): ComposedMessage {
  try {
    return composeMessage(input);
  } catch (e) {
    if (e instanceof ComposeError) throw new CommandError(e.message);
    throw e;
  }
}

/** Template problems, delivery advice and a pending draft, on stderr (`who` names the client in --all). */
function printNotes(
  message: ComposedMessage,
  { report, ledger }: Pick<Context, 'report' | 'ledger'>,
  io: Io,
  who: string,
): void {
  for (const p of message.problems) io.stderr(problemLine(p, ledger.settings.locale));
  for (const line of message.advice) io.stderr(`payladder: note: ${who}${line}\n`);
  const due = report.clients.find((c) => c.client === message.client)?.message ?? null;
  if (due?.drafted && due.messageId === message.messageId) {
    const drafted = report.milestones.find((m) => m.id === due.milestones[0])?.draft;
    io.stderr(
      `payladder: note: ${who}this message was drafted${drafted ? ` on ${drafted.on}` : ''} and is not confirmed sent: send that draft (Gmail → Drafts) rather than a new one, then log it as sent.\n`,
    );
  }
}

/** To, Subject, a blank line and the body, terminal-safe. */
function printable(message: ComposedMessage, html: boolean): string {
  const head = `To: ${terminalText(message.to.join(', '))}\nSubject: ${terminalText(message.subject)}\n\n`;
  return head + terminalLines(html ? message.html : message.text);
}

/** The line between two messages of `draft --all`: which of how many, for whom, what. */
export function draftRule(k: number, n: number, t: TodayMessage, language: Language = 'en'): string {
  const what = stepName(t.message.messageId, language);
  const title = ` ${k} ${DRAFT_WORDS[language].of} ${n} · ${terminalText(t.client)} · ${what} · ${terminalText(t.invoices.join(', '))} `;
  return `━━━━${title}${'━'.repeat(Math.max(4, 76 - [...title].length))}`;
}

/**
 * `draft --all`: every message to send today, one per client (shared/today.ts, the list the
 * report's "Messages to send" shows), each with To, Subject and body, between rules. The
 * drafts already waiting in Gmail are named, not printed again: sending a second copy is
 * what the draft is there to prevent.
 */
export function runDraftAll(
  args: Omit<Context, 'client'> & { html: boolean; json: boolean; language?: Language },
  io: Io,
): void {
  const { ledger, report, today } = args;
  const language = args.language ?? 'en';
  const w = DRAFT_WORDS[language];
  const work = todayWork(report);
  const messages = work.messages.map((t) => compose({ report, ledger, today, client: t.client }));
  if (args.json) {
    io.stdout(
      terminalJson({
        today,
        messages,
        draftsToConfirm: work.drafts.map((t) => ({
          client: t.client,
          messageId: t.message.messageId,
          invoices: t.invoices,
        })),
      }) + '\n',
    );
    return;
  }
  const out: string[] = [];
  io.stdout(w.count(messages.length, today) + '\n');
  messages.forEach((message, i) => {
    const t = work.messages[i] as TodayMessage;
    // The rule first, then this message's notes (stderr, naming the client for a redirected
    // stdout), then the message: on a terminal each note sits under its own message's rule.
    io.stdout(`\n${draftRule(i + 1, messages.length, t, language)}\n`);
    printNotes(message, args, io, `${terminalText(t.client)}: `);
    io.stdout(`${printable(message, args.html)}\n`);
  });
  if (work.drafts.length > 0) {
    out.push('', w.notPrinted(work.drafts.length));
    for (const t of work.drafts)
      out.push(
        `  ${terminalText(t.client)}: ${stepName(t.message.messageId, language)}, ${terminalText(t.invoices.join(', '))}`,
      );
  }
  if (out.length > 0) io.stdout(out.join('\n') + '\n');
}
