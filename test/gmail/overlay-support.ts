/**
 * For the overlay's happy-dom tests: a saved page loaded into the test's own document at
 * its URL, and a background in the same process: the real message router (so every
 * request the overlay sends passes the background's schemas) in front of the real ledger
 * functions (`sync/ledger-queries.ts`, as the background calls them) on a parsed ledger. Replies go through a
 * JSON round trip, as runtime messages do.
 */
import { inShadows } from '../support/closed-shadow.ts';
import type { IsoDate, RawLedger } from '../../shared/index.ts';
import { parseLedger } from '../../shared/index.ts';
import { overdueMilestone, rawLedger as buildLedger, STORY_CLIENT } from '../shared/builder.ts';
import { createLedgerClient, type LedgerClient } from '../../extension/gmail/ledger-client.ts';
import { type Overlay, startOverlay } from '../../extension/gmail/observer.ts';
import { SURFACES } from '../../extension/gmail/registry.ts';
import type { Cleanup } from '../../extension/gmail/surface.ts';
import type { Envelope, ReminderRequest } from '../../extension/messages.ts';
import { createMessenger } from '../../extension/messages.ts';
import type { LogReminderResult } from '../../extension/messages.ts';
import { clientList, lookup, renderMessages } from '../../extension/sync/ledger-queries.ts';
import { makeLedgerState } from '../../extension/sync/ledger-state.ts';
import { createMessageRouter } from '../../extension/sync/message-router.ts';
import type { SyncService } from '../../extension/sync/sync-service.ts';
import { createReplyActions } from '../../extension/sync/reply-actions.ts';
import { DEFAULT_PREFERENCES } from '../../extension/sync/defaults.ts';
import { memorySheet } from '../extension/memory-sheet.ts';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';

export interface FakeBackground {
  readonly ledger: LedgerClient;
  /** The runtime-message transport itself: envelope in, reply out (for a page in a real browser). */
  readonly transport: (envelope: Envelope) => Promise<unknown>;
  /** Every message the overlay sent, in order. */
  readonly requests: { type: string; data: unknown }[];
  /** Every reminder accepted for logging (one per distinct key). */
  readonly logged: ReminderRequest[];
  /** Rows appended by the reply actions (Promises, Payments), as the Sheets API received them. */
  readonly appended: { tab: string; row: unknown[] }[];
  /** Cells set by Mark disputed, as the Sheets API received them. */
  readonly set: { range: string; value: string }[];
  /** Makes the next answers fail (`internal`), as when the extension was reloaded. */
  failing: boolean;
  /** Time spent answering (ms): the background's share, for the benchmark. */
  readonly busyMs: number;
}

export function fakeBackground(raw: RawLedger, today: IsoDate, now: () => number = () => 0): FakeBackground {
  const parsed = parseLedger(raw, { locale: 'en_GB', timeZone: 'Europe/Rome' });
  const state = makeLedgerState({
    source: 'sheet',
    spreadsheetId: 'sheet',
    syncedAt: 0,
    title: 'Ledger',
    locale: parsed.ledger.settings.locale,
    timeZone: parsed.ledger.settings.timeZone,
    reminders: null,
    fingerprint: 'fixture',
    ledger: parsed.ledger,
    problems: parsed.problems,
  });
  const keys = new Set<string>();
  const logged: ReminderRequest[] = [];
  // The background's own work, timed where it runs (synchronously inside each answer), so a
  // benchmark can tell it from the content script's.
  let busy = 0;
  let depth = 0;
  const timed = <T>(work: () => T): T => {
    const started = performance.now();
    depth += 1;
    try {
      return work();
    } finally {
      depth -= 1;
      if (depth === 0) busy += performance.now() - started;
    }
  };
  const appended: FakeBackground['appended'] = [];
  const sheet = memorySheet(raw as Record<string, unknown[][]>);
  const service: Partial<SyncService> = {
    replies: createReplyActions({
      ledgerState: async () => state,
      preferences: async () => ({ ...DEFAULT_PREFERENCES, spreadsheetId: 'sheet' }),
      matches: () => true,
      today: () => today,
      refresh: async () => undefined,
      sheets: {
        ...sheet,
        batchGet: async (_id, tabs) => Object.fromEntries(tabs.map((t) => [t, raw[t] ?? []])),
        append: async (_id, tab, row) => {
          appended.push({ tab, row: [...row] });
          return { updatedRange: null, row: null };
        },
      },
    }),
    ledgerState: async () => state,
    lookup: async (request) => timed(() => lookup(state, request, today)),
    clientList: async () => timed(() => clientList(state)),
    renderMessages: async (request) => timed(() => renderMessages(state, request, today)),
    logReminder: async (request): Promise<LogReminderResult> => {
      const key = request.key ?? JSON.stringify(request);
      if (keys.has(key)) return { status: 'duplicate', key, pending: 0, error: null };
      keys.add(key);
      logged.push(request);
      return { status: 'logged', key, pending: 0, error: null };
    },
  };
  const route = createMessageRouter(service as SyncService, {
    extensionId: EXTENSION_ID,
    extensionOrigin: `chrome-extension://${EXTENSION_ID}/`,
  });
  const fake: FakeBackground = {
    ledger: undefined as unknown as LedgerClient,
    transport: undefined as unknown as FakeBackground['transport'],
    requests: [],
    appended,
    set: sheet.set,
    logged,
    failing: false,
    get busyMs() {
      return busy;
    },
  };
  const transport = async (envelope: Envelope): Promise<unknown> => {
    fake.requests.push({ type: envelope.type, data: envelope.data });
    if (fake.failing)
      return { ok: false, error: { code: 'internal', message: 'Extension context invalidated.' } };
    // Runtime messages are cloned both ways; the clones count as the background's time.
    const request = timed(() => JSON.parse(JSON.stringify(envelope)) as unknown);
    // The router's own checks (zod) run synchronously in `route`.
    const reply = await timed(() =>
      route(request, { id: EXTENSION_ID, url: 'https://mail.google.com/mail/u/0/#inbox' }),
    );
    return timed(() => JSON.parse(JSON.stringify(reply)) as unknown);
  };
  const messenger = createMessenger(transport);
  (fake as { ledger: LedgerClient }).ledger = createLedgerClient(messenger, now);
  (fake as { transport: FakeBackground['transport'] }).transport = transport;
  return fake;
}

