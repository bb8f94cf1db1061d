// @vitest-environment happy-dom
import { fireEvent, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { EN } from '../../apps-script/sidebar/i18n/en.ts';
import { IT } from '../../apps-script/sidebar/i18n/it.ts';
import { languageOf } from '../../apps-script/sidebar/i18n/index.ts';
import { renderSidebar } from './support.tsx';

describe('Italian', () => {
  it('has every English string, of the same kind', () => {
    const shape = (m: object): unknown =>
      Object.fromEntries(
        Object.entries(m).map(([k, v]) => [k, typeof v === 'object' && v !== null ? shape(v) : typeof v]),
      );
    expect(shape(IT)).toEqual(shape(EN));
  });

  it('translates every string that is not a name or a brand', () => {
    const same = Object.entries(IT).filter(
      ([k, v]) => typeof v === 'string' && v === EN[k as keyof typeof EN],
    );
    expect(same.map(([k]) => k)).toEqual(['appName']);
  });

  it('shows the sidebar in Italian with Italian money and dates for an it_IT ledger', async () => {
    await renderSidebar({ language: 'it' });
    expect(screen.getByRole('heading', { level: 2, name: 'Riepilogo' })).toBeTruthy();
    expect(screen.getByText('Al 30 nov 2026')).toBeTruthy();
    const eur = document.querySelector('[data-currency="EUR"]');
    expect(eur?.textContent).toMatch(/Da incassare23\.580,00\s€/);
    expect(screen.getByRole('heading', { level: 3, name: /^Da fare oggi/ })).toBeTruthy();
    expect(document.body.textContent).toContain('Inviare: Preavviso di azione giudiziaria');
    fireEvent.click(screen.getByRole('button', { name: 'Clienti' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Clienti per urgenza' })).toBeTruthy();
    expect(document.body.textContent).toContain('giorni di ritardo');
  });

  it('picks the language from the browser until the server says', () => {
    expect(languageOf('it-IT')).toBe('it');
    expect(languageOf('it')).toBe('it');
    expect(languageOf('en-GB')).toBe('en');
    expect(languageOf('fr-FR')).toBe('en');
    expect(languageOf(undefined)).toBe('en');
  });
});
