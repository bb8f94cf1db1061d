/**
 * The human report. First today's work in the user's terms (shared/today.ts, the same count
 * the popup and the sidebar show): the messages to send, one per client, with the invoices
 * each covers; the drafts to confirm; the promises to check. Then every milestone once,
 * grouped by what it needs, each group with only the columns that say something about it:
 * closed rows show what was invoiced and how it ended, never an amount or days that look
 * owed. Then totals and aging per currency, then the problems. In English or Italian.
 */
import type { Language, MilestoneReport, Problem, Report, Stage } from '../shared/index.ts';
import {
  AGING_BUCKETS,
  compareMilestones,
  formatMoney,
  invoiceOrId,
  isOpen,
  problemText,
  stageLabel,
  stageLook,
  todayHeadline,
  todayWork,
} from '../shared/index.ts';
import type { TodayMessage } from '../shared/index.ts';
import { terminalText } from './terminal.ts';

export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  stage(stage: Stage, s: string): string;
  red(s: string): string;
  yellow(s: string): string;
}

const sgr = (open: number | string, close: number | string) => (s: string) =>
  `\x1b[${open}m${s}\x1b[${close}m`;
/** `#rrggbb` as the `r;g;b` of a 24-bit SGR colour. */
const rgb = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)).join(';');
/**
 * Colours used only on a TTY (and never with NO_COLOR). A stage is a chip in its own
 * colours, the same as in the sheet, the sidebar and Gmail (`stageLook`), in 24-bit SGR.
 */
export const COLOR: Style = {
  bold: sgr(1, 22),
  dim: sgr(2, 22),
  red: sgr(31, 39),
  yellow: sgr(33, 39),
  stage: (stage, s) => {
    const { color, text } = stageLook[stage];
    return sgr(`38;2;${rgb(text)};48;2;${rgb(color)}`, '39;49')(s);
  },
};
export const PLAIN: Style = {
  bold: (s) => s,
  dim: (s) => s,
  red: (s) => s,
  yellow: (s) => s,
  stage: (_, s) => s,
};

