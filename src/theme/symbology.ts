/**
 * THE symbology table: every colour (light and dark), width, dash, opacity, radius, text size and weight,
 * halo, icon shape and name priority of the map, its legend, its exports and the page around it. Nothing
 * else in src/ writes a colour: the MapLibre style (src/map/style.ts), the legend (src/ui/legend-data.ts),
 * the live overlay and names (src/map/), the icons, the export's theme (src/export/core/theme.ts), the KML
 * styles and the page's CSS custom properties (css.ts, served as `virtual:theme.css`) are made from it.
 * A unit test (colour-literals.test.ts) fails on a colour literal anywhere else.
 *
 * Story colours are from the Okabe–Ito colour-blind-safe set, darkened where a line or label needs 3:1
 * (lines) or 4.5:1 (text) against land and water in the light theme. Pure data.
 */

export type Mode = 'light' | 'dark';

/** One colour in each theme. */
export interface Colour {
  light: string;
  dark: string;
}
const c = (light: string, dark: string = light): Colour => ({ light, dark });

/** The map's colours, by name (the palette: `paletteFor(mode)`). */
export const MAP_COLOURS = {
  water: c('#d6e4ec', '#13202b'),
  land: c('#f5f2eb', '#262b2f'),
  landStroke: c('#9fb3c0', '#4a5d6b'),
  border: c('#a09a92', '#6f6a64'),
  lake: c('#d6e4ec', '#13202b'),
  countryLabel: c('#6f675e', '#9b948c'),
  seaLabel: c('#3d5b70', '#7fa3ba'),
  labelHalo: c('#ffffff', '#101417'),
  text: c('#1d1d1b', '#f1efe9'),
  planned: c('#0072B2', '#56B4E9'),
  track: c('#c45500', '#E69F00'),
  trackGhost: c('#c45500', '#E69F00'),
  area: c('#CC79A7', '#CC79A7'),
  areaOuter: c('#a8447f', '#CC79A7'),
  claim: c('#7a2e63', '#f0a6d6'),
  airport: c('#1d1d1b', '#f1efe9'),
  crash: c('#000000', '#ffffff'),
  aircraft: c('#1d1d1b', '#f1efe9'),
  halo: c('#c45500', '#E69F00'),
} as const satisfies Record<string, Colour>;

export type MapColour = keyof typeof MAP_COLOURS;

/**
 * The page's colours: each is the CSS custom property `--<kebab-name>` (css.ts), and the export's page
 * colours are the same values (so a picture looks like the page it came from).
 */
export const PAGE_COLOURS = {
  bg: c('#ffffff', '#121517'),
  fg: c('#1d1d1b', '#f1efe9'),
  muted: c('#5d5a55', '#b1aca4'),
  rule: c('#e3e0da', '#2f3539'),
  panel: c('#faf9f6', '#191d20'),
  accent: c('#D55E00', '#E69F00'),
  /** The accent as text: 4.5:1 on the page and the panel. */
  accentText: c('#b04a00', '#E69F00'),
  link: c('#005a8c', '#8ccaf0'),
  focus: c('#0072B2', '#56B4E9'),
  bOfficialReport: c('#005a8c', '#8ccaf0'),
  bOfficialStatement: c('#3d6e8a', '#a9c6d8'),
  bAdsB: c('#007a5a', '#5fd0ad'),
  bReported: c('#8a6100', '#e8c066'),
  bClaim: c('#7a2e63', '#f0a6d6'),
  bDerived: c('#5d5a55', '#b1aca4'),
  notice: c('#eef4f8', '#1b2a35'),
  noticeWarning: c('#fff5e0', '#35290f'),
  noticeWarningEdge: c('#b07800'),
  noticeError: c('#fdecec', '#3a1717'),
  noticeErrorEdge: c('#b00020'),
  exportError: c('#b3261e', '#ffb4ab'),
  /** The map's own background while the basemap loads: its water. */
  mapWater: MAP_COLOURS.water,
  /** On MapLibre's white buttons (in the dark theme they take the panel's colours: app.css). */
  ctrlText: c('#333333'),
  /** A picture's background behind an image poster (the poster is a light picture). */
  posterBg: c('#ffffff'),
  shadow: c('rgb(0 0 0 / 0.12)'),
  shadowStrong: c('rgb(0 0 0 / 0.25)'),
  dialogShadow: c('rgb(0 0 0 / 0.3)'),
  backdrop: c('rgb(0 0 0 / 0.5)'),
} as const satisfies Record<string, Colour>;

