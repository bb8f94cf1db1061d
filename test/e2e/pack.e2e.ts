/**
 * The documentation pack in real Chromium: for a client of each jurisdiction in the demo it
 * renders with no network request, no script and no dialog (markup in ledger text stays
 * text), fits the page width, and prints to PDF on A4 and Letter. `pdftotext` (Debian
 * poppler-utils, installed by .ci/run) then reads the PDF as a clerk would: both parties,
 * the running balance ending at the outstanding amount, interest lines adding up to their
 * total to the cent, page numbers, an Italian pack with no English heading, no tax note
 * and no other client's problem, and no word broken across lines. The HTML, PDFs and
 * their text go to test-results/pack/ for people to look at.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Pack } from '../../shared/index.ts';
import { buildPack, buildReport, DEMO_SHEET, demoLedger, PACK_WORDS, packHtml } from '../../shared/index.ts';
import { type PageBrowser, launchPage } from '../support/chromium.ts';
import { problemText } from '../../shared/problems.ts';
import type { Problem } from '../../shared/model.ts';

/** A problem's English message and fix (texts are written on demand, problems.ts). */
const en = (p: Problem | undefined) => (p ? problemText(p, 'en') : { message: '', fix: '' });

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = join(ROOT, 'test-results/pack');
const TODAY = '2026-11-30';
const HOSTILE = '<img src=x onerror=alert(1)>"><script>alert(2)</script>{{contact}}';

/** Page widths minus the @page side margins (2 × 12 mm), in CSS pixels (96 per inch). */
const CONTENT_PX = {
  A4: Math.floor(((210 - 24) / 25.4) * 96),
  Letter: Math.floor(((215.9 - 24) / 25.4) * 96),
};

const demo = buildReport(demoLedger(TODAY), TODAY, {
  locale: DEMO_SHEET.locale,
  timeZone: DEMO_SHEET.timeZone,
});
const demoPack = (client: string): Pack =>
  buildPack({ ledger: demo.ledger, report: demo.report, client, today: TODAY });

/** One demo client per jurisdiction. */
const CLIENTS: ReadonlyArray<readonly [string, string]> = [
  ['IT', 'Studio Bianchi Architetti'],
  ['GB-ENG', 'Northwind Analytics Ltd'],
  ['GB-SCT', 'Glenmore Distillery'],
  ['GB-NIR', 'Belfast Print Works'],
  ['US-CA', 'Harbor & Pine LLC'],
  ['US-NY', 'Lakeshore Dental Group'],
  ['EU', 'Kestrel Media GmbH'],
];

/** The demo ledger with markup in every text cell of one client's rows. */
function hostilePack(): Pack {
  const raw = demoLedger(TODAY);
  const NW = 'Northwind Analytics Ltd';
  for (const tab of ['Clients', 'Milestones', 'Payments', 'Reminders', 'Change orders']) {
    const rows = raw[tab] as unknown[][];
    const header = rows[0] as string[];
    const text = [
      'Contact',
      'Notes',
      'Project',
      'Description',
      'Invoice',
      'Method',
      'Note',
      'Subject',
      'To',
      'Link',
    ];
    for (const row of rows.slice(1)) {
      if (!row.includes(NW) && !String(row[1] ?? '').startsWith('NW-')) continue;
      for (const h of text) if (header.includes(h)) row[header.indexOf(h)] = `${HOSTILE} ${h}`;
    }
  }
  const settings = raw.Settings as unknown[][];
  for (const row of settings) if (row[0] === 'Your name') row[1] = HOSTILE;
  const { ledger, report } = buildReport(raw, TODAY, {
    locale: DEMO_SHEET.locale,
    timeZone: DEMO_SHEET.timeZone,
  });
  return buildPack({ ledger, report, client: NW, today: TODAY });
}

function pdfText(file: string, layout: boolean): string {
  return execFileSync('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', file, '-'], {
    encoding: 'utf8',
  });
}

/** "£12,000.00", "4.300,00 €", "$1,500.00" → minor units (every demo currency has 2 decimals). */
function minor(text: string): number {
  const sign = text.includes('-') ? -1 : 1;
  return sign * Number(text.replace(/[^\d]/g, ''));
}
const MONEY = /-?[£$€]?\s?\d[\d.,]*[.,]\d{2}(?:\s?€)?/g;