/** Every word the report prints, per language (problem texts come from the core as they are). */
export const REPORT_WORDS = {
  en: {
    today: 'Today',
    messages: (n: number) => `Messages to send (${n}), one per client: payladder draft --all prints them`,
    drafts: (n: number) =>
      `Drafts to confirm (${n}): in Gmail → Drafts; once sent, the extension logs it (or confirm it in the sidebar)`,
    promises: (n: number) =>
      `Promises to check (${n}): promised by today; if the payment came in, record it in Payments`,
    covered: (n: number) => `In today's messages and drafts (${n})`,
    waiting: (n: number) => `Due, waiting for a later message (${n}): one message per client a day`,
    paused: (n: number) => `Paused (${n}): no reminder goes out`,
    overdue: (n: number) => `Overdue, next step later (${n})`,
    notDue: (n: number) => `Not yet due (${n})`,
    closed: (n: number) => `Closed (${n}): nothing owed on these`,
    client: 'Client',
    message: 'Message',
    invoice: 'Invoice',
    invoices: 'Invoices',
    overdueAmount: 'Overdue',
    draftedOn: 'Drafted on',
    promised: 'Promised',
    by: 'By',
    outstanding: 'Outstanding',
    daysLate: 'Days late',
    step: 'Step due',
    dueSince: 'Due since',
    todayWord: 'today',
    lastSent: 'Last sent',
    nextStep: 'Next step',
    status: 'Status',
    dueDate: 'Due date',
    notInvoiced: 'not invoiced',
    amount: 'Amount',
    courtesy: 'Courtesy note',
    on: (label: string, date: string) => `${label} on ${date}`,
    promisedBy: (amount: string, by: string) => `Promised: ${amount} by ${by}`,
    paidOn: (date: string) => `Paid on ${date}`,
    writtenOff: (amount: string) => `Written off: ${amount} unpaid`,
    renegotiated: 'Renegotiated: replaced by a payment plan',
    totals: 'Totals',
    totalLine: (currency: string, outstanding: string, overdue: string) =>
      `${currency}  outstanding ${outstanding}  overdue ${overdue}`,
    aging: 'aging (days late)',
    current: 'not yet due',
    interest: (interest: string, compensation: string) =>
      `statutory interest ${interest}  compensation ${compensation}`,
    problems: (errors: number, warnings: number) =>
      `Problems (${count(errors, 'error', 'errors')}, ${count(warnings, 'warning', 'warnings')})`,
    error: 'error',
    warning: 'warning',
    row: 'row',
    elsewhere: (n: number) =>
      `${n === 1 ? '1 more problem' : `${n} more problems`} elsewhere in the ledger, or in rows it could not read: payladder without --client lists them.`,
  },
  it: {
    today: 'Oggi',
    messages: (n: number) => `Messaggi da inviare (${n}), uno per cliente: payladder draft --all li stampa`,
    drafts: (n: number) =>
      `Bozze da confermare (${n}): in Gmail → Bozze; una volta inviata, l'estensione la registra (o confermala nella barra laterale)`,
    promises: (n: number) =>
      `Promesse da verificare (${n}): promesse entro oggi; se il pagamento è arrivato, registralo in Payments`,
    covered: (n: number) => `Nei messaggi e nelle bozze di oggi (${n})`,
    waiting: (n: number) =>
      `Da sollecitare, in attesa di un prossimo messaggio (${n}): un messaggio al giorno per cliente`,
    paused: (n: number) => `In pausa (${n}): nessun sollecito parte`,
    overdue: (n: number) => `Scaduti, prossimo passo più avanti (${n})`,
    notDue: (n: number) => `Non ancora scaduti (${n})`,
    closed: (n: number) => `Chiusi (${n}): niente da incassare`,
    client: 'Cliente',
    message: 'Messaggio',
    invoice: 'Fattura',
    invoices: 'Fatture',
    overdueAmount: 'Scaduto',
    draftedOn: 'Bozza del',
    promised: 'Promesso',
    by: 'Entro',
    outstanding: 'Da incassare',
    daysLate: 'Ritardo (gg)',
    step: 'Passo dovuto',
    dueSince: 'Dovuto dal',
    todayWord: 'oggi',
    lastSent: 'Ultimo inviato',
    nextStep: 'Prossimo passo',
    status: 'Stato',
    dueDate: 'Scadenza',
    notInvoiced: 'non fatturato',
    amount: 'Importo',
    courtesy: 'Promemoria di cortesia',
    on: (label: string, date: string) => `${label} il ${date}`,
    promisedBy: (amount: string, by: string) => `Promesso: ${amount} entro il ${by}`,
    paidOn: (date: string) => `Pagato il ${date}`,
    writtenOff: (amount: string) => `Stralciato: ${amount} non incassati`,
    renegotiated: 'Rinegoziato: sostituito da un piano di rientro',
    totals: 'Totali',
    totalLine: (currency: string, outstanding: string, overdue: string) =>
      `${currency}  da incassare ${outstanding}  scaduto ${overdue}`,
    aging: 'anzianità (giorni di ritardo)',
    current: 'non scaduto',
    interest: (interest: string, compensation: string) =>
      `interessi di mora ${interest}  risarcimento forfettario ${compensation}`,
    problems: (errors: number, warnings: number) =>
      `Problemi (${count(errors, 'errore', 'errori')}, ${count(warnings, 'avviso', 'avvisi')})`,
    error: 'errore',
    warning: 'avviso',
    row: 'riga',
    elsewhere: (n: number) =>
      `${n === 1 ? 'Un altro problema' : `Altri ${n} problemi`} altrove nel registro, o in righe che non si sono potute leggere: payladder senza --client li elenca.`,
  },
} as const;

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * A stage's name in the report's language (the shared vocabulary, `stageLook`): what a
 * coloured stage chip says, as on every other surface.
 */
function label(stage: Stage, language: Language): string {
  return stageLabel(stage, language);
}

/**
 * A step to take, by name. The `upcoming` stage's label says what the milestone is ("Due
 * soon"), which as a step ("Next step: Due soon on 17 Dec") reads as a due date; the step
 * is the courtesy note.
 */
export function stepName(step: Stage, language: Language): string {
  return step === 'upcoming' ? REPORT_WORDS[language].courtesy : label(step, language);
}

