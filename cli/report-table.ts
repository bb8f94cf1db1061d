/** The human report: a table grouped by urgency, totals and aging per currency, problems. */
import type { MilestoneReport, Report, Stage } from '../shared/index.ts';
import {
  AGING_BUCKETS,
  compareMilestones,
  formatMoney,
  isOpen,
  problemText,
  stageLabel,
} from '../shared/index.ts';
import { terminalText } from './terminal.ts';

export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  stage(stage: Stage, s: string): string;
  red(s: string): string;
  yellow(s: string): string;
}

const sgr = (open: number, close: number) => (s: string) => `\x1b[${open}m${s}\x1b[${close}m`;
/** Colours keyed to urgency; used only on a TTY (and never with NO_COLOR). */
export const COLOR: Style = {
  bold: sgr(1, 22),
  dim: sgr(2, 22),
  red: sgr(31, 39),
  yellow: sgr(33, 39),
  stage: (stage, s) => {
    if (stage === 'small_claims' || stage === 'demand') return sgr(31, 39)(s);
    if (stage === 'stop_work' || stage === 'final') return sgr(35, 39)(s);
    if (stage === 'followup' || stage === 'reminder' || stage === 'disputed') return sgr(33, 39)(s);
    if (stage === 'paid') return sgr(32, 39)(s);
    return s;
  },
};
export const PLAIN: Style = {
  bold: (s) => s,
  dim: (s) => s,
  red: (s) => s,
  yellow: (s) => s,
  stage: (_, s) => s,
};

