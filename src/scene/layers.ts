/**
 * Builds the GeoJSON the map draws from the validated story. Pure: no DOM, no MapLibre.
 * Numeric feature ids are set so the map can change feature state (flown, shown) without re-uploading data.
 */
import type { Feature, FeatureCollection, LineString, Point, Polygon } from 'geojson';
import type { StoryData } from '../story/validate';
import type { TrackModel } from '../track/interpolate';
import { day } from '../time/format';
import { bboxOf, padBBox, type BBox } from '../geo/bounds';
import { utcDayStart } from '../geo/day';
import { msg } from '../i18n';
import { maxBounds, officialAreaId, openingFrameFeatures } from '../story/content';

export interface StoryLayers {
  places: FeatureCollection<Point>;
  route: FeatureCollection<LineString>;
  areas: FeatureCollection<Polygon>;
  claims: FeatureCollection<Point>;
  track: FeatureCollection<LineString>;
  /** Frame of the story: the features of the frame the map opens on (geo/content.json → openingFrame). */
  frame: BBox;
  /** How far the reader may pan (geo/region.json → maxBounds), as MapLibre's [[w, s], [e, n]]. */
  maxBounds: [[number, number], [number, number]];
}

/** No-break spaces between a number and its unit (m, km; м, км), so a label never wraps between them. */
export function keepTogether(s: string): string {
  return s.replace(/(\d) (?=(?:k?m|к?м)(?!\p{L}))/gu, '$1\u00a0');
}

/**
 * The forms a claimed point's name takes on the map and in the exports, longest first: `label`, the name with its
 * claimant over "(claim, first published {date})"; `name`, the name with its claimant and the word for a claim
 * ("Russian media (claim): 15 km from the airport, 2,400 m"), drawn where the label finds no room; `claim`, the
 * exports' last resort where not even that fits over four lines (the detail inset of a picture as small as
 * 180 × 120 mm): the claim alone ("15 km from the airport, 2,400 m"), its dot and the legend's "Claimed strike point
 * (unverified)" saying it is a claim ("Claim: 15 km …" did not fit there either, and overlapped its neighbour). The
 * first two say it is a claim and who claims it, in the page's language; the live map draws only those (labels.ts).
 */
export function claimForms(claimant: string, claim: string, date: string): { label: string; name: string; claim: string } {
  const name = keepTogether(msg('map.claimShort', { claimant, name: claim }));
  const first = keepTogether(msg('map.claimName', { claimant, name: claim }));
  const bare = keepTogether(claim);
  return { label: msg('map.claimLabel', { name: first, date: date.replace(/ /g, '\u00a0') }), name, claim: bare };
}

