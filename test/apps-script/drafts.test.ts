/**
 * The daily run in the bundled Code.js: it recomputes, drafts ONE Gmail message per client
 * with something due, logs each draft in Reminders, and never drafts the same milestone,
 * stage and day twice, whether runs repeat, overlap or skip days.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../shared/index.ts';
import type { RawLedger } from '../../shared/index.ts';
import { createSpreadsheet } from './fakes/spreadsheet-model.ts';
import type { SpreadsheetModel } from './fakes/spreadsheet-model.ts';
import { draftIdOfLink } from '../../apps-script/src/draft-link.ts';
import { ensureBundleBuilt, loadBundle } from './harness.ts';
import { NOW, rowsOf, TODAY } from './ledger-helpers.ts';

beforeAll(async () => {
  await ensureBundleBuilt();
});

const TRIGGER_EVENT = {
  triggerUid: '9000001',
  authMode: 'FULL',
} as unknown as GoogleAppsScript.Events.TimeDriven;

async function demoLedger(now = NOW) {
  const loaded = await loadBundle({ now, spreadsheet: createSpreadsheet() });
  loaded.app.loadDemoData();
  loaded.fakes.endExecution();
  loaded.calls.reset();
  return loaded;
}

function raw(book: SpreadsheetModel): RawLedger {
  return Object.fromEntries(book.sheets.map((s) => [s.name, s.values()]));
}

/**
 * The clients the core says have a message due today that is not already waiting as a
 * draft (ClientReport.message): the daily run drafts exactly these.
 */
function dueClients(book: SpreadsheetModel, today: string): string[] {
  const { report } = buildReport(raw(book), today, { locale: book.locale, timeZone: book.timeZone });
  return report.clients
    .filter((c) => c.message !== null && !c.message.drafted)
    .map((c) => c.client)
    .sort();
}

function draftRows(book: SpreadsheetModel) {
  return rowsOf(book.sheet('Reminders')).filter((r) => r.Channel === 'draft');
}

