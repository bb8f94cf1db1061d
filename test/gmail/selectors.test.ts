// @vitest-environment happy-dom
/**
 * Conventions of extension/gmail/selectors.ts, checked rather than hoped for:
 * every alternative matches the saved pages it names, every anchor is proven on at
 * least one page, nothing selects on localized text, and class names never stand alone.
 */
import { describe, expect, it } from 'vitest';
import { ANCHORS } from '../../extension/gmail/selectors';
import { findFixture, fixtureDirs, loadFixture } from './fixture-set';

const dirs = fixtureDirs();
// Parsed once per fixture: these tests only query the pages.
const pages = new Map<string, Document>();
function pageOf(name: string): Document | undefined {
  const fixture = findFixture(dirs, name);
  if (!fixture) return undefined;
  if (!pages.has(name)) pages.set(name, loadFixture(fixture).doc);
  return pages.get(name);
}
const sharedAvailable = dirs.some((d) => d.label !== 'project' && d.problem === null);

// Alternatives without a fixture, each proven by the unit test named here.
const UNIT_PROVEN: Readonly<Record<string, string>> = {
  'threadContainer .PeIF1d': 'thread.test.ts › reads the Oct 2022 .PeIF1d container',
};

const claims = Object.entries(ANCHORS).flatMap(([name, anchor]) =>
  anchor.alternatives.flatMap((alt) => alt.fixtures.map((fixture) => ({ name, css: alt.css, fixture }))),
);

describe('every selector alternative matches the fixtures it names', () => {
  it.each(claims.map((c) => [`${c.name}: ${c.css} in ${c.fixture}`, c] as const))('%s', (_title, claim) => {
    const doc = pageOf(claim.fixture);
    if (!doc) {
      // Only the shared set may be absent (it lives beside the project, not in it).
      expect(claim.fixture.endsWith('-A') && !sharedAvailable, `fixture ${claim.fixture} not found`).toBe(
        true,
      );
      return;
    }
    expect(doc.querySelector(claim.css)).not.toBeNull();
  });
});

describe('conventions', () => {
  const anchors = Object.entries(ANCHORS);

  it('has anchors to check', () => {
    expect(anchors.length).toBeGreaterThan(20);
  });

  it.each(anchors)('%s is proven on at least one saved page', (_name, anchor) => {
    expect(anchor.alternatives.some((a) => a.fixtures.length > 0)).toBe(true);
  });

  it('lists every alternative without a fixture, with the unit test that proves it', () => {
    const unproven = anchors.flatMap(([name, anchor]) =>
      anchor.alternatives.filter((a) => a.fixtures.length === 0).map((a) => `${name} ${a.css}`),
    );
    expect(unproven.sort()).toEqual(Object.keys(UNIT_PROVEN).sort());
  });

  it.each(anchors)('%s never selects on localized text', (_name, anchor) => {
    for (const { css } of anchor.alternatives) {
      expect(css).not.toMatch(/\[\s*(aria-label|aria-description|data-tooltip|title|alt|placeholder)\b/i);
      expect(css).not.toMatch(/:contains|:has-text/i);
    }
  });

  it.each(anchors)(
    '%s has an attribute or role fallback for its class names, or says why not',
    (_name, anchor) => {
      const classFree = anchor.alternatives.some((a) => !usesClass(a.css));
      const usesClasses = anchor.alternatives.some((a) => usesClass(a.css));
      if (usesClasses && !classFree)
        expect(anchor.withoutClasses?.length ?? 0, 'withoutClasses').toBeGreaterThan(30);
      else expect(anchor.withoutClasses).toBeUndefined();
    },
  );
});

// A class selector outside attribute brackets and quotes: `.zA`, `tr.zA`, `.a98.iY`.
function usesClass(css: string): boolean {
  return /\.[A-Za-z_-]/.test(css.replace(/\[[^\]]*\]/g, '').replace(/"[^"]*"|'[^']*'/g, ''));
}
