// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConnectionTest } from '../../extension/messages.ts';
import { OptionsApp } from '../../extension/ui/options-app.tsx';
import { SHEETS_READONLY_SCOPE, SHEETS_SCOPE } from '../../extension/auth/scopes.ts';
import { STATUS_REPLY, cached, renderPage } from './ui-fixtures.tsx';

afterEach(cleanup);

const ID = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde';
const URL_OF = `https://docs.google.com/spreadsheets/d/${ID}/edit#gid=0`;
const unset = () => cached({ view: null, preferences: { ...cached().preferences, spreadsheetId: null } });

function typeUrl(value: string) {
  const input = screen.getByLabelText('Google Sheet URL') as HTMLInputElement;
  fireEvent.input(input, { target: { value } });
  fireEvent.blur(input);
}

describe('the options page', () => {
  it('offers Demo mode as the first switch to someone without a ledger, after the sheet once there is one', () => {
    renderPage(OptionsApp, { cached: unset() });
    const first = document.querySelector('main input');
    expect(first).toBe(screen.getByLabelText('Demo mode'));
    cleanup();
    renderPage(OptionsApp);
    expect(document.querySelector('main input')).toBe(screen.getByLabelText('Google Sheet URL'));
  });

  it('confirms a change where it was made, not at the foot of the page', async () => {
    renderPage(OptionsApp);
    fireEvent.change(screen.getByLabelText('Check the sheet every'), { target: { value: '30' } });
    const notice = await screen.findByTestId('notice');
    expect(notice.textContent).toBe('Saved.');
    expect(notice.previousElementSibling).toBe(screen.getByLabelText('Check the sheet every'));
    fireEvent.click(screen.getByLabelText('Demo mode'));
    await waitFor(() => expect(screen.getByTestId('notice').dataset['place']).toBe('demo'));
    expect(screen.getAllByTestId('notice')).toHaveLength(1);
    expect(screen.getByTestId('notice').closest('.demo-switch')).toBe(
      screen.getByLabelText('Demo mode').closest('.demo-switch'),
    );
  });

  it('refuses what is not a Google Sheets URL', () => {
    renderPage(OptionsApp, { cached: unset() });
    typeUrl('https://example.com/my-ledger');
    expect(screen.getByText(/This is not a Google Sheets URL/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByLabelText('Google Sheet URL').getAttribute('aria-invalid')).toBe('true');
  });

  it('tests the connection with the ID parsed out of the URL, then saves it', async () => {
    const test: ConnectionTest = {
      ok: true,
      spreadsheetId: ID,
      title: 'Studio ledger',
      tabsFound: ['Clients', 'Milestones'],
      tabsMissing: ['Templates'],
      error: null,
    };
    const { calls } = renderPage(OptionsApp, { cached: unset(), answers: { testConnection: test } });
    typeUrl(URL_OF);
    fireEvent.click(screen.getByRole('button', { name: 'Test the connection' }));
    await waitFor(() =>
      expect(screen.getByTestId('connection-test').textContent).toContain('Connected to “Studio ledger”.'),
    );
    expect(screen.getByTestId('connection-test').textContent).toContain('Missing tabs: Templates');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(calls).toEqual([
        { type: 'testConnection', data: { spreadsheet: ID } },
        { type: 'savePreferences', data: { spreadsheetId: ID, demo: false } },
      ]),
    );
  });

  it('shows a failed test with its fix', async () => {
    const test: ConnectionTest = {
      ok: false,
      spreadsheetId: ID,
      title: null,
      tabsFound: [],
      tabsMissing: [],
      error: { code: 'not_found', status: 404, detail: '', spreadsheetId: ID, sheetTitle: null, at: 0 },
    };
    renderPage(OptionsApp, { cached: unset(), answers: { testConnection: test } });
    typeUrl(URL_OF);
    fireEvent.click(screen.getByRole('button', { name: 'Test the connection' }));
    await waitFor(() =>
      expect(screen.getByTestId('connection-test').textContent).toContain(
        `Google Sheets has no spreadsheet “${ID}”.`,
      ),
    );
  });

  it('saves each setting as it changes', async () => {
    const { calls } = renderPage(OptionsApp);
    fireEvent.change(screen.getByLabelText('Check the sheet every'), { target: { value: '30' } });
    await waitFor(() => expect(calls.at(-1)).toEqual({ type: 'savePreferences', data: { syncMinutes: 30 } }));
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'it' } });
    await waitFor(() => expect(calls.at(-1)).toEqual({ type: 'savePreferences', data: { language: 'it' } }));
    // Off until the user turns it on (it needs write access).
    fireEvent.click(screen.getByLabelText('Log sent reminders in the Reminders tab'));
    await waitFor(() => expect(calls.at(-1)).toEqual({ type: 'savePreferences', data: { logging: true } }));
    fireEvent.click(screen.getByLabelText('Demo mode'));
    await waitFor(() => expect(calls.at(-1)).toEqual({ type: 'savePreferences', data: { demo: true } }));
  });

  it('says in plain words what to do when the build cannot sign in (no build variable names)', () => {
    renderPage(OptionsApp, { canSignIn: false });
    const text = screen.getByTestId('no-client-id').textContent ?? '';
    expect(text).toContain('Try Demo mode');
    expect(text).not.toMatch(/PAYLADDER_|README|[A-Z]{3,}_[A-Z]/);
    expect(screen.queryByRole('button', { name: 'Sign in with Google' })).toBeNull();
  });

  it('signs out', async () => {
    const { calls } = renderPage(OptionsApp);
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(calls.map((c) => c.type)).toEqual(['signOut']));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Sign in with Google' })).toBeTruthy());
  });

  it('tells a cancelled sign-in apart from a failed one', async () => {
    const { MessageError } = await import('../../extension/messages.ts');
    renderPage(OptionsApp, {
      cached: cached({ account: null }),
      answers: { signIn: new MessageError('cancelled', 'closed'), status: { auth: { signedIn: false } } },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in with Google' }));
    await waitFor(() => expect(screen.getByTestId('notice').textContent).toBe('Sign-in was cancelled.'));
  });
});

