/**
 * The Gmail overlay with a 10,000-client ledger (bench/extension-big-ledger.ts), in
 * Chromium: the real surfaces and scheduler (bundled with the harness in
 * bench/gmail-overlay-page.ts) run on a page served at `https://mail.google.com`, and their
 * messages are answered in this process by the real message router and ledger functions
 * (test/gmail/overlay-support.ts), which time themselves.
 *
 * - overlay work per Gmail navigation, alternating a 100-row list and a 12-message
 *   conversation, each drawn afresh as Gmail does: the frames the navigation triggers plus
 *   drawing the answers, content script only (the wait for the background is not counted;
 *   the background's own time is printed apart); the first visit (the background is asked)
 *   and a visit again (answers known);
 * - each of those both as the renderer main thread's CPU time and as wall-clock time, from
 *   marks the page makes around every timed span, recorded in a Chromium trace (µs, the
 *   thread's CPU clock beside the wall clock; the page's `performance.now()` moves in
 *   0.1 ms steps). Goal 5 is judged by the CPU time, the overlay's work: on a machine whose
 *   cores other processes share, the wall clock's slowest navigations are those during
 *   which the operating system ran something else (on the shared 2-core machine, Dec 2026:
 *   3,000–6,500 involuntary context switches of the renderer in one run, wall-clock spikes of
 *   6–17 ms whose CPU time was 1–2 ms; no layout, and a minor GC in a span at most once a
 *   run), which no change to the overlay can shorten. The wall clock is printed beside it;
 * - cost per mutation batch on the 100-row list with its badges drawn: Gmail changes one
 *   row, the frame that follows runs; and a frame with nothing new;
 * - requests: fetch and XMLHttpRequest calls in the page (goal 0), and messages to the background;
 * - the content script's size: `content-scripts/gmail.js` of a production build.
 *
 * Prints figures; asserts nothing. Goals: ≤ 2 ms per navigation, 0 requests, ≤ 40 KB.
 * Usage: npx tsx bench/gmail-overlay.ts   (or `npm run bench`, which runs every benchmark)
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { todayIn } from '../shared/index.ts';
import type { Envelope } from '../extension/messages.ts';
import type { PageFigures, TimedFigure } from './gmail-overlay-page.ts';
import { type Times, type TraceEvent, spanTimes } from './trace-spans.ts';
import { bigLedger } from './extension-big-ledger.ts';
import { judged } from './goals.ts';

const CLIENTS = 10_000;
const ROWS = 100;
const NAVIGATIONS = 122;
const BATCHES = 200;
const ROOT = join(import.meta.dirname, '..');
/** Visits of each kind left out of the steady-state figure: V8 is still compiling the overlay's code. */
const WARM_UP = 10;
/** Issue 15, goal 5: overlay work per navigation at the 95th percentile, at CLIENTS clients. */
const GOAL_P95_MS = 2;
/**
 * The overlay at commit 20baa85, measured with this script (CPU: the trace-based version of
 * it, run on the old overlay in the same minutes; wall: the quiet machine, before the trace).
 */
const BEFORE_P95 = { cpu: '1.5–1.9 ms', wall: '4.3–5.8 ms' };

