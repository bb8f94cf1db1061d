import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContext, type Page, type Worker, chromium } from 'playwright-core';

/**
 * Debian's Chromium driven by playwright-core. Playwright's own browser
 * download is never used (no network here, and CI installs `chromium` with
 * apt-get): the executable is /usr/bin/chromium unless PAYLADDER_CHROMIUM says
 * otherwise. /usr/bin/chromium is Debian's wrapper script; it adds its own
 * `--load-extension=`/`--disable-extensions-except=` (empty) before ours, and
 * Chromium takes the last value of a repeated switch, so ours win.
 */
export const CHROMIUM_PATH = process.env['PAYLADDER_CHROMIUM'] ?? '/usr/bin/chromium';

/** Host name → local port of the fake that answers for it. */
export type HostMap = Readonly<Record<string, number>>;

export interface LaunchWithExtensionOptions {
  /** An unpacked MV3 extension (the folder holding manifest.json). */
  readonly extensionDir: string;
  readonly hostMap?: HostMap;
  /** Default true. Chromium's `--headless` is the "new" headless since 132, which runs extensions. */
  readonly headless?: boolean;
  /** More Chromium switches. */
  readonly args?: readonly string[];
  /** How long to wait for the extension's service worker; default 20 s. */
  readonly timeoutMs?: number;
}

export interface ExtensionBrowser {
  readonly context: BrowserContext;
  /** The 32-letter id, as in `chrome-extension://ID/`. */
  readonly extensionId: string;
  /** The extension's background service worker (`serviceWorker.evaluate(() => chrome.storage…)`). */
  readonly serviceWorker: Worker;
  readonly userDataDir: string;
  /** Closes Chromium and removes the profile. */
  close(): Promise<void>;
}

export interface PageBrowser {
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
  close(): Promise<void>;
}

/**
 * `--host-resolver-rules` for a host map: each mapped host goes to
 * 127.0.0.1:PORT (port included, so nothing needs port 443), and every other
 * name fails to resolve (`~NOTFOUND`), so neither the page under test nor
 * Chromium's own background services can reach the network.
 */
export function hostResolverRules(hostMap: HostMap = {}): string {
  const rules = Object.entries(hostMap).map(([host, port]) => `MAP ${host} 127.0.0.1:${port}`);
  return [...rules, 'MAP * ~NOTFOUND', 'EXCLUDE localhost', 'EXCLUDE 127.0.0.1'].join(', ');
}

/** Switches every launch gets. */
export function chromiumArgs(hostMap: HostMap = {}): string[] {
  return [
    `--host-resolver-rules=${hostResolverRules(hostMap)}`,
    // The fakes' certificate is self-signed. Playwright's ignoreHTTPSErrors is applied per page
    // through CDP and does not reach an extension's service worker; this switch covers every fetch.
    '--ignore-certificate-errors',
    '--no-proxy-server',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
}

/**
 * The id Chromium gives an unpacked extension: from the manifest's `key` when
 * it has one, else from the folder's absolute path (SHA-256, first 32 hex
 * digits, written with the letters a–p).
 */
export function unpackedExtensionId(extensionDir: string): string {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as { key?: unknown };
  const source =
    typeof manifest.key === 'string'
      ? Buffer.from(manifest.key, 'base64')
      : Buffer.from(realpathSync(resolve(extensionDir)), 'utf8');
  const hex = createHash('sha256').update(source).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16))).join('');
}

/**
 * Chromium with one unpacked extension loaded, in a fresh profile, with the
 * hosts in `hostMap` answered by local fakes. Resolves once the extension's
 * service worker is running.
 */
export async function launchWithExtension(options: LaunchWithExtensionOptions): Promise<ExtensionBrowser> {
  const extensionDir = realpathSync(resolve(options.extensionDir));
  const extensionId = unpackedExtensionId(extensionDir);
  const userDataDir = mkdtempSync(join(tmpdir(), 'payladder-chromium-'));
  const timeout = options.timeoutMs ?? 20_000;
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: options.headless ?? true,
      timeout,
      args: [
        ...chromiumArgs(options.hostMap),
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
        ...(options.args ?? []),
      ],
    });
    const serviceWorker = await extensionWorker(context, extensionId, timeout);
    const opened = context;
    return {
      context: opened,
      extensionId,
      serviceWorker,
      userDataDir,
      close: () => closeAndRemove(opened, userDataDir),
    };
  } catch (error) {
    await closeAndRemove(context, userDataDir);
    throw error;
  }
}

async function extensionWorker(
  context: BrowserContext,
  extensionId: string,
  timeout: number,
): Promise<Worker> {
  const prefix = `chrome-extension://${extensionId}/`;
  const existing = context.serviceWorkers().find((worker) => worker.url().startsWith(prefix));
  if (existing) return existing;
  try {
    return await context.waitForEvent('serviceworker', {
      predicate: (worker) => worker.url().startsWith(prefix),
      timeout,
    });
  } catch (error) {
    const seen = context.serviceWorkers().map((worker) => worker.url());
    throw new Error(
      `extension ${extensionId} started no service worker within ${timeout} ms ` +
        `(workers seen: ${seen.join(', ') || 'none'}); check that manifest.json declares ` +
        `background.service_worker and that the file loads without errors`,
      { cause: error },
    );
  }
}

/** A plain browser page (no extension) with the same host mapping; HTTPS errors ignored. */
export async function launchPage(
  options: { hostMap?: HostMap; headless?: boolean; args?: readonly string[] } = {},
): Promise<PageBrowser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? true,
    args: [...chromiumArgs(options.hostMap), ...(options.args ?? [])],
  });
  try {
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    const page = await context.newPage();
    return { browser, context, page, close: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

async function closeAndRemove(context: BrowserContext | undefined, userDataDir: string): Promise<void> {
  try {
    await context?.close();
  } finally {
    // Chromium may still be flushing the profile for a moment after close; retry rather than fail.
    rmSync(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  }
}
