/** Reads and checks geo/changelog.json against the story (Node only). */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CHANGELOG_FILE, newestEventTime, validateChangelog, type ChangelogResult } from '../../src/opendata/changelog.ts';
import type { StoryData } from '../../src/story/validate.ts';
import type { Changelog } from '../../src/opendata/changelog.ts';
import { changelogTextFile, checkChangelogText } from '../../src/opendata/changelog-text.ts';
import { LOCALES } from '../../src/i18n/locales.ts';

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

/** One locale's translation of the log's entries (geo/i18n/changelog-<locale>.json), unchecked; undefined when absent. */
export function readChangelogText(root: string, locale: string): unknown {
  const path = resolve(root, changelogTextFile(locale));
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    return { error: (e as Error).message };
  }
}

/** Every problem in the log's translations, one line each: `npm run validate` fails on any. */
export function checkChangelogTexts(root: string, log: Changelog): string[] {
  return LOCALES.filter((l) => l !== 'en').flatMap((l) => checkChangelogText(changelogTextFile(l), readChangelogText(root, l), log, l));
}
