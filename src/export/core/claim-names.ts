/**
 * The claimed points' names on an exported map (the main map from the claims' zoom, and the strike-area detail
 * inset), placed by the live map's rules (src/map/label-layout.ts) with its fallback: each name's full label,
 * then shorter forms (the name alone, with its claimant, then broken over two and three lines; last the claim
 * without its claimant, likewise, where none of those fits), each tried at every anchor
 * (right of the point, then left), inside the map and clear of the names placed before it (the airports' and the
 * crash site's, core/map-names.ts; the cities'), of the marks (the claimed points' dots, the ✕, the airports' rings,
 * the aircraft) and of the claims' names placed before it. A name that finds no room
 * anywhere is still drawn, in its shortest form, where it lies inside the map: a claim is never left unnamed,
 * in any language or preset. The PNG (png/render.ts, through the claims' symbol layer) and the SVG/PDF
 * (vector/map.ts) draw the same placement. Pure.
 */
import type { SceneName } from '../../scene/scene';
import { NAMES, nameSize, SYMBOLOGY as S } from '../../theme/symbology';
import { boxAt, placeLabels, type Anchor, type Box, type LabelInput } from '../../map/label-layout';

/** MapLibre's line height (1.2 em) and where the first baseline sits in the box (as the vector map's names). */
export const LINE_EM = 1.2;
export const BASELINE_EM = 0.95;
/** MapLibre's glyphs carry a 3 px buffer at its 24 px em: offset names sit that much further from their point. */
export const GLYPH_BUFFER_EM = 3 / 24;
/** The room a claim's name keeps from the map's edge (an inset's frame), design px. */
const CLAIM_EDGE = 4;

/** A line's width in output pixels, at a weight and size (the canvas's or the font file's). */
export type LineMeasure = (text: string, weight: 400 | 600 | 700, size: number) => number;

export interface PlacedClaimName {
  /** The scene name's id (claim:<feature id>) and the claim's feature id. */
  id: string;
  feature: string;
  lines: string[];
  /** Top-left corner of the name's box, in the map's output pixels; its size. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** 'left': the box is right of the point (lines left-aligned); 'right': left of it (right-aligned). */
  anchor: Anchor;
  /** The font size (output px) and the first line's baseline, from the box's top. */
  size: number;
  baseline: number;
  /** False when no form found room and the shortest was drawn anyway (it may touch another name). */
  fits: boolean;
}

/** The text broken into `n` lines at spaces, the longest line as short as it can be (few words: tried exhaustively). */
export function breakLines(text: string, n: number, width: (s: string) => number): string[] {
  const words = text.split(/ +/).filter(Boolean); // a no-break space keeps its words together
  if (n <= 1 || words.length <= 1) return [words.join(' ')];
  let best: string[] = [words.join(' ')],
    widest = Infinity;
  const go = (from: number, left: number, acc: string[]) => {
    if (left === 1) {
      const lines = [...acc, words.slice(from).join(' ')];
      const w = Math.max(...lines.map(width));
      if (w < widest) [widest, best] = [w, lines];
      return;
    }
    for (let i = from + 1; i <= words.length - left + 1; i++) go(i, left - 1, [...acc, words.slice(from, i).join(' ')]);
  };
  go(0, Math.min(n, words.length), []);
  return best;
}

/** MapLibre's wrapping at text-max-width: each line broken where it passes `max` (greedy, at spaces). */
export function wrapAt(line: string, max: number, width: (s: string) => number): string[] {
  const out: string[] = [];
  let cur = '';
  for (const w of line.split(' ')) {
    const next = cur ? `${cur} ${w}` : w;
    if (cur && width(next) > max) {
      out.push(cur);
      cur = w;
    } else cur = next;
  }
  if (cur) out.push(cur);
  return out;
}

