/**
 * The moment as an exported picture draws it (its legend follows it: ui/legend-data.ts, inLegend). At the crash (the flight's last
 * instant) the aircraft has come down where the crash site's ✕ is: its 30 px icon would only cover the ✕ and
 * Aktau's airport ring and push into their names (issue 12: at the whole route's scale, "Crash site" met the
 * aircraft's nose and "Aktau SCO" its tail), so the picture leaves it out and the ✕ marks where it came down.
 * The live map follows the same rule (app/effects.ts drawnMoment): there too the ✕ marks where it came down. Pure.
 */
import type { MapMoment } from '../../scene/scene';
import type { TrackModel } from '../../track/interpolate';

/**
 * `m` with no aircraft where it has come down (the track's end, the crash), and then every edge flown (without
 * the aircraft the last edge has no flown head); else `m` itself.
 */
export function exportMoment(m: MapMoment, track: Pick<TrackModel, 'end' | 'edges'>): MapMoment {
  return m.aircraft && m.aircraft.time >= track.end ? { ...m, aircraft: null, flownEdges: track.edges.length } : m;
}
