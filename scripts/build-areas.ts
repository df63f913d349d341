/**
 * `npm run areas`: writes each area of geo/strike-area.geojson as a Polygon, the circle of its
 * `properties.center` and `properties.radiusKm` (turf `circle`, src/story/area.ts), so that any GIS tool
 * opening geo/ sees areas, not points. Claims (Points) are left as they are. An area still stored as a Point
 * takes that point as its centre. `--check` writes nothing and exits 1 when the file is not up to date.
 *
 *   npm run areas [-- --check] [-- path/to/geo]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { areaRing } from '../src/story/area.ts';

type Json = Record<string, unknown>;
interface Feature {
  type: 'Feature';
  geometry: { type: string; coordinates: unknown };
  properties: Json;
}

/** The file's text with every area's Polygon regenerated. Pure (text in, text out). */
export function buildAreas(text: string): string {
  const fc = JSON.parse(text) as { type: string; features: Feature[] };
  const features = fc.features.map((f) => {
    const p = f.properties;
    if (p.kind !== 'area') return f;
    const center = (p.center ?? (f.geometry.type === 'Point' ? f.geometry.coordinates : undefined)) as [number, number] | undefined;
    if (!Array.isArray(center) || typeof p.radiusKm !== 'number')
      throw new Error(`geo/strike-area.geojson: area "${String(p.id)}" needs properties.center [lon, lat] and properties.radiusKm`);
    // Key order: centre and radius right after the kind, where a reader looks for them.
    const { id, kind, name, center: _c, radiusKm, ...rest } = p;
    void _c;
    return {
      type: 'Feature' as const,
      geometry: { type: 'Polygon', coordinates: [areaRing([center[0], center[1]], radiusKm)] },
      properties: { id, kind, name, center: [center[0], center[1]], radiusKm, ...rest },
    };
  });
  return format({ type: 'FeatureCollection', features });
}

/** One feature per block: geometry first (positions six to a line), then its properties. */
function format(fc: { type: string; features: { type: string; geometry: { type: string; coordinates: unknown }; properties: Json }[] }): string {
  const pos = (p: number[]) => `[${p.join(', ')}]`;
  const geometry = (g: { type: string; coordinates: unknown }) => {
    if (g.type !== 'Polygon') return JSON.stringify(g).replace(/,/g, ', ').replace(/:/g, ': ').replace(/^\{/, '{ ').replace(/\}$/, ' }');
    const rings = (g.coordinates as number[][][]).map((ring) => {
      const lines: string[] = [];
      for (let i = 0; i < ring.length; i += 6)
        lines.push(
          ring
            .slice(i, i + 6)
            .map(pos)
            .join(', '),
        );
      return `[\n          ${lines.join(',\n          ')}\n        ]`;
    });
    return `{ "type": "Polygon", "coordinates": [\n        ${rings.join(',\n        ')}\n      ] }`;
  };
  // Arrays of plain values (centre, sources) on one line.
  const props = (p: Json) =>
    JSON.stringify(p, null, 2)
      .replace(/\[\n\s+([^[\]{}]*?)\n\s*\]/g, (_m, inner: string) => `[${inner.split(/,\n\s+/).join(', ')}]`)
      .replace(/\n/g, '\n      ');
  const items = fc.features.map((f) => `    { "type": "Feature",\n      "geometry": ${geometry(f.geometry)},\n      "properties": ${props(f.properties)} }`);
  return `{\n  "type": "FeatureCollection",\n  "features": [\n${items.join(',\n')}\n  ]\n}\n`;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const root = args.find((a) => !a.startsWith('--')) ?? 'geo';
  const file = join(root, 'strike-area.geojson');
  const before = readFileSync(file, 'utf8');
  const after = buildAreas(before);
  if (check) {
    if (before !== after) {
      console.error(`${file}: the areas are not the circles of their properties; run \`npm run areas\``);
      process.exit(1);
    }
    console.log(`${file}: areas up to date`);
  } else {
    writeFileSync(file, after);
    console.log(`wrote ${file}: ${JSON.parse(after).features.filter((f: Feature) => f.properties.kind === 'area').length} areas as Polygons`);
  }
}
