import type { Stage } from '../../../shared/model.ts';
import { STAGE_PALETTE } from '../../../shared/stage-look.ts';

/** A stage in words on its colour; `count` for the dashboard's stage tally. */
export function StageChip({ stage, label, count }: { stage: Stage; label: string; count?: number }) {
  const [background, text] = STAGE_PALETTE[stage];
  return (
    <span class="chip" data-stage={stage} style={{ background, color: text }}>
      {label}
      {count === undefined ? null : <span class="chip-count">{count}</span>}
    </span>
  );
}
