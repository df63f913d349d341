/**
 * Where each map label goes on screen: MapLibre's rules for point labels (anchors, radial offsets, variable
 * anchors tried in order, labels of higher priority placed first, no two labels overlapping), for the few
 * labels of this map drawn as text over the canvas (labels.ts). Pure: screen points in, boxes out.
 */
import type { Padding } from '../geo/bounds';
import { clamp } from '../geo/num';
import type { IconSymbol } from '../theme/symbology';

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
  /**
   * Anchors tried, in order, only where no form of the label fits at any of `anchors`: a claim's name below or above
   * its dot, to the side, where both sides are taken (a phone's map, the longer names of Russian and Kazakh).
   */
  lastAnchors?: readonly Anchor[];
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
  /**
   * Labels of one group are one name at its candidate points (a country's), in the order given: tried together, at
   * the place of the group's first label in priority order, and the first that fits is placed; never two of a group.
   */
  group?: string;
  /**
   * How far inside the view's edges the label's box must stay, in pixels (0: it may touch them). The story's places'
   * names keep PLACE_EDGE: "Grozny GRV", the route's westernmost name, was drawn touching the map's left edge.
   */
  edge?: number;
}

/**
 * The room a place's name (an airport's, the crash site's) keeps from the map's edge, CSS px (design px in the
 * export): where its box would come nearer, another of its anchors is tried, as where a mark or a name is in the way.
 */
export const PLACE_EDGE = 8;
/** The crash site's ✕ with its halo, px (strokes from 5 to 17 of 22, a 7 px halo: 1.5 to 20.5): no name covers it (the live map's names, the poster's). */
export const CROSS = 19;

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
/** Whether the aircraft stands over a label's point, within its radial offset r (then it may push the label past it). */
const standsOver = (aircraft: Box, p: { x: number; y: number; r: number }) => overlaps(grow(aircraft, p.r), { x: p.x, y: p.y, width: 0, height: 0 });

/** A line drawn on the map (the planned route, an edge of the track), as screen points. */
export type Line = readonly { x: number; y: number }[];

/** Whether the segment a–b passes through the box (Liang–Barsky clipping; touching its edge counts). */
export function segmentMeetsBox(a: { x: number; y: number }, b: { x: number; y: number }, box: Box): boolean {
  const dx = b.x - a.x,
    dy = b.y - a.y;
  let t0 = 0,
    t1 = 1;
  const sides: [number, number][] = [
    [-dx, a.x - box.x],
    [dx, box.x + box.width - a.x],
    [-dy, a.y - box.y],
    [dy, box.y + box.height - a.y],
  ];
  for (const [p, q] of sides) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const t = q / p;
      if (p < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
      if (t0 > t1) return false;
    }
  }
  return true;
}

/** Whether any of the lines passes through the box. */
export function linesMeetBox(lines: readonly Line[], box: Box): boolean {
  for (const line of lines) {
    // A quick reject on the line's own bounds would cost as much as the few segments of a story's line.
    for (let i = 1; i < line.length; i++) if (segmentMeetsBox(line[i - 1]!, line[i]!, box)) return true;
  }
  return false;
}

/**
 * The box an icon covers on screen, drawn centred on (x, y) and turned `degrees` clockwise (as the live map turns
 * the aircraft to its bearing): its path's points turned about the icon's centre (a curve's control points too,
 * which bound it), widened by its halo (stroked on the outline, half of it outside). Sizes from the symbology table.
 */
export function iconBox(icon: Pick<IconSymbol, 'size' | 'path' | 'haloWidth'>, x: number, y: number, degrees = 0): Box {
  const a = (degrees * Math.PI) / 180,
    cos = Math.cos(a),
    sin = Math.sin(a),
    c = icon.size / 2;
  let x0 = Infinity,
    y0 = Infinity,
    x1 = -Infinity,
    y1 = -Infinity;
  for (const cmd of icon.path)
    for (let i = 1; i + 1 < cmd.length; i += 2) {
      const px = (cmd[i] as number) - c,
        py = (cmd[i + 1] as number) - c;
      const rx = px * cos - py * sin,
        ry = px * sin + py * cos;
      x0 = Math.min(x0, rx);
      x1 = Math.max(x1, rx);
      y0 = Math.min(y0, ry);
      y1 = Math.max(y1, ry);
    }
  if (x0 > x1) return { x, y, width: 0, height: 0 };
  const h = icon.haloWidth / 2;
  return { x: x + x0 - h, y: y + y0 - h, width: x1 - x0 + 2 * h, height: y1 - y0 + 2 * h };
}