export interface ClaimNamesInput {
  names: readonly SceneName[];
  /** A place's point on the map, in its output pixels. */
  project: (at: readonly [number, number]) => { x: number; y: number };
  view: { width: number; height: number };
  zoom: number;
  /** Output pixels per CSS pixel. */
  ratio: number;
  measure: LineMeasure;
  /** 'full': the label with its date line first (the main map); 'name': the name alone first (the detail inset). */
  start: 'full' | 'name';
  /** Boxes to keep clear of besides the names the picture always draws (the legend over the map), map pixels. */
  covers?: readonly Box[];
  /** Whether the map draws this airport's or city's name (kept inside its edges); all when absent. */
  keep?: (n: SceneName, at: { x: number; y: number }) => boolean;
  /**
   * The airports' and crash site's names as placed beforehand (core/map-names.ts placeStoryNames), map pixels;
   * when absent, each is taken at its first anchor.
   */
  story?: readonly Box[];
  /**
   * Whether the last resort, the claim without its claimant (SceneName.bare), may be drawn: only where the picture's
   * legend says what a claimed point's dot is (default). Without a legend nothing on the picture would say the words
   * are a claim: a claim is then named with its claimant and its word for a claim, or drawn over what it meets.
   */
  bare?: boolean;
}

/** The box of a name the picture always draws at its first anchor (airports, the crash site) or in its band (cities). */
function fixedBox(n: SceneName, at: { x: number; y: number }, zoom: number, ratio: number, measure: LineMeasure): Box {
  const sym = NAMES[n.kind];
  const size = nameSize(sym, zoom) * ratio;
  const li: LabelInput = {
    id: n.id,
    x: at.x,
    y: at.y,
    width: measure(n.text, sym.weight as 400 | 600 | 700, size) + sym.letterSpacing * size * [...n.text].length,
    height: LINE_EM * size,
    anchors: [sym.anchors[0]!],
    priority: n.priority,
    ...(sym.offsetEm !== undefined ? { radial: (sym.offsetEm + GLYPH_BUFFER_EM) * size, baseline: (7 / 24) * size } : {}),
  };
  return boxAt(li, li.anchors[0]!);
}

/**
 * Where each shown claim's name goes (from the claims' minimum zoom), and in which form. Claims not shown at the
 * moment, or below their zoom, get none.
 */
