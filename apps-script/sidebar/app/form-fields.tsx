import type { Ref } from 'preact';
import { useStore } from './context.ts';

/**
 * An amount typed the way the ledger's locale writes numbers, with the hint under it that
 * turns into the error when the amount cannot be read (Record payment, Log a promise).
 */
export function AmountField({
  id,
  currency,
  value,
  onInput,
  invalid,
  hint,
  inputRef,
  required = false,
}: {
  /** The form's useId(): the field is `${id}-amount`. */
  id: string;
  currency: string;
  value: string;
  onInput: (value: string) => void;
  invalid: boolean;
  /** What is shown under the field when the amount is not wrong, with an example amount. */
  hint: (example: string) => string;
  inputRef: Ref<HTMLInputElement>;
  required?: boolean;
}) {
  const store = useStore();
  const t = store.t.value;
  const example = store.format.value.amountInput(123456, currency);
  return (
    <>
      <label for={`${id}-amount`}>
        {t.amount} ({currency})
      </label>
      <input
        ref={inputRef}
        id={`${id}-amount`}
        name="amount"
        inputMode="decimal"
        autoComplete="off"
        value={value}
        aria-invalid={invalid}
        aria-describedby={`${id}-amount-hint`}
        onInput={(e) => onInput(e.currentTarget.value)}
        required={required}
      />
      <p id={`${id}-amount-hint`} class={invalid ? 'field-error' : 'muted small'}>
        {invalid ? t.amountInvalid(example) : hint(example)}
      </p>
    </>
  );
}

/** A free-text note for the row the form writes. */
export function NoteField({
  id,
  value,
  onInput,
}: {
  id: string;
  value: string;
  onInput: (value: string) => void;
}) {
  const t = useStore().t.value;
  return (
    <>
      <label for={`${id}-note`}>{t.note}</label>
      <input
        id={`${id}-note`}
        name="note"
        value={value}
        maxLength={2000}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
    </>
  );
}
