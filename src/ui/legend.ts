/** The legend: every style on the map, in words. Swatches are small SVGs drawn with the map's palette. */
import type { Palette } from '../theme/palette';
import { inLegend, legendEntries, legendNote, MOMENT_ONLY_KEYS, type LegendTimes, type SwatchShape } from './legend-data';
import { h } from './dom';
import { msg } from '../i18n';

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
function shape(s: SwatchShape): SVGElement {
  const paint = (fill: string | undefined, stroke: string | undefined, width: number | undefined, dash: number[] | undefined) => ({
    fill: fill ?? 'none',
    ...(stroke ? { stroke } : {}),
    ...(width !== undefined ? { 'stroke-width': width } : {}),
    ...(dash ? { 'stroke-dasharray': dash.join(' ') } : {}),
  });
  switch (s.type) {
    case 'line':
      return el('line', {
        x1: s.x1,
        y1: s.y1,
        x2: s.x2,
        y2: s.y2,
        stroke: s.stroke,
        'stroke-width': s.width,
        'stroke-opacity': s.opacity ?? 1,
        'stroke-linecap': s.cap,
        ...(s.dash ? { 'stroke-dasharray': s.dash.join(' ') } : {}),
      });
    case 'circle':
      return el('circle', {
        cx: s.cx,
        cy: s.cy,
        r: s.r,
        ...paint(s.fill, s.stroke, s.strokeWidth, s.dash),
        ...(s.fillOpacity !== undefined ? { 'fill-opacity': s.fillOpacity } : {}),
        ...(s.strokeOpacity !== undefined ? { 'stroke-opacity': s.strokeOpacity } : {}),
      });
    case 'path':
      return el('path', {
        d: s.d,
        ...paint(s.fill, s.stroke, s.strokeWidth, undefined),
        'stroke-linejoin': 'round',
        ...(s.cap ? { 'stroke-linecap': s.cap } : {}),
      });
  }
}

export interface LegendItem {
  key: string;
  swatch: () => SVGSVGElement;
  label: string;
}

/** The legend's items with their swatches as SVG (the data is in legend-data.ts, shared with the PNG export). */
export function legendItems(c: Palette, times: LegendTimes): LegendItem[] {
  return legendEntries(c, times).map((e) => ({ key: e.key, label: e.label, swatch: () => svg(e.w, e.h, ...e.shapes.map(shape)) }));
}

export interface Legend {
  el: HTMLElement;
  /** Names only what the map draws at this moment (the aircraft, "not yet flown": not in the year after); `inLegend`'s arguments. */
  show(inFlight: boolean, m: { aircraft: unknown; flownEdges: number }, edges: number): void;
}

export function createLegend(c: Palette, open: boolean, times: LegendTimes): Legend {
  const el = h(
    'details',
    { class: 'legend', open, 'data-map-obstacle': true }, // the map keeps its names out from under it
    h('summary', {}, msg('legend.title')),
    h(
      'ul',
      { class: 'legend-list' },
      legendItems(c, times).map((i) => h('li', { 'data-key': i.key }, i.swatch(), h('span', {}, i.label))),
    ),
    h('p', { class: 'legend-note' }, legendNote(times)),
  );
  // Escape closes it, as the map's popups and the dialogs close, the focus on its heading (open over the map, it
  // hides part of it; a keyboard reader had only the heading's Enter again).
  el.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' || !el.open) return;
    el.open = false;
    el.querySelector('summary')!.focus();
    e.stopPropagation();
  });
  const momentOnly = [...el.querySelectorAll<HTMLElement>('li[data-key]')].filter((li) => MOMENT_ONLY_KEYS.includes(li.dataset.key!));
  return {
    el,
    show(inFlight, m, edges) {
      for (const li of momentOnly) {
        const hide = !inLegend(li.dataset.key!, inFlight, m, edges);
        if (li.hidden !== hide) li.hidden = hide;
      }
    },
  };
}
