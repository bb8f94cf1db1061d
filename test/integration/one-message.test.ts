/**
 * One composer, every surface (PRODUCT.md, "One message per client a day"): for the same
 * ledger and day, `payladder draft`, the sidebar's *Draft reminder*, the daily drafts and
 * Gmail compose's recommended template are the same message — subject, text and the
 * milestones it covers. Each is taken through its own surface's path: the CLI's `run`, the
 * bundled Code.js in the vm (sidebar handler and daily trigger), and the extension's
 * per-client renderer on the cached ledger.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Ledger, Report } from '../../shared/index.ts';
import { buildReport, composeMessage, DEMO_SHEET } from '../../shared/index.ts';
import { renderMessagesFor } from '../../extension/sync/render-messages.ts';
import { makeLedgerState } from '../../extension/sync/ledger-state.ts';
import { run } from '../../cli/main.ts';
import { createSpreadsheet } from '../apps-script/fakes/spreadsheet-model.ts';
import { ensureBundleBuilt, loadBundle } from '../apps-script/harness.ts';
import { NOW, TODAY } from '../apps-script/ledger-helpers.ts';
import { demoState } from '../extension/demo-state.ts';
import { ledgerArb, TODAY as ARB_TODAY } from '../shared/ledger-arbitrary.ts';

const TRIGGER_EVENT = {
  triggerUid: '9000001',
  authMode: 'FULL',
} as unknown as GoogleAppsScript.Events.TimeDriven;

interface Seen {
  subject: string;
  text: string;
}
const norm = (m: Seen) => ({ subject: m.subject, text: m.text.replace(/\r\n/g, '\n').trimEnd() });

async function cliDraft(client: string): Promise<Seen & { milestones: string[]; messageId: string }> {
  let stdout = '';
  const io = {
    stdout: (s: string) => void (stdout += s),
    stderr: () => undefined,
    isTty: false,
    env: {},
    now: () => new Date(`${TODAY}T10:00:00Z`),
  };
  expect(await run(['draft', '--client', client, '--today', TODAY, '--json'], io)).toBe(0);
  return JSON.parse(stdout);
}

async function demoBook() {
  // The same sheet the CLI's demo describes (DEMO_SHEET: locale and time zone).
  const loaded = await loadBundle({
    now: NOW,
    spreadsheet: createSpreadsheet({ locale: DEMO_SHEET.locale, timeZone: DEMO_SHEET.timeZone }),
  });
  loaded.app.loadDemoData();
  loaded.fakes.endExecution();
  return loaded;
}

beforeAll(async () => {
  await ensureBundleBuilt();
}, 120_000);

describe('one message, every surface', () => {
  it('the demo ledger: CLI, sidebar, daily drafts and Gmail compose write the same message', async () => {
    const { state, report } = demoState(TODAY);
    const due = report.clients.filter((c) => c.message !== null);
    expect(due.length).toBeGreaterThan(5);

    // The daily run, through the trigger.
    const daily = await demoBook();
    daily.app.draftDueReminders(TRIGGER_EVENT);
    const dailyDrafts = daily.fakes.gmail.live();

    for (const c of due) {
      const message = c.message!;
      const cli = await cliDraft(c.client);
      expect(cli.milestones, c.client).toEqual(message.milestones);
      expect(cli.messageId, c.client).toBe(message.messageId);

      const gmail = renderMessagesFor(state, c.client, TODAY);
      const recommended = gmail?.messages.find((m) => m.messageId === gmail.recommended);
      expect(recommended, c.client).toBeDefined();
      expect(recommended!.milestones, c.client).toEqual(message.milestones);
      expect(norm(recommended!), c.client).toEqual(norm(cli));

      const to = state.clients.get(c.client)!.emails.filter((e) => !e.startsWith('@'))[0]!;
      const fromDaily = dailyDrafts.find((d) => d.to.includes(to));
      if (message.drafted) {
        // Already drafted and not sent: the daily run leaves it, the sidebar refuses a second.
        expect(fromDaily, c.client).toBeUndefined();
        continue;
      }
      expect(fromDaily, c.client).toBeDefined();
      expect(norm({ subject: fromDaily!.subject, text: fromDaily!.body }), c.client).toEqual(norm(cli));

      const sidebar = await demoBook();
      sidebar.fromSidebarCall('draftReminder', { client: c.client });
      const drafted = sidebar.fakes.gmail.live();
      expect(drafted, c.client).toHaveLength(1);
      expect(norm({ subject: drafted[0]!.subject, text: drafted[0]!.body }), c.client).toEqual(norm(cli));
    }
  }, 300_000);

  it('random ledgers: the extension on one client’s slice composes what the whole-ledger composer does', () => {
    fc.assert(
      fc.property(ledgerArb, ({ raw }) => {
        const parsed = buildReport(raw, ARB_TODAY);
        const state = makeLedgerState({
          source: 'demo',
          spreadsheetId: null,
          syncedAt: 0,
          title: 't',
          locale: parsed.ledger.settings.locale,
          timeZone: parsed.ledger.settings.timeZone,
          reminders: { tab: 'Reminders', header: [] },
          fingerprint: 'f',
          ledger: parsed.ledger,
          problems: parsed.problems,
        });
        for (const c of parsed.report.clients) {
          if (c.message === null) continue;
          const whole = compose(parsed.ledger, parsed.report, c.client);
          const gmail = renderMessagesFor(state, c.client, ARB_TODAY);
          const recommended = gmail?.messages.find((m) => m.messageId === gmail.recommended);
          expect(recommended?.milestones).toEqual(c.message.milestones);
          expect(recommended && norm(recommended)).toEqual(norm(whole));
        }
      }),
      { numRuns: 200 },
    );
  });
});

function compose(ledger: Ledger, report: Report, client: string) {
  return composeMessage({ ledger, report, client, today: report.today });
}
