/**
 * The events and the sources as CSV (RFC 4180: comma-separated, fields quoted when needed with doubled
 * quotes, CRLF line ends; UTF-8 without a byte-order mark), written with csv-stringify. Pure: no DOM, no fs.
 */
import { stringify } from 'csv-stringify/sync';
import type { StoryData } from '../story/validate';
import { outletName } from '../story/outlet';
import { areaCentre, sourceLookup, sourcesText } from './geojson';

export const EVENTS_CSV = 'events.csv';
export const SOURCES_CSV = 'sources.csv';

export const EVENT_COLUMNS = [
  'id',
  'chapter',
  'time_utc',
  'precision',
  'status',
  'title',
  'text',
  'place_id',
  'latitude',
  'longitude',
  'place_radius_km',
  'sources',
] as const;
export const SOURCE_COLUMNS = ['id', 'outlet', 'title', 'url', 'note', 'cited_by'] as const;

// csv-stringify quotes a field with a comma, a quote or CRLF; a lone CR or LF needs quoting too (RFC 4180).
const OPTIONS = { header: true, record_delimiter: 'windows', quoted_match: /[\r\n]/ } as const;

/** Where a feature is, as one point, and for an area the radius of its circle (km): the event happened somewhere in it. */
export interface PlacePoint {
  at: [number, number];
  radiusKm?: number;
}

/** Where each feature is, as one point: a place or claim's point, an area's centre with its radius; lines have none. */
export function placePoints(story: StoryData): Map<string, PlacePoint> {
  const out = new Map<string, PlacePoint>();
  for (const f of [...story.places.features, ...story.strike.features]) {
    const g = f.geometry as { type: string; coordinates: unknown };
    const props = f.properties as Record<string, unknown>;
    const c = areaCentre(g, props);
    if (c) out.set(f.properties.id, typeof props.radiusKm === 'number' ? { at: c, radiusKm: props.radiusKm } : { at: c });
  }
  return out;
}

/** The columns of a translated events file (events-ru.csv …): English's, then the English words beside the translation. */
export const TRANSLATED_EVENT_COLUMNS = [...EVENT_COLUMNS, 'title_en', 'text_en'] as const;

/**
 * The events as CSV. `english`: the story in English, when `story` is a translation (localizeStory): the file
 * keeps English's columns in English's order, with the same ids, codes, times, places and sources (a chart made
 * on events.csv takes events-ru.csv as it is), and adds title_en and text_en at the end, for checking a
 * translation no native-speaking editor has reviewed.
 */
export function eventsCsv(story: StoryData, english?: StoryData): string {
  const full = sourceLookup(story.sources);
  const points = placePoints(story);
  const en = new Map(english?.events.map((e) => [e.id, e]));
  const rows = story.events.map((e) => {
    const p = e.place ? points.get(e.place) : undefined;
    const at = p?.at;
    return [
      e.id,
      e.chapter,
      e.time,
      e.precision,
      e.status,
      e.title,
      e.text,
      e.place ?? '',
      at ? String(at[1]) : '',
      at ? String(at[0]) : '',
      p?.radiusKm !== undefined ? String(p.radiusKm) : '',
      sourcesText(full(e.sources)),
      ...(english ? [en.get(e.id)?.title ?? '', en.get(e.id)?.text ?? ''] : []),
    ];
  });
  return stringify(rows, { ...OPTIONS, columns: english ? [...TRANSLATED_EVENT_COLUMNS] : [...EVENT_COLUMNS] });
}

/** Every source (a few have no URL, and a note saying where their text is kept), with the ids of the events, features and dispute accounts that cite it. */
export function sourcesCsv(story: StoryData): string {
  const citedBy = new Map<string, string[]>(story.sources.map((s) => [s.id, []]));
  const cite = (id: string, refs: readonly string[]) => refs.forEach((r) => citedBy.get(r)?.push(id));
  for (const f of [...story.places.features, ...story.route.features, ...story.strike.features, ...story.track.features])
    cite(f.properties.id, f.properties.sources);
  for (const e of story.events) cite(e.id, e.sources);
  for (const d of story.disputes) for (const a of d.accounts) cite(`${d.id}/${a.id}`, a.sources);
  const rows = story.sources.map((s) => [s.id, outletName(s), s.title, s.url ?? '', s.note ?? '', citedBy.get(s.id)!.join(' ')]);
  return stringify(rows, { ...OPTIONS, columns: [...SOURCE_COLUMNS] });
}
