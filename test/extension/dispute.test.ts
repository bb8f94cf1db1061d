/**
 * Mark disputed from the client's reply (issue 11): the write is planned on the sheet as
 * just read (the row still holds the milestone, its Status and Status note are free), is
 * exactly the Status and Status note cells of that row, and happens once however often it
 * is asked. The note says the reason, the day and the link, in the overlay's language.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_SHEET, demoLedger, inputHeaders, MILESTONES, parseLedger } from '../../shared/index.ts';
import { SheetsError } from '../../extension/sheets/errors.ts';
import { DEFAULT_PREFERENCES } from '../../extension/sync/defaults.ts';
import type { DisputeTarget, LiveRows } from '../../extension/sync/dispute.ts';
import { DISPUTE_PROBLEMS, disputeNote, disputeReads, planDispute } from '../../extension/sync/dispute.ts';
import { makeLedgerState } from '../../extension/sync/ledger-state.ts';
import type { DisputeRequest } from '../../extension/sync/reply-actions.ts';
import { REPLY_PROBLEMS, createReplyActions } from '../../extension/sync/reply-actions.ts';
import { TODAY } from './demo-state.ts';
import { memorySheet } from './memory-sheet.ts';

const LINK = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbfxGm';
const NOTE = `Hours exceed the estimate (client's reply of 2 Dec 2026: ${LINK})`;
const HEADER = inputHeaders(MILESTONES);
const TAB = 'Milestones';
const EN = DISPUTE_PROBLEMS.en;

/** A Milestones row under HEADER (ID in A, Status in J, Status note in L). */
function row(id: string, status = '', note = ''): unknown[] {
  return [
    id,
    'Harbor & Pine LLC',
    'Mobile app',
    'MVP build',
    9500,
    '',
    'HP-2026-14',
    46300,
    '',
    status,
    '',
    note,
  ];
}

const target: DisputeTarget = { id: 'HP-1', row: 14 };
const live = (...rows: unknown[][]): LiveRows => ({ header: HEADER, rows });

describe('the Status note', () => {
  it.each([
    ['en', `Hours exceed the estimate (client's reply of 2 Dec 2026: ${LINK})`],
    ['it', `Hours exceed the estimate (risposta del cliente del 2 dic 2026: ${LINK})`],
  ] as const)('says the reason, the day and the link (%s)', (lang, note) => {
    expect(disputeNote('  Hours exceed the estimate ', '2026-12-02', LINK, lang)).toBe(note);
  });

  it('leaves the link out when there is none', () => {
    expect(disputeNote('Not what we ordered', '2027-01-31', '', 'it')).toBe(
      'Not what we ordered (risposta del cliente del 31 gen 2027)',
    );
  });
});