/** Words of the pack as written: whitespace-separated, outer punctuation off. */
const bare = (w: string) => w.replace(/^[("'“]+|[)"'”,.;:]+$/g, '');

/**
 * Pairs (end of one line, start of the next) that only make a word of the pack when
 * joined: a word broken across lines ("Dema|nd", "FT-2026-|031"). Links may break.
 */
function brokenWords(text: string, vocabulary: ReadonlySet<string>, links: readonly string[]): string[] {
  const lines = text.split('\n').map((l) => l.trim());
  const broken: string[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const a = bare(lines[i]!.split(/\s+/).at(-1) ?? '').replace(/[,.;:]$/, '');
    const b = bare(lines[i + 1]!.split(/\s+/)[0] ?? '');
    if (!a || !b) continue;
    const joined = a + b;
    if (vocabulary.has(joined) && !(vocabulary.has(a) && vocabulary.has(b)))
      if (!links.some((l) => l.includes(joined))) broken.push(`${a}|${b}`);
  }
  return broken;
}

describe('documentation pack in Chromium', () => {
  let browser: PageBrowser;
  const dialogs: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    browser = await launchPage();
    browser.page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    browser.page.on('request', (r) => {
      if (!r.url().startsWith('data:') && r.url() !== 'about:blank') requests.push(r.url());
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  const cases = CLIENTS.flatMap(([jurisdiction, client]) =>
    (['A4', 'Letter'] as const).map((format) => [jurisdiction, client, format] as const),
  );

  it.each(cases)('%s, %s, %s: prints a pack a clerk can read', async (jurisdiction, client, format) => {
    const pack = demoPack(client);
    expect(pack.client.jurisdiction).toBe(jurisdiction);
    const w = PACK_WORDS[pack.language];
    const html = packHtml(pack);
    const name = `${jurisdiction.toLowerCase()}-${format.toLowerCase()}`;
    writeFileSync(join(OUT, `${name}.html`), html);
    const { page } = browser;
    await page.setViewportSize({ width: CONTENT_PX[format], height: 1000 });
    await page.setContent(html, { waitUntil: 'load' });
    expect(await page.locator('script, img, iframe, link, object, embed').count()).toBe(0);
    const bodyText = await page.locator('body').innerText();

    await page.emulateMedia({ media: 'print' });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    const pdf = await page.pdf({ format, printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    const file = join(OUT, `${name}.pdf`);
    writeFileSync(file, pdf);
    const text = pdfText(file, false);
    const layout = pdfText(file, true);
    writeFileSync(join(OUT, `${name}.txt`), layout);
    const flat = text.replace(/\s+/g, ' ');

    // Both parties.
    expect(flat).toContain(pack.preparedBy.businessName);
    expect(flat).toContain(pack.client.legalName || pack.client.client);

    // Page numbers on every page: "page 2 of 4" / "pagina 2 di 4".
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
    expect(pages).toBeGreaterThan(0);
    for (let n = 1; n <= pages; n++) expect(flat).toContain(`${w.page[0]} ${n} ${w.page[1]} ${pages}`);

    // The running balance ends at the outstanding amount, per currency.
    for (const s of pack.statement) {
      const t = pack.totals.find((x) => x.currency === s.currency);
      const balanceDue = layout
        .split('\n')
        .filter((l) => l.trim().startsWith(w.balanceDue))
        .map((l) => minor(l.match(MONEY)?.at(-1) ?? 'none'));
      expect(balanceDue).toContain(t?.outstanding);
    }

    // The interest lines add up to each total, to the cent.
    let lines: number[] = [];
    let blocks = 0;
    for (const l of layout.split('\n')) {
      if (l.includes('÷ 365')) lines.push(minor(l.match(MONEY)?.at(-1) ?? 'none'));
      else if (new RegExp(`^\\s*${w.interestTotal}\\s+\\S`).test(l) && lines.length > 0) {
        expect(lines.reduce((a, b) => a + b, 0)).toBe(minor(l.match(MONEY)?.at(-1) ?? 'none'));
        lines = [];
        blocks++;
      }
    }
    expect(blocks).toBe(pack.interest.filter((i) => i.periods.length > 0).length);

    // Nothing meant only for the user, and nothing about another client.
    expect(flat).not.toMatch(
      /\bgrade [AB]\b|TUIR|VATA 1994|IRC §166|Default jurisdiction|bad debt|row error/i,
    );
    for (const other of demo.ledger.clients)
      if (other.client !== client) expect(flat).not.toContain(other.client);
    for (const p of demo.report.problems) expect(flat).not.toContain(en(p).message);

    // An Italian pack has no English heading or label.
    if (pack.language === 'it') {
      const en = PACK_WORDS.en;
      for (const heading of [
        en.parties,
        en.agreement,
        en.statement,
        en.interestHeading,
        en.chasing,
        en.route,
        en.declaration,
        en.debit,
        en.credit,
        en.balance,
        en.balanceDue,
        en.legalName,
        en.signature,
        en.document,
      ])
        expect(flat).not.toMatch(new RegExp(`(^|[^\\p{L}])${heading}($|[^\\p{L}])`, 'u'));
      expect(flat).toContain(w.statement);
    }

    // No word broken across lines.
    const vocabulary = new Set(bodyText.split(/\s+/).map(bare).filter(Boolean));
    // Links and e-mail addresses may wrap (at "@" for addresses); nothing else may.
    const links = [
      ...pack.chasing.flatMap((c) => [c.link, c.to]),
      pack.client.contract,
      ...pack.client.emails,
    ].filter(Boolean);
    expect(brokenWords(text, vocabulary, links)).toEqual([]);
    // pdftotext joins a word hyphenated at a line end ("FT-2026-|058" → "FT-2026058"):
    // every word it reads must be a word of the pack.
    const pageWords = new Set([...w.page, ...Array.from({ length: pages }, (_, k) => String(k + 1))]);
    const strangers = text
      .split(/\s+/)
      .map(bare)
      .filter((x) => x && !vocabulary.has(x) && !pageWords.has(x) && !links.some((l) => l.includes(x)));
    expect(strangers).toEqual([]);

    expect(dialogs).toEqual([]);
    expect(requests).toEqual([]);
  });

  it('shows hostile ledger text as text, and prints it', async () => {
    const { page } = browser;
    const html = packHtml(hostilePack());
    writeFileSync(join(OUT, 'hostile.html'), html);
    await page.setContent(html, { waitUntil: 'load' });
    const text = await page.locator('#chasing').innerText();
    expect(text).toContain('<img src=x onerror=alert(1)>');
    expect(text).toContain('{{contact}}');
    expect(await page.locator('img, script').count()).toBe(0);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(dialogs).toEqual([]);
    expect(requests).toEqual([]);
  });
});
