/**
 * Vite plugin: the no-script fallback, one per language, written at build time.
 * - The page's <noscript> (the `<!-- noscript-events -->` marker) gets every event (time, status, title, text,
 *   sources) in English as plain HTML, and links to the same list in the other languages.
 * - `events-<locale>.html` (ru, az, kk): a page of its own in that language (`<html lang>`, the story's words and
 *   the dates in that language, the note that the translation is unreviewed), so a reader (or a CMS preview)
 *   without JavaScript still gets the whole story in their language next to the route picture (in the language:
 *   public/route-<locale>.png, `npm run images`, when it is there; route-narrow-<locale>.png on a phone).
 */
import type { Plugin } from 'vite';
import type { Source, StoryEvent } from '../../src/story/schema.ts';
import { outletName } from '../../src/story/outlet.ts';
import { validateStoryDir } from './story-files.ts';
import { day, eventTimeLabel } from '../../src/time/format.ts';
import { STATUS_LABEL } from '../../src/i18n/words.ts';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { msg, useLocale } from '../../src/i18n/index.ts';
import { ENDONYM, HTML_LANG, LOCALES, type Locale } from '../../src/i18n/locales.ts';
import { localizeStory } from '../../src/i18n/story-text.ts';
import { shippedCatalogue } from './i18n-files.ts';
import { NARROW_MEDIA, ROUTE_PICTURE, routeFile, type RouteShape } from '../../src/opendata/build-info.ts';

export const MARKER = '<!-- noscript-events -->';

/** The no-script page of a language (English's list is the page's own <noscript>). */
export const fallbackFile = (l: Locale) => `events-${l}.html`;

export const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** The event list in the current language (useLocale): headings, statuses and dates through the catalogue. */
export function eventListHtml(events: readonly StoryEvent[], sources: readonly Source[]): string {
  const byId = new Map(sources.map((s) => [s.id, s]));
  const item = (e: StoryEvent) => {
    const t = Date.parse(e.time);
    const when = e.chapter === 'flight' ? `${eventTimeLabel(t, e.precision)} UTC` : day(t);
    const links = e.sources
      .map((id) => byId.get(id))
      .filter((s): s is Source => !!s)
      .map((s) =>
        s.url && /^https?:\/\//i.test(s.url)
          ? `<li><a href="${esc(s.url)}" rel="noreferrer external">${esc(outletName(s))}</a></li>`
          : `<li><span title="${esc(s.note ?? s.title)}">${esc(outletName(s))}</span></li>`,
      )
      .join('');
    return (
      `<li><p class="el-when"><time datetime="${esc(e.time)}">${esc(when)}</time> <span class="badge badge-${esc(e.status)}">${esc(STATUS_LABEL[e.status])}</span>${e.via ? ` <span class="status-via small muted">${esc(msg('status.via', { via: e.via }))}</span>` : ''}</p>` +
      `<p class="el-title"><strong>${esc(e.title)}</strong></p><p class="el-text">${esc(e.text)}</p>` +
      `<div class="sources"><span class="sources-label">${esc(msg('sources.label'))}:</span> <ul class="sources-list">${links}</ul></div></li>`
    );
  };
  const section = (chapter: 'flight' | 'aftermath', heading: string) => {
    const list = events.filter((e) => e.chapter === chapter).sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
    return `<section class="event-list-chapter" aria-label="${esc(heading)}"><h3>${esc(heading)}</h3><ol class="event-list">${list.map(item).join('')}</ol></section>`;
  };
  return (
    `<h2 id="event-list-title">${esc(msg('list.title'))}</h2>` +
    `<p class="muted">${esc(msg('list.note'))} ${esc(msg('list.noscript'))}</p>` +
    section('flight', msg('list.flight')) +
    section('aftermath', msg('list.aftermath'))
  );
}

