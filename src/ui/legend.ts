/** The legend: every style on the map, in words. Swatches are small SVGs drawn with the map's palette. */
import { DASH, type Palette } from '../theme/palette';
import { h } from './dom';

const NS = 'http://www.w3.org/2000/svg';
function svg(w: number, hgt: number, ...children: SVGElement[]): SVGSVGElement {
  const s = document.createElementNS(NS, 'svg');
  s.setAttribute('width', String(w));
  s.setAttribute('height', String(hgt));
  s.setAttribute('viewBox', `0 0 ${w} ${hgt}`);
  s.setAttribute('aria-hidden', 'true');
  s.append(...children);
  return s;
}
function el(tag: string, attrs: Record<string, string | number>): SVGElement {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}
const line = (colour: string, width: number, dash: readonly number[] | null, opacity = 1) =>
  svg(34, 12, el('line', { x1: 2, y1: 6, x2: 32, y2: 6, stroke: colour, 'stroke-width': width, 'stroke-opacity': opacity, 'stroke-linecap': dash && dash[1] ? 'round' : 'butt', ...(dash && dash[1] ? { 'stroke-dasharray': dash.map((d) => Math.max(d * width, 0.1)).join(' ') } : {}) }));

export interface LegendItem {
  key: string;
  swatch: () => SVGSVGElement;
  label: string;
}

export function legendItems(c: Palette): LegendItem[] {
  return [
    { key: 'planned', swatch: () => line(c.planned, 2.5, DASH.planned), label: 'Planned route (approximate: no flight plan is public)' },
    { key: 'approximate', swatch: () => line(c.track, 3.5, null), label: 'Flown, approximate: ADS-B positions not published' },
    { key: 'reconstructed', swatch: () => line(c.track, 3.5, DASH.reconstructed), label: 'Reconstructed from descriptions: no position data' },
    { key: 'ahead', swatch: () => line(c.trackGhost, 2, DASH.reconstructed, 0.35), label: 'Not yet flown at this moment' },
    { key: 'aircraft', swatch: () => svg(34, 16, el('circle', { cx: 17, cy: 8, r: 7, fill: c.halo, 'fill-opacity': 0.12, stroke: c.halo, 'stroke-opacity': 0.6 }), el('path', { d: 'M17 2l2 5h5l-5 2.5 0.5 4.5-2.5-1.5-2.5 1.5 0.5-4.5-5-2.5h5z', fill: c.aircraft })), label: 'Aircraft, estimated; the ring shows the uncertainty' },
    { key: 'area', swatch: () => svg(34, 16, el('circle', { cx: 17, cy: 8, r: 7, fill: c.area, 'fill-opacity': 0.28, stroke: c.area, 'stroke-width': 1.5 })), label: 'Reported strike area (drawn by us from the claims)' },
    { key: 'outer', swatch: () => svg(34, 16, el('circle', { cx: 17, cy: 8, r: 7, fill: 'none', stroke: c.areaOuter, 'stroke-width': 1.2, 'stroke-dasharray': '2 2' })), label: 'Official: “near Grozny” (20 km ring, ours)' },
    { key: 'claim', swatch: () => svg(34, 16, el('circle', { cx: 17, cy: 8, r: 5, fill: c.claim, stroke: c.labelHalo, 'stroke-width': 1.5 })), label: 'Claimed strike point (unverified)' },
    { key: 'airport', swatch: () => svg(34, 16, el('circle', { cx: 17, cy: 8, r: 4.5, fill: c.labelHalo, stroke: c.airport, 'stroke-width': 2 })), label: 'Airport' },
    { key: 'crash', swatch: () => svg(34, 16, el('path', { d: 'M12 3l10 10M22 3L12 13', stroke: c.labelHalo, 'stroke-width': 5, 'stroke-linecap': 'round' }), el('path', { d: 'M12 3l10 10M22 3L12 13', stroke: c.crash, 'stroke-width': 2.5, 'stroke-linecap': 'round' })), label: 'Crash site, 06:28 UTC' },
  ];
}

export function createLegend(c: Palette, open: boolean): HTMLElement {
  return h(
    'details',
    { class: 'legend', open },
    h('summary', {}, 'Legend'),
    h('ul', { class: 'legend-list' }, legendItems(c).map((i) => h('li', { 'data-key': i.key }, i.swatch(), h('span', {}, i.label)))),
    h('p', { class: 'legend-note' }, 'No recorded track is public: no position fixes were published between 04:25 and 06:28 UTC. Click anything on the map for its sources.'),
  );
}
