/**
 * Loads the story shipped with the build (data/story.json, keyed by file name). The build validated that
 * file and recorded its digest (scripts/lib/story-plugin.ts); when the file served is exactly that one,
 * it is used as it is. Any other file (edited, truncated, from another build) goes through the full check
 * (schemas and cross-file rules, a lazy chunk), so a bad file is refused with the same messages as ever.
 */
import { readBundle, storyDigest, storyFromFiles, StoryDataError, STORY_URL, type StoryFileKey } from './bundle';
import type { StoryData } from './validate';

export { STORY_URL };

/** Set by the build (story-plugin): the digest of the data/story.json it validated and shipped. */
declare const __STORY_DIGEST__: string | undefined;
const builtDigest = (): string | undefined => (typeof __STORY_DIGEST__ === 'string' ? __STORY_DIGEST__ : undefined);

export async function loadStory(base: string, fetchFn: typeof fetch = fetch): Promise<StoryData> {
  let res: Response;
  try {
    res = await fetchFn(new URL(STORY_URL, base).href);
  } catch (e) {
    throw new StoryDataError([`${STORY_URL}: could not be loaded (${(e as Error).message})`], { kind: 'unreachable', file: STORY_URL });
  }
  if (!res.ok) throw new StoryDataError([`${STORY_URL}: could not be loaded (HTTP ${res.status})`], { kind: 'http', file: STORY_URL, status: res.status });
  const text = await res.text();
  const built = builtDigest();
  if (built && (await storyDigest(text)) === built) return storyFromFiles(readBundle(text) as Record<StoryFileKey, unknown>);
  const { parseBundle } = await import('./parse-bundle');
  return parseBundle(text);
}
