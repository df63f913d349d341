/**
 * Where each map label goes on screen: MapLibre's rules for point labels (anchors, radial offsets, variable
 * anchors tried in order, labels of higher priority placed first, no two labels overlapping), for the few
 * labels of this map drawn as text over the canvas (labels.ts). Pure: screen points in, boxes out.
 */
import type { Padding } from '../geo/bounds';
import { clamp } from '../geo/num';

/** The side of the label that sits on its point (MapLibre's text-anchor). */
export type Anchor = 'center' | 'left' | 'right' | 'top' | 'bottom' | 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right';

export interface LabelInput {
  id: string;
  /** The point, in screen pixels. */
  x: number;
  y: number;
  /** The label's size in screen pixels. */
  width: number;
  height: number;
  /** Anchors to try, in order (MapLibre's text-variable-anchor; one for a fixed anchor). */
  anchors: readonly Anchor[];
  /** Distance from the point, in pixels: radial (MapLibre's text-radial-offset) … */
  radial?: number;
  /** … or a fixed shift (MapLibre's text-offset), in pixels. */
  offset?: readonly [number, number];
  /** MapLibre's baseline correction for radial offsets above and below the point (7/24 em), in pixels. */
  baseline?: number;
  /** Higher first. */
  priority: number;
  /**
   * Shorter forms of the label (their sizes), tried in order at every anchor when the full label fits at none,
   * before the label is left out (as MapLibre's text variants: a claim's name without its date line).
   */
  variants?: readonly { width: number; height: number }[];
}

export interface Placed {
  id: string;
  /** Top-left corner of the label's box, in screen pixels. */
  x: number;
  y: number;
  anchor: Anchor;
  /** 0: the full label; k: its k-th shorter form (LabelInput.variants[k - 1]). */
  variant: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A place's mark drawn on the map (the crash ✕, an airport's ring): no other place's name may cover it. */
export interface Mark extends Box {
  /** The label that names this mark (it sits beside its own mark, so it may come near it), if any. */
  owner?: string;
}

/**
 * The shift from the point for an anchor and a radial offset, as MapLibre's fromRadialOffset: corners at
 * r/√2 on each axis, and the vertical part pulled back by the baseline correction b for labels above or below.
 */
export function radialShift(anchor: Anchor, r: number, b = 0): [number, number] {
  const d = r / Math.SQRT2;
  switch (anchor) {
    case 'left':
      return [r, 0];
    case 'right':
      return [-r, 0];
    case 'top':
      return [0, r - b];
    case 'bottom':
      return [0, -r + b];
    case 'top-left':
      return [d, d - b];
    case 'top-right':
      return [-d, d - b];
    case 'bottom-left':
      return [d, -d + b];
    case 'bottom-right':
      return [-d, -d + b];
    default:
      return [0, 0];
  }
}

/** The label's box for an anchor: the named side of the box sits on the (shifted) point. */
export function boxAt(l: LabelInput, anchor: Anchor): Box {
  const [sx, sy] = l.offset ?? radialShift(anchor, l.radial ?? 0, l.baseline ?? 0);
  const px = l.x + sx,
    py = l.y + sy;
  const x = anchor.includes('left') ? px : anchor.includes('right') ? px - l.width : px - l.width / 2;
  const y = anchor.startsWith('top') ? py : anchor.startsWith('bottom') ? py - l.height : py - l.height / 2;
  return { x, y, width: l.width, height: l.height };
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const grow = (b: Box, p: number): Box => ({ x: b.x - p, y: b.y - p, width: b.width + 2 * p, height: b.height + 2 * p });

/**
 * Places the labels, highest priority first, each at the first of its anchors where it lies wholly in the
 * view and overlaps no label placed before it, no obstacle (what covers the map: its controls, the
 * legend) and no other place's mark (the crash ✕, an airport's ring: a name is never drawn over them); then
 * below or above its point past those marks; failing that, its shorter forms in turn at each anchor; a label that fits nowhere is left out (as MapLibre hides a label that would collide, and as the
 * export leaves out a name its edge would cut).
 */
export function placeLabels(
  labels: readonly LabelInput[],
  view: { width: number; height: number },
  obstacles: readonly Box[] = [],
  padding = 2,
  marks: readonly Mark[] = [],
): Placed[] {
  const placed: Placed[] = [];
  const boxes: Box[] = [...obstacles];
  const order = [...labels].sort((a, b) => b.priority - a.priority);
  for (const l of order) {
    const forms = [l, ...(l.variants ?? []).map((v) => ({ ...l, width: v.width, height: v.height }))];
    // Where another place's mark leaves no anchor (Aktau's ring beside the crash ✕ at a country's scale): the name
    // below its point, else above it, pushed out past the mark, so that both places keep their names.
    const others = marks.filter((m) => m.owner !== l.id);
    const past = others.length && l.radial !== undefined ? Math.max(...others.map((m) => Math.min(m.width, m.height) / 2)) + padding : 0;
    const tries: [Anchor, number][] = [
      ...l.anchors.map((a): [Anchor, number] => [a, 0]),
      ...(past ? (['top', 'bottom'] as const).map((a): [Anchor, number] => [a, past]) : []),
    ];
    place: for (const [variant, form] of forms.entries())
      for (const [anchor, further] of tries) {
        const b = boxAt(further ? { ...form, radial: form.radial! + further } : form, anchor);
        if (b.x < 0 || b.y < 0 || b.x + b.width > view.width || b.y + b.height > view.height) continue;
        // MapLibre's text-padding (2 px): kept around every label, so two labels stay at least 4 px apart.
        const padded = grow(b, padding);
        if (boxes.some((o) => overlaps(o, padded))) continue;
        // A mark's box holds its halo already: the name's own box (its halo inside) may come up to it, not into it.
        if (marks.some((m) => m.owner !== l.id && overlaps(m, b))) continue;
        boxes.push(padded);
        placed.push({ id: l.id, x: b.x, y: b.y, anchor, variant });
        break place;
      }
  }
  return placed;
}

/** MapLibre's ['interpolate', ['linear'], ['zoom'], z0, v0, z1, v1], clamped. */
export function byZoom(zoom: number, z0: number, v0: number, z1: number, v1: number): number {
  const f = clamp((zoom - z0) / (z1 - z0), 0, 1);
  return v0 + (v1 - v0) * f;
}

/**
 * Room to leave when the map frames a place: the padding, widened past a tall box that covers one side of
 * the view (the open legend), so the place is not framed under it. Boxes shorter than a third of the view
 * (controls, a closed legend) are left to the padding.
 */
export function paddingClearOf(base: Padding, covers: readonly Box[], view: { width: number; height: number }, gap = 16): Padding {
  const p = { ...base };
  for (const b of covers) {
    if (b.height < view.height / 3 || b.width > view.width / 2) continue;
    if (b.x < view.width / 4) p.left = Math.max(p.left, b.x + b.width + gap);
    else if (b.x + b.width > (view.width * 3) / 4) p.right = Math.max(p.right, view.width - b.x + gap);
  }
  return p;
}
