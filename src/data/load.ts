/** Loads the story shipped with the build (data/story.json, keyed by file name) and validates it. */
import { parseStory, STORY_FILES, StoryDataError, type RawStory, type StoryData, type StoryFileKey } from './validate';

export const STORY_URL = 'data/story.json';

export async function loadStory(base: string, fetchFn: typeof fetch = fetch): Promise<StoryData> {
  let res: Response;
  try {
    res = await fetchFn(new URL(STORY_URL, base).href);
  } catch (e) {
    throw new StoryDataError([`${STORY_URL}: could not be loaded (${(e as Error).message})`]);
  }
  if (!res.ok) throw new StoryDataError([`${STORY_URL}: could not be loaded (HTTP ${res.status})`]);
  const text = await res.text();
  return parseBundle(text);
}

/** The bundle is `{ "geo/events.json": {...}, ... }`; each file is validated under its own name. */
export function parseBundle(text: string): StoryData {
  let bundle: unknown;
  try {
    bundle = JSON.parse(text);
  } catch (e) {
    throw new StoryDataError([`${STORY_URL}: not valid JSON: ${(e as Error).message}`]);
  }
  if (bundle === null || typeof bundle !== 'object' || Array.isArray(bundle)) throw new StoryDataError([`${STORY_URL}: must be an object keyed by file name`]);
  const raw: RawStory = {};
  for (const key of Object.keys(STORY_FILES) as StoryFileKey[]) {
    const v = (bundle as Record<string, unknown>)[STORY_FILES[key]];
    if (v !== undefined) raw[key] = v;
  }
  return parseStory(raw);
}
