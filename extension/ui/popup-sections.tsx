/** The popup's sections; each reads the store and renders ledger text as text only. */
import { errorText, formatRelative, shownDate, shownMoney } from './display-text.ts';
import { AgingChart } from './aging-chart.tsx';
import { StageChip } from './stage-chip.tsx';
import type { Store } from './store.ts';
import { useStore } from './store.ts';
import { CLIENTS_PER_STAGE } from '../sync/defaults.ts';
import { splitQueue } from '../sync/queue-split.ts';

/** Older than this many sync intervals, the figures are flagged out of date. */
const STALE_INTERVALS = 2;

export function SyncLine() {
  const store = useStore();
  const t = store.t.value;
  const view = store.view.value;
  const last = store.status.value.lastSuccessAt ?? view?.syncedAt ?? null;
  const age = last === null ? null : store.now.value - last;
  const stale = age !== null && age > STALE_INTERVALS * store.preferences.value.syncMinutes * 60_000;
  return (
    <p class="sync-line" data-testid="sync-line">
      {store.syncing.value ? (
        <span aria-live="polite">{t.syncing}</span>
      ) : last === null ? (
        t.neverSynced
      ) : (
        <>
          <time dateTime={new Date(last).toISOString()}>
            {t.syncedAgo(formatRelative(-(age ?? 0), store.lang.value))}
          </time>
          {view ? ` · ${t.asOf(shownDate(view, store.lang.value, view.today))}` : ''}
          {stale ? (
            <strong class="stale" data-testid="stale">
              {' '}
              · {t.outOfDate}
            </strong>
          ) : null}
        </>
      )}
    </p>
  );
}

/** The error box offers to sign in (so the footer need not). */
export function offersSignIn(store: Store): boolean {
  const code = store.status.value.error?.code;
  return store.canSignIn && (code === 'signed_out' || code === 'auth' || code === 'scope');
}

export function ErrorBox() {
  const store = useStore();
  const error = store.status.value.error;
  if (!error || error.code === 'not_configured') return null;
  const { title, fix } = errorText(error, store.lang.value, store.now.value, store.status.value.nextRetryAt);
  return (
    <section class="error" role="alert" data-testid="error" data-code={error.code}>
      <p class="error-title">{title}</p>
      <p class="error-fix">{fix}</p>
      {offersSignIn(store) ? (
        <button type="button" onClick={() => void store.signIn()} disabled={store.busy.value !== null}>
          {store.busy.value === 'signIn' ? store.t.value.signingIn : store.t.value.signIn}
        </button>
      ) : null}
    </section>
  );
}

/** One compact line per currency: outstanding, overdue, late interest, and the aging as a bar. */
export function Totals() {
  const store = useStore();
  const view = store.view.value;
  const t = store.t.value;
  if (!view) return null;
  const money = (minor: number, currency: string) => shownMoney(view, store.lang.value, minor, currency);
  const currencies = Object.keys(view.totals)
    .filter((c) => (view.totals[c]?.outstanding ?? 0) > 0)
    .sort();
  return (
    <section aria-labelledby="totals-h" data-testid="totals" class="totals">
      <h2 id="totals-h">{t.outstanding}</h2>
      {currencies.length === 0 ? <p>{t.noOutstanding}</p> : null}
      <ul class="currencies">
        {currencies.map((currency) => {
          const totals = view.totals[currency];
          if (!totals) return null;
          return (
            <li class="currency" key={currency} data-currency={currency}>
              <p class="figures">
                <span data-testid={`outstanding-${currency}`}>
                  {t.owed(money(totals.outstanding, currency))}
                </span>
                {' · '}
                <span data-testid={`overdue-${currency}`}>{t.late(money(totals.overdue, currency))}</span>
                {totals.lateInterest > 0
                  ? ` · ${t.lateInterest} ${money(totals.lateInterest, currency)}`
                  : ''}
              </p>
              <AgingChart currency={currency} totals={totals} money={money} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function ClientsByStage() {
  const store = useStore();
  const view = store.view.value;
  const t = store.t.value;
  const lang = store.lang.value;
  if (!view) return null;
  return (
    <section aria-labelledby="stages-h" data-testid="clients-by-stage">
      <h2 id="stages-h">{t.clientsByStage}</h2>
      {view.byStage.map((group) => (
        <div class="stage-group" key={group.stage} data-stage={group.stage}>
          <h3>
            <StageChip stage={group.stage} /> <span class="count">{t.clientsCount(group.count)}</span>
          </h3>
          {group.clients.length > 0 ? (
            <ul class="items">
              {group.clients.map((c) => (
                <li key={c.client}>
                  <span class="who">{c.client}</span>
                  <span class="what">
                    {Object.entries(c.outstanding)
                      .filter(([, v]) => v > 0)
                      .map(([cur, v]) => shownMoney(view, lang, v, cur))
                      .join(' + ')}
                    {' · '}
                    {c.nextAction === null
                      ? t.noNextAction
                      : c.nextAction.on <= view.today
                        ? t.nextActionToday(t.stages[c.nextAction.stage])
                        : t.nextAction(t.stages[c.nextAction.stage], shownDate(view, lang, c.nextAction.on))}
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
          {group.clients.length > 0 && group.count > Math.min(group.clients.length, CLIENTS_PER_STAGE) ? (
            <p class="more">{t.more(group.count - group.clients.length)}</p>
          ) : null}
        </div>
      ))}
    </section>
  );
}

export function Problems() {
  const store = useStore();
  const view = store.view.value;
  const t = store.t.value;
  if (!view) return null;
  const count = view.problems.errors + view.problems.warnings;
  if (count === 0) return null;
  return (
    <section aria-labelledby="problems-h" data-testid="problems">
      <h2 id="problems-h">{t.problems(count)}</h2>
      <ul class="problems">
        {view.problems.first.map((p, i) => {
          // Written at sync time in both UI languages (sync/view.ts): no problem texts here.
          const text = p.text[store.lang.value];
          return (
            <li key={i} data-severity={p.severity}>
              <span class="where">{t.problemWhere(p.tab, p.row === null ? '' : String(p.row))}</span>{' '}
              {text.message} <span class="fix">{text.fix}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function Queue() {
  const store = useStore();
  const t = store.t.value;
  const { current, other } = splitQueue(store.log.value.queue, store.preferences.value);
  if (current.length === 0 && other.length === 0) return null;
  const error = current.find((q) => q.lastError)?.lastError ?? null;
  const detail = error ? errorText(error, store.lang.value, store.now.value, null).title : null;
  const ledgers = [...new Set(other.map((q) => q.spreadsheetId))];
  return (
    <section class="queue" data-testid="queue">
      {current.length > 0 && (
        <p>
          {t.queue(current.length)}
          {detail ? ` — ${detail}` : ''}
        </p>
      )}
      {current.length > 0 && (
        <button type="button" onClick={() => void store.flushQueue()} disabled={store.busy.value !== null}>
          {t.queueRetry}
        </button>
      )}
      {other.length > 0 && (
        <p data-testid="queue-other">
          {t.queueOther(
            other.length,
            ledgers.map((id) => (id === null ? t.demoLedger : id === undefined ? t.unknownLedger : id)),
          )}
        </p>
      )}
      {other.length > 0 && (
        <button
          type="button"
          data-testid="queue-discard"
          onClick={() => {
            if (globalThis.confirm?.(t.queueDiscardConfirm(other.length)) ?? true)
              void store.discardOtherQueued();
          }}
          disabled={store.busy.value !== null}
        >
          {t.queueDiscard}
        </button>
      )}
    </section>
  );
}
