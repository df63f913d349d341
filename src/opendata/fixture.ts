/** For the unit tests: the real story from geo/ and a dataset description. */
import { readFileSync } from 'node:fs';
import { STORY_FILES, validateStory, type RawStory } from '../story/validate';
import type { DatasetMeta } from './geojson';

const raw = Object.fromEntries(Object.entries(STORY_FILES).map(([k, f]) => [k, readFileSync(f, 'utf8')])) as RawStory;
const result = validateStory(raw);
if (!result.ok) throw new Error(result.errors.join('\n'));
export const story = result.story;

export const meta: DatasetMeta = {
  title: 'How Azerbaijan Airlines flight J2-8243 was lost, 25 December 2024',
  publisher: 'Test publisher',
  version: '9.8.7',
  updated: '2026-12-02',
  url: 'https://example.org/j2-8243/',
};
