/**
 * The moment as an exported picture draws it, and the legend that goes with it. At the crash (the flight's last
 * instant) the aircraft has come down where the crash site's ✕ is: its 30 px icon would only cover the ✕ and
 * Aktau's airport ring and push into their names (issue 12: at the whole route's scale, "Crash site" met the
 * aircraft's nose and "Aktau SCO" its tail), so the picture leaves it out and the ✕ marks where it came down.
 * The live map is not changed (it is drawn at a closer zoom, where the three stand apart). Pure.
 */
import type { MapMoment } from '../../scene/scene';
import type { TrackModel } from '../../track/interpolate';
import { MOMENT_ONLY_KEYS } from '../../ui/legend-data';

/**
 * `m` with no aircraft where it has come down (the track's end, the crash), and then every edge flown (without
 * the aircraft the last edge has no flown head); else `m` itself.
 */
export function exportMoment(m: MapMoment, track: Pick<TrackModel, 'end' | 'edges'>): MapMoment {
  return m.aircraft && m.aircraft.time >= track.end ? { ...m, aircraft: null, flownEdges: track.edges.length } : m;
}

/**
 * Whether the legend names `key` on a picture of this moment: the aircraft only where it is drawn, "not yet
 * flown" only at a moment of the flight with some of the track still ahead (not at the crash, where every edge is
 * flown: `edges` is the track's number of edges).
 */
export function inExportLegend(key: string, inFlight: boolean, m: MapMoment, edges: number): boolean {
  if (key === 'aircraft') return m.aircraft !== null;
  if (key === 'ahead') return inFlight && m.flownEdges < edges;
  return inFlight || !MOMENT_ONLY_KEYS.includes(key);
}
