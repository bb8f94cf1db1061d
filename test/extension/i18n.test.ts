import { describe, expect, it } from 'vitest';
import { formatRelative } from '../../extension/ui/display-text.ts';
import { STRINGS, intlTag, resolveLang } from '../../extension/ui/i18n.ts';

/** Every path to a leaf (string or function) in a strings object. */
function leaves(value: unknown, path = ''): string[] {
  if (typeof value === 'string' || typeof value === 'function') return [path];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
    leaves(v, path ? `${path}.${k}` : k),
  );
}

describe('the Italian strings', () => {
  it('cover every English entry, and no more', () => {
    expect(leaves(STRINGS.it).sort()).toEqual(leaves(STRINGS.en).sort());
  });

  it('are translated, not copied (names and brand excepted)', () => {
    const same = leaves(STRINGS.en).filter((path) => {
      const get = (o: unknown) => path.split('.').reduce((v, k) => (v as Record<string, unknown>)[k], o);
      const en = get(STRINGS.en);
      const it = get(STRINGS.it);
      return typeof en === 'string' && en === it;
    });
    expect(same).toEqual(['appName']);
  });
});

it.each([
  ['auto', 'it-IT', 'it'],
  ['auto', 'it', 'it'],
  ['auto', 'en-US', 'en'],
  ['auto', 'de-DE', 'en'],
  ['en', 'it-IT', 'en'],
  ['it', 'en-GB', 'it'],
] as const)('language %s in a %s browser → %s', (choice, browser, expected) => {
  expect(resolveLang(choice, browser)).toBe(expected);
});

describe('formatRelative', () => {
  it.each([
    [-30_000, 'en', 'now'],
    [-3 * 60_000, 'en', '3 minutes ago'],
    [-3 * 60_000, 'it', '3 minuti fa'],
    [-2 * 3600_000, 'en', '2 hours ago'],
    [-26 * 3600_000, 'en', 'yesterday'],
    [45_000, 'en', 'in 45 seconds'],
    [45_000, 'it', 'tra 45 secondi'],
    [4 * 60_000, 'en', 'in 4 minutes'],
  ] as const)('%i ms in %s → %s', (delta, lang, expected) => {
    expect(formatRelative(delta, lang)).toBe(expected);
  });

  // Written without Intl (the popup's paint runs none): the words must be Intl's, to the letter.
  it.each(['en', 'it'] as const)('says what Intl.RelativeTimeFormat says in %s, past and future', (lang) => {
    const intl = new Intl.RelativeTimeFormat(intlTag(lang), { numeric: 'auto' });
    const ms = { second: 1000, minute: 60_000, hour: 3600_000, day: 86_400_000 } as const;
    const cases: [number, keyof typeof ms, number][] = [];
    for (let n = 5; n < 60; n++) cases.push([n, 'second', n]);
    for (let n = 1; n < 60; n++) cases.push([n, 'minute', n]);
    for (let n = 1; n < 24; n++) cases.push([n, 'hour', n]);
    for (const n of [1, 2, 3, 7, 30, 365, 999, 1000, 1234, 9999, 10_000, 12_345]) cases.push([n, 'day', n]);
    for (const [n, unit] of cases) {
      for (const sign of [-1, 1]) {
        // Seconds of the past read "now" (a test above).
        const expected =
          unit === 'second' && sign < 0 ? intl.format(0, 'second') : intl.format(sign * n, unit);
        expect(formatRelative(sign * n * ms[unit], lang), `${sign * n} ${unit}`).toBe(expected);
      }
    }
    expect(formatRelative(0, lang)).toBe(intl.format(0, 'second'));
  });
});

it.each(['en', 'it'] as const)(
  'speaks to users in %s: no build variable, file path or code in any text',
  (lang) => {
    const vars = { sheet: 'Ledger', status: '500', detail: 'x', retry: 'in 2 minutes' };
    const texts = leaves(STRINGS[lang]).map((path) => {
      const leaf = path
        .split('.')
        .reduce((v, k) => (v as Record<string, unknown>)[k], STRINGS[lang] as unknown);
      // Each function is called with every kind of argument the pages give (counts, words, error variables).
      return typeof leaf === 'function'
        ? (leaf as (...a: unknown[]) => string)(Object.assign(2, vars), ['x'])
        : leaf;
    });
    for (const text of texts) expect(String(text)).not.toMatch(/[A-Z]{2,}_[A-Z]{2,}|\.md\b|extension\//);
  },
);
