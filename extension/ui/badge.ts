/**
 * The toolbar badge: today's work (messages to send, drafts to confirm, promises to check:
 * the core's `todayWork`, the count the popup, the CLI and the sidebar give), in the colours
 * of the most urgent stage; `!` in red when the last sync failed; empty before a ledger is
 * chosen. The tooltip says the same in words ("Payladder: 9 messages to send").
 */
import type { Stage } from '../../shared/stages.ts';
import type { SyncStatus } from '../sync/items.ts';
import type { BadgePainter } from '../sync/service-context.ts';
import type { PopupView } from '../sync/view.ts';
import { errorText } from './display-text.ts';
import type { Lang } from './i18n.ts';
import { STRINGS, resolveLang } from './i18n.ts';
import { stageLook } from '../../shared/stage-look.ts';

/** The badge's colour for an error (`!`) or a ledger not chosen yet: not a stage's. */
export const ERROR_COLOR = '#c5221f';

export interface Badge {
  text: string;
  /** The fill. */
  color: string;
  /** The count's colour on it: the stage's text colour (white on the error red). */
  textColor: string;
  title: string;
}

export interface BadgeApi {
  setBadgeText(details: { text: string }): Promise<void> | void;
  setBadgeBackgroundColor(details: { color: string }): Promise<void> | void;
  /** Chrome 110+ and Firefox; older Chrome picks black or white itself. */
  setBadgeTextColor?(details: { color: string }): Promise<void> | void;
  setTitle(details: { title: string }): Promise<void> | void;
}

export function badgeFor(view: PopupView | null, status: SyncStatus, lang: Lang, now: number): Badge {
  const s = STRINGS[lang];
  if (status.error) {
    if (status.error.code === 'not_configured') return { text: '', ...ERROR, title: s.badgeSetup };
    const { title } = errorText(status.error, lang, now, status.nextRetryAt);
    return { text: '!', ...ERROR, title: s.badgeError(title) };
  }
  if (!view) return { text: '', ...ERROR, title: s.badgeSetup };
  const { count, worst, headline } = view.work;
  return {
    // Four characters is all the badge shows.
    text: count === 0 ? '' : count > 999 ? '999+' : String(count),
    ...stageColors(worst ?? 'current'),
    title: s.badgeWork(headline[lang]),
  };
}

// White on the error red: 5.8:1.
const ERROR = { color: ERROR_COLOR, textColor: '#ffffff' };

/** A stage's own fill and text colour, as on its chips (shared/stage-look.ts). */
function stageColors(stage: Stage): Pick<Badge, 'color' | 'textColor'> {
  return { color: stageLook[stage].color, textColor: stageLook[stage].text };
}

export async function applyBadge(api: BadgeApi, badge: Badge): Promise<void> {
  await Promise.all([
    api.setBadgeText({ text: badge.text }),
    api.setBadgeBackgroundColor({ color: badge.color }),
    api.setBadgeTextColor?.({ color: badge.textColor }),
    api.setTitle({ title: badge.title }),
  ]);
}

/**
 * The background's badge painter on `api` (`browser.action`): `language: 'auto'` follows
 * `browserLanguage` (`navigator.language`).
 */
export function toolbarBadge(api: BadgeApi, browserLanguage: () => string = () => 'en'): BadgePainter {
  return (view, status, language, now) =>
    applyBadge(api, badgeFor(view, status, resolveLang(language, browserLanguage()), now));
}
