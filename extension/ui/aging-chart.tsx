import type { CurrencyTotals } from '../../shared/model.ts';
// Straight from the module, not the core's index: the popup's first paint carries no schema library.
import { AGING_BUCKETS } from '../../shared/stages.ts';
import { AGING_COLORS } from '../../shared/stage-look.ts';
import { money } from './display-text.ts';
import { useStore } from './store.ts';

// The sidebar's colours: blue while not yet due, vermillion once overdue (shared/stage-look.ts).
const ROW = 22;
const LABEL_W = 104;
const BAR_W = 120;

/**
 * Outstanding amounts of one currency by days overdue, as horizontal bars. The SVG has a
 * title and a description that say every figure, so a screen reader hears the same as the
 * eye sees; the figures are also drawn as text beside each bar.
 */
export function AgingChart({
  currency,
  totals,
  locale,
}: {
  currency: string;
  totals: CurrencyTotals;
  locale: string;
}) {
  const { t } = useStore();
  const max = Math.max(1, ...AGING_BUCKETS.map((b) => totals.aging[b]));
  const id = `aging-${currency}`;
  const figures = AGING_BUCKETS.map((b) => ({
    bucket: b,
    label: t.value.buckets[b],
    amount: money(totals.aging[b], currency, locale),
    width: Math.round((totals.aging[b] / max) * BAR_W),
  }));
  return (
    <svg
      class="aging"
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 340 ${ROW * AGING_BUCKETS.length}`}
      width="100%"
    >
      <title id={`${id}-title`}>{t.value.agingChartLabel(currency)}</title>
      <desc id={`${id}-desc`}>{figures.map((f) => `${f.label}: ${f.amount}`).join('; ')}</desc>
      {figures.map((f, i) => (
        <g key={f.bucket} data-bucket={f.bucket}>
          <text x={0} y={i * ROW + 15} class="aging-label">
            {f.label}
          </text>
          <rect
            x={LABEL_W}
            y={i * ROW + 4}
            width={Math.max(f.width, 1)}
            height={14}
            rx={2}
            fill={AGING_COLORS[f.bucket]}
          />
          <text x={LABEL_W + Math.max(f.width, 1) + 6} y={i * ROW + 15} class="aging-amount">
            {f.amount}
          </text>
        </g>
      ))}
    </svg>
  );
}
