import type { ShownProblem } from '../../../shared/problems.ts';
import { useStore } from './context.ts';

/**
 * Every problem in the ledger with its tab, row and column; choosing one selects that cell
 * in the sheet, where it is fixed (Payladder never changes a cell the user typed).
 */
export function ProblemList() {
  const store = useStore();
  const t = store.t.value;
  const problems = store.view.value?.problems ?? [];
  const errors = problems.filter((p) => p.severity === 'error').length;
  return (
    <>
      <h2 tabIndex={-1}>{t.problemsHeading}</h2>
      {problems.length === 0 ? (
        <p class="muted">{t.noProblems}</p>
      ) : (
        <p class="muted small">{t.problemCounts(errors, problems.length - errors)}</p>
      )}
      <ul class="plain problems">
        {problems.map((p, i) => (
          <li key={`${p.tab}-${p.row ?? ''}-${p.column ?? ''}-${p.code}-${i}`}>
            <ProblemItem problem={p} />
          </li>
        ))}
      </ul>
    </>
  );
}

/** `p` comes with its text in the view's language, written by the server (SidebarView.problems). */
function ProblemItem({ problem: p }: { problem: ShownProblem }) {
  const store = useStore();
  const t = store.t.value;
  const where = t.where(p.tab, p.row, p.column);
  return (
    <button
      type="button"
      class={`card problem ${p.severity}`}
      title={t.selectCellHint}
      onClick={() => void store.selectCell({ tab: p.tab, row: p.row, column: p.column })}
    >
      <span class="problem-head">
        <span class={`severity ${p.severity}`}>{p.severity === 'error' ? t.error : t.warning}</span>
        <span class="where">{where}</span>
      </span>
      <span class="problem-message">{p.message}</span>
      <span class="muted small">{p.fix}</span>
    </button>
  );
}
