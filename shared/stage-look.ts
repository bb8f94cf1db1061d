/**
 * One colour per stage, for the sidebar's chips and the add-on's conditional formatting
 * (apps-script/src/handlers/setup-plan.ts), so a stage looks the same in the sheet and
 * beside it.
 *
 * Based on the Okabe–Ito palette (Okabe & Ito, "Color Universal Design", 2008), which stays
 * distinguishable with every common colour-vision deficiency. Colour is never the only
 * signal: every chip also says its stage in words. Each `text` colour reaches WCAG AA
 * contrast (4.5:1) on its `background`; test/shared/stage-look.test.ts checks it.
 * Plain data with a type-only import, so it is safe in the zod-free sidebar bundle.
 */
import type { AgingBucket, Stage } from './model.ts';

export interface StageColor {
  /** Fill, `#rrggbb`. */
  background: string;
  /** Text on that fill, `#rrggbb`. */
  text: string;
}

const BLACK = '#000000';
const WHITE = '#ffffff';

/**
 * Warm and darker as the ladder climbs; cool for the paused states; greys for the ended
 * ones. Stages in the order of `STAGES` in shared/model.ts.
 */
export const STAGE_COLORS = {
  current: { background: '#e8e8e8', text: BLACK },
  upcoming: { background: '#56b4e9', text: BLACK }, // Okabe–Ito sky blue
  reminder: { background: '#009e73', text: BLACK }, // bluish green
  followup: { background: '#f0e442', text: BLACK }, // yellow
  final: { background: '#e69f00', text: BLACK }, // orange
  stop_work: { background: '#d55e00', text: BLACK }, // vermillion
  demand: { background: '#cc79a7', text: BLACK }, // reddish purple
  small_claims: { background: '#000000', text: WHITE }, // black
  paid: { background: '#d9f0e8', text: BLACK }, // a tint of bluish green
  cancelled: { background: '#f5f5f5', text: '#333333' },
  written_off: { background: '#bdbdbd', text: BLACK },
  disputed: { background: '#0072b2', text: WHITE }, // blue: a human must answer
  on_hold: { background: '#cfe8f6', text: BLACK }, // a tint of sky blue
  renegotiated: { background: '#ede1ea', text: BLACK }, // a tint of reddish purple
  promised: { background: '#b7e4f5', text: BLACK }, // a paler sky blue: paused, waiting
  broken_promise: { background: '#a34700', text: WHITE }, // a dark vermillion
} as const satisfies Record<Stage, StageColor>;

/** Every stage in the ladder's order, then the manual statuses (as `STAGES` in the core). */
export const STAGE_ORDER = Object.keys(STAGE_COLORS) as Stage[];

export function stageColor(stage: Stage): StageColor {
  return STAGE_COLORS[stage];
}

/**
 * Aging bars: blue while not yet due, vermillion once overdue, both at 3:1 or more against
 * white (WCAG 1.4.11, non-text contrast). The amounts are also written beside each bar.
 */
export const AGING_COLORS = {
  current: '#0072b2',
  '1-30': '#d55e00',
  '31-60': '#d55e00',
  '61-90': '#d55e00',
  '90+': '#d55e00',
} as const satisfies Record<AgingBucket, string>;

/** WCAG 2.x relative luminance of `#rrggbb`. */
export function relativeLuminance(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** WCAG 2.x contrast ratio of two `#rrggbb` colours (1..21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
