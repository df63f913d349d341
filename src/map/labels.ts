/**
 * The live map's names and the crash mark, as text and a button over the canvas instead of symbol layers.
 * A map with no symbol layer loads much sooner on a software GPU: no text and icon shaders to build, no
 * font to fetch and glyphs to make for the worker, each of which cost the first load a frame of its own
 * (see the README, Performance). The text is the page's own font, sharp at any zoom and pixel ratio, and
 * the crash mark can be reached with the keyboard. Where each label goes follows MapLibre's rules
 * (label-layout.ts, through scene-labels.ts, which the embed's poster uses too). The names are the scene's
 * (src/scene/scene.ts), drawn in their kind's symbology (src/theme/symbology.ts NAMES). The export keeps the
 * symbol layers (style.ts), so its picture has the same names.
 */
import type { Map as MlMap } from 'maplibre-gl';
import type { LngLat } from '../geo/mercator';
import { type Scene, type SceneAircraft, type SceneName, storyLines } from '../scene/scene';
import { CRASH_ICON, iconPathD, NAMES, nameBaseSize, type Palette } from '../theme/symbology';
import { msg } from '../i18n';
import { boxesIn } from '../ui/dom';
import { type Box, type Layout, needsRelayout } from './label-layout';
import { aircraftBox, type FormSize, layoutSceneLabels, nameForms } from './scene-labels';
import { dotCircle } from '../scene/dots';
import { dotElement } from './dot-overlay';

export interface MapLabels {
  /**
   * The names shown at the scene's moment (a claim's only once it was reported), clear of its aircraft (as
   * flight-overlay.ts draws it): laid out again only when the aircraft can change where they go.
   */
  setScene(scene: Scene): void;
  /** What covers the map now (its controls, the legend), in its pixels. */
  covers(): Box[];
  remove(): void;
}

function halo(colour: string, w: number): string {
  const d = w * Math.SQRT1_2;
  const ring: [number, number][] = [
    [w, 0],
    [-w, 0],
    [0, w],
    [0, -w],
    [d, d],
    [-d, d],
    [d, -d],
    [-d, -d],
  ];
  return ring.map(([x, y]) => `${x.toFixed(2)}px ${y.toFixed(2)}px 0.8px ${colour}`).join(', ');
}

const SVG = 'http://www.w3.org/2000/svg';
/** The crash mark's button, px: the ✕ (22 px) with room for a 24 px target (WCAG 2.5.8). */
const MARK = 26;

/**
 * The crash mark, a button for its sources: a bold ✕ (as icons.ts draws it for the export) in three parts, its halo,
 * the rings of the airports under it, then its strokes (as the exports and the embed's poster stack them:
 * export/vector/map.ts). The dots' overlay draws the rings under the whole mark, so at the route's scale, where the
 * crash site is a few pixels from Aktau's airport, the halo hid all of the ring but a sliver.
 */
function crashMark(c: Palette, name: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'crash-mark';
  b.setAttribute('aria-label', msg('map.crashMark', { name })); // in the page's language
  b.title = name;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 22 22');
  svg.setAttribute('width', '22');
  svg.setAttribute('height', '22');
  svg.setAttribute('aria-hidden', 'true');
  svg.style.overflow = 'visible'; // a ring at the mark's edge is drawn whole
  for (const [w, colour] of [
    [CRASH_ICON.haloWidth, c[CRASH_ICON.halo]],
    [CRASH_ICON.width!, c[CRASH_ICON.colour]],
  ] as const) {
    const path = document.createElementNS(SVG, 'path');
    path.setAttribute('d', iconPathD(CRASH_ICON.path));
    path.setAttribute('stroke', colour);
    path.setAttribute('stroke-width', String(w));
    path.setAttribute('stroke-linecap', 'round');
    svg.append(path);
  }
  // The rings under the mark, between its halo and its strokes (placed by the layout below).
  const rings = document.createElementNS(SVG, 'g');
  rings.setAttribute('class', 'crash-rings');
  svg.insertBefore(rings, svg.lastChild);
  b.append(svg);
  return b;
}

