import { useState } from 'preact/hooks';
import type { LadderStage, MilestoneReport, Stage } from '../../../shared/model.ts';
import { isOpen } from '../../../shared/stages.ts';
import { Fact } from '../ui/fact.tsx';
import { StageChip } from '../ui/stage-chip.tsx';
import { ActionButton } from './action-button.tsx';
import { useStore } from './context.ts';
import { PaymentPlanForm } from './payment-plan-form.tsx';
import { RecordPaymentForm } from './record-payment-form.tsx';
import { WriteOffConfirm } from './write-off-confirm.tsx';

const PAUSED: ReadonlySet<Stage> = new Set<Stage>(['disputed', 'on_hold']);
/** Keyed by stage so a stage added to the ladder is a type error here until it is listed. */
const ON_LADDER: Record<LadderStage, true> = {
  current: true,
  upcoming: true,
  reminder: true,
  followup: true,
  final: true,
  stop_work: true,
  demand: true,
  small_claims: true,
};

type Panel = 'payment' | 'plan' | 'writeOff' | null;

/** One milestone: where it stands, what it costs the client to be late, and what to do. */
export function MilestoneCard({ milestone: m }: { milestone: MilestoneReport }) {
  const store = useStore();
  const t = store.t.value;
  const f = store.format.value;
  const [panel, setPanel] = useState<Panel>(null);
  const toggle = (next: Panel) => setPanel(panel === next ? null : next);
  const money = (minor: number) => f.money(minor, m.currency);
  const today = store.view.value?.report.today ?? '';
  // This row's problems, with their text in the view's language (written by the server).
  const rowProblems = (store.view.value?.problems ?? []).filter(
    (p) => p.tab === 'Milestones' && p.row === m.row,
  );
  // Money actions only where the amount is still chased; the server validates every action.
  const open = isOpen(m.stage);
  const onLadder = m.stage in ON_LADDER;
  const headingId = `milestone-${m.row}`;

  return (
    <article class="card milestone" aria-labelledby={headingId} data-milestone={m.id}>
      <header class="milestone-head">
        <h4 id={headingId} class="mono">
          {m.id}
        </h4>
        <StageChip stage={m.stage} label={t.stages[m.stage]} />
      </header>
      <p class="desc">
        {[m.project, m.description].filter((s) => s !== '').join(' · ')}
        {m.invoice ? <span class="muted small"> · {m.invoice}</span> : null}
      </p>
      <dl class="facts">
        <Fact term={t.outstanding}>
          {m.paid > 0 ? t.of(money(m.outstanding), money(m.amount)) : money(m.outstanding)}
        </Fact>
        <Fact term={t.due}>{m.dueDate ? f.date(m.dueDate) : t.noDueDate}</Fact>
        {m.daysOverdue !== null && m.daysOverdue > 0 ? <Fact term={t.daysLate}>{m.daysOverdue}</Fact> : null}
        {m.lateInterest > 0 ? (
          <Fact term={t.lateInterest}>
            {money(m.lateInterest)}
            {m.interestRates.length > 0 ? (
              <span class="muted small"> {t.rate(m.interestRates.map((bp) => f.rate(bp)).join(', '))}</span>
            ) : null}
            {m.interestThrough !== null && m.interestThrough < today ? (
              <span class="muted small"> {t.interestTo(f.date(m.interestThrough))}</span>
            ) : null}
          </Fact>
        ) : null}
        {m.compensation > 0 ? (
          <Fact term={t.compensation}>{f.money(m.compensation, m.compensationCurrency)}</Fact>
        ) : null}
        {m.nextAction ? (
          <Fact term={t.next}>{t.nextOn(t.stages[m.nextAction.stage], f.date(m.nextAction.on))}</Fact>
        ) : null}
        {m.smallClaims ? (
          <Fact term={t.smallClaims}>
            {m.smallClaims.limit === null || m.smallClaims.currency === null
              ? t.smallClaimsUnknown
              : m.smallClaims.fits === null
                ? t.smallClaimsOpen(m.smallClaims.court)
                : (m.smallClaims.fits ? t.smallClaimsFits : t.smallClaimsAbove)(
                    f.money(m.smallClaims.limit, m.smallClaims.currency),
                  )}
          </Fact>
        ) : null}
      </dl>
      {rowProblems.length > 0 ? (
        <details class="row-problems">
          <summary>{t.rowProblems(rowProblems.length)}</summary>
          <ul>
            {rowProblems.map((p, i) => (
              <li key={`${p.code}-${i}`} class={p.severity}>
                {p.column ? `${p.column}: ` : ''}
                {p.message} {p.fix}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <div class="row actions" role="group" aria-label={t.milestoneActions(m.id)}>
        {open ? (
          <button
            type="button"
            class="secondary"
            aria-expanded={panel === 'payment'}
            onClick={() => toggle('payment')}
          >
            {t.recordPayment}
          </button>
        ) : null}
        {onLadder ? (
          <>
            <ActionButton
              busyKey={`setMilestoneStatus:${m.id}`}
              onClick={() => void store.setStatus({ milestone: m.id, status: 'Disputed' })}
            >
              {t.markDisputed}
            </ActionButton>
            <ActionButton
              busyKey={`setMilestoneStatus:${m.id}`}
              onClick={() => void store.setStatus({ milestone: m.id, status: 'On hold' })}
            >
              {t.markOnHold}
            </ActionButton>
          </>
        ) : null}
        {PAUSED.has(m.stage) ? (
          <ActionButton
            busyKey={`setMilestoneStatus:${m.id}`}
            onClick={() => void store.setStatus({ milestone: m.id, status: '' })}
          >
            {t.resume}
          </ActionButton>
        ) : null}
        {open ? (
          <button
            type="button"
            class="secondary"
            aria-expanded={panel === 'plan'}
            onClick={() => toggle('plan')}
          >
            {t.paymentPlan}
          </button>
        ) : null}
        {open ? (
          <button
            type="button"
            class="danger"
            aria-expanded={panel === 'writeOff'}
            onClick={() => toggle('writeOff')}
          >
            {t.writeOff}
          </button>
        ) : null}
        <ActionButton
          busyKey={`jumpToMilestone:${m.id}`}
          variant="quiet"
          onClick={() => void store.jumpToMilestone(m.id)}
        >
          {t.goToRow}
        </ActionButton>
      </div>
      {panel === 'payment' ? <RecordPaymentForm milestone={m} onDone={() => setPanel(null)} /> : null}
      {panel === 'plan' ? (
        <PaymentPlanForm target={{ milestone: m.id }} title={m.id} onDone={() => setPanel(null)} />
      ) : null}
      {panel === 'writeOff' ? <WriteOffConfirm milestone={m} onDone={() => setPanel(null)} /> : null}
    </article>
  );
}
