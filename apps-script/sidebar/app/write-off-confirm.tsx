import { useEffect, useId, useRef } from 'preact/hooks';
import type { MilestoneReport } from '../../../shared/model.ts';
import { ActionButton } from './action-button.tsx';
import { useStore } from './context.ts';
import { PackDownload } from './pack-download.tsx';

/**
 * Writing off cannot be taken back from the sidebar, so it asks first, and offers the
 * documentation pack: the evidence a bad-debt deduction or a later claim rests on.
 */
export function WriteOffConfirm({
  milestone: m,
  onDone,
}: {
  milestone: MilestoneReport;
  onDone: () => void;
}) {
  const store = useStore();
  const t = store.t.value;
  const f = store.format.value;
  const id = useId();
  const cancel = useRef<HTMLButtonElement>(null);

  // Focus starts on Cancel: Enter on a freshly opened confirmation must not write off.
  useEffect(() => cancel.current?.focus(), []);

  const confirm = async () => {
    if ((await store.writeOff(m.id)) !== null) onDone();
  };

  return (
    <div class="panel confirm" role="group" aria-labelledby={`${id}-title`} aria-describedby={`${id}-body`}>
      <p id={`${id}-title`} class="strong">
        {t.writeOffTitle(m.id)}
      </p>
      <p id={`${id}-body`} class="small">
        {t.writeOffBody(f.money(m.outstanding, m.currency))}
      </p>
      <div class="row">
        <ActionButton busyKey={`exportPack:${m.client}`} onClick={() => void store.exportPack(m.client)}>
          {t.exportPack}
        </ActionButton>
        <ActionButton busyKey={`writeOffMilestone:${m.id}`} variant="danger" onClick={() => void confirm()}>
          {t.writeOffConfirm}
        </ActionButton>
        <button type="button" class="quiet" ref={cancel} onClick={onDone}>
          {t.cancel}
        </button>
      </div>
      <PackDownload client={m.client} />
    </div>
  );
}