export type PageColour = keyof typeof PAGE_COLOURS;

/**
 * The downloads' stand-alone HTML page (src/opendata/html.ts): it follows the reader's system theme with
 * `prefers-color-scheme`, and has colours of its own.
 */
export const DOC_COLOURS = {
  /** The page's own text colour. */
  fg: PAGE_COLOURS.fg,
  bg: c('#fff', '#101417'),
  rule: c('#ccc', '#444'),
  muted: c('#555', '#b5b0a8'),
  link: c('#0b5cad', '#8cc4ff'),
} as const satisfies Record<string, Colour>;

/** Opacity of boxes over the map (the legend; in an export the legend and the scale bars) over the page colour. */
export const OVERLAY_ALPHA = { light: 0.93, dark: 0.93 } as const satisfies Record<Mode, number>;

// ------------------------------------------------------------------ lines, areas and points

export type Cap = 'butt' | 'round';

export interface LineSymbol {
  colour: MapColour;
  /** CSS pixels. */
  width: number;
  /** Dash and gap, in line widths (MapLibre's line-dasharray); absent: solid. */
  dash?: readonly [number, number];
  opacity: number;
  cap: Cap;
}

export interface FillSymbol {
  colour: MapColour;
  opacity: number;
}

export interface CircleSymbol {
  fill: MapColour;
  /** CSS pixels. */
  radius: number;
  stroke: MapColour;
  strokeWidth: number;
}

/** Dash patterns (in line widths) by certainty, shared by every line of that certainty. */
export const DASH = {
  planned: [2, 2],
  approximate: [1, 0],
  reconstructed: [0.6, 1.8],
} as const;

/** The track's certainty classes, each with its line. */
export type Certainty = 'approximate' | 'reconstructed';

export const SYMBOLOGY = {
  coast: { colour: 'landStroke', width: 0.8, opacity: 1, cap: 'butt' } as LineSymbol,
  /** Country borders (and, as carto adds them, republic borders: `republicBorder`). */
  border: { colour: 'border', width: 1, dash: [3, 2], opacity: 1, cap: 'butt' } as LineSymbol,
  republicBorder: { colour: 'border', width: 0.6, dash: [3, 2], opacity: 0.8, cap: 'butt' } as LineSymbol,
  land: { colour: 'land', opacity: 1 } as FillSymbol,
  lake: { colour: 'lake', opacity: 1 } as FillSymbol,
  sea: { colour: 'water', opacity: 1 } as FillSymbol,
  planned: { colour: 'planned', width: 2.5, dash: DASH.planned, opacity: 1, cap: 'butt' } as LineSymbol,
  /** The flown path, by certainty (solid where approximate, dotted where reconstructed). */
  flown: {
    approximate: { colour: 'track', width: 3.5, opacity: 1, cap: 'round' } as LineSymbol,
    reconstructed: { colour: 'track', width: 3.5, dash: DASH.reconstructed, opacity: 1, cap: 'round' } as LineSymbol,
  },
  /** The path not yet flown at the moment: a faint ghost of the whole reconstruction. */
  unflown: { colour: 'trackGhost', width: 2, dash: DASH.reconstructed, opacity: 0.28, cap: 'round' } as LineSymbol,
  /** The aircraft's uncertainty ring: its radius is the uncertainty on the ground. */
  ring: { colour: 'halo', fillOpacity: 0.12, strokeWidth: 1, strokeOpacity: 0.6 },
  /** Our estimate of the strike area. */
  strikeArea: { fill: { colour: 'area', opacity: 0.28 } as FillSymbol, line: { colour: 'areaOuter', width: 1.5, opacity: 1, cap: 'butt' } as LineSymbol },
  /** The official account's "near Grozny": an outline only. */
  officialArea: { colour: 'areaOuter', width: 1.2, dash: [2, 2], opacity: 0.9, cap: 'butt' } as LineSymbol,
  claim: { fill: 'claim', radius: 5, stroke: 'labelHalo', strokeWidth: 1.5 } as CircleSymbol,
  airport: { fill: 'labelHalo', radius: 4.5, stroke: 'airport', strokeWidth: 2 } as CircleSymbol,
  /** A named city's point (drawn with its name, in the name's zoom band; a map's own convention, not in the legend). */
  city: { fill: 'text', radius: 2.5, stroke: 'labelHalo', strokeWidth: 1 } as CircleSymbol,
} as const;

