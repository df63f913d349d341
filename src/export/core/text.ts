/**
 * The words on an exported picture, and its file name. Pure: no DOM, no MapLibre.
 */
import { clock, day, LOCAL_ZONES, localTimes } from '../../time/format';
import { positionAt, type TrackModel } from '../../track/interpolate';
import type { ResolvedExport, ResolvedMoment } from './request';
import { sizeTag } from './presets';
import { fontCovers } from '../../theme/fonts';
import { intlTag, msg } from '../../i18n';
import { eventLine } from '../../i18n/words';
import type { Status } from '../../story/schema';

/** A file's size in the page's language: "264 kB", "1.3 MB"; «264 кБ», «1,3 МБ» (kB and MB of 1000). */
export function fileSize(bytes: number): string {
  const mb = bytes >= 1e6;
  return new Intl.NumberFormat(intlTag(), { style: 'unit', unit: mb ? 'megabyte' : 'kilobyte', maximumFractionDigits: mb ? 1 : 0 }).format(
    mb ? bytes / 1e6 : bytes / 1e3,
  );
}

/** The picture's title, sources and credit, in the page's language (geo/i18n). */
export const exportTitle = (): string => msg('export.title');
export const sourcesSummary = (): string => msg('export.sources');
export const basemapCredit = (): string => msg('export.basemap');

/** The span of the path that no position data supports: from the first reconstructed leg to the crash. */
export function reconstructedSpan(track: TrackModel): { from: number; to: number } | null {
  const first = track.legs.find((l) => l.certainty === 'reconstructed');
  return first ? { from: first.t0, to: track.end } : null;
}

export function reconstructedNote(track: TrackModel): string {
  const span = reconstructedSpan(track);
  const base = msg('export.estimates');
  if (!span) return base;
  return msg('export.reconstructed', { from: clock(span.from, 'UTC', false), to: clock(span.to, 'UTC', false), estimates: base });
}

/** Set by the build (scripts/lib/downloads-plugin.ts; src/opendata/build-info.ts): the date the data is as of, among others. */
declare const __OPENDATA__: { updated: string } | undefined;
const DATA_AS_OF = typeof __OPENDATA__ === 'object' && __OPENDATA__ !== null ? __OPENDATA__.updated : undefined;

/** The credit under every export (PNG, SVG, PDF): sources, basemap, and the date the data is as of (geo/changelog.json). */
export function creditLine(dataAsOf: string | undefined = DATA_AS_OF): string {
  return `${sourcesSummary()} ${basemapCredit()}${dataAsOf ? ` ${dataAsOfLine(dataAsOf)}` : ''}`;
}

/** "Data as of 21 Nov 2026." for a YYYY-MM-DD date. */
export function dataAsOfLine(date: string): string {
  return msg('export.dataAsOf', { date: day(Date.parse(`${date}T00:00:00Z`)) });
}

/** The date and moment shown: UTC plus the local times of Baku, Grozny / Moscow and Aktau. */
export function momentLine(m: ResolvedMoment, track: TrackModel, event?: { title: string; status: Status }): string {
  if (m.kind === 'route') {
    const baku = LOCAL_ZONES[0]!.zone,
      aktau = LOCAL_ZONES[2]!.zone;
    return msg('export.route', {
      day: day(track.start),
      takeoffUtc: clock(track.start, 'UTC', false),
      takeoffLocal: clock(track.start, baku, false),
      crashUtc: clock(track.end, 'UTC', false),
      crashLocal: clock(track.end, aktau, false),
    });
  }
  if (m.chapter === 'aftermath') return msg('export.asReported', { date: day(m.t) });
  const locals = localTimes(m.t);
  const p = positionAt(track, m.t);
  const km = Math.round(p.uncertaintyKm);
  const where = km > 0 ? ` · ${msg('export.estimated', { km })}` : '';
  // The event the picture is at, named (a claim said to be one): a picture at the second impact said only its time.
  const what = event ? ` · ${eventLine(event)}` : '';
  return `${day(m.t)}, ${clock(m.t)} UTC${what} · ${locals}${where}`;
}

/** The flight's event a picture is at: the one asked for, or the one exactly at its time (none between events). */
export function eventAt<E extends { id: string; chapter: string; time: string }>(m: ResolvedMoment, events: readonly E[]): E | undefined {
  if (m.kind !== 'moment' || m.chapter !== 'flight') return undefined;
  return m.event ? events.find((e) => e.id === m.event) : events.find((e) => e.chapter === 'flight' && Date.parse(e.time) === m.t);
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
  return `j2-8243_${when}_${sizeTag(r.size, format === 'png')}${r.dark ? '_dark' : ''}.${format}`;
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

/** Characters of `text` (outside arrows) that the shipped fonts (src/theme/fonts.ts, every subset) cannot draw. */
export function missingGlyphs(text: string): string[] {
  const out = new Set<string>();
  for (const run of textRuns(text)) {
    if (run.kind !== 'text') continue;
    for (const ch of run.text) {
      const cp = ch.codePointAt(0)!;
      if (!fontCovers(cp)) out.add(ch);
    }
  }
  return [...out];
}
