/** @jsxImportSource ./dom */
/**
 * Inbox badges: a thread list row whose senders include a client who owes money gets a
 * small badge with that client's worst stage.
 *
 * No layout shift: the badge's host is an empty block of height 0 at the top of the sender
 * cell, and the badge is drawn over the cell's right end (as Gmail draws its own hover
 * actions over a row), so rows keep their height and columns their width whether or not
 * a badge is there, and whenever it arrives.
 *
 * Cheap for long lists: a frame re-reads only the rows Gmail's mutations reached (all of
 * them after a navigation or an answer), and only their sender attributes; the background
 * is asked once per list for every sender not known yet (`rowBadges`), and a row is
 * written to only when its badge changes. The rows a frame reads have their senders read
 * together (`rowsSenders`), and a badge is a copy of the one drawn for its look.
 */
import type { RowBadge } from '../messages.ts';
import { stageStyle } from './figures';
import { type OverlayHost, createHost } from './overlay-host';
import { displayedRows, rowsSenders, senderAddress, senderCell } from './read/list-rows';
import type { OverlayStrings } from './strings';
import { BADGE_CSS } from './styles';
import { type OverlayContext, type Surface, baseView } from './surface';

interface RowState {
  /** What the badge shows (client, stage, days late, language, theme); '' for no badge. */
  readonly key: string;
  readonly host: OverlayHost | null;
}

const drawn = new WeakMap<Element, RowState>();
/** The state of every row without a badge (most rows): one object, not one a row. */
const NO_BADGE: RowState = { key: '', host: null };

/**
 * One badge drawn per look (its key), cloned into every row that shows it: a list shows a
 * handful of clients, and a copy costs a third of building the element again. Forgotten
 * whole once it holds more looks than any list shows.
 */
const looks = new Map<string, Element>();
const LOOKS_KEPT = 500;

export const rowBadges: Surface = {
  id: 'row-badges',
  matches: (route) => baseView(route).kind === 'list',
  mount(ctx, root) {
    const rows = displayedRows(root);
    if (rows.length === 0) {
      ctx.missing('listRow');
      return;
    }
    const stale = rows.filter((row) => {
      const state = drawn.get(row);
      return !state || ctx.touched(row) || (state.host !== null && !row.contains(state.host.host));
    });
    if (stale.length === 0) return;
    const me = new Set(ctx.me);
    const unknown: string[] = [];
    // The senders only (readListRow also reads the thread ids: a badge needs none).
    const sendersOf = rowsSenders(stale);
    stale.forEach((row, i) => {
      const senders = sendersOf[i] as Element[];
      let badge: RowBadge | null = null;
      for (const el of senders) {
        const address = senderAddress(el);
        if (address === null || me.has(address)) continue;
        const known = ctx.ledger.badge(address);
        if (known === undefined) unknown.push(address);
        else if (known !== null && badge === null) badge = known;
      }
      apply(ctx, row, senders[0] ?? null, badge);
    });
    if (unknown.length > 0) {
      ctx.ledger.loadBadges(unknown, ctx.me).then(ctx.schedule, () => undefined);
    }
  },
};

function apply(ctx: OverlayContext, row: Element, firstSender: Element | null, badge: RowBadge | null): void {
  const key = badge
    ? `${badge.client}\n${badge.stage}\n${badge.maxDaysOverdue}\n${ctx.lang}\n${ctx.theme}`
    : '';
  const state = drawn.get(row);
  if (state && state.key === key && (state.host === null || row.contains(state.host.host))) return;
  state?.host?.host.remove();
  if (!badge) {
    drawn.set(row, NO_BADGE);
    return;
  }
  const cell = senderCell(row, firstSender);
  const host = createHost(row.ownerDocument, 'payladder-badge', BADGE_CSS, {
    theme: ctx.theme,
    interactive: false,
    bare: true,
  });
  let look = looks.get(key);
  if (!look) {
    if (looks.size >= LOOKS_KEPT) looks.clear();
    looks.set(key, (look = badgeView(badge, ctx.t)));
  }
  host.root.append(look.cloneNode(true));
  cell.prepend(host.host);
  drawn.set(row, { key, host });
}

export function badgeView(badge: RowBadge, t: OverlayStrings): HTMLElement {
  const stage = t.stages[badge.stage];
  return (
    <span
      class="badge"
      role="img"
      aria-label={t.badgeLabel(badge.client, stage)}
      title={`${badge.client} · ${stage}${badge.maxDaysOverdue !== null && badge.maxDaysOverdue >= 1 ? ` · ${t.daysLate(badge.maxDaysOverdue)}` : ''}`}
      style={stageStyle(badge.stage)}
    >
      {t.chips[badge.stage]}
    </span>
  );
}