/** Half the widest of the story's lines (the flown track): how far a name's box keeps off a line's centre (map/label-layout.ts). */
export const STORY_LINE_HALF_WIDTH =
  Math.max(SYMBOLOGY.planned.width, SYMBOLOGY.flown.approximate.width, SYMBOLOGY.flown.reconstructed.width, SYMBOLOGY.unflown.width) / 2;

// ------------------------------------------------------------------ icons

/** A path as commands in the icon's own pixels: M and L take a point, Q a control point and a point. */
export type IconPath = readonly (readonly ['M' | 'L', number, number] | readonly ['Q', number, number, number, number] | readonly ['Z'])[];

export interface IconSymbol {
  /** The icon's box, CSS pixels. */
  size: number;
  path: IconPath;
  /** Drawn first, in `halo`, this wide. */
  halo: MapColour;
  haloWidth: number;
  /** Then the shape: filled (aircraft) or stroked this wide with round caps (crash). */
  colour: MapColour;
  width?: number;
}

/** A plan-view airliner pointing up (north) in a 30 px box: outlined, then filled. */
export const AIRCRAFT_ICON: IconSymbol = {
  size: 30,
  halo: 'labelHalo',
  haloWidth: 2.2,
  colour: 'aircraft',
  path: [
    ['M', 15, 2], // nose
    ['Q', 17.4, 4, 17.4, 9],
    ['L', 17.4, 11],
    ['L', 28, 17], // right wing tip
    ['L', 28, 19.5],
    ['L', 17.4, 16.5],
    ['L', 16.8, 23],
    ['L', 21, 26],
    ['L', 21, 28],
    ['L', 15, 26.5],
    ['L', 9, 28],
    ['L', 9, 26],
    ['L', 13.2, 23],
    ['L', 12.6, 16.5],
    ['L', 2, 19.5],
    ['L', 2, 17],
    ['L', 12.6, 11],
    ['L', 12.6, 9],
    ['Q', 12.6, 4, 15, 2],
    ['Z'],
  ],
};

/** A bold ✕ on a halo in a 22 px box: round-capped strokes, the halo then the mark. */
export const CRASH_ICON: IconSymbol = {
  size: 22,
  path: [
    ['M', 5, 5],
    ['L', 17, 17],
    ['M', 17, 5],
    ['L', 5, 17],
  ],
  halo: 'labelHalo',
  haloWidth: 7,
  colour: 'crash',
  width: 3.5,
};

/** An icon's path as SVG path data, scaled by k and moved by (dx, dy). */
export function iconPathD(path: IconPath, k = 1, dx = 0, dy = 0): string {
  const n = (v: number) => String(Math.round(v * 1000) / 1000);
  const p = (x: number, y: number) => `${n(x * k + dx)} ${n(y * k + dy)}`;
  return path.map((cmd) => (cmd[0] === 'Z' ? 'Z' : cmd[0] === 'Q' ? `Q${p(cmd[1], cmd[2])} ${p(cmd[3], cmd[4])}` : `${cmd[0]}${p(cmd[1], cmd[2])}`)).join('');
}

// ------------------------------------------------------------------ names

/** The side of a name that sits on its point (MapLibre's text-anchor). */
export type NameAnchor = 'center' | 'left' | 'right' | 'top' | 'bottom' | 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right';

export interface NameSymbol {
  colour: MapColour;
  halo: MapColour;
  haloWidth: number;
  /** px, or by zoom [z0, px0, z1, px1] (linear between, clamped). */
  size: number | readonly [number, number, number, number];
  weight: 400 | 600;
  /** em. */
  letterSpacing: number;
  /** Placed first where names collide: higher first. */
  priority: number;
  /** Anchors tried in order (the export keeps the first). */
  anchors: readonly NameAnchor[];
  /**
   * Tried where the name fits at none of `anchors` in any of its forms: on the live map and the embed's poster
   * (map/scene-labels.ts). The exports place a claim's name by their own rules instead, in more lines or a shorter
   * form (export/core/claim-names.ts).
   */
  lastAnchors?: readonly NameAnchor[];
  /** Distance from the point, em: radial (MapLibre's text-radial-offset) or to the side (text-offset [x, 0]). */
  offsetEm?: number;
  offset?: 'radial' | 'side';
  /** Shown from this zoom. */
  minZoom?: number;
  /** Longest line, em. */
  maxWidth?: number;
}

