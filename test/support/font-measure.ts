/**
 * Text widths as the pictures set them, from the Noto Sans files the app ships (@fontsource/noto-sans, WOFF read
 * by fontkit): each letter's advance in the first subset that has it (latin, latin-ext, cyrillic, cyrillic-ext),
 * without kerning. For unit tests of a layout that must match the picture's (a name a few px from the edge), where
 * the pessimistic measures (every letter as wide as a capital) would place it elsewhere.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

type Font = { unitsPerEm: number; hasGlyphForCodePoint(cp: number): boolean; glyphForCodePoint(cp: number): { advanceWidth: number } };
const require = createRequire(import.meta.url);
const fontkit = require('fontkit') as { create(b: Buffer): Font };
const SUBSETS = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext'] as const;
const fonts = new Map<number, Font[]>();
const fontsOf = (weight: number): Font[] => {
  let f = fonts.get(weight);
  if (!f) {
    f = SUBSETS.map((s) => fontkit.create(readFileSync(require.resolve(`@fontsource/noto-sans/files/noto-sans-${s}-${weight}-normal.woff`))));
    fonts.set(weight, f);
  }
  return f;
};

/** The width of one line of text in Noto Sans at `weight` and `size` px. */
export function notoMeasure(text: string, weight: 400 | 600 | 700, size: number): number {
  const fs = fontsOf(weight);
  let w = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const f = fs.find((x) => x.hasGlyphForCodePoint(cp)) ?? fs[0]!;
    w += (f.glyphForCodePoint(cp).advanceWidth / f.unitsPerEm) * size;
  }
  return w;
}
