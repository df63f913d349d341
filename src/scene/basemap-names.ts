/**
 * Where the basemap's names go: the countries' label points and the seas' (cartography, not story data). Each
 * country has a few candidate points, tried in order where its name is placed (the live map, labels.ts; the PNG
 * and the SVG/PDF, export/core/map-names.ts): the first whose name fits (inside the visible map, clear of what
 * covers it and of the names placed before it) is drawn, the others not, so a country whose usual point is out of
 * view or under the legend is still named where its land shows, and never twice. Every point lies inside its
 * country (Natural Earth 1:10m, world-atlas): scripts/build-basemap.ts and the unit test check it. The scene
 * (scene.ts) lists the candidates with the other names; the export's PNG draws them from the style's
 * `context-names` source (map/style.ts). Pure data.
 */
import type { LngLat } from '../geo/mercator';

/** A candidate point for a country's name; where a zoom band is given, tried only in it (whole zooms, as MapLibre's filters). */
export interface CountryPoint {
  at: LngLat;
  minZoom?: number;
  maxZoom?: number;
}

export interface CountryLabel {
  /** Natural Earth's country name (world-atlas), which every point must lie in. */
  country: string;
  label: string;
  /** Tried in this order; the first whose name fits is drawn. */
  points: readonly CountryPoint[];
}

/**
 * The countries' names and their candidate points, in order. The first point of each is where the name stood
 * before (Russia and Kazakhstan by zoom: the story's frames look at small parts of them, so each is first named at
 * a point in view in those frames: the whole route; the coast and Grozny; the strike area; Aktau). The points after
 * it lie in the parts of the country the story's frames show when the first is out of view or covered (the legend
 * over the map's left side, the insets at its right): eastern Georgia and northern Armenia next to Dagestan and
 * Azerbaijan, Azerbaijan's north by Dagestan and its south by Iran, Iran's and Turkmenistan's Caspian coasts.
 */
export const COUNTRY_LABELS: readonly CountryLabel[] = [
  {
    country: 'Russia',
    label: 'RUSSIA',
    points: [
      { at: [46.5, 43.0], maxZoom: 7 },
      { at: [47.7, 42.0], maxZoom: 7 },
      { at: [45.3, 44.7], maxZoom: 7 },
      { at: [46.2, 43.3], minZoom: 7, maxZoom: 9 },
      { at: [45.55, 43.15], minZoom: 7, maxZoom: 9 },
      { at: [47.7, 42.0], minZoom: 7, maxZoom: 9 },
      { at: [45.56, 43.4], minZoom: 9 },
    ],
  },
  {
    country: 'Kazakhstan',
    label: 'KAZAKHSTAN',
    points: [
      { at: [51.3, 43.5], maxZoom: 8 },
      { at: [51.07, 43.83], minZoom: 8 },
    ],
  },
  {
    country: 'Azerbaijan',
    label: 'AZERBAIJAN',
    points: [{ at: [47.6, 40.3] }, { at: [48.45, 40.95] }, { at: [47.5, 40.65] }],
  },
  {
    country: 'Georgia',
    label: 'GEORGIA',
    points: [{ at: [43.9, 42.25] }, { at: [45.55, 41.85] }, { at: [45.85, 41.85] }, { at: [44.95, 42.35] }],
  },
  {
    country: 'Armenia',
    label: 'ARMENIA',
    points: [{ at: [44.8, 40.25] }, { at: [44.65, 40.5] }, { at: [44.95, 40.45] }, { at: [45.2, 39.95] }],
  },
  {
    country: 'Turkmenistan',
    label: 'TURKMENISTAN',
    points: [{ at: [55.5, 39.7] }, { at: [53.55, 40.35] }, { at: [55.3, 38.7] }],
  },
  { country: 'Iran', label: 'IRAN', points: [{ at: [52.0, 36.2] }, { at: [47.45, 39.05] }] },
  { country: 'Turkey', label: 'TURKEY', points: [{ at: [40.0, 39.5] }, { at: [43.65, 38.25] }, { at: [42.8, 38.0] }] },
  { country: 'Uzbekistan', label: 'UZBEKISTAN', points: [{ at: [58.5, 43.6] }] },
];

/** A country's name at one of its candidate points, as the scene and the export's source list it. */
export interface CountryName {
  /** `country:<LABEL>:<k>`, k the point's place in the country's list. */
  id: string;
  /** `country:<LABEL>`: the candidates of one name (the first that fits is drawn). */
  group: string;
  /** In the page's language. */
  text: string;
  at: LngLat;
  /** The point's place in its country's list (0 first). */
  order: number;
  minZoom?: number;
  maxZoom?: number;
}

/** Every country's candidate names, in the table's order; `name` translates (src/i18n placeName). */
export function countryNames(name: (english: string) => string): CountryName[] {
  return COUNTRY_LABELS.flatMap((c) =>
    c.points.map((p, k) => ({
      id: `country:${c.label}:${k}`,
      group: `country:${c.label}`,
      text: name(c.label),
      at: p.at,
      order: k,
      ...(p.minZoom !== undefined ? { minZoom: p.minZoom } : {}),
      ...(p.maxZoom !== undefined ? { maxZoom: p.maxZoom } : {}),
    })),
  );
}

/** Sea names, at points in open water. */
export const SEA_LABELS: readonly (readonly [string, LngLat])[] = [
  ['Caspian Sea', [50.6, 41.9]],
  ['Black Sea', [36.4, 43.1]],
];
