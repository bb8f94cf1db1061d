// @vitest-environment happy-dom
import { fireEvent, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { renderSidebar } from './support.tsx';

describe('<App>', () => {
  it('says it is loading until the view arrives', async () => {
    const r = await renderSidebar({ load: false });
    expect(screen.getByRole('status').textContent).toBe('Loading your ledger…');
    await r.store.load();
    expect(await screen.findByRole('heading', { level: 2, name: 'Dashboard' })).toBeTruthy();
  });

  it('shows why loading failed and loads again on Try again', async () => {
    const r = await renderSidebar({ load: false });
    r.recording.breakHandler('getSidebarView', 'Exception: You do not have access to this spreadsheet.');
    await r.store.load();
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Payladder could not load your ledger.');
    expect(alert.textContent).toContain('You do not have access to this spreadsheet.');
    r.recording.heal();
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Dashboard' })).toBeTruthy();
    expect(r.recording.calls.map((c) => c.name)).toEqual(['getSidebarView', 'getSidebarView']);
  });

  it('moves between sections with the tabs and focuses the new heading', async () => {
    await renderSidebar();
    const nav = screen.getByRole('navigation', { name: 'Sidebar sections' });
    expect(within(nav).getByRole('button', { name: 'Dashboard' }).getAttribute('aria-current')).toBe('page');
    fireEvent.click(within(nav).getByRole('button', { name: 'Clients' }));
    const heading = await screen.findByRole('heading', { level: 2, name: 'Clients by urgency' });
    expect(document.activeElement).toBe(heading);
    expect(within(nav).getByRole('button', { name: 'Clients' }).getAttribute('aria-current')).toBe('page');
    fireEvent.click(within(nav).getByRole('button', { name: /Problems/ }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Problems in the ledger' })).toBeTruthy();
  });

  it('refreshes the view from the server', async () => {
    const r = await renderSidebar();
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(screen.getByRole('button', { name: 'Refreshing…' }).getAttribute('aria-busy')).toBe('true');
    await screen.findByRole('button', { name: 'Refresh' });
    expect(r.recording.calls.map((c) => c.name)).toEqual(['getSidebarView', 'getSidebarView']);
  });

  it('sets the document language from the view', async () => {
    await renderSidebar({ language: 'it' });
    expect(document.documentElement.lang).toBe('it');
  });
});
