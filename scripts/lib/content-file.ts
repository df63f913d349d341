/**
 * geo/content.json at build time (Node only): its catalogue keys checked against the English catalogue, and the
 * English copy it names (the page's <title> and description, oEmbed's iframe title).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Content } from '../../src/story/schema.ts';
import { contentMessageProblems, contentMessages, messageTimeProblems } from '../../src/story/content.ts';
import type { StoryData } from '../../src/story/schema.ts';
import { readdirSync } from 'node:fs';

const EN = 'geo/i18n/en.json';

export function englishMessages(root: string): Record<string, string> {
  return (JSON.parse(readFileSync(resolve(root, EN), 'utf8')) as { messages: Record<string, string> }).messages;
}

/** The problems with content.json's catalogue keys (none: []). */
export const checkContentMessages = (root: string, content: Content): string[] =>
  contentMessageProblems(content, englishMessages(root), 'geo/content.json', EN);

/** The English copy content.json names, by its role (pageTitle, description, iframeTitle…). */
export const englishCopy = (root: string, content: Content) => contentMessages(content, englishMessages(root));

/** Clock times quoted in any locale's messages must be times of the data (src/story/content.ts, messageTimeProblems). */
export function checkMessageTimes(root: string, story: StoryData): string[] {
  const dir = resolve(root, 'geo/i18n');
  return readdirSync(dir)
    .filter((f) => /^[a-z]{2}(-[A-Za-z]+)?\.json$/.test(f))
    .sort()
    .flatMap((f) => {
      const data = JSON.parse(readFileSync(resolve(dir, f), 'utf8')) as { messages?: Record<string, unknown> };
      return messageTimeProblems(story, `geo/i18n/${f}`, data.messages ?? {});
    });
}