describe('planning the write', () => {
  it('reads the header row and each target row, in one request', () => {
    expect(disputeReads(TAB, [target, { id: 'HP-2', row: 15 }])).toEqual([
      "'Milestones'!1:1",
      "'Milestones'!14:14",
      "'Milestones'!15:15",
    ]);
  });

  it('sets exactly the Status and Status note cells of the row that holds the milestone', () => {
    expect(planDispute([target], live(row('HP-1')), NOTE, TAB, 'en')).toEqual({
      kind: 'write',
      ids: ['HP-1'],
      cells: [
        { range: "'Milestones'!J14", values: [['Disputed']] },
        { range: "'Milestones'!L14", values: [[NOTE]] },
      ],
    });
  });

  it('finds the columns by their headers, wherever the user put them', () => {
    const header = ['Status note', 'Client', 'id', 'STATUS'];
    const plan = planDispute(
      [target],
      { header, rows: [['', 'Harbor & Pine LLC', 'hp-1 ', '']] },
      NOTE,
      TAB,
      'en',
    );
    expect(plan).toMatchObject({
      kind: 'write',
      cells: [{ range: "'Milestones'!D14" }, { range: "'Milestones'!A14" }],
    });
  });

  it('refuses when the row no longer holds the milestone (rows moved since the sync)', () => {
    expect(planDispute([target], live(row('HP-2')), NOTE, TAB, 'en')).toEqual({
      kind: 'refused',
      message: EN.moved('HP-1', 14, TAB),
    });
    expect(planDispute([target], live([]), NOTE, TAB, 'en')).toMatchObject({ kind: 'refused' });
  });

  it.each(['Paid', 'Cancelled', 'Written off', 'Renegotiated', 'waiting on legal'])(
    'never writes over a Status of %s',
    (status) => {
      expect(planDispute([target], live(row('HP-1', status)), NOTE, TAB, 'en')).toEqual({
        kind: 'refused',
        message: EN.status('HP-1', status),
      });
    },
  );

  it.each(['Disputed', 'On hold', 'on hold'])('replaces a Status of %s', (status) => {
    expect(planDispute([target], live(row('HP-1', status)), NOTE, TAB, 'en')).toMatchObject({
      kind: 'write',
      ids: ['HP-1'],
    });
  });

  it('never writes over a Status note the user typed, and says so', () => {
    const typed = 'Agreed on the phone to wait for the new PO';
    expect(planDispute([target], live(row('HP-1', '', typed)), NOTE, TAB, 'en')).toEqual({
      kind: 'refused',
      message: EN.note('HP-1', typed),
    });
    expect(planDispute([target], live(row('HP-1', 'Disputed', typed)), NOTE, TAB, 'it')).toEqual({
      kind: 'refused',
      message: DISPUTE_PROBLEMS.it.note('HP-1', typed),
    });
  });

  it('knows a dispute already written (a second click, an answer that was lost)', () => {
    expect(planDispute([target], live(row('HP-1', 'Disputed', NOTE)), NOTE, TAB, 'en')).toEqual({
      kind: 'already',
    });
  });

  it('refuses, changing nothing, when the sheet has no Status note column', () => {
    const header = HEADER.filter((h) => h !== 'Status note');
    expect(planDispute([target], { header, rows: [row('HP-1').slice(0, 11)] }, NOTE, TAB, 'en')).toEqual({
      kind: 'refused',
      message: EN.noNoteColumn(TAB),
    });
    expect(EN.noNoteColumn(TAB)).toContain('Set up ledger');
  });

  it('refuses when ID or Status lost its header', () => {
    const header = HEADER.map((h) => (h === 'Status' ? '' : h));
    expect(planDispute([target], { header, rows: [row('HP-1')] }, NOTE, TAB, 'en')).toEqual({
      kind: 'refused',
      message: EN.columns(TAB, ['Status']),
    });
  });

  it('writes all the targets or none', () => {
    const two = [target, { id: 'HP-2', row: 15 }];
    expect(planDispute(two, live(row('HP-1'), row('HP-2', 'Paid')), NOTE, TAB, 'en')).toMatchObject({
      kind: 'refused',
    });
    expect(planDispute(two, live(row('HP-1', 'Disputed', NOTE), row('HP-2')), NOTE, TAB, 'en')).toEqual({
      kind: 'write',
      ids: ['HP-2'],
      cells: [
        { range: "'Milestones'!J15", values: [['Disputed']] },
        { range: "'Milestones'!L15", values: [[NOTE]] },
      ],
    });
  });

  it('keeps a formula-like reason as the very text typed (the cells are sent RAW)', () => {
    const note = disputeNote('=HYPERLINK("https://evil.example","Paid")', '2026-12-02', LINK, 'en');
    const plan = planDispute([target], live(row('HP-1')), note, TAB, 'en');
    expect(plan.kind === 'write' && plan.cells[1]?.values).toEqual([[note]]);
    expect(note.startsWith('=HYPERLINK(')).toBe(true);
  });
});

