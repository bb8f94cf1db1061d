/**
 * The popup's lead: today's work (issue 12), as the CLI and the sidebar count it. Each row
 * opens the client's latest Gmail conversation (their drafts, for a draft to confirm), and a
 * second button writes them a new message. Everything shown was prepared at sync time
 * (sync/today-view.ts): no formatting and no schema on the way to the first paint.
 */
import type { TodayRow } from '../sync/today-view.ts';
import { composeUrl, conversationUrl } from './gmail-links.ts';
import { stageLook } from '../../shared/stage-look.ts';
import { useStore } from './store.ts';

type Kind = 'messages' | 'drafts' | 'promises';

export function TodayWork() {
  const store = useStore();
  const view = store.view.value;
  const t = store.t.value;
  const lang = store.lang.value;
  if (!view) return null;
  const work = view.work;
  const lists = (['messages', 'drafts', 'promises'] as const).filter((k) => work[k].length > 0);
  return (
    <section aria-labelledby="today-h" data-testid="today" class="today">
      <h2 id="today-h">{work.headline[lang]}</h2>
      {lists.map((kind) => (
        <div key={kind} data-list={kind}>
          {/* One list needs no title: the headline said it. */}
          {lists.length > 1 ? <h3>{t.todayLists[kind]}</h3> : null}
          <ul class="work">
            {work[kind].map((row, i) => (
              <Row key={`${row.client}|${i}`} row={row} kind={kind} />
            ))}
          </ul>
        </div>
      ))}
      {work.more > 0 ? <p class="more">{t.more(work.more)}</p> : null}
    </section>
  );
}

function Row({ row, kind }: { row: TodayRow; kind: Kind }) {
  const store = useStore();
  const t = store.t.value;
  const what = [
    row.label ? row.label[store.lang.value] : t.promiseToCheck,
    row.invoices.join(', '),
    row.amount ? row.amount[store.lang.value] : t.promisedAll,
  ].filter((s) => s !== '');
  const compose = composeUrl(row.to);
  return (
    <li data-stage={row.stage} style={{ borderInlineStartColor: stageLook[row.stage].color }}>
      <button
        type="button"
        class="open"
        title={kind === 'drafts' ? t.openDrafts : t.openConversation}
        onClick={() => store.openUrl(conversationUrl(row.client, row.to, kind === 'drafts'))}
      >
        <span class="who">{row.client}</span>
        <span class="what">{what.join(' · ')}</span>
      </button>
      {compose && kind !== 'drafts' ? (
        <button
          type="button"
          class="compose"
          aria-label={t.writeTo(row.client)}
          title={t.writeTo(row.client)}
          onClick={() => store.openUrl(compose)}
        >
          {t.write}
        </button>
      ) : null}
    </li>
  );
}
