/**
 * The live map's dots (claims, airports, named cities: scene/dots.ts) as circles in one SVG over its canvas, under
 * the aircraft's (flight-overlay.ts). As circle layers they would cost the first load a shader program of their own
 * to build and link, the slowest step of a load on a software GPU (README, Performance); here they cost a few SVG
 * attributes when the map moves, and a claim shown or hidden costs no WebGL frame. An export keeps the circle
 * layers (style.ts: 'claims', 'city-dot', 'places'), drawn from the same symbols.
 *
 * Hidden from assistive technology (the panel and the list name every place) and from the pointer: the map's click
 * asks `pick` which dot is under it (story-map.ts), before its own layers.
 */
import type { Map as MlMap } from 'maplibre-gl';
import type { LngLat } from '../geo/mercator';
import type { Scene } from '../scene/scene';
import { type DotKind, type SceneDot, dotAt, dotCircle, sceneDots } from '../scene/dots';
import type { Palette } from '../theme/symbology';

const SVG = 'http://www.w3.org/2000/svg';
/** A dot stays drawn this far past the map's edge (CSS px), so its ring is cut by the edge, not dropped. */
const MARGIN = 12;

export interface DotOverlay {
  /** The dots of this scene (a claim is drawn once reported). */
  set(scene: Scene): void;
  /** The selectable dot under a point of the map (CSS px), within `pad` px of its edge; null when none is. */
  pick(point: { x: number; y: number }, pad: number): SceneDot | null;
  /** For tests: each dot the scene shows now, where it is on the map (CSS px), and whether it is drawn (in view). */
  shown(): { id: string; kind: SceneDot['kind']; x: number; y: number; inView: boolean }[];
  remove(): void;
}

/** A kind's dot as an SVG circle, painted from the symbology table (scene/dots.ts): the overlay's dots, and the airports' rings in the crash mark (labels.ts). */
export function dotElement(kind: DotKind, c: Palette): SVGCircleElement {
  const e = document.createElementNS(SVG, 'circle');
  const { r, fill, stroke, strokeWidth } = dotCircle(kind, c);
  e.setAttribute('r', String(r));
  e.setAttribute('fill', fill);
  e.setAttribute('stroke', stroke);
  e.setAttribute('stroke-width', String(strokeWidth));
  e.setAttribute('class', `dot dot-${kind}`);
  return e;
}
export function dotOverlay(map: MlMap, c: Palette): DotOverlay {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'dot-overlay');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.style.cssText = 'position:absolute;left:0;top:0;width:100%;height:100%;pointer-events:none;contain:strict;';
  // Over the canvas, under the aircraft's overlay and the names (they come later in the container).
  map.getCanvasContainer().append(svg);

  let scene: Scene | null = null;
  let dots: SceneDot[] = [];
  /** One circle per dot of the story (its dots are fixed; only which are shown changes), made at the first scene. */
  let circles: SVGCircleElement[] = [];
  /** What each circle shows now ('' hidden, else its position): written only when it changes. */
  let drawnAt: string[] = [];

  const make = (d: SceneDot) => {
    const e = dotElement(d.kind, c);
    e.style.display = 'none';
    return e;
  };

  const project = (at: LngLat) => map.project(at);
  /** Where each dot is at the camera now ('' out of view), worked out when first needed after a move. */
  let placed: string[] = [];
  let size = { w: 0, h: 0 };
  /** The map's size, read when the camera or the size changes, before any dot is written (never per dot, never on a step). */
  const measure = () => {
    const box = map.getContainer();
    size = { w: box.clientWidth, h: box.clientHeight };
  };
  const where = (i: number): string => {
    let at = placed[i];
    if (at === undefined) {
      const p = project(dots[i]!.at);
      const { w, h } = size;
      at = placed[i] = p.x >= -MARGIN && p.y >= -MARGIN && p.x <= w + MARGIN && p.y <= h + MARGIN ? `${p.x.toFixed(2)} ${p.y.toFixed(2)}` : '';
    }
    return at;
  };
  const draw = () => {
    if (!scene) return;
    dots = sceneDots(scene, map.getZoom());
    if (circles.length !== dots.length) {
      for (const e of circles) e.remove();
      circles = dots.map(make);
      drawnAt = dots.map(() => '');
      placed = [];
      measure();
      svg.append(...circles);
    }
    dots.forEach((d, i) => {
      const now = d.shown ? where(i) : '';
      if (now === drawnAt[i]) return;
      const e = circles[i]!;
      if (now) {
        const [x, y] = now.split(' ');
        e.setAttribute('cx', x!);
        e.setAttribute('cy', y!);
      }
      if (!now !== !drawnAt[i]) e.style.display = now ? '' : 'none';
      drawnAt[i] = now;
    });
  };
  /** The camera moved or the map changed size: every dot is placed again (a slider step places none). */
  const moved = () => {
    placed = [];
    measure();
    draw();
  };
  map.on('move', moved);
  map.on('resize', moved);

  return {
    set(next) {
      scene = next;
      draw();
    },
    pick: (point, pad) => dotAt(dots, project, point, pad),
    shown: () =>
      dots.flatMap((d, i) => {
        if (!d.shown) return [];
        const p = project(d.at);
        return [{ id: d.id, kind: d.kind, x: p.x, y: p.y, inView: !!drawnAt[i] }];
      }),
    remove() {
      map.off('move', moved);
      map.off('resize', moved);
      svg.remove();
    },
  };
}
