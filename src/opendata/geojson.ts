/**
 * The story as one GeoJSON FeatureCollection (RFC 7946) for download: every drawn thing as real geometry
 * (places, the planned route, the strike areas as their polygons, the claimed points, the flown legs), each with
 * its status and its full sources (outlet, title, URL). Pure: no DOM, no fs; written at build time by
 * scripts/lib/downloads-plugin.ts.
 */
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import type { Source } from '../story/schema';
import { outletName } from '../story/outlet';
import type { StoryData } from '../story/validate';

/** What a download says about itself (also the citation's parts). */
export interface DatasetMeta {
  title: string;
  publisher: string;
  /** package.json version. */
  version: string;
  /** Date of the newest entry in geo/changelog.json (YYYY-MM-DD): the data is as of then. */
  updated: string;
  /** Public URL of the map (ends with `/`). */
  url: string;
}

/** One layer of the download: its key (the `layer` property, the KML folder) and its name for readers. */
export const LAYERS = [
  { key: 'places', name: 'Airports and crash site' },
  { key: 'planned-route', name: 'Planned route (approximate)' },
  { key: 'strike-areas', name: 'Strike areas (drawn by us)' },
  { key: 'strike-claims', name: 'Claimed strike points' },
  { key: 'track', name: 'Flown path' },
] as const;
export type LayerKey = (typeof LAYERS)[number]['key'];

export interface FullSource {
  id: string;
  outlet: string;
  title: string;
  /** Absent for the few sources kept only as text (then `note` says where). */
  url?: string;
  note?: string;
  /** The outlet's text as another site republished it (`url` is the copy's). */
  republished?: true;
}

export const GEOJSON_FILE = 'j2-8243.geojson';

export function sourceLookup(sources: readonly Source[]): (ids: readonly string[]) => FullSource[] {
  const byId = new Map(sources.map((s) => [s.id, s]));
  return (ids) =>
    ids.map((id) => {
      const s = byId.get(id);
      if (!s) throw new Error(`unknown source "${id}" (not in geo/sources.json)`);
      return {
        id: s.id,
        outlet: s.outlet,
        title: s.title,
        ...(s.url ? { url: s.url } : {}),
        ...(s.note ? { note: s.note } : {}),
        ...(s.republished ? { republished: true as const } : {}),
      };
    });
}

/** `Reuters <https://…> | TASS <https://…>`: the sources as one text field (CSV, KML, QGIS tables); one without a URL is named by its title. */
export function sourcesText(sources: readonly FullSource[]): string {
  return sources.map((s) => (s.url ? `${outletName(s)} <${s.url}>` : `${outletName(s)}: “${s.title}” (no URL)`)).join(' | ');
}

/** Centre of an area: its `center` property when it has one, else its Point. */
export function areaCentre(geometry: { type: string; coordinates: unknown }, props: Record<string, unknown>): [number, number] | undefined {
  const c = props.center;
  if (Array.isArray(c) && typeof c[0] === 'number' && typeof c[1] === 'number') return [c[0], c[1]];
  if (geometry.type === 'Point') {
    const p = geometry.coordinates as Position;
    return [p[0]!, p[1]!];
  }
  return undefined;
}

export type DownloadFeature = Feature<
  Geometry,
  Record<string, unknown> & { id: string; layer: LayerKey; name: string; status: string; sources: FullSource[]; sourcesText: string }
>;

/** Every drawn thing, layer by layer, in the files' order. */
export function downloadFeatures(story: StoryData): DownloadFeature[] {
  const full = sourceLookup(story.sources);
  const out: DownloadFeature[] = [];
  const push = (
    layer: LayerKey,
    geometry: Geometry,
    props: Record<string, unknown> & { id: string; name: string; status: string; sources: string[] },
    extra: Record<string, unknown> = {},
  ) => {
    const { sources, id, ...rest } = props;
    const srcs = full(sources);
    out.push({
      type: 'Feature',
      id,
      geometry: JSON.parse(JSON.stringify(geometry)) as Geometry,
      properties: { id, layer, ...rest, ...extra, sources: srcs, sourcesText: sourcesText(srcs) },
    });
  };
  for (const f of story.places.features) push('places', f.geometry, f.properties);
  for (const f of story.route.features) push('planned-route', f.geometry, f.properties);
  // Areas are Polygons in geo/ (closed, counter-clockwise, with `center` and `radiusKm`), claims are Points: used as they are.
  for (const f of story.strike.features) push(f.properties.kind === 'area' ? 'strike-areas' : 'strike-claims', f.geometry, f.properties);
  for (const f of story.track.features) {
    const { start, end, ...p } = f.properties;
    push('track', f.geometry, p, {
      startTime: start.time,
      endTime: end.time,
      startUncertaintyKm: start.uncertaintyKm,
      endUncertaintyKm: end.uncertaintyKm,
      startBasis: start.basis,
      endBasis: end.basis,
    });
  }
  return out;
}

/** The download: one FeatureCollection, with the dataset's name, title, version and date as foreign members. */
export type DownloadProps = DownloadFeature['properties'];
export type StoryGeoJson = FeatureCollection<Geometry, DownloadProps> & {
  name: string;
  title: string;
  publisher: string;
  version: string;
  dataAsOf: string;
  url: string;
} & Partial<DownloadLanguage>;

/** A translated download's language (BCP 47) and who translated it (the catalogue's meta, geo/i18n/*.json). */
export interface DownloadLanguage {
  language: string;
  translation: string;
}

/** The download; with `lang`, of a translated story (localizeStory): the same features, ids and sources, the words in the language. */
export function storyGeoJson(story: StoryData, meta: DatasetMeta, lang?: DownloadLanguage): StoryGeoJson {
  return {
    type: 'FeatureCollection',
    // GDAL/QGIS take `name` as the layer's name; the rest says what this is and as of when.
    name: 'j2-8243',
    title: meta.title,
    publisher: meta.publisher,
    version: meta.version,
    dataAsOf: meta.updated,
    url: meta.url,
    ...(lang ?? {}),
    features: downloadFeatures(story),
  };
}
