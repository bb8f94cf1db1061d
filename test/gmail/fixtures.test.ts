// @vitest-environment happy-dom
/**
 * The Gmail adapter against saved Gmail pages: the project's own fixtures and the
 * shared third-party captures (see fixture-set.ts for where they come from).
 *
 * Each fixture asserts exactly what its `.expect.json` says, and nothing more is
 * found: a page without `rows` has no list rows, without `thread` no open
 * conversation, without `compose` no compose window.
 * - list: every row's senders, in row order and in the order the row shows them;
 * - thread: the subject, and the participants *in page order* (first appearance):
 *   the adapter promises page order, so the fixtures hold it to it;
 * - compose: exactly one window, its kind, its To addresses in page order (chips,
 *   then typed text), its subject box's value, and that the body editable, the
 *   toolbar and the Send button are all found.
 */
import { describe, expect, it } from 'vitest';
import {
  readComposeWindows,
  readListRows,
  readThread,
  recipientAddresses,
  routeOf,
} from '../../extension/gmail/adapter';
import {
  fixtureDirs,
  fixturesOf,
  loadFixture,
  readExpectation,
  readsWithoutClasses,
  type Fixture,
  type FixtureExpectation,
} from './fixture-set';

const dirs = fixtureDirs();
const fixtures = fixturesOf(dirs);

describe('fixture directories', () => {
  it.each(dirs.map((d) => [d.label, d] as const))('%s directory holds fixtures', (_label, dir) => {
    expect(dir.problem, dir.dir).toBeNull();
    expect(dir.names.length).toBeGreaterThan(0);
  });
});

function assertPage(doc: Document, expected: FixtureExpectation): void {
  const rows = readListRows(doc);
  expect(rows.map((r) => r.senders)).toEqual((expected.rows ?? []).map((r) => r.senders));

  const thread = readThread(doc);
  if (expected.thread) {
    expect(thread).not.toBeNull();
    expect(thread?.subject).toBe(expected.thread.subject);
    expect(thread?.participants).toEqual(expected.thread.participants);
  } else {
    expect(thread).toBeNull();
  }

  const composes = readComposeWindows(doc);
  expect(composes).toHaveLength(expected.compose ? 1 : 0);
  const [compose] = composes;
  if (expected.compose && compose) {
    expect(compose.kind).toBe(expected.compose.kind);
    expect(recipientAddresses(compose.recipients, ['to'])).toEqual(expected.compose.to);
    expect(compose.subject).toBe(expected.compose.subject);
    expect(compose.body.editable, 'body editable').not.toBeNull();
    expect(compose.toolbar, 'toolbar').not.toBeNull();
    expect(compose.sendButton, 'Send button').not.toBeNull();
  }
}

describe('Gmail adapter on saved pages', () => {
  it.each(fixtures.map((f) => [`${f.dir.label}/${f.name}`, f] as const))('%s', (_name, fixture: Fixture) => {
    const { doc, expected } = loadFixture(fixture);
    expect(routeOf(expected.url).kind).toBe(expected.view);
    assertPage(doc, expected);
  });
});

// Every page again with every class name rewritten: the suite finds things through the
// adapter only, so this tests the product, not the test. Pages of today's Gmail (captured
// from Oct 2021, when chips and conversation ids arrived) must read exactly the same; older
// pages must read the same or not at all (a view found by class names only then is simply
// not found), never differently.
describe('Gmail adapter on saved pages with every class name hashed', () => {
  it('has pages of today’s Gmail to run on', () => {
    expect(fixtures.filter((f) => readsWithoutClasses(readExpectation(f))).length).toBeGreaterThan(5);
  });

  it.each(fixtures.map((f) => [`${f.dir.label}/${f.name}`, f] as const))('%s', (_name, fixture: Fixture) => {
    const { doc, expected } = loadFixture(fixture, 'hashed');
    // The rewrite reached every class of the page.
    expect(doc.querySelector('.zA, .hP, .aoO, .a98, .IZ, .amn, .yW')).toBeNull();
    for (const el of Array.from(doc.querySelectorAll('[class]'))) {
      for (const token of Array.from(el.classList)) expect(token).toMatch(/-[0-9a-f]{6}$/);
    }
    if (readsWithoutClasses(expected)) {
      assertPage(doc, expected);
      return;
    }
    const saved = loadFixture(fixture).doc;
    const reading = (page: Document) => ({
      rows: readListRows(page).map((r) => r.senders),
      thread: readThread(page)?.participants ?? null,
      subject: readThread(page)?.subject ?? null,
      compose: readComposeWindows(page).map((c) => [
        c.kind,
        recipientAddresses(c.recipients, ['to']),
        c.subject,
      ]),
    });
    const before = reading(saved);
    const after = reading(doc);
    for (const key of ['rows', 'compose'] as const) {
      if (after[key].length > 0) expect(after[key], key).toEqual(before[key]);
    }
    if (after.thread !== null) expect([after.subject, after.thread]).toEqual([before.subject, before.thread]);
  });
});
