/**
 * The sidebar's dev harness in real Chromium at the width Sheets gives a sidebar (300 px),
 * in English and Italian: every view fits without sideways scrolling, every action reaches
 * its server handler with a payload the handler's own schema accepts, failures show and
 * retry, the keyboard reaches the controls, and markup in ledger text stays text.
 * Screenshots go to test-results/sidebar/ for people to look at.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZodMiniType } from 'zod/mini';
import {
  ClientInput,
  ConfirmSentInput,
  DraftReminderInput,
  LogPromiseInput,
  MilestoneInput,
  PaymentPlanInput,
  RecordPaymentInput,
  SelectCellInput,
  SetStatusInput,
  WriteOffInput,
} from '../../apps-script/src/api.ts';
import type { ServerApi } from '../../apps-script/src/api.ts';
import type { HarnessCall } from '../../apps-script/sidebar/dev/fake-run.ts';
import { HOSTILE } from '../../apps-script/sidebar/dev/hostile-ledger.ts';
import { type PageBrowser, launchPage } from '../support/chromium.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SHOTS = join(ROOT, 'test-results/sidebar');
const WIDTH = 300;
const TODAY = '2026-11-30';
/** A week later: where a payment plan starts and a promise falls unless the user picks a day. */
const WEEK = '2026-12-07';

/** The schema each handler validates its input with; getSidebarView takes none. */
const INPUTS: Record<keyof ServerApi, ZodMiniType | null> = {
  getSidebarView: null,
  recordPayment: RecordPaymentInput(),
  setMilestoneStatus: SetStatusInput(),
  logPromise: LogPromiseInput(),
  draftReminder: DraftReminderInput(),
  confirmDraftSent: ConfirmSentInput(),
  previewPaymentPlan: PaymentPlanInput(),
  createPaymentPlan: PaymentPlanInput(),
  writeOffMilestone: WriteOffInput(),
  exportPack: ClientInput(),
  selectCell: SelectCellInput(),
  jumpToMilestone: MilestoneInput(),
};

const TEXT = {
  en: {
    dashboard: 'Dashboard',
    clients: 'Clients',
    problems: /^Problems/,
    clientsHeading: 'Clients by urgency',
    problemsHeading: 'Problems in the ledger',
    draft: 'Draft reminder',
    confirmSent: 'Confirm sent',
    recordPayment: 'Record payment',
    amount: 'Amount (EUR)',
    save: 'Save payment',
    disputed: 'Mark disputed',
    onHold: 'Put on hold',
    resume: 'Resume',
    plan: 'Payment plan',
    preview: 'Preview',
    create: 'Create plan',
    writeOff: 'Write off',
    exportPack: 'Export documentation pack',
    goToRow: 'Go to row',
    retry: 'Try again',
    typedAmount: '1,234.56',
    more: (id: string) => `More actions for ${id}`,
    reason: /^Reason/,
    disputeConfirm: 'Mark disputed',
    logPromise: 'Log a promise',
    savePromise: 'Save promise',
    method: 'Method',
    bankTransfer: 'Bank transfer',
    needsAction: /^Needs action today/,
  },
  it: {
    dashboard: 'Riepilogo',
    clients: 'Clienti',
    problems: /^Problemi/,
    clientsHeading: 'Clienti per urgenza',
    problemsHeading: 'Problemi nel registro',
    draft: 'Prepara sollecito',
    confirmSent: 'Conferma invio',
    recordPayment: 'Registra pagamento',
    amount: 'Importo (EUR)',
    save: 'Salva pagamento',
    disputed: 'Segna contestato',
    onHold: 'Metti in sospeso',
    resume: 'Riprendi',
    plan: 'Piano di rientro',
    preview: 'Anteprima',
    create: 'Crea il piano',
    writeOff: 'Stralcia',
    exportPack: 'Esporta il fascicolo',
    goToRow: 'Vai alla riga',
    retry: 'Riprova',
    typedAmount: '1.234,56',
    more: (id: string) => `Altre azioni per ${id}`,
    reason: /^Motivo/,
    disputeConfirm: 'Segna contestato',
    logPromise: 'Registra promessa',
    savePromise: 'Salva promessa',
    method: 'Metodo',
    bankTransfer: 'Bonifico',
    needsAction: /^Da fare oggi/,
  },
} as const;

