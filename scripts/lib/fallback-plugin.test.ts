import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { esc, eventListHtml, fallbackPage, MARKER, noscriptFallback } from './fallback-plugin.ts';
import { validateStoryDir } from './story-files.ts';

const root = resolve(__dirname, '../..');

describe('no-script event list', () => {
  it('escapes text and attributes', () => {
    expect(esc(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
  it('lists every event of the story with its sources, as inert HTML', () => {
    const r = validateStoryDir(root);
    if (!r.ok) throw new Error(r.errors.join('\n'));
    const html = eventListHtml(r.story.events, r.story.sources);
    expect(html.match(/<li><p class="el-when">/g)?.length).toBe(r.story.events.length);
    expect(html).toContain('<h2 id="event-list-title">');
    expect(html).not.toMatch(/<script|on\w+=/i);
    expect(html).toContain('05:13:31 UTC');
  });
  it('replaces the marker in the page', () => {
    const plugin = noscriptFallback(root);
    const hook = plugin.transformIndexHtml as (html: string) => string;
    const out = hook(`<noscript>${MARKER}</noscript>`);
    expect(out).not.toContain(MARKER);
    expect(out).toContain('class="event-list"');
    expect(hook('<p>no marker</p>')).toBe('<p>no marker</p>');
  });
});

describe('no-script event list in every language', () => {
  it('the page links the list in the other languages, each named in itself', () => {
    const out = (noscriptFallback(root).transformIndexHtml as (html: string) => string)(`<noscript>${MARKER}</noscript>`);
    expect(out).toContain('<a href="events-ru.html" lang="ru">Русский</a>');
    expect(out).toContain('<a href="events-kk.html" lang="kk">Қазақша</a>');
    expect(out).toContain('<h2 id="event-list-title">Every event, with its sources</h2>');
  });
  for (const [l, lang, date] of [
    ['ru', 'ru', '26 дек. 2024 г.'],
    ['az', 'az-Latn', '26 dekabr 2024'],
    ['kk', 'kk', '2024 ж. 26 желтоқсан'],
  ] as const)
    it(`${l}: the whole list in the language, with its dates, the note and the way back`, async () => {
      const { readFileSync } = await import('node:fs');
      const cat = JSON.parse(readFileSync(resolve(root, `geo/i18n/${l}.json`), 'utf8')) as {
        messages: Record<string, string>;
        story: { events: Record<string, { title: string; text: string }> };
      };
      const page = fallbackPage(root, l)!;
      const r = validateStoryDir(root);
      if (!r.ok) throw new Error(r.errors.join('\n'));
      expect(page).toContain(`<html lang="${lang}">`);
      expect(page.match(/<li><p class="el-when">/g)?.length).toBe(r.story.events.length);
      expect(page).toContain(esc(cat.story.events['first-impact']!.text));
      expect(page).toContain(esc(cat.messages['list.title']!));
      expect(page).toContain(date);
      expect(page).toContain(`<a href="./?lang=${l}">`);
      expect(page).toContain('class="translation-note"');
      expect(page).toContain(`<img src="route-${l}.png"`); // the route picture with its words in the language (npm run images)
      // … and its 9:16 design on a phone, with its size (the page does not jump as it loads)
      expect(page).toContain(
        `<picture><source media="(max-width: 600px)" srcset="route-narrow-${l}.png" width="810" height="1440" /><img src="route-${l}.png"`,
      );
      expect(page).not.toMatch(/<script|\son\w+=/i);
      // The build's own language is English again afterwards.
      expect(eventListHtml(r.story.events, r.story.sources)).toContain('Every event, with its sources');
    });
});
