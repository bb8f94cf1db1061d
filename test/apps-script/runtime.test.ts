/**
 * The fakes refuse what Google refuses (fakes/runtime.ts, fakes/scopes.ts): a call outside
 * the manifest's scopes, a service used in the wrong trigger mode, a run past its time
 * limit; and the bundled add-on runs every global in every mode Apps Script calls it in.
 */
import { Buffer } from 'node:buffer';
import { beforeAll, describe, expect, it } from 'vitest';
import { draftIdOfLink } from '../../apps-script/src/draft-link.ts';
import { DAILY_RUN_NEEDS_BOUND_SCRIPT } from '../../apps-script/src/handlers/menu.ts';
import type { AppGlobals } from './harness.ts';
import { ensureBundleBuilt, loadBundle } from './harness.ts';
import { createFakes, MANIFEST } from './fakes/create-fakes.ts';
import type { FakesOptions } from './fakes/create-fakes.ts';
import type { ExecutionKind } from './fakes/runtime.ts';
import { LIMITS } from './fakes/runtime.ts';
import { REFERENCE, SCOPES } from './fakes/scopes.ts';
import { createSpreadsheet } from './fakes/spreadsheet-model.ts';
import { NOW, rowsOf, TODAY } from './ledger-helpers.ts';

beforeAll(async () => {
  await ensureBundleBuilt();
});

const ADD_ON = { installationSource: 'WEB_STORE_ADD_ON' } as const;

function thrown(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return String(error);
  }
  return 'nothing thrown';
}

/** A demo ledger, loaded from the menu in its own execution. */
async function demo(options: Partial<FakesOptions> = {}) {
  const loaded = await loadBundle({ now: NOW, spreadsheet: createSpreadsheet(), ...options });
  loaded.execute('menu', 'loadDemoData');
  loaded.calls.reset();
  return loaded;
}

/** Calls refused for a scope or the auth mode, as `Class.method: message`. */
function refusals(calls: { list(): { service: string; method: string; error: string | undefined }[] }) {
  return calls
    .list()
    .filter((e) => e.error !== undefined && /permission|not sufficient|no row/.test(e.error))
    .map((e) => `${e.service}.${e.method}: ${e.error}`);
}

describe('the scope table', () => {
  it('cites a reference page for every row, and names scopes as URLs', () => {
    for (const [key, [anyOf, page]] of Object.entries(SCOPES)) {
      expect(page, key).toMatch(
        key.startsWith('Gmail.')
          ? /^https:\/\/developers\.google\.com\/workspace\/gmail\/api\/reference\/rest\/v1\//
          : new RegExp(`^${REFERENCE.replace(/[.]/g, '\\.')}[a-z-]+/[a-z-]+#\\w+$`),
      );
      for (const scope of anyOf)
        expect(scope, key).toMatch(/^https:\/\/(www\.googleapis\.com\/auth\/|mail\.google\.com\/$)/);
    }
  });

  it('grants exactly the four scopes of the manifest, and the Gmail advanced service', () => {
    expect([...MANIFEST.oauthScopes].sort()).toEqual([
      'https://www.googleapis.com/auth/gmail.compose',
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/script.scriptapp',
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
    ]);
    expect(MANIFEST.dependencies?.enabledAdvancedServices?.map((s) => s.userSymbol)).toEqual(['Gmail']);
  });
});

