/**
 * What the map draws for a moment of the story: the aircraft, the flown edges and the claims shown.
 * Pure (no MapLibre): the live map and the PNG export both apply it through StoryMap.setMoment.
 */
import type { Chapter } from '../story/schema';
import { positionAt, type TrackModel, type TrackPosition } from '../track/interpolate';
import type { LngLat } from '../geo/mercator';
import type { MapMoment } from './story-map';

import { DAY } from '../time/timeline';

export function mapMomentAt(track: TrackModel, chapter: Chapter, t: number): MapMoment {
  if (chapter === 'flight') {
    const p = positionAt(track, t);
    return { aircraft: p, flownEdges: p.edge, claimsAsOf: null };
  }
  // The year after (t is a reporting day, see snapTime): the whole path, and the claims reported by the end of that day.
  return { aircraft: null, flownEdges: track.edges.length, claimsAsOf: t + DAY - 1 };
}

/** The whole route: every edge flown, no aircraft, every claim. */
export function wholeRoute(track: TrackModel): MapMoment {
  return { aircraft: null, flownEdges: track.edges.length, claimsAsOf: null };
}

/** The flown part of the edge the aircraft is on (from the edge's start to the aircraft); null on a loop of unknown shape. */
export function headOf(track: TrackModel, p: TrackPosition): { from: LngLat; to: LngLat; certainty: TrackPosition['certainty'] } | null {
  const e = track.edges[p.edge];
  if (!e || e.degenerate) return null;
  return { from: e.from, to: p.lonLat, certainty: e.certainty };
}