describe('the daily run', () => {
  it('drafts exactly one message per client with something due, and logs each in Reminders', async () => {
    const { app, fakes, calls } = await demoLedger();
    fakes.env.uiAvailable = false;
    const book = fakes.spreadsheet;
    const expected = dueClients(book, TODAY);
    expect(expected.length).toBeGreaterThan(3);
    const clients = Object.fromEntries(rowsOf(book.sheet('Clients')).map((r) => [r.Client, r]));

    app.draftDueReminders(TRIGGER_EVENT);

    const drafts = fakes.gmail.live();
    expect(drafts).toHaveLength(expected.length);
    expect(calls.count('Gmail.Users.Drafts.create')).toBe(expected.length);
    expect(calls.count('GmailApp.sendEmail') + calls.count('GmailDraft.send')).toBe(0);
    const logged = draftRows(book);
    // Every draft is logged, on today's date, with its link.
    const drafted = new Set<string>();
    for (const d of drafts) {
      const rows = logged.filter((r) => draftIdOfLink(String(r.Link)) === d.id);
      expect(rows.length, d.subject).toBeGreaterThan(0);
      const client = String(rows[0]?.Client);
      drafted.add(client);
      expect(d.to).toBe(
        String(clients[client]?.Emails)
          .split(/[,;]\s*/)
          .filter((e) => !e.startsWith('@'))
          .join(', '),
      );
      for (const r of rows) {
        expect(r.Sent).toBeInstanceOf(Object);
        expect(r.Subject).toBe(d.subject);
      }
    }
    expect([...drafted].sort()).toEqual(expected);
    // Nobody was shown anything: a trigger has no UI.
    expect(fakes.ui.alerts).toEqual([]);
  });

  it('writes in the client’s language', async () => {
    const { app, fakes } = await demoLedger();
    app.draftDueReminders(TRIGGER_EVENT);
    const vento = fakes.gmail.live().find((d) => d.to.includes('ventorosso'));
    expect(vento?.subject).toMatch(/Promemoria|Sollecito|Sospensione|Preavviso|Messa in mora/);
    const northwind = fakes.gmail.live().find((d) => d.to.includes('northwind'));
    expect(northwind?.subject).not.toMatch(/Promemoria|Sollecito/);
    expect(northwind?.htmlBody).toMatch(/<p>/);
  });

  it('drafts nothing the second time the same day, and nothing more when a manual run follows', async () => {
    const { app, fakes } = await demoLedger();
    app.draftDueReminders(TRIGGER_EVENT);
    fakes.endExecution();
    const drafts = fakes.gmail.live().length;
    const logged = draftRows(fakes.spreadsheet).length;
    app.draftDueReminders(TRIGGER_EVENT);
    fakes.endExecution();
    fakes.ui.answer('OK');
    app.draftDueReminders();
    expect(fakes.gmail.live()).toHaveLength(drafts);
    expect(draftRows(fakes.spreadsheet)).toHaveLength(logged);
    expect(fakes.ui.alerts.at(-1)?.title).toBe('No reminders due');
  });

  it('waits for a run that holds the lock, then finds its work done', async () => {
    const { app, fakes } = await demoLedger();
    // A manual run drafts while the trigger waits for the lock.
    fakes.ui.answer('OK');
    app.draftDueReminders();
    fakes.endExecution();
    const drafts = fakes.gmail.live().length;
    fakes.locks.document.holdElsewhere({ releaseAfterAttempts: 1 });
    app.draftDueReminders(TRIGGER_EVENT);
    expect(fakes.gmail.live()).toHaveLength(drafts);
    expect(fakes.locks.document.blockedAttempts).toBe(1);
  });

  it('gives up without drafting when the lock stays taken, and says so in the execution log', async () => {
    const { app, fakes } = await demoLedger();
    fakes.locks.document.holdElsewhere();
    expect(() => app.draftDueReminders(TRIGGER_EVENT)).toThrow(/busy/);
    expect(fakes.gmail.live()).toHaveLength(0);
  });

  it('does not draft again when a run died after drafting but before logging', async () => {
    const { app, fakes } = await demoLedger();
    const reminders = fakes.spreadsheet.sheet('Reminders');
    const logBefore = reminders.lastRow();
    // Sheets fails the first write after a draft was created: that draft is never logged.
    fakes.runtime.failNext(
      'Range.setValues',
      'Service Spreadsheets failed while accessing document',
      'Gmail.Users.Drafts.create',
    );
    expect(() => app.draftDueReminders(TRIGGER_EVENT)).toThrow(/1 drafts failed/);
    fakes.endExecution();
    const drafts = fakes.gmail.live().length;
    const loggedIds = new Set(
      rowsOf(reminders)
        .slice(logBefore - 1)
        .map((r) => draftIdOfLink(String(r.Link))),
    );
    expect(loggedIds.size).toBe(drafts - 1);
    // The document properties still know the unlogged draft; the logged drafts' keys are gone.
    const keys = fakes.properties.document.snapshot()[`payladder.drafts.${TODAY}`];
    // (one key per milestone and stage the unlogged draft covered)
    expect((JSON.parse(keys ?? '[]') as string[]).length).toBeGreaterThan(0);
    app.draftDueReminders(TRIGGER_EVENT);
    expect(fakes.gmail.live()).toHaveLength(drafts);
  });

  it('catches up after missed days with one message per stage, not one per missed day', async () => {
    const { app, fakes } = await demoLedger();
    app.draftDueReminders(TRIGGER_EVENT);
    fakes.endExecution();
    // Twenty days without a run.
    fakes.clock.set('2026-03-22T09:00:00+01:00');
    const before = draftRows(fakes.spreadsheet).length;
    app.draftDueReminders(TRIGGER_EVENT);
    fakes.endExecution();
    const rows = draftRows(fakes.spreadsheet).slice(before);
    const perMilestone = new Map<string, number>();
    for (const r of rows) {
      for (const id of String(r.Milestone).split(/,\s*/))
        perMilestone.set(id, (perMilestone.get(id) ?? 0) + 1);
    }
    expect(rows.length).toBeGreaterThan(0);
    for (const [id, n] of perMilestone) expect(n, id).toBe(1);
    // One draft per client, still.
    const clients = rows.map((r) => r.Client);
    const drafts = fakes.gmail.live().filter((d) => d.createdAt.toISOString().startsWith('2026-03-22'));
    expect(drafts).toHaveLength(new Set(clients).size);
    // The next morning a milestone already drafted at its step is drafted again only inside a
    // message that also covers something new (the one message due to the client today).
    fakes.clock.set('2026-03-23T09:00:00+01:00');
    const logged = draftRows(fakes.spreadsheet).length;
    app.draftDueReminders(TRIGGER_EVENT);
    const yesterday = new Set(
      rows.flatMap((r) =>
        String(r.Milestone)
          .split(/,\s*/)
          .map((id) => `${id}|${String(r.Stage)}`),
      ),
    );
    const today = draftRows(fakes.spreadsheet).slice(logged);
    for (const client of new Set(today.map((r) => r.Client))) {
      const keys = today
        .filter((r) => r.Client === client)
        .flatMap((r) =>
          String(r.Milestone)
            .split(/,\s*/)
            .map((id) => `${id}|${String(r.Stage)}`),
        );
      expect(
        keys.some((k) => !yesterday.has(k)),
        String(client),
      ).toBe(true);
    }
  });
});

describe('the daily trigger', () => {
  it('installs one time-driven trigger at the hour the user picks, in the sheet’s time zone', async () => {
    const { app, fakes } = await loadBundle({
      now: NOW,
      spreadsheet: createSpreadsheet({ timeZone: 'America/New_York' }),
    });
    fakes.ui.answer('OK', '7').answer('OK');
    app.installDailyTrigger();
    fakes.ui.answer('OK', '6').answer('OK');
    app.installDailyTrigger();
    const triggers = fakes.triggers.forHandler('draftDueReminders');
    expect(triggers).toHaveLength(1);
    expect(triggers[0]?.schedule).toMatchObject({ everyDays: 1, atHour: 6, timeZone: 'America/New_York' });
    expect(fakes.ui.alerts.at(-1)?.prompt).toMatch(/never sends/);
  });

  it('refuses an hour that is not one, and removes the trigger on request', async () => {
    const { app, fakes } = await loadBundle({ now: NOW, spreadsheet: createSpreadsheet() });
    fakes.ui.answer('OK', '25').answer('OK');
    app.installDailyTrigger();
    expect(fakes.triggers.triggers).toHaveLength(0);
    expect(fakes.ui.alerts.at(-1)?.prompt).toMatch(/not an hour/);
    fakes.ui.answer('OK', '').answer('OK');
    app.installDailyTrigger();
    expect(fakes.triggers.triggers[0]?.schedule?.atHour).toBe(8);
    app.removeDailyTrigger();
    expect(fakes.triggers.triggers).toHaveLength(0);
  });
});
