/**
 * "Cite this map": one line naming the publisher, the title, the version, the date the data is as of,
 * and the permanent URL of the moment shown. Pure: no DOM.
 */
import { withLang, withMoment } from '../state/url';
import type { AnyLocale } from '../i18n/locales';
import { day } from '../time/format';
import { msg } from '../i18n';

export interface CitationParts {
  title: string;
  publisher: string;
  version: string;
  /** YYYY-MM-DD: the newest entry of the corrections log. */
  updated: string;
  /** The permanent URL of the moment shown. */
  url: string;
}

/**
 * The map's address for a moment: the public base URL with `?event=<id>` (at an event) or `?t=<ISO UTC>`, and the
 * language cited in (`&lang=ru`) when it is not English: a citation copied from the Russian page opens in Russian.
 */
export function momentUrl(base: string, moment: { t: number; event?: string | undefined }, lang?: AnyLocale): string {
  const u = new URL(base);
  u.search = '';
  u.hash = '';
  const q = withMoment('', moment);
  return u.href + (lang && lang !== 'en' ? withLang(q, lang) : q);
}

/**
 * The data set's title in a language: English's is the story's own (geo/content.json); another language's is its
 * catalogue's `embed.flightTitle` (as its oEmbed, GeoJSON and KML say it). `msg` must be in that language.
 */
export function datasetTitle(english: string, l: AnyLocale): string {
  return l === 'en' ? english : msg('embed.flightTitle');
}

/** In the page's language (cite.line): `J2-8243 flight map. “How … lost, 25 December 2024.” Interactive map, version 0.1.0, data as of 21 Nov 2026. https://…/?event=crash` */
export function citationText(c: CitationParts): string {
  const title = /[.!?]$/.test(c.title) ? c.title : `${c.title}.`;
  return msg('cite.line', { publisher: c.publisher, title, version: c.version, date: day(Date.parse(`${c.updated}T00:00:00Z`)), url: c.url });
}
