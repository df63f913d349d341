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

/**
 * The route picture's two designs (public/, `npm run images`): `wide`, 16:9 for boxes wider than NARROW_MAX_WIDTH
 * (and oEmbed's thumbnail); `narrow`, 9:16 (the export's layout at 405 × 720, the smallest design width of 540
 * design px, at scale 2) for phone-width boxes, where the wide one's legend and credits would be 2–4 px tall.
 */
export type RouteShape = 'wide' | 'narrow';
/** Each design's file size in pixels (the width and height attributes that keep the page from jumping as it loads). */
export const ROUTE_PICTURE: Readonly<Record<RouteShape, { width: number; height: number }>> = {
  wide: { width: 1920, height: 1080 },
  narrow: { width: 810, height: 1440 },
};
/** A page, or embed, this wide (CSS px) or narrower shows the narrow picture: the `<source media>` of index.html and the no-script pages. */
export const NARROW_MAX_WIDTH = 600;
export const NARROW_MEDIA = `(max-width: ${NARROW_MAX_WIDTH}px)`;

/**
 * The route picture (public/, `npm run images`) in a language and design: route.png (English, and the pseudo-locale),
 * route-ru.png …; route-narrow.png, route-narrow-ru.png …
 */
export const routeFile = (l: string, shape: RouteShape = 'wide'): string => `route${shape === 'narrow' ? '-narrow' : ''}${translated(l) ? `-${l}` : ''}.png`;
