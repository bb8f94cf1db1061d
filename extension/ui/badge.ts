/**
 * The toolbar badge: today's work (messages to send, drafts to confirm, promises to check:
 * the core's `todayWork`, the count the popup, the CLI and the sidebar give), in the colour
 * of the most urgent; `!` in red when the last sync failed; empty before a ledger is chosen.
 * The tooltip says the same in words ("Payladder: 9 messages to send").
 */
import type { SyncStatus } from '../sync/items.ts';
import type { BadgePainter } from '../sync/service-context.ts';
import type { PopupView } from '../sync/view.ts';
import { errorText } from './display-text.ts';
import type { Lang } from './i18n.ts';
import { STRINGS, resolveLang } from './i18n.ts';
import { ERROR_COLOR, STAGE_COLORS } from './stages.ts';

export interface Badge {
  text: string;
  color: string;
  title: string;
}

export interface BadgeApi {
  setBadgeText(details: { text: string }): Promise<void> | void;
  setBadgeBackgroundColor(details: { color: string }): Promise<void> | void;
  setTitle(details: { title: string }): Promise<void> | void;
}

export function badgeFor(view: PopupView | null, status: SyncStatus, lang: Lang, now: number): Badge {
  const s = STRINGS[lang];
  if (status.error) {
    if (status.error.code === 'not_configured') return { text: '', color: ERROR_COLOR, title: s.badgeSetup };
    const { title } = errorText(status.error, lang, now, status.nextRetryAt);
    return { text: '!', color: ERROR_COLOR, title: s.badgeError(title) };
  }
  if (!view) return { text: '', color: ERROR_COLOR, title: s.badgeSetup };
  const { count, worst, headline } = view.work;
  return {
    // Four characters is all the badge shows.
    text: count === 0 ? '' : count > 999 ? '999+' : String(count),
    color: STAGE_COLORS[worst ?? 'current'],
    title: s.badgeWork(headline[lang]),
  };
}

export async function applyBadge(api: BadgeApi, badge: Badge): Promise<void> {
  await Promise.all([
    api.setBadgeText({ text: badge.text }),
    api.setBadgeBackgroundColor({ color: badge.color }),
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
