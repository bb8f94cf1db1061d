import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { MilestoneReport } from '../../../shared/model.ts';
import { parseAmountText } from '../../../shared/amounts.ts';
import { toMajor } from '../../../shared/money.ts';
import { FormActions } from './action-button.tsx';
import { useStore } from './context.ts';
import { AmountField, NoteField } from './form-fields.tsx';

/** The select's value for a method typed by hand: methods are trimmed, so none is this. */
const OTHER = ' other';

/**
 * Amount, date, method and note → one new Payments row (the server writes it). The amount
 * is typed the way the ledger's locale writes numbers (`1.234,56` in it_IT) and read with
 * the core's parser; the server checks it again.
 */
export function RecordPaymentForm({
  milestone: m,
  onDone,
}: {
  milestone: MilestoneReport;
  onDone: () => void;
}) {
  const store = useStore();
  const t = store.t.value;
  const f = store.format.value;
  const view = store.view.value;
  const id = useId();
  const first = useRef<HTMLInputElement>(null);
  const [amount, setAmount] = useState(() => f.amountInput(m.outstanding, m.currency));
  const [date, setDate] = useState(view?.today ?? '');
  const [method, setMethod] = useState('');
  const [otherMethod, setOtherMethod] = useState('');
  const [note, setNote] = useState('');
  const [invalid, setInvalid] = useState(false);
  // The usual ways to pay, then the ones this ledger already uses, then Other (typed).
  const known = new Set(t.methods.map((name) => name.toLowerCase()));
  const used = [...new Set((view?.payments ?? []).map((p) => p.method.trim()).filter((s) => s !== ''))]
    .filter((name) => !known.has(name.toLowerCase()))
    .sort();
  const methods = [...t.methods, ...used];
  const busyKey = `recordPayment:${m.id}`;

  const other = useRef<HTMLInputElement>(null);

  useEffect(() => first.current?.focus(), []);
  useEffect(() => {
    if (method === OTHER) other.current?.focus();
  }, [method]);

  const submit = async (event: Event) => {
    event.preventDefault();
    // The core's reader in the milestone's currency: no letter dropped, no unsafe amount.
    // Read in the locale the field was prefilled and its example written in.
    const read = parseAmountText(amount.trim(), m.currency, f.tag);
    if (!read.ok || read.value <= 0) {
      setInvalid(true);
      first.current?.focus();
      return;
    }
    setInvalid(false);
    const done = await store.recordPayment({
      milestone: m.id,
      amount: toMajor(read.value, m.currency),
      date,
      method: (method === OTHER ? otherMethod : method).trim(),
      note: note.trim(),
    });
    if (done !== null) onDone();
  };

  return (
    <form class="panel form" onSubmit={(e) => void submit(e)} aria-label={`${t.recordPayment} · ${m.id}`}>
      <AmountField
        id={id}
        currency={m.currency}
        value={amount}
        onInput={setAmount}
        invalid={invalid}
        hint={t.amountHint}
        inputRef={first}
        required
      />
      <label for={`${id}-date`}>{t.date}</label>
      <input
        id={`${id}-date`}
        name="date"
        type="date"
        value={date}
        onInput={(e) => setDate(e.currentTarget.value)}
        required
      />
      <label for={`${id}-method`}>{t.method}</label>
      <select
        id={`${id}-method`}
        name="method"
        value={method}
        onChange={(e) => setMethod(e.currentTarget.value)}
      >
        <option value="">{t.methodNone}</option>
        {methods.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
        <option value={OTHER}>{t.methodOther}</option>
      </select>
      {method === OTHER ? (
        <>
          <label for={`${id}-other`}>{t.methodOtherLabel}</label>
          <input
            ref={other}
            id={`${id}-other`}
            name="otherMethod"
            value={otherMethod}
            maxLength={200}
            onInput={(e) => setOtherMethod(e.currentTarget.value)}
          />
        </>
      ) : null}
      <NoteField id={id} value={note} onInput={setNote} />
      <FormActions busyKey={busyKey} variant="primary" onCancel={onDone}>
        {t.save}
      </FormActions>
    </form>
  );
}
