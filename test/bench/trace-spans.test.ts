import { describe, expect, it } from 'vitest';
import { spanTimes, type TraceEvent } from '../../bench/trace-spans.ts';

const mark = (name: string, ts: number, tts?: number): TraceEvent => ({
  name: `payladder-${name}`,
  cat: 'blink.user_timing',
  ts,
  ...(tts === undefined ? {} : { tts }),
});

describe('spanTimes', () => {
  it("sums each block's spans into its figure, wall and CPU apart, in ms", () => {
    const events = [
      mark('block', 0, 0),
      mark('span-start', 10, 5),
      mark('span-end', 1010, 505),
      // Waiting for the background between spans is not counted.
      mark('span-start', 9000, 600),
      mark('span-end', 9500, 800),
      mark('block', 10_000, 900),
      mark('span-start', 10_100, 950),
      mark('span-end', 14_100, 1250),
      mark('block', 20_000, 2000),
      mark('span-start', 20_000, 2000),
      mark('span-end', 20_300, 2300),
    ];
    expect(spanTimes(events, ['listNavigation', 'listNavigation', 'threadNavigation'])).toEqual({
      listNavigation: { wall: [1.5, 4], cpu: [0.7, 0.3] },
      threadNavigation: { wall: [0.3], cpu: [0.3] },
    });
  });

  it('leaves out blocks of no figure, other marks and other categories, and reads marks in time order', () => {
    const events = [
      mark('span-end', 250, 250),
      mark('block', 0, 0),
      mark('span-start', 50, 50),
      { name: 'payladder-span-end', cat: 'devtools.timeline', ts: 60, tts: 60 },
      { name: 'other', cat: 'blink.user_timing', ts: 70, tts: 70 },
      mark('block', 1000, 1000),
      mark('span-start', 1000, 1000),
      mark('span-end', 3000, 1100),
    ];
    expect(spanTimes(events, [null, 'control'])).toEqual({ control: { wall: [2], cpu: [0.1] } });
  });

  it('answers null without a CPU clock, or when the marks do not match the blocks', () => {
    const noCpu = [mark('block', 0), mark('span-start', 1), mark('span-end', 2)];
    expect(spanTimes(noCpu, ['control'])).toBeNull();
    const oneBlock = [mark('block', 0, 0), mark('span-start', 1, 1), mark('span-end', 2, 2)];
    expect(spanTimes(oneBlock, ['control', 'control'])).toBeNull();
  });
});