describe('a call outside the manifest’s scopes', () => {
  it('is refused as Google refuses it: GmailApp needs https://mail.google.com/', () => {
    const { services } = createFakes({ now: NOW });
    expect(thrown(() => services.GmailApp.createDraft('ap@acme.com', 'Invoice 12', 'Hello'))).toBe(
      'Exception: Specified permissions are not sufficient to call GmailApp.createDraft. Required permissions: https://mail.google.com/',
    );
    expect(thrown(() => services.SpreadsheetApp.openById('another-file'))).toMatch(
      /not sufficient to call SpreadsheetApp.openById. Required permissions: https:\/\/www.googleapis.com\/auth\/spreadsheets$/,
    );
    expect(thrown(() => services.Session.getActiveUser())).toMatch(/userinfo.email/);
  });

  it('goes through for the Gmail advanced service, which takes gmail.compose', () => {
    const fakes = createFakes({ now: NOW });
    const { services } = fakes;
    const raw = Buffer.from('To: ap@acme.com\r\nSubject: Invoice 12\r\n\r\nHello', 'utf8').toString(
      'base64url',
    );
    const draft = services.Gmail?.Users?.Drafts?.create({ message: { raw } }, 'me');
    expect(draft?.message?.labelIds).toEqual(['DRAFT']);
    expect(fakes.gmail.live()[0]).toMatchObject({ to: 'ap@acme.com', subject: 'Invoice 12', body: 'Hello' });
    expect(services.Gmail?.Users?.Drafts?.get('me', draft?.id ?? '')?.id).toBe(draft?.id);
    expect(services.Gmail?.Users?.Drafts?.list('me').drafts).toHaveLength(1);
  });

  it('get of a missing draft throws Google’s 404', () => {
    const { services } = createFakes({ now: NOW });
    let error: unknown;
    try {
      services.Gmail?.Users?.Drafts?.get('me', 'r999');
    } catch (e) {
      error = e;
    }
    expect(String(error)).toBe(
      'GoogleJsonResponseException: API call to gmail.users.drafts.get failed with error: Requested entity was not found.',
    );
    expect((error as { details?: { code?: number } }).details?.code).toBe(404);
  });

  it('is absent when the manifest does not enable the advanced service', () => {
    const { services } = createFakes({ now: NOW, advancedServices: [] });
    expect(services.Gmail).toBeUndefined();
  });
});

describe('a service used in the wrong trigger mode', () => {
  it('AuthMode.NONE (an add-on’s first onOpen): menus only, no sheet, no properties', () => {
    const { services } = createFakes({ now: NOW, execution: 'onOpen-none' });
    services.SpreadsheetApp.getUi().createAddonMenu().addItem('Set up', 'setupLedger').addToUi();
    expect(thrown(() => services.SpreadsheetApp.getActiveSpreadsheet())).toMatch(/AuthMode.NONE/);
    expect(thrown(() => services.PropertiesService.getDocumentProperties())).toMatch(/AuthMode.NONE/);
  });

  it('AuthMode.LIMITED (simple onEdit): the sheet and properties, but no Gmail and no triggers', () => {
    const { services } = createFakes({ now: NOW, execution: 'onEdit' });
    expect(services.SpreadsheetApp.getActiveSpreadsheet()?.getSheets().length).toBeGreaterThanOrEqual(0);
    services.PropertiesService.getDocumentProperties().setProperty('k', 'v');
    expect(thrown(() => services.Gmail?.Users?.Drafts?.list('me'))).toMatch(
      /simple trigger \(AuthMode.LIMITED\)/,
    );
    expect(thrown(() => services.ScriptApp.newTrigger('draftDueReminders'))).toMatch(/AuthMode.LIMITED/);
    expect(
      thrown(() =>
        services.SpreadsheetApp.getUi().showSidebar(services.HtmlService.createHtmlOutput('<p>x</p>')),
      ),
    ).toMatch(/AuthMode.LIMITED/);
  });

  it('an add-on’s time-driven trigger: FULL, but no UI and no active spreadsheet', () => {
    const { services } = createFakes({ now: NOW, execution: 'time-driven', ...ADD_ON });
    expect(services.SpreadsheetApp.getActiveSpreadsheet()).toBeNull();
    expect(services.LockService.getDocumentLock()).toBeNull();
    expect(thrown(() => services.SpreadsheetApp.getUi())).toMatch(/Cannot call SpreadsheetApp.getUi/);
    const bound = createFakes({ now: NOW, execution: 'time-driven' });
    expect(bound.services.SpreadsheetApp.getActiveSpreadsheet()).not.toBeNull();
  });
});

type Global = keyof AppGlobals;
/** Every global of Code.js and the kinds of execution Apps Script calls it in. */
const MODES: Record<Global, readonly ExecutionKind[]> = {
  onOpen: ['onOpen-none', 'onOpen-limited', 'menu'],
  onInstall: ['menu'],
  onEdit: ['onEdit'],
  draftDueReminders: ['menu', 'time-driven'],
  showSidebar: ['menu'],
  setupLedger: ['menu'],
  loadDemoData: ['menu'],
  recomputeLedger: ['menu'],
  installDailyTrigger: ['menu'],
  removeDailyTrigger: ['menu'],
  paymentPlanForSelection: ['menu'],
  documentationPackForSelection: ['menu'],
  getSidebarView: ['menu'],
  recordPayment: ['menu'],
  setMilestoneStatus: ['menu'],
  logPromise: ['menu'],
  draftReminder: ['menu'],
  confirmDraftSent: ['menu'],
  previewPaymentPlan: ['menu'],
  createPaymentPlan: ['menu'],
  writeOffMilestone: ['menu'],
  exportPack: ['menu'],
  selectCell: ['menu'],
  jumpToMilestone: ['menu'],
};