/** The airports' rings that the crash mark at `p` covers, in the mark's own coordinates (its ✕'s centre at the middle). */
function ringsUnderMark(rings: SVGGElement, airports: readonly { x: number; y: number }[], p: { x: number; y: number }, c: Palette): void {
  const half = CRASH_ICON.size / 2;
  const ring = dotCircle('airport', c);
  const reach = half + ring.r + ring.strokeWidth / 2;
  const under = airports.filter((q) => Math.abs(q.x - p.x) < reach && Math.abs(q.y - p.y) < reach);
  while (rings.childElementCount > under.length) rings.lastChild!.remove();
  while (rings.childElementCount < under.length) rings.append(dotElement('airport', c));
  under.forEach((q, i) => {
    const e = rings.children[i]!;
    e.setAttribute('cx', (q.x - p.x + half).toFixed(1));
    e.setAttribute('cy', (q.y - p.y + half).toFixed(1));
  });
}

export function mapLabels(map: MlMap, scene: Scene, c: Palette, onSelect?: (id: string, lngLat: [number, number]) => void): MapLabels {
  const container = map.getContainer();
  const unscroll = () => {
    if (container.scrollLeft || container.scrollTop) container.scrollTo(0, 0);
  };
  const box = document.createElement('div');
  box.className = 'map-labels';
  box.setAttribute('aria-hidden', 'true'); // the map region describes itself; the panel and the list name every place
  const all: readonly SceneName[] = scene.names;
  let shown = all.map((n) => n.shown);
  const els = all.map((s) => {
    const n = NAMES[s.kind];
    const el = document.createElement('div');
    el.className = `map-label map-label-${s.kind}`;
    el.textContent = s.text; // text, never HTML
    el.style.color = c[n.colour];
    el.style.textShadow = halo(c[n.halo], n.haloWidth);
    el.style.fontSize = `${nameBaseSize(n)}px`;
    el.style.fontWeight = String(n.weight);
    if (n.letterSpacing) el.style.letterSpacing = `${n.letterSpacing}em`;
    box.append(el);
    return el;
  });
  container.append(box);

  const features = scene.features; // a story's: fixed, as its names are
  const crashFeature = features.find((f) => f.role === 'crash');
  const crash = crashFeature ? { id: crashFeature.id, at: (crashFeature.geometry as GeoJSON.Point).coordinates as LngLat } : null;
  const mark = crashFeature ? crashMark(c, crashFeature.title) : null;
  const markRings = mark?.querySelector<SVGGElement>('.crash-rings') ?? null;
  const airports = features.flatMap((f) => (f.role === 'airport' && f.geometry.type === 'Point' ? [f.geometry.coordinates as LngLat] : []));
  if (mark && crash) {
    const at = crash.at;
    mark.addEventListener('click', () => onSelect?.(crash.id, at));
    container.append(mark);
    // The map's box clips but can still be scrolled (by focus, by find-in-page): it never should be.
    container.addEventListener('scroll', unscroll);
  }

  // The lines drawn (the route, every edge of the track): a name stands off them where it can, as in the export.
  const lines = storyLines(scene);

  const forms = all.map(nameForms); // its text, then its shorter form (scene-labels.ts)
  const drawn = all.map(() => 0); // the form each element shows now
  const show = (i: number, form: number) => {
    if (drawn[i] === form) return;
    drawn[i] = form;
    els[i]!.textContent = forms[i]![form]!; // text, never HTML
  };
  // Sizes of every form at the drawn font size, read once (and again when a font arrives): no layout read while moving.
  let sizes: FormSize[][] = [];
  // Every form is written before any is read (a copy of the element for each shorter form), so the browser lays
  // them out once, not once per name and form (a layout each, tens of ms at load).
  const measure = () => {
    const boxes = els.map((el, i) => {
      show(i, 0);
      return [
        el,
        ...forms[i]!.slice(1).map((text) => {
          const copy = el.cloneNode(false) as HTMLElement;
          copy.textContent = text; // text, never HTML
          box.append(copy);
          return copy;
        }),
      ];
    });
    sizes = boxes.map((b) => b.map((e) => ({ width: e.offsetWidth, height: e.offsetHeight })));
    for (const b of boxes) for (const copy of b.slice(1)) copy.remove();
  };
  let covers: Box[] | null = null;
  /** The aircraft the names keep clear of (the scene's; null: hidden), and the last layout, made with it. */
  let aircraft: SceneAircraft | null = null;
  let last: Layout | null = null;
  const project = (ll: LngLat) => map.project(ll);
  const aircraftNow = () => aircraftBox(aircraft, project, map.getBearing());
  // What each element shows now: written only when it changes (a step that moves the aircraft past a name
  // restyles that name, not all of them).
  const drawnAt = all.map(() => '');

  /** The boxes of what covers the map, in its pixels: its controls, and what the page marks `data-map-obstacle`. */
  const obstacles = (): Box[] =>
    // a scale bar's box holds its unit (app.css)
    boxesIn(container, [...container.querySelectorAll('.maplibregl-ctrl'), ...(container.parentElement?.querySelectorAll('[data-map-obstacle]') ?? [])]);

  /**
   * The map's size, read when it may have changed (made, resized, a font or a cover changed), never on a step: a
   * slider step has just changed the panel's text, and reading a size then lays out the whole page in the step.
   */
  let view: { width: number; height: number } | null = null;
  const viewNow = () => (view?.width ? view : (view = { width: container.clientWidth, height: container.clientHeight }));

  const layout = () => {
    if (!sizes.length || sizes.every((z) => z[0]!.width === 0)) measure(); // again if measured while the map was hidden
    covers ??= obstacles(); // read again only when they may have changed (below): no layout read per frame
    const v = viewNow();
    const laid = layoutSceneLabels({
      names: all,
      features,
      shown,
      lines,
      aircraft,
      zoom: map.getZoom(),
      bearing: map.getBearing(),
      project,
      sizes: (i) => sizes[i]!,
      view: v,
      covers,
    });
    last = laid.layout;
    const placed = new Map(last.placed.map((p) => [p.id, p]));
    all.forEach((s, i) => {
      const p = placed.get(s.id);
      const el = els[i]!;
      if (!p) {
        if (drawnAt[i] !== 'hidden') el.style.visibility = drawnAt[i] = 'hidden';
        return;
      }
      if (drawnAt[i] === 'hidden' || !drawnAt[i]) el.style.visibility = '';
      show(i, p.variant);
      const k = laid.names.get(s.id)!.scale;
      const at = `translate(${p.x.toFixed(1)}px, ${p.y.toFixed(1)}px)${k !== 1 ? ` scale(${k.toFixed(3)})` : ''}`;
      if (drawnAt[i] !== at) el.style.transform = drawnAt[i] = at;
    });
    if (mark && crash) {
      // Out of the view it is hidden, so it cannot take focus there (focusing it would scroll the map away).
      const p = map.project(crash.at);
      const inView = p.x >= 0 && p.y >= 0 && p.x <= v.width && p.y <= v.height;
      mark.style.visibility = inView ? '' : 'hidden';
      mark.style.transform = `translate(${(p.x - MARK / 2).toFixed(1)}px, ${(p.y - MARK / 2).toFixed(1)}px)`;
      if (inView) ringsUnderMark(markRings!, airports.map(project), p, c);
    }
  };
  const refit = () => {
    measure();
    covers = view = null;
    layout();
  };
  const recover = () => {
    covers = view = null;
    layout();
  };
  map.on('move', layout);
  map.on('resize', recover);
  map.on('zoomend', recover); // the scale bars change width with the zoom
  document.fonts?.addEventListener?.('loadingdone', refit);
  // What covers the map moves names out of its way: when it appears (the page adds its legend after the map)
  // and when it opens or closes (the legend and the attribution are <details>).
  const wrap = container.parentElement;
  const added = new MutationObserver(recover);
  if (wrap) added.observe(wrap, { childList: true });
  const toggled = (e: Event) => {
    if (e.target instanceof Element && (container.contains(e.target) || wrap?.contains(e.target))) recover();
  };
  document.addEventListener('toggle', toggled, true);
  layout();

  return {
    covers: obstacles,
    setScene(next) {
      aircraft = next.aircraft;
      // The same names in the same order (the scene's list is fixed for a story): only what is shown changes.
      const now = next.names.map((n) => n.shown);
      const changed = all.filter((_, i) => now[i] !== shown[i]);
      shown = now;
      // A name below its zoom band is not drawn either way: a step of the year after stays cheap.
      const zoom = map.getZoom();
      if (changed.some((n) => n.minZoom === undefined || zoom >= n.minZoom)) layout();
      // The aircraft moved: the names are laid out again only where it can change them (it meets a name's box, or
      // it turned a name away or pushed one at the last layout); elsewhere a step costs one projected point.
      else if (last && needsRelayout(last, aircraftNow())) layout();
    },
    remove() {
      map.off('move', layout);
      map.off('resize', recover);
      map.off('zoomend', recover);
      document.fonts?.removeEventListener?.('loadingdone', refit);
      added.disconnect();
      container.removeEventListener('scroll', unscroll);
      document.removeEventListener('toggle', toggled, true);
      box.remove();
      mark?.remove();
    },
  };
}
