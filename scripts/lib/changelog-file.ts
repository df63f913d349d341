/** Reads and checks geo/changelog.json against the story (Node only). */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CHANGELOG_FILE, newestEventTime, validateChangelog, type ChangelogResult } from '../../src/opendata/changelog.ts';
import type { StoryData } from '../../src/story/validate.ts';

export function readChangelog(root: string): string | undefined {
  const path = resolve(root, CHANGELOG_FILE);
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/** Today in UTC, YYYY-MM-DD. */
export const todayUtc = (now = new Date()) => now.toISOString().slice(0, 10);

export function checkChangelog(root: string, story: StoryData, today: string | undefined = todayUtc()): ChangelogResult {
  return validateChangelog(readChangelog(root), {
    sourceIds: new Set(story.sources.map((s) => s.id)),
    newestEventTime: newestEventTime(story.events),
    today,
  });
}
