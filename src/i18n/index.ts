/**
 * The page's language: one translator for the whole page, chosen once at start (main.ts) before anything is
 * drawn. Changing language reloads the page with `?lang=` (the URL keeps the language). Every catalogue, English
 * too, is data: data/i18n/<locale>.json (scripts/lib/i18n-plugin.ts), fetched beside the story, so the code
 * carries no words and a reader fetches only their own language. Node (tests, build scripts) reads geo/i18n/en.json
 * and hands it to useLocale.
 */
import { createTranslator, type Catalogue, type Translate, type Values } from './messages';
import { INTL_TAG, PSEUDO_LOCALE, type AnyLocale } from './locales';
import type { StoryKind, StoryText } from './story-text';

export type MessageKey = keyof typeof import('../../geo/i18n/en.json')['messages'];
const NONE: Catalogue = { meta: { locale: 'en', name: 'English', translator: '', method: 'original', reviewed: true }, messages: {} };

let current: Translate = createTranslator(INTL_TAG.en, NONE);
let currentLocale: AnyLocale = 'en';
let currentCatalogue: Catalogue = NONE;

/** A message in the page's language. */
export function msg(key: MessageKey, values?: Values): string {
  return current(key, values);
}

/**
 * A message, or `english` when the page has no catalogue with it: the words of a page that failed before (or
 * because) even the English catalogue could be loaded, e.g. the story data's error. Never the bare key.
 */
export function msgOr(key: MessageKey, english: string, values?: Values): string {
  return currentCatalogue.messages[key] === undefined ? english : current(key, values);
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

/**
 * A place's name on the map in the page's language: 'Caspian Sea' → 'Каспийское море', 'RUSSIA' → 'РОССИЯ'
 * (capitals kept as the basemap writes them, in the language's own casing). Looked up as `name.<english, dashed>`
 * (geo/i18n/*.json); a name with no entry stays as it is.
 */
export function placeName(english: string): string {
  const key = `name.${english
    .toLowerCase()
    .replace(/[^a-z]+/g, '-')
    .replace(/^-|-$/g, '')}`;
  const m = currentCatalogue.messages[key];
  if (typeof m !== 'string') return english;
  return english === english.toUpperCase() && /[A-Z]/.test(english) ? m.toLocaleUpperCase(INTL_TAG[currentLocale]) : m;
}

/** Makes a locale the page's language (`fallback`: where a key is missing, e.g. English; validate makes none missing). */
export function useLocale(l: AnyLocale, catalogue: Catalogue, fallback?: Catalogue): void {
  currentLocale = l;
  currentCatalogue = catalogue;
  current = createTranslator(INTL_TAG[l], catalogue, fallback);
}

export const catalogueUrl = (l: AnyLocale) => `data/i18n/${l}.json`;

/** Fetches a locale's catalogue. Throws with the file's name when it cannot be read. */
export async function loadCatalogue(l: AnyLocale, base: string, fetchFn: typeof fetch = fetch): Promise<Catalogue> {
  const url = new URL(catalogueUrl(l), base).href;
  const res = await fetchFn(url);
  if (!res.ok) throw new Error(`${catalogueUrl(l)}: could not be loaded (HTTP ${res.status})`);
  const cat = (await res.json()) as Catalogue;
  if (!cat || typeof cat !== 'object' || !cat.messages || !cat.meta) throw new Error(`${catalogueUrl(l)}: not a catalogue`);
  return cat;
}

export { PSEUDO_LOCALE };
