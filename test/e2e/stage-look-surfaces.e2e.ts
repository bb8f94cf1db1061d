/**
 * Issue 12, "one vocabulary": every built surface shows a stage in `stageLook`'s colours
 * and words and in no other stage colour. Read from what ships, after `npm run build`:
 * the sidebar's HTML, the popup and background bundles (chips, toolbar badge), the Gmail
 * content script (chip, badges, compose menu), the add-on's conditional formatting (the
 * bundled Code.js run in a VM), and the CLI's report (built, and coloured on a terminal).
 *
 * A colour in a bundle is a stage's, an aging bar's, the badge's error red, or one of the
 * surfaces' own interface colours written in their stylesheets; anything else is a stage
 * palette kept on the side, which is what this test is for. The earlier palettes (the
 * extension's own and the first Okabe–Ito one) are named so their return is caught even
 * where a stylesheet happens to use the same grey.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../cli/main.ts';
import { ERROR_COLOR } from '../../extension/ui/badge.ts';
import { LANGUAGES, STAGES, type Stage, columnLetter } from '../../shared/index.ts';
import { AGING_COLORS, stageLook } from '../../shared/stage-look.ts';
import { createSpreadsheet } from '../apps-script/fakes/spreadsheet-model.ts';
import { loadBundle } from '../apps-script/harness.ts';
import { NOW, col } from '../apps-script/ledger-helpers.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const at = (p: string) => join(ROOT, p);

/** The stage colours Payladder drew before `stageLook`, where they differ from it. */
const LEGACY = {
  // extension/ui/stages.ts: popup chips, toolbar badge, Gmail chip and badges.
  extension: [
    '#8a5a00',
    '#b04a00',
    '#c5221f',
    '#a50e0e',
    '#7b1fa2',
    '#4a148c',
    '#8d4e00',
    '#00707a',
    '#137333',
    '#0b6e99',
    '#1967d2',
    '#5f6368',
  ],
  // The first shared palette: the sheet and the sidebar.
  sheet: ['#e8e8e8', '#cc79a7', '#d9f0e8', '#f5f5f5', '#cfe8f6', '#ede1ea', '#b7e4f5', '#a34700'],
};
/** Stage names the surfaces used to disagree on (issue 12's quote). */
const LEGACY_WORDS = ['Vie legali', 'Ultimo avviso', 'Notice of a small-claims filing'];

