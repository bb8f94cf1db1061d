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
import type { Fixture, FixtureExpectation } from './fixture-set.ts';
import { readExpectation } from './fixture-set.ts';
import { overdueMilestone, rawLedger, STORY_CLIENT } from '../shared/builder.ts';

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
  const timeZone = 'Europe/Rome';
  const names = [...clients];
  return {
    raw: rawLedger({
      clients: names.map(([address, name], k) => ({
        ...STORY_CLIENT,
        Client: name,
        Emails: address,
        Contact: `Contact ${k + 1}`,
        Risk: 'medium',
      })),
      milestones: names.map(([, name], k) => ({
        ...overdueMilestone(today, `FX-${k + 1}`, name, 1200 + k + 1, DAYS_OVERDUE),
        Project: 'Website',
        Description: 'Design and build',
        Invoice: `INV-${k + 1}`,
      })),
      settings: { 'Your name': 'Alex Moreau', 'Business name': 'Moreau Studio', 'Time zone': timeZone },
    }),
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
