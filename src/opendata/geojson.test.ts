/** The GeoJSON download: every drawn thing with its sources, and valid by RFC 7946's rules. */
import { describe, expect, it } from 'vitest';
import type { Geometry, Position } from 'geojson';
import { storyGeoJson, sourcesText } from './geojson';
import { meta, story } from './fixture';

const fc = JSON.parse(JSON.stringify(storyGeoJson(story, meta))) as ReturnType<typeof storyGeoJson>;
type F = (typeof fc.features)[number];

/** Twice the signed area of a ring in lon/lat (shoelace): > 0 counter-clockwise. */
const signedArea = (ring: Position[]) => ring.slice(1).reduce((a, p, i) => a + (ring[i]![0]! * p[1]! - p[0]! * ring[i]![1]!), 0);

/** RFC 7946 problems of a geometry, as text (empty when valid). */
function rfc7946Problems(g: Geometry): string[] {
  const out: string[] = [];
  const pos = (p: Position) => {
    if (p.length < 2 || p.length > 3 || p.some((n) => typeof n !== 'number' || !Number.isFinite(n))) out.push(`bad position ${JSON.stringify(p)}`);
    else if (p[0]! < -180 || p[0]! > 180 || p[1]! < -90 || p[1]! > 90) out.push(`out of range ${JSON.stringify(p)} (lon, lat)`);
  };
  if (g.type === 'Point') pos(g.coordinates);
  else if (g.type === 'LineString') {
    if (g.coordinates.length < 2) out.push('LineString with fewer than 2 positions');
    g.coordinates.forEach(pos);
  } else if (g.type === 'Polygon') {
    g.coordinates.forEach((ring, i) => {
      ring.forEach(pos);
      if (ring.length < 4) out.push(`ring ${i} has fewer than 4 positions`);
      const [a, b] = [ring[0]!, ring.at(-1)!];
      if (a[0] !== b[0] || a[1] !== b[1]) out.push(`ring ${i} is not closed`);
      const area = signedArea(ring);
      if (i === 0 && !(area > 0)) out.push('exterior ring is not counter-clockwise (right-hand rule)');
      if (i > 0 && !(area < 0)) out.push(`hole ${i} is not clockwise`);
    });
  } else out.push(`unexpected geometry ${g.type}`);
  return out;
}

describe('storyGeoJson', () => {
  it('is one FeatureCollection of Features, no crs, with the dataset named and dated', () => {
    expect(fc.type).toBe('FeatureCollection');
    expect(fc).not.toHaveProperty('crs');
    expect(fc).toMatchObject({ name: 'j2-8243', title: meta.title, version: meta.version, dataAsOf: meta.updated, publisher: meta.publisher });
    for (const f of fc.features) expect(f.type).toBe('Feature');
  });

  it('every geometry follows RFC 7946: positions in range, closed rings of 4+, right-hand rule', () => {
    const problems = fc.features.flatMap((f) => rfc7946Problems(f.geometry).map((p) => `${f.properties!.id}: ${p}`));
    expect(problems).toEqual([]);
  });

  it('the checker catches a clockwise ring, an open ring and swapped coordinates (it can fail)', () => {
    const ring = [
      [45, 43],
      [46, 43],
      [46, 44],
      [45, 44],
      [45, 43],
    ];
    expect(rfc7946Problems({ type: 'Polygon', coordinates: [ring] })).toEqual([]);
    expect(rfc7946Problems({ type: 'Polygon', coordinates: [[...ring].reverse()] })).toContain('exterior ring is not counter-clockwise (right-hand rule)');
    expect(rfc7946Problems({ type: 'Polygon', coordinates: [ring.slice(0, 4)] })).toContain('ring 0 is not closed');
    expect(rfc7946Problems({ type: 'Point', coordinates: [43, 145] })).toHaveLength(1);
  });

  it('has every drawn feature once, in its layer, with real geometry (areas as polygons)', () => {
    const ids = (fs: readonly { properties: { id: string } }[]) => fs.map((f) => f.properties.id);
    const byLayer = (l: string) => fc.features.filter((f) => f.properties.layer === l).map((f) => f.properties.id);
    expect(byLayer('places')).toEqual(ids(story.places.features));
    expect(byLayer('planned-route')).toEqual(ids(story.route.features));
    expect(byLayer('track')).toEqual(ids(story.track.features));
    const strike = story.strike.features.map((f) => f.properties);
    expect(byLayer('strike-areas')).toEqual(strike.filter((p) => p.kind === 'area').map((p) => p.id));
    expect(byLayer('strike-claims')).toEqual(strike.filter((p) => p.kind === 'claim').map((p) => p.id));
    expect(new Set(fc.features.map((f) => f.id)).size).toBe(fc.features.length);
    for (const f of fc.features.filter((x) => x.properties.layer === 'strike-areas')) {
      expect(f.geometry.type).toBe('Polygon');
      expect(f.properties.center).toHaveLength(2);
      expect(f.properties.radiusKm).toBeGreaterThan(0);
    }
    for (const f of fc.features.filter((x) => x.properties.layer === 'track')) expect(f.geometry.type).toBe('LineString');
  });

  it('an area polygon is the circle of its radius around its centre', () => {
    for (const f of fc.features.filter((x) => x.properties.layer === 'strike-areas')) {
      const [lon, lat] = f.properties.center as [number, number];
      const r = f.properties.radiusKm as number;
      const ring = (f.geometry as { coordinates: Position[][] }).coordinates[0]!;
      const km = (p: Position) => Math.hypot((p[0]! - lon) * 111.32 * Math.cos((lat * Math.PI) / 180), (p[1]! - lat) * 110.57);
      for (const p of ring) expect(Math.abs(km(p) - r) / r).toBeLessThan(0.02);
    }
  });

  it('each feature carries its status and full sources (outlet, title, URL) as in geo/sources.json', () => {
    const byId = new Map(story.sources.map((s) => [s.id, s]));
    const refs = new Map(
      [...story.places.features, ...story.route.features, ...story.strike.features, ...story.track.features].map((f) => [f.properties.id, f.properties]),
    );
    for (const f of fc.features as F[]) {
      const p = f.properties;
      const orig = refs.get(p.id)!;
      expect(p.status).toBe(orig.status);
      expect(p.sources.map((s) => s.id)).toEqual(orig.sources);
      for (const s of p.sources) expect(s).toEqual(byId.get(s.id));
      expect(p.sourcesText).toBe(sourcesText(p.sources));
    }
  });

  it('track legs carry certainty, uncertainty in km and start and end times', () => {
    const legs = fc.features.filter((f) => f.properties.layer === 'track');
    story.track.features.forEach((leg, i) => {
      expect(legs[i]!.properties).toMatchObject({
        certainty: leg.properties.certainty,
        startTime: leg.properties.start.time,
        endTime: leg.properties.end.time,
        startUncertaintyKm: leg.properties.start.uncertaintyKm,
        endUncertaintyKm: leg.properties.end.uncertaintyKm,
      });
    });
  });

  it('claims say who claims them and since when', () => {
    for (const f of fc.features.filter((x) => x.properties.layer === 'strike-claims')) {
      expect(typeof f.properties.claimedBy).toBe('string');
      expect(f.properties.firstReported).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});
