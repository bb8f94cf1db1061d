import type { AgingBucket, LadderStage, MilestoneReport } from '../../../shared/model.ts';
import { invoiceOrId } from '../../../shared/today.ts';
import { AgingChart } from '../ui/aging-chart.tsx';
import { StageChip } from '../ui/stage-chip.tsx';
import { STAGE_ORDER } from '../../../shared/stage-look.ts';
import { useStore } from './context.ts';
import { useState } from 'preact/hooks';
import { addDays } from '../../../shared/dates.ts';
import { ActionButton } from './action-button.tsx';
import { DraftButton } from './draft-button.tsx';
import type { Panel } from './milestone-panel.tsx';
import { MilestonePanel } from './milestone-panel.tsx';

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
 * Today's work as every surface counts it (shared/today.ts, so the sidebar, the CLI and the
 * popup agree): the messages to send, one per client with the invoices it covers; the
 * drafts to confirm; the promises to check. Then the promises due this week and the broken
 * ones, each with its three actions.
 */
function NeedsAction() {
  const store = useStore();
  const t = store.t.value;
  const f = store.format.value;
  const view = store.view.value;
  const work = store.work.value;
  if (view === null || work === null) return null;
  // One list in the report's order (most urgent client first); a drafted message says so.
  const order = new Map(view.report.clients.map((c, i) => [c.client, i]));
  const due = [...work.messages, ...work.drafts].sort(
    (a, b) => (order.get(a.client) ?? 0) - (order.get(b.client) ?? 0),
  );
  const draftOf = new Map(view.drafts.flatMap((d) => d.milestones.map((id) => [id, d] as const)));
  return (
    <section aria-labelledby="action-heading" class="today">
      <h3 id="action-heading">
        {t.needsAction} <span class="badge">{work.count}</span>
      </h3>
      <p class="headline" data-testid="today-headline">
        {store.headline.value}
      </p>
      {due.length > 0 ? (
        <ul class="cards">
          {due.map(({ client, message, invoices }) => {
            const step = message.messageId as LadderStage;
            const draft = draftOf.get(message.milestones[0] ?? '');
            return (
              <li class="card" key={client} data-client={client}>
                <button
                  type="button"
                  class="link strong"
                  onClick={() => store.go({ name: 'client', client })}
                >
                  {client}
                </button>
                <p class="due-line">
                  <StageChip stage={step} label={t.stages[step]} />{' '}
                  <span class="mono">{invoices.join(', ')}</span>
                  <span class="muted small">
                    {' '}
                    · {t.toSendLabel}: {t.toSend[step]}
                    {message.overdue > 0
                      ? ` · ${t.overdue} ${f.money(message.overdue, message.currency)}`
                      : ''}
                  </span>
                </p>
                {message.drafted ? (
                  <p class="small warning-text">{t.draftedNotSent(draft ? f.date(draft.on) : '')}</p>
                ) : (
                  <DraftButton client={client} />
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
      <DraftsToConfirm />
      <PromisesDue />
    </section>
  );
}

/**
 * Promises the client made that fall due within the week, and broken ones whose message is
 * still to send (PRODUCT.md, "Promises"). Each card has the three things to do about a
 * promise: record the payment that came in, log a new promise, or mark the milestone
 * disputed (with the reason).
 */
function PromisesDue() {
  const store = useStore();
  const t = store.t.value;
  const view = store.view.value;
  if (view === null) return null;
  const weekEnd = addDays(view.today, 7);
  const listed = view.report.milestones.filter((m) => {
    const p = m.promise;
    if (!p || m.outstanding <= 0) return false;
    if (p.state === 'open') return p.by <= weekEnd;
    return p.state === 'broken' && (m.stage === 'broken_promise' || m.nextAction?.stage === 'broken_promise');
  });
  if (listed.length === 0) return null;
  // Broken first, then by the promised day.
  listed.sort((a, b) => {
    const pa = a.promise as NonNullable<typeof a.promise>;
    const pb = b.promise as NonNullable<typeof b.promise>;
    if (pa.state !== pb.state) return pa.state === 'broken' ? -1 : 1;
    return pa.by.localeCompare(pb.by);
  });
  return (
    <section aria-labelledby="promises-heading" class="subsection">
      <h4 id="promises-heading">
        {t.todayPromisesHeading} <span class="badge">{listed.length}</span>
      </h4>
      <ul class="cards">
        {listed.map((m) => (
          <PromiseCard key={m.id} milestone={m} />
        ))}
      </ul>
    </section>
  );
}

function PromiseCard({ milestone: m }: { milestone: MilestoneReport }) {
  const store = useStore();
  const t = store.t.value;
  const f = store.format.value;
  const [panel, setPanel] = useState<Panel | null>(null);
  const toggle = (next: Panel) => setPanel(panel === next ? null : next);
  const p = m.promise as NonNullable<typeof m.promise>;
  const broken = p.state === 'broken';
  const promised = f.money(p.amount ?? m.outstanding, m.currency);
  const actions: { panel: Panel; label: string; primary?: boolean }[] = [
    { panel: 'payment', label: t.recordPayment, primary: true },
    { panel: 'promise', label: t.logPromise },
  ];
  // A milestone already paused stays as it is: its Status is the user's.
  if (m.stage !== 'disputed' && m.stage !== 'on_hold')
    actions.push({ panel: 'dispute', label: t.markDisputed });
  return (
    <li class="card" data-promise={m.id}>
      <button
        type="button"
        class="link strong"
        onClick={() => store.go({ name: 'client', client: m.client })}
      >
        {m.client}
      </button>
      <p class="due-line">
        <StageChip
          stage={broken ? 'broken_promise' : 'promised'}
          label={t.stages[broken ? 'broken_promise' : 'promised']}
        />{' '}
        <span class="mono">{invoiceOrId(m)}</span>
        <span class={broken ? 'small warning-text' : 'muted small'}>
          {' '}
          · {(broken ? t.promiseBroken : t.promisedBy)(promised, f.date(p.by))}
        </span>
      </p>
      <div class="row actions" role="group" aria-label={t.milestoneActions(m.id)}>
        {actions.map((a) => (
          <button
            key={a.panel}
            type="button"
            class={a.primary ? 'primary' : 'secondary'}
            aria-expanded={panel === a.panel}
            onClick={() => toggle(a.panel)}
          >
            {a.label}
          </button>
        ))}
      </div>
      <MilestonePanel milestone={m} panel={panel} onDone={() => setPanel(null)} />
    </li>
  );
}

/**
 * Drafts Payladder made that the log does not show as sent. A draft is prepared, not sent
 * (PRODUCT.md, Evidence): the user confirms the day it went out, which appends a Reminders
 * row (Channel `email`) linked to the draft. A draft Gmail no longer has asks "sent?".
 */
function DraftsToConfirm() {
  const store = useStore();
  const t = store.t.value;
  const f = store.format.value;
  const view = store.view.value;
  if (view === null || view.drafts.length === 0) return null;
  return (
    <section aria-labelledby="drafts-heading" class="subsection">
      <h4 id="drafts-heading">
        {t.draftsHeading} <span class="badge">{view.drafts.length}</span>
      </h4>
      <ul class="cards">
        {view.drafts.map((d) => (
          <li class="card" key={d.link} data-draft={d.link}>
            <p class="strong">{d.client}</p>
            <p class="small">{d.subject}</p>
            <p class={d.gone ? 'small warning-text' : 'small muted'}>
              {d.gone ? t.draftGone(f.date(d.on)) : t.draftWaiting(f.date(d.on))}
            </p>
            <ConfirmSentForm link={d.link} min={d.on} max={view.today} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function ConfirmSentForm({ link, min, max }: { link: string; min: string; max: string }) {
  const store = useStore();
  const t = store.t.value;
  const [sentOn, setSentOn] = useState(max);
  return (
    <div class="inline-form">
      <label class="small">
        {t.sentOnLabel}{' '}
        <input
          type="date"
          value={sentOn}
          min={min}
          max={max}
          required
          onInput={(e) => setSentOn((e.target as HTMLInputElement).value)}
        />
      </label>
      <ActionButton
        busyKey={`confirmDraftSent:${link}`}
        onClick={() => void store.confirmSent({ link, sentOn })}
      >
        {t.confirmSent}
      </ActionButton>
    </div>
  );
}