const quantile = (xs: readonly number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? NaN;
const ms = (n: number) => `${n.toFixed(2)} ms`;

/**
 * Linux: how many times the operating system took the core from the renderer's main thread
 * (the thread that made the page's marks) since the page opened; null elsewhere.
 */
function preemptions(events: readonly TraceEvent[]): number | null {
  const mark = events.find((e) => e.name === 'payladder-block');
  if (mark?.pid === undefined || mark.tid === undefined) return null;
  try {
    // The ids must name the renderer (Chromium runs unsandboxed here: no PID namespace).
    if (!readFileSync(`/proc/${mark.pid}/cmdline`, 'utf8').includes('--type=renderer')) return null;
    const status = readFileSync(`/proc/${mark.pid}/task/${mark.tid}/status`, 'utf8');
    const switches = /nonvoluntary_ctxt_switches:\s*(\d+)/.exec(status)?.[1];
    return switches === undefined ? null : Number(switches);
  } catch {
    return null;
  }
}

async function harness(): Promise<string> {
  const built = await esbuild.build({
    entryPoints: [join(ROOT, 'bench/gmail-overlay-page.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    minify: true,
    write: false,
    jsx: 'automatic',
    logLevel: 'error',
  });
  return built.outputFiles[0]?.text ?? '';
}

async function contentScriptKb(): Promise<{ minified: number; gzipped: number } | null> {
  try {
    const { buildExtension } = await import('../test/extension/e2e-support.ts');
    // The build a user installs: production, whatever NODE_ENV the caller runs under.
    const dir = await buildExtension({ NODE_ENV: 'production' });
    const file = join(dir, 'content-scripts/gmail.js');
    return { minified: statSync(file).size / 1024, gzipped: gzipSync(readFileSync(file)).length / 1024 };
  } catch (error) {
    console.log(
      `gmail-overlay: the extension did not build (${error instanceof Error ? error.message : error})`,
    );
    return null;
  }
}

export async function main(): Promise<Record<string, number> | null> {
  const { CHROMIUM_PATH, launchPage } = await import('../test/support/chromium.ts');
  if (!existsSync(CHROMIUM_PATH)) {
    console.log(`gmail-overlay: no Chromium at ${CHROMIUM_PATH} (set PAYLADDER_CHROMIUM); skipped`);
    return null;
  }
  // The background's modules find the browser API on the global object, as in an extension
  // (bench/extension-sync.ts does the same).
  const g = globalThis as Record<string, unknown>;
  g['chrome'] ??= fakeBrowser;
  g['browser'] ??= fakeBrowser;
  const { fakeBackground } = await import('../test/gmail/overlay-support.ts');

  const today = todayIn('Europe/Rome', new Date());
  const started = performance.now();
  const background = fakeBackground(bigLedger({ clients: CLIENTS, milestonesPerClient: 3, today }), today);
  const ledgerMs = performance.now() - started;
  const answers: number[] = [];

  const script = await harness();
  const { page, close } = await launchPage();
  try {
    await page.exposeFunction('payladderAnswer', async (json: string) => {
      const before = background.busyMs;
      const reply = await background.transport(JSON.parse(json) as Envelope);
      answers.push(background.busyMs - before);
      return reply;
    });
    // No network: the page is answered here, at Gmail's address.
    await page.route('https://mail.google.com/**', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><html lang="en"><head><title>Inbox - me@example.com - Gmail</title></head><body><div role="main"></div></body></html>',
      }),
    );
    await page.goto('https://mail.google.com/mail/u/0/#inbox');
    await page.addScriptTag({ content: script });
    // Only the page's own marks are recorded: tracing more would slow what it measures.
    const cdp = await page.context().newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
    const traced = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.start', {
      transferMode: 'ReportEvents',
      traceConfig: { includedCategories: ['blink.user_timing'], excludedCategories: ['*'] },
    });
    const figures: PageFigures = await page.evaluate((options) => window.payladderBench.run(options), {
      clients: CLIENTS,
      rows: ROWS,
      navigations: NAVIGATIONS,
      batches: BATCHES,
    });
    await cdp.send('Tracing.end');
    await traced;
    // Without the trace's clocks, the page's own readings (wall clock, 0.1 ms steps).
    const traceTimes = spanTimes(events, figures.blocks);
    const preempted = preemptions(events);
    const pageTimes = (figure: TimedFigure) => ({ wall: figures[figure], cpu: figures[figure] });
    const times = (figure: TimedFigure) => traceTimes?.[figure] ?? pageTimes(figure);
    const size = await contentScriptKb();

    const [list, thread, listFirst, threadFirst, batch, idle, control] = (
      [
        'listNavigation',
        'threadNavigation',
        'listFirst',
        'threadFirst',
        'mutationBatch',
        'idleFrame',
        'control',
      ] as const
    ).map(times) as [Times, Times, Times, Times, Times, Times, Times];
    const steady = (t: Times, clock: 'wall' | 'cpu') => t[clock].slice(WARM_UP);
    const result = {
      clients: CLIENTS,
      // Main-thread CPU time (the overlay's work), ms.
      listNavigationMs: quantile(list.cpu, 0.5),
      listNavigationP95Ms: quantile(list.cpu, 0.95),
      threadNavigationMs: quantile(thread.cpu, 0.5),
      threadNavigationP95Ms: quantile(thread.cpu, 0.95),
      listFirstVisitMs: quantile(listFirst.cpu, 0.5),
      threadFirstVisitMs: quantile(threadFirst.cpu, 0.5),
      backgroundAnswerMs: quantile(answers, 0.5),
      backgroundAnswerP95Ms: quantile(answers, 0.95),
      mutationBatchMs: quantile(batch.cpu, 0.5),
      mutationBatchP95Ms: quantile(batch.cpu, 0.95),
      idleFrameMs: quantile(idle.cpu, 0.5),
      controlMs: quantile(control.cpu, 0.5),
      controlP95Ms: quantile(control.cpu, 0.95),
      navigationP95Ms: quantile([...list.cpu, ...thread.cpu], 0.95),
      steadyNavigationP95Ms: quantile([...steady(list, 'cpu'), ...steady(thread, 'cpu')], 0.95),
      // The same spans on the wall clock, ms.
      listNavigationWallMs: quantile(list.wall, 0.5),
      listNavigationWallP95Ms: quantile(list.wall, 0.95),
      threadNavigationWallMs: quantile(thread.wall, 0.5),
      threadNavigationWallP95Ms: quantile(thread.wall, 0.95),
      navigationWallP95Ms: quantile([...list.wall, ...thread.wall], 0.95),
      steadyNavigationWallP95Ms: quantile([...steady(list, 'wall'), ...steady(thread, 'wall')], 0.95),
      controlWallP95Ms: quantile(control.wall, 0.95),
      badges: figures.badges,
      chips: figures.chips,
      networkRequests: figures.fetches,
      messages: figures.messages,
      contentScriptKb: size?.minified ?? NaN,
      contentScriptGzipKb: size?.gzipped ?? NaN,
      ledgerLoadMs: ledgerMs,
    };
    const clock = traceTimes
      ? "the renderer's main-thread CPU time, and [wall clock]"
      : 'the wall clock (no CPU clock in the trace), in 0.1 ms steps';
    const wall = (median: number, p95: number) => (traceTimes ? ` [${ms(median)} (${ms(p95)})]` : '');
    const navigations = list.cpu.length + thread.cpu.length;
    console.log(
      [
        `gmail-overlay (Chromium, ledger of ${CLIENTS} clients):`,
        `  overlay work per navigation, content script only (goal ≤ 2 ms): median (p95), ${clock}`,
        `    ${ROWS}-row list:     ${ms(result.listNavigationMs)} (${ms(result.listNavigationP95Ms)})${wall(result.listNavigationWallMs, result.listNavigationWallP95Ms)}; first visit ${ms(result.listFirstVisitMs)}, ${result.badges} badges`,
        `    conversation:     ${ms(result.threadNavigationMs)} (${ms(result.threadNavigationP95Ms)})${wall(result.threadNavigationWallMs, result.threadNavigationWallP95Ms)}; first visit ${ms(result.threadFirstVisitMs)}, ${result.chips} chip`,
        `    the background's answer (one rowBadges / lookup in the ${CLIENTS}-client ledger): ${ms(result.backgroundAnswerMs)} (${ms(result.backgroundAnswerP95Ms)})`,
        `  goal 5 (issue 15): ≤ 2 ms per navigation at the 95th percentile, ${CLIENTS} clients: ${ms(result.navigationP95Ms)} over ${navigations} navigations, ${(result.navigationP95Ms / GOAL_P95_MS).toFixed(1)}× the goal (${result.navigationP95Ms <= GOAL_P95_MS ? 'met' : 'not met'}); after the first ${WARM_UP} visits of each kind (V8 warm): ${ms(result.steadyNavigationP95Ms)}, ${(result.steadyNavigationP95Ms / GOAL_P95_MS).toFixed(1)}×; the same timing around no work: ${ms(result.controlMs)} (p95 ${ms(result.controlP95Ms)})`,
        traceTimes
          ? `    on the wall clock: p95 ${ms(result.navigationWallP95Ms)} (${(result.navigationWallP95Ms / GOAL_P95_MS).toFixed(1)}×), after the first ${WARM_UP}: ${ms(result.steadyNavigationWallP95Ms)}, around no work: p95 ${ms(result.controlWallP95Ms)} (the excess over CPU time is time the OS ran other processes: the cores are shared${preempted === null ? '' : `; it took the core from the renderer's main thread ${preempted} times since the page opened`})`
          : '    judged by the wall clock: the trace gave no CPU clock',
        `  per mutation batch on the ${ROWS}-row list: ${ms(result.mutationBatchMs)} (${ms(result.mutationBatchP95Ms)}); a frame with nothing new: ${ms(result.idleFrameMs)}`,
        `  requests from the content script: ${result.networkRequests} (goal 0); ${result.messages} messages to the background in ${NAVIGATIONS * 2 + 1} navigations and ${BATCHES} batches`,
        size
          ? `  content-scripts/gmail.js: ${size.minified.toFixed(1)} KB minified (goal ≤ 40 KB), ${size.gzipped.toFixed(1)} KB gzipped`
          : '  content-scripts/gmail.js: not built',
        `  (the ledger parsed and indexed once, in the background: ${ms(ledgerMs)})`,
      ].join('\n'),
    );
    judged({
      goal: 5,
      what: `Gmail overlay p95, ${traceTimes ? 'main-thread CPU' : 'wall clock'}`,
      target: `≤ ${GOAL_P95_MS} ms`,
      figure: `${ms(result.navigationP95Ms)}`,
      ratio: result.navigationP95Ms / GOAL_P95_MS,
      before: `${traceTimes ? BEFORE_P95.cpu : BEFORE_P95.wall} at 20baa85`,
    });
    if (traceTimes) {
      judged({
        goal: 5,
        what: 'Gmail overlay p95, wall clock',
        target: `≤ ${GOAL_P95_MS} ms`,
        figure: `${ms(result.navigationWallP95Ms)} (shared cores)`,
        ratio: result.navigationWallP95Ms / GOAL_P95_MS,
        before: `${BEFORE_P95.wall} at 20baa85`,
      });
    }
    return result;
  } finally {
    await close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
