/**
 * The page's language: one translator for the whole page, chosen once at start (main.ts) before anything is
 * drawn. Changing language reloads the page with `?lang=` (the URL keeps the language). English is bundled;
 * another locale's catalogue is fetched from data/i18n/<locale>.json (scripts/lib/i18n-plugin.ts).
 */
import EN_JSON from '../../geo/i18n/en.json';
import { createTranslator, type Catalogue, type Translate, type Values } from './messages';
import { INTL_TAG, PSEUDO_LOCALE, type AnyLocale } from './locales';
import type { StoryKind, StoryText } from './story-text';

export type MessageKey = keyof (typeof EN_JSON)['messages'];
export const EN = EN_JSON as unknown as Catalogue;

let current: Translate = createTranslator(INTL_TAG.en, EN);
let currentLocale: AnyLocale = 'en';
let currentCatalogue: Catalogue = EN;

/** A message in the page's language. */
export function t(key: MessageKey, values?: Values): string {
  return current(key, values);
}

/** The page's locale, its Intl tag, and its catalogue's metadata. */
export const locale = (): AnyLocale => currentLocale;
export const intlTag = (): string => INTL_TAG[currentLocale];
export const catalogueMeta = () => currentCatalogue.meta;

/** One of the story's own words in the page's language (the English from geo/ when not translated). */
export function sw(kind: StoryKind, id: string, field: string, english: string): string;
export function sw(kind: StoryKind, id: string, field: string, english: string | undefined): string | undefined;
export function sw(kind: StoryKind, id: string, field: string, english: string | undefined): string | undefined {
  if (english === undefined) return undefined;
  return (currentCatalogue.story as StoryText | undefined)?.[kind]?.[id]?.[field] ?? english;
}

/** Makes a locale the page's language (English keys the catalogue lacks come from English). */
export function useLocale(l: AnyLocale, catalogue: Catalogue = EN): void {
  currentLocale = l;
  currentCatalogue = catalogue;
  current = createTranslator(INTL_TAG[l], catalogue, l === 'en' ? undefined : EN);
}

export const catalogueUrl = (l: AnyLocale) => `data/i18n/${l}.json`;

/** Fetches a locale's catalogue (English needs none). Throws with the file's name when it cannot be read. */
export async function loadCatalogue(l: AnyLocale, base: string, fetchFn: typeof fetch = fetch): Promise<Catalogue> {
  if (l === 'en') return EN;
  const url = new URL(catalogueUrl(l), base).href;
  const res = await fetchFn(url);
  if (!res.ok) throw new Error(`${catalogueUrl(l)}: could not be loaded (HTTP ${res.status})`);
  const cat = (await res.json()) as Catalogue;
  if (!cat || typeof cat !== 'object' || !cat.messages || !cat.meta) throw new Error(`${catalogueUrl(l)}: not a catalogue`);
  return cat;
}

export { PSEUDO_LOCALE };
