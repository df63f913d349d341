/**
 * Message formatting: ICU MessageFormat through intl-messageformat (plurals, selects, numbers, in the locale's
 * rules). Pure: no DOM.
 *
 * The build hands messages over already parsed (scripts/lib/i18n-plugin.ts): a message with no ICU syntax stays
 * a string and is returned as it is; any other is its AST, so the page ships intl-messageformat without its
 * parser. In Node (unit tests, scripts) a message may still be a string with syntax and is parsed here.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { StoryText } from './story-text';

export type Message = string | MessageFormatElement[];

export interface CatalogueMeta {
  /** The locale this file speaks (its file name). */
  locale: string;
  /** The language's name in itself. */
  name: string;
  /** Who or what translated it ("written in English by the authors", "machine translation (LLM) by …"). */
  translator: string;
  /** How: `original` (the source language), `human` or `machine` translation. */
  method: 'original' | 'human' | 'machine';
  /** Whether a native-speaking editor reviewed it. An unreviewed translation says so on the page. */
  reviewed: boolean;
  /** Optional: when, and anything a reader or editor should know. */
  note?: string;
}

export interface Catalogue {
  meta: CatalogueMeta;
  messages: Record<string, Message>;
  /** Translations of the story's own words (events, disputes, names); absent for English, whose words are geo/. */
  story?: StoryText;
}

export type Values = Record<string, string | number | Date>;
export type Translate = (key: string, values?: Values) => string;

/** A message with no ICU syntax at all: returned as it is, with no formatter. */
export const isPlain = (m: string): boolean => !/[{}]/.test(m) && !m.includes("''");

/**
 * A translator for one locale. A key the catalogue lacks comes from the fallback (English); a key neither has
 * is returned as itself and logged, so a missing string is visible, never a crash. `npm run validate` makes
 * both impossible in a build.
 */
export function createTranslator(tag: string, catalogue: Catalogue, fallback?: Catalogue): Translate {
  const cache = new Map<string, IntlMessageFormat>();
  return (key, values) => {
    let msg = catalogue.messages[key];
    let msgTag = tag;
    if (msg === undefined && fallback) {
      msg = fallback.messages[key];
      msgTag = 'en-GB';
    }
    if (msg === undefined) {
      console.warn(`i18n: no message "${key}"`);
      return key;
    }
    if (typeof msg === 'string' && isPlain(msg)) return msg;
    let f = cache.get(key);
    if (!f) {
      f = new IntlMessageFormat(msg, msgTag);
      cache.set(key, f);
    }
    return String(f.format(values));
  };
}
