/**
 * Issue 15's speed goals as each benchmark judged them, gathered so that `npm run bench`
 * ends with one table: goal, figure, the ratio it is judged by, met or not, and the figure
 * before (this script's own measurement at commit 20baa85, the start of the last round of
 * work, or the commit a benchmark names). A benchmark run on its own prints its own lines
 * only; nothing here asserts.
 */

export interface GoalVerdict {
  /** The goal's number in issue 15. */
  goal: number;
  /** What is judged, in a few words. */
  what: string;
  /** The goal as written: "≤ 2× JSON.parse". */
  target: string;
  /** The measured figure, with its unit. */
  figure: string;
  /** figure ÷ goal: at most 1 when met. */
  ratio: number;
  /** The figure before, with its unit and where it was measured. */
  before: string;
}

const verdicts: GoalVerdict[] = [];

export function judged(verdict: GoalVerdict): void {
  verdicts.push(verdict);
}

/** The table, in goal order; empty when no benchmark judged a goal. */
export function goalTable(list: readonly GoalVerdict[] = verdicts): string {
  if (list.length === 0) return '';
  const rows = [...list]
    .sort((a, b) => a.goal - b.goal)
    .map((v) => [
      String(v.goal),
      v.what,
      v.target,
      v.figure,
      `${v.ratio.toFixed(2)}×`,
      v.ratio <= 1 ? 'met' : 'not met',
      v.before,
    ]);
  const head = ['goal', 'judged', 'target', 'now', 'ratio', 'verdict', 'before'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join(' | ')
      .trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}