export function placeClaimNames({
  names,
  project,
  view,
  zoom,
  ratio,
  measure,
  start,
  covers = [],
  keep,
  story,
  bare: bareOk = true,
}: ClaimNamesInput): PlacedClaimName[] {
  const sym = NAMES.claim;
  if (zoom < (sym.minZoom ?? 0)) return [];
  const size = nameSize(sym, zoom) * ratio;
  const weight = sym.weight as 400 | 600 | 700;
  const width = (s: string) => measure(s, weight, size);
  const inView = (p: { x: number; y: number }) => p.x >= 0 && p.y >= 0 && p.x <= view.width && p.y <= view.height;
  const whole = Math.floor(zoom);

  // What the picture draws regardless: the airports' and crash site's names, the cities' in their band; the claims' dots.
  const taken: Box[] = [...covers, ...(story ?? [])];
  for (const n of names) {
    const band = whole >= (n.minZoom ?? 0) && whole < (n.maxZoom ?? Infinity);
    if (story && (n.kind === 'airport' || n.kind === 'crash')) continue;
    if (n.kind !== 'airport' && n.kind !== 'crash' && !(n.kind === 'city' && band)) continue;
    const at = project(n.at);
    if (!inView(at) || (n.kind !== 'crash' && keep && !keep(n, at))) continue;
    taken.push(fixedBox(n, at, zoom, ratio, measure));
  }
  const claims = names.filter((n) => n.kind === 'claim' && n.shown);
  const dot = (S.claim.radius + S.claim.strokeWidth) * ratio;
  for (const n of claims) {
    const p = project(n.at);
    taken.push({ x: p.x - dot, y: p.y - dot, width: 2 * dot, height: 2 * dot });
  }

  const maxWidth = (sym.maxWidth ?? 10) * size;
  const forms = new Map<string, string[][]>();
  const inputs: LabelInput[] = [];
  for (const n of claims) {
    const name = n.short ?? n.text.split('\n')[0]!;
    const full = n.text.split('\n').flatMap((l) => wrapAt(l, maxWidth, width));
    // Last, the claim without its claimant: only where none of the forms with it fits, and a legend explains the dot.
    const bare = bareOk ? (n.bare ?? name) : name;
    const fs: string[][] = [
      ...(start === 'full' && n.text !== name ? [full] : []),
      // Up to four lines: every form says it is a claim ("… (claim): …", "Claim: …"), which a small detail needs room for.
      ...[name, bare].flatMap((t) => [[t], breakLines(t, 2, width), breakLines(t, 3, width), breakLines(t, 4, width)]),
    ].filter((f, i, all) => all.findIndex((g) => g.join('\n') === f.join('\n')) === i);
    forms.set(n.id, fs);
    const box = (f: string[]) => ({ width: Math.max(...f.map(width)), height: f.length * LINE_EM * size });
    const p = project(n.at);
    inputs.push({
      id: n.id,
      x: p.x,
      y: p.y,
      ...box(fs[0]!),
      variants: fs.slice(1).map(box),
      anchors: sym.anchors,
      priority: n.priority,
      radial: (sym.offsetEm! + GLYPH_BUFFER_EM) * size,
      // Clear of the map's edge (an inset's frame): "…, 490 m" ended 1–3 px from the detail's frame.
      edge: CLAIM_EDGE * ratio,
    });
  }
  const placed = new Map(placeLabels(inputs, view, taken, 2 * ratio).map((p) => [p.id, p]));
  const out: PlacedClaimName[] = [];
  for (const l of inputs) {
    const n = claims.find((c) => c.id === l.id)!;
    const fs = forms.get(l.id)!;
    const p = placed.get(l.id);
    let lines: string[], box: Box, anchor: Anchor;
    if (p) {
      lines = fs[p.variant]!;
      anchor = p.anchor;
      const v = p.variant ? l.variants![p.variant - 1]! : l;
      box = { x: p.x, y: p.y, width: v.width, height: v.height };
    } else {
      // No room anywhere: the shortest form, on the side where it lies inside the map (else the roomier side).
      lines = fs[fs.length - 1]!;
      const short = { ...l, ...(l.variants?.length ? l.variants[l.variants.length - 1] : {}) };
      const at = l.anchors.map((a) => ({ a, b: boxAt(short, a) }));
      const over = (b: Box) => Math.max(0, -b.x) + Math.max(0, b.x + b.width - view.width) + Math.max(0, -b.y) + Math.max(0, b.y + b.height - view.height);
      const best = at.reduce((x, y) => (over(y.b) < over(x.b) ? y : x));
      anchor = best.a;
      box = best.b;
    }
    out.push({ id: n.id, feature: n.feature ?? n.id, lines, ...box, anchor, size, baseline: BASELINE_EM * size, fits: !!p });
  }
  return out;
}

/**
 * The story's layers with each claim's name as placed (its lines, anchor and offset as the claims' symbol layer
 * reads them in an export, png/render.ts); a claim not placed gets no name.
 */
export function withClaimNames<T extends { claims: { features: { properties: Record<string, unknown> | null }[] } }>(
  layers: T,
  placed: readonly PlacedClaimName[],
): T {
  const sym = NAMES.claim;
  const at = new Map(placed.map((p) => [p.feature, p]));
  return {
    ...layers,
    claims: {
      ...layers.claims,
      features: layers.claims.features.map((f) => {
        const p = at.get(String(f.properties?.id));
        const right = p?.anchor === 'right';
        return {
          ...f,
          properties: {
            ...f.properties,
            label: p ? p.lines.join('\n') : '',
            labelAnchor: p?.anchor ?? 'left',
            labelOffset: [right ? -sym.offsetEm! : sym.offsetEm!, 0],
          },
        };
      }),
    },
  };
}
