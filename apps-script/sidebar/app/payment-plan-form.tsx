import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { addDays } from '../../../shared/dates.ts';
import type { PaymentPlanInput, PaymentPlanPreview, SidebarView } from '../../src/api.ts';
import { asError } from '../client.ts';
import { ActionButton, FormActions } from './action-button.tsx';
import { useStore } from './context.ts';

type Interval = PaymentPlanInput['interval'];
const INTERVALS: readonly Interval[] = ['weekly', 'fortnightly', 'monthly'];

/**
 * What a plan for this target is worked out from: the client's milestones (amounts, what
 * is paid, stages, due days, IDs) and the day. When it changes under an open preview, the
 * preview is stale.
 */
function planBasis(view: SidebarView | null, target: { milestone: string } | { client: string }): string {
  if (view === null) return '';
  const client =
    'client' in target
      ? target.client
      : view.report.milestones.find((m) => m.id === target.milestone)?.client;
  const rows = view.report.milestones
    .filter((m) => m.client === client)
    .map((m) => [m.id, m.amount, m.paid, m.outstanding, m.stage, m.dueDate, m.currency]);
  return JSON.stringify([view.today, rows]);
}

/**
 * Form → preview → create. The server splits the amount and dates the instalments (the
 * preview is its answer, never a sum done here); creating sends the instalments shown, and
 * the server creates nothing if its plan differs. Any change to the form drops the
 * preview; a change in the ledger (a payment, a refresh) marks it stale and asks again.
 * The first instalment is due a week from today unless the user picks another day.
 */
