// @vitest-environment happy-dom
import { fireEvent, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { createHarnessApi } from '../../apps-script/sidebar/dev/harness-api.ts';
import { HOSTILE } from '../../apps-script/sidebar/dev/hostile-ledger.ts';
import { TODAY, renderSidebar } from './support.tsx';

/** Markup that would create these elements if ledger text were ever parsed as HTML. */
const INJECTED = 'img, script, svg[onload], b';

describe('ledger text is untrusted', () => {
  it('renders markup in client names, notes and descriptions as text, on every view', async () => {
    const api = createHarnessApi({ today: TODAY, language: 'en', hostile: true });
    const r = await renderSidebar({ api });
    const app = r.container;
    expect(app.textContent).toContain(HOSTILE.client); // Needs action today lists the client
    expect(app.querySelectorAll(INJECTED)).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: 'Clients' }));
    const listed = await screen.findByRole('button', { name: new RegExp(escape(HOSTILE.client)) });
    expect(listed.querySelector('.client-name')?.textContent).toBe(HOSTILE.client);
    fireEvent.click(listed);

    const heading = await screen.findByRole('heading', { level: 2, name: HOSTILE.client });
    expect(heading.textContent).toBe(HOSTILE.client);
    expect(within(app).getByText(HOSTILE.notes).tagName).toBe('P');
    expect(app.textContent).toContain(HOSTILE.description);
    // The Status note, on its card and where Mark disputed says it stays as typed.
    const cards = [...document.querySelectorAll('article[data-milestone]')] as HTMLElement[];
    const noted = cards.find((a) => a.textContent?.includes(HOSTILE.statusNote));
    if (!noted) throw new Error('the Status note is not on any card');
    const id = noted.dataset['milestone'] as string;
    fireEvent.click(within(noted).getByRole('button', { name: `More actions for ${id}` }));
    fireEvent.click(within(noted).getByRole('button', { name: 'Mark disputed' }));
    expect(within(noted).getByRole('form').textContent).toContain(`“${HOSTILE.statusNote}”`);
    expect(app.querySelectorAll(INJECTED)).toHaveLength(0);
    expect((globalThis as { payladderPwned?: unknown }).payladderPwned).toBeUndefined();
  });

  it('shows a contract cell as a link only when it is plainly http(s)', async () => {
    const api = createHarnessApi({ today: TODAY, language: 'en' });
    const view = api.getSidebarView();
    const hostile = {
      ...api,
      getSidebarView: () => ({
        ...view,
        clients: view.clients.map((c) =>
          c.client === 'Glenmore Distillery'
            ? { ...c, contract: 'javascript:alert(1)', contractDate: null }
            : c,
        ),
      }),
    };
    await renderSidebar({ api: hostile, route: { name: 'client', client: 'Glenmore Distillery' } });
    expect(screen.queryByRole('link', { name: 'javascript:alert(1)' })).toBeNull();
    expect(screen.getByText('javascript:alert(1)').tagName).toBe('SPAN');

    await renderSidebar({ api, route: { name: 'client', client: 'Glenmore Distillery' } });
    const link = screen.getByRole('link', { name: 'https://drive.example.com/contracts/glenmore.pdf' });
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
