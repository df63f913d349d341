/**
 * Vite plugin: the no-script fallback. Writes every event (time, status, title, text, sources) as plain
 * HTML into the page's <noscript> at build time, replacing the `<!-- noscript-events -->` marker, so a
 * reader (or a CMS preview) without JavaScript still gets the whole story next to the route picture.
 */
import type { Plugin } from 'vite';
import type { Source, StoryEvent } from '../../src/story/schema.ts';
import { validateStoryDir } from './story-files.ts';
import { day, eventTimeLabel } from '../../src/time/format.ts';
import { STATUS_LABEL } from '../../src/i18n/words.ts';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { useLocale } from '../../src/i18n/index.ts';

export const MARKER = '<!-- noscript-events -->';

export const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

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
          ? `<li><a href="${esc(s.url)}" rel="noopener noreferrer external">${esc(s.outlet)}</a></li>`
          : `<li><span title="${esc(s.note ?? s.title)}">${esc(s.outlet)}</span></li>`,
      )
      .join('');
    return (
      `<li><p class="el-when"><time datetime="${esc(e.time)}">${esc(when)}</time> <span class="badge badge-${esc(e.status)}">${esc(STATUS_LABEL[e.status])}</span>${e.via ? ` <span class="status-via small muted">via ${esc(e.via)}</span>` : ''}</p>` +
      `<p class="el-title"><strong>${esc(e.title)}</strong></p><p class="el-text">${esc(e.text)}</p>` +
      `<div class="sources"><span class="sources-label">Sources:</span> <ul class="sources-list">${links}</ul></div></li>`
    );
  };
  const section = (chapter: 'flight' | 'aftermath', heading: string) => {
    const list = events.filter((e) => e.chapter === chapter).sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
    return `<section class="event-list-chapter" aria-label="${esc(heading)}"><h3>${esc(heading)}</h3><ol class="event-list">${list.map(item).join('')}</ol></section>`;
  };
  return (
    `<h2 id="event-list-title">Every event, with its sources</h2>` +
    `<p class="muted">Times are UTC. Status says how far to trust each item. The interactive timeline needs JavaScript; the picture above shows the whole route.</p>` +
    section('flight', 'The flight, 25 December 2024') +
    section('aftermath', 'The year after: what was said, and when')
  );
}

export function noscriptFallback(root: string): Plugin {
  // The build (Node) writes the page in English: the English catalogue, as the page reads it.
  useLocale('en', JSON.parse(readFileSync(resolve(root, 'geo/i18n/en.json'), 'utf8')));
  return {
    name: 'flightmap-noscript-fallback',
    transformIndexHtml(html) {
      if (!html.includes(MARKER)) return html;
      const result = validateStoryDir(root);
      if (!result.ok) return html; // the story plugin reports the errors
      return html.replace(MARKER, eventListHtml(result.story.events, result.story.sources));
    },
  };
}
