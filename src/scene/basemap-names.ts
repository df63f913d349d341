/**
 * Where the basemap's names go: label points placed by hand where they do not collide with the story
 * (cartography, not story data). scripts/build-basemap.ts checks each country's point falls inside it and
 * writes them into basemap.json (the export draws them from there); the live map draws them as text
 * (labels.ts); the scene (scene.ts) lists them with the other names. Pure data.
 */
import type { LngLat } from '../geo/mercator';

/** Natural Earth country name, the label, its point. */
export const COUNTRY_LABELS: readonly (readonly [string, string, LngLat])[] = [
  ['Russia', 'RUSSIA', [44.3, 44.9]],
  ['Kazakhstan', 'KAZAKHSTAN', [53.6, 44.9]],
  ['Azerbaijan', 'AZERBAIJAN', [47.6, 40.3]],
  ['Georgia', 'GEORGIA', [43.9, 42.25]],
  ['Armenia', 'ARMENIA', [44.8, 40.25]],
  ['Turkmenistan', 'TURKMENISTAN', [55.5, 39.7]],
  ['Iran', 'IRAN', [52.0, 36.2]],
  ['Turkey', 'TURKEY', [40.0, 39.5]],
  ['Uzbekistan', 'UZBEKISTAN', [58.5, 43.6]],
];

/** Sea names, at points in open water. */
export const SEA_LABELS: readonly (readonly [string, LngLat])[] = [
  ['Caspian Sea', [50.6, 41.9]],
  ['Black Sea', [36.4, 43.1]],
];
