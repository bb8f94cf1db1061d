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
  hashClassNames,
  loadFixture,
  readExpectation,
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

// Chips and conversation ids arrived in Oct 2021: pages from then on must read the same
// with every class name changed, because the adapter falls back to attributes and roles.
const today = fixtures.filter((f) => readExpectation(f).captured >= '2021-10');

describe('Gmail adapter on saved pages with every class name hashed', () => {
  it('has pages of today’s Gmail to run on', () => {
    expect(today.length).toBeGreaterThan(0);
  });

  it.each(today.map((f) => [`${f.dir.label}/${f.name}`, f] as const))('%s', (_name, fixture: Fixture) => {
    const { doc, expected } = loadFixture(fixture);
    hashClassNames(doc);
    expect(doc.querySelector('.zA, .hP, .aoO, .a98, .IZ')).toBeNull();
    assertPage(doc, expected);
  });
});
