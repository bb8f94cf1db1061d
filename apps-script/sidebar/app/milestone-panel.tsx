import type { MilestoneReport } from '../../../shared/model.ts';
import { DisputeConfirm } from './dispute-confirm.tsx';
import { PaymentPlanForm } from './payment-plan-form.tsx';
import { PromiseForm } from './promise-form.tsx';
import { RecordPaymentForm } from './record-payment-form.tsx';
import { WriteOffConfirm } from './write-off-confirm.tsx';

/** The form or confirmation an action opens under its card; one at a time. */
export type Panel = 'payment' | 'promise' | 'dispute' | 'plan' | 'writeOff';

export function MilestonePanel({
  milestone: m,
  panel,
  onDone,
}: {
  milestone: MilestoneReport;
  panel: Panel | null;
  onDone: () => void;
}) {
  switch (panel) {
    case 'payment':
      return <RecordPaymentForm milestone={m} onDone={onDone} />;
    case 'promise':
      return <PromiseForm milestone={m} onDone={onDone} />;
    case 'dispute':
      return <DisputeConfirm milestone={m} onDone={onDone} />;
    case 'plan':
      return <PaymentPlanForm target={{ milestone: m.id }} title={m.id} onDone={onDone} />;
    case 'writeOff':
      return <WriteOffConfirm milestone={m} onDone={onDone} />;
    case null:
      return null;
  }
}
