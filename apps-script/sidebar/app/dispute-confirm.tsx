import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { MilestoneReport } from '../../../shared/model.ts';
import { FormActions } from './action-button.tsx';
import { useStore } from './context.ts';

/**
 * Mark disputed asks first, and asks why: the reason (what the client disputes, and where
 * they said it) goes in the row's Status note, which the documentation pack quotes. A note
 * the user already typed there is shown and kept: the server never writes over it.
 */
export function DisputeConfirm({ milestone: m, onDone }: { milestone: MilestoneReport; onDone: () => void }) {
  const store = useStore();
  const t = store.t.value;
  const id = useId();
  const typed = store.view.value?.statusNotes[m.id] ?? '';
  const reasonField = useRef<HTMLTextAreaElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState(false);
  const busyKey = `setMilestoneStatus:${m.id}`;

  // Focus on the reason (or on Cancel when there is none to write): never on the confirm button.
  useEffect(() => (typed === '' ? reasonField.current : cancel.current)?.focus(), [typed]);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (store.busy.value !== null) return;
    const note = reason.trim();
    if (typed === '' && note === '') {
      setInvalid(true);
      reasonField.current?.focus();
      return;
    }
    setInvalid(false);
    const done = await store.setStatus(
      typed === '' ? { milestone: m.id, status: 'Disputed', note } : { milestone: m.id, status: 'Disputed' },
    );
    if (done !== null) onDone();
  };

  return (
    <form
      class="panel confirm form"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onSubmit={(e) => void submit(e)}
    >
      <p id={`${id}-title`} class="strong">
        {t.disputeTitle(m.id)}
      </p>
      <p id={`${id}-body`} class="small">
        {t.disputeBody}
      </p>
      {typed !== '' ? (
        <p class="small notes">{t.disputeNoteKept(typed)}</p>
      ) : (
        <>
          <label for={`${id}-reason`}>{t.disputeReason}</label>
          <textarea
            ref={reasonField}
            id={`${id}-reason`}
            name="reason"
            rows={3}
            maxLength={2000}
            value={reason}
            aria-required="true"
            aria-invalid={invalid}
            aria-describedby={invalid ? `${id}-reason-error` : undefined}
            onInput={(e) => setReason(e.currentTarget.value)}
          />
          {invalid ? (
            <p id={`${id}-reason-error`} class="field-error">
              {t.disputeReasonMissing}
            </p>
          ) : null}
        </>
      )}
      <FormActions busyKey={busyKey} variant="danger" onCancel={onDone} cancelRef={cancel}>
        {t.disputeConfirm}
      </FormActions>
    </form>
  );
}