describe('every global in every mode it can be called in', () => {
  it('lists every global of the bundle', async () => {
    const { app } = await loadBundle({ now: NOW });
    expect(Object.keys(MODES).sort()).toEqual(Object.keys(app).sort());
  });

  const cases = Object.entries(MODES).flatMap(([name, kinds]) =>
    kinds.flatMap((kind) => [
      [name, kind, 'bound'],
      [name, kind, 'add-on'],
    ]),
  ) as [Global, ExecutionKind, 'bound' | 'add-on'][];

  it.each(cases)('%s as %s (%s script): nothing refused, within its time', async (name, kind, how) => {
    const loaded = await demo(how === 'add-on' ? ADD_ON : {});
    const { fakes, calls, execute } = loaded;
    fakes.ui.answer('OK', '7').answer('OK', '7').answer('OK', '7');
    const args: unknown[] = [];
    if (kind === 'onEdit') {
      const range = calls.uncounted(() =>
        fakes.services.SpreadsheetApp.getActiveSpreadsheet()?.getSheetByName('Milestones')?.getRange(2, 5),
      );
      args.push({ authMode: 'LIMITED', range, value: '1200' });
    } else if (isSidebarCall(name)) {
      // An empty input: zod refuses it with a message, not a permission error.
      args.push({});
    }
    let error = '';
    try {
      execute(kind, name, ...args);
    } catch (e) {
      error = String(e);
    }
    expect(refusals(calls)).toEqual([]);
    expect(error).not.toMatch(/Exceeded maximum execution time|permission|not sufficient/);
    if (kind === 'time-driven' && how === 'add-on') {
      // No spreadsheet in an add-on's scheduled run: it fails with a message saying why.
      expect(error).toMatch(/no spreadsheet to work on/);
    }
  });
});

function isSidebarCall(name: string): boolean {
  return ![
    'onOpen',
    'onInstall',
    'onEdit',
    'draftDueReminders',
    'showSidebar',
    'setupLedger',
    'loadDemoData',
    'recomputeLedger',
    'installDailyTrigger',
    'removeDailyTrigger',
    'paymentPlanForSelection',
    'documentationPackForSelection',
  ].includes(name);
}

describe('the daily run in an add-on', () => {
  it('is not installed, and the user is told why, since it could not open the ledger', async () => {
    const { fakes, execute } = await demo(ADD_ON);
    execute('menu', 'installDailyTrigger');
    expect(fakes.triggers.triggers).toHaveLength(0);
    expect(fakes.ui.alerts.at(-1)?.prompt).toBe(DAILY_RUN_NEEDS_BOUND_SCRIPT);
  });

  it('is installed for a bound script, and its scheduled run drafts through the advanced service', async () => {
    const { fakes, calls, execute } = await demo();
    fakes.ui.answer('OK', '7');
    execute('menu', 'installDailyTrigger');
    expect(fakes.triggers.triggers).toHaveLength(1);
    const result = execute('time-driven', 'draftDueReminders') as { drafted: unknown[]; gone: unknown[] };
    expect(result.drafted.length).toBeGreaterThan(0);
    expect(calls.count('Gmail.Users.Drafts.create')).toBe(result.drafted.length);
    expect(calls.count('GmailApp')).toBe(0);
  });
});

