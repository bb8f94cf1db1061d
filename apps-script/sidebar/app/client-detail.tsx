import { useState } from 'preact/hooks';
import type { ChangeOrder, Client, ClientReport, MilestoneReport } from '../../../shared/model.ts';
import { Fact } from '../ui/fact.tsx';
import { StageChip } from '../ui/stage-chip.tsx';
import { ActionButton } from './action-button.tsx';
import { useStore } from './context.ts';
import { DraftButton } from './draft-button.tsx';
import { MilestoneCard } from './milestone-card.tsx';
import { PackDownload } from './pack-download.tsx';
import { PaymentPlanForm } from './payment-plan-form.tsx';
import { Timeline } from './timeline.tsx';

/** One client: who they are, how they pay, what is signed, every milestone, and the history. */
export function ClientDetail({ name }: { name: string }) {
  const store = useStore();
  const t = store.t.value;
  const client = store.clientByName.value.get(name);
  const report = store.clientReportByName.value.get(name);
  const back = (
    <button type="button" class="link" onClick={() => store.go({ name: 'clients' })}>
      ← {t.backToClients}
    </button>
  );
  if (!client || !report) {
    return (
      <>
        {back}
        <h2 tabIndex={-1}>{name}</h2>
        <p class="muted">{t.clientNotFound}</p>
      </>
    );
  }
  const milestones = report.milestones
    .map((id) => store.milestoneById.value.get(id))
    .filter((m): m is MilestoneReport => m !== undefined);
  return (
    <article class="client" data-client={client.client}>
      {back}
      <h2 tabIndex={-1}>{client.client}</h2>
      {report.worstStage ? <StageChip stage={report.worstStage} label={t.stages[report.worstStage]} /> : null}
      <ClientActions client={client} report={report} />
      <Contact client={client} />
      <Behaviour report={report} />
      <Contract client={client} />
      <section aria-labelledby="milestones-heading">
        <h3 id="milestones-heading">{t.milestones}</h3>
        <ul class="plain">
          {milestones.map((m) => (
            <li key={m.id}>
              <MilestoneCard milestone={m} />
            </li>
          ))}
        </ul>
      </section>
      <Timeline client={client.client} milestones={milestones} />
    </article>
  );
}

function ClientActions({ client, report }: { client: Client; report: ClientReport }) {
  const store = useStore();
  const t = store.t.value;
  const [planning, setPlanning] = useState(false);
  const owes = Object.values(report.outstanding).some((minor) => minor > 0);
  return (
    <section aria-labelledby="client-actions-heading" class="client-actions">
      <h3 id="client-actions-heading" class="visually-hidden">
        {t.clientActions}
      </h3>
      <div class="row">
        {owes ? <DraftButton client={client.client} /> : null}
        {owes ? (
          <button
            type="button"
            class="secondary"
            aria-expanded={planning}
            onClick={() => setPlanning(!planning)}
          >
            {t.planAll}
          </button>
        ) : null}
        <ActionButton
          busyKey={`exportPack:${client.client}`}
          onClick={() => void store.exportPack(client.client)}
        >
          {t.exportPack}
        </ActionButton>
      </div>
      {planning ? (
        <PaymentPlanForm
          target={{ client: client.client }}
          title={client.client}
          onDone={() => setPlanning(false)}
        />
      ) : null}
      <PackDownload client={client.client} />
    </section>
  );
}

function Contact({ client }: { client: Client }) {
  const store = useStore();
  const t = store.t.value;
  return (
    <section aria-labelledby="contact-heading">
      <h3 id="contact-heading">{t.contact}</h3>
      <dl class="facts">
        {client.contact ? <Fact term={t.contactName}>{client.contact}</Fact> : null}
        {client.emails.length > 0 ? (
          <Fact term={t.emails} wide>
            <ul class="plain">
              {client.emails.map((email) => (
                <li key={email} class="wrap">
                  {email}
                </li>
              ))}
            </ul>
          </Fact>
        ) : null}
        <Fact term={t.language}>{client.language.toUpperCase()}</Fact>
        <Fact term={t.jurisdiction}>{`${client.jurisdiction} · ${t.businessKinds[client.business]}`}</Fact>
        <Fact term={t.terms}>{t.days(client.terms)}</Fact>
        <Fact term={t.grace}>{t.days(client.grace)}</Fact>
        <Fact term={t.risk}>
          <span class={`risk risk-${client.risk ?? 'unknown'}`}>
            {client.risk ? t.risks[client.risk] : t.riskUnknown}
          </span>
        </Fact>
      </dl>
      {client.notes ? (
        <>
          <h4>{t.notes}</h4>
          <p class="notes">{client.notes}</p>
        </>
      ) : null}
    </section>
  );
}

function Behaviour({ report }: { report: ClientReport }) {
  const store = useStore();
  const t = store.t.value;
  const f = store.format.value;
  return (
    <section aria-labelledby="behaviour-heading">
      <h3 id="behaviour-heading">{t.behaviour}</h3>
      {report.paidMilestones === 0 || report.avgDaysLate === null || report.onTimeShare === null ? (
        <p class="muted">{t.noBehaviour}</p>
      ) : (
        <>
          <dl class="facts">
            <Fact term={t.avgDaysLate}>{f.number(report.avgDaysLate)}</Fact>
            <Fact term={t.onTimeShare}>{f.percent(report.onTimeShare)}</Fact>
          </dl>
          <p class="muted small">{t.basedOn(report.paidMilestones)}</p>
        </>
      )}
    </section>
  );
}

function Contract({ client }: { client: Client }) {
  const store = useStore();
  const t = store.t.value;
  const f = store.format.value;
  const orders = (store.view.value?.changeOrders ?? []).filter((co) => co.client === client.client);
  return (
    <section aria-labelledby="contract-heading">
      <h3 id="contract-heading">{t.contract}</h3>
      {client.contract === '' ? (
        <p class="warning">{t.noContract}</p>
      ) : client.contractDate ? (
        <p>{t.contractSigned(f.date(client.contractDate))}</p>
      ) : (
        <p>
          {t.contractOnFile}: <ContractLink text={client.contract} />
        </p>
      )}
      <h4>{t.changeOrders}</h4>
      {orders.length === 0 ? <p class="muted small">{t.noChangeOrders}</p> : null}
      <ul class="plain">
        {orders.map((co) => (
          <ChangeOrderItem key={co.id} order={co} currency={client.currency} />
        ))}
      </ul>
    </section>
  );
}

/** The Contract cell is typed by the user: a link only when it is plainly http(s), else text. */
function ContractLink({ text }: { text: string }) {
  if (/^https?:\/\/\S+$/i.test(text)) {
    return (
      <a href={text} target="_blank" rel="noopener noreferrer" class="wrap">
        {text}
      </a>
    );
  }
  return <span class="wrap">{text}</span>;
}

function ChangeOrderItem({ order, currency }: { order: ChangeOrder; currency: string }) {
  const store = useStore();
  const t = store.t.value;
  const f = store.format.value;
  return (
    <li class="line">
      <span class="mono">{order.id}</span> {order.description}
      {order.amount !== null ? ` · ${f.money(order.amount, currency)}` : ''}
      <br />
      <span class="small">
        {order.requested ? `${t.requestedOn(f.date(order.requested))} · ` : ''}
        {order.signed ? t.signedOn(f.date(order.signed)) : <span class="warning-text">{t.notSigned}</span>}
      </span>
    </li>
  );
}
