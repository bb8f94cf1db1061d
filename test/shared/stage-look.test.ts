import { describe, expect, it } from 'vitest';
import { STAGES } from '../../shared/index.ts';
import { AGING_COLORS, STAGE_COLORS, STAGE_ORDER, contrastRatio } from '../../shared/stage-look.ts';

describe('stage colours', () => {
  it('covers every stage, in the core order', () => {
    expect(STAGE_ORDER).toEqual([...STAGES]);
  });

  it.each(Object.entries(STAGE_COLORS))(
    '%s: chip text reaches WCAG AA 4.5:1',
    (_stage, { background, text }) => {
      expect(contrastRatio(background, text)).toBeGreaterThanOrEqual(4.5);
    },
  );

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
