/** Reads the story files from geo/ (Node only). */
import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { STORY_FILES, type RawStory, type StoryFileKey, validateStory } from '../../src/story/validate.ts';

export function readStoryFiles(root: string): RawStory {
  const raw: RawStory = {};
  for (const key of Object.keys(STORY_FILES) as StoryFileKey[]) {
    const path = resolve(root, STORY_FILES[key]);
    if (existsSync(path)) raw[key] = readFileSync(path, 'utf8');
  }
  return raw;
}

export function validateStoryDir(root: string) {
  return validateStory(readStoryFiles(root));
}