export type NameKind = 'country' | 'republic' | 'sea' | 'city' | 'claim' | 'crash' | 'airport';

/** The names by kind. A newcomer changes a name's priority here. */
export const NAMES: Record<NameKind, NameSymbol> = {
  republic: {
    colour: 'countryLabel',
    halo: 'land',
    haloWidth: 1.2,
    size: [6, 10, 9, 12],
    weight: 400,
    letterSpacing: 0.15,
    priority: 0.5,
    anchors: ['center'],
  },
  country: {
    colour: 'countryLabel',
    halo: 'land',
    haloWidth: 1.2,
    size: [4, 11, 8, 14],
    weight: 400,
    letterSpacing: 0.2,
    priority: 1,
    anchors: ['center'],
    maxWidth: 20,
  },
  sea: { colour: 'seaLabel', halo: 'water', haloWidth: 1, size: [4, 12, 8, 16], weight: 400, letterSpacing: 0.15, priority: 2, anchors: ['center'] },
  claim: {
    colour: 'claim',
    halo: 'labelHalo',
    haloWidth: 1.5,
    size: 11,
    weight: 400,
    letterSpacing: 0,
    priority: 3,
    anchors: ['left', 'right'],
    // Below the dot to its right first: at the first impact on a 360 px phone, in Russian and Kazakh, the 15 km
    // claim's name found no room at either side (the 18 km claim's name just above, the map's edge to its left).
    lastAnchors: ['top-left', 'bottom-left', 'top-right', 'bottom-right'],
    offsetEm: 0.8,
    offset: 'side',
    minZoom: 8.5,
    maxWidth: 14,
  },
  city: {
    colour: 'text',
    halo: 'labelHalo',
    haloWidth: 1.4,
    size: 12,
    weight: 400,
    letterSpacing: 0,
    priority: 3.5,
    anchors: ['right', 'left', 'top', 'bottom'],
    offsetEm: 0.5,
    offset: 'radial',
  },
  crash: {
    colour: 'text',
    halo: 'labelHalo',
    haloWidth: 1.6,
    size: 13,
    weight: 600,
    letterSpacing: 0,
    priority: 4,
    // Left of the mark first (the airport's name is to its right); right of it where the map's edge is near (a phone).
    anchors: ['right', 'bottom-right', 'top-right', 'left', 'bottom-left', 'top-left'],
    offsetEm: 0.9,
    offset: 'radial',
  },
  airport: {
    colour: 'text',
    halo: 'labelHalo',
    haloWidth: 1.6,
    size: 13,
    weight: 600,
    letterSpacing: 0,
    priority: 5,
    anchors: ['left', 'top-left', 'bottom-left', 'right', 'top', 'bottom'],
    offsetEm: 0.7,
    offset: 'radial',
  },
};

/**
 * The size a name's element is laid out at, px (the live map's and the poster's names): its size at the first zoom of
 * its range; nameSize over this is the scale it is drawn at.
 */
export function nameBaseSize(s: NameSymbol): number {
  return typeof s.size === 'number' ? s.size : s.size[1];
}

/** A name's size in px at a zoom. */
export function nameSize(s: NameSymbol, zoom: number): number {
  if (typeof s.size === 'number') return s.size;
  const [z0, v0, z1, v1] = s.size;
  const f = Math.min(1, Math.max(0, (zoom - z0) / (z1 - z0)));
  return v0 + (v1 - v0) * f;
}

// ------------------------------------------------------------------ the palette

export type Palette = Record<MapColour, string>;

export function paletteFor(mode: Mode): Palette {
  return Object.fromEntries(Object.entries(MAP_COLOURS).map(([k, v]) => [k, v[mode]])) as Palette;
}

export type PagePalette = Record<PageColour, string>;

export function pageColours(mode: Mode): PagePalette {
  return Object.fromEntries(Object.entries(PAGE_COLOURS).map(([k, v]) => [k, v[mode]])) as PagePalette;
}
