import { describe, expect, it } from 'vitest';
import { LADDER_STAGES, LANGUAGES, MESSAGE_KINDS, STAGES } from '../../shared/index.ts';
import {
  AGING_LABELS,
  CHANNEL_WORDS,
  MESSAGE_LABELS,
  STAGE_LABELS,
  STAGE_SHORT,
} from '../../shared/stage-labels.ts';
import {
  AGING_COLORS,
  STAGE_ORDER,
  STAGE_PALETTE,
  contrastRatio,
  messageLabel,
  relativeLuminance,
  stageInSentence,
  stageLabel,
  stageLook,
} from '../../shared/stage-look.ts';

describe('stageLook', () => {
  it('covers every stage, in the core order', () => {
    expect(STAGE_ORDER).toEqual([...STAGES]);
    expect(Object.keys(stageLook)).toEqual([...STAGES]);
  });

  it.each(STAGES.map((s) => [s, stageLook[s]] as const))(
    '%s: its text reaches WCAG AA 4.5:1 on its colour',
    (_stage, { color, text }) => {
      expect(contrastRatio(color, text)).toBeGreaterThanOrEqual(4.5);
    },
  );

  it('is assembled from the palette and the label tables, nothing else', () => {
    for (const stage of STAGES) {
      const look = stageLook[stage];
      expect([look.color, look.text]).toEqual(STAGE_PALETTE[stage]);
      for (const lang of LANGUAGES) {
        expect(look.label[lang]).toBe(STAGE_LABELS[lang][stage]);
        expect(look.short[lang]).toBe(STAGE_SHORT[lang][stage] ?? STAGE_LABELS[lang][stage]);
        expect(look.short[lang].length).toBeLessThanOrEqual(look.label[lang].length);
      }
    }
  });

  it('gives every stage its own colour (followup and promised included)', () => {
    const fills = STAGES.map((s) => stageLook[s].color);
    expect(new Set(fills).size).toBe(STAGES.length);
  });

  it('gives every stage its own words in each language', () => {
    for (const lang of LANGUAGES) {
      const labels = STAGES.map((s) => stageLook[s].label[lang]);
      expect(new Set(labels).size).toBe(STAGES.length);
      const shorts = STAGES.map((s) => stageLook[s].short[lang]);
      expect(new Set(shorts).size).toBe(STAGES.length);
    }
  });

  it('grows hotter as the ladder rises: from reminder up, each step darker than the last', () => {
    // Pale before anything is due, then each step at or past `followup` at a lower
    // luminance than the one before it (yellow, orange, vermillion, red, dark red).
    const climbing = LADDER_STAGES.slice(LADDER_STAGES.indexOf('followup'));
    const lum = climbing.map((s) => relativeLuminance(stageLook[s].color));
    for (let i = 1; i < lum.length; i++) expect(lum[i]).toBeLessThan(lum[i - 1] as number);
    expect(relativeLuminance(stageLook.current.color)).toBeGreaterThan(0.8);
  });

  it('keeps the closed states light and neutral', () => {
    for (const s of ['paid', 'cancelled', 'written_off', 'renegotiated'] as const) {
      const hex = stageLook[s].color;
      const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as [
        number,
        number,
        number,
      ];
      expect(Math.max(r, g, b) - Math.min(r, g, b), s).toBeLessThanOrEqual(24);
      expect(relativeLuminance(hex), s).toBeGreaterThan(0.45);
    }
  });

  it('names each stage in words, never by its id', () => {
    for (const lang of LANGUAGES) {
      for (const s of STAGES) {
        expect(stageLabel(s, lang)).not.toMatch(/_/);
        expect(stageLook[s].short[lang]).not.toMatch(/_/);
      }
    }
    expect(stageLabel('small_claims')).toBe('Small claims');
    expect(stageLabel('final', 'it')).toBe('Ultimo sollecito');
    expect(stageLabel('small_claims', 'it')).toBe('Azione legale');
  });
});

describe('stageInSentence', () => {
  it.each([
    ['written_off', 'en', 'written off'],
    ['small_claims', 'en', 'small claims'],
    ['current', 'en', 'not yet due'],
    ['on_hold', 'it', 'in sospeso'],
    ['not a stage', 'en', 'not a stage'],
  ] as const)('%s in %s reads "%s" mid-sentence', (stage, lang, words) => {
    expect(stageInSentence(stage, lang)).toBe(words);
  });
});

describe('the other words', () => {
  it('labels every built-in message in each language, in words', () => {
    for (const lang of LANGUAGES) {
      for (const id of MESSAGE_KINDS) {
        expect(messageLabel(id, lang)).toBe(MESSAGE_LABELS[lang][id]);
        expect(messageLabel(id, lang)).not.toMatch(/_/);
      }
    }
  });

  it("names a Templates row for a stage by the stage's label, a user's own id as typed", () => {
    expect(messageLabel('paid')).toBe('Paid');
    expect(messageLabel('paid', 'it')).toBe('Pagato');
    expect(messageLabel('late_fee_notice')).toBe('late_fee_notice');
    expect(messageLabel('constructor')).toBe('constructor');
  });

  it("calls the not-yet-due aging bucket by the current stage's label", () => {
    for (const lang of LANGUAGES) expect(AGING_LABELS[lang].current).toBe(stageLook.current.label[lang]);
  });

  it('says every channel in words', () => {
    for (const lang of LANGUAGES) {
      for (const words of Object.values(CHANNEL_WORDS[lang])) expect(words).toMatch(/ /);
    }
  });
});

describe('aging colours and contrast', () => {
  it.each(Object.entries(AGING_COLORS))(
    'aging %s bar reaches 3:1 against white (non-text contrast)',
    (_b, fill) => {
      expect(contrastRatio(fill, '#ffffff')).toBeGreaterThanOrEqual(3);
    },
  );

  it('computes published contrast figures', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});
