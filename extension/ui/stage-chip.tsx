import type { Stage } from '../../shared/index.ts';
import { stageLook } from '../../shared/stage-look.ts';
import { useStore } from './store.ts';

/** A stage as a coloured chip, its short name in words (colour is never the only cue). */
export function StageChip({ stage }: { stage: Stage }) {
  const { lang } = useStore();
  const look = stageLook[stage];
  return (
    <span class="chip" data-stage={stage} style={{ backgroundColor: look.color, color: look.text }}>
      {look.short[lang.value]}
    </span>
  );
}
