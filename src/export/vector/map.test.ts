import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import { layers, track } from '../core/story.fixture';
import { fitBounds } from '../core/camera';
import { exportFrame } from '../core/frame';
import { mapMomentAt, wholeRoute } from '../../scene/scene';
import { LIGHT } from '../../theme/palette';
import { CRASH_ICON, SYMBOLOGY } from '../../theme/symbology';
import { iconD, mapGroups, pathOf, projector } from './map';
import { sceneOf } from '../../scene/scene';
import { walk, type VNode } from './model';
import { MAP_LAYERS } from './map-layers.fixture';

const basemap = JSON.parse(readFileSync('public/basemap/basemap.json', 'utf8')) as FeatureCollection;
const measure = (text: string, _w: number, size: number) => text.length * size * 0.55;
const rect = { x: 0, y: 100, w: 1920, h: 860 };

function draw(moment = wholeRoute(track), ratio = 1) {
  const camera = fitBounds(exportFrame(layers, moment), rect.w / ratio, rect.h / ratio, { top: 44, right: 124, bottom: 44, left: 64 });
  return {
    camera,
    groups: mapGroups({ basemap, scene: sceneOf({ layers, track }, moment), palette: LIGHT, camera, ratio, rect, keepInside: { x: 56, y: 14 }, measure }),
  };
}
const coords = (d: string) => [...d.matchAll(/(-?[\d.]+) (-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);

describe('the map as vectors', () => {
  it('projects and clips geometry to the map (plus a margin), not just with a clip path', () => {
    const { camera } = draw();
    const p = projector(camera, rect, 1, 12);
    const d = pathOf(
      {
        type: 'LineString',
        coordinates: [
          [0, 42],
          [100, 42],
        ],
      },
      p,
    );
    const xs = coords(d).map((c) => c[0]!);
    expect(Math.min(...xs)).toBe(-12);
    expect(Math.max(...xs)).toBe(1932);
    expect(
      pathOf(
        {
          type: 'LineString',
          coordinates: [
            [0, 0],
            [1, 0],
          ],
        },
        p,
      ),
    ).toBe('');
  });
  it('draws named layers in drawing order, every point inside the clip box, rounded', () => {
    const { groups } = draw(mapMomentAt(track, 'flight', Date.parse('2024-12-25T05:13:31Z')));
    expect(groups.map((g) => g.id)).toEqual(MAP_LAYERS);
    for (const g of groups) expect(g.clip).toEqual(rect);
    let n = 0;
    for (const node of walk(groups)) {
      if (node.kind !== 'path') continue;
      for (const [x, y] of coords(node.d)) {
        n++;
        expect(x).toBeGreaterThanOrEqual(rect.x - 12 - 40);
        expect(x).toBeLessThanOrEqual(rect.x + rect.w + 12 + 40);
        expect(y).toBeGreaterThanOrEqual(rect.y - 12 - 40);
        expect(y).toBeLessThanOrEqual(rect.y + rect.h + 12 + 40);
      }
      expect(node.d).not.toMatch(/\d\.\d\d\d/); // a tenth for geometry, a hundredth for the small icons
    }
    expect(n).toBeGreaterThan(1000);
  });
  it('draws the moment: flown edges in full, the rest as a ghost, the aircraft and its ring', () => {
    const at = (t: string) => draw(mapMomentAt(track, 'flight', Date.parse(t))).groups.find((g) => g.id === 'flown-track')!.children as VNode[];
    const early = at('2024-12-25T04:30:00Z'),
      late = at('2024-12-25T06:00:00Z');
    const full = (ns: VNode[]) => ns.filter((n) => n.kind === 'path' && n.strokeOpacity === 1).length;
    expect(full(late)).toBeGreaterThan(full(early));
    const ghost = early.filter((n) => n.kind === 'path' && n.strokeOpacity! < 1);
    expect(ghost.length).toBeGreaterThan(0);
    const { groups } = draw(mapMomentAt(track, 'flight', Date.parse('2024-12-25T05:13:31Z')));
    expect(groups.find((g) => g.id === 'uncertainty-ring')!.children.map((n) => n.kind)).toEqual(['circle', 'circle']);
    expect(groups.find((g) => g.id === 'aircraft')!.children.map((n) => n.kind)).toEqual(['path', 'path']);
    expect(draw().groups.find((g) => g.id === 'aircraft')!.children).toEqual([]);
  });
  it('names places as text, keeps context names inside the edges and off the story names', () => {
    const { groups } = draw();
    const names = [...walk(groups)].filter((n) => n.kind === 'text');
    const texts = names.map((n) => n.kind === 'text' && n.text);
    expect(texts).toEqual(expect.arrayContaining(['Baku GYD', 'Grozny GRV', 'Aktau SCO', 'Crash site', 'Caspian Sea']));
    for (const n of names) {
      if (n.kind !== 'text') continue;
      expect(n.halo).toBeDefined();
      expect(n.x).toBeGreaterThanOrEqual(rect.x);
      expect(n.x).toBeLessThanOrEqual(rect.x + rect.w);
    }
    const country = names.find((n) => n.kind === 'text' && n.text === 'GEORGIA');
    if (country?.kind === 'text') expect(country.letterSpacing).toBeGreaterThan(0);
  });
  it('draws a named city’s dot where its name is in band (Grozny close up), none at the whole route', () => {
    const cityDots = (groups: ReturnType<typeof draw>['groups']) =>
      groups.find((g) => g.id === 'places')!.children.filter((n) => n.kind === 'circle' && n.fill === LIGHT[SYMBOLOGY.city.fill]);
    expect(cityDots(draw().groups)).toEqual([]);
    const camera = fitBounds([45.55, 43.2, 45.85, 43.5], rect.w, rect.h, { top: 44, right: 124, bottom: 44, left: 64 });
    const scene = sceneOf({ layers, track }, wholeRoute(track));
    const groups = mapGroups({ basemap, scene, palette: LIGHT, camera, ratio: 1, rect, keepInside: { x: 56, y: 14 }, measure });
    const dots = cityDots(groups);
    expect(dots).toHaveLength(1);
    const grozny = projector(camera, rect, 1, 12)(scene.names.find((n) => n.id === 'city:Grozny')!.at);
    const d = dots[0]!;
    if (d.kind === 'circle') {
      expect(d.cx).toBeCloseTo(grozny[0], 0);
      expect(d.cy).toBeCloseTo(grozny[1], 0);
      expect(d.r).toBe(SYMBOLOGY.city.radius + SYMBOLOGY.city.strokeWidth / 2);
    }
  });
  it('places context names clear of what covers the map (the legend over it)', () => {
    const camera = fitBounds(exportFrame(layers, wholeRoute(track)), rect.w, rect.h, { top: 44, right: 124, bottom: 44, left: 64 });
    const scene = sceneOf({ layers, track }, wholeRoute(track));
    const georgia = (covers: { x: number; y: number; w: number; h: number }[]) =>
      [...walk(mapGroups({ basemap, scene, palette: LIGHT, camera, ratio: 1, rect, keepInside: { x: 56, y: 14 }, covers, measure }))].find(
        (n) => n.kind === 'text' && n.text === 'GEORGIA',
      );
    const open = georgia([]);
    expect(open?.kind).toBe('text');
    if (open?.kind !== 'text') return;
    // A box over where it stood: it moves off it or is left out, never drawn under it.
    const cover = { x: open.x - 10, y: open.y - 30, w: 200, h: 50 };
    const under = georgia([cover]);
    if (under?.kind === 'text') expect(under.x > cover.x + cover.w || under.y - under.size > cover.y + cover.h || under.y < cover.y).toBe(true);
  });
  it('turns and scales an icon about its centre', () => {
    expect(iconD([['M', 15, 2], ['L', 15, 28], ['Z']], 30, [100, 100], 90, 2)).toBe('M126 100L74 100Z');
  });

  it('draws the ✕’s halo under the airports’ rings and its strokes over them (Aktau’s ring beside it stays whole)', () => {
    const { groups } = draw();
    const places = groups.find((g) => g.id === 'places')!.children;
    const kinds = places.map((n) =>
      n.kind === 'path' ? (n.strokeWidth === CRASH_ICON.haloWidth ? 'halo' : 'cross') : n.kind === 'circle' && n.r > 4 ? 'ring' : 'dot',
    );
    const rings = kinds.flatMap((k, i) => (k === 'ring' ? [i] : []));
    expect(rings.length).toBeGreaterThanOrEqual(4);
    expect(kinds.indexOf('halo')).toBeLessThan(Math.min(...rings));
    expect(kinds.indexOf('cross')).toBeGreaterThan(Math.max(...rings));
  });
});
