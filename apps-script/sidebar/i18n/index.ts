/** Picks the sidebar's strings for the ledger's language (`en`, `it`). */
import type { Language } from '../../../shared/model.ts';
import type { Messages } from './en.ts';
import { EN } from './en.ts';
import { IT } from './it.ts';

export type { Messages } from './en.ts';

const BY_LANGUAGE: Record<Language, Messages> = { en: EN, it: IT };

export function messagesFor(language: Language): Messages {
  return BY_LANGUAGE[language];
}

/** A browser language tag (`it-IT`) → the nearest sidebar language; English otherwise. */
export function languageOf(tag: string | undefined): Language {
  return tag?.toLowerCase().startsWith('it') ? 'it' : 'en';
}
