// @vitest-environment happy-dom
/**
 * The whole overlay on every saved page (the project's and the shared set), in happy-dom,
 * against an in-process background on a ledger made from the pages' expectations
 * (fixture-ledger.ts): the chip on conversations, badges on exactly the rows of clients,
 * the compose button inserting the recommended template, and one reminder logged per send.
 * The same plan runs in Chromium with the built extension (test/e2e/gmail-fixtures.e2e.ts).
 *
 * Every page runs twice: as saved, and with every class name rewritten (fixture-set.ts,
 * `hashClassNames`). The tests find things through the adapter and attributes only, never
 * Gmail's class names. Today's pages (captured from Oct 2021) must work the same without
 * their classes; older ones must show nothing wrong (no overlay at all is fine: Gmail did
 * not hash classes then).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readListRows, readThread } from '../../extension/gmail/adapter.ts';
import { findComposeRoots, readCompose } from '../../extension/gmail/read/compose.ts';
import { queryAnchor } from '../../extension/gmail/read/dom.ts';
import { recipientAnchorsByField } from '../../extension/gmail/selectors.ts';
import { addDays } from '../../shared/index.ts';
import { type FixturePlan, badgedRows, fixtureLedger } from './fixture-ledger.ts';
import {
  CLASS_NAMES,
  type ClassNames,
  fixtureDirs,
  fixtureHtml,
  fixturesOf,
  readsWithoutClasses,
} from './fixture-set.ts';
import {
  type TestOverlay,
  fakeBackground,
  flush,
  inOverlays,
  loadPage,
  startTestOverlay,
} from './overlay-support.ts';

const TODAY = '2026-11-30';
const fixtures = fixturesOf(fixtureDirs());
const world = fixtureLedger(fixtures, TODAY);

let running: TestOverlay | null = null;
afterEach(() => {
  // As when the extension is reloaded: listeners and per-page state go.
  running?.cleanup.invalidate();
  running = null;
});

const runs: (readonly [string, FixturePlan, ClassNames])[] = world.plans.flatMap((p) =>
  CLASS_NAMES.filter((c) => c === 'as saved' || readsWithoutClasses(p.expected)).map(
    (classes) => [`${p.fixture.dir.label}/${p.fixture.name} (classes ${classes})`, p, classes] as const,
  ),
);

/** The first To field the user types into (a 2014–2021 textarea, or today's pending input). */
function toField(root: Element): HTMLTextAreaElement | HTMLInputElement | null {
  const to = recipientAnchorsByField.to;
  return (queryAnchor(root, to.textarea) ?? queryAnchor(root, to.pending)) as
    HTMLTextAreaElement | HTMLInputElement | null;
}