export function PaymentPlanForm({
  target,
  title,
  onDone,
}: {
  target: { milestone: string } | { client: string };
  title: string;
  onDone: () => void;
}) {
  const store = useStore();
  const t = store.t.value;
  const f = store.format.value;
  const id = useId();
  const first = useRef<HTMLInputElement>(null);
  const [instalments, setInstalments] = useState(3);
  const [interval, setEvery] = useState<Interval>('monthly');
  const [start, setStart] = useState(() => {
    const today = store.view.value?.today;
    return today ? addDays(today, 7) : '';
  });
  const [keepUnderLimit, setKeepUnderLimit] = useState(false);
  const [preview, setPreview] = useState<PaymentPlanPreview | null>(null);
  /** The ledger as it was when the preview was made. */
  const [previewBasis, setPreviewBasis] = useState('');
  /** The preview was made again because the ledger changed. */
  const [updated, setUpdated] = useState(false);
  const [repreviewError, setRepreviewError] = useState<string | null>(null);
  const creating = useRef(false);
  const basis = planBasis(store.view.value, target);
  const stale = preview !== null && basis !== previewBasis;
  const key = 'milestone' in target ? `milestone:${target.milestone}` : `client:${target.client}`;
  const input: PaymentPlanInput = {
    ...target,
    instalments,
    interval,
    start,
    keepUnderSmallClaimsLimit: keepUnderLimit,
  };

  useEffect(() => first.current?.focus(), []);

  // The ledger changed under the preview: ask the server again, with the same form.
  useEffect(() => {
    if (!stale || creating.current) return;
    let current = true;
    const asked = basis;
    store.repreviewPlan(input).then(
      (fresh) => {
        if (!current) return;
        setPreview(fresh);
        setPreviewBasis(asked);
        setUpdated(true);
        setRepreviewError(null);
      },
      (error: unknown) => {
        if (!current) return;
        setPreview(null);
        setRepreviewError(store.t.value.actionFailed(asError(error).message));
      },
    );
    return () => {
      current = false;
    };
  }, [stale, basis]);

  const change = (apply: () => void) => {
    apply();
    setPreview(null);
    setUpdated(false);
    setRepreviewError(null);
  };
  const showPreview = async (event: Event) => {
    event.preventDefault();
    const asked = basis;
    const fresh = await store.previewPlan(key, input);
    setPreview(fresh);
    setPreviewBasis(asked);
    setUpdated(false);
    setRepreviewError(null);
  };
  const create = async () => {
    if (preview === null || stale) return;
    creating.current = true;
    const expected = preview.rows.map((r) => ({ id: r.id, dueDate: r.dueDate, amount: r.amount }));
    const done = await store.createPlan(key, { ...input, expected });
    creating.current = false;
    if (done !== null) {
      onDone();
      return;
    }
    // Refused (the ledger changed in the sheet) or failed: show what the server would create now.
    try {
      const fresh = await store.repreviewPlan(input);
      if (JSON.stringify(fresh.rows) !== JSON.stringify(preview.rows)) {
        setPreview(fresh);
        setPreviewBasis(planBasis(store.view.value, target));
        setUpdated(true);
      }
    } catch {
      // The notice already says what went wrong; the preview stays as it was.
    }
  };

  return (
    <form class="panel form" onSubmit={(e) => void showPreview(e)} aria-label={t.planFor(title)}>
      <p class="strong">{t.planFor(title)}</p>
      <label for={`${id}-n`}>{t.instalments}</label>
      <input
        ref={first}
        id={`${id}-n`}
        name="instalments"
        type="number"
        min={2}
        max={36}
        step={1}
        value={instalments}
        onInput={(e) => change(() => setInstalments(Math.round(Number(e.currentTarget.value)) || 2))}
        required
      />
      <label for={`${id}-every`}>{t.interval}</label>
      <select
        id={`${id}-every`}
        name="interval"
        value={interval}
        onChange={(e) => change(() => setEvery(e.currentTarget.value as Interval))}
      >
        {INTERVALS.map((value) => (
          <option key={value} value={value}>
            {t.intervals[value]}
          </option>
        ))}
      </select>
      <label for={`${id}-start`}>{t.start}</label>
      <input
        id={`${id}-start`}
        name="start"
        type="date"
        value={start}
        onInput={(e) => change(() => setStart(e.currentTarget.value))}
        required
      />
      <label class="check">
        <input
          type="checkbox"
          name="keepUnderSmallClaimsLimit"
          checked={keepUnderLimit}
          onChange={(e) => change(() => setKeepUnderLimit(e.currentTarget.checked))}
        />
        {t.keepUnderLimit}
      </label>
      <FormActions busyKey={`previewPaymentPlan:${key}`} variant="secondary" onCancel={onDone}>
        {t.preview}
      </FormActions>
      {repreviewError !== null ? (
        <p class="warning" role="alert">
          {repreviewError}
        </p>
      ) : null}
      {preview ? (
        <div class={stale ? 'preview stale' : 'preview'} aria-live="polite" aria-busy={stale}>
          {stale ? <p class="warning small">{t.previewStale}</p> : null}
          {!stale && updated ? <p class="warning small">{t.previewUpdated}</p> : null}
          <ol class="plan-rows">
            {preview.rows.map((row) => (
              <li key={row.id}>
                <span class="mono">{row.id}</span>
                <span>{f.date(row.dueDate)}</span>
                <span class="num">{f.moneyMajor(row.amount, row.currency)}</span>
              </li>
            ))}
          </ol>
          <p class="strong">{t.planTotal(f.moneyMajor(preview.total, preview.currency))}</p>
          {preview.replaces.length > 0 ? (
            <p class="small">{t.planReplaces(preview.replaces.join(', '))}</p>
          ) : null}
          {preview.limit !== null ? (
            <p class="small">{t.planLimit(f.moneyMajor(preview.limit, preview.currency))}</p>
          ) : null}
          {preview.warnings.map((w) => (
            <p key={w} class="warning">
              {w}
            </p>
          ))}
          <ActionButton
            busyKey={`createPaymentPlan:${key}`}
            variant="primary"
            disabled={stale}
            onClick={() => void create()}
          >
            {t.createPlan}
          </ActionButton>
        </div>
      ) : null}
    </form>
  );
}
