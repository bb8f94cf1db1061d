// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PopupApp } from '../../extension/ui/popup-app.tsx';
import { NOW, cached, demoView, renderPage } from './ui-fixtures.tsx';
import type { SyncError } from '../../extension/sync/items.ts';
import { problemText } from '../../shared/problems.ts';

afterEach(cleanup);

const forbidden: SyncError = {
  code: 'forbidden',
  status: 403,
  detail: 'The caller does not have permission',
  spreadsheetId: 'sheet-1234567890',
  sheetTitle: 'Studio ledger',
  at: NOW,
};

describe('the popup', () => {
  it('paints today’s work and the cached figures on the first render, before any message is answered', () => {
    const { calls, container } = renderPage(PopupApp);
    // Synchronous: nothing awaited since render.
    expect(calls).toEqual([]);
    const view = demoView();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Payladder · Studio ledger');
    expect(screen.getByTestId('sync-line').textContent).toMatch(/^Synced 3 minutes ago · as of 30 Nov/);
    expect(screen.getByTestId('outstanding-EUR').textContent).toMatch(/^€/);
    const today = screen.getByTestId('today');
    // First, in the CLI's words, with one row per message, draft and promise kept.
    expect(container.querySelector('main > section')).toBe(today);
    expect(within(today).getAllByRole('heading')[0]?.textContent).toBe(view.work.headline.en);
    expect(view.work.headline.en).toMatch(/^\d+ messages to send/);
    expect(within(today).getAllByRole('listitem')).toHaveLength(
      view.work.messages.length + view.work.drafts.length + view.work.promises.length,
    );
    const row = view.work.messages[0];
    if (!row) throw new Error('no message in the demo');
    const first = within(today).getAllByRole('listitem')[0] as HTMLElement;
    expect(first.textContent).toContain(row.client);
    expect(first.textContent).toContain(`${row.label?.en} · ${row.invoices.join(', ')} · ${row.amount?.en}`);
    const stages = screen.getByTestId('clients-by-stage');
    expect(stages.querySelectorAll('.stage-group')).toHaveLength(view.byStage.length);
    expect(container.querySelector('[data-testid="error"]')).toBeNull();
  });

  it.each(['en', 'it'] as const)(
    'paints in %s with no Intl: every amount, date and problem text was written at sync time',
    (language) => {
      const options = { cached: cached({ preferences: { ...cached().preferences, language } }) };
      const withIntl = renderPage(PopupApp, options).container.innerHTML;
      cleanup();
      const refuse = () => {
        throw new Error('Intl on the paint path');
      };
      // Formatters made earlier (they are kept) would still answer: their methods refuse too.
      const spies = [
        // (`format` is a getter on these two: the bound function it returns is what is kept.)
        vi
          .spyOn(Intl.NumberFormat.prototype as { format: unknown }, 'format', 'get')
          .mockImplementation(refuse),
        vi
          .spyOn(Intl.DateTimeFormat.prototype as { format: unknown }, 'format', 'get')
          .mockImplementation(refuse),
        vi.spyOn(Intl.RelativeTimeFormat.prototype, 'format').mockImplementation(refuse),
        vi.spyOn(Intl, 'NumberFormat').mockImplementation(refuse),
        vi.spyOn(Intl, 'DateTimeFormat').mockImplementation(refuse),
        vi.spyOn(Intl, 'RelativeTimeFormat').mockImplementation(refuse),
        vi.spyOn(Intl, 'getCanonicalLocales').mockImplementation(refuse),
      ];
      try {
        const withoutIntl = renderPage(PopupApp, options).container.innerHTML;
        expect(withoutIntl).toBe(withIntl);
        expect(withoutIntl).toContain('data-testid="problems"');
        expect(withoutIntl).toContain('data-testid="clients-by-stage"');
      } finally {
        for (const spy of spies) spy.mockRestore();
      }
    },
  );

  it('draws each currency’s aging as an SVG a screen reader can read', () => {
    renderPage(PopupApp);
    const charts = screen.getAllByRole('img');
    expect(charts.length).toBe(Object.values(demoView().totals).filter((t) => t.outstanding > 0).length);
    const eur = charts.find((c) => c.id === '' && c.getAttribute('aria-labelledby')?.startsWith('aging-EUR'));
    expect(eur?.querySelector('title')?.textContent).toBe('Outstanding EUR by days overdue');
    expect(eur?.querySelector('desc')?.textContent).toMatch(/^Not yet due: €[\d,.]+; 1–30 days: €/);
    expect(eur?.querySelectorAll('rect')).toHaveLength(5);
  });

  it('speaks Italian when asked', () => {
    renderPage(PopupApp, { cached: cached({ preferences: { ...cached().preferences, language: 'it' } }) });
    expect(screen.getByTestId('sync-line').textContent).toMatch(/^Sincronizzato 3 minuti fa · al 30 nov/);
    expect(screen.getByRole('button', { name: 'Aggiorna' })).toBeTruthy();
    expect(within(screen.getByTestId('today')).getAllByRole('heading')[0]?.textContent).toMatch(
      /^\d+ messaggi da inviare/,
    );
    expect(screen.getByTestId('outstanding-EUR').textContent).toMatch(/^[\d.]+,\d\d\s€ da incassare$/);
  });

  it('writes amounts and ledger problems in Italian when it speaks Italian (issue 12)', () => {
    const view = demoView();
    expect(view.problems.first.length).toBeGreaterThan(0);
    renderPage(PopupApp, { cached: cached({ preferences: { ...cached().preferences, language: 'it' } }) });
    // Italian amounts, grouped whatever the ledger's locale: "5.880,00 €".
    for (const currency of Object.keys(view.totals).filter((c) => (view.totals[c]?.outstanding ?? 0) > 0))
      expect(screen.getByTestId(`outstanding-${currency}`).textContent).toMatch(
        /^\d{1,3}(\.\d{3})*,\d\d\s\S+ da incassare$/,
      );
    const items = within(screen.getByTestId('problems')).getAllByRole('listitem');
    expect(items).toHaveLength(view.problems.first.length);
    view.problems.first.forEach((p, i) => {
      const text = items[i]?.textContent ?? '';
      expect(text).toContain(problemText(p, 'it', view.locale).message);
      expect(text).not.toContain(problemText(p, 'en', view.locale).message);
      expect(text).not.toMatch(/\b(the|is|and|not|Use|Type|Check|Fill)\b/);
    });
  });

  it('follows the browser language when set to auto', () => {
    renderPage(PopupApp, { language: 'it-IT' });
    expect(screen.getByRole('button', { name: 'Apri il registro' })).toBeTruthy();
  });

  it('shows an error with its fix, naming the sheet, above the cached figures', () => {
    renderPage(PopupApp, { cached: cached({ status: { ...cached().status, error: forbidden } }) });
    const box = screen.getByRole('alert');
    expect(box.textContent).toContain('This Google account has no access to “Studio ledger”.');
    expect(box.textContent).toContain('ask its owner to share it with you');
    expect(screen.getByTestId('totals')).toBeTruthy();
  });

  it('offers to sign in when signed out, and sends the sign-in to the background', async () => {
    const signedOut = { ...forbidden, code: 'signed_out' as const, status: null };
    const { calls } = renderPage(PopupApp, {
      cached: cached({ status: { ...cached().status, error: signedOut }, account: null }),
    });
    // Once: in the error box that asks for it, not again in the footer.
    const buttons = screen.getAllByRole('button', { name: 'Sign in with Google' });
    expect(buttons.length).toBe(1);
    expect(screen.getByRole('alert').contains(buttons[0] as HTMLElement)).toBe(true);
    fireEvent.click(buttons[0] as HTMLElement);
    await waitFor(() => expect(calls.map((c) => c.type)).toContain('signIn'));
  });

  it('says when a retry is scheduled', () => {
    const server = { ...forbidden, code: 'server' as const, status: 503 };
    renderPage(PopupApp, {
      cached: cached({ status: { ...cached().status, error: server, nextRetryAt: NOW + 4 * 60_000 } }),
    });
    expect(screen.getByRole('alert').textContent).toContain('Payladder tries again in 4 minutes');
  });

  it('flags figures older than two intervals as out of date', () => {
    renderPage(PopupApp, {
      cached: cached({ status: { ...cached().status, lastSuccessAt: NOW - 25 * 60_000 } }),
    });
    expect(screen.getByTestId('stale').textContent).toContain('out of date');
  });

  it('renders ledger text as text, never as markup', () => {
    const view = demoView();
    const evil = '<img src=x onerror="alert(1)">Evil & Co';
    const first = view.work.messages[0];
    if (!first) throw new Error('no action in the demo');
    const patched = {
      ...view,
      work: { ...view.work, messages: [{ ...first, client: evil }, ...view.work.messages.slice(1)] },
    };
    const { container } = renderPage(PopupApp, { cached: cached({ view: patched }) });
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText(evil)).toBeTruthy();
  });

  it('refreshes, opens the ledger and the settings', async () => {
    const { calls, opened } = renderPage(PopupApp);
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(calls.map((c) => c.type)).toEqual(['sync']));
    fireEvent.click(screen.getByRole('button', { name: 'Open ledger' }));
    expect(screen.getAllByRole('button', { name: 'Settings' })).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    expect(opened).toEqual(['https://docs.google.com/spreadsheets/d/sheet-1234567890/edit', 'options']);
  });

  it('shows reminders waiting to be logged and retries them on request', async () => {
    const entry = {
      client: 'Glenmore Distillery',
      milestones: ['GD-1'],
      stage: 'reminder' as const,
      template: 'reminder',
      to: 'finance@glenmore.example.com',
      subject: 'Invoice GD-0007',
      link: '',
      sentAt: '2026-11-30T08:00:00Z',
      channel: 'gmail' as const,
      key: 'k',
      queuedAt: NOW,
      attempts: 1,
      uncertain: false,
      lastError: { ...forbidden, code: 'timeout' as const, status: null },
      spreadsheetId: 'sheet-1234567890',
    };
    const { calls } = renderPage(PopupApp, {
      cached: cached({ log: { queue: [entry, { ...entry, key: 'k2' }], logged: [] } }),
    });
    expect(screen.getByTestId('queue').textContent).toContain(
      '2 reminders waiting to be logged in the sheet — Google Sheets did not answer in time.',
    );
    expect(screen.queryByTestId('queue-other')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Log now' }));
    await waitFor(() => expect(calls.map((c) => c.type)).toEqual(['flushQueue']));
  });

  it('shows reminders queued for another ledger apart, never as this sheet’s, and discards them on request', async () => {
    const entry = {
      client: 'Glenmore Distillery',
      milestones: ['GD-1'],
      stage: 'reminder' as const,
      template: 'reminder',
      to: 'finance@glenmore.example.com',
      subject: 'Invoice GD-0007',
      link: '',
      sentAt: '2026-11-30T08:00:00Z',
      channel: 'gmail' as const,
      key: 'k',
      queuedAt: NOW,
      attempts: 0,
      uncertain: false,
      lastError: null,
      spreadsheetId: 'other-sheet-999',
    };
    const { calls } = renderPage(PopupApp, {
      cached: cached({ log: { queue: [entry, { ...entry, key: 'k2', spreadsheetId: null }], logged: [] } }),
    });
    expect(screen.queryByRole('button', { name: 'Log now' })).toBeNull();
    expect(screen.getByTestId('queue-other').textContent).toBe(
      '2 sent reminders were queued for another ledger (other-sheet-999, the demo ledger): they are logged there when you choose it again, never in this one.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Discard them' }));
    await waitFor(() => expect(calls.map((c) => c.type)).toEqual(['discardOtherQueued']));
  });

  it('opens a client’s latest Gmail conversation from a row, or a new message to them', () => {
    const view = demoView();
    const row = view.work.messages[0];
    if (!row) throw new Error('no message in the demo');
    const { opened } = renderPage(PopupApp);
    const item = within(screen.getByTestId('today')).getAllByRole('listitem')[0] as HTMLElement;
    fireEvent.click(within(item).getByTitle('Open the latest conversation in Gmail'));
    fireEvent.click(within(item).getByRole('button', { name: `Write to ${row.client} in Gmail` }));
    const address = row.to.find((a) => !a.startsWith('@')) as string;
    expect(opened[0]).toMatch(/^https:\/\/mail\.google\.com\/mail\/u\/0\/#search\//);
    expect(decodeURIComponent(opened[0]?.split('#search/')[1] ?? '')).toContain(`from:${address}`);
    expect(opened[1]).toMatch(/^https:\/\/mail\.google\.com\/mail\/\?view=cm&fs=1&to=/);
    expect(decodeURIComponent(opened[1] ?? '')).toContain(address);
  });

  it('lists drafts to confirm and promises to check under their own titles, in Italian too', () => {
    const view = demoView();
    const [a, b] = view.work.messages;
    if (!a || !b) throw new Error('the demo has fewer than two messages');
    const promise = { ...b, stage: 'promised' as const, label: null, amount: null };
    const work = { ...view.work, messages: [], drafts: [a], promises: [promise] };
    const { opened } = renderPage(PopupApp, {
      cached: cached({ view: { ...view, work }, preferences: { ...cached().preferences, language: 'it' } }),
    });
    const today = screen.getByTestId('today');
    expect(
      within(today)
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent),
    ).toEqual(['Bozze da confermare', 'Promesse da verificare']);
    expect(today.textContent).toContain(`${a.label?.it} · `);
    expect(today.textContent).toContain('Verifica il pagamento promesso');
    expect(today.textContent).toContain('tutto il dovuto');
    // A draft opens the client's drafts; no second button to write anew.
    const draft = within(today).getAllByRole('listitem')[0] as HTMLElement;
    expect(within(draft).getAllByRole('button')).toHaveLength(1);
    fireEvent.click(within(draft).getByRole('button'));
    expect(decodeURIComponent(opened[0] ?? '')).toMatch(/#search\/in:drafts /);
  });

  it('before a ledger is chosen, offers the settings and the demo', async () => {
    const { calls } = renderPage(PopupApp, {
      cached: cached({ view: null, preferences: { ...cached().preferences, spreadsheetId: null } }),
    });
    expect(screen.getByTestId('onboarding')).toBeTruthy();
    // Each action once: the footer does not repeat the onboarding's Settings.
    expect(screen.getAllByRole('button', { name: 'Settings' })).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Try the demo' }));
    await waitFor(() => expect(calls).toEqual([{ type: 'savePreferences', data: { demo: true } }]));
  });

  it('shows the demo banner and no account buttons in demo mode', () => {
    renderPage(PopupApp, { cached: cached({ preferences: { ...cached().preferences, demo: true } }) });
    expect(screen.getByText('Demo ledger: made-up clients, no Google account needed.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Sign out' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Open ledger' })).toBeNull();
  });
});
