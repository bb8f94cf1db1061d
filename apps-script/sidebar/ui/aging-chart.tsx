import type { AgingBucket } from '../../../shared/model.ts';
import { AGING_COLORS } from '../../../shared/stage-look.ts';

export interface AgingBar {
  bucket: AgingBucket;
  label: string;
  /** Minor units, for the bar's length. */
  value: number;
  /** The value formatted, written beside the bar. */
  text: string;
}

/** Drawing units; the SVG scales to the column's width (viewBox), so it never overflows. */
const WIDTH = 260;
const ROW = 30;
const BAR_Y = 17;
const BAR_HEIGHT = 8;

/**
 * Horizontal bars, one per aging bucket, each with its label and amount written above it:
 * the text carries the numbers, the bars their proportions. Screen readers get one summary
 * sentence (`role="img"` + the label) rather than a walk through shapes.
 */
export function AgingChart({
  title,
  summary,
  bars,
}: {
  title: string;
  summary: string;
  bars: readonly AgingBar[];
}) {
  const max = bars.reduce((m, b) => Math.max(m, b.value), 1);
  const height = bars.length * ROW;
  return (
    <figure class="aging">
      <figcaption>{title}</figcaption>
      <svg
        role="img"
        aria-label={summary}
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        preserveAspectRatio="xMinYMin meet"
      >
        {bars.map((bar, i) => {
          const y = i * ROW;
          const length = bar.value > 0 ? Math.max(2, (bar.value / max) * WIDTH) : 0;
          return (
            <g key={bar.bucket} data-bucket={bar.bucket}>
              <text x={0} y={y + 12} class="aging-label">
                {bar.label}
              </text>
              <text x={WIDTH} y={y + 12} text-anchor="end" class="aging-value">
                {bar.text}
              </text>
              <rect x={0} y={y + BAR_Y} width={WIDTH} height={BAR_HEIGHT} rx={2} class="aging-track" />
              <rect
                x={0}
                y={y + BAR_Y}
                width={length}
                height={BAR_HEIGHT}
                rx={2}
                fill={AGING_COLORS[bar.bucket]}
              />
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