/** Display width, counting each code point once (good enough for Latin names). */
// eslint-disable-next-line no-control-regex -- strips our own SGR colour codes before measuring
const width = (s: string) => [...s.replace(/\x1b\[[0-9;]*m/g, '')].length;
const pad = (s: string, n: number, right = false) => {
  const fill = ' '.repeat(Math.max(0, n - width(s)));
  return right ? fill + s : s + fill;
};
const cut = (s: string, n: number) => ([...s].length > n ? [...s].slice(0, n - 1).join('') + '…' : s);

interface Column {
  title: string;
  right?: boolean;
  max?: number;
  get(m: MilestoneReport): string;
}

export function formatReport(report: Report, locale: string, style: Style, title: string): string {
  const out: string[] = [];
  out.push(style.bold(`Payladder — ${terminalText(title)} — ${report.today}`));
  const money = (v: number, c: string) => formatMoney(v, c, locale);
  const cols: Column[] = [
    { title: 'Stage', get: (m) => stageLabel(m.stage) },
    { title: 'Client', max: 26, get: (m) => m.client },
    { title: 'Milestone', max: 10, get: (m) => m.id },
    { title: 'Outstanding', right: true, get: (m) => money(m.outstanding, m.currency) },
    {
      title: 'Days late',
      right: true,
      get: (m) => (m.daysOverdue !== null && m.daysOverdue > 0 ? String(m.daysOverdue) : ''),
    },
    { title: 'Next action', get: (m) => (m.nextAction ? stageLabel(m.nextAction.stage) : '') },
    {
      title: 'On',
      get: (m) =>
        m.nextAction ? (m.nextAction.on <= report.today ? `${m.nextAction.on} ←` : m.nextAction.on) : '',
    },
  ];
  // Today's work in the user's terms: one message per client (ClientReport.message).
  const messages = report.clients.filter((c) => c.message !== null);
  if (messages.length > 0) {
    const byId = new Map(report.milestones.map((m) => [m.id, m]));
    const rows = messages.map((c) => {
      const msg = c.message as NonNullable<typeof c.message>;
      const invoices = msg.milestones.map((id) => {
        const m = byId.get(id);
        return m && m.invoice.trim() !== '' ? m.invoice : id;
      });
      return [
        terminalText(cut(c.client, 26)),
        stageLabel(msg.messageId),
        terminalText(cut(invoices.join(', '), 30)),
        msg.overdue > 0 ? money(msg.overdue, msg.currency) : '',
        msg.drafted ? 'drafted, not confirmed sent' : '',
      ];
    });
    const titles = ['Client', 'Message', 'Invoices', 'Overdue', ''];
    const widths = titles.map((t, i) => rows.reduce((w, r) => Math.max(w, width(r[i] ?? '')), width(t)));
    out.push('', style.bold(`Messages to send today (${messages.length}), one per client`));
    out.push(
      style.dim(
        titles
          .map((t, i) => pad(t, widths[i] ?? 0, i === 3))
          .join('  ')
          .trimEnd(),
      ),
    );
    for (const r of rows)
      out.push(
        r
          .map((v, i) => pad(v, widths[i] ?? 0, i === 3))
          .join('  ')
          .trimEnd(),
      );
  }

  const groups: Array<[string, (m: MilestoneReport) => boolean]> = [
    ['Action due today', (m) => m.nextAction !== null && m.nextAction.on <= report.today],
    ['Overdue, next action later', (m) => isOpen(m.stage) && (m.daysOverdue ?? 0) > 0],
    ['Not yet due', (m) => isOpen(m.stage)],
    ['Closed', () => true],
  ];
  const seen = new Set<MilestoneReport>();
  const sorted = [...report.milestones].sort(compareMilestones);
  for (const [name, test] of groups) {
    const rows = sorted.filter((m) => !seen.has(m) && test(m));
    rows.forEach((m) => seen.add(m));
    if (rows.length === 0) continue;
    // Ledger text is made terminal-safe before it is measured, cut and coloured.
    const cells = rows.map((m) =>
      cols.map((c) => {
        const text = terminalText(c.get(m));
        return c.max ? cut(text, c.max) : text;
      }),
    );
    // A loop, not Math.max(...cells): spreading 200,000 arguments overflows the stack.
    const widths = cols.map((c, i) => cells.reduce((w, r) => Math.max(w, width(r[i] ?? '')), width(c.title)));
    out.push('', style.bold(`${name} (${rows.length})`));
    out.push(
      style.dim(
        cols
          .map((c, i) => pad(c.title, widths[i] ?? 0, c.right))
          .join('  ')
          .trimEnd(),
      ),
    );
    rows.forEach((m, r) => {
      const line = cols.map((c, i) => pad(cells[r]?.[i] ?? '', widths[i] ?? 0, c.right));
      line[0] = style.stage(m.stage, line[0] ?? '');
      out.push(line.join('  ').trimEnd());
    });
  }

  out.push('', style.bold('Totals'));
  for (const [currency, t] of Object.entries(report.totals).sort()) {
    const aging = AGING_BUCKETS.map((b) => `${b}: ${money(t.aging[b], currency)}`).join('  ');
    out.push(
      `${currency}  outstanding ${money(t.outstanding, currency)}  overdue ${money(t.overdue, currency)}`,
    );
    out.push(style.dim(`     aging  ${aging}`));
    if (t.lateInterest || t.compensation) {
      out.push(
        style.dim(
          `     statutory interest ${money(t.lateInterest, currency)}  compensation ${money(t.compensation, currency)}`,
        ),
      );
    }
  }
  out.push(
    '',
    `${report.messagesDue} message(s) to send today, one per client (${report.dueTodayCount} milestone(s) with an action due).`,
  );

  if (report.problems.length > 0) {
    const errors = report.problems.filter((p) => p.severity === 'error').length;
    out.push('', style.bold(`Problems (${errors} error(s), ${report.problems.length - errors} warning(s))`));
    for (const p of report.problems) {
      const where = `${p.tab}${p.row !== null ? ` row ${p.row}` : ''}${p.column ? `, ${p.column}` : ''}`;
      const mark = p.severity === 'error' ? style.red('error  ') : style.yellow('warning');
      // Problem texts quote the cell as typed: an escape sequence in it is shown, not obeyed.
      const t = problemText(p, 'en', locale);
      out.push(`${mark} ${terminalText(where)}: ${terminalText(t.message)}`);
      out.push(style.dim(`        → ${terminalText(t.fix)}`));
    }
  }
  return out.join('\n') + '\n';
}
