/**
 * Saved Gmail pages for the adapter tests: where they are, what they promise, how to load them.
 *
 * Directories: always the project's own `test/fixtures/gmail`, plus the one named by
 * `PAYLADDER_GMAIL_FIXTURES` (relative to the repo root), or by default the shared set at
 * `../shared/fixtures/gmail` when it exists. The format is the shared README's:
 * `NAME.html` + `NAME.expect.json`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as z from 'zod';

// A string, not `new URL(...)`: under happy-dom the global URL is the DOM's, not Node's.
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const PROJECT_FIXTURES = path.join(REPO_ROOT, 'test/fixtures/gmail');
export const DEFAULT_SHARED_FIXTURES = path.resolve(REPO_ROOT, '../shared/fixtures/gmail');
export const FIXTURES_ENV = 'PAYLADDER_GMAIL_FIXTURES';

const Addresses = z.array(z.string());

/** `NAME.expect.json`. Strict: a misspelt key would otherwise skip its assertions silently. */
export const FixtureExpectation = z
  .object({
    view: z.enum(['list', 'thread', 'compose']),
    url: z.string().url(),
    captured: z.string().min(4),
    fragment: z.boolean(),
    rows: z.array(z.object({ senders: Addresses }).strict()).optional(),
    thread: z.object({ subject: z.string(), participants: Addresses }).strict().optional(),
    compose: z
      .object({ kind: z.enum(['new', 'reply']), to: Addresses, subject: z.string() })
      .strict()
      .optional(),
  })
  .strict()
  .refine((e) => (e.view === 'list' ? e.rows : e.view === 'thread' ? e.thread : e.compose) !== undefined, {
    message: 'the key named by `view` (rows, thread or compose) is required',
  });
export type FixtureExpectation = z.infer<typeof FixtureExpectation>;

export interface FixtureDir {
  /** How the directory came to be used, for test names. */
  readonly label: 'project' | 'shared' | typeof FIXTURES_ENV;
  readonly dir: string;
  /** Fixture names (file name without `.html`), sorted. */
  readonly names: readonly string[];
  /** Why the directory is unusable (missing, empty, half a fixture), or null. */
  readonly problem: string | null;
}

export interface Fixture {
  readonly dir: FixtureDir;
  readonly name: string;
  readonly htmlPath: string;
  readonly expectPath: string;
}

/** The fixture directories to test, each with its fixtures or the reason it has none. */
export function fixtureDirs(env: Readonly<Record<string, string | undefined>> = process.env): FixtureDir[] {
  const dirs = [scan('project', PROJECT_FIXTURES)];
  const named = env[FIXTURES_ENV]?.trim();
  if (named) dirs.push(scan(FIXTURES_ENV, path.resolve(REPO_ROOT, named)));
  else if (existsSync(DEFAULT_SHARED_FIXTURES)) dirs.push(scan('shared', DEFAULT_SHARED_FIXTURES));
  // The variable may name the project's own directory: test it once.
  return dirs.filter((d, i) => dirs.findIndex((o) => o.dir === d.dir) === i);
}

function scan(label: FixtureDir['label'], dir: string): FixtureDir {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    return { label, dir, names: [], problem: `${dir} does not exist or is not a directory` };
  }
  const files = readdirSync(dir);
  const html = files.filter((f) => f.endsWith('.html')).map((f) => f.slice(0, -'.html'.length));
  const expects = files
    .filter((f) => f.endsWith('.expect.json'))
    .map((f) => f.slice(0, -'.expect.json'.length));
  const halves = [
    ...html.filter((n) => !expects.includes(n)).map((n) => `${n}.html has no ${n}.expect.json`),
    ...expects.filter((n) => !html.includes(n)).map((n) => `${n}.expect.json has no ${n}.html`),
  ];
  const names = html.filter((n) => expects.includes(n)).sort();
  const problem =
    halves.length > 0
      ? halves.join('; ')
      : names.length === 0
        ? `${dir} holds no NAME.html + NAME.expect.json`
        : null;
  return { label, dir, names, problem };
}

