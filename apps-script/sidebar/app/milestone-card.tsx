import { useState } from 'preact/hooks';
import type { MilestoneReport, Stage } from '../../../shared/model.ts';
import { isOpen } from '../../../shared/stages.ts';
import { invoiceOrId } from '../../../shared/today.ts';
import { Fact } from '../ui/fact.tsx';
import { StageChip } from '../ui/stage-chip.tsx';
import { ActionButton } from './action-button.tsx';
import { useStore } from './context.ts';
import type { MoreItem } from './more-menu.tsx';
import { MoreMenu } from './more-menu.tsx';
import type { Panel } from './milestone-panel.tsx';
import { MilestonePanel } from './milestone-panel.tsx';

const PAUSED: ReadonlySet<Stage> = new Set<Stage>(['disputed', 'on_hold']);
/**
 * Stages the sidebar may pause (Mark disputed, Put on hold): the ladder's, and a promise's.
 * Keyed by stage so a stage added to the ladder is a type error here until it is listed.
 */
const PAUSABLE: Record<
  Exclude<Stage, 'paid' | 'cancelled' | 'written_off' | 'disputed' | 'on_hold' | 'renegotiated'>,
  true
> = {
  current: true,
  upcoming: true,
  reminder: true,
  followup: true,
  final: true,
  stop_work: true,
  demand: true,
  small_claims: true,
  promised: true,
  broken_promise: true,
};

/**
 * One milestone: where it stands, what it costs the client to be late, and what to do.
 * One primary action (Record payment while it is chased, Resume while it is paused, Go to
 * row once it is closed); the others under More.
 */
export function MilestoneCard({ milestone: m }: { milestone: MilestoneReport }) {
  const store = useStore();
  const t = store.t.value;
  const f = store.format.value;
  const [panel, setPanel] = useState<Panel | null>(null);
  const toggle = (next: Panel) => setPanel(panel === next ? null : next);
  const money = (minor: number) => f.money(minor, m.currency);
  const today = store.view.value?.report.today ?? '';
  const statusNote = store.view.value?.statusNotes[m.id] ?? '';
  // This row's problems, with their text in the view's language (written by the server).
  const rowProblems = (store.view.value?.problems ?? []).filter(
    (p) => p.tab === 'Milestones' && p.row === m.row,
  );
  // Money actions only where the amount is still chased; the server validates every action.
  const open = isOpen(m.stage);
  const paused = PAUSED.has(m.stage);
  const pausable = m.stage in PAUSABLE;
  const headingId = `milestone-${m.row}`;

  const statusKey = `setMilestoneStatus:${m.id}`;
  const goToRow = () => void store.jumpToMilestone(m.id);
  const resume = () => void store.setStatus({ milestone: m.id, status: '' });
  const more: MoreItem[] = [];
  if (open && paused)
    more.push({
      key: 'payment',
      label: t.recordPayment,
      onSelect: () => toggle('payment'),
      expanded: panel === 'payment',
    });
  if (open)
    more.push({
      key: 'promise',
      label: t.logPromise,
      onSelect: () => toggle('promise'),
      expanded: panel === 'promise',
    });
  if (pausable) {
    more.push({
      key: 'dispute',
      label: t.markDisputed,
      onSelect: () => toggle('dispute'),
      expanded: panel === 'dispute',
    });
    more.push({
      key: 'hold',
      label: t.markOnHold,
      onSelect: () => {
        setPanel(null);
        void store.setStatus({ milestone: m.id, status: 'On hold' });
      },
    });
  }
  if (open) {
    more.push({
      key: 'plan',
      label: t.paymentPlan,
      onSelect: () => toggle('plan'),
      expanded: panel === 'plan',
    });
    more.push({
      key: 'writeOff',
      label: t.writeOff,
      onSelect: () => toggle('writeOff'),
      expanded: panel === 'writeOff',
      danger: true,
    });
  }
  if (open || paused) more.push({ key: 'row', label: t.goToRow, onSelect: goToRow });

  return (
    <article class="card milestone" aria-labelledby={headingId} data-milestone={m.id}>
      <header class="milestone-head">
        <h4 id={headingId} class="mono">
          {m.id}
        </h4>
        <StageChip stage={m.stage} label={t.stages[m.stage]} />
      </header>
      <p class="desc">{[m.project, m.description].filter((s) => s !== '').join(' · ')}</p>
      <dl class="facts">
        {m.invoice.trim() !== '' ? (
          <Fact term={t.invoice}>
            <span class="mono">{invoiceOrId(m)}</span>
          </Fact>
        ) : null}
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
        {statusNote !== '' ? (
          <Fact term={t.statusNote} wide>
            <span class="wrap">{statusNote}</span>
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
        {paused ? (
          <ActionButton busyKey={statusKey} variant="primary" onClick={resume}>
            {t.resume}
          </ActionButton>
        ) : open ? (
          <button
            type="button"
            class="primary"
            aria-expanded={panel === 'payment'}
            onClick={() => toggle('payment')}
          >
            {t.recordPayment}
          </button>
        ) : (
          <ActionButton busyKey={`jumpToMilestone:${m.id}`} variant="quiet" onClick={goToRow}>
            {t.goToRow}
          </ActionButton>
        )}
        <MoreMenu label={t.moreActions(m.id)} items={more} />
      </div>
      <MilestonePanel milestone={m} panel={panel} onDone={() => setPanel(null)} />
    </article>
  );
}
