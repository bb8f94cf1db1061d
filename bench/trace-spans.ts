/**
 * The Gmail overlay benchmark's spans, read from a Chromium trace: the page
 * (bench/gmail-overlay-page.ts) marks every span it times, and the trace gives each mark
 * the wall clock and the thread's CPU clock in µs (`ts`, `tts`).
 */
import type { TimedFigure } from './gmail-overlay-page.ts';

export interface TraceEvent {
  readonly name: string;
  readonly cat?: string;
  readonly ts: number;
  /** The thread's CPU clock, µs (absent where the platform has none). */
  readonly tts?: number;
  /** The process and thread that made the event (the operating system's ids on Linux). */
  readonly pid?: number;
  readonly tid?: number;
}

/** Per figure, each entry's wall-clock and main-thread CPU time (ms), from the page's marks. */
export type Times = { wall: number[]; cpu: number[] };
export type SpanTimes = Record<TimedFigure, Times>;

/**
 * Groups the page's marks (bench/gmail-overlay-page.ts) into its figures: each
 * `payladder-block` begins the next entry of `blocks`, whose spans
 * (`payladder-span-start` … `-end`) are summed. Null when the trace carries no CPU clock.
 */
export function spanTimes(
  events: readonly TraceEvent[],
  blocks: readonly (TimedFigure | null)[],
): SpanTimes | null {
  const times = {} as SpanTimes;
  const marks = events
    .filter((e) => e.cat === 'blink.user_timing' && e.name.startsWith('payladder-'))
    .sort((a, b) => a.ts - b.ts);
  let figure: TimedFigure | null = null;
  let entry: { wall: number; cpu: number } | null = null;
  let start: TraceEvent | null = null;
  let index = 0;
  const close = () => {
    if (figure && entry) {
      const into = (times[figure] ??= { wall: [], cpu: [] });
      into.wall.push(entry.wall / 1000);
      into.cpu.push(entry.cpu / 1000);
    }
  };
  for (const mark of marks) {
    if (mark.name === 'payladder-block') {
      close();
      figure = blocks[index] ?? null;
      index += 1;
      entry = { wall: 0, cpu: 0 };
    } else if (mark.name === 'payladder-span-start') {
      start = mark;
    } else if (mark.name === 'payladder-span-end' && start && entry) {
      if (mark.tts === undefined || start.tts === undefined) return null;
      entry.wall += mark.ts - start.ts;
      entry.cpu += mark.tts - start.tts;
      start = null;
    }
  }
  close();
  return index === blocks.length ? times : null;
}
