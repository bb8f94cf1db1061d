import { StageChip } from '../ui/stage-chip.tsx';
import { useStore } from './context.ts';

/** Clients in the report's order: most urgent stage first, then the longest overdue. */
export function ClientList() {
  const store = useStore();
  const t = store.t.value;
  const f = store.format.value;
  const view = store.view.value;
  if (view === null) return null;
  const clients = view.report.clients;
  return (
    <>
      <h2 tabIndex={-1}>{t.clientsHeading}</h2>
      {clients.length === 0 ? <p class="muted">{t.noClients}</p> : null}
      <ul class="cards">
        {clients.map((c) => {
          const owed = Object.entries(c.outstanding).filter(([, minor]) => minor > 0);
          return (
            <li key={c.client}>
              <button
                type="button"
                class="card client-button"
                data-client={c.client}
                onClick={() => store.go({ name: 'client', client: c.client })}
              >
                <span class="client-name">{c.client}</span>
                {c.worstStage ? <StageChip stage={c.worstStage} label={t.stages[c.worstStage]} /> : null}
                <span class="small">
                  {owed.length === 0
                    ? t.nothingOwed
                    : owed.map(([currency, minor]) => f.money(minor, currency)).join(' · ')}
                  {c.maxDaysOverdue !== null && c.maxDaysOverdue > 0
                    ? ` · ${t.maxDaysLate(c.maxDaysOverdue)}`
                    : ''}
                </span>
                {c.dueToday.length > 0 ? (
                  <span class="small due">{t.dueTodayCount(c.dueToday.length)}</span>
                ) : null}
              </button>
            </li>
          );
        })}
      </ul>
    </>
  );
}
