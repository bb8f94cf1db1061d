import { describe, expect, it } from 'vitest';
import { goalTable } from '../../bench/goals.ts';

describe("npm run bench's table of issue 15's goals", () => {
  it('lists the goals in order, each with its ratio and verdict', () => {
    const table = goalTable([
      { goal: 4, what: 'popup', target: '≤ 50 ms', figure: '61 ms', ratio: 1.22, before: '64 ms' },
      { goal: 1, what: 'core', target: '≤ 2×', figure: '1.9×', ratio: 0.95, before: '9.5×' },
      { goal: 2, what: 'calls', target: '≤ 12', figure: '12', ratio: 1, before: '18' },
    ]);
    const rows = table.split('\n');
    expect(rows[0]).toMatch(/^goal \| judged/);
    expect(rows.slice(2).map((r) => r.split('|').map((c) => c.trim()))).toEqual([
      ['1', 'core', '≤ 2×', '1.9×', '0.95×', 'met', '9.5×'],
      ['2', 'calls', '≤ 12', '12', '1.00×', 'met', '18'],
      ['4', 'popup', '≤ 50 ms', '61 ms', '1.22×', 'not met', '64 ms'],
    ]);
  });

  it('prints nothing when no benchmark judged a goal', () => {
    expect(goalTable([])).toBe('');
  });
});
