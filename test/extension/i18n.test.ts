import { describe, expect, it } from 'vitest';
import { formatRelative } from '../../extension/ui/display-text.ts';
import { STRINGS, resolveLang } from '../../extension/ui/i18n.ts';

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