/** What placeLabels decided, with what a moving aircraft needs to know to keep it cheap (needsRelayout). */
export interface Layout {
  placed: Placed[];
  /** Each placed label's box (unpadded), in the order of `placed`. */
  boxes: Box[];
  /**
   * The padding the labels were kept apart by (each placed box's margin, MapLibre's text-padding): the aircraft
   * may come up to a placed box's margin without changing anything.
   */
  padding: number;
  /**
   * True when the aircraft's box changed the placement: it alone turned a label away from a place it would
   * have had, or a label stands pushed past it. Then any move of the aircraft may change the placement.
   */
  aircraftMatters: boolean;
  /**
   * The labels placed on a line (no spot off the lines was clear), each as its point and radial offset: an aircraft
   * that comes within that offset of the point may push the label past it to a spot off the lines (layoutLabels), so
   * such a move needs a new layout.
   */
  onLine: { x: number; y: number; r: number }[];
}

/**
 * The order labels are tried in: highest priority first (as given where equal); a group's labels together, in the
 * order given, at the place of its first.
 */
export function placingOrder(labels: readonly LabelInput[]): LabelInput[] {
  const units: LabelInput[][] = [];
  const groups = new Map<string, LabelInput[]>();
  for (const l of labels) {
    const unit = l.group !== undefined ? groups.get(l.group) : undefined;
    if (unit) unit.push(l);
    else {
      units.push([l]);
      if (l.group !== undefined) groups.set(l.group, units.at(-1)!);
    }
  }
  return units.sort((a, b) => b[0]!.priority - a[0]!.priority).flat();
}

/**
 * Places the labels, highest priority first, each at the first of its anchors where it lies wholly in the
 * view (at least its `edge` inside it) and overlaps no label placed before it, no obstacle (what covers the map: its controls, the
 * legend), no other place's mark (the crash ✕, an airport's ring: a name is never drawn over them) and
 * not the aircraft (its icon's box, iconBox); then below or above its point past those marks; failing that,
 * its shorter forms in turn at each anchor. Where the aircraft turned it away from one of those places and
 * stands over its point (take-off at Baku, the crash), its forms at each anchor and below or above, pushed past
 * the aircraft to stand as far from it as from its point. A label that fits nowhere is left out (as MapLibre
 * hides a label that would collide, and as the export leaves out a name its edge would cut). Of a group's labels
 * (one name's candidate points, `group`), the first that fits somewhere is placed and the rest are not tried.
 *
 * The lines drawn on the map (`lines`: the route, the track) are avoided where they can be: of the places where a
 * form of the label fits, the first whose box (grown by `lineRoom`, the line's half-width) no line passes through;
 * where each place of that form has a line through it, the first of them (a name is never left out for a line).
 */
