/** Reads and checks the catalogues in geo/i18n/ (Node only): `npm run validate` and the build use it. */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { checkCatalogues, type CheckInput } from '../../src/i18n/check.ts';
import { LOCALES, PSEUDO_LOCALE, type AnyLocale } from '../../src/i18n/locales.ts';
import { isPlain, type Catalogue, type Message } from '../../src/i18n/messages.ts';
import { pseudoAst, pseudoText } from '../../src/i18n/pseudo.ts';
import { storyWords, type StoryText } from '../../src/i18n/story-text.ts';
import { validateStoryDir } from './story-files.ts';

export const I18N_DIR = 'geo/i18n';
export const catalogueFile = (locale: string) => `${I18N_DIR}/${locale}.json`;

export function readCatalogues(root: string): CheckInput[] {
  return LOCALES.map((locale) => {
    const file = catalogueFile(locale);
    const path = resolve(root, file);
    let data: unknown = undefined;
    if (existsSync(path)) {
      try {
        data = JSON.parse(readFileSync(path, 'utf8'));
      } catch (e) {
        data = { error: (e as Error).message };
      }
    }
    return { file, locale, data };
  });
}

export const QUOTES_FILE = `${I18N_DIR}/quotes.json`;

/**
 * Every problem in geo/i18n/, one line each. Messages must match English key for key; story translations must
 * cover every story word English has, name only what geo/ has, keep its numbers and times, and keep the
 * quotations that are originals (geo/i18n/quotes.json).
 */
export function validateCatalogues(root: string, story = validateStoryDir(root)): string[] {
  const files = readCatalogues(root);
  const missing = files.filter((f) => f.data === undefined).map((f) => `${f.file}: missing (every locale in src/i18n/locales.ts needs its file)`);
  const broken = files
    .filter((f) => f.data && typeof f.data === 'object' && 'error' in f.data)
    .map((f) => `${f.file}: not JSON (${(f.data as { error: string }).error})`);
  if (missing.length || broken.length) return [...missing, ...broken];
  const quotesPath = resolve(root, QUOTES_FILE);
  let quotes: unknown;
  try {
    quotes = JSON.parse(readFileSync(quotesPath, 'utf8'));
  } catch (e) {
    return [`${QUOTES_FILE}: ${existsSync(quotesPath) ? `not JSON (${(e as Error).message})` : 'missing (the register of quotations)'}`];
  }
  return checkCatalogues(files, story.ok ? storyWords(story.story) : undefined, { complete: true, quotes: { file: QUOTES_FILE, data: quotes } });
}

/** A message as the page gets it: a plain string as it is, anything else parsed (the page has no parser). */
export const compileMessage = (m: string): Message => (isPlain(m) ? m : parse(m));

export function compileCatalogue(data: { meta: Catalogue['meta']; messages: Record<string, string>; story?: StoryText }): Catalogue {
  const messages: Record<string, Message> = {};
  for (const [k, v] of Object.entries(data.messages)) messages[k] = compileMessage(v);
  return { ...data, messages };
}

/** The pseudo-locale, made from English: every message and every story word accented and ~40 % longer. */
export function pseudoCatalogue(root: string): Catalogue {
  const en = JSON.parse(readFileSync(resolve(root, catalogueFile('en')), 'utf8')) as { meta: Catalogue['meta']; messages: Record<string, string> };
  const messages: Record<string, MessageFormatElement[] | string> = {};
  for (const [k, v] of Object.entries(en.messages)) messages[k] = isPlain(v) ? pseudoText(v) : pseudoAst(parse(v));
  const story: StoryText = {};
  const result = validateStoryDir(root);
  if (result.ok) {
    for (const [kind, items] of Object.entries(storyWords(result.story)) as [keyof StoryText, Map<string, Record<string, string>>][]) {
      const out: Record<string, Record<string, string>> = {};
      for (const [id, fields] of items) out[id] = Object.fromEntries(Object.entries(fields).map(([f, v]) => [f, pseudoText(v)]));
      story[kind] = out;
    }
  }
  return {
    meta: {
      locale: PSEUDO_LOCALE,
      name: 'Pseudo',
      translator: 'generated from English by src/i18n/pseudo.ts (layout tests)',
      method: 'machine',
      reviewed: true,
    },
    messages,
    story,
  };
}

/** The catalogue a locale's readers fetch (data/i18n/<locale>.json), messages parsed. */
export function shippedCatalogue(root: string, locale: AnyLocale): Catalogue {
  if (locale === PSEUDO_LOCALE) return pseudoCatalogue(root);
  return compileCatalogue(JSON.parse(readFileSync(resolve(root, catalogueFile(locale)), 'utf8')));
}