/** Replaces the test document with a saved page, at `url`. */
export function loadPage(html: string, fragment: boolean, url: string): void {
  const text = fragment
    ? `<!doctype html><html><head><title>Gmail</title></head><body>${html}</body></html>`
    : html;
  // happy-dom would try to load iframes' `src`; a saved page's iframes are not read.
  const parsed = new DOMParser().parseFromString(
    text.replace(/<iframe\b/gi, '<iframe srcdoc=""'),
    'text/html',
  );
  const root = document.documentElement;
  for (const name of root.getAttributeNames()) root.removeAttribute(name);
  for (const name of parsed.documentElement.getAttributeNames()) {
    root.setAttribute(name, parsed.documentElement.getAttribute(name) ?? '');
  }
  root.replaceChildren(...Array.from(parsed.documentElement.childNodes).map((n) => document.adoptNode(n)));
  setUrl(url);
}

export function setUrl(url: string): void {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
}

/** A cleanup context that runs timers for real and can be invalidated. */
export function testCleanup(): Cleanup & { invalidate(): void } {
  const callbacks: (() => void)[] = [];
  let valid = true;
  return {
    get isValid() {
      return valid;
    },
    onInvalidated(callback) {
      callbacks.push(callback);
      return () => callbacks.splice(callbacks.indexOf(callback), 1);
    },
    setTimeout: (handler, timeout) => window.setTimeout(handler, timeout) as unknown as number,
    invalidate() {
      valid = false;
      for (const callback of callbacks.splice(0)) callback();
    },
  };
}

export interface TestOverlay {
  readonly overlay: Overlay;
  readonly cleanup: Cleanup & { invalidate(): void };
  readonly logs: string[];
  /** Runs passes until the page and the answers settle. */
  settle(): Promise<void>;
}

export function startTestOverlay(background: FakeBackground, now: () => number = () => 0): TestOverlay {
  const cleanup = testCleanup();
  const logs: string[] = [];
  // Frames are driven by `settle`, so tests decide when a pass runs.
  const overlay = startOverlay({
    doc: document,
    surfaces: SURFACES,
    ledger: background.ledger,
    cleanup,
    now,
    log: (message) => logs.push(message),
    requestFrame: () => 0,
  });
  return {
    overlay,
    cleanup,
    logs,
    async settle() {
      for (let i = 0; i < 6; i += 1) {
        overlay.tick();
        await flush();
      }
    },
  };
}

/** Lets pending promises (message round trips, Preact effects) run. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 10; i += 1) await new Promise((resolve) => setTimeout(resolve, 0));
}

/** Elements inside Payladder's shadow roots matching `selector`, page order. */
export function inOverlays(tag: string, selector: string): HTMLElement[] {
  // The roots are closed: reached through the test-side record of them.
  return inShadows(document, tag, selector);
}

export interface ClientSpec {
  readonly name: string;
  readonly emails: string;
  readonly language?: 'en' | 'it';
  readonly risk?: string;
  readonly notes?: string;
}

export interface MilestoneSpec {
  readonly id: string;
  readonly client: string;
  readonly amount: number;
  /** Days overdue on `today` (negative: not due yet). */
  readonly late: number;
  readonly status?: string;
  readonly project?: string;
}

/** A small raw ledger (as the Sheets API returns it) for one test's story. */
export function rawLedger(
  today: IsoDate,
  clients: readonly ClientSpec[],
  milestones: readonly MilestoneSpec[],
  payments: readonly (readonly unknown[])[] = [],
): RawLedger {
  return buildLedger({
    clients: clients.map((c) => ({
      ...STORY_CLIENT,
      Client: c.name,
      Emails: c.emails,
      Language: c.language ?? 'en',
      Risk: c.risk ?? '',
      Notes: c.notes ?? '',
    })),
    milestones: milestones.map((m) => ({
      ...overdueMilestone(today, m.id, m.client, m.amount, m.late),
      Project: m.project ?? 'Site',
      Status: m.status ?? '',
    })),
    payments: payments.map(([Date, Milestone, Amount, Method, Note]) => ({
      Date,
      Milestone,
      Amount,
      Method,
      Note,
    })),
    settings: { 'Your name': 'Alex Moreau' },
  });
}

/** Builds a page from markup written by the test (example.com addresses only). */
export function setPage(
  bodyHtml: string,
  url: string,
  options: { title?: string; lang?: string } = {},
): void {
  loadPage(
    `<!doctype html><html lang="${options.lang ?? 'en'}"><head><title>${options.title ?? 'Inbox - me@example.com - Gmail'}</title></head><body>${bodyHtml}</body></html>`,
    false,
    url,
  );
}