describe('access (issue 18 item 11: least privilege)', () => {
  it('shows read-only access, and asks for editing only when logging is on and lacks it', async () => {
    const readOnly = cached({ account: { signedIn: true, method: 'web', scopes: [SHEETS_READONLY_SCOPE] } });
    const { calls } = renderPage(OptionsApp, {
      cached: { ...readOnly, preferences: { ...readOnly.preferences, logging: true } },
      answers: {
        status: { ...STATUS_REPLY, auth: { method: 'web', signedIn: true, scopes: [SHEETS_READONLY_SCOPE] } },
      },
    });
    expect(screen.getByTestId('access').textContent).toContain('read only');
    fireEvent.click(screen.getByRole('button', { name: 'Allow editing' }));
    await waitFor(() => expect(calls.map((c) => c.type)).toContain('grantWrite'));
    await waitFor(() => expect(screen.getByTestId('access').textContent).toContain('read and edit'));
    expect(screen.queryByRole('button', { name: 'Allow editing' })).toBeNull();
  });

  it('offers no editing while logging is off, and explains why turning it on asks for it', () => {
    renderPage(OptionsApp, {
      cached: cached({ account: { signedIn: true, method: 'web', scopes: [SHEETS_READONLY_SCOPE] } }),
    });
    expect(screen.getByTestId('access').textContent).toContain('read only');
    expect(screen.queryByRole('button', { name: 'Allow editing' })).toBeNull();
    expect(screen.getByText(/asks Google for permission to edit your spreadsheets/)).toBeTruthy();
  });

  it('shows the access granted once turning logging on has asked for it', async () => {
    const readOnly = cached({ account: { signedIn: true, method: 'web', scopes: [SHEETS_READONLY_SCOPE] } });
    const auth = (scopes: string[]) => ({ ...STATUS_REPLY, auth: { method: 'web', signedIn: true, scopes } });
    const answers: Record<string, unknown> = { status: auth([SHEETS_READONLY_SCOPE]) };
    const { calls, store } = renderPage(OptionsApp, { cached: readOnly, answers });
    await store.loadStatus();
    await waitFor(() => expect(screen.getByTestId('access').textContent).toContain('read only'));
    // The background asks Google for write access while it saves; from then on it says so.
    answers['status'] = auth([SHEETS_READONLY_SCOPE, SHEETS_SCOPE]);
    fireEvent.click(screen.getByLabelText('Log sent reminders in the Reminders tab'));
    await waitFor(() => expect(calls.map((c) => c.type)).toContain('savePreferences'));
    await waitFor(() => expect(screen.getByTestId('access').textContent).toContain('read and edit'));
  });

  it('keeps logging off, and says why, when Google is not given write access', async () => {
    const { MessageError } = await import('../../extension/messages.ts');
    const { store } = renderPage(OptionsApp, {
      answers: { savePreferences: new MessageError('cancelled', 'The user did not approve access.') },
    });
    fireEvent.click(screen.getByLabelText('Log sent reminders in the Reminders tab'));
    await waitFor(() =>
      expect(screen.getByTestId('notice').textContent).toBe(
        'Google did not give permission to edit: reminder logging stays off.',
      ),
    );
    expect(store.preferences.value.logging).toBe(false);
  });
});

it('accepts a bare spreadsheet ID (the field is text: a url field would block the form for it)', async () => {
  const { calls } = renderPage(OptionsApp, { cached: unset() });
  const input = screen.getByLabelText('Google Sheet URL') as HTMLInputElement;
  expect(input.type).toBe('text');
  typeUrl(ID);
  fireEvent.submit(input.closest('form') as HTMLFormElement);
  await waitFor(() =>
    expect(calls).toEqual([{ type: 'savePreferences', data: { spreadsheetId: ID, demo: false } }]),
  );
});

it('shows a changed setting at once, and undoes it when the background refuses', async () => {
  const { store } = renderPage(OptionsApp, { answers: { savePreferences: new Error('refused') } });
  const demo = screen.getByLabelText('Demo mode') as HTMLInputElement;
  fireEvent.click(demo);
  expect(store.preferences.value.demo).toBe(true);
  await waitFor(() => expect(store.preferences.value.demo).toBe(false));
  expect(screen.getByTestId('notice').textContent).toBe('Something went wrong inside Payladder.');
});
