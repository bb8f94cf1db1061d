import type { AgingBucket, LadderStage, MilestoneReport } from '../../../shared/model.ts';
import { AgingChart } from '../ui/aging-chart.tsx';
import { StageChip } from '../ui/stage-chip.tsx';
import { STAGE_ORDER } from '../ui/stage-colors.ts';
import { useStore } from './context.ts';
import { DraftButton } from './draft-button.tsx';

const BUCKETS: readonly AgingBucket[] = ['current', '1-30', '31-60', '61-90', '90+'];

/** Totals per currency with aging, what to send today, and the tally of stages. */
export function Dashboard() {
  const store = useStore();
  const t = store.t.value;
  const f = store.format.value;
  const view = store.view.value;
  if (view === null) return null;
  const { report } = view;
  const currencies = Object.keys(report.totals)
    .filter((c) => {
      const totals = report.totals[c];
      return totals !== undefined && (totals.outstanding > 0 || totals.overdue > 0);
    })
    .sort();

  return (
    <>
      <h2 tabIndex={-1}>{t.dashboard}</h2>
      <section aria-labelledby="totals-heading">
        <h3 id="totals-heading">{t.totals}</h3>
        {currencies.length === 0 ? <p class="muted">{t.nothingOutstanding}</p> : null}
        {currencies.map((currency) => {
          const totals = report.totals[currency];
          if (!totals) return null;
          return (
            <div class="card" key={currency} data-currency={currency}>
              <dl class="figures">
                <div>
                  <dt>{t.outstanding}</dt>
                  <dd class="big">{f.money(totals.outstanding, currency)}</dd>
                </div>
                <div>
                  <dt>{t.overdue}</dt>
                  <dd class="big overdue">{f.money(totals.overdue, currency)}</dd>
                </div>
                {totals.lateInterest > 0 ? (
                  <div>
                    <dt>{t.lateInterest}</dt>
                    <dd>{f.money(totals.lateInterest, currency)}</dd>
                  </div>
                ) : null}
                {totals.compensation > 0 ? (
                  <div>
                    <dt>{t.compensation}</dt>
                    <dd>{f.money(totals.compensation, currency)}</dd>
                  </div>
                ) : null}
              </dl>
            </div>
          );
        })}
      </section>

      <NeedsAction />

      {currencies.length > 0 ? (
        <section aria-labelledby="aging-heading">
          <h3 id="aging-heading">{t.agingHeading}</h3>
          {currencies.map((currency) => {
            const totals = report.totals[currency];
            if (!totals) return null;
            const bars = BUCKETS.map((bucket) => ({
              bucket,
              label: t.aging[bucket],
              value: totals.aging[bucket],
              text: f.money(totals.aging[bucket], currency),
            }));
            return (
              <AgingChart
                key={currency}
                title={currency}
                summary={t.agingSummary(currency, bars.map((b) => `${b.label} ${b.text}`).join(', '))}
                bars={bars}
              />
            );
          })}
        </section>
      ) : null}

      <section aria-labelledby="stages-heading">
        <h3 id="stages-heading">{t.byStage}</h3>
        <ul class="chips">
          {STAGE_ORDER.filter((stage) => (report.stageCounts[stage] ?? 0) > 0).map((stage) => (
            <li key={stage}>
              <StageChip stage={stage} label={t.stages[stage]} count={report.stageCounts[stage]} />
            </li>
          ))}
        </ul>
      </section>

      {view.problems.length > 0 ? (
        <p>
          <button type="button" class="link" onClick={() => store.go({ name: 'problems' })}>
            {t.problemsInLedger(view.problems.length)}
          </button>
        </p>
      ) : null}
    </>
  );
}

/**
 * Clients with a message due today, most urgent first (the report's order), each with
 * the milestones concerned, the stage and what to send. The report says what is due
 * (`ClientReport.dueToday`); the sidebar only lists it.
 */
function NeedsAction() {
  const store = useStore();
  const t = store.t.value;
  const view = store.view.value;
  if (view === null) return null;
  const due = view.report.clients.filter((c) => c.dueToday.length > 0);
  return (
    <section aria-labelledby="action-heading">
      <h3 id="action-heading">
        {t.needsAction} <span class="badge">{view.report.dueTodayCount}</span>
      </h3>
      {due.length === 0 ? <p class="muted">{t.needsActionNone}</p> : null}
      <ul class="cards">
        {due.map((c) => {
          const milestones = c.dueToday
            .map((id) => store.milestoneById.value.get(id))
            .filter((m): m is MilestoneReport & { nextAction: { stage: LadderStage } } => !!m?.nextAction);
          return (
            <li class="card" key={c.client} data-client={c.client}>
              <button
                type="button"
                class="link strong"
                onClick={() => store.go({ name: 'client', client: c.client })}
              >
                {c.client}
              </button>
              <ul class="plain">
                {milestones.map((m) => (
                  <li key={m.id} class="due-line">
                    <StageChip stage={m.nextAction.stage} label={t.stages[m.nextAction.stage]} />{' '}
                    <span class="mono">{m.id}</span>
                    <span class="muted small">
                      {' '}
                      · {t.toSendLabel}: {t.toSend[m.nextAction.stage]}
                    </span>
                  </li>
                ))}
              </ul>
              <DraftButton client={c.client} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