/** Display width, counting each code point once (good enough for Latin names). */
// eslint-disable-next-line no-control-regex -- strips our own SGR colour codes before measuring
const width = (s: string) => [...s.replace(/\x1b\[[0-9;]*m/g, '')].length;
const pad = (s: string, n: number, right = false) => {
  const fill = ' '.repeat(Math.max(0, n - width(s)));
  return right ? fill + s : s + fill;
};
const cut = (s: string, n: number) => ([...s].length > n ? [...s].slice(0, n - 1).join('') + '…' : s);

/** One column of a table: ledger text is made terminal-safe, then cut, before it is measured. */
interface Column<T> {
  title: string;
  right?: boolean;
  max?: number;
  /** Coloured by this row's stage. */
  stage?: boolean;
  get(row: T): string;
}

function table<T>(
  out: string[],
  style: Style,
  heading: string,
  cols: readonly Column<T>[],
  rows: readonly T[],
  stageOf: (row: T) => Stage | null,
): void {
  if (rows.length === 0) return;
  const cells = rows.map((r) =>
    cols.map((c) => {
      const text = terminalText(c.get(r));
      return c.max ? cut(text, c.max) : text;
    }),
  );
  // A loop, not Math.max(...cells): spreading 200,000 arguments overflows the stack.
  const widths = cols.map((c, i) => cells.reduce((w, r) => Math.max(w, width(r[i] ?? '')), width(c.title)));
  const line = (values: readonly string[]) =>
    values
      .map((v, i) => pad(v, widths[i] ?? 0, cols[i]?.right))
      .join('  ')
      .trimEnd();
  out.push('', style.bold(heading), style.dim(line(cols.map((c) => c.title))));
  rows.forEach((r, k) => {
    const stage = stageOf(r);
    // A stage cell is a chip: its words alone in the stage's colours, then the padding.
    const values = cols.map((c, i) => {
      const cell = cells[k]?.[i] ?? '';
      return pad(c.stage && stage ? style.stage(stage, cell) : cell, widths[i] ?? 0, c.right);
    });
    out.push(values.join('  ').trimEnd());
  });
}

export function formatReport(
  report: Report,
  locale: string,
  style: Style,
  title: string,
  language: Language = 'en',
  /** `elsewhere`: problems left out of a one-client report (counted, so they are not missed). */
  options: { elsewhere?: number } = {},
): string {
  const w = REPORT_WORDS[language];
  const out: string[] = [];
  // Amounts follow the ledger's locale; an Italian report of an English-locale ledger writes
  // them the Italian way (2.100,00 €), not half in each.
  const moneyLocale = language === 'it' && !/^it/i.test(locale) ? 'it_IT' : locale;
  const money = (v: number, c: string) => formatMoney(v, c, moneyLocale);
  const byId = new Map<string, MilestoneReport>();
  for (const m of report.milestones) byId.set(m.id, m);

  out.push(style.bold(`Payladder — ${terminalText(title)} — ${report.today}`));
  const work = todayWork(report);
  const headline = todayHeadline(work, language);
  out.push(style.bold(work.count > 0 ? `${w.today}: ${headline}` : headline));

  // Today's work: one message per client, the drafts waiting in Gmail, the promises due.
  const messageCols = (extra: Column<TodayMessage>[]): Column<TodayMessage>[] => [
    { title: w.client, max: 26, get: (t) => t.client },
    { title: w.message, stage: true, get: (t) => label(t.message.messageId, language) },
    { title: w.invoices, max: 30, get: (t) => t.invoices.join(', ') },
    {
      title: w.overdueAmount,
      right: true,
      get: (t) => (t.message.overdue > 0 ? money(t.message.overdue, t.message.currency) : ''),
    },
    ...extra,
  ];
  const messageStage = (t: TodayMessage) => t.message.messageId;
  table(out, style, w.messages(work.messages.length), messageCols([]), work.messages, messageStage);
  table(
    out,
    style,
    w.drafts(work.drafts.length),
    messageCols([
      {
        title: w.draftedOn,
        get: (t) =>
          t.message.milestones
            .map((id) => byId.get(id)?.draft?.on ?? '')
            .filter((d) => d !== '')
            .sort()[0] ?? '',
      },
    ]),
    work.drafts,
    messageStage,
  );
  table(
    out,
    style,
    w.promises(work.promises.length),
    [
      { title: w.client, max: 26, get: (p) => p.client },
      { title: w.invoice, max: 16, get: (p) => p.invoice },
      {
        title: w.promised,
        right: true,
        get: (p) => money(p.amount ?? byId.get(p.milestone)?.outstanding ?? 0, p.currency),
      },
      { title: w.by, get: (p) => p.by },
    ],
    work.promises,
    () => 'promised',
  );

  // Every milestone once, in the first group that fits it.
  const inToday = new Set<string>();
  for (const t of [...work.messages, ...work.drafts]) for (const id of t.message.milestones) inToday.add(id);
  const due = (m: MilestoneReport) => m.nextAction !== null && m.nextAction.on <= report.today;
  const paused = (m: MilestoneReport) =>
    m.stage === 'disputed' || m.stage === 'on_hold' || m.stage === 'promised';
  const groups: Array<[(n: number) => string, (m: MilestoneReport) => boolean, Column<MilestoneReport>[]]> =
    [];
  const client: Column<MilestoneReport> = { title: w.client, max: 26, get: (m) => m.client };
  const invoice: Column<MilestoneReport> = { title: w.invoice, max: 16, get: (m) => invoiceOrId(m) };
  const outstanding: Column<MilestoneReport> = {
    title: w.outstanding,
    right: true,
    get: (m) => money(m.outstanding, m.currency),
  };
  const daysLate: Column<MilestoneReport> = {
    title: w.daysLate,
    right: true,
    get: (m) => (m.daysOverdue !== null && m.daysOverdue > 0 ? String(m.daysOverdue) : ''),
  };
  const stepOn = (s: { stage: Stage; on: string } | null) =>
    s ? w.on(stepName(s.stage, language), s.on) : '';
  const dueCols: Column<MilestoneReport>[] = [
    client,
    invoice,
    outstanding,
    daysLate,
    { title: w.step, stage: true, get: (m) => (m.nextAction ? label(m.nextAction.stage, language) : '') },
    {
      title: w.dueSince,
      get: (m) => (m.nextAction ? (m.nextAction.on === report.today ? w.todayWord : m.nextAction.on) : ''),
    },
  ];
  groups.push([w.covered, (m) => due(m) && inToday.has(m.id), dueCols]);
  groups.push([w.waiting, due, dueCols]);
  groups.push([
    w.paused,
    paused,
    [
      client,
      invoice,
      outstanding,
      daysLate,
      {
        title: w.status,
        stage: true,
        get: (m) =>
          m.stage === 'promised' && m.promise
            ? w.promisedBy(money(m.promise.amount ?? m.outstanding, m.currency), m.promise.by)
            : label(m.stage, language),
      },
    ],
  ]);
  groups.push([
    w.overdue,
    (m) => isOpen(m.stage) && (m.daysOverdue ?? 0) > 0,
    [
      client,
      invoice,
      outstanding,
      daysLate,
      { title: w.lastSent, stage: true, get: (m) => stepOn(m.lastSent) },
      { title: w.nextStep, get: (m) => stepOn(m.nextAction) },
    ],
  ]);
  groups.push([
    w.notDue,
    (m) => isOpen(m.stage),
    [
      client,
      invoice,
      outstanding,
      { title: w.dueDate, get: (m) => m.dueDate ?? (m.invoiceDate === null ? w.notInvoiced : '') },
      { title: w.nextStep, get: (m) => stepOn(m.nextAction) },
    ],
  ]);
  // Closed: what was invoiced and how it ended. No outstanding, no days late: nothing is owed.
  groups.push([
    w.closed,
    () => true,
    [
      client,
      invoice,
      { title: w.amount, right: true, get: (m) => money(m.amount, m.currency) },
      {
        title: w.status,
        stage: true,
        get: (m) => {
          if (m.stage === 'paid' && m.paidOn) return w.paidOn(m.paidOn);
          if (m.stage === 'written_off') return w.writtenOff(money(m.outstanding, m.currency));
          if (m.stage === 'renegotiated') return w.renegotiated;
          return label(m.stage, language);
        },
      },
    ],
  ]);
  const seen = new Set<MilestoneReport>();
  const sorted = [...report.milestones].sort(compareMilestones);
  for (const [heading, test, cols] of groups) {
    const rows = sorted.filter((m) => !seen.has(m) && test(m));
    for (const m of rows) seen.add(m);
    table(out, style, heading(rows.length), cols, rows, (m) => m.stage);
  }

  out.push('', style.bold(w.totals));
  for (const [currency, t] of Object.entries(report.totals).sort()) {
    const aging = AGING_BUCKETS.map(
      (b) => `${b === 'current' ? w.current : b}: ${money(t.aging[b], currency)}`,
    ).join('  ');
    out.push(w.totalLine(currency, money(t.outstanding, currency), money(t.overdue, currency)));
    out.push(style.dim(`     ${w.aging}  ${aging}`));
    if (t.lateInterest || t.compensation) {
      out.push(
        style.dim(`     ${w.interest(money(t.lateInterest, currency), money(t.compensation, currency))}`),
      );
    }
  }

  const elsewhere = options.elsewhere ?? 0;
  if (report.problems.length === 0 && elsewhere > 0) out.push('', w.elsewhere(elsewhere));
  if (report.problems.length > 0) {
    const errors = report.problems.filter((p) => p.severity === 'error').length;
    out.push('', style.bold(w.problems(errors, report.problems.length - errors)));
    const markWidth = Math.max(width(w.error), width(w.warning));
    for (const p of report.problems) {
      const [first, second] = problemLines(p, style, w, markWidth, language, locale);
      out.push(first, second);
    }
    if (elsewhere > 0) out.push(style.dim(w.elsewhere(elsewhere)));
  }
  return out.join('\n') + '\n';
}

function problemLines(
  p: Problem,
  style: Style,
  w: { error: string; warning: string; row: string },
  markWidth: number,
  language: Language,
  locale: string,
): [string, string] {
  const t = problemText(p, language, locale);
  const where = `${p.tab}${p.row !== null ? ` ${w.row} ${p.row}` : ''}${p.column ? `, ${p.column}` : ''}`;
  const mark =
    p.severity === 'error' ? style.red(pad(w.error, markWidth)) : style.yellow(pad(w.warning, markWidth));
  // Problem texts quote the cell as typed: an escape sequence in it is shown, not obeyed.
  return [
    `${mark} ${terminalText(where)}: ${terminalText(t.message)}`,
    style.dim(`${' '.repeat(markWidth)} → ${terminalText(t.fix)}`),
  ];
}