describe.each(runs)('%s', (_name, plan, classes) => {
  const setup = async () => {
    loadPage(fixtureHtml(plan.fixture, classes), plan.expected.fragment, plan.expected.url);
    const background = fakeBackground(world.raw, TODAY);
    running = startTestOverlay(background);
    await running.settle();
    return { background, overlay: running };
  };

  if (plan.expected.view === 'list') {
    it('badges exactly the rows whose senders are clients owing money', async () => {
      await setup();
      const rows = readListRows(document);
      const badged = rows.flatMap((row, i) => (row.element.querySelector('payladder-badge') ? [i] : []));
      expect(badged).toEqual(badgedRows(plan, world.clients));
      expect(badged.length).toBeGreaterThan(0);
      // Each badge sits in the grid cell of the row's first sender.
      for (const i of badged) {
        const row = rows[i] as (typeof rows)[number];
        const cell = row.senderElements[0]?.closest('td, [role=gridcell]');
        expect(row.element.querySelector('payladder-badge')?.parentElement).toBe(cell);
      }
      const first = inOverlays('payladder-badge', '.badge')[0];
      expect(first?.textContent).toBe('Follow-up');
    });

    it('asks the background once for the whole list', async () => {
      const { background } = await setup();
      expect(background.requests.filter((r) => r.type === 'rowBadges')).toHaveLength(1);
      expect(background.requests.every((r) => r.type === 'rowBadges')).toBe(true);
    });
  }

  if (plan.expected.thread) {
    it('shows the chip beside the subject, with the client, stage, amount and days late', async () => {
      await setup();
      const chips = document.querySelectorAll('payladder-chip');
      expect(chips).toHaveLength(1);
      const chip = inOverlays('payladder-chip', 'button.chip')[0];
      const client = world.clients.get(plan.clientAddress);
      expect(chip?.textContent).toContain(client);
      expect(chip?.textContent).toContain('Follow-up');
      expect(chip?.textContent).toContain('12 days late');
      expect(chip?.textContent).toMatch(/€1,20\d\.00 outstanding/);
    });
  }

  if (plan.expected.compose) {
    it('inserts the recommended template and logs one reminder when the window is sent', async () => {
      const { background, overlay } = await setup();
      const root = findComposeRoots(document)[0] as Element;
      if (plan.typeTo) {
        const to = toField(root);
        expect(to).not.toBeNull();
        (to as HTMLTextAreaElement).value = plan.clientAddress;
      }
      const button = inOverlays('payladder-compose', 'button.button')[0] as HTMLButtonElement;
      expect(button).toBeDefined();
      button.click();
      await overlay.settle();
      const items = inOverlays('payladder-compose', '[role=menuitem][data-message]');
      expect(items[0]?.getAttribute('data-message')).toBe('followup');
      expect(items[0]?.textContent).toContain('Recommended');
      items[0]?.click();
      await overlay.settle();

      const compose = readCompose(root);
      const client = world.clients.get(plan.clientAddress) as string;
      const body = compose.body.editable?.textContent ?? '';
      expect(body).toContain('INV-');
      // Above the signature and the quote.
      if (compose.body.insertBefore) {
        const text = compose.body.editable?.textContent ?? '';
        expect(text.indexOf('INV-')).toBeLessThan(text.indexOf(compose.body.insertBefore.textContent ?? ''));
      }
      if (plan.expected.compose?.subject === '') expect(compose.subject).not.toBe('');
      else expect(compose.subject).toBe(plan.expected.compose?.subject);

      // Send, twice, then Gmail closes the window.
      (compose.sendButton as HTMLElement).click();
      (compose.sendButton as HTMLElement).click();
      await overlay.settle();
      expect(background.logged).toHaveLength(0);
      root.remove();
      await overlay.settle();
      await flush();
      expect(background.logged).toHaveLength(1);
      expect(background.logged[0]).toMatchObject({
        client,
        stage: 'followup',
        template: 'followup',
        channel: 'gmail',
        milestones: [expect.stringMatching(/^FX-\d+$/)],
      });
      expect(background.logged[0]?.sentAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      expect(background.logged[0]?.link).toMatch(/^https:\/\/mail\.google\.com\/mail\/u\/0\/#/);
    });
  }
});

describe('older pages with every class name hashed', () => {
  const older = world.plans.filter((p) => !readsWithoutClasses(p.expected));
  it.each(older.map((p) => [`${p.fixture.dir.label}/${p.fixture.name}`, p] as const))(
    '%s shows nothing wrong',
    async (_name, plan) => {
      loadPage(fixtureHtml(plan.fixture, 'hashed'), plan.expected.fragment, plan.expected.url);
      running = startTestOverlay(fakeBackground(world.raw, TODAY));
      await running.settle();
      const rows = readListRows(document);
      const badged = rows.flatMap((row, i) => (row.element.querySelector('payladder-badge') ? [i] : []));
      if (rows.length > 0) expect(badged).toEqual(badgedRows(plan, world.clients));
      expect(document.querySelectorAll('payladder-badge')).toHaveLength(badged.length);
      const chips = inOverlays('payladder-chip', 'button.chip');
      expect(chips.length).toBeLessThanOrEqual(readThread(document) ? 1 : 0);
      for (const chip of chips) expect(chip.textContent).toContain(world.clients.get(plan.clientAddress));
    },
  );
});

describe('the generated ledger', () => {
  it('gives every page a client with a follow-up due today', () => {
    expect(world.plans.length).toBe(fixtures.length);
    const dueDates = (world.raw['Milestones'] ?? []).slice(1).map((row) => row[8]);
    expect(new Set(dueDates)).toEqual(new Set([addDays(TODAY, -12)]));
  });
});
