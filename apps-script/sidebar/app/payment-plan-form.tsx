import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { PaymentPlanInput, PaymentPlanPreview } from '../../src/api.ts';
import { ActionButton } from './action-button.tsx';
import { useStore } from './context.ts';

type Interval = PaymentPlanInput['interval'];
const INTERVALS: readonly Interval[] = ['weekly', 'fortnightly', 'monthly'];

/**
 * Form → preview → create. The server splits the amount and dates the instalments (the
 * preview is its answer, never a sum done here); creating asks it again with the same
 * input, so what is created is what was shown. Any change to the form drops the preview.
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
  const [start, setStart] = useState(store.view.value?.today ?? '');
  const [keepUnderLimit, setKeepUnderLimit] = useState(false);
  const [preview, setPreview] = useState<PaymentPlanPreview | null>(null);
  const key = 'milestone' in target ? `milestone:${target.milestone}` : `client:${target.client}`;
  const input: PaymentPlanInput = {
    ...target,
    instalments,
    interval,
    start,
    keepUnderSmallClaimsLimit: keepUnderLimit,
  };

  useEffect(() => first.current?.focus(), []);

  const change = (apply: () => void) => {
    apply();
    setPreview(null);
  };
  const showPreview = async (event: Event) => {
    event.preventDefault();
    setPreview(await store.previewPlan(key, input));
  };
  const create = async () => {
    if ((await store.createPlan(key, input)) !== null) onDone();
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
      <div class="row">
        <button type="submit" class="secondary" aria-disabled={store.busy.value !== null}>
          {store.busy.value === `previewPaymentPlan:${key}` ? t.working : t.preview}
        </button>
        <button type="button" class="quiet" onClick={onDone}>
          {t.cancel}
        </button>
      </div>
      {preview ? (
        <div class="preview" aria-live="polite">
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
          <ActionButton busyKey={`createPaymentPlan:${key}`} variant="primary" onClick={() => void create()}>
            {t.createPlan}
          </ActionButton>
        </div>
      ) : null}
    </form>
  );
}
