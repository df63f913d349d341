import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { HtmlTagDescriptor } from 'vite';
import { storyData } from './story-plugin';

const en = JSON.parse(readFileSync('geo/i18n/en.json', 'utf8')) as { messages: Record<string, string> };
const content = JSON.parse(readFileSync('geo/content.json', 'utf8')) as { messages: Record<string, string> };

describe('the page head, from geo/content.json', () => {
  it('writes <title> and the description from the English messages content.json names', () => {
    const hook = storyData('.').transformIndexHtml as () => HtmlTagDescriptor[];
    const tags = hook();
    expect(tags.find((t) => t.tag === 'title')?.children).toBe(en.messages[content.messages.pageTitle!]);
    expect(tags.find((t) => t.tag === 'meta')?.attrs).toEqual({ name: 'description', content: en.messages[content.messages.description!] });
  });
  it('index.html carries neither (one source for the words)', () => {
    const html = readFileSync('index.html', 'utf8');
    expect(html).not.toMatch(/<title>|name="description"/);
  });
});
