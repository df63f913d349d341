import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import { layers, track } from '../core/story.fixture';
import { buildScene } from '../../scene/scene';
import { LIGHT } from '../../theme/palette';
import { posterGroups } from './poster';
import { walk } from './model';

const basemap = JSON.parse(readFileSync('public/basemap/basemap.json', 'utf8')) as FeatureCollection;
const measure = (text: string, _w: number, size: number) => text.length * size * 0.55;

describe('the embed’s poster, drawn from its scene', () => {
  it('draws the moment in the map’s box: the aircraft and its ring, the names, nothing outside the box', () => {
    const scene = buildScene({ layers, track }, { kind: 'moment', chapter: 'flight', t: Date.parse('2024-12-25T05:13:31Z') });
    const { groups } = posterGroups({ basemap, layers, scene, palette: LIGHT, width: 400, height: 300, measure });
    const byId = Object.fromEntries(groups.map((g) => [g.id, g]));
    expect(byId.aircraft!.children.length).toBe(2);
    expect(byId['uncertainty-ring']!.children.length).toBeGreaterThan(0);
    const texts = [...walk(groups)].flatMap((n) => (n.kind === 'text' ? [n.text] : []));
    expect(texts).toEqual(expect.arrayContaining(['Grozny GRV']));
    for (const g of groups) expect(g.clip).toEqual({ x: 0, y: 0, w: 400, h: 300 });
  });
  it('in the year after: no aircraft', () => {
    const scene = buildScene({ layers, track }, { kind: 'moment', chapter: 'aftermath', t: Date.parse('2024-12-27T00:00:00Z') });
    const { groups } = posterGroups({ basemap, layers, scene, palette: LIGHT, width: 400, height: 300, measure });
    expect(groups.find((g) => g.id === 'aircraft')!.children).toEqual([]);
  });
  it('draws at the camera it is given (the live map’s opening camera), else fits the export’s frame', () => {
    const scene = buildScene({ layers, track }, { kind: 'moment', chapter: 'flight', t: Date.parse('2024-12-25T05:13:31Z') });
    const camera = { center: [47.5, 43.2] as [number, number], zoom: 7.25 };
    expect(posterGroups({ basemap, layers, scene, palette: LIGHT, width: 400, height: 300, measure, camera }).camera).toBe(camera);
    expect(posterGroups({ basemap, layers, scene, palette: LIGHT, width: 400, height: 300, measure }).camera).not.toEqual(camera);
  });
});
