/**
 * What an exported map must show whole: the story's opening frame (geo/content.json), the strike areas, and
 * the aircraft with its whole uncertainty ring. Pure.
 */
import type { StoryLayers } from '../../scene/layers';
import type { TrackPosition } from '../../track/interpolate';
import { circleBBox, unionBBox, type BBox } from '../../geo/bounds';

/** How far inside the map's edges a context label's anchor must be, in design pixels (half a long label, a line). */
export const EDGE_INSET = { x: 56, y: 14 } as const;

/** `moment`: the map's moment (its aircraft, or null in the aftermath). */
export function exportFrame(layers: Pick<StoryLayers, 'frame' | 'areas'>, moment: { aircraft: TrackPosition | null }): BBox {
  let box = layers.frame;
  for (const f of layers.areas.features) for (const ring of f.geometry.coordinates) for (const [x, y] of ring) box = unionBBox(box, [x!, y!, x!, y!]);
  if (moment.aircraft) box = unionBBox(box, circleBBox(moment.aircraft.lonLat, Math.max(moment.aircraft.uncertaintyKm, 0)));
  return box;
}
