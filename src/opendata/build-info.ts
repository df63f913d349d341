/**
 * What the build knows about the data set (title, publisher, version, the date the data is as of, the
 * public URL when one was set), put into the page by scripts/lib/downloads-plugin.ts as `__OPENDATA__`.
 * Undefined outside a Vite build (unit tests), where callers fall back or leave the date out.
 */
import { isLocale } from '../i18n/locales';

export interface BuildInfo {
  title: string;
  publisher: string;
  version: string;
  /** YYYY-MM-DD: the newest entry of geo/changelog.json. */
  updated: string;
  /** FLIGHTMAP_PUBLIC_URL when the build was given one (ends with `/`); else the page's own address is used. */
  url?: string;
}

declare const __OPENDATA__: BuildInfo | undefined;

export const BUILD_INFO: BuildInfo | undefined = typeof __OPENDATA__ === 'object' && __OPENDATA__ !== null ? __OPENDATA__ : undefined;

/** The date the data is as of (YYYY-MM-DD), or undefined outside a build. */
export const DATA_AS_OF: string | undefined = BUILD_INFO?.updated;

/** A language with its own files: every locale of LOCALES but English (the pseudo-locale uses English's). */
const translated = (l: string): boolean => l !== 'en' && isLocale(l);

/** The corrections log page in a language: changelog.html (English, and the pseudo-locale), changelog-ru.html … */
export const changelogFile = (l: string): string => (translated(l) ? `changelog-${l}.html` : 'changelog.html');

/**
 * A download in a language (the story's words translated, its ids, codes, times, places and sources the same):
 * events-ru.csv, j2-8243-az.geojson, j2-8243-kk.kml …; English (and the pseudo-locale) keeps the plain names,
 * whose files never change with a translation. sources.csv has one version: the outlets' own words.
 */
export const downloadFile = (file: string, l: string): string =>
  translated(l) && TRANSLATED_DOWNLOADS.includes(file) ? file.replace(/(\.[a-z]+)$/, `-${l}$1`) : file;
export const TRANSLATED_DOWNLOADS: readonly string[] = ['events.csv', 'j2-8243.geojson', 'j2-8243.kml'];

/** The route picture (public/, `npm run images`) in a language: route.png (English, and the pseudo-locale), route-ru.png … */
export const routeFile = (l: string): string => (translated(l) ? `route-${l}.png` : 'route.png');
