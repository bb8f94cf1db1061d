// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { todayHeadline, todayWork } from '../../shared/today.ts';
import { lastCall, renderSidebar } from './support.tsx';

const section = (name: string | RegExp) =>
  screen.getByRole('heading', { level: 3, name }).closest('section') as HTMLElement;

describe('Dashboard', () => {
  it('shows outstanding and overdue per currency, formatted for the ledger locale', async () => {
    await renderSidebar();
    const totals = section('Outstanding and overdue');
    const eur = totals.querySelector('[data-currency="EUR"]') as HTMLElement;
    expect(within(eur).getByText('Outstanding').nextElementSibling?.textContent).toBe('€23,580.00');
    expect(within(eur).getByText('Overdue').nextElementSibling?.textContent).toBe('€17,700.00');
    expect(totals.querySelector('[data-currency="GBP"]')?.textContent).toContain('£28,190.00');
    expect(totals.querySelector('[data-currency="USD"]')?.textContent).toContain('US$24,500.00');
  });

  it('draws the aging chart as SVG bars with the amounts in text and in the accessible name', async () => {
    await renderSidebar();
    const aging = section('Aging of the outstanding');
    const charts = within(aging).getAllByRole('img');
    expect(charts).toHaveLength(3);
    const eur = charts[0] as unknown as SVGElement;
    expect(eur.getAttribute('aria-label')).toBe(
      'Aging of the EUR outstanding: Not yet due €5,880.00, 1–30 days €8,200.00, 31–60 days €7,400.00, 61–90 days €0.00, Over 90 days €2,100.00.',
    );
    const buckets = [...eur.querySelectorAll('g[data-bucket]')];
    expect(buckets.map((g) => g.getAttribute('data-bucket'))).toEqual([
      'current',
      '1-30',
      '31-60',
      '61-90',
      '90+',
    ]);
    expect(buckets.map((g) => g.querySelector('.aging-value')?.textContent)).toEqual([
      '€5,880.00',
      '€8,200.00',
      '€7,400.00',
      '€0.00',
      '€2,100.00',
    ]);
    // The longest bar is the largest bucket; an empty bucket draws no bar.
    const widths = buckets.map((g) => Number(g.querySelectorAll('rect')[1]?.getAttribute('width')));
    expect(Math.max(...widths)).toBe(widths[1]);
    expect(widths[3]).toBe(0);
  });

  it('counts milestones per stage', async () => {
    await renderSidebar();
    const chips = [...section('Milestones by stage').querySelectorAll('.chip')].map((c) => c.textContent);
    expect(chips).toContain('Small claims1');
    expect(chips).toContain('Paid6');
    expect(chips).toContain('Disputed1');
  });

  it('lists what needs action today: client, stage and what to send, most urgent first', async () => {
    await renderSidebar();
    // Counted in messages, one per client, not in milestones.
    const today = section('Needs action today 9');
    const cards = [...today.querySelectorAll('li.card[data-client]')] as HTMLElement[];
    expect(cards.map((c) => c.dataset['client'])).toEqual([
      'Northwind Analytics Ltd',
      'Vento Rosso S.r.l.',
      'Ashdown Bakery',
      'Studio Bianchi Architetti',
      'Lakeshore Dental Group',
      'Glenmore Distillery',
      'Maison Lumière SARL',
      'Kestrel Media GmbH',
      'Giorgio Rossi',
    ]);
    const northwind = cards[0] as HTMLElement;
    expect([...northwind.querySelectorAll('.due-line')].map((l) => l.textContent)).toEqual([
      'Small claims INV-1041 · Send: Notice of court claim · Overdue £12,000.00',
    ]);
    // Kestrel's follow-up covers both of its late invoices in one message.
    const kestrel = cards[7] as HTMLElement;
    // Lakeshore broke its promise: the message due names it.
    expect((cards[4] as HTMLElement).querySelector('.due-line')?.textContent).toMatch(
      /^Broken promise LD-003/,
    );
    // Harbor & Pine promised by next week: listed with the promises, nothing to send.
    const promises = today.querySelector('li.card[data-promise="HP-4"]') as HTMLElement;
    expect(promises.textContent).toMatch(/Harbor & Pine LLC.*US\$1,000\.00 promised by/);
    expect(kestrel.querySelector('.due-line')?.textContent).toMatch(/^Follow-up KM-88, KM-93 · /);
    // Studio Bianchi's stop-work message is drafted and not confirmed sent: no second draft.
    const bianchi = cards[3] as HTMLElement;
    expect(bianchi.textContent).toMatch(/not confirmed sent/);
    expect(within(bianchi).queryByRole('button', { name: 'Draft reminder' })).toBeNull();
  });

  it('counts and says today’s work as every surface does (shared/today.ts)', async () => {
    const r = await renderSidebar();
    const report = r.store.view.value?.report;
    if (!report) throw new Error('no view');
    const work = todayWork(report);
    const today = section(/^Needs action today/);
    expect(today.querySelector('h3 .badge')?.textContent).toBe(String(work.count));
    expect(today.querySelector('.headline')?.textContent).toBe(todayHeadline(work, 'en'));
    // The demo's day: eight messages to send and Studio Bianchi's drafted one to confirm.
    expect(today.querySelector('.headline')?.textContent).toBe('8 messages to send and 1 draft to confirm');
    // Each message names the invoices it covers, as the client knows them.
    const kestrel = today.querySelector('li.card[data-client="Kestrel Media GmbH"]') as HTMLElement;
    const invoices = work.messages.find((m) => m.client === 'Kestrel Media GmbH')?.invoices ?? [];
    expect(kestrel.querySelector('.due-line .mono')?.textContent).toBe(invoices.join(', '));
    // Drafts to confirm and promises are parts of today's work, under the same heading.
    expect(within(today).getByRole('heading', { level: 4, name: /^Drafts to confirm/ })).toBeTruthy();
    expect(
      within(today).getByRole('heading', { level: 4, name: /^Promises due this week and broken/ }),
    ).toBeTruthy();
  });

  it('says it in Italian for an Italian ledger', async () => {
    await renderSidebar({ language: 'it' });
    const today = section(/^Da fare oggi/);
    expect(today.querySelector('.headline')?.textContent).toBe(
      '8 messaggi da inviare e 1 bozza da confermare',
    );
  });

  it('lists promises due this week and broken ones, each with its three actions', async () => {
    const r = await renderSidebar();
    const promises = screen
      .getByRole('heading', { level: 4, name: /^Promises due this week and broken/ })
      .closest('section') as HTMLElement;
    const cards = [...promises.querySelectorAll('li.card')] as HTMLElement[];
    // Lakeshore's broken promise first, then Harbor & Pine's due this week.
    expect(cards.map((c) => c.dataset['promise'])).toEqual(['LD-1', 'HP-4']);
    expect(cards[0]?.querySelector('.due-line')?.textContent).toMatch(
      /^Broken promise LD-003 · Broken: .+ promised by /,
    );
    const hp = cards[1] as HTMLElement;
    expect(hp.querySelector('.due-line')?.textContent).toMatch(
      /^Promised HP-2026-18 · US\$1,000\.00 promised by 6 Dec 2026$/,
    );
    const actions = within(hp).getByRole('group', { name: 'Actions for HP-4' });
    expect(
      within(actions)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Record payment', 'Log a promise', 'Mark disputed']);
    // Record the payment that came in, from the card.
    fireEvent.click(within(hp).getByRole('button', { name: 'Record payment' }));
    const form = within(hp).getByRole('form', { name: 'Record payment · HP-4' });
    fireEvent.input(within(form).getByLabelText('Amount (USD)'), { target: { value: '1000' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save payment' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toMatch(/^Payment of US\$1,000\.00 recorded for HP-4/),
    );
    expect(lastCall(r.recording, 'recordPayment')).toMatchObject({ milestone: 'HP-4', amount: 1000 });
  });

  it('logs a new promise and marks a broken one disputed, from the promise’s card', async () => {
    const r = await renderSidebar();
    const ld = () => document.querySelector('li.card[data-promise="LD-1"]') as HTMLElement;
    fireEvent.click(within(ld()).getByRole('button', { name: 'Log a promise' }));
    const form = within(ld()).getByRole('form', { name: 'Log a promise · LD-1' });
    fireEvent.input(within(form).getByLabelText('Promised by'), { target: { value: '2026-12-02' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save promise' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Promise for LD-1 logged/));
    expect(lastCall(r.recording, 'logPromise')).toMatchObject({ milestone: 'LD-1', by: '2026-12-02' });
    // The new promise is open and due this week: the card stays, no longer broken.
    await waitFor(() => expect(ld().querySelector('.due-line')?.textContent).toMatch(/^Promised /));
    fireEvent.click(within(ld()).getByRole('button', { name: 'Mark disputed' }));
    const confirm = within(ld()).getByRole('form', { name: 'Mark LD-1 disputed?' });
    fireEvent.input(within(confirm).getByLabelText(/^Reason/), { target: { value: 'Disputes the crowns' } });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Mark disputed' }));
    await waitFor(() =>
      expect(document.querySelector('.notice p')?.textContent).toBe('LD-1 is now Disputed.'),
    );
    expect(lastCall(r.recording, 'setMilestoneStatus')).toEqual({
      milestone: 'LD-1',
      status: 'Disputed',
      note: 'Disputes the crowns',
    });
  });

  it('drafts the reminder for a client’s due milestones through the server', async () => {
    const r = await renderSidebar();
    const card = document.querySelector('li.card[data-client="Lakeshore Dental Group"]') as HTMLElement;
    fireEvent.click(within(card).getByRole('button', { name: 'Draft reminder' }));
    expect(within(card).getByRole('button', { name: 'Working…' })).toBeTruthy();
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toMatch(/^Draft ".+" to .+ is in Gmail/),
    );
    expect(lastCall(r.recording, 'draftReminder')).toEqual({ client: 'Lakeshore Dental Group' });
    // The fresh view still lists Lakeshore's message, now as a draft waiting to be sent.
    await waitFor(() =>
      expect(document.querySelector('li.card[data-client="Lakeshore Dental Group"]')?.textContent).toMatch(
        /not confirmed sent/,
      ),
    );
  });

  it('opens a client from the list', async () => {
    await renderSidebar();
    fireEvent.click(screen.getByRole('button', { name: 'Giorgio Rossi' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Giorgio Rossi' })).toBeTruthy();
  });

  it('links to the problems', async () => {
    await renderSidebar();
    fireEvent.click(screen.getByRole('button', { name: '10 problems in the ledger' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Problems in the ledger' })).toBeTruthy();
  });
});
