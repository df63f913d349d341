/**
 * What the legend shows, as data: each item's words and its swatch as a few shapes in a small box.
 * Pure (no DOM): the page's legend turns the shapes into SVG, the PNG export draws them on a canvas,
 * so both say and show the same thing.
 */
import { DASH, type Palette } from '../theme/palette';
import { msg } from '../i18n';

export type SwatchShape =
  | { type: 'line'; x1: number; y1: number; x2: number; y2: number; stroke: string; width: number; opacity?: number; dash?: number[]; cap: 'round' | 'butt' }
  | { type: 'circle'; cx: number; cy: number; r: number; fill?: string; fillOpacity?: number; stroke?: string; strokeWidth?: number; strokeOpacity?: number; dash?: number[] }
  | { type: 'path'; d: string; fill?: string; stroke?: string; strokeWidth?: number; cap?: 'round' | 'butt' };

export interface LegendEntry {
  key: string;
  label: string;
  /** Swatch box size in CSS pixels. */
  w: number;
  h: number;
  shapes: SwatchShape[];
}

/** A line swatch; dashes are in line widths (as in the map style), converted to pixels here. */
function line(colour: string, width: number, dash: readonly number[] | null, opacity = 1): Pick<LegendEntry, 'w' | 'h' | 'shapes'> {
  const dashed = !!(dash && dash[1]);
  return {
    w: 34,
    h: 12,
    shapes: [{ type: 'line', x1: 2, y1: 6, x2: 32, y2: 6, stroke: colour, width, opacity, cap: dashed ? 'round' : 'butt', ...(dashed ? { dash: dash!.map((d) => Math.max(d * width, 0.1)) } : {}) }],
  };
}
const box = (...shapes: SwatchShape[]) => ({ w: 34, h: 16, shapes });
const CROSS = 'M12 3l10 10M22 3L12 13';
/** The map's aircraft icon (src/map/icons.ts) at half size, nose up, centred in the swatch. */
const PLANE = 'M17 1.5Q18.2 2.5 18.2 5L18.2 6 23.5 9 23.5 10.25 18.2 8.75 17.9 12 20 13.5 20 14.5 17 13.75 14 14.5 14 13.5 16.1 12 15.8 8.75 10.5 10.25 10.5 9 15.8 6 15.8 5Q15.8 2.5 17 1.5Z';

/** The keys of the items that only make sense at a moment of the flight (not for the whole route). */
export const MOMENT_ONLY_KEYS: readonly string[] = ['ahead', 'aircraft'];

export function legendEntries(c: Palette): LegendEntry[] {
  return [
    { key: 'planned', label: msg('legend.planned'), ...line(c.planned, 2.5, DASH.planned) },
    { key: 'approximate', label: msg('legend.approximate'), ...line(c.track, 3.5, null) },
    { key: 'reconstructed', label: msg('legend.reconstructed'), ...line(c.track, 3.5, DASH.reconstructed) },
    { key: 'ahead', label: msg('legend.ahead'), ...line(c.trackGhost, 2, DASH.reconstructed, 0.35) },
    {
      key: 'aircraft',
      label: msg('legend.aircraft'),
      ...box(
        { type: 'circle', cx: 17, cy: 8, r: 7, fill: c.halo, fillOpacity: 0.12, stroke: c.halo, strokeWidth: 1, strokeOpacity: 0.6 },
        { type: 'path', d: PLANE, stroke: c.labelHalo, strokeWidth: 2.2 },
        { type: 'path', d: PLANE, fill: c.aircraft },
      ),
    },
    { key: 'area', label: msg('legend.area'), ...box({ type: 'circle', cx: 17, cy: 8, r: 7, fill: c.area, fillOpacity: 0.28, stroke: c.areaOuter, strokeWidth: 1.5 }) },
    { key: 'outer', label: msg('legend.outer'), ...box({ type: 'circle', cx: 17, cy: 8, r: 7, stroke: c.areaOuter, strokeWidth: 1.2, dash: [2, 2] }) },
    { key: 'claim', label: msg('legend.claim'), ...box({ type: 'circle', cx: 17, cy: 8, r: 5, fill: c.claim, stroke: c.labelHalo, strokeWidth: 1.5 }) },
    { key: 'airport', label: msg('legend.airport'), ...box({ type: 'circle', cx: 17, cy: 8, r: 4.5, fill: c.labelHalo, stroke: c.airport, strokeWidth: 2 }) },
    {
      key: 'crash',
      label: msg('legend.crash'),
      ...box({ type: 'path', d: CROSS, stroke: c.labelHalo, strokeWidth: 5, cap: 'round' }, { type: 'path', d: CROSS, stroke: c.crash, strokeWidth: 2.5, cap: 'round' }),
    },
  ];
}
