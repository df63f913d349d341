import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { esc, eventListHtml, MARKER, noscriptFallback } from './fallback-plugin.ts';
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
