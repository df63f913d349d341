import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { DOMParser } from '@xmldom/xmldom';
import type { FeatureCollection } from 'geojson';
import { group, num, type VDoc } from './model';
import { writeSvg } from './svg';
import { pageSize, writePdf } from './pdf';
import { mapGroups } from './map';
import { layers, track } from '../core/story.fixture';
import { fitBounds } from '../core/camera';
import { exportFrame } from '../core/frame';
import { DARK_THEME, LIGHT_THEME } from '../core/theme';
import { mapMomentAt, sceneOf } from '../../scene/scene';

const woff = (w: number) => new Uint8Array(readFileSync(`node_modules/@fontsource/noto-sans/files/noto-sans-latin-${w}-normal.woff`));
const FONTS = { 400: woff(400), 600: woff(600), 700: woff(700) };

const doc = (mm?: { width: number; height: number }): VDoc => ({
  width: 800,
  height: 600,
  ...(mm ? { mm } : {}),
  background: '#ffffff',
  meta: { title: 'A title <with> “quotes” & more', subject: 'The moment', date: new Date(Date.UTC(2025, 11, 25)) },
  layers: [
    group('map', 'Map', [
      group('basemap', 'Basemap', [{ kind: 'path', d: 'M0 0L100 0L100 100Z', fill: '#f5f2eb' }], { clip: { x: 0, y: 50, w: 800, h: 500 } }),
      group('route', 'Planned route', [
        { kind: 'path', d: 'M10 10L300 200', stroke: '#0072B2', strokeWidth: 2.5, dash: [5, 5], strokeOpacity: 0.5, cap: 'round' },
      ]),
    ]),
    group('names', 'Names', [
      { kind: 'text', x: 10, y: 40, text: 'Grozny GRV', size: 13, weight: 600, fill: '#1d1d1b', halo: { colour: '#ffffff', width: 1.6 } },
      { kind: 'text', x: 10, y: 80, text: 'Aktau – é ü <&>', size: 30, weight: 700, fill: '#000000', letterSpacing: 2 },
      { kind: 'path', d: 'M0 0L10 0', stroke: '#000', strokeWidth: 1, actualText: '→' },
      { kind: 'circle', cx: 50, cy: 50, r: 5, fill: '#7a2e63', stroke: '#fff', strokeWidth: 1.5 },
      { kind: 'rect', x: 5, y: 5, w: 50, h: 20, r: 6, fill: '#fff', fillOpacity: 0.93 },
    ]),
  ],
});

/** The PDF's streams, inflated, as text (to look for operators). */
function streams(pdf: Uint8Array): string {
  const s = Buffer.from(pdf).toString('latin1');
  const out: string[] = [];
  for (const m of s.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    const end = s.indexOf('endstream', start);
    try {
      out.push(inflateSync(Buffer.from(s.slice(start, end), 'latin1')).toString('latin1'));
    } catch {
      /* not deflated */
    }
  }
  return out.join('\n');
}

describe('numbers in the files', () => {
  it('rounds to a tenth and never writes -0', () => {
    expect(num(1.2345)).toBe('1.2');
    expect(num(-0.04)).toBe('0');
    expect(num(2.5, 0)).toBe('3');
    expect(num(0.123456, 3)).toBe('0.123');
  });
});