const STAGE_COLOURS = new Set(STAGES.flatMap((s) => [stageLook[s].color, stageLook[s].text]));
const hexes = (text: string) =>
  new Set([...text.matchAll(/#[0-9a-fA-F]{6}\b/g)].map((m) => m[0].toLowerCase()));

/** The interface colours the surfaces' stylesheets write (backgrounds, borders, focus). */
const INTERFACE = new Set(
  ['extension/ui/styles.css', 'extension/gmail/styles.ts', 'apps-script/sidebar/ui/styles.css'].flatMap(
    (f) => [...hexes(readFileSync(at(f), 'utf8'))],
  ),
);
const ALLOWED = new Set([
  ...STAGE_COLOURS,
  ...Object.values(AGING_COLORS),
  ERROR_COLOR.toLowerCase(),
  ...INTERFACE,
]);

interface Surface {
  name: string;
  text: string;
  /** Which of `stageLook`'s words it shows: labels in lines, short names on chips. */
  words: ('label' | 'short')[];
}

function bundle(name: string, files: string[], words: Surface['words']): Surface {
  for (const f of files) expect(existsSync(f), `${f}: run npm run build first`).toBe(true);
  return { name, text: files.map((f) => readFileSync(f, 'utf8')).join('\n'), words };
}

describe('every built surface takes its stage colours and words from stageLook', () => {
  let surfaces: Surface[];
  beforeAll(() => {
    const chunks = at('.output/chrome-mv3/chunks');
    const popupChunks = existsSync(chunks)
      ? readdirSync(chunks)
          .filter((f) => f.endsWith('.js'))
          .map((f) => join(chunks, f))
      : [join(chunks, 'popup.js')];
    surfaces = [
      bundle('sidebar', [at('apps-script/dist/sidebar.html')], ['label']),
      bundle('popup', popupChunks, ['label', 'short']),
      bundle('background (toolbar badge)', [at('.output/chrome-mv3/background.js')], []),
      bundle('Gmail content script', [at('.output/chrome-mv3/content-scripts/gmail.js')], ['label', 'short']),
    ];
  });

  it('carries every stage colour pair where chips are drawn', () => {
    for (const s of surfaces) {
      const found = hexes(s.text);
      for (const stage of STAGES) {
        expect(found.has(stageLook[stage].color), `${s.name}: ${stage} fill`).toBe(true);
        expect(found.has(stageLook[stage].text), `${s.name}: ${stage} text`).toBe(true);
      }
    }
  });

  it('carries no other stage colour: nothing but stageLook, aging, error and its stylesheets', () => {
    for (const s of surfaces) {
      const stray = [...hexes(s.text)].filter((c) => !ALLOWED.has(c));
      expect(stray, s.name).toEqual([]);
      const legacy = [...LEGACY.extension, ...LEGACY.sheet].filter(
        (c) => hexes(s.text).has(c) && !INTERFACE.has(c) && c !== ERROR_COLOR,
      );
      expect(legacy, s.name).toEqual([]);
    }
  });

  it("names every stage with stageLook's words, in both languages, and not the old ones", () => {
    for (const s of surfaces) {
      // Lists of what is wrong, not the bundle: a failure names the words, not 50 KiB of script.
      const missing = STAGES.flatMap((stage) =>
        LANGUAGES.flatMap((lang) =>
          s.words
            .map((kind) => [`${stage} ${kind} (${lang})`, stageLook[stage][kind][lang]] as const)
            .filter(([, word]) => !quoted(word).test(s.text))
            .map(([what]) => what),
        ),
      );
      expect(missing, s.name).toEqual([]);
      expect(
        LEGACY_WORDS.filter((old) => quoted(old).test(s.text)),
        s.name,
      ).toEqual([]);
    }
  });

  it("formats the sheet's Stage cells in stageLook's pairs, the rows in their tints, no old fill", async () => {
    const { app, fakes } = await loadBundle({ now: NOW, spreadsheet: createSpreadsheet() });
    app.setupLedger();
    const ms = fakes.spreadsheet.sheet('Milestones');
    const stage = columnLetter(col(ms, 'Stage'));
    const rules = ms.conditionalRules.map((r) => r.spec);
    const byStage = new Map<string, { background: string | null; fontColor: string | null }>();
    for (const r of rules.filter((x) => x.ranges[0] === `Milestones!${stage}2:${stage}1000`)) {
      const id = /="([a-z_]+)"$/.exec(String(r.values[0]))?.[1] ?? '';
      byStage.set(id, { background: r.background, fontColor: r.fontColor });
    }
    for (const s of STAGES.filter((x) => x !== 'current'))
      expect(byStage.get(s), s).toEqual({ background: stageLook[s].color, fontColor: stageLook[s].text });
    const fills = rules.map((r) => (r.background ?? '').toLowerCase());
    for (const old of LEGACY.sheet) expect(fills).not.toContain(old);
  });
});

describe("the CLI's report", () => {
  const labelToStage = new Map(STAGES.map((s) => [stageLook[s].label.en, s] as const));

  it('prints each stage in words, never an id (the built CLI, plain)', () => {
    const cli = at('cli/bin/payladder.js');
    expect(existsSync(at('cli/dist/payladder.mjs')), 'run npm run build first').toBe(true);
    const out = execFileSync(process.execPath, [cli, 'report', '--today', '2026-11-30'], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    for (const s of ['followup', 'final', 'stop_work', 'demand', 'small_claims', 'paid'] as const)
      expect(out).toContain(stageLook[s].label.en);
    expect(out).not.toMatch(/\b(stop_work|small_claims|written_off|on_hold|broken_promise|followup)\b/);
  });

  it('colours each stage on a terminal in its stageLook pair', async () => {
    let stdout = '';
    const code = await run(['report', '--today', '2026-11-30'], {
      stdout: (s) => void (stdout += s),
      stderr: () => undefined,
      isTty: true,
      env: {},
      now: () => new Date('2026-11-30T10:00:00Z'),
    });
    expect(code).toBe(0);
    // eslint-disable-next-line no-control-regex -- the report's own 24-bit SGR chips
    const chips = [...stdout.matchAll(/\x1b\[38;2;(\d+;\d+;\d+);48;2;(\d+;\d+;\d+)m([^\x1b]+)\x1b\[39;49m/g)];
    const seen = new Set<Stage>();
    // A chip names its stage in stageLook's words first; what follows says more ("Paid on
    // 2026-11-02", "Promised: US$1,000.00 by …", "Follow-up on 2026-11-20").
    const stageOfChip = (chip: string): Stage | undefined => {
      let found: [string, Stage] | undefined;
      for (const [words, stage] of labelToStage)
        if (
          (chip === words || chip.startsWith(`${words} `) || chip.startsWith(`${words}:`)) &&
          (!found || words.length > found[0].length)
        )
          found = [words, stage];
      return found?.[1];
    };
    for (const [, text, fill, label] of chips) {
      const stage = stageOfChip(label ?? '');
      expect(stage, `a chip says "${label}"`).toBeDefined();
      if (!stage) continue;
      seen.add(stage);
      expect([hex(fill ?? ''), hex(text ?? '')], stage).toEqual([
        stageLook[stage].color,
        stageLook[stage].text,
      ]);
    }
    expect(seen.size).toBeGreaterThanOrEqual(8);
  });
});

/** A string literal with `word` as its whole text, in any of a minifier's quotes. */
function quoted(word: string): RegExp {
  const w = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`["'\`]${w}["'\`]`);
}

/** `r;g;b` → `#rrggbb`. */
function hex(sgr: string): string {
  return `#${sgr
    .split(';')
    .map((c) => Number(c).toString(16).padStart(2, '0'))
    .join('')}`;
}
