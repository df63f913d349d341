/**
 * What an exported map must show whole: the story's frame (Baku, Grozny, Aktau), the strike areas, and
 * the aircraft with its whole uncertainty ring. Pure.
 */
import type { BBox, StoryLayers } from '../../story/layers';
import type { MapMoment } from '../../map/story-map';

const KM_PER_DEG = 111.32;

export function union(a: BBox, b: BBox): BBox {
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

/** The box around a circle of `km` about a point (small circles: a local flat approximation). */
export function circleBox([lng, lat]: [number, number], km: number): BBox {
  const dLat = km / KM_PER_DEG;
  const dLng = km / (KM_PER_DEG * Math.cos((lat * Math.PI) / 180));
  return [lng - dLng, lat - dLat, lng + dLng, lat + dLat];
}

export function exportFrame(layers: Pick<StoryLayers, 'frame' | 'areas'>, moment: MapMoment): BBox {
  let box = layers.frame;
  for (const f of layers.areas.features)
    for (const ring of f.geometry.coordinates) for (const [x, y] of ring) box = union(box, [x!, y!, x!, y!]);
  if (moment.aircraft) box = union(box, circleBox(moment.aircraft.lonLat, Math.max(moment.aircraft.uncertaintyKm, 0)));
  return box;
}