export function buildLayers(story: StoryData, track: TrackModel): StoryLayers {
  const places: Feature<Point>[] = story.places.features.map((f, i) => ({
    type: 'Feature',
    id: i,
    geometry: { type: 'Point', coordinates: [f.geometry.coordinates[0], f.geometry.coordinates[1]] },
    properties: {
      id: f.properties.id,
      kind: f.properties.kind,
      label: f.properties.city && f.properties.iata ? `${f.properties.city} ${f.properties.iata}` : f.properties.name,
      name: f.properties.name,
      status: f.properties.status,
    },
  }));
  const route: Feature<LineString>[] = story.route.features.map((f, i) => ({
    type: 'Feature',
    id: i,
    geometry: { type: 'LineString', coordinates: f.geometry.coordinates.map((c) => [c[0], c[1]]) },
    properties: { id: f.properties.id, status: f.properties.status },
  }));
  const areas: Feature<Polygon>[] = [];
  const official = officialAreaId(story);
  const claims: Feature<Point>[] = [];
  story.strike.features.forEach((f, i) => {
    const p = f.properties;
    const g = f.geometry;
    if (p.kind === 'area' && g.type === 'Polygon') {
      // Stored as the circle's Polygon (geo/strike-area.geojson, written by `npm run areas`).
      areas.push({
        type: 'Feature',
        id: i,
        geometry: { type: 'Polygon', coordinates: g.coordinates.map((r) => r.map((q) => [q[0], q[1]])) },
        properties: { id: p.id, status: p.status, radiusKm: p.radiusKm, role: p.id === official ? 'official' : 'claimed' },
      });
    } else if (p.kind === 'claim' && g.type === 'Point') {
      const c: [number, number] = [g.coordinates[0], g.coordinates[1]];
      // A number and its unit ("2,400 m", "7 км") and the date ("26 Dec 2024") never break over two lines.
      // Every form of a claim's name says who claims it and that it is a claim, in the page's language: the label
      // ("VChK-OGPU: 18 km NNW …" over "(claim, first published 26 Dec 2024)") and, where it finds no room, the
      // short form ("VChK-OGPU (claim): 18 km NNW …"). No layout choice, on the live map or in an export, can draw
      // the claim as fact (claimForms).
      const claim = p.name.startsWith(msg('map.claimPrefix')) ? p.name.slice(msg('map.claimPrefix').length) : p.name;
      const forms = claimForms(p.claimant, claim, day(utcDayStart(p.firstReported)));
      claims.push({
        type: 'Feature',
        id: i,
        geometry: { type: 'Point', coordinates: c },
        properties: { id: p.id, status: p.status, firstReported: utcDayStart(p.firstReported), ...forms },
      });
    }
  });
  const trackFeatures: Feature<LineString>[] = track.edges
    .filter((e) => !e.degenerate)
    .map((e) => ({
      type: 'Feature',
      id: e.index,
      geometry: { type: 'LineString', coordinates: [e.from, e.to] },
      properties: { id: story.track.features[e.leg]!.properties.id, certainty: e.certainty, edge: e.index },
    }));
  // The opening frame: every coordinate of its features (geo/frames.json), whatever their kind.
  const opening = new Set(openingFrameFeatures(story));
  const framePts: number[][] = [];
  for (const f of [...places, ...route, ...story.strike.features, ...story.track.features]) {
    const id = (f.properties as { id: string }).id;
    if (!opening.has(id)) continue;
    const g = f.geometry;
    if (g.type === 'Point') framePts.push(g.coordinates);
    else if (g.type === 'LineString') framePts.push(...g.coordinates);
    else if (g.type === 'Polygon') framePts.push(...g.coordinates[0]!);
  }
  return {
    places: { type: 'FeatureCollection', features: places },
    route: { type: 'FeatureCollection', features: route },
    areas: { type: 'FeatureCollection', features: areas },
    claims: { type: 'FeatureCollection', features: claims },
    track: { type: 'FeatureCollection', features: trackFeatures },
    frame: bboxOf(framePts.length ? framePts : story.places.features.map((f) => f.geometry.coordinates)),
    maxBounds: maxBounds(story),
  };
}

/** Every story feature by id, for the info popup and the event panel. */
export function featureIndex(story: StoryData) {
  const index = new Map<string, { file: string; properties: Record<string, unknown> & { id: string; name: string; status: string; sources: string[] } }>();
  for (const f of story.places.features) index.set(f.properties.id, { file: 'places', properties: f.properties });
  for (const f of story.route.features) index.set(f.properties.id, { file: 'route', properties: f.properties });
  for (const f of story.strike.features) index.set(f.properties.id, { file: 'strike', properties: f.properties });
  for (const f of story.track.features) index.set(f.properties.id, { file: 'track', properties: f.properties });
  return index;
}

/** Where to look for a feature: its bounding box, with a little room around points. Pure. */
export function featureBounds(layers: StoryLayers, id: string, pointPadDeg = 0.12): BBox | undefined {
  const all = [...layers.areas.features, ...layers.places.features, ...layers.claims.features, ...layers.route.features, ...layers.track.features];
  const coords: number[][] = [];
  for (const f of all) {
    if (f.properties?.id !== id) continue;
    const g = f.geometry;
    if (g.type === 'Point') coords.push(g.coordinates);
    else if (g.type === 'LineString') coords.push(...g.coordinates);
    else if (g.type === 'Polygon') coords.push(...g.coordinates[0]!);
  }
  if (!coords.length) return undefined;
  const box = bboxOf(coords);
  return padBBox(box, box[0] === box[2] && box[1] === box[3] ? pointPadDeg : 0);
}
