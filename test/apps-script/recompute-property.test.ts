/**
 * Property: whatever the ledger holds (tabs missing or renamed in another case, columns in
 * any order, unknown and duplicate columns, junk in every cell, stale values in computed
 * columns), recompute in the bundled Code.js never changes a cell the user typed, and
 * never throws.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { TABS } from '../../shared/index.ts';
import { createSpreadsheet } from './fakes/spreadsheet-model.ts';
import type { LoadedBundle } from './harness.ts';
import { ensureBundleBuilt, loadBundle } from './harness.ts';
import { NOW, userCells } from './ledger-helpers.ts';

const CLIENTS = ['Acme', 'acme ', 'Beta Srl', 'Gamma Ltd', ''];
const IDS = ['M-1', 'M-2', 'm-1', '007', 'M-3/1', ''];

const cell: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constant('') },
  { weight: 2, arbitrary: fc.constantFrom(...CLIENTS, ...IDS) },
  { weight: 2, arbitrary: fc.integer({ min: -1000, max: 50_000 }) },
  { weight: 1, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }) },
  {
    weight: 2,
    arbitrary: fc
      .integer({ min: -400, max: 400 })
      .map((d) => new Date(Date.UTC(2026, 2, 2 + d)).toISOString().slice(0, 10)),
  },
  {
    weight: 1,
    arbitrary: fc.integer({ min: -400, max: 400 }).map((d) => new Date(Date.UTC(2026, 2, 2 + d) - 3_600_000)),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'Paid',
      'disputed',
      'On hold',
      'Written off',
      'bogus',
      'reminder',
      'stop_work',
      'gmail',
      'draft',
      'en',
      'it',
      'EUR',
      'GBP',
      'XXX',
      'IT',
      'GB-ENG',
      'UK',
      'B2B',
      'B2C',
      'high',
      '#REF!',
      '#N/A',
      '=A1',
      '1.234,56',
      '30/11/2026',
      '31/02/2026',
      'TRUE',
    ),
  },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);

/** One tab: some of its headers in any order, maybe an unknown or duplicate column, junk rows. */
const tab = (spec: (typeof TABS)[number]) =>
  fc
    .record({
      present: fc.boolean(),
      upper: fc.boolean(),
      headers: fc.shuffledSubarray(
        spec.columns.map((c) => c.header),
        { minLength: 1 },
      ),
      extra: fc.constantFrom([], ['My notes'], ['Stage'], ['ID'], ['Amount', 'x']),
      rows: fc.array(fc.array(cell, { minLength: 0, maxLength: 24 }), { maxLength: 10 }),
    })
    .map((t) => ({
      present: t.present || spec.key === 'milestones',
      name: t.upper ? spec.name.toUpperCase() : spec.name,
      header: [...t.headers, ...t.extra],
      rows: t.rows.map((r) => r.slice(0, t.headers.length + t.extra.length)),
    }));

const ledger = fc.tuple(...TABS.map((spec) => tab(spec)), fc.array(cell, { maxLength: 5 }));

describe('recompute over random ledgers', () => {
  let bundle: LoadedBundle;
  beforeAll(async () => {
    await ensureBundleBuilt();
    bundle = await loadBundle({ now: NOW, spreadsheet: createSpreadsheet() });
  });

  it('changes no user-typed cell in 1,000 runs', () => {
    const { app, fakes, calls } = bundle;
    const book = fakes.spreadsheet;
    let writes = 0;
    fc.assert(
      fc.property(ledger, (generated) => {
        const tabs = generated.slice(0, TABS.length) as {
          present: boolean;
          name: string;
          header: string[];
          rows: unknown[][];
        }[];
        const own = generated[TABS.length] as unknown[];
        book.sheets.splice(0);
        book.seedSheet({ name: 'Own tab', rows: [own] });
        for (const t of tabs) if (t.present) book.seedSheet({ name: t.name, rows: [t.header, ...t.rows] });
        book.activeSheetId = book.sheets[0]?.sheetId;
        const before = userCells(book);
        calls.reset();
        app.recomputeLedger();
        fakes.endExecution();
        writes += calls.count('Range.setValues');
        expect(userCells(book)).toEqual(before);
      }),
      { numRuns: 1000, seed: 20261130 },
    );
    // The property is not vacuous: most runs did write computed cells.
    expect(writes).toBeGreaterThan(300);
  }, 180_000);
});
