/**
 * Exponential backoff with jitter. Jitter keeps many browsers that failed together (a
 * Google outage) from retrying together: the delay is drawn at random from its window
 * ("Exponential Backoff And Jitter", AWS Architecture Blog, 2015).
 */

export interface Backoff {
  /** Delay before the first retry's window doubles, ms. */
  readonly baseMs: number;
  /** No window grows beyond this, ms. */
  readonly capMs: number;
  /**
   * The part of the window that is always waited: 0 = "full jitter" (anywhere in
   * [0, window]), 0.5 = "equal jitter" (in [window/2, window]).
   */
  readonly floor: number;
}

/** Retries inside one request: short, full jitter (Google's guidance for 429 and 5xx). */
export const REQUEST_BACKOFF: Backoff = { baseMs: 1_000, capMs: 8_000, floor: 0 };

/**
 * The next sync after a failed one: minutes, equal jitter so a retry never comes at once.
 * Capped by the sync interval by the caller; `chrome.alarms` fires no sooner than 30 s.
 */
export const SYNC_BACKOFF: Backoff = { baseMs: 60_000, capMs: 60 * 60_000, floor: 0.5 };

/** The delay before retry number `attempt` (0 = the first retry), ms. */
export function backoffDelay(attempt: number, policy: Backoff, random: () => number): number {
  const window = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt));
  return Math.round(window * policy.floor + random() * window * (1 - policy.floor));
}

/** Retry-After as ms: either delay-seconds or an HTTP date (RFC 9110 §10.2.3); null when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | null {
  if (header === null || header.trim() === '') return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
