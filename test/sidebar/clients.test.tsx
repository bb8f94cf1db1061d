// @vitest-environment happy-dom
import { fireEvent, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { renderSidebar } from './support.tsx';

const heading3 = (name: string) =>
  screen.getByRole('heading', { level: 3, name }).closest('section') as HTMLElement;
const fact = (scope: HTMLElement, term: string) =>
  within(scope).getByText(term, { selector: 'dt' }).nextElementSibling?.textContent;

describe('Clients', () => {
  it('lists clients most urgent first, each with its stage chip', async () => {
    const r = await renderSidebar({ route: { name: 'clients' } });
    const buttons = [...r.container.querySelectorAll('button.client-button')] as HTMLButtonElement[];
    expect(buttons.map((b) => b.dataset['client'])).toEqual(
      r.store.view.value?.report.clients.map((c) => c.client),
    );
    expect(buttons[0]?.querySelector('.chip')?.textContent).toBe('Small claims');
    const harbor = buttons.find((b) => b.dataset['client'] === 'Harbor & Pine LLC');
    expect(harbor?.textContent).toContain('Final notice');
    expect(harbor?.textContent).toContain('US$16,500.00 · 26 days late');
    // Its one milestone due today is under an open promise: nothing to send.
    expect(harbor?.textContent).not.toContain('due today');
    fireEvent.click(harbor as HTMLButtonElement);
    expect(await screen.findByRole('heading', { level: 2, name: 'Harbor & Pine LLC' })).toBeTruthy();
  });
});

describe('Client detail', () => {
  it('shows contact, risk and notes', async () => {
    await renderSidebar({ route: { name: 'client', client: 'Northwind Analytics Ltd' } });
    const contact = heading3('Contact');
    expect(fact(contact, 'Name')).toBe('Priya');
    expect(fact(contact, 'Emails')).toBe('ap@northwind.example.co.uk@northwind.example.co.uk');
    expect(fact(contact, 'Jurisdiction')).toBe('GB-ENG · company');
    expect(fact(contact, 'Work stops after')).toBe('21 days');
    expect(fact(contact, 'Risk')).toBe('High');
    expect(
      within(contact).getByText('New CFO since spring; disputes every invoice line by line.'),
    ).toBeTruthy();
  });

  it('shows payment behaviour from paid milestones', async () => {
    await renderSidebar({ route: { name: 'client', client: 'Studio Bianchi Architetti' } });
    const behaviour = heading3('Payment behaviour');
    expect(fact(behaviour, 'Average days late')).toBe('15');
    expect(fact(behaviour, 'Paid on time')).toBe('0%');
    expect(behaviour.textContent).toContain('From 1 paid milestone.');
  });

  it('says when there is no signed contract, and which change orders are unsigned', async () => {
    await renderSidebar({ route: { name: 'client', client: 'Lakeshore Dental Group' } });
    expect(heading3('Contract').textContent).toContain('No signed contract on file.');

    await renderSidebar({ route: { name: 'client', client: 'Northwind Analytics Ltd' } });
    const contract = screen
      .getAllByRole('heading', { level: 3, name: 'Contract' })
      .at(-1)
      ?.closest('section');
    expect(contract?.textContent).toContain('Signed 3 Mar 2025');
    expect(contract?.textContent).toContain('CO-2 Salesforce and HubSpot integrations · £3,000.00');
    expect(contract?.textContent).toContain('Not signed: get it signed before billing the work.');
  });

  it('shows each milestone with stage, days late, statutory interest and compensation', async () => {
    const r = await renderSidebar({ route: { name: 'client', client: 'Northwind Analytics Ltd' } });
    const nw1 = r.container.querySelector('article[data-milestone="NW-1"]') as HTMLElement;
    const m = r.store.milestoneById.value.get('NW-1');
    expect(within(nw1).getByRole('heading', { level: 4 }).textContent).toBe('NW-1');
    expect(nw1.querySelector('.chip')?.textContent).toBe('Small claims');
    expect(fact(nw1, 'Days late')).toBe(String(m?.daysOverdue));
    expect(fact(nw1, 'Statutory interest')).toMatch(/^£[\d,]+\.\d\d at \d+\.\d\d% a year$/);
    expect(fact(nw1, 'Compensation')).toBe('£100.00');
    expect(fact(nw1, 'Small claims')).toBe('Above the limit of £10,000.00: hand over to a lawyer');
    // A paid milestone has no money actions, only the way to its row.
    const nw4 = r.container.querySelector('article[data-milestone="NW-4"]') as HTMLElement;
    expect(
      within(nw4)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Go to row']);
  });

  it('shows a timeline of invoices, payments and reminders, newest first', async () => {
    const r = await renderSidebar({ route: { name: 'client', client: 'Studio Bianchi Architetti' } });
    const timeline = heading3('Timeline');
    const events = [...timeline.querySelectorAll('li')];
    const dates = events.map((li) => li.querySelector('time')?.getAttribute('datetime') ?? '');
    expect(dates).toEqual([...dates].sort().reverse());
    const text = timeline.textContent ?? '';
    expect(text).toContain('€1,000.00 received for SB-2 by Bank transfer');
    expect(text).toContain('Stop work (drafted, not confirmed sent) · SB-2');
    expect(text).toContain('Sospensione lavori');
    expect(text).toContain('Invoice FT-2026-058 (SB-2) due');
    const view = r.store.view.value;
    const own = new Set(r.store.clientReportByName.value.get('Studio Bianchi Architetti')?.milestones);
    const expected =
      (view?.payments.filter((p) => own.has(p.milestone)).length ?? 0) +
      (view?.reminders.filter((x) => x.client === 'Studio Bianchi Architetti').length ?? 0) +
      (view?.report.milestones.filter((m) => own.has(m.id) && m.dueDate).length ?? 0);
    expect(events).toHaveLength(expected);
  });

  it('says so when the client is gone', async () => {
    await renderSidebar({ route: { name: 'client', client: 'Nobody Ltd' } });
    expect(screen.getByText('This client is no longer in the ledger.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '← Back to clients' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Clients by urgency' })).toBeTruthy();
  });
});
