/**
 * Validates the story files as a whole: each file against its schema, then the rules that span files
 * (unique ids, references, order, region, a contiguous track). Pure: no DOM, no MapLibre, no fs.
 *
 * Every problem becomes one line that names the file, the feature or event, and the field:
 *   geo/events.json: events[3] (id "first-impact") → time: must be ISO 8601 UTC like 2024-12-25T05:13:31Z
 */
import type { z } from 'zod';
import { ContentFile, DisputesFile, EventsFile, FramesFile, PlacesFile, RegionFile, RouteFile, SourcesFile, StrikeAreaFile, TrackFile } from './schema';
import { STORY_FILES, StoryDataError, storyFromFiles, type RawStory, type StoryFileKey } from './bundle';
import { areaProblems } from './area';
import type { StoryData } from './schema';

// The file names and the error type live in bundle.ts (no zod there, for the page's first load).
export { STORY_FILES, StoryDataError, type RawStory, type StoryFileKey, type StoryData };

const SCHEMAS = {
  region: RegionFile,
  sources: SourcesFile,
  places: PlacesFile,
  route: RouteFile,
  strike: StrikeAreaFile,
  track: TrackFile,
  events: EventsFile,
  disputes: DisputesFile,
  frames: FramesFile,
  content: ContentFile,
} as const;

export type ValidationResult = { ok: true; story: StoryData } | { ok: false; errors: string[] };

/** Describe a path into a file: `events[3] (id "first-impact") → time`. */
export function describePath(root: unknown, path: readonly PropertyKey[]): string {
  let where = '';
  let field = '';
  let node: unknown = root;
  for (const key of path) {
    if (typeof key === 'number') {
      const item = Array.isArray(node) ? node[key] : undefined;
      if (item !== null && typeof item === 'object' && !Array.isArray(item)) {
        const id = idOf(item);
        where = `${where ? where + ' → ' : ''}${field}[${key}]${id ? ` (id "${id}")` : ''}`;
        field = '';
      } else field += `[${key}]`;
    } else {
      field += field ? `.${String(key)}` : String(key);
    }
    node = node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
  }
  const fieldText = field || '(whole item)';
  return where ? `${where} → ${fieldText}` : fieldText;
}

function idOf(item: unknown): string | undefined {
  if (item === null || typeof item !== 'object') return undefined;
  const rec = item as Record<string, unknown>;
  const props = rec.properties as Record<string, unknown> | undefined;
  const id = rec.id ?? props?.id;
  return typeof id === 'string' ? id : undefined;
}

function parseJson(file: string, raw: unknown, errors: string[]): unknown {
  if (typeof raw !== 'string') return raw;
  try {
    return JSON.parse(raw);
  } catch (e) {
    errors.push(`${file}: not valid JSON: ${(e as Error).message}`);
    return undefined;
  }
}

/** Validate all story files. Never throws for bad data; returns every problem found. */
export function validateStory(raw: RawStory): ValidationResult {
  const errors: string[] = [];
  const parsed: Partial<Record<StoryFileKey, unknown>> = {};
  const values: Partial<Record<StoryFileKey, unknown>> = {};

  for (const key of Object.keys(STORY_FILES) as StoryFileKey[]) {
    const file = STORY_FILES[key];
    if (!(key in raw) || raw[key] === undefined) {
      errors.push(`${file}: file is missing`);
      continue;
    }
    const value = parseJson(file, raw[key], errors);
    if (value === undefined) continue;
    values[key] = value;
    const result = SCHEMAS[key].safeParse(value);
    if (result.success) parsed[key] = result.data;
    else for (const issue of result.error.issues) errors.push(`${file}: ${describePath(value, issue.path)}: ${issue.message}`);
  }
  if (errors.length) return { ok: false, errors };

  const p = parsed as {
    [K in StoryFileKey]: z.infer<(typeof SCHEMAS)[K]>;
  };
  const story: StoryData = storyFromFiles(p);
  crossCheck(story, errors);
  return errors.length ? { ok: false, errors } : { ok: true, story };
}

/** Like validateStory, but throws a StoryDataError listing every problem. */
export function parseStory(raw: RawStory): StoryData {
  const result = validateStory(raw);
  if (!result.ok) throw new StoryDataError(result.errors);
  return result.story;
}

