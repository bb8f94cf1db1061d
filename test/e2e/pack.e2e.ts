/**
 * The documentation pack in real Chromium: it renders with no network request, no script
 * and no dialog (markup in ledger text stays text), fits an A4 page width when printed,
 * and prints to a PDF. The HTML and PDF go to test-results/pack/ for people to look at.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Pack } from '../../shared/index.ts';
import { buildPack, buildReport, DEMO_SHEET, demoLedger, packHtml } from '../../shared/index.ts';
import { type PageBrowser, launchPage } from '../support/chromium.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = join(ROOT, 'test-results/pack');
const TODAY = '2026-11-30';
const HOSTILE = '<img src=x onerror=alert(1)>"><script>alert(2)</script>{{contact}}';

/** A4 width minus the @page margins (210 mm − 2 × 12 mm) in CSS pixels (96 per inch). */
const A4_CONTENT_PX = Math.floor(((210 - 24) / 25.4) * 96);

function demoPack(client: string): Pack {
  const { ledger, report } = buildReport(demoLedger(TODAY), TODAY, {
    locale: DEMO_SHEET.locale,
    timeZone: DEMO_SHEET.timeZone,
  });
  return buildPack({ ledger, report, client, today: TODAY });
}

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

  it.each([
    ['northwind', () => demoPack('Northwind Analytics Ltd')],
    ['vento-rosso', () => demoPack('Vento Rosso S.r.l.')],
    ['hostile', hostilePack],
  ])('%s: renders self-contained, fits A4 when printed, and prints to PDF', async (name, make) => {
    const pack = make();
    const html = packHtml(pack);
    writeFileSync(join(OUT, `${name}.html`), html);
    const { page } = browser;
    await page.setViewportSize({ width: A4_CONTENT_PX, height: 1000 });
    await page.setContent(html, { waitUntil: 'load' });

    expect(await page.title()).toBe(`Documentation pack — ${pack.client.client} — ${TODAY}`);
    expect(await page.locator('h1').innerText()).toBe(`Documentation pack: ${pack.client.client}`);
    expect(await page.locator('#timeline tbody tr').count()).toBe(pack.events.length);
    expect(await page.locator('#milestones tbody tr').count()).toBe(pack.milestones.length);
    expect(await page.locator('script, img, iframe, link, object, embed').count()).toBe(0);

    await page.emulateMedia({ media: 'print' });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);

    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    writeFileSync(join(OUT, `${name}.pdf`), pdf);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
    expect(pages.length).toBeGreaterThan(0);
    await page.emulateMedia({ media: 'screen' });

    expect(dialogs).toEqual([]);
    expect(requests).toEqual([]);
  });

  it('shows hostile ledger text as text', async () => {
    const { page } = browser;
    await page.setContent(packHtml(hostilePack()), { waitUntil: 'load' });
    const text = await page.locator('#timeline').innerText();
    expect(text).toContain('<img src=x onerror=alert(1)>');
    expect(text).toContain('{{contact}}');
    expect(await page.locator('img, script').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });
});
