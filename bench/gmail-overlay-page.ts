/**
 * The page side of bench/gmail-overlay.ts, bundled and run in Chromium on a page served at
 * `https://mail.google.com`: the real surfaces and scheduler draw into Chromium's DOM, and
 * every message goes to the Node process (`payladderAnswer`, a Playwright binding), whose
 * background answers from a 10,000-client ledger and times itself.
 *
 * Frames are run by the harness (the scheduler's `requestFrame` queues them; the harness
 * runs them in the browser's next animation frame, as Gmail's would), and replies
 * are handed to the overlay by the harness once they arrived, so each figure is exactly the
 * content script's work: the frames a change triggers plus what the answers draw, timed
 * with `performance.now()` around synchronous work and its microtasks; the waiting for
 * the background is not counted (its own time is measured in Node).
 *
 * As in Gmail, time passes (the overlay's clock moves 15 s a view), the browser draws each
 * view after the overlay's frames, and the timers the overlay sets run: their work is
 * timed as spans of the navigation in progress.
 *
 * Each timed span is also marked (`payladder-span-start` / `-end`, and `payladder-block`
 * where a figure's spans begin): bench/gmail-overlay.ts records the marks in a Chromium
 * trace, whose timestamps carry the main thread's CPU time as well as the wall clock. The
 * page's own `performance.now()` is coarsened to 0.1 ms, and counts the time the operating
 * system gave the core to other processes while the overlay was running.
 */
import { createLedgerClient } from '../extension/gmail/ledger-client.ts';
import { startOverlay } from '../extension/gmail/observer.ts';
import { SURFACES } from '../extension/gmail/registry.ts';
import type { Cleanup } from '../extension/gmail/surface.ts';
import type { Envelope } from '../extension/messages.ts';
import { createMessenger } from '../extension/messages.ts';

declare global {
  interface Window {
    payladderAnswer(envelope: string): Promise<unknown>;
    payladderBench: typeof bench;
  }
}

/** The figures of `PageFigures` that are timed spans (the trace's marks are grouped by them). */
export type TimedFigure =
  | 'listNavigation'
  | 'threadNavigation'
  | 'listFirst'
  | 'threadFirst'
  | 'mutationBatch'
  | 'idleFrame'
  | 'control';

export interface PageFigures {
  /** Per navigation, answers already known (the content script's whole work), ms. */
  listNavigation: number[];
  threadNavigation: number[];
  /** Per navigation the first time (the frame, then drawing once the answer came), ms, waiting excluded. */
  listFirst: number[];
  threadFirst: number[];
  mutationBatch: number[];
  idleFrame: number[];
  /** The timing itself with no overlay work (a microtask and 20 more), per navigation: the machine's noise floor, ms. */
  control: number[];

  badges: number;
  chips: number;
  fetches: number;
  messages: number;
  /** The figure each `payladder-block` mark began, in order (null: a visit not counted). */
  blocks: (TimedFigure | null)[];
}

const frames: (() => void)[] = [];
let fetches = 0;
/**
 * The overlay's clock: a user spends this long on each view, so what the overlay does at
 * most every so often (Gmail's theme is read again at most every 10 s) happens as often
 * as for them. The ledger client's clock stays at 0: a visit again finds its answers kept.
 */
const VIEW_MS = 15_000;
let clock = 0;

// Counted, not blocked: the content script must never call these.
const realFetch = window.fetch.bind(window);
window.fetch = (...args: Parameters<typeof fetch>) => {
  fetches += 1;
  return realFetch(...args);
};
const realOpen = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (this: XMLHttpRequest, ...args: unknown[]) {
  fetches += 1;
  return (realOpen as (...a: unknown[]) => void).apply(this, args);
} as typeof realOpen;