describe('SVG writer', () => {
  const svg = writeSvg(doc(), { 400: new Uint8Array([1, 2, 3]) });
  it('writes layers in order, clip paths, text as text with the font embedded, and escapes text', () => {
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg ')).toBe(true);
    expect(svg).toContain('width="800" height="600" viewBox="0 0 800 600"');
    const ids = [...svg.matchAll(/<g id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(['map', 'basemap', 'route', 'names']);
    expect(svg).toContain('inkscape:label="Planned route" inkscape:groupmode="layer"');
    expect(svg).toContain('<clipPath id="clip-basemap"><rect x="0" y="50" width="800" height="500"/></clipPath>');
    expect(svg).toContain('clip-path="url(#clip-basemap)"');
    expect(svg).toContain('<title>A title &lt;with&gt; “quotes” &amp; more</title>');
    expect(svg).toContain('>Aktau – é ü &lt;&amp;&gt;</text>');
    expect(svg).toContain('font-weight="700" letter-spacing="2"');
    // A haloed name: its halo copy (stroked, hidden from screen readers), then its filled copy, in one group.
    expect(svg).toContain(
      ' <g>\n' +
        `  <text aria-hidden="true" x="10" y="40" font-family="'Noto Sans', sans-serif" font-size="13" font-weight="600" fill="none" stroke="#ffffff" stroke-width="3.2" stroke-linejoin="round">Grozny GRV</text>\n` +
        `  <text x="10" y="40" font-family="'Noto Sans', sans-serif" font-size="13" font-weight="600" fill="#1d1d1b">Grozny GRV</text>\n` +
        ' </g>\n',
    );
    expect(svg).toContain(`src:url(data:font/woff2;base64,${btoa('\x01\x02\x03')}) format('woff2')`);
    expect(svg).toContain('stroke-dasharray="5 5"');
    expect(svg).toContain('aria-label="→"');
    expect(svg).not.toMatch(/<image|data:image/);
  });
  it('gives print sizes in millimetres', () => {
    expect(writeSvg(doc({ width: 297, height: 210 }))).toContain('width="297mm" height="210mm" viewBox="0 0 800 600"');
  });
  it('is the same for the same input', () => {
    expect(writeSvg(doc(), { 400: new Uint8Array([1, 2, 3]) })).toBe(svg);
  });
});

/** The file as XML (xmldom: a parse error fails the test). */
function parseSvg(svg: string): Document {
  const errors: string[] = [];
  const d = new DOMParser({ onError: (level, msg) => errors.push(`${level}: ${msg}`) }).parseFromString(svg, 'image/svg+xml');
  expect(errors).toEqual([]);
  return d as unknown as Document;
}

/**
 * What an SVG 1.1 importer (Illustrator's; Inkscape and Affinity are surest with SVG 1.1 too) drops or misreads:
 * SVG 2 and CSS-only features, each named with the SVG 1.1 way the writer uses instead. Empty for a file they all
 * read as a browser draws it.
 */
function svg2Features(svg: string): string[] {
  const s = svg.replace(/base64,[A-Za-z0-9+/=]*/g, 'base64,');
  const style = [...s.matchAll(/<style\b[^>]*>([^<]*)<\/style>/g)].map((m) => m[1]!).join('');
  const found = [
    ['paint-order (a halo is a stroked copy under the filled one)', /paint-order/],
    ['dominant-baseline or alignment-baseline (y is the baseline)', /dominant-baseline|alignment-baseline/],
    ['vector-effect', /vector-effect/],
    ['mix-blend-mode or isolation', /mix-blend-mode|isolation/],
    ['transform-origin or transform-box (the transform says it all)', /transform-origin|transform-box/],
    ['a CSS custom property', /var\(--|[{;\s]--[\w-]+\s*:/],
    ['an rgba(), rgb() or hsl() colour (fill-opacity, stroke-opacity)', /\b(?:rgba?|hsla?)\(/],
    ['a 4- or 8-digit hex colour (fill-opacity, stroke-opacity)', /"#(?:[0-9a-f]{4}|[0-9a-f]{8})"/i],
    ['the font shorthand (font-family, font-size, font-weight)', /\sfont="|["{;]\s*font\s*:/],
    ['white-space (xml:space)', /white-space/],
    ['a style attribute (presentation attributes)', /\sstyle="/],
    ['href without xlink: (xlink:href)', /\shref=/],
  ] as const;
  const out: string[] = found.filter(([, re]) => re.test(s)).map(([what]) => what);
  if (/xlink:href/.test(s) && !s.includes('xmlns:xlink="http://www.w3.org/1999/xlink"')) out.push('xlink:href without the xlink namespace');
  if (style.replace(/@font-face\{[^}]*\}/g, '').trim()) out.push('a CSS rule other than @font-face (presentation attributes)');
  if (/<style\b/.test(s) && !/<style type="text\/css">/.test(s)) out.push('<style> without type="text/css"');
  return out;
}

/**
 * Every haloed name in an SVG as SVG 1.1 draws it: a <g> of two copies of the same text at the same place in the
 * same font, the first the halo (aria-hidden, no fill, a round-joined stroke), the second the fill (no stroke);
 * every other text is filled and unstroked. Returns the names that a reader or a search finds (the copies not
 * hidden), one per name drawn.
 */
function namesAsSvg11(svg: string): string[] {
  const d = parseSvg(svg);
  const texts = Array.from(d.getElementsByTagName('text'));
  const attrs = (t: Element, names: string[]) => names.map((a) => t.getAttribute(a));
  const FONT = ['x', 'y', 'font-family', 'font-size', 'font-weight', 'letter-spacing'];
  for (const t of texts) {
    expect(t.getAttribute('font-family'), t.textContent!).toBe("'Noto Sans', sans-serif");
    if (t.getAttribute('aria-hidden') !== 'true') {
      expect(t.getAttribute('stroke'), t.textContent!).toBeNull();
      expect(t.getAttribute('fill'), t.textContent!).toMatch(/^#[0-9a-f]{6}$/i);
      continue;
    }
    const g = t.parentNode as Element;
    const pair = Array.from(g.childNodes).filter((n) => n.nodeType === 1) as Element[];
    expect(g.tagName).toBe('g');
    expect(g.getAttribute('inkscape:groupmode')).toBeNull(); // a group, not a layer
    expect(pair.map((e) => e.tagName)).toEqual(['text', 'text']);
    expect(pair[0]).toBe(t);
    const fill = pair[1]!;
    expect(fill.getAttribute('aria-hidden')).toBeNull();
    expect(fill.textContent).toBe(t.textContent);
    expect(attrs(fill, FONT)).toEqual(attrs(t, FONT));
    expect(attrs(t, ['fill', 'stroke-linejoin'])).toEqual(['none', 'round']);
    expect(t.getAttribute('stroke')).toMatch(/^#[0-9a-f]{6}$/i);
    expect(Number(t.getAttribute('stroke-width'))).toBeGreaterThan(0);
  }
  return texts.filter((t) => t.getAttribute('aria-hidden') !== 'true').map((t) => t.textContent!);
}

describe('SVG 1.1, as Illustrator, Inkscape and Affinity import it', () => {
  const fonts = { 400: new Uint8Array([1, 2, 3]) };

  it('has no SVG 2 or CSS-only feature: the fonts alone are CSS, text keeps its spaces by xml:space', () => {
    const svg = writeSvg(doc(), fonts);
    expect(svg2Features(svg)).toEqual([]);
    const root = parseSvg(svg).documentElement;
    expect(root.getAttribute('version')).toBe('1.1');
    expect(root.getAttribute('xml:space')).toBe('preserve');
    expect(svg).toContain('<style type="text/css">\n@font-face{font-family:\'Noto Sans\';');
    // Without font files, no <style> at all.
    expect(writeSvg(doc())).not.toContain('<style');
  });

  it('the audit names each such feature (the writer wrote the first four before)', () => {
    const halo =
      '<text x="10" y="40" font-size="13" fill="#1d1d1b" stroke="#ffffff" stroke-width="3.2" stroke-linejoin="round" paint-order="stroke">Grozny GRV</text>';
    expect(svg2Features(`<svg><defs><style>\ntext{font-family:'Noto Sans',sans-serif;white-space:pre}\n</style></defs>${halo}</svg>`)).toEqual([
      'paint-order (a halo is a stroked copy under the filled one)',
      'white-space (xml:space)',
      'a CSS rule other than @font-face (presentation attributes)',
      '<style> without type="text/css"',
    ]);
    expect(svg2Features('<svg><text dominant-baseline="middle" fill="rgba(0,0,0,0.5)" stroke="#ffffff80">x</text><image href="a.png"/></svg>')).toEqual([
      'dominant-baseline or alignment-baseline (y is the baseline)',
      'an rgba(), rgb() or hsl() colour (fill-opacity, stroke-opacity)',
      'a 4- or 8-digit hex colour (fill-opacity, stroke-opacity)',
      'href without xlink: (xlink:href)',
    ]);
    expect(svg2Features('<svg><image xlink:href="a.png"/><text style="font:12px sans-serif">x</text></svg>')).toEqual([
      'the font shorthand (font-family, font-size, font-weight)',
      'a style attribute (presentation attributes)',
      'xlink:href without the xlink namespace',
    ]);
    expect(svg2Features('<svg xmlns:xlink="http://www.w3.org/1999/xlink"><image xlink:href="a.png"/></svg>')).toEqual([]);
  });

  it('draws a haloed name as its halo copy then its fill copy, in one group; a reader and a search find each name once', () => {
    const svg = writeSvg(doc(), fonts);
    expect(namesAsSvg11(svg)).toEqual(['Grozny GRV', 'Aktau – é ü <&>']);
    expect(svg.match(/aria-hidden="true"/g)).toHaveLength(1);
    // The name without a halo stays one filled text, not grouped.
    expect(svg).toContain(`\n <text x="10" y="80" font-family="'Noto Sans', sans-serif" font-size="30" font-weight="700" letter-spacing="2" fill="#000000">`);
  });

  const basemap = JSON.parse(readFileSync('public/basemap/basemap.json', 'utf8')) as FeatureCollection;
  const measure = (text: string, _w: number, size: number) => text.length * size * 0.55;
  const rect = { x: 0, y: 100, w: 1920, h: 860 };
  for (const theme of [LIGHT_THEME, DARK_THEME])
    it(`a whole map (${theme === LIGHT_THEME ? 'light' : 'dark'}, every kind of name, the symbology's colours) is SVG 1.1, each name once`, () => {
      const moment = mapMomentAt(track, 'flight', Date.parse('2024-12-25T05:13:31Z'));
      const camera = fitBounds(exportFrame(layers, moment), rect.w, rect.h, { top: 44, right: 124, bottom: 44, left: 64 });
      const scene = sceneOf({ layers, track }, moment);
      const map = mapGroups({ basemap, scene, palette: theme.palette, camera, ratio: 1, rect, keepInside: { x: 56, y: 14 }, measure });
      const svg = writeSvg({ ...doc(), width: 1920, height: 1080, background: theme.background, layers: map }, fonts);
      expect(svg2Features(svg)).toEqual([]);
      const names = namesAsSvg11(svg);
      expect(names).toEqual(expect.arrayContaining(['Grozny GRV', 'Makhachkala MCX', 'Caspian Sea']));
      expect(names.length).toBeGreaterThan(8);
      // Every map name has a halo: one hidden copy for each name a reader finds.
      expect(svg.match(/aria-hidden="true"/g)).toHaveLength(names.length);
      // The colours the writer is given are #rrggbb (an opacity is its own attribute), theme and palette alike.
      for (const colour of [...Object.values(theme.palette), theme.background, theme.text, theme.muted, theme.rule, theme.accent, theme.panel])
        expect(colour).toMatch(/^#[0-9a-f]{6}$/i);
    });
});

describe('PDF writer', () => {
  it('makes one page of the picture, in millimetres for print sizes', () => {
    expect(pageSize({ width: 1920, height: 1080 })).toEqual([1440, 810]);
    const [w, h] = pageSize({ width: 3508, height: 2480, mm: { width: 297, height: 210 } });
    expect(w).toBeCloseTo(841.89, 2);
    expect(h).toBeCloseTo(595.28, 2);
  });
  it('embeds subset fonts, names its layers, holds no image, and is the same bytes twice', async () => {
    const a = await writePdf(doc({ width: 297, height: 210 }), FONTS);
    const b = await writePdf(doc({ width: 297, height: 210 }), FONTS);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const s = Buffer.from(a).toString('latin1');
    expect(s.startsWith('%PDF-1.7')).toBe(true);
    expect(s).toMatch(/\/MediaBox \[0 0 841\.88\d* 595\.27\d*\]/);
    // Fonts: TrueType, embedded (FontFile2) and subset (a six-letter tag before the name).
    expect(s.match(/\/FontFile2/g)).toHaveLength(2);
    expect(s).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSans-SemiBold/);
    expect(s).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSans-Bold/);
    expect(s).not.toMatch(/\/Subtype \/Image|\/Helvetica/);
    // Layers: optional content groups in drawing order.
    expect(s).toContain('/OCProperties');
    expect([...s.matchAll(/\/Type \/OCG\s*\/Name \(([^)]*)\)/g)].map((m) => m[1])).toEqual(['Map', 'Names']);
    // Dates from the data, never the clock.
    expect(s.match(/\(D:\d{14}Z\)/g)).toEqual(['(D:20251225000000Z)', '(D:20251225000000Z)']);
    const ops = streams(a);
    expect(ops).toContain('/OC /L0 BDC');
    // The arrow drawn as a path says it is "→" (U+2192, UTF-16BE with its byte order mark).
    expect(ops).toMatch(/\/Span <<\s*\/ActualText \(\xfe\xff!\x92\)\s*>> BDC/);
    // The halo is stroked text (mode 1) under the filled text.
    expect(ops).toMatch(/1 Tr/);
    expect(ops).toMatch(/\[5 5\] 0 d/);
  });
});

describe('fonts for every language: no missing glyph in the SVG or the PDF', async () => {
  const { execFileSync } = await import('node:child_process');
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  // fontkit (PDFKit's font engine, untyped): whether a font file has a glyph for a code point.
  const { createRequire } = await import('node:module');
  const fontkit = createRequire(import.meta.url)('fontkit') as { create(b: Buffer): { hasGlyphForCodePoint(cp: number): boolean } };
  const { fontRuns, fontsNeeded } = await import('./fonts');
  type Sub = 'latin' | 'latin-ext' | 'cyrillic' | 'cyrillic-ext';
  const file = (s: Sub, w: number, ext = 'woff') => `node_modules/@fontsource/noto-sans/files/noto-sans-${s}-${w}-normal.${ext}`;
  const glyphs = new Map<string, { hasGlyphForCodePoint(cp: number): boolean }>();
  const fontOf = (s: Sub, w: number) => glyphs.get(`${s}${w}`) ?? glyphs.set(`${s}${w}`, fontkit.create(readFileSync(file(s, w)))).get(`${s}${w}`)!;
  /** Characters of a text that the font file its run is drawn with has no glyph for (what a reader would see as a box). */
  const missing = (text: string, w: number) =>
    fontRuns(text).flatMap((r) =>
      [...r.text]
        .filter((ch) => !fontOf(r.subset, w).hasGlyphForCodePoint(ch.codePointAt(0)!))
        .map((ch) => `${ch} (U+${ch.codePointAt(0)!.toString(16).toUpperCase()}, ${r.subset})`),
    );

  const LINES = [
    { text: 'Грозный GRV — «Ковёр», 05:13:31', weight: 600 as const },
    { text: 'Bakı → Qroznı: Qəza yeri, ğ ş ç ö ü əı İ Ə', weight: 400 as const },
    { text: 'Ақтау: апат орны, ә ғ қ ң ө ұ ү һ і Ә Ғ Қ Ң Ө Ұ Ү Һ І', weight: 700 as const },
  ];
  const langDoc = (): VDoc => ({
    width: 800,
    height: 300,
    background: '#ffffff',
    meta: { title: 'Рейс J2-8243', subject: 'Ақтау', date: new Date(Date.UTC(2025, 11, 25)), lang: 'kk' },
    layers: [
      group(
        'names',
        'Names',
        LINES.map((l, i) => ({
          kind: 'text' as const,
          x: 10,
          y: 60 + i * 60,
          text: l.text.replace('→', '-'),
          size: 24,
          weight: l.weight,
          fill: '#000',
          ...(i === 0 ? { halo: { colour: '#fff', width: 1.5 } } : {}),
        })),
      ),
    ],
  });

  it('splits a line into runs, one font file each, and asks for the files the words need', () => {
    expect(fontRuns('Грозный GRV')).toEqual([
      { subset: 'cyrillic', text: 'Грозный' },
      { subset: 'latin', text: ' GRV' },
    ]);
    expect(fontRuns('Qəzaı')).toEqual([
      { subset: 'latin', text: 'Q' },
      { subset: 'latin-ext', text: 'ə' },
      { subset: 'latin', text: 'zaı' },
    ]);
    // ı after ə: in latin-ext's range too, but only latin's file has it.
    expect(fontRuns('əı').map((r) => r.subset)).toEqual(['latin-ext', 'latin']);
    const { files, uncovered } = fontsNeeded(langDoc().layers);
    expect(uncovered).toEqual([]);
    expect(files.map((f) => `${f.subset}-${f.weight}`)).toEqual([
      'latin-400',
      'latin-600',
      'latin-700',
      'latin-ext-400',
      'cyrillic-600',
      'cyrillic-700',
      'cyrillic-ext-700',
    ]);
    expect(fontsNeeded([group('x', 'X', [{ kind: 'text', x: 0, y: 0, text: 'a 中', size: 10, weight: 400, fill: '#000' }])]).uncovered).toEqual(['中']);
  });

  it('every letter of every story word and message in every language is in the font file it is drawn with', () => {
    for (const l of ['en', 'ru', 'az', 'kk']) {
      const c = JSON.parse(readFileSync(`geo/i18n/${l}.json`, 'utf8')) as {
        messages: Record<string, string>;
        story?: Record<string, Record<string, Record<string, string>>>;
      };
      const texts = [...Object.values(c.messages), ...Object.values(c.story ?? {}).flatMap((items) => Object.values(items).flatMap((f) => Object.values(f)))];
      const bad = new Set<string>();
      for (const t of texts) for (const w of [400, 600, 700]) for (const m of missing(t.replace(/[→⌘\n]/g, ''), w)) bad.add(m);
      expect([...bad], l).toEqual([]);
    }
    for (const l of LINES) expect(missing(l.text.replace('→', ''), l.weight)).toEqual([]);
  });

  it('the PDF embeds the subsets the words need and gives the words back (pdffonts, pdftotext)', async () => {
    const { files } = fontsNeeded(langDoc().layers);
    const fonts = files.map((f) => ({ ...f, bytes: new Uint8Array(readFileSync(file(f.subset, f.weight))) }));
    const pdf = await writePdf(langDoc(), fonts);
    const dir = mkdtempSync(join(tmpdir(), 'lang-pdf-'));
    const path = join(dir, 'kk.pdf');
    writeFileSync(path, pdf);
    const listed = execFileSync('pdffonts', [path], { encoding: 'utf8' }).trim().split('\n').slice(2);
    // One embedded subset font per file drawn with (latin 400 and 700 are used by the Azerbaijani and Kazakh lines' spaces).
    expect(listed.length).toBeGreaterThanOrEqual(6);
    for (const row of listed) expect(row, row).toMatch(/^[A-Z]{6}\+NotoSans-\S+\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    for (const l of LINES) expect(text.replace(/\s+/g, ' ')).toContain(l.text.replace('→', '-'));
    expect(Buffer.from(pdf).toString('latin1')).toMatch(/\/Lang \(kk\)/);
  });

  it('the SVG names every subset file under one family with its unicode-range', () => {
    const files = fontsNeeded(langDoc().layers).files;
    const svg = writeSvg(
      langDoc(),
      files.map((f) => ({ ...f, bytes: new Uint8Array(readFileSync(file(f.subset, f.weight, 'woff2'))) })),
    );
    const faces = [...svg.matchAll(/@font-face\{[^}]*\}/g)].map((m) => m[0]);
    expect(faces).toHaveLength(files.length);
    expect(faces.filter((f) => f.includes('unicode-range:U+0460-052F'))).toHaveLength(1);
    expect(faces.filter((f) => /font-weight:600;.*unicode-range:U\+0301,U\+0400-045F/.test(f))).toHaveLength(1);
    expect(svg).toContain('xml:lang="kk"');
    expect(svg).toContain('>Ақтау: апат орны, ә ғ қ ң ө ұ ү һ і Ә Ғ Қ Ң Ө Ұ Ү Һ І</text>');
  });
});
