import type { AgingBucket, LadderStage } from '../../../shared/model.ts';
import { AgingChart } from '../ui/aging-chart.tsx';
import { StageChip } from '../ui/stage-chip.tsx';
import { STAGE_ORDER } from '../../../shared/stage-look.ts';
import { useStore } from './context.ts';
import { useState } from 'preact/hooks';
import { addDays } from '../../../shared/dates.ts';
import { ActionButton } from './action-button.tsx';
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
      <PromisesDue />
      <DraftsToConfirm />

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
 * Today's work in messages: for each client the one message the core says is due
 * (ClientReport.message), with the milestones it covers and their overdue total. A message
 * already drafted and not confirmed sent says so instead of offering a second draft.
 */
function NeedsAction() {
  const store = useStore();
  const t = store.t.value;
  const f = store.format.value;
  const view = store.view.value;
  if (view === null) return null;
  const due = view.report.clients.filter((c) => c.message !== null);
  const draftOf = new Map(view.drafts.flatMap((d) => d.milestones.map((id) => [id, d] as const)));
  return (
    <section aria-labelledby="action-heading">
      <h3 id="action-heading">
        {t.needsAction} <span class="badge">{view.report.messagesDue}</span>
      </h3>
      {due.length === 0 ? <p class="muted">{t.needsActionNone}</p> : null}
      <ul class="cards">
        {due.map((c) => {
          const message = c.message as NonNullable<typeof c.message>;
          const step = message.messageId as LadderStage;
          const invoices = message.milestones.map((id) => {
            const m = store.milestoneById.value.get(id);
            return m && m.invoice.trim() !== '' ? m.invoice : id;
          });
          const draft = draftOf.get(message.milestones[0] ?? '');
          return (
            <li class="card" key={c.client} data-client={c.client}>
              <button
                type="button"
                class="link strong"
                onClick={() => store.go({ name: 'client', client: c.client })}
              >
                {c.client}
              </button>
              <p class="due-line">
                <StageChip stage={step} label={t.stages[step]} />{' '}
                <span class="mono">{invoices.join(', ')}</span>
                <span class="muted small">
                  {' '}
                  · {t.toSendLabel}: {t.toSend[step]}
                  {message.overdue > 0 ? ` · ${t.overdue} ${f.money(message.overdue, message.currency)}` : ''}
                </span>
              </p>
              {message.drafted ? (
                <p class="small warning-text">{t.draftedNotSent(draft ? f.date(draft.on) : '')}</p>
              ) : (
                <DraftButton client={c.client} />
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/**
 * Promises the client made that fall due within the week (PRODUCT.md, "Promises"): chasing
 * is paused for them; the day after, unpaid, the broken-promise message is due.
 */
function PromisesDue() {
  const store = useStore();
  const t = store.t.value;
  const f = store.format.value;
  const view = store.view.value;
  if (view === null) return null;
  const weekEnd = addDays(view.today, 7);
  const open = view.report.milestones.filter(
    (m) => m.promise?.state === 'open' && m.promise.by <= weekEnd && m.outstanding > 0,
  );
  if (open.length === 0) return null;
  return (
    <section aria-labelledby="promises-heading">
      <h3 id="promises-heading">
        {t.promisesHeading} <span class="badge">{open.length}</span>
      </h3>
      <ul class="cards">
        {open.map((m) => {
          const p = m.promise as NonNullable<typeof m.promise>;
          return (
            <li class="card" key={m.id} data-promise={m.id}>
              <button
                type="button"
                class="link strong"
                onClick={() => store.go({ name: 'client', client: m.client })}
              >
                {m.client}
              </button>
              <p class="due-line">
                <StageChip stage="promised" label={t.stages.promised} />{' '}
                <span class="mono">{m.invoice.trim() !== '' ? m.invoice : m.id}</span>
                <span class="muted small">
                  {' '}
                  · {t.promisedBy(f.money(p.amount ?? m.outstanding, m.currency), f.date(p.by))}
                </span>
              </p>
            </li>
          );
        })}
      </ul>
    </section>
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
    <section aria-labelledby="drafts-heading">
      <h3 id="drafts-heading">
        {t.draftsHeading} <span class="badge">{view.drafts.length}</span>
      </h3>
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