describe('drafts through the Gmail advanced service', () => {
  it('write a UTF-8 subject as RFC 2047 words, an HTML and a text body, and log id and thread in Link', async () => {
    const { fakes, execute } = await demo();
    execute('time-driven', 'draftDueReminders');
    const drafts = fakes.gmail.live();
    const italian = drafts.find((d) => /[^\x20-\x7e]/.test(d.subject)) ?? drafts[0];
    expect(italian).toBeDefined();
    const message = Buffer.from(italian?.raw ?? '', 'base64url').toString('utf8');
    const head = message.slice(0, message.indexOf('\r\n\r\n'));
    expect([...head].every((ch) => ch.charCodeAt(0) < 0x80)).toBe(true);
    expect(head).toMatch(/Content-Type: multipart\/alternative; boundary=/);
    if (/[^\x20-\x7e]/.test(italian?.subject ?? '')) expect(head).toMatch(/Subject: =\?UTF-8\?B\?/);
    expect(italian?.htmlBody).toMatch(/<p>/);
    expect(italian?.body).not.toMatch(/<p>/);
    const rows = rowsOf(fakes.spreadsheet.sheet('Reminders')).filter(
      (r) => draftIdOfLink(String(r.Link)) === italian?.id,
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.Channel).toBe('draft');
      expect(String(r.Link)).toContain(`#all/${italian?.threadId ?? ''}`);
    }
  });

  it('the next day’s run reports the earlier drafts the user sent or deleted', async () => {
    const { fakes, execute } = await demo();
    execute('time-driven', 'draftDueReminders');
    const [sent, ...kept] = fakes.gmail.live();
    expect(sent).toBeDefined();
    if (sent) sent.deleted = true; // sent from Gmail: gone from Drafts
    fakes.clock.set('2026-03-03T09:00:00+01:00');
    const result = execute('time-driven', 'draftDueReminders') as { gone: { draftId: string }[] };
    // The demo's own draft row (Studio Bianchi's stop-work notice) names a draft this Gmail
    // never had, so it is gone too.
    expect(result.gone.map((g) => g.draftId).sort()).toEqual([sent?.id, 'r-5071203388571925312'].sort());
    expect(kept.length).toBeGreaterThan(0);
  });

  it('keep no idempotency keys once logged, so properties never grow with the ledger', async () => {
    const { fakes, execute } = await demo();
    execute('time-driven', 'draftDueReminders');
    expect(fakes.gmail.live().length).toBeGreaterThan(0);
    expect(
      Object.keys(fakes.properties.document.snapshot()).filter((k) => k.startsWith('payladder.drafts.')),
    ).toEqual([]);
  });
});

describe('time limits', () => {
  it('a simple trigger past 30 s is stopped, even when the code catches the error', async () => {
    const { fakes, execute } = await demo();
    fakes.runtime.slow('Sheet.getSheetValues', LIMITS.simpleTriggerMs);
    const range = fakes.calls.uncounted(() =>
      fakes.services.SpreadsheetApp.getActiveSpreadsheet()?.getSheetByName('Milestones')?.getRange(2, 5),
    );
    expect(() => execute('onEdit', 'onEdit', { authMode: 'LIMITED', range })).toThrow(
      /Exceeded maximum execution time: onEdit ran past 30 s/,
    );
  });

  it('a menu run past 6 minutes is stopped', async () => {
    const { fakes, execute } = await demo();
    fakes.runtime.slow('Sheet.getSheetValues', LIMITS.executionMs);
    expect(() => execute('menu', 'recomputeLedger')).toThrow(/Exceeded maximum execution time/);
  });

  it('the daily run stops drafting before 6 minutes and the next run resumes, never twice', async () => {
    const { fakes, execute } = await demo();
    // Gmail slow today: 90 s a draft.
    fakes.runtime.slow('Gmail.Users.Drafts.create', 89_000);
    const first = execute('time-driven', 'draftDueReminders') as { drafted: unknown[]; deferred: string[] };
    expect(first.deferred.length).toBeGreaterThan(0);
    expect(first.drafted.length).toBeGreaterThan(0);
    let left = first.deferred.length;
    for (let run = 0; run < 10 && left > 0; run++) {
      const next = execute('time-driven', 'draftDueReminders') as { deferred: string[] };
      left = next.deferred.length;
    }
    expect(left).toBe(0);
    const clients = fakes.gmail.live().map((d) => d.to);
    expect(new Set(clients).size).toBe(clients.length);
    expect(TODAY).toBe('2026-03-02');
  });

  it('time-driven runs stop for the day once 90 minutes of trigger runtime are used', async () => {
    const { fakes, execute } = await demo();
    fakes.runtime.slow('Sheet.getSheetValues', 5 * 60_000);
    for (let run = 0; run < 18; run++) {
      try {
        execute('time-driven', 'draftDueReminders');
      } catch {
        // each run is slow; what matters is the day's total
      }
    }
    expect(fakes.runtime.triggerRuntimeToday()).toBeGreaterThanOrEqual(LIMITS.triggerRuntimePerDayMs);
    expect(() => execute('time-driven', 'draftDueReminders')).toThrow(/too much computer time for one day/);
  });
});