export function fixturesOf(dirs: readonly FixtureDir[]): Fixture[] {
  return dirs.flatMap((dir) =>
    dir.names.map((name) => ({
      dir,
      name,
      htmlPath: path.join(dir.dir, `${name}.html`),
      expectPath: path.join(dir.dir, `${name}.expect.json`),
    })),
  );
}

export function readExpectation(fixture: Fixture): FixtureExpectation {
  return FixtureExpectation.parse(JSON.parse(readFileSync(fixture.expectPath, 'utf8')));
}

/** Parses saved HTML into a new document; a fragment becomes the body of a bare page. */
export function parsePage(html: string, fragment: boolean): Document {
  // happy-dom refuses to load an iframe's `src` (good: nothing is fetched) but reports
  // each refusal as a console error (thread-view-2014-A has one iframe). An empty
  // `srcdoc` takes precedence over `src`, so iframes open blank and quietly. The adapter
  // never reads iframes.
  const quiet = html.replace(/<iframe\b/gi, '<iframe srcdoc=""');
  const text = fragment ? `<!doctype html><html><head></head><body>${quiet}</body></html>` : quiet;
  return new DOMParser().parseFromString(text, 'text/html');
}

export function loadFixture(
  fixture: Fixture,
  classes: ClassNames = 'as saved',
): { doc: Document; expected: FixtureExpectation } {
  const expected = readExpectation(fixture);
  return { doc: parsePage(fixtureHtml(fixture, classes), expected.fragment), expected };
}

/** Finds a fixture by name across the directories (project first). */
export function findFixture(dirs: readonly FixtureDir[], name: string): Fixture | undefined {
  return fixturesOf(dirs).find((f) => f.name === name);
}

/** What a fixture is loaded as: as saved, or with every class name rewritten. */
export type ClassNames = 'as saved' | 'hashed';
export const CLASS_NAMES: readonly ClassNames[] = ['as saved', 'hashed'];

/**
 * Gmail started hashing class names in 2025 (`Ht` → `Ht-<hash>`); before Oct 2021 (chips,
 * conversation ids) it had nothing but classes to find some parts by. A page captured from
 * then on must read the same with every class name rewritten; an older one must read the
 * same or not at all, never differently.
 */
export const HASHED_CLASSES_FROM = '2021-10';

export function readsWithoutClasses(expected: FixtureExpectation): boolean {
  return expected.captured >= HASHED_CLASSES_FROM;
}

/**
 * Renames every class token of every `class` attribute to `<token>-<hash>` (deterministic),
 * as Gmail's 2025–2026 experiment does to `Ht`: class-based selectors stop matching,
 * attribute and role selectors must carry on. Works on the saved HTML text, so the
 * happy-dom suites and the Chromium suite load the very same page. Style sheets in the
 * page are left alone, as they would be rewritten with the classes: their rules stop
 * applying, which only matters to a page hiding things by class.
 */
export function hashClassNames(html: string): string {
  return html.replace(/<[A-Za-z][^<>]*>/g, (tag) =>
    tag.replace(
      /(\sclass\s*=\s*)("([^"]*)"|'([^']*)'|([^\s"'>]+))/i,
      (_m, lead: string, _q: string, dq?: string, sq?: string, bare?: string) =>
        `${lead}"${hashTokens(dq ?? sq ?? bare ?? '')}"`,
    ),
  );
}

function hashTokens(value: string): string {
  return value
    .split(/\s+/)
    .filter((token) => token !== '')
    .map((token) => `${token}-${hash(token)}`)
    .join(' ');
}

function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0').slice(0, 6);
}

/** The fixture's HTML as saved, or with its classes hashed. */
export function fixtureHtml(fixture: Fixture, classes: ClassNames = 'as saved'): string {
  const html = readFileSync(fixture.htmlPath, 'utf8');
  return classes === 'hashed' ? hashClassNames(html) : html;
}