let harnessDir = '';
let server: Server;
let origin = '';
let browser: PageBrowser;

beforeAll(async () => {
  harnessDir = mkdtempSync(join(tmpdir(), 'payladder-harness-'));
  // The page `npm run dev:sidebar` serves, built once and served as static files.
  execFileSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'apps-script/sidebar/dev/vite.config.ts',
      '--outDir',
      harnessDir,
      '--emptyOutDir',
      '--logLevel',
      'error',
    ],
    { cwd: ROOT, env: { ...process.env, NODE_ENV: 'production' }, stdio: 'pipe' },
  );
  server = serveStatic(harnessDir);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  origin = `http://127.0.0.1:${address.port}`;
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchPage();
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  rmSync(harnessDir, { recursive: true, force: true });
});

async function openSidebar(query: Record<string, string>): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.browser.newContext({ viewport: { width: WIDTH, height: 800 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('dialog', (dialog) => {
    errors.push(`unexpected dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  const params = new URLSearchParams({ today: TODAY, latency: '40', ...query });
  await page.goto(`${origin}/index.html?${params}`);
  return { page, errors };
}

/** Document width, and any element whose box reaches past the viewport's right edge. */
async function expectFitsWidth(page: Page, where: string): Promise<void> {
  const layout = await page.evaluate((width) => {
    const overflowing = [...document.querySelectorAll('body *')]
      .filter((el) => !el.closest('.visually-hidden'))
      .filter((el) => el.getBoundingClientRect().right > width + 0.5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? '').slice(0, 40)}"`);
    return { scrollWidth: document.documentElement.scrollWidth, overflowing };
  }, WIDTH);
  expect(layout.overflowing, where).toEqual([]);
  expect(layout.scrollWidth, where).toBeLessThanOrEqual(WIDTH);
}

async function shot(page: Page, name: string): Promise<void> {
  const file = join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  expect(statSync(file).size).toBeGreaterThan(5_000);
}

async function calls(page: Page): Promise<HarnessCall[]> {
  return page.evaluate(() => window.payladderHarness?.calls ?? []);
}

/** Waits for the harness to log a finished call of `name` beyond the `seen` first ones. */
async function nextCall(page: Page, name: keyof ServerApi, seen: number): Promise<HarnessCall> {
  await expect
    .poll(async () => (await calls(page)).filter((c) => c.name === name).length, { timeout: 10_000 })
    .toBeGreaterThan(seen);
  const call = (await calls(page)).filter((c) => c.name === name)[seen] as HarnessCall;
  await expect
    .poll(async () => {
      const done = (await calls(page)).filter((c) => c.name === name)[seen];
      return done?.ok === true || done?.error !== undefined;
    })
    .toBe(true);
  return (await calls(page)).filter((c) => c.name === name)[seen] ?? call;
}

const count = async (page: Page, name: keyof ServerApi) =>
  (await calls(page)).filter((c) => c.name === name).length;

describe.each(['en', 'it'] as const)('sidebar harness at 300 px (%s)', (lang) => {
  const t = TEXT[lang];
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    ({ page, errors } = await openSidebar({ lang }));
    await page.getByRole('heading', { level: 2, name: t.dashboard }).waitFor();
  });

  afterAll(async () => {
    await page?.context().close();
  });

  it('shows the dashboard', async () => {
    expect(await page.locator('html').getAttribute('lang')).toBe(lang);
    await expect.poll(() => page.locator('figure.aging svg[role="img"]').count()).toBe(3);
    await expectFitsWidth(page, 'dashboard');
    await shot(page, `dashboard-${lang}`);
    // Today's work: the headline, the messages, the drafts and the promises, with their actions.
    const today = page.locator('section.today');
    expect(await today.locator('.headline').textContent()).toMatch(lang === 'it' ? /da inviare/ : /to send/);
    const promise = today.locator('li.card[data-promise="HP-4"]');
    await promise.getByRole('button', { name: t.logPromise }).click();
    await promise.getByRole('button', { name: t.savePromise }).waitFor();
    await expectFitsWidth(page, 'needs action today');
    await today.screenshot({ path: join(SHOTS, `needs-action-${lang}.png`) });
    expect(statSync(join(SHOTS, `needs-action-${lang}.png`)).size).toBeGreaterThan(5_000);
    await promise.getByRole('button', { name: t.logPromise }).click();
  });

  it('lists clients and shows one in detail', async () => {
    await page.getByRole('navigation').getByRole('button', { name: t.clients }).click();
    await page.getByRole('heading', { level: 2, name: t.clientsHeading }).waitFor();
    await expectFitsWidth(page, 'clients');
    await shot(page, `clients-${lang}`);
    await page.locator('button.client-button[data-client="Northwind Analytics Ltd"]').click();
    await page.getByRole('heading', { level: 2, name: 'Northwind Analytics Ltd' }).waitFor();
    await expectFitsWidth(page, 'client detail');
    await shot(page, `client-${lang}`);
  });

  it('lists the problems', async () => {
    await page.getByRole('navigation').getByRole('button', { name: t.problems }).click();
    await page.getByRole('heading', { level: 2, name: t.problemsHeading }).waitFor();
    await expectFitsWidth(page, 'problems');
    await shot(page, `problems-${lang}`);
  });

  it('reaches the right handler with a valid payload from every action', async () => {
    const card = (id: string) => page.locator(`article[data-milestone="${id}"]`);
    const client = async (name: string) => {
      await page.getByRole('navigation').getByRole('button', { name: t.clients }).click();
      await page.locator(`button.client-button[data-client="${name}"]`).click();
      await page.getByRole('heading', { level: 2, name }).waitFor();
    };
    const checked = new Map<string, unknown>();
    const expectCall = async (name: keyof ServerApi, seen: number, payload: unknown) => {
      const call = await nextCall(page, name, seen);
      expect(call.error, `${name} failed`).toBeUndefined();
      expect(call.args).toEqual([payload]);
      const schema = INPUTS[name];
      if (schema) expect(schema.safeParse(call.args[0]).success, `${name} payload`).toBe(true);
      checked.set(name, payload);
    };

    // Dashboard: draft the reminder for a client with something due.
    await page.getByRole('navigation').getByRole('button', { name: t.dashboard }).click();
    let seen = await count(page, 'draftReminder');
    await page
      .locator('li.card[data-client="Lakeshore Dental Group"]')
      .getByRole('button', { name: t.draft })
      .click();
    await expectCall('draftReminder', seen, { client: 'Lakeshore Dental Group' });

    // The draft is prepared, not sent: confirm the day it went out (a new Reminders row).
    const draftCard = page.locator('li.card[data-draft]').filter({ hasText: 'Lakeshore Dental Group' });
    await draftCard.getByRole('button', { name: t.confirmSent }).waitFor();
    await expectFitsWidth(page, 'drafts to confirm');
    await shot(page, `drafts-to-confirm-${lang}`);
    seen = await count(page, 'confirmDraftSent');
    await draftCard.getByRole('button', { name: t.confirmSent }).click();
    await expectCall('confirmDraftSent', seen, { link: expect.any(String), sentOn: TODAY });

    // Record a payment, typed the way the ledger's locale writes numbers.
    await client('Studio Bianchi Architetti');
    await card('SB-2').getByRole('button', { name: t.recordPayment }).click();
    await card('SB-2').getByLabel(t.amount).fill(t.typedAmount);
    await card('SB-2').getByLabel(t.method, { exact: true }).selectOption({ label: t.bankTransfer });
    await expectFitsWidth(page, 'payment form');
    await shot(page, `record-payment-${lang}`);
    seen = await count(page, 'recordPayment');
    await card('SB-2').getByRole('button', { name: t.save }).click();
    await expectCall('recordPayment', seen, {
      milestone: 'SB-2',
      amount: 1234.56,
      date: TODAY,
      method: t.bankTransfer,
      note: '',
    });

    // The More menu; Mark disputed asks for the reason; then resume; on hold.
    await client('Kestrel Media GmbH');
    const more = async (id: string, item: string) => {
      await card(id)
        .getByRole('button', { name: t.more(id) })
        .click();
      await card(id).getByRole('button', { name: item, exact: true }).click();
    };
    await card('KM-1')
      .getByRole('button', { name: t.more('KM-1') })
      .click();
    await card('KM-1').getByRole('button', { name: t.writeOff, exact: true }).waitFor();
    await expectFitsWidth(page, 'more menu');
    await card('KM-1').screenshot({ path: join(SHOTS, `more-menu-${lang}.png`) });
    await card('KM-1').getByRole('button', { name: t.disputed, exact: true }).click();
    const dispute = card('KM-1').getByRole('form', { name: /KM-1/ });
    await dispute.getByLabel(t.reason).fill('Says the cut missed the brief (email 12 Nov)');
    await expectFitsWidth(page, 'dispute confirmation');
    await card('KM-1').screenshot({ path: join(SHOTS, `dispute-${lang}.png`) });
    seen = await count(page, 'setMilestoneStatus');
    await dispute.getByRole('button', { name: t.disputeConfirm, exact: true }).click();
    await expectCall('setMilestoneStatus', seen, {
      milestone: 'KM-1',
      status: 'Disputed',
      note: 'Says the cut missed the brief (email 12 Nov)',
    });
    await card('KM-1').getByRole('button', { name: t.resume }).click();
    await expectCall('setMilestoneStatus', seen + 1, { milestone: 'KM-1', status: '' });
    await more('KM-3', t.onHold);
    await expectCall('setMilestoneStatus', seen + 2, { milestone: 'KM-3', status: 'On hold' });

    // Log a promise: the day a week out, the amount what is outstanding.
    await more('KM-1', t.logPromise);
    await card('KM-1').getByRole('button', { name: t.savePromise }).waitFor();
    await expectFitsWidth(page, 'promise form');
    await card('KM-1').screenshot({ path: join(SHOTS, `promise-${lang}.png`) });
    seen = await count(page, 'logPromise');
    await card('KM-1').getByRole('button', { name: t.savePromise }).click();
    await expectCall('logPromise', seen, {
      milestone: 'KM-1',
      by: WEEK,
      amount: expect.any(Number),
      note: '',
    });

    // Payment plan: form → preview → create.
    await client('Maison Lumière SARL');
    await more('ML-1', t.plan);
    await card('ML-1')
      .getByLabel(lang === 'it' ? 'Rate' : 'Instalments')
      .fill('4');
    seen = await count(page, 'previewPaymentPlan');
    await card('ML-1').getByRole('button', { name: t.preview }).click();
    const plan = {
      milestone: 'ML-1',
      instalments: 4,
      interval: 'monthly',
      start: WEEK,
      keepUnderSmallClaimsLimit: false,
    };
    await expectCall('previewPaymentPlan', seen, plan);
    await card('ML-1').getByRole('button', { name: t.create }).waitFor();
    await expectFitsWidth(page, 'payment plan preview');
    await shot(page, `payment-plan-${lang}`);
    seen = await count(page, 'createPaymentPlan');
    await card('ML-1').getByRole('button', { name: t.create }).click();
    await expectCall('createPaymentPlan', seen, { ...plan, expected: expect.any(Array) });

    // Write off: confirmation, the documentation pack offered, then the write-off.
    await client('Lakeshore Dental Group');
    await more('LD-1', t.writeOff);
    const confirm = card('LD-1').getByRole('group', { name: /LD-1\?$/ });
    await confirm.waitFor();
    await expectFitsWidth(page, 'write-off confirmation');
    await shot(page, `write-off-${lang}`);
    seen = await count(page, 'exportPack');
    await confirm.getByRole('button', { name: t.exportPack }).click();
    await expectCall('exportPack', seen, { client: 'Lakeshore Dental Group' });
    seen = await count(page, 'writeOffMilestone');
    await confirm.getByRole('button', { name: t.writeOff, exact: true }).click();
    await expectCall('writeOffMilestone', seen, { milestone: 'LD-1', confirm: true });

    // Jump to a milestone's row.
    seen = await count(page, 'jumpToMilestone');
    await more('LD-2', t.goToRow);
    await expectCall('jumpToMilestone', seen, { milestone: 'LD-2' });

    // A problem selects its cell.
    await page.getByRole('navigation').getByRole('button', { name: t.problems }).click();
    const first = page.locator('button.problem').first();
    const where = await page.evaluate(() => {
      const p = window.payladderHarness?.api.getSidebarView().problems[0];
      return p ? { tab: p.tab, row: p.row, column: p.column } : null;
    });
    seen = await count(page, 'selectCell');
    await first.click();
    await expectCall('selectCell', seen, where);

    const handlers = Object.keys(INPUTS).filter((name) => name !== 'getSidebarView');
    expect([...checked.keys()].sort()).toEqual(handlers.sort());
    expect(errors).toEqual([]);
  });

  it('can be used from the keyboard alone', async () => {
    // A fresh page: Tab starts at the top, as when the sidebar opens.
    await page.reload();
    await page.getByRole('heading', { level: 2, name: t.dashboard }).waitFor();
    const reached: string[] = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      reached.push(await page.evaluate(() => document.activeElement?.textContent?.trim() ?? ''));
    }
    expect(reached).toContain(t.clients);
    expect(reached).toContain(t.draft);
    // Activate the Clients tab with Enter: the new section's heading takes focus.
    await page.getByRole('navigation').getByRole('button', { name: t.clients }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
    // The focus ring is visible on a focused control.
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(
      () => getComputedStyle(document.activeElement as Element).outlineStyle,
    );
    expect(outline).not.toBe('none');
  });
});

