/** `npm run areas` writes each area as the Polygon of its centre and radius; the file in geo/ is up to date. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildAreas } from './build-areas';
import { areaProblems } from '../src/story/area';

const text = readFileSync('geo/strike-area.geojson', 'utf8');

describe('npm run areas', () => {
  it('leaves geo/strike-area.geojson as it is (it is up to date)', () => {
    expect(buildAreas(text)).toBe(text);
  });
  it('turns an area stored as a Point into the Polygon of its circle, keeping centre and radius', () => {
    const d = JSON.parse(text);
    const area = d.features.find((f: { properties: { kind: string } }) => f.properties.kind === 'area');
    const center = area.properties.center;
    area.geometry = { type: 'Point', coordinates: center };
    delete area.properties.center;
    const out = JSON.parse(buildAreas(JSON.stringify(d)));
    const again = out.features.find((f: { properties: { id: string } }) => f.properties.id === area.properties.id);
    expect(again.geometry.type).toBe('Polygon');
    expect(again.properties.center).toEqual(center);
    expect(areaProblems(again.geometry.coordinates, center, again.properties.radiusKm)).toEqual([]);
    expect(buildAreas(JSON.stringify(d))).toBe(text);
  });
  it('leaves claims as Points', () => {
    const out = JSON.parse(buildAreas(text));
    for (const f of out.features) expect(f.geometry.type).toBe(f.properties.kind === 'area' ? 'Polygon' : 'Point');
  });
});
