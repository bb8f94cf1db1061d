// @vitest-environment happy-dom
/**
 * Conventions of extension/gmail/selectors.ts, checked rather than hoped for:
 * every alternative matches the saved pages it names, every anchor is proven on at
 * least one page, nothing selects on localized text, and class names never stand alone.
 */
import { describe, expect, it } from 'vitest';
import { anchorTable } from '../../extension/gmail/selectors';
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
// None today: the Oct 2022 `.PeIF1d` container has its page since thread-view-2022-B.
const UNIT_PROVEN: Readonly<Record<string, string>> = {};

const table = Object.entries(anchorTable());
// Each alternative with the fixtures its proof names for it (same position).
const alternativesOf = ([, { anchor, proof }]: (typeof table)[number]) =>
  anchor.map((css, i) => ({ css, fixtures: proof.fixtures[i] ?? [] }));

const claims = table.flatMap((entry) =>
  alternativesOf(entry).flatMap((alt) =>
    alt.fixtures.map((fixture) => ({ name: entry[0], css: alt.css, fixture })),
  ),
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
  it('has anchors to check', () => {
    expect(table.length).toBeGreaterThan(20);
  });

  it.each(table)('%s has a proof entry for each alternative', (_name, { anchor, proof }) => {
    expect(proof.fixtures).toHaveLength(anchor.length);
  });

  it.each(table)('%s is proven on at least one saved page', (name, entry) => {
    expect(alternativesOf([name, entry]).some((a) => a.fixtures.length > 0)).toBe(true);
  });

  it('lists every alternative without a fixture, with the unit test that proves it', () => {
    const unproven = table.flatMap((entry) =>
      alternativesOf(entry)
        .filter((a) => a.fixtures.length === 0)
        .map((a) => `${entry[0]} ${a.css}`),
    );
    expect(unproven.sort()).toEqual(Object.keys(UNIT_PROVEN).sort());
  });

  it.each(table)('%s never selects on localized text', (_name, { anchor }) => {
    for (const css of anchor) {
      expect(css).not.toMatch(/\[\s*(aria-label|aria-description|data-tooltip|title|alt|placeholder)\b/i);
      expect(css).not.toMatch(/:contains|:has-text/i);
    }
  });

  it.each(table)(
    '%s has an attribute or role fallback for its class names, or says why not',
    (_name, { anchor, proof }) => {
      const classFree = anchor.some((css) => !usesClass(css));
      const usesClasses = anchor.some((css) => usesClass(css));
      if (usesClasses && !classFree)
        expect(proof.withoutClasses?.length ?? 0, 'withoutClasses').toBeGreaterThan(30);
      else expect(proof.withoutClasses).toBeUndefined();
    },
  );
});

// A class selector outside attribute brackets and quotes: `.zA`, `tr.zA`, `.a98.iY`.
function usesClass(css: string): boolean {
  return /\.[A-Za-z_-]/.test(css.replace(/\[[^\]]*\]/g, '').replace(/"[^"]*"|'[^']*'/g, ''));
}