/** Links to the list in every other language, each named in itself. */
export function languageLinks(current: Locale): string {
  const link = (l: Locale) => `<a href="${l === 'en' ? './' : fallbackFile(l)}" lang="${HTML_LANG[l]}">${esc(ENDONYM[l])}</a>`;
  return `<p>${LOCALES.filter((l) => l !== current)
    .map(link)
    .join(' · ')}</p>`;
}

/**
 * The route picture in a language (public/, `npm run images`; English's where the language's is missing): the 9:16
 * design for phone-width pages (NARROW_MEDIA), the 16:9 one otherwise, each with its size so the page does not jump.
 */
export function routePictureHtml(root: string, l: Locale, alt: string): string {
  const file = (shape: RouteShape) => (existsSync(resolve(root, 'public', routeFile(l, shape))) ? routeFile(l, shape) : routeFile('en', shape));
  const { wide, narrow } = ROUTE_PICTURE;
  return (
    `<picture><source media="${NARROW_MEDIA}" srcset="${file('narrow')}" width="${narrow.width}" height="${narrow.height}" />` +
    `<img src="${file('wide')}" alt="${esc(alt)}" width="${wide.width}" height="${wide.height}" /></picture>`
  );
}

/** A language's no-script page: the whole list in that language, with the map's picture and the way back. */
export function fallbackPage(root: string, l: Locale): string | undefined {
  const result = validateStoryDir(root);
  if (!result.ok) return undefined;
  const catalogue = shippedCatalogue(root, l);
  const english = shippedCatalogue(root, 'en');
  useLocale(l, catalogue, english);
  try {
    const story = localizeStory(result.story, catalogue.story);
    const note = catalogue.meta.reviewed
      ? ''
      : `<p class="translation-note"><small>${esc(msg('i18n.unreviewed'))} <a href="./" hreflang="en" lang="en">${esc(msg('i18n.readOriginal'))}</a></small></p>`;
    return (
      `<!doctype html>\n<html lang="${HTML_LANG[l]}">\n<head>\n<meta charset="utf-8" />\n<meta name="viewport" content="width=device-width, initial-scale=1" />\n` +
      `<title>${esc(msg('page.title'))}</title>\n` +
      `<style>body{font-family:'Noto Sans',system-ui,sans-serif;max-width:44rem;margin:1rem auto;padding:0 1rem;line-height:1.5;color:#1d1d1b}img{max-width:100%;height:auto}.muted,.small{color:#555}.badge{font-size:.85em;border:1px solid #999;border-radius:3px;padding:0 .3em}ol{padding-left:1.2em}.sources-list{display:inline;padding:0;list-style:none}.sources-list li{display:inline;margin-right:.5em}</style>\n` +
      `</head>\n<body>\n<main>\n<p>${esc(msg('page.kicker'))}</p>\n<h1>${esc(msg('page.h1'))}</h1>\n<p>${esc(msg('page.dek'))}</p>\n${note}\n` +
      `<p><a href="./?lang=${l}">${esc(msg('page.fullLink'))}</a></p>\n${languageLinks(l)}\n` +
      `${routePictureHtml(root, l, msg('page.mapAlt'))}\n` +
      `${eventListHtml(story.events, story.sources)}\n</main>\n</body>\n</html>\n`
    );
  } finally {
    useLocale('en', english);
  }
}

export function noscriptFallback(root: string): Plugin {
  // The page itself is written in English: the English catalogue, as the page reads it.
  useLocale('en', JSON.parse(readFileSync(resolve(root, 'geo/i18n/en.json'), 'utf8')));
  return {
    name: 'flightmap-noscript-fallback',
    transformIndexHtml(html) {
      if (!html.includes(MARKER)) return html;
      const result = validateStoryDir(root);
      if (!result.ok) return html; // the story plugin reports the errors
      return html.replace(MARKER, languageLinks('en') + eventListHtml(result.story.events, result.story.sources));
    },
    generateBundle() {
      for (const l of LOCALES) {
        if (l === 'en') continue;
        const page = fallbackPage(root, l);
        if (page) this.emitFile({ type: 'asset', fileName: fallbackFile(l), source: page });
      }
    },
  };
}
