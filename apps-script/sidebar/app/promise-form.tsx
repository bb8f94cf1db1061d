import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { MilestoneReport } from '../../../shared/model.ts';
import { parseAmountText } from '../../../shared/amounts.ts';
import { addDays } from '../../../shared/dates.ts';
import { toMajor } from '../../../shared/money.ts';
import { FormActions } from './action-button.tsx';
import { useStore } from './context.ts';
import { AmountField, NoteField } from './form-fields.tsx';

/**
 * What the client said they would pay, and by when → one new Promises row (Source
 * `sidebar`; the server writes it and checks it again). Chasing pauses until that day; the
 * day after, unpaid, the broken-promise message is due (PRODUCT.md, "Promises"). The amount
 * starts as what is outstanding; left empty it means all of it, as in the sheet.
 */
export function PromiseForm({ milestone: m, onDone }: { milestone: MilestoneReport; onDone: () => void }) {
  const store = useStore();
  const t = store.t.value;
  const f = store.format.value;
  const view = store.view.value;
  const today = view?.today ?? '';
  const id = useId();
  const first = useRef<HTMLInputElement>(null);
  const amountField = useRef<HTMLInputElement>(null);
  const [by, setBy] = useState(today === '' ? '' : addDays(today, 7));
  const [amount, setAmount] = useState(() => f.amountInput(m.outstanding, m.currency));
  const [note, setNote] = useState('');
  const [invalid, setInvalid] = useState(false);
  const busyKey = `logPromise:${m.id}`;

  useEffect(() => first.current?.focus(), []);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (store.busy.value !== null) return;
    const typed = amount.trim();
    let major: number | null = null;
    if (typed !== '') {
      // Read in the locale the field was prefilled and its example written in, as Record payment.
      const read = parseAmountText(typed, m.currency, f.tag);
      if (!read.ok || read.value <= 0) {
        setInvalid(true);
        amountField.current?.focus();
        return;
      }
      major = toMajor(read.value, m.currency);
    }
    setInvalid(false);
    const done = await store.logPromise({ milestone: m.id, by, amount: major, note: note.trim() });
    if (done !== null) onDone();
  };

  return (
    <form class="panel form" onSubmit={(e) => void submit(e)} aria-label={t.promiseFor(m.id)}>
      <label for={`${id}-by`}>{t.promisedByLabel}</label>
      <input
        ref={first}
        id={`${id}-by`}
        name="by"
        type="date"
        value={by}
        min={today}
        onInput={(e) => setBy(e.currentTarget.value)}
        required
      />
      <AmountField
        id={id}
        currency={m.currency}
        value={amount}
        onInput={setAmount}
        invalid={invalid}
        hint={t.promiseAmountHint}
        inputRef={amountField}
      />
      <NoteField id={id} value={note} onInput={setNote} />
      <FormActions busyKey={busyKey} variant="primary" onCancel={onDone}>
        {t.savePromise}
      </FormActions>
    </form>
  );
}
