/**
 * Light or dark, as Gmail is drawn right now. Gmail's themes (dark, or a dark picture)
 * paint the page background; the browser's `prefers-color-scheme` only says what the
 * system prefers, which Gmail follows only when the user picked "Device default".
 */
export type Theme = 'light' | 'dark';

/** The theme of Gmail's page: its background colour first, the system preference otherwise. */
export function detectTheme(doc: Document): Theme {
  const view = doc.defaultView;
  if (view) {
    for (const el of [doc.body, doc.documentElement]) {
      if (!el) continue;
      const rgb = parseRgb(view.getComputedStyle(el).backgroundColor);
      if (rgb !== null) return luminance(rgb) < 0.4 ? 'dark' : 'light';
    }
    if (view.matchMedia?.('(prefers-color-scheme: dark)').matches) return 'dark';
  }
  return 'light';
}

/** `rgb(r, g, b)` / `rgba(r, g, b, a)` → [r, g, b] in 0–255; null when transparent or unreadable. */
export function parseRgb(value: string | null | undefined): [number, number, number] | null {
  const match = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+%?))?\s*\)$/i.exec(
    (value ?? '').trim(),
  );
  if (!match) return null;
  const alpha = match[4];
  if (alpha !== undefined) {
    const a = alpha.endsWith('%') ? Number(alpha.slice(0, -1)) / 100 : Number(alpha);
    if (a < 0.5) return null;
  }
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** Relative luminance, 0 (black) to 1 (white), per WCAG 2.x. */
export function luminance([r, g, b]: readonly [number, number, number]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}
