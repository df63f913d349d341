/**
 * The fonts the SVG and PDF writers embed: Noto Sans in the subsets the picture's words need (latin always;
 * latin-ext for Azerbaijani ə ğ ş, cyrillic for Russian and Kazakh, cyrillic-ext for Kazakh ә ғ қ ң ө ү һ), each
 * a file per weight, and how a line of text splits into runs, one font file each (PDFKit draws a run with one
 * font and cannot fall back per glyph; the SVG names every file under one family with its unicode-range, and the
 * viewer picks per glyph). The subsets and their ranges are src/theme/fonts.ts's. Pure.
 */
import { FONT_SUBSETS, fontCovers, parseUnicodeRange, type FontSubset, type FontWeight } from '../../theme/fonts';
import { walk, type VGroup } from './model';

export type SubsetName = FontSubset['name'];

/** One embedded font file: a subset of Noto Sans in one weight (WOFF2 for the SVG, WOFF or TTF for the PDF). */
export interface EmbeddedFont {
  subset: SubsetName;
  weight: FontWeight;
  bytes: Uint8Array;
}

/** Fonts as the writers take them: a list of subset files, or (the Latin subset only) one file per weight. */
export type WriterFonts = readonly EmbeddedFont[] | Partial<Record<FontWeight, Uint8Array>>;

/** The list form of either shape (a bare weight → bytes record is the Latin subset). */
export function fontList(fonts: WriterFonts): EmbeddedFont[] {
  if (Array.isArray(fonts)) return [...fonts];
  return (Object.entries(fonts) as [string, Uint8Array][]).map(([w, bytes]) => ({ subset: 'latin' as const, weight: Number(w) as FontWeight, bytes }));
}

const RANGES = new Map(FONT_SUBSETS.map((s) => [s.name, parseUnicodeRange(s.unicodeRange)]));
const inSubset = (cp: number, s: SubsetName) => RANGES.get(s)!.some(([a, b]) => cp >= a && cp <= b);

/**
 * The subset whose file draws a code point: the first whose range has it (ranges overlap, and the earlier file
 * is the one with the glyph: ı U+0131 is in latin's range and latin-ext's, and only latin's file has it), else latin.
 */
export function subsetOf(cp: number): SubsetName {
  return FONT_SUBSETS.find((s) => inSubset(cp, s.name))?.name ?? 'latin';
}

/** A line of text as runs of one subset each: "Грозный GRV" → [cyrillic "Грозный"], [latin " GRV"]. */
export function fontRuns(text: string): { subset: SubsetName; text: string }[] {
  const runs: { subset: SubsetName; text: string }[] = [];
  for (const ch of text) {
    const last = runs[runs.length - 1];
    const s = subsetOf(ch.codePointAt(0)!);
    if (last && last.subset === s) last.text += ch;
    else runs.push({ subset: s, text: ch });
  }
  return runs;
}

/**
 * The files a picture needs: latin in every weight (always), and every other subset in the weights its words
 * use; and the characters no shipped font draws (to refuse rather than draw a missing glyph).
 */
export function fontsNeeded(layers: readonly VGroup[]): { files: { subset: SubsetName; weight: FontWeight }[]; uncovered: string[] } {
  const need = new Set<string>(['latin:400', 'latin:600', 'latin:700']);
  const uncovered = new Set<string>();
  for (const n of walk(layers)) {
    if (n.kind !== 'text') continue;
    for (const ch of n.text) {
      const cp = ch.codePointAt(0)!;
      if (!fontCovers(cp)) uncovered.add(ch);
      else need.add(`${subsetOf(cp)}:${n.weight}`);
    }
  }
  const order = (s: SubsetName) => FONT_SUBSETS.findIndex((f) => f.name === s);
  const files = [...need]
    .map((k) => {
      const [subset, w] = k.split(':') as [SubsetName, string];
      return { subset, weight: Number(w) as FontWeight };
    })
    .sort((a, b) => order(a.subset) - order(b.subset) || a.weight - b.weight);
  return { files, uncovered: [...uncovered] };
}

/** A subset's CSS unicode-range (for the SVG's @font-face). */
export const unicodeRangeOf = (s: SubsetName) => FONT_SUBSETS.find((f) => f.name === s)!.unicodeRange;
