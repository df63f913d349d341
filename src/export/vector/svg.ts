/**
 * A vector picture (model.ts) as an SVG file: one <g> layer per group (Inkscape and Illustrator show them
 * as layers), text as <text> in Noto Sans with the font files embedded (so it opens right anywhere),
 * geometry already clipped and rounded. The same input gives the same bytes: no clock, no random id.
 *
 * SVG 1.1 only, for the print desks' importers (Illustrator, Inkscape, Affinity): no SVG 2 or CSS-only
 * property (paint-order, dominant-baseline, vector-effect, blend modes, rgba() colours…). Paint, font and size
 * are presentation attributes on each element; the one <style> holds only the @font-face rules; white space is
 * kept by xml:space. A halo is its own stroked copy of the text under the filled one (textNode).
 * Pure: a string out.
 */
import { fontList, unicodeRangeOf, type WriterFonts } from './fonts';
import { num, type Paint, type VDoc, type VNode, type VText } from './model';

/**
 * The font files to embed (WOFF2 bytes): subset files, each an @font-face of the one family with its unicode-range
 * (the viewer takes each glyph from the file that has it), or, Latin only, one file per weight. Without them the
 * file names Noto Sans and lets the viewer find it.
 */
export type SvgFonts = WriterFonts;

export const SVG_FONT_FAMILY = 'Noto Sans';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function base64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function paint(p: Paint): string {
  const a: string[] = [];
  a.push(`fill="${p.fill ?? 'none'}"`);
  if (p.fill && p.fillOpacity !== undefined && p.fillOpacity !== 1) a.push(`fill-opacity="${num(p.fillOpacity, 3)}"`);
  if (p.stroke && p.strokeWidth !== 0) {
    a.push(`stroke="${p.stroke}"`, `stroke-width="${num(p.strokeWidth ?? 1, 2)}"`);
    if (p.strokeOpacity !== undefined && p.strokeOpacity !== 1) a.push(`stroke-opacity="${num(p.strokeOpacity, 3)}"`);
    if (p.dash?.length) a.push(`stroke-dasharray="${p.dash.map((d) => num(d, 2)).join(' ')}"`);
    if (p.cap && p.cap !== 'butt') a.push(`stroke-linecap="${p.cap}"`);
    if (p.join && p.join !== 'miter') a.push(`stroke-linejoin="${p.join}"`);
  }
  return a.join(' ');
}

/** The font of every text, as an attribute (an importer may skip a CSS rule; the text would fall back to its default font). */
const FONT_FAMILY = `font-family="'${SVG_FONT_FAMILY}', sans-serif"`;

/**
 * A text at its baseline (y is the baseline: no dominant-baseline, which Illustrator ignores). A haloed one is
 * two copies in one <g>, so it moves as one object: the halo, a round-joined stroke of twice its width with no
 * fill, then the text filled over it (MapLibre's text-halo). SVG 2's paint-order did this in one element, but an
 * SVG 1.1 importer ignores it and strokes over the letters. The halo copy is aria-hidden: the name is read once,
 * and the filled copy is the one a search or a screen reader finds.
 */
function textNode(n: VText, pad: string): string {
  const a = [`x="${num(n.x)}"`, `y="${num(n.y)}"`, FONT_FAMILY, `font-size="${num(n.size, 2)}"`];
  if (n.weight !== 400) a.push(`font-weight="${n.weight}"`);
  if (n.letterSpacing) a.push(`letter-spacing="${num(n.letterSpacing, 2)}"`);
  const text = esc(n.text);
  const filled = `<text ${a.join(' ')} fill="${n.fill}">${text}</text>`;
  if (!n.halo) return pad + filled;
  const stroke = `fill="none" stroke="${n.halo.colour}" stroke-width="${num(n.halo.width * 2, 2)}" stroke-linejoin="round"`;
  return `${pad}<g>\n${pad} <text aria-hidden="true" ${a.join(' ')} ${stroke}>${text}</text>\n${pad} ${filled}\n${pad}</g>`;
}

function node(n: VNode, clips: string[], pad: string): string {
  switch (n.kind) {
    case 'path':
      return `${pad}<path d="${n.d}" ${paint(n)}${n.actualText ? ` role="img" aria-label="${esc(n.actualText)}"` : ''}/>`;
    case 'circle':
      return `${pad}<circle cx="${num(n.cx)}" cy="${num(n.cy)}" r="${num(n.r, 2)}" ${paint(n)}/>`;
    case 'rect':
      return `${pad}<rect x="${num(n.x)}" y="${num(n.y)}" width="${num(n.w)}" height="${num(n.h)}"${n.r ? ` rx="${num(n.r)}"` : ''} ${paint(n)}/>`;
    case 'text':
      return textNode(n, pad);
    case 'group': {
      const a = [`id="${n.id}"`, `inkscape:label="${esc(n.label)}"`, 'inkscape:groupmode="layer"'];
      if (n.clip) {
        const id = `clip-${n.id}`;
        clips.push(`<clipPath id="${id}"><rect x="${num(n.clip.x)}" y="${num(n.clip.y)}" width="${num(n.clip.w)}" height="${num(n.clip.h)}"/></clipPath>`);
        a.push(`clip-path="url(#${id})"`);
      }
      if (n.transform) {
        const t = n.transform;
        a.push(`transform="translate(${num(t.x, 2)} ${num(t.y, 2)}) scale(${num(t.sx, 4)} ${num(t.sy, 4)})"`);
      }
      if (!n.children.length) return `${pad}<g ${a.join(' ')}/>`;
      return `${pad}<g ${a.join(' ')}>\n${n.children.map((c) => node(c, clips, pad + ' ')).join('\n')}\n${pad}</g>`;
    }
  }
}

export function writeSvg(doc: VDoc, fonts: SvgFonts = {}): string {
  const clips: string[] = [];
  const body = doc.layers.map((g) => node(g, clips, '')).join('\n');
  const list = fontList(fonts);
  const ranged = Array.isArray(fonts);
  const faces = list
    .sort((a, b) => (a.subset === b.subset ? a.weight - b.weight : 0))
    .map(
      (f) =>
        `@font-face{font-family:'${SVG_FONT_FAMILY}';font-style:normal;font-weight:${f.weight};src:url(data:font/woff2;base64,${base64(f.bytes)}) format('woff2')${ranged ? `;unicode-range:${unicodeRangeOf(f.subset)}` : ''}}`,
    );
  // Only the fonts are CSS (SVG 1.1 takes @font-face from a text/css <style>); an importer that skips them uses an installed Noto Sans.
  const style = faces.length ? `<style type="text/css">\n${faces.join('\n')}\n</style>\n` : '';
  const size = doc.mm ? `width="${num(doc.mm.width, 2)}mm" height="${num(doc.mm.height, 2)}mm"` : `width="${doc.width}" height="${doc.height}"`;
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" version="1.1" ${size} viewBox="0 0 ${doc.width} ${doc.height}" xml:lang="${esc(doc.meta.lang ?? 'en')}" xml:space="preserve">\n` +
    `<title>${esc(doc.meta.title)}</title>\n<desc>${esc(doc.meta.subject)}</desc>\n` +
    `<defs>\n${style}${clips.join('\n')}\n</defs>\n` +
    `<rect id="background" width="${doc.width}" height="${doc.height}" fill="${doc.background}"/>\n` +
    body +
    '\n</svg>\n'
  );
}
