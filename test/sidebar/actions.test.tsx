// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { PaymentPlanInput } from '../../apps-script/src/api.ts';
import { createHarnessApi } from '../../apps-script/sidebar/dev/harness-api.ts';
import { TODAY, lastCall, renderSidebar } from './support.tsx';
import { problemText } from '../../shared/problems.ts';
import type { Problem } from '../../shared/model.ts';

/** A problem's English message and fix (texts are written on demand, problems.ts). */
const en = (p: Problem | undefined) => (p ? problemText(p, 'en') : { message: '', fix: '' });

/** A week from the test's day: where a payment plan starts and a promise falls by default. */
const WEEK = '2026-12-07';

const card = (id: string) => document.querySelector(`article[data-milestone="${id}"]`) as HTMLElement;
const button = (scope: HTMLElement, name: string | RegExp) => within(scope).getByRole('button', { name });
const notice = () => document.querySelector('.notice p')?.textContent ?? '';
/** Opens the card's More menu and picks `name` from it. */
const fromMore = (id: string, name: string | RegExp) => {
  fireEvent.click(button(card(id), `More actions for ${id}`));
  fireEvent.click(button(card(id), name));
};

describe('Record a payment', () => {
  it('sends amount (major units), date, method and note, then shows the fresh figures', async () => {
    const r = await renderSidebar({ route: { name: 'client', client: 'Studio Bianchi Architetti' } });
    fireEvent.click(button(card('SB-2'), 'Record payment'));
    const form = within(card('SB-2')).getByRole('form', { name: 'Record payment · SB-2' });
    const amount = within(form).getByLabelText('Amount (EUR)') as HTMLInputElement;
    expect(amount.value).toBe('2200.00'); // prefilled with what is outstanding
    expect(document.activeElement).toBe(amount);
    expect((within(form).getByLabelText('Date') as HTMLInputElement).value).toBe(TODAY);
    fireEvent.input(amount, { target: { value: '1,200.50' } });
    fireEvent.change(within(form).getByLabelText('Method'), { target: { value: 'Bank transfer' } });
    fireEvent.input(within(form).getByLabelText('Note'), { target: { value: 'Second instalment' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save payment' }));
    await waitFor(() => expect(notice()).toBe('Payment of €1,200.50 recorded for SB-2.'));
    expect(lastCall(r.recording, 'recordPayment')).toEqual({
      milestone: 'SB-2',
      amount: 1200.5,
      date: TODAY,
      method: 'Bank transfer',
      note: 'Second instalment',
    });
    expect(within(card('SB-2')).queryByRole('form')).toBeNull();
    expect(card('SB-2').textContent).toContain('€999.50 of €3,200.00');
  });

  it('refuses an amount that is not one, without calling the server', async () => {
    const r = await renderSidebar({ route: { name: 'client', client: 'Studio Bianchi Architetti' } });
    fireEvent.click(button(card('SB-2'), 'Record payment'));
    const amount = within(card('SB-2')).getByLabelText('Amount (EUR)');
    fireEvent.input(amount, { target: { value: 'twelve' } });
    fireEvent.click(button(card('SB-2'), 'Save payment'));
    expect(amount.getAttribute('aria-invalid')).toBe('true');
    expect(card('SB-2').textContent).toContain('Type an amount more than zero, such as 1234.56.');
    expect(r.recording.calls.map((c) => c.name)).not.toContain('recordPayment');
  });

  // Issue 18 item 1: letters were deleted anywhere (12k → 12, 150O → 150, 2x500 → 2500, 1e5 → 15).
  it.each(['12k', '150O', '2x500', '1e5', '1e309', '9'.repeat(309), 'GBP 100'])(
    'refuses %s (letters, exponent, unsafe size, another currency) without calling the server',
    async (typed) => {
      const r = await renderSidebar({ route: { name: 'client', client: 'Studio Bianchi Architetti' } });
      fireEvent.click(button(card('SB-2'), 'Record payment'));
      const amount = within(card('SB-2')).getByLabelText('Amount (EUR)');
      fireEvent.input(amount, { target: { value: typed } });
      fireEvent.click(button(card('SB-2'), 'Save payment'));
      expect(amount.getAttribute('aria-invalid')).toBe('true');
      expect(r.recording.calls.map((c) => c.name)).not.toContain('recordPayment');
    },
  );

  it('reads the amount as an Italian ledger writes it', async () => {
    const r = await renderSidebar({
      language: 'it',
      route: { name: 'client', client: 'Studio Bianchi Architetti' },
    });
    fireEvent.click(button(card('SB-2'), 'Registra pagamento'));
    const amount = within(card('SB-2')).getByLabelText('Importo (EUR)') as HTMLInputElement;
    expect(amount.value).toBe('2200,00');
    fireEvent.input(amount, { target: { value: '1.234,56' } });
    fireEvent.click(button(card('SB-2'), 'Salva pagamento'));
    await waitFor(() => expect(notice()).toMatch(/^Pagamento di 1\.234,56\s€ registrato per SB-2\.$/));
    expect((lastCall(r.recording, 'recordPayment') as { amount: number }).amount).toBe(1234.56);
  });
});

describe('Disputed, on hold, resume', () => {
  it('marks a milestone disputed with the reason after asking, and resumes it', async () => {
    const r = await renderSidebar({ route: { name: 'client', client: 'Kestrel Media GmbH' } });
    fromMore('KM-1', 'Mark disputed');
    const confirm = within(card('KM-1')).getByRole('form', { name: 'Mark KM-1 disputed?' });
    const reason = within(confirm).getByLabelText(/^Reason/) as HTMLTextAreaElement;
    expect(document.activeElement).toBe(reason);
    // No reason: asked for, nothing sent.
    fireEvent.click(within(confirm).getByRole('button', { name: 'Mark disputed' }));
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(confirm.textContent).toContain('Write the reason: what the client disputes');
    expect(r.recording.calls.map((c) => c.name)).not.toContain('setMilestoneStatus');
    fireEvent.input(reason, { target: { value: '  Says the edit missed the brief (email 12 Nov)  ' } });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Mark disputed' }));
    await waitFor(() => expect(notice()).toBe('KM-1 is now Disputed.'));
    expect(lastCall(r.recording, 'setMilestoneStatus')).toEqual({
      milestone: 'KM-1',
      status: 'Disputed',
      note: 'Says the edit missed the brief (email 12 Nov)',
    });
    expect(card('KM-1').querySelector('.chip')?.textContent).toBe('Disputed');
    // The reason is on the card now, and the primary action is Resume.
    expect(card('KM-1').textContent).toContain('ReasonSays the edit missed the brief (email 12 Nov)');
    fireEvent.click(button(card('KM-1'), 'Resume'));
    await waitFor(() => expect(notice()).toBe('KM-1 is back on the ladder.'));
    expect(lastCall(r.recording, 'setMilestoneStatus')).toEqual({ milestone: 'KM-1', status: '' });
    expect(card('KM-1').querySelector('.chip')?.textContent).toBe('Follow-up');
    // Resuming leaves the reason where it was.
    expect(card('KM-1').textContent).toContain('Says the edit missed the brief');
  });

  it('does not ask for a reason when the sheet has one, and never sends one over it', async () => {
    const api = createHarnessApi({ today: TODAY, language: 'en' });
    const typed = 'Scope disagreement, call of 2 Nov';
    const withNote = {
      ...api,
      getSidebarView: () => ({ ...api.getSidebarView(), statusNotes: { 'KM-1': typed } }),
    };
    const r = await renderSidebar({ route: { name: 'client', client: 'Kestrel Media GmbH' }, api: withNote });
    fromMore('KM-1', 'Mark disputed');
    const confirm = within(card('KM-1')).getByRole('form', { name: 'Mark KM-1 disputed?' });
    expect(within(confirm).queryByLabelText(/^Reason/)).toBeNull();
    expect(confirm.textContent).toContain(`Status note in the sheet: “${typed}”. It stays as you typed it.`);
    expect(document.activeElement).toBe(within(confirm).getByRole('button', { name: 'Cancel' }));
    fireEvent.click(within(confirm).getByRole('button', { name: 'Mark disputed' }));
    await waitFor(() => expect(notice()).toBe('KM-1 is now Disputed.'));
    expect(lastCall(r.recording, 'setMilestoneStatus')).toEqual({ milestone: 'KM-1', status: 'Disputed' });
  });

  it('does nothing when the dispute is cancelled', async () => {
    const r = await renderSidebar({ route: { name: 'client', client: 'Kestrel Media GmbH' } });
    fromMore('KM-1', 'Mark disputed');
    fireEvent.click(within(card('KM-1')).getByRole('button', { name: 'Cancel' }));
    expect(within(card('KM-1')).queryByRole('form')).toBeNull();
    expect(r.recording.calls.map((c) => c.name)).toEqual(['getSidebarView']);
  });

  it('puts a milestone on hold', async () => {
    const r = await renderSidebar({ route: { name: 'client', client: 'Kestrel Media GmbH' } });
    fromMore('KM-3', 'Put on hold');
    await waitFor(() => expect(notice()).toBe('KM-3 is now On hold.'));
    expect(lastCall(r.recording, 'setMilestoneStatus')).toEqual({ milestone: 'KM-3', status: 'On hold' });
  });
});

describe('One primary action, the rest under More', () => {
  it('shows Record payment on a chased milestone and the others in the More menu', async () => {
    await renderSidebar({ route: { name: 'client', client: 'Kestrel Media GmbH' } });
    const actions = within(card('KM-1')).getByRole('group', { name: 'Actions for KM-1' });
    const visible = () =>
      within(actions)
        .getAllByRole('button')
        .map((b) => b.textContent);
    expect(visible()).toEqual(['Record payment', 'More ▾']);
    expect(actions.querySelectorAll('button.primary')).toHaveLength(1);
    const more = button(card('KM-1'), 'More actions for KM-1');
    expect(more.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(more);
    expect(more.getAttribute('aria-expanded')).toBe('true');
    expect(visible()).toEqual([
      'Record payment',
      'More ▴',
      'Log a promise',
      'Mark disputed',
      'Put on hold',
      'Payment plan',
      'Write off',
      'Go to row',
    ]);
    // The first item takes the focus; Escape closes the menu and gives it back to More.
    expect(document.activeElement?.textContent).toBe('Log a promise');
    fireEvent.keyDown(document.activeElement as HTMLElement, { key: 'Escape' });
    expect(visible()).toEqual(['Record payment', 'More ▾']);
    expect(document.activeElement).toBe(more);
  });

  it('shows Resume on a paused milestone, with the rest under More', async () => {
    await renderSidebar({ route: { name: 'client', client: 'Glenmore Distillery' } });
    const actions = (id: string) =>
      within(within(card(id)).getByRole('group', { name: `Actions for ${id}` }))
        .getAllByRole('button')
        .map((b) => b.textContent);
    expect(actions('GD-2')).toEqual(['Resume', 'More ▾']);
    fireEvent.click(button(card('GD-2'), 'More actions for GD-2'));
    expect(actions('GD-2')).toEqual([
      'Resume',
      'More ▴',
      'Record payment',
      'Log a promise',
      'Payment plan',
      'Write off',
      'Go to row',
    ]);
  });

  it('shows Go to row alone on a closed milestone', async () => {
    await renderSidebar({ route: { name: 'client', client: 'Studio Bianchi Architetti' } });
    expect(card('SB-1').querySelector('.chip')?.textContent).toBe('Paid');
    const actions = within(card('SB-1')).getByRole('group', { name: 'Actions for SB-1' });
    expect(
      within(actions)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Go to row']);
  });

  it('shows the invoice number on the card', async () => {
    await renderSidebar({ route: { name: 'client', client: 'Kestrel Media GmbH' } });
    expect(within(card('KM-1')).getByText('Invoice').nextElementSibling?.textContent).toBe('KM-88');
  });
});

describe('Log a promise', () => {
  it('sends the day and the amount, which starts at what is outstanding', async () => {
    const r = await renderSidebar({ route: { name: 'client', client: 'Kestrel Media GmbH' } });
    fromMore('KM-1', 'Log a promise');
    const form = within(card('KM-1')).getByRole('form', { name: 'Log a promise · KM-1' });
    const by = within(form).getByLabelText('Promised by') as HTMLInputElement;
    expect(document.activeElement).toBe(by);
    expect(by.value).toBe('2026-12-07'); // a week from today
    expect(by.min).toBe(TODAY);
    const amount = within(form).getByLabelText('Amount (EUR)') as HTMLInputElement;
    const outstanding = r.store.milestoneById.value.get('KM-1')?.outstanding ?? 0;
    expect(amount.value).toBe((outstanding / 100).toFixed(2));
    fireEvent.input(by, { target: { value: '2026-12-04' } });
    fireEvent.input(amount, { target: { value: '1,000' } });
    fireEvent.input(within(form).getByLabelText('Note'), { target: { value: 'On the phone with Jana' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save promise' }));
    await waitFor(() => expect(notice()).toBe('Promise for KM-1 logged: payment by 4 Dec 2026.'));
    expect(lastCall(r.recording, 'logPromise')).toEqual({
      milestone: 'KM-1',
      by: '2026-12-04',
      amount: 1000,
      note: 'On the phone with Jana',
    });
    expect(card('KM-1').querySelector('.chip')?.textContent).toBe('Promised');
  });

  it('reads the amount in the locale it was prefilled in: Italian in the Italian sidebar of an en_GB sheet', async () => {
    // Default language Italian, the sheet's locale en_GB: the sidebar writes amounts as Italian.
    const api = createHarnessApi({ today: TODAY, language: 'en' });
    const settings = api.services.tabs.get('Settings') ?? [];
    const language = settings.find((row) => row[0] === 'Default language');
    if (!language) throw new Error('the demo ledger has no Default language setting');
    language[1] = 'it';
    const r = await renderSidebar({
      language: 'it',
      api,
      route: { name: 'client', client: 'Kestrel Media GmbH' },
    });
    fireEvent.click(button(card('KM-1'), 'Altre azioni per KM-1'));
    fireEvent.click(button(card('KM-1'), 'Registra promessa'));
    const form = within(card('KM-1')).getByRole('form', { name: 'Registra promessa · KM-1' });
    const amount = within(form).getByLabelText('Importo (EUR)') as HTMLInputElement;
    const outstanding = r.store.milestoneById.value.get('KM-1')?.outstanding ?? 0;
    expect(amount.value).toBe((outstanding / 100).toFixed(2).replace('.', ','));
    fireEvent.input(amount, { target: { value: '1.234,56' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Salva promessa' }));
    await waitFor(() => expect(lastCall(r.recording, 'logPromise')).toMatchObject({ amount: 1234.56 }));
  });

  it('sends no amount when the field is emptied (everything outstanding), and refuses a bad one', async () => {
    const r = await renderSidebar({ route: { name: 'client', client: 'Kestrel Media GmbH' } });
    fromMore('KM-3', 'Log a promise');
    const form = within(card('KM-3')).getByRole('form');
    const amount = within(form).getByLabelText('Amount (EUR)');
    fireEvent.input(amount, { target: { value: '12k' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save promise' }));
    expect(amount.getAttribute('aria-invalid')).toBe('true');
    expect(r.recording.calls.map((c) => c.name)).not.toContain('logPromise');
    fireEvent.input(amount, { target: { value: '' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save promise' }));
    await waitFor(() => expect(notice()).toMatch(/^Promise for KM-3 logged/));
    expect(lastCall(r.recording, 'logPromise')).toEqual({
      milestone: 'KM-3',
      by: '2026-12-07',
      amount: null,
      note: '',
    });
  });
});

describe('Payment method', () => {
  it('is picked from a list, or typed under Other', async () => {
    const r = await renderSidebar({ route: { name: 'client', client: 'Studio Bianchi Architetti' } });
    fireEvent.click(button(card('SB-2'), 'Record payment'));
    const form = within(card('SB-2')).getByRole('form');
    const method = within(form).getByLabelText('Method') as HTMLSelectElement;
    const options = [...method.options].map((o) => o.textContent);
    expect(options.slice(0, 7)).toEqual([
      'Not given',
      'Bank transfer',
      'Card',
      'PayPal',
      'Stripe',
      'Cash',
      'Cheque',
    ]);
    expect(options.at(-1)).toBe('Other…');
    expect(method.value).toBe('');
    expect(within(form).queryByLabelText('Other method')).toBeNull();
    fireEvent.change(method, { target: { value: method.options[method.options.length - 1]?.value } });
    const other = within(form).getByLabelText('Other method');
    fireEvent.input(other, { target: { value: ' Satispay ' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save payment' }));
    await waitFor(() => expect(notice()).toMatch(/^Payment of .+ recorded for SB-2\.$/));
    expect((lastCall(r.recording, 'recordPayment') as { method: string }).method).toBe('Satispay');
  });

  it('offers the methods the ledger already uses, once, and lists them in Italian for an Italian ledger', async () => {
    await renderSidebar({ language: 'it', route: { name: 'client', client: 'Studio Bianchi Architetti' } });
    fireEvent.click(button(card('SB-2'), 'Registra pagamento'));
    const method = within(card('SB-2')).getByLabelText('Metodo') as HTMLSelectElement;
    const options = [...method.options].map((o) => o.textContent);
    expect(options.slice(0, 3)).toEqual(['Non indicato', 'Bonifico', 'Carta']);
    expect(options.at(-1)).toBe('Altro…');
    expect(new Set(options).size).toBe(options.length);
  });
});

describe('Payment plan', () => {
  it('previews what the server proposes, then creates exactly that', async () => {
    const r = await renderSidebar({ route: { name: 'client', client: 'Maison Lumière SARL' } });
    fromMore('ML-1', 'Payment plan');
    const form = within(card('ML-1')).getByRole('form', { name: 'Payment plan for ML-1' });
    // The first instalment is due a week from today unless the user picks a day.
    expect((within(form).getByLabelText('First due date') as HTMLInputElement).value).toBe(WEEK);
    fireEvent.input(within(form).getByLabelText('Instalments'), { target: { value: '4' } });
    fireEvent.change(within(form).getByLabelText('Every'), { target: { value: 'fortnightly' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Preview' }));
    const expected: PaymentPlanInput = {
      milestone: 'ML-1',
      instalments: 4,
      interval: 'fortnightly',
      start: WEEK,
      keepUnderSmallClaimsLimit: false,
    };
    await waitFor(() => expect(within(form).getAllByRole('listitem')).toHaveLength(4));
    expect(lastCall(r.recording, 'previewPaymentPlan')).toEqual(expected);
    const preview = r.recording.api.previewPaymentPlan(expected);
    expect(
      within(form)
        .getAllByRole('listitem')
        .map((li) => li.querySelector('.mono')?.textContent),
    ).toEqual(preview.rows.map((row) => row.id));
    expect(form.textContent).toContain('Replaces ML-1, which will be marked Renegotiated.');
    fireEvent.click(within(form).getByRole('button', { name: 'Create plan' }));
    await waitFor(() => expect(notice()).toBe('Payment plan created: 4 instalments added to Milestones.'));
    // Create sends the instalments shown: the server creates nothing if its plan differs.
    expect(lastCall(r.recording, 'createPaymentPlan')).toEqual({
      ...expected,
      expected: preview.rows.map((row) => ({ id: row.id, dueDate: row.dueDate, amount: row.amount })),
    });
    expect(card('ML-1').querySelector('.chip')?.textContent).toBe('Renegotiated');
  });

  it('drops the preview when the form changes, so nothing stale can be created', async () => {
    await renderSidebar({ route: { name: 'client', client: 'Maison Lumière SARL' } });
    fromMore('ML-1', 'Payment plan');
    const form = within(card('ML-1')).getByRole('form');
    fireEvent.click(within(form).getByRole('button', { name: 'Preview' }));
    await within(form).findByRole('button', { name: 'Create plan' });
    fireEvent.input(within(form).getByLabelText('Instalments'), { target: { value: '6' } });
    expect(within(form).queryByRole('button', { name: 'Create plan' })).toBeNull();
  });

  it('marks the preview stale when the ledger changes, and works it out again', async () => {
    const r = await renderSidebar({ route: { name: 'client', client: 'Maison Lumière SARL' } });
    fromMore('ML-1', 'Payment plan');
    const form = within(card('ML-1')).getByRole('form');
    fireEvent.click(within(form).getByRole('button', { name: 'Preview' }));
    await within(form).findByRole('button', { name: 'Create plan' });
    const before = within(form)
      .getAllByRole('listitem')
      .map((li) => li.querySelector('.num')?.textContent);
    // A payment typed in the sheet, then Refresh: the plan would now be smaller.
    r.recording.api.recordPayment({ milestone: 'ML-1', amount: 300, date: TODAY });
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(form.querySelector('.preview.stale')).not.toBeNull());
    expect(form.textContent).toContain('The ledger changed since this preview: updating it…');
    expect(within(form).getByRole('button', { name: 'Create plan' }).getAttribute('aria-disabled')).toBe(
      'true',
    );
    await waitFor(() => expect(form.querySelector('.preview.stale')).toBeNull());
    expect(form.textContent).toContain('The ledger changed, so the preview was worked out again.');
    const after = within(form)
      .getAllByRole('listitem')
      .map((li) => li.querySelector('.num')?.textContent);
    expect(after).not.toEqual(before);
    expect(r.recording.calls.filter((c) => c.name === 'previewPaymentPlan')).toHaveLength(2);
    fireEvent.click(within(form).getByRole('button', { name: 'Create plan' }));
    await waitFor(() => expect(notice()).toMatch(/^Payment plan created: 3 instalments/));
  });

  it('creates nothing when the sheet changed unseen, and shows the new preview', async () => {
    const r = await renderSidebar({ route: { name: 'client', client: 'Maison Lumière SARL' } });
    fromMore('ML-1', 'Payment plan');
    const form = within(card('ML-1')).getByRole('form');
    fireEvent.click(within(form).getByRole('button', { name: 'Preview' }));
    await within(form).findByRole('button', { name: 'Create plan' });
    r.recording.api.recordPayment({ milestone: 'ML-1', amount: 300, date: TODAY });
    fireEvent.click(within(form).getByRole('button', { name: 'Create plan' }));
    await waitFor(() => expect(notice()).toContain('The ledger changed since the preview'));
    await waitFor(() =>
      expect(form.textContent).toContain('The ledger changed, so the preview was worked out again.'),
    );
    expect(card('ML-1').querySelector('.chip')?.textContent).not.toBe('Renegotiated');
  });

  it('plans all of a client’s open milestones', async () => {
    const r = await renderSidebar({ route: { name: 'client', client: 'Kestrel Media GmbH' } });
    fireEvent.click(screen.getByRole('button', { name: 'Payment plan for open milestones' }));
    const form = screen.getByRole('form', { name: 'Payment plan for Kestrel Media GmbH' });
    fireEvent.click(within(form).getByLabelText('Keep each instalment under the small-claims limit'));
    fireEvent.click(within(form).getByRole('button', { name: 'Preview' }));
    await within(form).findByRole('button', { name: 'Create plan' });
    expect(lastCall(r.recording, 'previewPaymentPlan')).toEqual({
      client: 'Kestrel Media GmbH',
      instalments: 3,
      interval: 'monthly',
      start: WEEK,
      keepUnderSmallClaimsLimit: true,
    });
  });
});

describe('Write off', () => {
  it('asks first, starting on Cancel, and offers the documentation pack', async () => {
    const r = await renderSidebar({ route: { name: 'client', client: 'Lakeshore Dental Group' } });
    fromMore('LD-1', 'Write off');
    const confirm = within(card('LD-1')).getByRole('group', { name: 'Write off LD-1?' });
    expect(document.activeElement).toBe(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(confirm.textContent).toContain('US$6,800.00 will be marked Written off');
    fireEvent.click(within(confirm).getByRole('button', { name: 'Export documentation pack' }));
    await waitFor(() => expect(notice()).toMatch(/^Documentation pack ready: .+/));
    expect(lastCall(r.recording, 'exportPack')).toEqual({ client: 'Lakeshore Dental Group' });
    expect(r.recording.calls.map((c) => c.name)).not.toContain('writeOffMilestone');
    fireEvent.click(within(confirm).getByRole('button', { name: 'Write off' }));
    await waitFor(() => expect(notice()).toBe('LD-1 written off.'));
    expect(lastCall(r.recording, 'writeOffMilestone')).toEqual({ milestone: 'LD-1', confirm: true });
    expect(card('LD-1').querySelector('.chip')?.textContent).toBe('Written off');
  });

  it('does nothing on Cancel', async () => {
    const r = await renderSidebar({ route: { name: 'client', client: 'Lakeshore Dental Group' } });
    fromMore('LD-1', 'Write off');
    fireEvent.click(within(card('LD-1')).getByRole('button', { name: 'Cancel' }));
    expect(within(card('LD-1')).queryByRole('group', { name: 'Write off LD-1?' })).toBeNull();
    expect(r.recording.calls.map((c) => c.name)).toEqual(['getSidebarView']);
  });
});

describe('Client actions', () => {
  it('exports the documentation pack and offers it as files', async () => {
    const r = await renderSidebar({ route: { name: 'client', client: 'Northwind Analytics Ltd' } });
    fireEvent.click(screen.getByRole('button', { name: 'Export documentation pack' }));
    await waitFor(() => expect(notice()).toMatch(/^Documentation pack ready: /));
    expect(lastCall(r.recording, 'exportPack')).toEqual({ client: 'Northwind Analytics Ltd' });
    const html = screen.getByRole('link', { name: 'Pack (HTML)' });
    expect(html.getAttribute('download')).toMatch(/\.html$/);
    expect(html.getAttribute('href')).toMatch(/^blob:/);
    const file = (name: string) => screen.getByRole('link', { name }).getAttribute('download');
    expect(file('Your notes (HTML)')).toMatch(/-notes\.html$/);
    expect(file('Statement (CSV)')).toMatch(/-statement\.csv$/);
    expect(file('Chasing record (CSV)')).toMatch(/-chasing\.csv$/);
  });

  it('drafts the reminder now, letting the server pick what is due', async () => {
    const r = await renderSidebar({ route: { name: 'client', client: 'Northwind Analytics Ltd' } });
    fireEvent.click(screen.getAllByRole('button', { name: 'Draft reminder' })[0] as HTMLElement);
    await waitFor(() => expect(notice()).toMatch(/is in Gmail and logged in Reminders\.$/));
    expect(lastCall(r.recording, 'draftReminder')).toEqual({ client: 'Northwind Analytics Ltd' });
  });

  it('jumps to a milestone’s row', async () => {
    const r = await renderSidebar({ route: { name: 'client', client: 'Giorgio Rossi' } });
    fromMore('GR-2', 'Go to row');
    await waitFor(() => expect(r.recording.calls.map((c) => c.name)).toContain('jumpToMilestone'));
    expect(lastCall(r.recording, 'jumpToMilestone')).toEqual({ milestone: 'GR-2' });
  });

  it('shows a failed action with the server’s reason and retries it', async () => {
    const r = await renderSidebar({ route: { name: 'client', client: 'Giorgio Rossi' } });
    r.recording.breakHandler('setMilestoneStatus', 'Exception: Lock timeout');
    fromMore('GR-1', 'Put on hold');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('That did not work: Exception: Lock timeout');
    r.recording.heal();
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(notice()).toBe('GR-1 is now On hold.'));
    expect(r.recording.calls.filter((c) => c.name === 'setMilestoneStatus')).toHaveLength(2);
  });
});

describe('Problems', () => {
  it('lists every problem with tab, row and column, and selects its cell on click', async () => {
    const r = await renderSidebar({ route: { name: 'problems' } });
    const problems = r.store.view.value?.problems ?? [];
    const items = [...r.container.querySelectorAll('button.problem')] as HTMLButtonElement[];
    expect(items).toHaveLength(problems.length);
    const errors = problems.filter((p) => p.severity === 'error').length;
    expect(screen.getByText(`${errors} errors, ${problems.length - errors} warnings`)).toBeTruthy();
    const index = problems.findIndex((p) => p.tab === 'Milestones' && p.row !== null && p.column !== null);
    const p = problems[index];
    const item = items[index] as HTMLButtonElement;
    expect(item.querySelector('.where')?.textContent).toBe(`Milestones · row ${p?.row} · ${p?.column}`);
    expect(item.textContent).toContain(en(p).message);
    expect(item.textContent).toContain(en(p).fix);
    fireEvent.click(item);
    await waitFor(() => expect(r.recording.calls.map((c) => c.name)).toContain('selectCell'));
    expect(lastCall(r.recording, 'selectCell')).toEqual({
      tab: 'Milestones',
      row: p?.row,
      column: p?.column,
    });
  });

  it('says so when there are none', async () => {
    const api = createHarnessApi({ today: TODAY, language: 'en' });
    const clean = { ...api, getSidebarView: () => ({ ...api.getSidebarView(), problems: [] }) };
    await renderSidebar({ route: { name: 'problems' }, api: clean });
    expect(screen.getByText('No problems: every row reads cleanly.')).toBeTruthy();
  });
});
