import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { noscriptFallback } from '../../../scripts/lib/fallback-plugin.ts';
import { classify, splitPage } from './size.ts';

const root = resolve(import.meta.dirname, '../../..');

describe('size report: what counts as code and what as data', () => {
  it('sorts the build files', () => {
    expect(classify('assets/maplibre-BLnJnlge.js')).toBe('maplibre');
    expect(classify('assets/maplibre-gl-worker-DTh23QKw.js')).toBe('maplibre');
    expect(classify('assets/pdfkit-CFiqVhfX.js')).toBe('pdfkit');
    expect(classify('assets/index-h_DhkSPG.js')).toBe('app');
    expect(classify('index.html')).toBe('app');
    expect(classify('events-ru.html')).toBe('data');
    expect(classify('changelog-kk.html')).toBe('data');
    expect(classify('data/story.json')).toBe('data');
    expect(classify('fonts/noto-sans-latin-400-normal.woff2')).toBe('data');
    expect(classify('route.png')).toBe('other');
  });

  it("counts the page's no-script event list as data and the rest of the page as code", () => {
    const page = readFileSync(resolve(root, 'index.html'), 'utf8');
    const built = (noscriptFallback(root).transformIndexHtml as (html: string) => string)(page);
    const parts = splitPage('index.html', built);
    expect(parts.map((p) => [p.path, p.kind])).toEqual([
      ['index.html', 'app'],
      ['index.html (no-script event list)', 'data'],
    ]);
    const [code, list] = parts as [(typeof parts)[number], (typeof parts)[number]];
    expect(code.text.length + list.text.length).toBe(built.length);
    // every event is in the data part, none in the code part; the map's own no-script picture stays in the page
    expect(list.text.match(/<li><p class="el-when">/g)?.length).toBeGreaterThan(40);
    expect(code.text).not.toContain('class="el-when"');
    expect(code.text).toContain('class="noscript-map"');
    expect(code.text).toContain('id="title-block"');
    expect(code.text).toContain('id="credit"');
    expect(list.text.startsWith('<noscript>') && list.text.endsWith('</noscript>')).toBe(true);
  });

  it('leaves a page without the list whole', () => {
    const html = '<html><noscript><img class="noscript-map" src="route.png"></noscript><main></main></html>';
    expect(splitPage('embed.html', html)).toEqual([{ path: 'embed.html', kind: 'app', text: html }]);
  });
});
