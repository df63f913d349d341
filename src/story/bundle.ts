/**
 * The story bundle (data/story.json) without the schemas: the file names, the error type, reading the
 * bundle, and a digest of its text. Pure, and free of zod, so the page's first load does not carry the
 * validator: the build validates the story and records the digest of the file it ships; the browser runs
 * the full check (src/story/parse-bundle.ts, a lazy chunk) only when the file it gets is not that one.
 */
import type { StoryData } from './schema';

export const STORY_URL = 'data/story.json';

export const STORY_FILES = {
  region: 'geo/region.json',
  sources: 'geo/sources.json',
  places: 'geo/places.geojson',
  route: 'geo/route-planned.geojson',
  strike: 'geo/strike-area.geojson',
  track: 'geo/track.geojson',
  events: 'geo/events.json',
  disputes: 'geo/disputes.json',
  frames: 'geo/frames.json',
  content: 'geo/content.json',
} as const;
export type StoryFileKey = keyof typeof STORY_FILES;

/** Raw file contents: text (to be parsed as JSON) or already-parsed values, keyed as STORY_FILES. */
export type RawStory = Partial<Record<StoryFileKey, unknown>>;

/**
 * Why the story could not be read, for the reader (main.ts says it in their language, `app.story.<kind>`); the
 * `errors` are the details for the data's editor, the words `npm run validate` prints.
 */
export type StoryFailure =
  | { kind: 'unreachable' | 'notJson' | 'notObject'; file: string }
  | { kind: 'http'; file: string; status: number }
  | { kind: 'invalid'; count: number };

export class StoryDataError extends Error {
  readonly reason: StoryFailure;
  constructor(
    readonly errors: string[],
    reason?: StoryFailure,
  ) {
    super(`Story data is invalid:\n${errors.map((e) => `  ${e}`).join('\n')}`);
    this.name = 'StoryDataError';
    this.reason = reason ?? { kind: 'invalid', count: errors.length };
  }
}

/** The bundle is `{ "geo/events.json": {...}, ... }`: each file's value under its key. */
export function readBundle(text: string): RawStory {
  let bundle: unknown;
  try {
    bundle = JSON.parse(text);
  } catch (e) {
    throw new StoryDataError([`${STORY_URL}: not valid JSON: ${(e as Error).message}`], { kind: 'notJson', file: STORY_URL });
  }
  if (bundle === null || typeof bundle !== 'object' || Array.isArray(bundle))
    throw new StoryDataError([`${STORY_URL}: must be an object keyed by file name`], { kind: 'notObject', file: STORY_URL });
  const raw: RawStory = {};
  for (const key of Object.keys(STORY_FILES) as StoryFileKey[]) {
    const v = (bundle as Record<string, unknown>)[STORY_FILES[key]];
    if (v !== undefined) raw[key] = v;
  }
  return raw;
}

/** The story the app draws, from the (parsed) files. */
// `any`: each file's value is its schema's output, checked by validate.ts before it gets here.
export function storyFromFiles(p: Record<StoryFileKey, any>): StoryData {
  return {
    region: p.region,
    sources: p.sources.sources,
    places: p.places,
    route: p.route,
    strike: p.strike,
    track: p.track,
    events: p.events.events,
    disputes: p.disputes.disputes,
    frames: p.frames,
    content: p.content,
  };
}

/**
 * The SHA-256 of the bundle's text (its UTF-8 bytes), as hex, and its length. It tells "the file the build
 * validated" from any other; it is not a security check (the story is only ever shown as text, and the same
 * origin serves the code). Web Crypto hashes natively: a loop over the text in JS cost ~25 ms of the page's
 * start, before its map. Null where there is no Web Crypto (a page not served over https or from localhost):
 * the page then checks the file in full, as it does any file it does not know.
 */
export async function storyDigest(text: string): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  const hash = new Uint8Array(await subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return `${Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join('')}-${text.length}`;
}
