import type { ComponentChildren, Ref } from 'preact';
import { useStore } from './context.ts';

/**
 * A button that starts a server action: it says it is working while its own call is in
 * flight, and every action button waits while any call is (the store runs one at a time).
 * `aria-disabled` rather than `disabled`: a disabled button drops keyboard focus to the
 * top of the page in the middle of the user's work.
 */
export function ActionButton({
  busyKey,
  onClick,
  children,
  variant = 'secondary',
  disabled = false,
}: {
  /** The store's key for this call (`recordPayment:SB-2`). */
  busyKey: string;
  onClick: () => void;
  children: ComponentChildren;
  variant?: 'primary' | 'secondary' | 'danger' | 'quiet';
  /** Not now (a stale preview): says so, and does nothing when pressed. */
  disabled?: boolean;
}) {
  const store = useStore();
  const busy = store.busy.value;
  const mine = busy === busyKey;
  return (
    <button
      type="button"
      class={variant}
      onClick={() => {
        if (busy === null && !disabled) onClick();
      }}
      aria-disabled={busy !== null || disabled}
      aria-busy={mine}
    >
      {mine ? store.t.value.working : children}
    </button>
  );
}

/**
 * A form's last row: its submit button, which says it is working while its own call is in
 * flight and, like ActionButton, waits while any call is; then Cancel.
 */
export function FormActions({
  busyKey,
  variant,
  children,
  onCancel,
  cancelRef,
}: {
  busyKey: string;
  variant: 'primary' | 'secondary' | 'danger';
  children: ComponentChildren;
  onCancel: () => void;
  /** For a confirmation that puts the focus on Cancel first. */
  cancelRef?: Ref<HTMLButtonElement>;
}) {
  const store = useStore();
  const busy = store.busy.value;
  return (
    <div class="row">
      <button type="submit" class={variant} aria-disabled={busy !== null}>
        {busy === busyKey ? store.t.value.working : children}
      </button>
      <button type="button" class="quiet" ref={cancelRef} onClick={onCancel}>
        {store.t.value.cancel}
      </button>
    </div>
  );
}
