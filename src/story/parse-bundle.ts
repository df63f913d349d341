/** The browser's full check of data/story.json: every file against its schema, then across files. Loaded only when needed (see bundle.ts). */
import { readBundle } from './bundle';
import { parseStory, type StoryData } from './validate';

/** Throws a StoryDataError naming the original file, the item and the field of every problem. */
export function parseBundle(text: string): StoryData {
  return parseStory(readBundle(text));
}
