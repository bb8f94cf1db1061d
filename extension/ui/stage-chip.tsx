import type { Stage } from '../../shared/index.ts';
import { STAGE_COLORS } from './stages.ts';
import { useStore } from './store.ts';

/** A stage as a coloured chip, its name in words (colour is never the only cue). */
export function StageChip({ stage }: { stage: Stage }) {
  const { t } = useStore();
  return (
    <span class="chip" data-stage={stage} style={{ backgroundColor: STAGE_COLORS[stage] }}>
      {t.value.stages[stage]}
    </span>
  );
}
