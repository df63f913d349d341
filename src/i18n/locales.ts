/**
 * The story's languages and how a reader's language is chosen. Pure: no DOM, no window.
 *
 * `?lang=` first (a value we do not speak falls back to English, with a note), then the browser's languages in
 * order, then English. `en-XA` is the pseudo-locale for layout tests (accented, ~40 % longer): reachable by URL
 * only, never offered in the switch and never chosen from the browser.
 */

export const LOCALES = ['en', 'ru', 'az', 'kk'] as const;
export type Locale = (typeof LOCALES)[number];
export const PSEUDO_LOCALE = 'en-XA';
export type AnyLocale = Locale | typeof PSEUDO_LOCALE;
export const DEFAULT_LOCALE: Locale = 'en';

/** The tag handed to Intl (dates, numbers, plural rules) and written into `<html lang>`. */
export const INTL_TAG: Record<AnyLocale, string> = { en: 'en-GB', ru: 'ru', az: 'az-Latn', kk: 'kk', 'en-XA': 'en-GB' };
/** `<html lang>` and hreflang values (BCP 47). */
export const HTML_LANG: Record<AnyLocale, string> = { en: 'en', ru: 'ru', az: 'az-Latn', kk: 'kk', 'en-XA': 'en-XA' };

/** Each language's name in itself, for the switch (a reader looks for their own language's name). */
export const ENDONYM: Record<Locale, string> = { en: 'English', ru: 'Русский', az: 'Azərbaycanca', kk: 'Қазақша' };

/** The font subsets (src/theme/fonts.ts) a language's text needs besides latin, e.g. for an export that must load them first. */
export const LOCALE_FONT_SUBSETS: Record<AnyLocale, ('latin' | 'latin-ext' | 'cyrillic' | 'cyrillic-ext')[]> = {
  en: ['latin'],
  ru: ['latin', 'cyrillic'],
  az: ['latin', 'latin-ext'],
  kk: ['latin', 'cyrillic', 'cyrillic-ext'],
  'en-XA': ['latin', 'latin-ext'],
};

export function isLocale(v: string): v is Locale {
  return (LOCALES as readonly string[]).includes(v);
}

/**
 * The locale a BCP 47 tag asks for, or undefined: 'ru-RU' → ru, 'az-Latn-AZ' → az, 'kk-KZ' → kk, 'en-XA' →
 * the pseudo-locale (only when allowed: from the URL, never from the browser).
 */
export function matchLocale(tag: string, allowPseudo = false): AnyLocale | undefined {
  const t = tag.trim().replace(/_/g, '-').toLowerCase();
  if (allowPseudo && t === PSEUDO_LOCALE.toLowerCase()) return PSEUDO_LOCALE;
  const primary = t.split('-')[0] ?? '';
  return isLocale(primary) ? primary : undefined;
}

export interface Negotiated {
  locale: AnyLocale;
  /** Where it came from. */
  from: 'url' | 'browser' | 'default';
  /** A `?lang=` value that named no language we have (the page says so, and shows English). */
  unknown?: string;
}

/** `?lang=` value (null when absent), then the browser's languages (navigator.languages), then English. An unknown `?lang=` gives English. */
export function negotiate(param: string | null, browser: readonly string[] = []): Negotiated {
  if (param !== null) {
    const m = matchLocale(param, true);
    // A language asked for and not available: English, and the page says so (like any value it cannot read).
    return m ? { locale: m, from: 'url' } : { locale: DEFAULT_LOCALE, from: 'default', unknown: param };
  }
  for (const tag of browser) {
    const m = matchLocale(tag);
    if (m) return { locale: m, from: 'browser' };
  }
  return { locale: DEFAULT_LOCALE, from: 'default' };
}
