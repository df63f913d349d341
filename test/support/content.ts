/** The story's English copy, as the build reads it (geo/content.json and the messages it names in geo/i18n/en.json). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const REPO = resolve(import.meta.dirname, '../..');
const read = (f: string) => JSON.parse(readFileSync(resolve(REPO, f), 'utf8'));
const content = read('geo/content.json') as { title: string; publisher: string; messages: Record<string, string> };
const en = read('geo/i18n/en.json') as { messages: Record<string, string> };

export const CONTENT = content;
/** The embed's iframe title in English (content.json → messages.iframeTitle). */
export const EN_IFRAME_TITLE = en.messages[content.messages.iframeTitle!]!;
