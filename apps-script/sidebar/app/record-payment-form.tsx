import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { MilestoneReport } from '../../../shared/model.ts';
import { parseAmountText } from '../../../shared/amounts.ts';
import { toMajor } from '../../../shared/money.ts';
import { useStore } from './context.ts';

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
  const [note, setNote] = useState('');
  const [invalid, setInvalid] = useState(false);
  const example = f.amountInput(123456, m.currency);
  const methods = [...new Set((view?.payments ?? []).map((p) => p.method).filter((s) => s !== ''))].sort();
  const busyKey = `recordPayment:${m.id}`;

  useEffect(() => first.current?.focus(), []);

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
      method: method.trim(),
      note: note.trim(),
    });
    if (done !== null) onDone();
  };

  return (
    <form class="panel form" onSubmit={(e) => void submit(e)} aria-label={`${t.recordPayment} · ${m.id}`}>
      <label for={`${id}-amount`}>
        {t.amount} ({m.currency})
      </label>
      <input
        ref={first}
        id={`${id}-amount`}
        name="amount"
        inputMode="decimal"
        autoComplete="off"
        value={amount}
        aria-invalid={invalid}
        aria-describedby={`${id}-amount-hint`}
        onInput={(e) => setAmount(e.currentTarget.value)}
        required
      />
      <p id={`${id}-amount-hint`} class={invalid ? 'field-error' : 'muted small'}>
        {invalid ? t.amountInvalid(example) : t.amountHint(example)}
      </p>
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
      <input
        id={`${id}-method`}
        name="method"
        list={`${id}-methods`}
        value={method}
        maxLength={200}
        onInput={(e) => setMethod(e.currentTarget.value)}
      />
      <datalist id={`${id}-methods`}>
        {methods.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <label for={`${id}-note`}>{t.note}</label>
      <input
        id={`${id}-note`}
        name="note"
        value={note}
        maxLength={2000}
        onInput={(e) => setNote(e.currentTarget.value)}
      />
      <div class="row">
        <button type="submit" class="primary" aria-disabled={store.busy.value !== null}>
          {store.busy.value === busyKey ? t.working : t.save}
        </button>
        <button type="button" class="quiet" onClick={onDone}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
