/**
 * The moving part of the live map: the aircraft, its uncertainty ring and the flown part of its current
 * edge (the "head"), drawn in one SVG over the map's canvas. A slider step changes a few attributes here
 * and nothing in MapLibre, so the map does not redraw: a step costs no WebGL frame, no worker round trip
 * and no source upload (see the README, Performance). The flown edges behind the head stay in the map
 * (feature state, changed only when the aircraft passes a vertex), and an export draws all of it with
 * map layers instead (style.ts: 'aircraft', 'aircraft-halo', 'head-*').
 *
 * Hidden from assistive technology (the panel says where the aircraft is) and from the pointer (clicks
 * reach the map's features under it).
 */
import type { Map as MlMap } from 'maplibre-gl';
import type { Head, SceneAircraft } from '../scene/scene';
import { AIRCRAFT_ICON, iconPathD, SYMBOLOGY, type Palette } from '../theme/symbology';
import { kmToPixels } from '../geo/mercator';

/** The icon's size in CSS pixels (the symbol layer's icon-size 1). */
const ICON = AIRCRAFT_ICON.size;
/** As the map's head-* layers: the flown line's width; the reconstructed dash in line widths. */
const HEAD_WIDTH = SYMBOLOGY.flown.approximate.width;
const HEAD_DASH = SYMBOLOGY.flown.reconstructed.dash!;
const SVG = 'http://www.w3.org/2000/svg';

/** The scene's aircraft and the head of its edge (src/scene/scene.ts). */
export interface FlightOverlayState {
  aircraft: SceneAircraft;
  head: Head | null;
}

export interface FlightOverlay {
  set(s: FlightOverlayState | null): void;
  /** What is drawn (for tests): the aircraft's position, or null when hidden. */
  readonly shown: FlightOverlayState | null;
  remove(): void;
}

function el<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

/**
 * The aircraft as icons.ts draws it for the export (its halo stroked with round joins, then the shape filled
 * over it), as an SVG path: no canvas to draw, read back and encode as a PNG at load (tens of ms on a software
 * canvas), and sharp at any pixel ratio.
 */
function aircraftIcon(c: Palette): SVGPathElement {
  const i = AIRCRAFT_ICON;
  return el('path', {
    d: iconPathD(i.path, 1, -ICON / 2, -ICON / 2),
    fill: c[i.colour],
    stroke: c[i.halo],
    'stroke-width': i.haloWidth,
    'stroke-linejoin': 'round',
    'paint-order': 'stroke',
  });
}

export function flightOverlay(map: MlMap, c: Palette): FlightOverlay {
  const svg = el('svg', { class: 'flight-overlay', 'aria-hidden': 'true', focusable: 'false' });
  svg.style.cssText = 'position:absolute;left:0;top:0;width:100%;height:100%;pointer-events:none;contain:strict;';
  const ring = SYMBOLOGY.ring;
  const halo = el('circle', {
    fill: c[ring.colour],
    'fill-opacity': ring.fillOpacity,
    stroke: c[ring.colour],
    'stroke-opacity': ring.strokeOpacity,
    'stroke-width': ring.strokeWidth,
  });
  // MapLibre feathers a line's edges by about half a pixel each side: the same weight on screen.
  const head = el('line', {
    stroke: c[SYMBOLOGY.flown.approximate.colour],
    'stroke-width': HEAD_WIDTH + 0.5,
    'stroke-linecap': SYMBOLOGY.flown.approximate.cap,
  });
  const plane = el('g', { class: 'aircraft' });
  plane.append(aircraftIcon(c));
  svg.append(halo, head, plane);
  svg.style.display = 'none';
  // Over the canvas, under the map's popups and controls (they come later in the container or outside it).
  map.getCanvasContainer().append(svg);

  let state: FlightOverlayState | null = null;
  let lastDash = '';

  const draw = () => {
    if (!state) {
      svg.style.display = 'none';
      return;
    }
    const a = map.project(state.aircraft.at);
    const r = kmToPixels(state.aircraft.uncertaintyKm, state.aircraft.at[1], map.getZoom());
    halo.setAttribute('cx', String(a.x));
    halo.setAttribute('cy', String(a.y));
    halo.setAttribute('r', String(r));
    plane.setAttribute('transform', `translate(${a.x} ${a.y}) rotate(${state.aircraft.bearing - map.getBearing()})`);
    if (state.head) {
      const f = map.project(state.head.from);
      head.setAttribute('x1', String(f.x));
      head.setAttribute('y1', String(f.y));
      head.setAttribute('x2', String(a.x));
      head.setAttribute('y2', String(a.y));
      // MapLibre's dash lengths are in line widths, SVG's in pixels; MapLibre's dashes also grow with the
      // zoom between whole zoom levels (the pattern is fixed per tile zoom).
      const k = HEAD_WIDTH * 2 ** (map.getZoom() % 1);
      const dash = state.head.certainty === 'reconstructed' ? HEAD_DASH.map((d) => (d * k).toFixed(2)).join(' ') : 'none';
      if (dash !== lastDash) head.setAttribute('stroke-dasharray', (lastDash = dash)); // changes with the leg or the zoom, not per step
      head.style.display = '';
    } else head.style.display = 'none';
    svg.style.display = '';
  };
  map.on('move', draw);
  map.on('resize', draw);

  return {
    set(s) {
      state = s;
      draw();
    },
    get shown() {
      return state;
    },
    remove() {
      map.off('move', draw);
      map.off('resize', draw);
      svg.remove();
    },
  };
}
