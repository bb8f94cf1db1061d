/**
 * The extension's sync at scale, in Node with WXT's fake browser and an in-process Sheets
 * API: requests per sync, where the service worker's time goes (parse, report, index, view,
 * cache write; and on a worker restart, cache read + index), lookup latency, and what each
 * storage item costs against the 10 MB `storage.local` quota. Prints figures; asserts
 * nothing. The same code runs in Chromium's service worker: `bench/popup-paint.ts` reads
 * the same measures there.
 *
 * Usage: npx tsx bench/extension-sync.ts [clients] [milestones per client]   (default 10000 10)
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { RawLedger } from '../shared/index.ts';
import { bigLedger } from './extension-big-ledger.ts';

// The extension's modules find the browser API on the global object, as in a real extension.
Object.assign(globalThis, { chrome: fakeBrowser, browser: fakeBrowser });
const { createSyncService } = await import('../extension/sync/sync-service.ts');
const { toolbarBadge } = await import('../extension/ui/badge.ts');
const { preferencesItem } = await import('../extension/sync/items.ts');

const clients = Number(process.argv[2] ?? 10_000);
const perClient = Number(process.argv[3] ?? 10);
const QUOTA = 10_485_760;
const SHEET = 'bench-ledger-000000000000';
const TODAY = '2026-11-30';
const NOW = Date.UTC(2026, 10, 30, 9, 0, 0);

const raw: RawLedger = bigLedger({ clients, milestonesPerClient: perClient, today: TODAY });
const tabs = Object.keys(raw);
let batchBody = JSON.stringify({
  spreadsheetId: SHEET,
  valueRanges: tabs.map((t) => ({ range: `'${t}'!A1:Z`, majorDimension: 'ROWS', values: raw[t] })),
});
const metaBody = JSON.stringify({
  properties: { title: 'Bench ledger', locale: 'en_GB', timeZone: 'Europe/Rome' },
  sheets: tabs.map((title) => ({ properties: { title } })),
});

let requests = 0;
const fetchFake = (async (input: RequestInfo | URL) => {
  requests++;
  const url = String(input);
  const body = url.includes('values:batchGet') ? batchBody : metaBody;
  return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
}) as typeof fetch;

const auth = {
  token: async () => 'ya29.bench',
  signIn: async () => undefined,
  grant: async () => undefined,
  drop: async () => undefined,
  signOut: async () => ({ revokeSent: false }),
  state: async () => ({ method: 'web' as const, signedIn: true, scopes: [] }),
};

function makeService() {
  return createSyncService({
    fetch: fetchFake,
    auth,
    badge: toolbarBadge(fakeBrowser.action),
    alarms: fakeBrowser.alarms,
    now: () => NOW,
  });
}

function measures(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of performance.getEntriesByType('measure')) {
    if (m.name.startsWith('payladder:')) out[m.name.slice('payladder:'.length)] = Math.round(m.duration);
  }
  return out;
}

const ms = (start: number) => Math.round(performance.now() - start);
const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(2)} MB`;

await preferencesItem.set({ ...(await preferencesItem.get()), spreadsheetId: SHEET });
const milestones = (raw['Milestones']?.length ?? 1) - 1;
console.log(
  `Ledger: ${clients} clients, ${milestones} milestones; batchGet answer ${mb(batchBody.length)} of JSON\n`,
);

const service = makeService();
const line = (m: Record<string, number>) =>
  Object.entries(m)
    .map(([k, v]) => `${k} ${v} ms`)
    .join(' · ');

async function timedSync(label: string): Promise<void> {
  performance.clearMeasures();
  requests = 0;
  const t0 = performance.now();
  const status = await service.sync();
  console.log(
    `${label.padEnd(34)} ${requests} request(s), ${ms(t0)} ms${status.error ? `, error ${status.error.code}` : ''}`,
  );
  console.log(`  ${line(measures())}`);
}

await timedSync('First sync (metadata + batchGet):');
await timedSync('Next sync, sheet unchanged:');
// One cell edited: the sheet's answer differs, so it is parsed and cached again.
const firstPayment = raw['Payments']?.[1];
if (firstPayment) firstPayment[2] = 1;
batchBody = JSON.stringify({
  spreadsheetId: SHEET,
  valueRanges: tabs.map((t) => ({ range: `'${t}'!A1:Z`, majorDimension: 'ROWS', values: raw[t] })),
});
await timedSync('Next sync, one cell edited:');

// A service worker restart: the ledger comes back from storage, then a lookup.
performance.clearMeasures();
const restarted = makeService();
let t = performance.now();
const first = await restarted.lookup({ addresses: ['accounts@client4242.example.com'] });
const cold = measures();
console.log(
  `\nWorker restart → first lookup: ${ms(t)} ms (cache read: gunzip + JSON + zod ${cold['cache-read']} ms · index ${cold['index']} ms) → ${first?.client}`,
);
const N = 200;
t = performance.now();
for (let i = 0; i < N; i++)
  await restarted.lookup({ addresses: [`someone@client${(i * 37) % clients}.example.com`] });
console.log(
  `Warm lookup (domain match, client's report recomputed): ${((performance.now() - t) / N).toFixed(2)} ms each`,
);
t = performance.now();
const rendered = await restarted.renderMessages({ client: 'Client 04242 S.r.l.' });
console.log(`renderMessages for one client: ${ms(t)} ms (${rendered?.messages.length ?? 0} messages)`);

const stored = await fakeBrowser.storage.local.get(null);
console.log('\nstorage.local (bytes as Chrome counts them: key + JSON of the value)');
let total = 0;
for (const [key, value] of Object.entries(stored).sort()) {
  const bytes = key.length + JSON.stringify(value).length;
  total += bytes;
  console.log(`  ${key.padEnd(16)} ${String(bytes).padStart(10)}`);
}
console.log(
  `  ${'total'.padEnd(16)} ${String(total).padStart(10)}  (${((total / QUOTA) * 100).toFixed(1)}% of the 10 MB quota)`,
);
const written = service.lastWrite();
if (written) console.log(`  ledger JSON before gzip: ${mb(written.jsonBytes)}`);
