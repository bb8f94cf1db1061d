/**
 * The look of every stage, once for every surface: `stageLook[stage]` is its fill `color`,
 * the `text` colour that reads on it, its `label` and its `short` name in each language.
 * The Sheet's conditional formatting, the sidebar, the popup and its toolbar badge, the
 * Gmail chip, badges and compose menu, the CLI and the pack all take them from here; no
 * surface keeps its own copy (test/e2e/stage-look-surfaces.e2e.ts reads the built ones).
 *
 * Chosen once for meaning: cool to hot as the ladder rises (pale blue, sky blue, yellow,
 * orange, vermillion, red, dark red), light neutrals for the closed states, and a colour of
 * its own for each state a human must watch (a promise, a broken one, a dispute). Mostly
 * the Okabe–Ito palette (Okabe & Ito, "Color Universal Design", 2008), which stays
 * distinguishable with every common colour-vision deficiency; colour is never the only
 * signal, every chip says its stage in words. Each `text` reaches WCAG AA contrast (4.5:1)
 * on its `color` (test/shared/stage-look.test.ts).
 *
 * Plain data with plain-data imports, so the zod-free sidebar and the size-budgeted Gmail
 * content script can import it. The content script takes `STAGE_PALETTE` and the label
 * tables it is built from (shared/stage-labels.ts), not the assembled `stageLook`, which is
 * marked pure so the bundler drops it where it is not used.
 */
// Types only from stages.ts: its id lists would otherwise ride into the content script.
import type { AgingBucket, Language, Stage } from './stages.ts';
import { MESSAGE_LABELS, STAGE_LABELS, STAGE_SHORT } from './stage-labels.ts';

const BLACK = '#000000';
const WHITE = '#ffffff';

/** `[fill, text]` of each stage, `#rrggbb`, in the order of `STAGES` (shared/stages.ts). */
export const STAGE_PALETTE: Readonly<Record<Stage, readonly [fill: string, text: string]>> = {
  current: ['#e8eef4', BLACK], // a cool near-white: nothing due yet
  upcoming: ['#b3d9f2', BLACK], // pale sky blue
  reminder: ['#56b4e9', BLACK], // Okabe–Ito sky blue
  followup: ['#f0e442', BLACK], // yellow
  final: ['#e69f00', BLACK], // orange
  stop_work: ['#d55e00', BLACK], // vermillion
  demand: ['#b3261e', WHITE], // red
  small_claims: ['#6b0f1a', WHITE], // dark red: the hottest step
  paid: ['#d9ecdf', BLACK], // closed: light neutrals, a hint of green for paid
  cancelled: ['#eeeeee', BLACK],
  written_off: ['#bdbdbd', BLACK],
  disputed: ['#0072b2', WHITE], // Okabe–Ito blue: a human must answer
  on_hold: ['#cfd8dc', BLACK], // blue-grey: paused
  renegotiated: ['#e6e1ee', BLACK], // closed: replaced by the plan's milestones
  promised: ['#009e73', BLACK], // Okabe–Ito bluish green: paused, a payment is promised
  broken_promise: ['#a3206e', WHITE], // deep magenta: chase again, naming the promise
};

/** Every stage in the ladder's order, then the manual statuses and the promise states. */
export const STAGE_ORDER = /* @__PURE__ */ Object.keys(STAGE_PALETTE) as readonly Stage[];

export interface StageLook {
  /** Fill, `#rrggbb`. */
  color: string;
  /** Text on that fill, `#rrggbb`. */
  text: string;
  /** The stage's name in sentences, lists and cells ("Not yet due", "Final notice"). */
  label: Readonly<Record<Language, string>>;
  /** Its name on a chip or badge, where room is short ("Not due", "Final"). */
  short: Readonly<Record<Language, string>>;
}

/** Every stage's colours and words; the one source of both. */
export const stageLook: Readonly<Record<Stage, StageLook>> = /* @__PURE__ */ lookOfStages();

function lookOfStages(): Record<Stage, StageLook> {
  const out = {} as Record<Stage, StageLook>;
  for (const stage of STAGE_ORDER) {
    const [color, text] = STAGE_PALETTE[stage];
    const words = (table: Readonly<Record<Language, Partial<Readonly<Record<Stage, string>>>>>) => ({
      en: table.en[stage] ?? STAGE_LABELS.en[stage],
      it: table.it[stage] ?? STAGE_LABELS.it[stage],
    });
    out[stage] = { color, text, label: words(STAGE_LABELS), short: words(STAGE_SHORT) };
  }
  return out;
}

/** A stage's label in `lang` (English by default), for cells, lines and plain text. */
export function stageLabel(stage: Stage, lang: Language = 'en'): string {
  return stageLook[stage].label[lang];
}

/**
 * A stage's label inside a sentence, in lower case ("Milestone SB-2 is written off"); a
 * string that is no stage comes back as it is.
 */
export function stageInSentence(stage: string, lang: Language = 'en'): string {
  const label: unknown = (STAGE_LABELS[lang] as Readonly<Record<string, string>>)[stage];
  return typeof label === 'string' ? label.toLowerCase() : stage;
}

/**
 * A message's name in `lang`: a built-in message's label, a stage's label for a Templates
 * row written for a stage (a thank-you at `paid`), else the id of the user's own template
 * as they typed it.
 */
export function messageLabel(id: string, lang: Language = 'en'): string {
  // typeof, not `in`: an id such as `constructor` must not find Object's own members.
  const message: unknown = (MESSAGE_LABELS[lang] as Readonly<Record<string, string>>)[id];
  if (typeof message === 'string') return message;
  const stage: unknown = (STAGE_LABELS[lang] as Readonly<Record<string, string>>)[id];
  return typeof stage === 'string' ? stage : id;
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
