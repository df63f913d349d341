import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { COUNTRY_LABELS, SEA_LABELS } from './basemap-names';

// The export draws the names from public/basemap/basemap.json, the live map from this module: the same names
// at the same points, or `npm run basemap` was not run after a change here.
describe('the basemap names', () => {
  const basemap = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../public/basemap/basemap.json'), 'utf8')) as {
    features: { properties: { layer: string; name?: string }; geometry: { coordinates: number[] } }[];
  };
  const names = (layer: string) => basemap.features.filter((f) => f.properties.layer === layer).map((f) => [f.properties.name, f.geometry.coordinates]);
  it('are the same in the shipped basemap (for the export) as in the live map', () => {
    expect(names('country-label')).toEqual(COUNTRY_LABELS.map(([, label, at]) => [label, [...at]]));
    expect(names('sea-label')).toEqual(SEA_LABELS.map(([name, at]) => [name, [...at]]));
  });
});
