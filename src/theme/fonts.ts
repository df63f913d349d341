/**
 * The shipped font files: Noto Sans (SIL OFL, public/fonts/OFL.txt) from @fontsource/noto-sans, in four subsets,
 * each with the code points it covers (its CSS `unicode-range`), so a reader's browser fetches only the subsets
 * their text needs: an English page loads latin alone; Azerbaijani adds latin-ext (ə ğ ş), Russian cyrillic, Kazakh
 * cyrillic and cyrillic-ext (ә ғ қ ң ө ү һ). One table for the page's CSS (checked against it by a unit test), the
 * map's font-faces, the PNG export's FontFaces, the export's glyph check and the vector export. Pure.
 */

export type FontWeight = 400 | 600 | 700;
export const FONT_WEIGHTS: readonly FontWeight[] = [400, 600, 700];

export interface FontSubset {
  name: 'latin' | 'latin-ext' | 'cyrillic' | 'cyrillic-ext';
  /** CSS unicode-range, as @fontsource writes it. */
  unicodeRange: string;
}

export const FONT_SUBSETS: readonly FontSubset[] = [
  {
    name: 'latin',
    unicodeRange:
      'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
  },
  {
    name: 'latin-ext',
    unicodeRange:
      'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF',
  },
  { name: 'cyrillic', unicodeRange: 'U+0301,U+0400-045F,U+0490-0491,U+04B0-04B1,U+2116' },
  { name: 'cyrillic-ext', unicodeRange: 'U+0460-052F,U+1C80-1C8A,U+20B4,U+2DE0-2DFF,U+A640-A69F,U+FE2E-FE2F' },
];

/** The file of a subset and weight, relative to the app's base URL. */
export const fontFile = (subset: FontSubset['name'], weight: FontWeight) => `fonts/noto-sans-${subset}-${weight}-normal.woff2`;

/** [first, last] code point pairs of a unicode-range. */
export function parseUnicodeRange(range: string): [number, number][] {
  return range.split(',').map((part) => {
    const [a, b] = part.trim().replace(/^U\+/i, '').split('-');
    return [parseInt(a!, 16), parseInt(b ?? a!, 16)];
  });
}

const COVERED = FONT_SUBSETS.flatMap((s) => parseUnicodeRange(s.unicodeRange));

/** Whether the shipped fonts draw this code point. */
export const fontCovers = (cp: number): boolean => COVERED.some(([a, b]) => cp >= a && cp <= b);

/** The subsets a text needs (e.g. to preload, or to tell a vector export which files to embed). */
export function subsetsFor(text: string): FontSubset['name'][] {
  const need = new Set<FontSubset['name']>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const s = FONT_SUBSETS.find((f) => parseUnicodeRange(f.unicodeRange).some(([a, b]) => cp >= a && cp <= b));
    if (s) need.add(s.name);
  }
  return [...need];
}
