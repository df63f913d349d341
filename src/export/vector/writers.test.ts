import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { group, num, type VDoc } from './model';
import { writeSvg } from './svg';
import { pageSize, writePdf } from './pdf';

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
      group('route', 'Planned route', [{ kind: 'path', d: 'M10 10L300 200', stroke: '#0072B2', strokeWidth: 2.5, dash: [5, 5], strokeOpacity: 0.5, cap: 'round' }]),
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
    expect(svg).toContain('stroke="#ffffff" stroke-width="3.2" stroke-linejoin="round" paint-order="stroke">Grozny GRV</text>');
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
