/** The popup's promises due in the next 7 days (issue 11): who, what, by when. */
import { shownDate, shownMoney } from './display-text.ts';
import { useStore } from './store.ts';

export function PromisesDue() {
  const store = useStore();
  const view = store.view.value;
  const t = store.t.value;
  const lang = store.lang.value;
  if (!view) return null;
  // Today's are listed above, in today's work (promises to check): not twice.
  const due = view.promisesDue.filter((p) => p.by !== view.today);
  // Nothing promised this week: no section (the popup stays short).
  if (due.length === 0) return null;
  return (
    <section aria-labelledby="promises-h" data-testid="promises-due">
      <h2 id="promises-h">{t.promisesDue}</h2>
      <ul class="items">
        {due.map((p) => (
          <li key={`${p.client}|${p.milestones.join(',')}|${p.by}`}>
            <span class="who">{p.client}</span>
            <span class="what">
              {t.promisedBy(shownDate(view, lang, p.by))} ·{' '}
              {p.amount === null ? t.promisedAll : shownMoney(view, lang, p.amount, p.currency)} ·{' '}
              {p.milestones.join(', ')}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