// The overlay's timers are its work too: each run is a span of the navigation in progress.
const cleanup: Cleanup = {
  isValid: true,
  onInvalidated: () => () => undefined,
  setTimeout: (handler, timeout) =>
    window.setTimeout(() => {
      spanStart();
      handler();
      spanEnd();
    }, timeout),
};
/** Replies that arrived, waiting for the harness to hand them over (timed). */
const replies: (() => void)[] = [];
let inFlight = 0;
const ledger = createLedgerClient(
  createMessenger(
    (envelope: Envelope) =>
      new Promise((resolve) => {
        inFlight += 1;
        void window.payladderAnswer(JSON.stringify(envelope)).then((reply) =>
          replies.push(() => {
            inFlight -= 1;
            resolve(reply);
          }),
        );
      }),
  ),
  () => 0,
);
const overlay = startOverlay({
  doc: document,
  surfaces: SURFACES,
  ledger,
  cleanup,
  now: () => clock,
  log: () => undefined,
  requestFrame: (callback) => frames.push(callback),
});

const blocks: (TimedFigure | null)[] = [];
/** The spans that follow, up to the next block, make one entry of `figure` (null: none). */
function block(figure: TimedFigure | null): void {
  blocks.push(figure);
  performance.mark('payladder-block');
}
// The marks lie outside the `performance.now()` readings they bracket.
const spanStart = () => performance.mark('payladder-span-start');
const spanEnd = () => performance.mark('payladder-span-end');

/** Runs `work` and the microtasks it starts; answers the time taken, ms. */
async function timed(work: () => void): Promise<number> {
  spanStart();
  const started = performance.now();
  work();
  for (let i = 0; i < 20; i += 1) await Promise.resolve();
  const spent = performance.now() - started;
  spanEnd();
  return spent;
}

/**
 * The frames the overlay asked for, run in one of the browser's animation frames as
 * `requestAnimationFrame` runs them in Gmail: the browser draws after them, and a timer
 * they set runs once the frame is drawn.
 */
const runFrames = () =>
  new Promise<number>((resolve) =>
    requestAnimationFrame(() => void timed(() => frames.splice(0).forEach((frame) => frame())).then(resolve)),
  );
const deliver = () => timed(() => replies.splice(0).forEach((reply) => reply()));

/** Lets the MutationObserver's callback (a microtask) queue its frame. */
const observed = () => new Promise<void>((resolve) => queueMicrotask(resolve));
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
/** A frame drawn by the browser (style, layout, paint), then a task: as after Gmail's own frame. */
const rendered = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

function listMain(clients: number, rows: number, offset: number): string {
  return `<table role="grid"><tbody>${Array.from({ length: rows }, (_, i) => {
    const client = (i * 97 + offset) % clients;
    const sender = i % 4 === 0 ? `accounts@client${client}.example.com` : `person${i % 37}@example.org`;
    return `<tr class="zA" role="row"><td class="yX" role="gridcell"><div class="yW"><span email="${sender}" name="Sender ${i}">Sender ${i}</span>, <span email="me@example.com" name="me">me</span></div></td><td role="gridcell"><span data-legacy-thread-id="${(i + offset).toString(16).padStart(16, '0')}">Subject ${i}</span></td><td role="gridcell"><span>30 Nov</span></td></tr>`;
  }).join('')}</tbody></table>`;
}

function threadMain(client: number): string {
  const messages = Array.from(
    { length: 12 },
    (_, i) =>
      `<div data-legacy-message-id="m${i}"><h3><span class="gD" email="${i % 2 ? 'me@example.com' : `accounts@client${client}.example.com`}" name="P">P</span></h3><span class="g2" email="colleague${i % 3}@client${client}.example.com">c</span><div class="a3s">Message ${i} text</div></div>`,
  ).join('');
  return `<div class="a98 iY"><div class="ha"><h2 class="hP" data-legacy-thread-id="${client.toString(16).padStart(16, '0')}">Invoice ${client}</h2></div>${messages}<div class="amn"><span class="ams bkH" role="link">Reply</span></div></div>`;
}

