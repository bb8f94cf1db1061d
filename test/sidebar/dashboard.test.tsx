// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
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
    const cards = [...today.querySelectorAll('li.card')] as HTMLElement[];
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
    // Harbor & Pine promised by next week: listed apart, nothing to send.
    const promises = section('Promises due this week 1');
    expect(promises.textContent).toMatch(/Harbor & Pine LLC.*US\$1,000\.00 promised by/);
    expect(kestrel.querySelector('.due-line')?.textContent).toMatch(/^Follow-up KM-88, KM-93 · /);
    // Studio Bianchi's stop-work message is drafted and not confirmed sent: no second draft.
    const bianchi = cards[3] as HTMLElement;
    expect(bianchi.textContent).toMatch(/not confirmed sent/);
    expect(within(bianchi).queryByRole('button', { name: 'Draft reminder' })).toBeNull();
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
