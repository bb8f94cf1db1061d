/**
 * A ledger made from the saved Gmail pages' expectations, for the overlay's fixture suites
 * (happy-dom and Chromium): for each page, a client owning the first address the page
 * shows that is not the user's (a list's first sender, a conversation's first participant,
 * a compose window's first To), each with one overdue milestone. A compose page with no
 * recipient gets a client whose address the test types into To.
 *
 * The user is whoever the page's title names ("Inbox - me@example.com - Gmail"); the
 * shared fragments name nobody.
 */
import { readFileSync } from 'node:fs';
import { titleAddress } from '../../extension/gmail/read/account.ts';
import type { IsoDate, RawLedger } from '../../shared/index.ts';
import { addDays } from '../../shared/index.ts';
import type { Fixture, FixtureExpectation } from './fixture-set.ts';
import { readExpectation } from './fixture-set.ts';

/** The address typed into To on a compose page that has none. */
export const TYPED_CLIENT = 'payladder.client@example.com';
/** Days overdue of every generated milestone: a follow-up is due today. */
export const DAYS_OVERDUE = 12;

export interface FixturePlan {
  readonly fixture: Fixture;
  readonly expected: FixtureExpectation;
  /** The user's own address on this page, from its title; null when the page names nobody. */
  readonly me: string | null;
  /** The address whose client this page is about. */
  readonly clientAddress: string;
  /** True when the test must type `clientAddress` into To (the page has no recipient). */
  readonly typeTo: boolean;
}

export interface FixtureLedger {
  readonly raw: RawLedger;
  readonly plans: readonly FixturePlan[];
  /** Address → client name. */
  readonly clients: ReadonlyMap<string, string>;
  readonly timeZone: string;
}

export function pageTitle(html: string): string {
  return /<title>([^<]*)<\/title>/i.exec(html)?.[1]?.trim() ?? '';
}

export function planFor(fixture: Fixture): FixturePlan {
  const expected = readExpectation(fixture);
  const me = titleAddress(pageTitle(readFileSync(fixture.htmlPath, 'utf8')));
  const notMe = (a: string) => a !== me;
  const shown =
    expected.view === 'list'
      ? (expected.rows ?? []).flatMap((r) => r.senders)
      : expected.view === 'thread'
        ? (expected.thread?.participants ?? [])
        : (expected.compose?.to ?? []);
  const first = shown.find(notMe) ?? null;
  return { fixture, expected, me, clientAddress: first ?? TYPED_CLIENT, typeTo: first === null };
}

/** One client per distinct address, each owing one milestone `DAYS_OVERDUE` days late on `today`. */
export function fixtureLedger(fixtures: readonly Fixture[], today: IsoDate): FixtureLedger {
  const plans = fixtures.map(planFor);
  const clients = new Map<string, string>();
  for (const plan of plans) {
    if (!clients.has(plan.clientAddress))
      clients.set(plan.clientAddress, `Fixture client ${clients.size + 1}`);
  }
  const clientRows: unknown[][] = [
    [
      'Client',
      'Emails',
      'Contact',
      'Language',
      'Currency',
      'Jurisdiction',
      'Business',
      'Terms',
      'Grace',
      'Contract',
      'Risk',
      'Notes',
    ],
  ];
  const milestoneRows: unknown[][] = [
    [
      'ID',
      'Client',
      'Project',
      'Description',
      'Amount',
      'Currency',
      'Invoice',
      'Invoice date',
      'Due date',
      'Status',
      'Change order',
    ],
  ];
  let n = 0;
  for (const [address, name] of clients) {
    n += 1;
    clientRows.push([
      name,
      address,
      `Contact ${n}`,
      'en',
      'EUR',
      'IT',
      'B2B',
      30,
      30,
      '2026-01-05',
      'medium',
      '',
    ]);
    milestoneRows.push([
      `FX-${n}`,
      name,
      'Website',
      'Design and build',
      1200 + n,
      'EUR',
      `INV-${n}`,
      addDays(today, -DAYS_OVERDUE - 30),
      addDays(today, -DAYS_OVERDUE),
      '',
      '',
    ]);
  }
  const timeZone = 'Europe/Rome';
  return {
    raw: {
      Clients: clientRows,
      Milestones: milestoneRows,
      Payments: [['Date', 'Milestone', 'Amount', 'Method', 'Note']],
      Reminders: [['Sent', 'Milestone', 'Client', 'Stage', 'Template', 'To', 'Subject', 'Channel', 'Link']],
      Settings: [
        ['Setting', 'Value'],
        ['Your name', 'Alex Moreau'],
        ['Business name', 'Moreau Studio'],
        ['Locale', 'en_GB'],
        ['Time zone', timeZone],
      ],
    },
    plans,
    clients,
    timeZone,
  };
}

/** Indexes of the rows of a list page that should carry a badge: a sender (not the user) is a client. */
export function badgedRows(plan: FixturePlan, clients: ReadonlyMap<string, string>): number[] {
  return (plan.expected.rows ?? []).flatMap((row, i) =>
    row.senders.some((s) => s !== plan.me && clients.has(s)) ? [i] : [],
  );
}
