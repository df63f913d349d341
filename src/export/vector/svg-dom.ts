/**
 * Vector groups (model.ts) as an inline SVG element, for the page itself (the embed's poster): the same
 * drawing as svg.ts writes to a file, made with DOM calls (every word set as text, never parsed), in the
 * page's own Noto Sans. Browser only.
 */
import { num, type Paint, type VGroup, type VNode } from './model';

const NS = 'http://www.w3.org/2000/svg';

function el(name: string, attrs: Record<string, string>): SVGElement {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

function paint(p: Paint): Record<string, string> {
  const a: Record<string, string> = { fill: p.fill ?? 'none' };
  if (p.fill && p.fillOpacity !== undefined && p.fillOpacity !== 1) a['fill-opacity'] = num(p.fillOpacity, 3);
  if (p.stroke && p.strokeWidth !== 0) {
    a.stroke = p.stroke;
    a['stroke-width'] = num(p.strokeWidth ?? 1, 2);
    if (p.strokeOpacity !== undefined && p.strokeOpacity !== 1) a['stroke-opacity'] = num(p.strokeOpacity, 3);
    if (p.dash?.length) a['stroke-dasharray'] = p.dash.map((d) => num(d, 2)).join(' ');
    if (p.cap && p.cap !== 'butt') a['stroke-linecap'] = p.cap;
    if (p.join && p.join !== 'miter') a['stroke-linejoin'] = p.join;
  }
  return a;
}

function node(n: VNode): SVGElement {
  switch (n.kind) {
    case 'path':
      return el('path', { d: n.d, ...paint(n) });
    case 'circle':
      return el('circle', { cx: num(n.cx), cy: num(n.cy), r: num(n.r, 2), ...paint(n) });
    case 'rect':
      return el('rect', { x: num(n.x), y: num(n.y), width: num(n.w), height: num(n.h), ...(n.r ? { rx: num(n.r) } : {}), ...paint(n) });
    case 'text': {
      const t = el('text', {
        x: num(n.x),
        y: num(n.y),
        'font-size': num(n.size, 2),
        'font-weight': String(n.weight),
        fill: n.fill,
        ...(n.letterSpacing ? { 'letter-spacing': num(n.letterSpacing, 2) } : {}),
        ...(n.halo ? { stroke: n.halo.colour, 'stroke-width': num(n.halo.width * 2, 2), 'stroke-linejoin': 'round', 'paint-order': 'stroke' } : {}),
      });
      t.textContent = n.text; // text, never HTML
      return t;
    }
    case 'group': {
      const g = el('g', { 'data-layer': n.id });
      g.append(...n.children.map(node));
      return g;
    }
  }
}

/** An SVG of `width` × `height` pixels that scales to its box; the groups' clips are the map's edge (the SVG's own). */
export function svgElement(width: number, height: number, groups: readonly VGroup[]): SVGSVGElement {
  const svg = el('svg', {
    viewBox: `0 0 ${width} ${height}`,
    width: '100%',
    height: '100%',
    preserveAspectRatio: 'xMidYMid slice',
    'aria-hidden': 'true',
    focusable: 'false',
  }) as SVGSVGElement;
  svg.style.display = 'block';
  svg.style.fontFamily = "'Noto Sans', sans-serif";
  svg.append(...groups.map(node));
  return svg;
}
