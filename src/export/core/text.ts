/**
 * The words on an exported picture, and its file name. Pure: no DOM, no MapLibre.
 */
import { clock, day, LOCAL_ZONES, localTimes } from '../../time/format';
import { positionAt, type TrackModel } from '../../track/interpolate';
import type { ResolvedExport, ResolvedMoment } from './request';
import { sizeTag } from './presets';

export const EXPORT_TITLE = 'J2-8243 (AHY8243): Baku → Grozny, diverted to Aktau';

export const SOURCES_SUMMARY =
  'Sources: Kazakh Ministry of Transport preliminary report (4 Feb 2025) and interim statement (25 Dec 2025), Flightradar24, official statements and news reports, each named on its event in the interactive map.';
export const BASEMAP_CREDIT = 'Basemap: Natural Earth.';

/** The span of the path that no position data supports: from the first reconstructed leg to the crash. */
export function reconstructedSpan(track: TrackModel): { from: number; to: number } | null {
  const first = track.legs.find((l) => l.certainty === 'reconstructed');
  return first ? { from: first.t0, to: track.end } : null;
}

export function reconstructedNote(track: TrackModel): string {
  const span = reconstructedSpan(track);
  const base = 'Positions, the planned route and the strike area are estimates.';
  if (!span) return base;
  return `The path between ${clock(span.from, 'UTC', false)} and ${clock(span.to, 'UTC', false)} UTC is reconstructed from descriptions: no position fixes were published. ${base}`;
}

/** Set by the build (scripts/lib/downloads-plugin.ts; src/opendata/build-info.ts): the date the data is as of, among others. */
declare const __OPENDATA__: { updated: string } | undefined;
const DATA_AS_OF = typeof __OPENDATA__ === 'object' && __OPENDATA__ !== null ? __OPENDATA__.updated : undefined;

/** The credit under every export (PNG, SVG, PDF): sources, basemap, and the date the data is as of (geo/changelog.json). */
export function creditLine(dataAsOf: string | undefined = DATA_AS_OF): string {
  return `${SOURCES_SUMMARY} ${BASEMAP_CREDIT}${dataAsOf ? ` ${dataAsOfLine(dataAsOf)}` : ''}`;
}

/** "Data as of 21 Nov 2026." for a YYYY-MM-DD date. */
export function dataAsOfLine(date: string): string {
  return `Data as of ${day(Date.parse(`${date}T00:00:00Z`))}.`;
}

/** The date and moment shown: UTC plus the local times of Baku, Grozny / Moscow and Aktau. */
export function momentLine(m: ResolvedMoment, track: TrackModel): string {
  if (m.kind === 'route') {
    const baku = LOCAL_ZONES[0]!.zone, aktau = LOCAL_ZONES[2]!.zone;
    return (
      `${day(track.start)} · The whole flight: take-off from Baku ${clock(track.start, 'UTC', false)} UTC (${clock(track.start, baku, false)} local), ` +
      `crash near Aktau ${clock(track.end, 'UTC', false)} UTC (${clock(track.end, aktau, false)} local)`
    );
  }
  if (m.chapter === 'aftermath') return `As reported by ${day(m.t)}: the whole flight, with the strike points claimed by then`;
  const locals = localTimes(m.t);
  const p = positionAt(track, m.t);
  const km = Math.round(p.uncertaintyKm);
  const where = km > 0 ? ` · Aircraft position estimated, within about ${km} km` : '';
  return `${day(m.t)}, ${clock(m.t)} UTC · ${locals}${where}`;
}

export type ExportFormat = 'png' | 'svg' | 'pdf';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['png', 'svg', 'pdf'];

/** `j2-8243_2024-12-25T051331Z_16x9@2x.png`, `j2-8243_route_a4@1x_dark.pdf`, `j2-8243_2024-12-27_1x1@1x.svg`. */
export function exportFilename(r: Pick<ResolvedExport, 'size' | 'moment' | 'dark'>, format: ExportFormat = 'png'): string {
  const m = r.moment;
  let when = 'route';
  if (m.kind === 'moment') {
    const iso = new Date(Math.round(m.t / 1000) * 1000).toISOString();
    if (m.chapter === 'aftermath') when = iso.slice(0, 10);
    else {
      const hhmm = iso.slice(11, 13) + iso.slice(14, 16);
      const ss = iso.slice(17, 19);
      when = `${iso.slice(0, 10)}T${hhmm}${ss === '00' ? '' : ss}Z`;
    }
  }
  return `j2-8243_${when}_${sizeTag(r.size)}${r.dark ? '_dark' : ''}.${format}`;
}

/**
 * Text split into runs the shipped fonts can draw and the arrows they cannot (the Latin subset of
 * Noto Sans has no U+2192), which the export draws as a shape so no system font is ever used.
 */
export type TextRun = { kind: 'text'; text: string } | { kind: 'arrow' };
export function textRuns(text: string): TextRun[] {
  const runs: TextRun[] = [];
  for (const [i, part] of text.split('→').entries()) {
    if (i > 0) runs.push({ kind: 'arrow' });
    if (part) runs.push({ kind: 'text', text: part });
  }
  return runs;
}

/** Code points covered by public/fonts/noto-sans-latin-*.woff2 (the @fontsource "latin" subset). */
const LATIN_SUBSET: readonly [number, number][] = [
  [0x0000, 0x00ff], [0x0131, 0x0131], [0x0152, 0x0153], [0x02bb, 0x02bc], [0x02c6, 0x02c6], [0x02da, 0x02da], [0x02dc, 0x02dc],
  [0x0304, 0x0304], [0x0308, 0x0308], [0x0329, 0x0329], [0x2000, 0x206f], [0x20ac, 0x20ac], [0x2122, 0x2122], [0x2191, 0x2191],
  [0x2193, 0x2193], [0x2212, 0x2212], [0x2215, 0x2215], [0xfeff, 0xfeff], [0xfffd, 0xfffd],
];

/** Characters of `text` (outside arrows) that the shipped fonts cannot draw. */
export function missingGlyphs(text: string): string[] {
  const out = new Set<string>();
  for (const run of textRuns(text)) {
    if (run.kind !== 'text') continue;
    for (const ch of run.text) {
      const cp = ch.codePointAt(0)!;
      if (!LATIN_SUBSET.some(([a, b]) => cp >= a && cp <= b)) out.add(ch);
    }
  }
  return [...out];
}
