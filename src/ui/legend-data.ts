/**
 * What the legend shows, as data: each item's words and its swatch as a few shapes in a small box.
 * Pure (no DOM): the page's legend turns the shapes into SVG, the PNG export draws them on a canvas,
 * so both say and show the same thing.
 */
import { AIRCRAFT_ICON, iconPathD, SYMBOLOGY as S, type CircleSymbol, type LineSymbol, type Palette } from '../theme/symbology';
import { msg } from '../i18n';
import { clock } from '../time/format';

export type SwatchShape =
  | { type: 'line'; x1: number; y1: number; x2: number; y2: number; stroke: string; width: number; opacity?: number; dash?: number[]; cap: 'round' | 'butt' }
  | {
      type: 'circle';
      cx: number;
      cy: number;
      r: number;
      fill?: string;
      fillOpacity?: number;
      stroke?: string;
      strokeWidth?: number;
      strokeOpacity?: number;
      dash?: number[];
    }
  | { type: 'path'; d: string; fill?: string; stroke?: string; strokeWidth?: number; cap?: 'round' | 'butt' };

export interface LegendEntry {
  key: string;
  label: string;
  /** Swatch box size in CSS pixels. */
  w: number;
  h: number;
  shapes: SwatchShape[];
}

/** A line swatch from its symbol; dashes are in line widths (as in the map style), converted to pixels here. */
function line(c: Palette, s: LineSymbol): Pick<LegendEntry, 'w' | 'h' | 'shapes'> {
  const { width, dash, opacity } = s;
  const colour = c[s.colour];
  const dashed = !!(dash && dash[1]);
  return {
    w: 34,
    h: 12,
    shapes: [
      {
        type: 'line',
        x1: 2,
        y1: 6,
        x2: 32,
        y2: 6,
        stroke: colour,
        width,
        opacity,
        cap: dashed ? 'round' : 'butt',
        ...(dashed ? { dash: dash!.map((d) => Math.max(d * width, 0.1)) } : {}),
      },
    ],
  };
}
const box = (...shapes: SwatchShape[]) => ({ w: 34, h: 16, shapes });
/** The crash mark as a swatch: a ✕ narrower than the map's (its strokes 5 and 2.5 px wide, halo then mark). */
const CROSS = 'M12 3l10 10M22 3L12 13';
const CROSS_WIDTHS = { halo: 5, mark: 2.5 };
/** The map's aircraft icon at half size, nose up, centred in the swatch. */
const PLANE = iconPathD(AIRCRAFT_ICON.path, 0.5, 17 - AIRCRAFT_ICON.size / 4, 8 - AIRCRAFT_ICON.size / 4);
/** A circle symbol as a swatch. */
const dot = (c: Palette, s: CircleSymbol): SwatchShape => ({
  type: 'circle',
  cx: 17,
  cy: 8,
  r: s.radius,
  fill: c[s.fill],
  stroke: c[s.stroke],
  strokeWidth: s.strokeWidth,
});

/** The keys of the items that only make sense at a moment of the flight (not for the whole route). */
export const MOMENT_ONLY_KEYS: readonly string[] = ['ahead', 'aircraft'];

/**
 * Whether a legend names `key` at a moment (the live map's and every exported picture's): the aircraft only where it
 * is drawn, "not yet flown" only at a moment of the flight with some of the track still ahead (not at the crash,
 * where every edge is flown: `edges` is the track's number of edges; not in the year after).
 */
export function inLegend(key: string, inFlight: boolean, m: { aircraft: unknown; flownEdges: number }, edges: number): boolean {
  if (key === 'aircraft') return m.aircraft !== null;
  if (key === 'ahead') return inFlight && m.flownEdges < edges;
  return inFlight || !MOMENT_ONLY_KEYS.includes(key);
}

/** The story's times the legend names (src/story/content.ts, storyClock): the crash, the reconstruction's start. */
export interface LegendTimes {
  reconstructedFrom: number | null;
  crash: number;
}

/** "No position fixes were published between {from} and {to} UTC": the legend's note, with the story's times. */
export const legendNote = (t: LegendTimes): string =>
  msg('legend.note', { from: clock(t.reconstructedFrom ?? t.crash, 'UTC', false), to: clock(t.crash, 'UTC', false) });

export function legendEntries(c: Palette, times: LegendTimes): LegendEntry[] {
  const ring = S.ring,
    area = S.strikeArea,
    outer = S.officialArea;
  return [
    { key: 'planned', label: msg('legend.planned'), ...line(c, S.planned) },
    { key: 'approximate', label: msg('legend.approximate'), ...line(c, S.flown.approximate) },
    { key: 'reconstructed', label: msg('legend.reconstructed'), ...line(c, S.flown.reconstructed) },
    { key: 'ahead', label: msg('legend.ahead'), ...line(c, S.unflown) },
    {
      key: 'aircraft',
      label: msg('legend.aircraft'),
      ...box(
        {
          type: 'circle',
          cx: 17,
          cy: 8,
          r: 7,
          fill: c[ring.colour],
          fillOpacity: ring.fillOpacity,
          stroke: c[ring.colour],
          strokeWidth: ring.strokeWidth,
          strokeOpacity: ring.strokeOpacity,
        },
        { type: 'path', d: PLANE, stroke: c[AIRCRAFT_ICON.halo], strokeWidth: AIRCRAFT_ICON.haloWidth },
        { type: 'path', d: PLANE, fill: c[AIRCRAFT_ICON.colour] },
      ),
    },
    {
      key: 'area',
      label: msg('legend.area'),
      ...box({
        type: 'circle',
        cx: 17,
        cy: 8,
        r: 7,
        fill: c[area.fill.colour],
        fillOpacity: area.fill.opacity,
        stroke: c[area.line.colour],
        strokeWidth: area.line.width,
      }),
    },
    {
      key: 'outer',
      label: msg('legend.outer'),
      ...box({
        type: 'circle',
        cx: 17,
        cy: 8,
        r: 7,
        stroke: c[outer.colour],
        strokeWidth: outer.width,
        ...(outer.dash ? { dash: outer.dash.map((d) => d * outer.width) } : {}),
      }),
    },
    { key: 'claim', label: msg('legend.claim'), ...box(dot(c, S.claim)) },
    { key: 'airport', label: msg('legend.airport'), ...box(dot(c, S.airport)) },
    {
      key: 'crash',
      label: msg('legend.crash', { time: clock(times.crash, 'UTC', false) }),
      ...box(
        { type: 'path', d: CROSS, stroke: c.labelHalo, strokeWidth: CROSS_WIDTHS.halo, cap: 'round' },
        { type: 'path', d: CROSS, stroke: c.crash, strokeWidth: CROSS_WIDTHS.mark, cap: 'round' },
      ),
    },
  ];
}