const bench = {
  async run(options: {
    clients: number;
    rows: number;
    navigations: number;
    batches: number;
  }): Promise<PageFigures> {
    const main = document.querySelector('[role=main]') as HTMLElement;
    const figures: PageFigures = {
      listNavigation: [],
      threadNavigation: [],
      listFirst: [],
      threadFirst: [],
      mutationBatch: [],
      idleFrame: [],
      control: [],
      badges: 0,
      chips: 0,
      fetches: 0,
      messages: 0,
      blocks: [],
    };

    /** Gmail draws a view afresh and changes the URL (not timed); then the overlay's work (timed). */
    const navigate = async (
      kind: 'list' | 'thread',
      n: number,
      figure: TimedFigure | null,
    ): Promise<number> => {
      block(figure);
      clock += VIEW_MS;
      const template = document.createElement('template');
      template.innerHTML =
        kind === 'list'
          ? listMain(options.clients, options.rows, n % 2)
          : threadMain((n * 31) % options.clients);
      main.replaceChildren(template.content);
      history.replaceState(
        null,
        '',
        kind === 'list' ? '#inbox' : `#inbox/FMfcgzQbfxGmNqTlRZcvtpx${String(n).padStart(9, 'x')}`,
      );
      // Timed from here: the MutationObserver's callback (a microtask) is the overlay's work too.
      spanStart();
      const started = performance.now();
      await observed();
      let spent = performance.now() - started;
      spanEnd();
      spent += await runFrames();
      // The first time, answers come from the background: waited for (not timed), drawn (timed).
      for (let guard = 0; (inFlight > 0 || frames.length > 0) && guard < 1000; guard += 1) {
        if (replies.length > 0) spent += await deliver();
        else if (frames.length > 0) spent += await runFrames();
        else await nextTask();
      }
      // The browser draws the view, then runs the timers the overlay set (not timed, but
      // the timers' spans count: the trace's figures include them).
      await rendered();
      return spent;
    };

    for (let n = 0; n < options.navigations; n += 1) {
      const kind = n % 2 === 0 ? 'list' : 'thread';
      const counted = n >= 2;
      const firstFigure = kind === 'list' ? 'listFirst' : 'threadFirst';
      const first = await navigate(kind, n, counted ? firstFigure : null);
      if (counted) figures[firstFigure].push(first);
      // Back to the same view: Gmail draws it afresh, the answers are known.
      const againFigure = kind === 'list' ? 'listNavigation' : 'threadNavigation';
      const again = await navigate(kind, n, counted ? againFigure : null);
      if (counted) figures[againFigure].push(again);
      // The same timing around no work at all: what the timing itself adds.
      block(counted ? 'control' : null);
      spanStart();
      const started = performance.now();
      await observed();
      const spent = performance.now() - started;
      spanEnd();
      if (counted) figures.control.push(spent + (await timed(() => undefined)));
      if (kind === 'thread')
        figures.chips = Math.max(figures.chips, document.querySelectorAll('payladder-chip').length);
    }

    await navigate('list', 0, null);
    figures.badges = document.querySelectorAll('payladder-badge').length;
    const rows = Array.from(document.querySelectorAll('tr.zA'));
    for (let i = 0; i < options.batches; i += 1) {
      // Gmail updates one row (its time, a read mark).
      const row = rows[(i * 7) % rows.length] as Element;
      row.querySelector('td:last-child span')?.replaceChildren(document.createTextNode(`${i % 24}:00`));
      await observed();
      block('mutationBatch');
      figures.mutationBatch.push(await runFrames());
      block('idleFrame');
      spanStart();
      const started = performance.now();
      overlay.tick();
      figures.idleFrame.push(performance.now() - started);
      spanEnd();
    }
    figures.fetches = fetches;
    figures.messages = ledger.sent;
    figures.blocks = blocks;
    return figures;
  },
};

window.payladderBench = bench;