export function layoutLabels(
  labels: readonly LabelInput[],
  view: { width: number; height: number },
  obstacles: readonly Box[] = [],
  padding = 2,
  marks: readonly Mark[] = [],
  aircraft: Box | null = null,
  lines: readonly Line[] = [],
  lineRoom = 1,
): Layout {
  const placed: Placed[] = [];
  const out: Box[] = [];
  const boxes: Box[] = [...obstacles];
  let aircraftMatters = false;
  const onLine: Layout['onLine'] = [];
  const named = new Set<string>(); // the groups placed
  for (const l of placingOrder(labels)) {
    if (l.group !== undefined && named.has(l.group)) continue;
    const forms = [l, ...(l.variants ?? []).map((v) => ({ ...l, width: v.width, height: v.height }))];
    // Where another place's mark leaves no anchor (Aktau's ring beside the crash ✕ at a country's scale): the name
    // below its point, else above it, pushed out past the mark, so that both places keep their names.
    const others = marks.filter((m) => m.owner !== l.id);
    const past = others.length && l.radial !== undefined ? Math.max(...others.map((m) => Math.min(m.width, m.height) / 2)) + padding : 0;
    const tries: [Anchor, number][] = [
      ...l.anchors.map((a): [Anchor, number] => [a, 0]),
      ...(past ? (['top', 'bottom'] as const).map((a): [Anchor, number] => [a, past]) : []),
    ];
    let turned = false; // the aircraft alone turned the label away from one of its places
    /** The label's box at a try, if it is clear of the edge, the labels placed, the obstacles, the marks and the aircraft. */
    const clear = (form: LabelInput, anchor: Anchor, further: number): Box | null => {
      const b = boxAt(further ? { ...form, radial: form.radial! + further } : form, anchor);
      const e = form.edge ?? 0;
      if (b.x < e || b.y < e || b.x + b.width > view.width - e || b.y + b.height > view.height - e) return null;
      // MapLibre's text-padding (2 px): kept around every label, so two labels stay at least 4 px apart.
      const padded = grow(b, padding);
      if (boxes.some((o) => overlaps(o, padded))) return null;
      // A mark's box holds its halo already: the name's own box (its halo inside) may come up to it, not into it.
      if (marks.some((m) => m.owner !== l.id && overlaps(m, b))) return null;
      // The aircraft last, so that it is known whether it alone turned the label away.
      if (aircraft && overlaps(aircraft, padded)) {
        turned = true;
        return null;
      }
      return b;
    };
    const put = (b: Box, anchor: Anchor, variant: number) => {
      boxes.push(grow(b, padding));
      out.push(b);
      placed.push({ id: l.id, x: b.x, y: b.y, anchor, variant });
    };
    /** Of the tries where the form fits, the first no line passes through (onLine false), else the first. */
    type Spot = { box: Box; anchor: Anchor; variant: number; onLine: boolean };
    const firstPlace = (at: readonly [Anchor, number][], form: LabelInput, variant: number): Spot | null => {
      let first: Spot | null = null;
      for (const [anchor, further] of at) {
        const box = clear(form, anchor, further);
        if (!box) continue;
        const onLine = lines.length > 0 && linesMeetBox(lines, grow(box, lineRoom));
        if (!onLine) return { box, anchor, variant, onLine };
        first ??= { box, anchor, variant, onLine };
      }
      return first;
    };
    /** The first form that fits somewhere, at its spot. */
    const firstForm = (at: (form: LabelInput) => readonly [Anchor, number][]): Spot | null => {
      for (const [variant, form] of forms.entries()) {
        const spot = firstPlace(at(form), form, variant);
        if (spot) return spot;
      }
      return null;
    };
    let spot = firstForm(() => tries);
    const last = l.lastAnchors;
    if (!spot && last?.length) spot = firstForm(() => last.map((a): [Anchor, number] => [a, 0]));
    // Where the aircraft turned the label away and stands over its point (within its offset: take-off at Baku, the
    // crash), no anchor near the point may be clear of it: the label at each anchor, then below and above, as far past
    // the aircraft as it stands from its point; taken where nothing else fits, or where what fits lies on a line and
    // this does not (Baku at take-off: above the aircraft is on the route north). (A label left out for other reasons
    // stays out wherever the aircraft is.)
    const r = l.radial;
    if ((!spot || spot.onLine) && turned && aircraft && r !== undefined && standsOver(aircraft, { x: l.x, y: l.y, r })) {
      const pushed = [...new Set<Anchor>([...l.anchors, 'top', 'bottom'])].filter((a) => a !== 'center');
      const past = firstForm((form) => pushed.map((anchor): [Anchor, number] => [anchor, pastBox(form, anchor, aircraft, Math.max(r, padding))]));
      if (past && (!spot || !past.onLine)) spot = past;
    }
    if (turned) aircraftMatters = true;
    if (spot) put(spot.box, spot.anchor, spot.variant);
    if (spot && l.group !== undefined) named.add(l.group);
    if (spot?.onLine && r !== undefined) onLine.push({ x: l.x, y: l.y, r });
  }
  return { placed, boxes: out, padding, aircraftMatters, onLine };
}

/**
 * How much further than its radial offset a label must stand, at an anchor, for its box to be `gap` clear of the
 * aircraft's (the least push along the anchor's direction that clears it on either axis; not center, which has none).
 */
function pastBox(l: LabelInput, anchor: Anchor, a: Box, gap: number): number {
  const [ux, uy] = radialShift(anchor, 1);
  const b = boxAt(l, anchor);
  const need: number[] = [];
  if (ux > 0) need.push((a.x + a.width + gap - b.x) / ux);
  if (ux < 0) need.push((b.x + b.width - (a.x - gap)) / -ux);
  if (uy > 0) need.push((a.y + a.height + gap - b.y) / uy);
  if (uy < 0) need.push((b.y + b.height - (a.y - gap)) / -uy);
  return Math.max(0, Math.min(...need));
}

/** The labels' places (layoutLabels, without what the aircraft needs). */
export function placeLabels(
  labels: readonly LabelInput[],
  view: { width: number; height: number },
  obstacles: readonly Box[] = [],
  padding = 2,
  marks: readonly Mark[] = [],
  aircraft: Box | null = null,
  lines: readonly Line[] = [],
  lineRoom = 1,
): Placed[] {
  return layoutLabels(labels, view, obstacles, padding, marks, aircraft, lines, lineRoom).placed;
}

/**
 * Whether the aircraft, moved to `aircraft` (null: hidden), can change a layout made with it elsewhere: only when
 * it mattered there (it turned a label away, or pushed one) or when it now meets a placed label's box with its
 * margin. Otherwise the layout with the aircraft here is the same as there, label for label (the same places are
 * tried in the same order and fail for the same reasons, none of the chosen ones meets it, and a label is pushed past
 * the aircraft only where it turned the label away), so a slider step need not lay the names out. One more case
 * with lines: a label left on a line (no spot off them was clear) is pushed past an aircraft standing over its point
 * to a spot off the lines, so an aircraft within such a label's offset of its point needs a new layout too.
 */
export function needsRelayout(last: Layout, aircraft: Box | null): boolean {
  if (last.aircraftMatters) return true;
  if (!aircraft) return false;
  return last.boxes.some((b) => overlaps(aircraft, grow(b, last.padding))) || last.onLine.some((p) => standsOver(aircraft, p));
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
