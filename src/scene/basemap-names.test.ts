import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { feature } from 'topojson-client';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Topology } from 'topojson-specification';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { COUNTRY_LABELS, countryNames, SEA_LABELS } from './basemap-names';

const require = createRequire(import.meta.url);
const topo = JSON.parse(readFileSync(require.resolve('world-atlas/countries-10m.json'), 'utf8')) as Topology;
const countries = feature(topo, topo.objects.countries as never) as unknown as FeatureCollection<Polygon | MultiPolygon, { name: string }>;

describe('the basemap names', () => {
  const basemap = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../public/basemap/basemap.json'), 'utf8')) as {
    features: { properties: { layer: string; name?: string }; geometry: { coordinates: number[] } }[];
  };
  const names = (layer: string) => basemap.features.filter((f) => f.properties.layer === layer).map((f) => [f.properties.name, f.geometry.coordinates]);
  // The export draws the seas' names from public/basemap/basemap.json, the live map from this module: the same names
  // at the same points, or `npm run basemap` was not run after a change here.
  it('the seas are the same in the shipped basemap (for the export) as in the live map', () => {
    expect(names('sea-label')).toEqual(SEA_LABELS.map(([name, at]) => [name, [...at]]));
  });
  it('the countries are the scene’s alone (every renderer draws them from it), not the basemap’s', () => {
    expect(names('country-label')).toEqual([]);
  });
});

describe('the countries’ candidate points', () => {
  it('every point lies on its country’s land (Natural Earth 1:10m, as the basemap draws it)', () => {
    for (const c of COUNTRY_LABELS) {
      const f = countries.features.find((x) => x.properties.name === c.country);
      expect(f, c.country).toBeTruthy();
      for (const p of c.points) expect(booleanPointInPolygon([...p.at], f!.geometry), `${c.label} at ${p.at}`).toBe(true);
    }
  });
  it('one name per country; those around the story with a second point to try at every zoom', () => {
    expect(new Set(COUNTRY_LABELS.map((c) => c.country)).size).toBe(COUNTRY_LABELS.length);
    const inBand = (c: (typeof COUNTRY_LABELS)[number], z: number) => c.points.filter((p) => (p.minZoom ?? 0) <= z && z < (p.maxZoom ?? Infinity));
    // (Kazakhstan's points, by zoom, are in view in every frame of the story: no export or live view tried left it out with room.)
    for (const country of ['Georgia', 'Armenia', 'Azerbaijan', 'Iran', 'Turkmenistan']) {
      const c = COUNTRY_LABELS.find((x) => x.country === country)!;
      for (let z = 0; z <= 14; z++) expect(inBand(c, z).length, `${country} at zoom ${z}`).toBeGreaterThan(1);
    }
    // Russia below zoom 9 (at 9 and above its point is by Grozny, where the story's frames look).
    for (let z = 0; z < 9; z++) expect(inBand(COUNTRY_LABELS.find((x) => x.country === 'Russia')!, z).length, `Russia at zoom ${z}`).toBeGreaterThan(1);
  });
  it('no point lies in a lake the basemap draws', () => {
    const basemap = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../public/basemap/basemap.json'), 'utf8')) as FeatureCollection<
      Polygon | MultiPolygon,
      { layer: string }
    >;
    const lakes = basemap.features.filter((f) => f.properties.layer === 'lake');
    expect(lakes.length).toBeGreaterThan(0);
    for (const c of COUNTRY_LABELS)
      for (const p of c.points) for (const l of lakes) expect(booleanPointInPolygon([...p.at], l.geometry), `${c.label} at ${p.at}`).toBe(false);
  });
  it('at every zoom each country has a point to try first', () => {
    for (const c of COUNTRY_LABELS)
      for (let z = 0; z <= 14; z++)
        expect(
          c.points.some((p) => (p.minZoom ?? 0) <= z && z < (p.maxZoom ?? Infinity)),
          `${c.label} at zoom ${z}`,
        ).toBe(true);
  });
  it('lists each point as a name of its country’s group, in order, with a unique id, in the page’s language', () => {
    const n = countryNames((s) => `«${s}»`);
    expect(n).toHaveLength(COUNTRY_LABELS.reduce((k, c) => k + c.points.length, 0));
    expect(new Set(n.map((x) => x.id)).size).toBe(n.length);
    const georgia = n.filter((x) => x.group === 'country:GEORGIA');
    expect(georgia.map((x) => x.order)).toEqual(georgia.map((_, k) => k));
    expect(georgia.map((x) => x.at)).toEqual(COUNTRY_LABELS.find((c) => c.country === 'Georgia')!.points.map((p) => p.at));
    expect(new Set(georgia.map((x) => x.text))).toEqual(new Set(['«GEORGIA»']));
    const russia = n.filter((x) => x.group === 'country:RUSSIA');
    expect(russia[0]).toMatchObject({ id: 'country:RUSSIA:0', maxZoom: 7 });
    expect(russia[0]).not.toHaveProperty('minZoom');
  });
});
