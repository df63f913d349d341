/**
 * Colours of the map and the legend (one place, so the legend, the map and the export agree).
 * Story colours are from the Okabe–Ito colour-blind-safe set, darkened where a line or label needs 3:1 (lines)
 * or 4.5:1 (text) against land and water in the light theme.
 */
export interface Palette {
  water: string;
  land: string;
  landStroke: string;
  border: string;
  lake: string;
  countryLabel: string;
  seaLabel: string;
  labelHalo: string;
  text: string;
  planned: string;
  track: string;
  trackGhost: string;
  area: string;
  areaOuter: string;
  claim: string;
  airport: string;
  crash: string;
  aircraft: string;
  halo: string;
}

export const LIGHT: Palette = {
  water: '#d6e4ec',
  land: '#f5f2eb',
  landStroke: '#9fb3c0',
  border: '#a09a92',
  lake: '#d6e4ec',
  countryLabel: '#6f675e',
  seaLabel: '#3d5b70',
  labelHalo: '#ffffff',
  text: '#1d1d1b',
  planned: '#0072B2',
  track: '#c45500',
  trackGhost: '#c45500',
  area: '#CC79A7',
  areaOuter: '#a8447f',
  claim: '#7a2e63',
  airport: '#1d1d1b',
  crash: '#000000',
  aircraft: '#1d1d1b',
  halo: '#c45500',
};

export const DARK: Palette = {
  water: '#13202b',
  land: '#262b2f',
  landStroke: '#4a5d6b',
  border: '#6f6a64',
  lake: '#13202b',
  countryLabel: '#9b948c',
  seaLabel: '#7fa3ba',
  labelHalo: '#101417',
  text: '#f1efe9',
  planned: '#56B4E9',
  track: '#E69F00',
  trackGhost: '#E69F00',
  area: '#CC79A7',
  areaOuter: '#CC79A7',
  claim: '#f0a6d6',
  airport: '#f1efe9',
  crash: '#ffffff',
  aircraft: '#f1efe9',
  halo: '#E69F00',
};

/** Dash patterns (in line widths) by certainty, shared by map and legend. */
export const DASH = {
  planned: [2, 2],
  approximate: [1, 0],
  reconstructed: [0.6, 1.8],
} as const;