describe('Mark disputed through the reply actions', () => {
  function setup(options: { fail?: Error } = {}) {
    const raw = demoLedger(TODAY);
    const parsed = parseLedger(raw, { locale: DEMO_SHEET.locale, timeZone: DEMO_SHEET.timeZone });
    const state = makeLedgerState({
      source: 'sheet',
      spreadsheetId: 'sheet-1',
      syncedAt: 1_000,
      title: DEMO_SHEET.title,
      locale: parsed.ledger.settings.locale,
      timeZone: parsed.ledger.settings.timeZone,
      reminders: null,
      fingerprint: 'f',
      ledger: parsed.ledger,
      problems: parsed.problems,
    });
    const tabs = { Milestones: (raw['Milestones'] ?? []).map((r) => [...r]) };
    const sheet = memorySheet(tabs, options);
    let refreshed = 0;
    const actions = createReplyActions({
      ledgerState: async () => state,
      preferences: async () => ({ ...DEFAULT_PREFERENCES, spreadsheetId: 'sheet-1' }),
      matches: () => true,
      today: () => TODAY,
      refresh: async () => void refreshed++,
      sheets: {
        ...sheet,
        batchGet: () => Promise.reject(new Error('a dispute reads no whole tab')),
        append: () => Promise.reject(new Error('a dispute appends nothing')),
      },
    });
    const hp1 = state.ledger.milestones.find((m) => m.id === 'HP-1');
    if (!hp1) throw new Error('the demo ledger has no HP-1');
    return { actions, sheet, tabs, state, hp1, refreshed: () => refreshed };
  }

  const request: DisputeRequest = {
    kind: 'dispute',
    client: 'Harbor & Pine LLC',
    milestones: ['HP-1'],
    reason: 'Hours exceed the estimate',
    said: '2026-11-28',
    source: LINK,
    lang: 'en',
  };
  const note = `Hours exceed the estimate (client's reply of 28 Nov 2026: ${LINK})`;

  it('sets the two cells of the milestone’s row, and the chip sees Disputed at once', async () => {
    const { actions, sheet, tabs, hp1, refreshed } = setup();
    const result = await actions.replyAction(request);
    expect(result.status).toBe('logged');
    const at = hp1.row;
    expect(sheet.set).toEqual([
      { range: `'Milestones'!J${at}`, value: 'Disputed' },
      { range: `'Milestones'!L${at}`, value: note },
    ]);
    expect(sheet.reads).toEqual([["'Milestones'!1:1", `'Milestones'!${at}:${at}`]]);
    expect(tabs.Milestones[at - 1]?.[9]).toBe('Disputed');
    expect(result.summary?.milestones.find((m) => m.id === 'HP-1')?.stage).toBe('disputed');
    expect(hp1.statusNote).toBe(note);
    expect(refreshed()).toBe(1);
  });

  it('writes once when Confirm is clicked twice, even while the first write is on its way', async () => {
    const { actions, sheet } = setup();
    const [a, b] = await Promise.all([actions.replyAction(request), actions.replyAction(request)]);
    expect([a.status, b.status]).toEqual(['logged', 'duplicate']);
    expect(sheet.set).toHaveLength(2);
  });

  it('writes the note in Italian when the overlay speaks it', async () => {
    const { actions, sheet } = setup();
    await actions.replyAction({ ...request, reason: 'Le ore superano la stima', lang: 'it' });
    expect(sheet.set[1]?.value).toBe(
      `Le ore superano la stima (risposta del cliente del 28 nov 2026: ${LINK})`,
    );
  });

  it('refuses a row the user changed since the sync, writing nothing and keeping the chip as it was', async () => {
    const { actions, sheet, tabs, hp1 } = setup();
    (tabs.Milestones[hp1.row - 1] as unknown[])[9] = 'Paid';
    const result = await actions.replyAction(request);
    expect(result).toMatchObject({ status: 'problem', message: EN.status('HP-1', 'Paid') });
    expect(sheet.set).toHaveLength(0);
    expect(hp1.status).toBeNull();
  });

  it.each([
    ['an empty reason', { reason: '   ' }, EN.reason],
    [
      'another client’s milestone',
      { milestones: ['GD-3'] },
      REPLY_PROBLEMS.otherClient('GD-3', 'Harbor & Pine LLC'),
    ],
  ])('refuses %s before reading the sheet', async (_name, change, message) => {
    const { actions, sheet } = setup();
    expect(await actions.replyAction({ ...request, ...change })).toMatchObject({
      status: 'problem',
      message,
    });
    expect(sheet.reads).toHaveLength(0);
  });

  it('says when Payladder may only read the sheet', async () => {
    const { actions, hp1 } = setup({ fail: new SheetsError('scope') });
    expect(await actions.replyAction(request)).toMatchObject({
      status: 'no_write_access',
      message: REPLY_PROBLEMS.writeAccess,
    });
    expect(hp1.status).toBeNull();
  });
});
