/**
 * Message formatting: ICU MessageFormat through intl-messageformat (plurals, selects, numbers, in the locale's
 * rules). Pure: no DOM.
 *
 * The build hands messages over already parsed (scripts/lib/i18n-plugin.ts): a message with no ICU syntax stays
 * a string and is returned as it is; any other is its AST, so the page ships intl-messageformat without its
 * parser. In Node (unit tests, scripts) a message may still be a string with syntax and is parsed here.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import type { MessageFormatElement, TYPE } from '@formatjs/icu-messageformat-parser';
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

/** The parser's element types that need no locale: a literal, a plain `{name}` argument, a select (no number, date, plural…). */
const LITERAL = 0 as TYPE.literal,
  ARGUMENT = 1 as TYPE.argument,
  SELECT = 5 as TYPE.select;

/**
 * A parsed message made only of literals, plain `{name}` arguments and selects (the date's month names), with every
 * argument given as a string or a number: the text, exactly as intl-messageformat makes it (it writes such an
 * argument as `String(value)`, and a select takes the option named by the value, else `other`). Else
 * undefined: the message needs the formatter. No Intl object is made here: the formatter's first one loads ICU's
 * locale data (~60 ms on this machine, the page's start; README, Performance), and most of our messages need none.
 */
export function formatSimple(els: MessageFormatElement[], values: Values | undefined): string | undefined {
  let out = '';
  for (const el of els) {
    if (el.type === LITERAL) out += el.value;
    else if (el.type === ARGUMENT) {
      const v = values?.[el.value];
      if (typeof v !== 'string' && typeof v !== 'number') return undefined; // missing, a date…: the formatter says
      out += String(v);
    } else if (el.type === SELECT) {
      const v = values?.[el.value];
      if (typeof v !== 'string' && typeof v !== 'number') return undefined;
      const opt = Object.hasOwn(el.options, v) ? el.options[v] : el.options.other;
      const inner = opt && formatSimple(opt.value, values);
      if (inner === undefined) return undefined; // no such option (the formatter throws), or a plural inside
      out += inner;
    } else return undefined;
  }
  return out;
}

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
    const simple = typeof msg === 'string' ? undefined : formatSimple(msg, values);
    if (simple !== undefined) return simple;
    let f = cache.get(key);
    if (!f) {
      f = new IntlMessageFormat(msg, msgTag);
      cache.set(key, f);
    }
    return String(f.format(values));
  };
}
