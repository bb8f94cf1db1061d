import type { CurrencyTotals } from '../../shared/model.ts';
// Straight from the module, not the core's index: the popup's first paint carries no schema library.
import { AGING_BUCKETS } from '../../shared/stages.ts';
import { AGING_COLORS } from '../../shared/stage-look.ts';
import { useStore } from './store.ts';

// The sidebar's colours: blue while not yet due, vermillion once overdue (shared/stage-look.ts).

const WIDTH = 100;

/**
 * Outstanding amounts of one currency by days overdue, as one thin stacked bar: the aging
 * at a glance, in the line of its totals. The SVG's title and description say every figure,
 * so a screen reader hears what the eye sees, and each part names its bucket and amount
 * on hover.
 */
export function AgingChart({
  currency,
  totals,
  money,
}: {
  currency: string;
  totals: CurrencyTotals;
  /** An amount's words in the UI language (written at sync time: `shownMoney`). */
  money: (minor: number, currency: string) => string;
}) {
  const { t } = useStore();
  const sum = AGING_BUCKETS.reduce((n, b) => n + Math.max(0, totals.aging[b]), 0);
  const id = `aging-${currency}`;
  let x = 0;
  const parts = AGING_BUCKETS.map((b) => {
    const width = sum === 0 ? 0 : (Math.max(0, totals.aging[b]) / sum) * WIDTH;
    const part = {
      bucket: b,
      x,
      width,
      text: `${t.value.buckets[b]}: ${money(totals.aging[b], currency)}`,
    };
    x += width;
    return part;
  });
  return (
    <svg
      class="aging"
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${WIDTH} 6`}
      preserveAspectRatio="none"
      width="100%"
      height="6"
    >
      <title id={`${id}-title`}>{t.value.agingChartLabel(currency)}</title>
      <desc id={`${id}-desc`}>{parts.map((p) => p.text).join('; ')}</desc>
      {parts.map((p) => (
        <rect
          key={p.bucket}
          data-bucket={p.bucket}
          x={p.x}
          y={0}
          width={p.width}
          height={6}
          fill={AGING_COLORS[p.bucket]}
        >
          <title>{p.text}</title>
        </rect>
      ))}
    </svg>
  );
}