function crossCheck(s: StoryData, errors: string[]): void {
  const F = STORY_FILES;
  const sourceIds = new Set<string>();
  s.sources.forEach((src, i) => {
    if (sourceIds.has(src.id)) errors.push(`${F.sources}: sources[${i}] (id "${src.id}") → id: duplicate source id`);
    sourceIds.add(src.id);
  });

  // Unique ids across every feature, event and dispute, so a URL or a reference can name any of them.
  const seen = new Map<string, string>();
  const claimId = (id: string, where: string) => {
    const prev = seen.get(id);
    if (prev) errors.push(`${where} → id: duplicate id "${id}" (also ${prev})`);
    else seen.set(id, where);
  };
  const refSources = (file: string, where: string, refs: readonly string[], field = 'sources') =>
    refs.forEach((r, k) => {
      if (!sourceIds.has(r)) errors.push(`${file}: ${where} → ${field}[${k}]: unknown source "${r}" (not in ${F.sources})`);
    });

  const [west, south, east, north] = s.region.bbox;
  const inRegion = (file: string, where: string, coords: readonly (readonly number[])[], field: string) =>
    coords.forEach((c, k) => {
      const [lon, lat] = c as [number, number];
      if (lon < west || lon > east || lat < south || lat > north) {
        const swapped = lat >= west && lat <= east && lon >= south && lon <= north;
        errors.push(
          `${file}: ${where} → ${field}[${k}]: [${lon}, ${lat}] is outside the story region [${s.region.bbox.join(', ')}]` +
            (swapped ? ' (latitude and longitude look swapped: GeoJSON is [lon, lat])' : ''),
        );
      }
    });

  const featureFiles = [
    [F.places, s.places.features],
    [F.route, s.route.features],
    [F.strike, s.strike.features],
    [F.track, s.track.features],
  ] as const;
  for (const [file, features] of featureFiles) {
    features.forEach((f, i) => {
      const where = `features[${i}] (id "${f.properties.id}")`;
      claimId(f.properties.id, `${file}: ${where}`);
      refSources(file, where, f.properties.sources);
      const g = f.geometry;
      if (g.type === 'Polygon') g.coordinates.forEach((ring, r) => inRegion(file, where, ring, `geometry.coordinates[${r}]`));
      else inRegion(file, where, g.type === 'Point' ? [g.coordinates] : g.coordinates, 'geometry.coordinates');
    });
  }

  // Areas are Polygons: the circle of their centre and radius (npm run areas); claims are Points.
  s.strike.features.forEach((f, i) => {
    const where = `${F.strike}: features[${i}] (id "${f.properties.id}")`;
    const p = f.properties;
    if (p.kind === 'area') {
      if (f.geometry.type !== 'Polygon')
        errors.push(`${where} → geometry.type: an area must be a Polygon (found ${f.geometry.type}); generate it with \`npm run areas\``);
      else for (const problem of areaProblems(f.geometry.coordinates, p.center, p.radiusKm)) errors.push(`${where} → ${problem}`);
      inRegion(F.strike, `features[${i}] (id "${p.id}")`, [p.center], 'properties.center');
    } else if (f.geometry.type !== 'Point') errors.push(`${where} → geometry.type: a claim must be a Point (found ${f.geometry.type})`);
  });

  // Track legs: contiguous, in time order, from take-off to the crash.
  s.track.features.forEach((leg, i) => {
    const where = `features[${i}] (id "${leg.properties.id}")`;
    const { start, end } = leg.properties;
    if (Date.parse(end.time) <= Date.parse(start.time))
      errors.push(`${F.track}: ${where} → properties.end.time: ${end.time} is not after start.time ${start.time}`);
    const prev = s.track.features[i - 1];
    if (prev) {
      if (prev.properties.end.time !== start.time)
        errors.push(
          `${F.track}: ${where} → properties.start.time: ${start.time} does not continue the previous leg, which ends at ${prev.properties.end.time}`,
        );
      const a = prev.geometry.coordinates.at(-1)!;
      const b = leg.geometry.coordinates[0]!;
      if (a[0] !== b[0] || a[1] !== b[1])
        errors.push(`${F.track}: ${where} → geometry.coordinates[0]: [${b.join(', ')}] does not continue the previous leg, which ends at [${a.join(', ')}]`);
    }
  });

  const placeIds = new Set(seen.keys());
  const disputeIds = new Set<string>();
  s.disputes.forEach((d, i) => {
    const where = `disputes[${i}] (id "${d.id}")`;
    claimId(d.id, `${F.disputes}: ${where}`);
    disputeIds.add(d.id);
    const accountIds = new Set<string>();
    d.accounts.forEach((a, k) => {
      const aw = `${where} → accounts[${k}] (id "${a.id}")`;
      if (accountIds.has(a.id)) errors.push(`${F.disputes}: ${aw} → id: duplicate account id "${a.id}"`);
      accountIds.add(a.id);
      refSources(F.disputes, aw, a.sources);
      if ((a.date === undefined) === (a.undated === undefined))
        errors.push(`${F.disputes}: ${aw} → date: give either a date or, when the sources give none, "undated" with the reason`);
      const prev = d.accounts[k - 1];
      if (prev && a.date !== undefined && prev.date === undefined)
        errors.push(`${F.disputes}: ${aw} → date: a dated account after an undated one; undated accounts come last`);
      else if (prev?.date !== undefined && a.date !== undefined && prev.date > a.date)
        errors.push(`${F.disputes}: ${aw} → date: ${a.date} is before the previous account's ${prev.date}; keep accounts in date order`);
    });
  });

  let lastFlight = -Infinity;
  let lastAftermath = -Infinity;
  let sawAftermath = false;
  s.events.forEach((e, i) => {
    const where = `events[${i}] (id "${e.id}")`;
    claimId(e.id, `${F.events}: ${where}`);
    refSources(F.events, where, e.sources);
    if (e.place && !placeIds.has(e.place)) errors.push(`${F.events}: ${where} → place: unknown feature id "${e.place}"`);
    e.disputes?.forEach((d, k) => {
      if (!disputeIds.has(d)) errors.push(`${F.events}: ${where} → disputes[${k}]: unknown dispute id "${d}" (not in ${F.disputes})`);
    });
    const t = Date.parse(e.time);
    if (e.chapter === 'flight') {
      if (sawAftermath) errors.push(`${F.events}: ${where} → chapter: flight events must come before aftermath events`);
      if (t < lastFlight) errors.push(`${F.events}: ${where} → time: ${e.time} is earlier than the event before it; keep events in time order`);
      lastFlight = t;
    } else {
      sawAftermath = true;
      if (t < lastAftermath) errors.push(`${F.events}: ${where} → time: ${e.time} is earlier than the event before it; keep events in time order`);
      lastAftermath = t;
    }
  });

  // Frames: each names features that exist; keepApart names points among its features; every event has one.
  const frameIds = new Set<string>();
  const pointIds = new Set([...s.places.features, ...s.strike.features].filter((f) => f.geometry.type === 'Point').map((f) => f.properties.id));
  s.frames.frames.forEach((fr, i) => {
    const where = `${F.frames}: frames[${i}] (id "${fr.id}")`;
    if (frameIds.has(fr.id)) errors.push(`${where} → id: duplicate frame id "${fr.id}"`);
    frameIds.add(fr.id);
    fr.features.forEach((id, k) => {
      if (!placeIds.has(id)) errors.push(`${where} → features[${k}]: unknown feature id "${id}"`);
    });
    fr.keepApart?.forEach((id, k) => {
      if (!fr.features.includes(id) || !pointIds.has(id)) errors.push(`${where} → keepApart[${k}]: "${id}" must be a point among the frame's features`);
    });
  });
  const eventIds = new Set(s.events.map((e) => e.id));
  for (const [e, fr] of Object.entries(s.frames.events)) {
    if (!eventIds.has(e)) errors.push(`${F.frames}: events → ${e}: unknown event id "${e}"`);
    if (!frameIds.has(fr)) errors.push(`${F.frames}: events → ${e}: unknown frame id "${fr}"`);
  }
  s.events.forEach((e, i) => {
    if (!(e.id in s.frames.events)) errors.push(`${F.events}: events[${i}] (id "${e.id}"): has no frame; add "${e.id}": "<frame id>" to ${F.frames} → events`);
  });

  // content.json: every id it names exists, and plays the part it is named for.
  const C = F.content;
  const area = s.strike.features.find((f) => f.properties.id === s.content.roles.officialArea);
  if (!area) errors.push(`${C}: roles → officialArea: unknown feature id "${s.content.roles.officialArea}" (not in ${F.strike})`);
  else if (area.properties.kind !== 'area')
    errors.push(`${C}: roles → officialArea: "${area.properties.id}" is a ${area.properties.kind}, not an area (${F.strike})`);
  if (!frameIds.has(s.content.openingFrame)) errors.push(`${C}: openingFrame: unknown frame id "${s.content.openingFrame}" (not in ${F.frames})`);
  s.content.followedDisputes.forEach((d, k) => {
    if (!disputeIds.has(d)) errors.push(`${C}: followedDisputes[${k}]: unknown dispute id "${d}" (not in ${F.disputes})`);
    if (s.content.followedDisputes.indexOf(d) !== k) errors.push(`${C}: followedDisputes[${k}]: "${d}" is named twice`);
  });
  const [mw, ms, me, mn] = s.region.maxBounds;
  if (!(mw <= west && ms <= south && me >= east && mn >= north) || mw >= me || ms >= mn || ms < -85 || mn > 85)
    errors.push(
      `${F.region}: maxBounds: [${s.region.maxBounds.join(', ')}] must hold the story region [${s.region.bbox.join(', ')}] (west, south, east, north; latitudes within ±85)`,
    );

  const flight = s.events.filter((e) => e.chapter === 'flight');
  const legs = s.track.features;
  if (flight.length && legs.length) {
    const t0 = Date.parse(legs[0]!.properties.start.time);
    const t1 = Date.parse(legs.at(-1)!.properties.end.time);
    flight.forEach((e) => {
      const t = Date.parse(e.time);
      if (t < t0 || t > t1) {
        const i = s.events.indexOf(e);
        errors.push(
          `${F.events}: events[${i}] (id "${e.id}") → time: ${e.time} is outside the flight (${legs[0]!.properties.start.time} to ${legs.at(-1)!.properties.end.time}); use chapter "aftermath"`,
        );
      }
    });
  }
}
