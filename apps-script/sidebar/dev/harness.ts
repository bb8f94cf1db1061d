/**
 * The dev harness: installs a fake `google.script.run` on the page before the sidebar
 * starts, backed by the real server handlers over an in-memory demo ledger (harness-api.ts), so the sidebar runs on localhost with no
 * Google account. Query parameters: `lang=it` (Italian ledger: Default language it, locale
 * it_IT), `today=YYYY-MM-DD`, `latency=ms`, `fail=<handler>` (its first call fails), `hostile=1`
 * (markup in ledger text, see hostile-ledger.ts).
 */
import type { Language } from '../../../shared/index.ts';
import { DEMO_SHEET, isIsoDate, todayIn } from '../../../shared/index.ts';
import type { ServerApi } from '../../src/api.ts';
import { createFakeRun, type FakeRun } from './fake-run.ts';
import { type HarnessApi, createHarnessApi } from './harness-api.ts';

declare global {
  interface Window {
    /** The harness's call log and controls, for the e2e tests and the console. */
    payladderHarness?: FakeRun & { api: HarnessApi };
  }
}

const params = new URLSearchParams(location.search);
const language: Language = params.get('lang') === 'it' ? 'it' : 'en';
const asked = params.get('today');
// The harness is the edge that reads the clock, as the server does in Apps Script.
const today = asked !== null && isIsoDate(asked) ? asked : todayIn(DEMO_SHEET.timeZone, new Date());
const api = createHarnessApi({ today, language, hostile: params.get('hostile') === '1' });
const fake = createFakeRun(api, { latencyMs: Number(params.get('latency') ?? 120) });
for (const name of params.getAll('fail')) fake.failNext(name as keyof ServerApi);

(window as unknown as { google: unknown }).google = {
  script: {
    run: fake.run,
    host: { close() {}, setHeight() {}, setWidth() {}, origin: location.origin, editor: { focus() {} } },
  },
};
window.payladderHarness = { ...fake, api };
console.info(`Payladder dev harness: fake google.script.run over the demo ledger (${language}, ${today}).`);