describe('sidebar harness: failures and hostile text', () => {
  it('shows a failed load with the reason, and loads on Try again', async () => {
    const { page, errors } = await openSidebar({ lang: 'en', fail: 'getSidebarView' });
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Service Spreadsheets timed out');
    await expectFitsWidth(page, 'load error');
    await shot(page, 'load-error-en');
    await alert.getByRole('button', { name: TEXT.en.retry }).click();
    await page.getByRole('heading', { level: 2, name: 'Dashboard' }).waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shows a failed action and retries it', async () => {
    const { page } = await openSidebar({ lang: 'it', fail: 'jumpToMilestone' });
    await page.getByRole('navigation').getByRole('button', { name: 'Clienti' }).click();
    await page.locator('button.client-button[data-client="Giorgio Rossi"]').click();
    const gr1 = page.locator('article[data-milestone="GR-1"]');
    await gr1.getByRole('button', { name: 'Altre azioni per GR-1' }).click();
    await gr1.getByRole('button', { name: 'Vai alla riga' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Operazione non riuscita');
    await shot(page, 'action-error-it');
    await alert.getByRole('button', { name: 'Riprova' }).click();
    await expect
      .poll(async () => (await calls(page)).filter((c) => c.name === 'jumpToMilestone' && c.ok).length)
      .toBe(1);
    await page.context().close();
  });

  it('renders markup from client names, notes and descriptions as text', async () => {
    const { page, errors } = await openSidebar({ lang: 'en', hostile: '1' });
    await page.getByRole('heading', { level: 2, name: 'Dashboard' }).waitFor();
    await page.getByRole('navigation').getByRole('button', { name: 'Clients' }).click();
    await page.locator('button.client-button').filter({ hasText: HOSTILE.client }).click();
    await page.getByRole('heading', { level: 2, name: HOSTILE.client }).waitFor();
    const app = page.locator('#app');
    expect(await app.textContent()).toContain(HOSTILE.notes);
    expect(await app.textContent()).toContain(HOSTILE.description);
    expect(await page.locator('#app img, #app script, #app svg[onload], #app b').count()).toBe(0);
    expect(
      await page.evaluate(() => (window as { payladderPwned?: unknown }).payladderPwned),
    ).toBeUndefined();
    await expectFitsWidth(page, 'hostile client');
    await shot(page, 'hostile-text-en');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** Files under `dir` on 127.0.0.1; nothing outside it. */
function serveStatic(dir: string): Server {
  return createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const file = normalize(join(dir, path === '/' ? 'index.html' : path));
    if (!file.startsWith(dir + sep)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = readFileSync(file);
      response
        .writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
        .end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
}
