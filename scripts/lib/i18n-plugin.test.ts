import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { hreflangLinks } from './i18n-plugin';
import { pseudoCatalogue, shippedCatalogue } from './i18n-files';

const en = JSON.parse(readFileSync('geo/i18n/en.json', 'utf8')) as { messages: Record<string, string> };
const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

describe('the page in English', () => {
  it('index.html says what geo/i18n/en.json says (the page translates what it marks data-i18n)', () => {
    const html = readFileSync('index.html', 'utf8');
    const marked = [...html.matchAll(/data-i18n="([\w.]+)"[^>]*>([^<]*)</g)];
    expect(marked.length).toBeGreaterThanOrEqual(5);
    for (const [, key, text] of marked) expect(decode(text!.trim()), key).toBe(en.messages[key!]);
    for (const [, attr, key] of html.matchAll(/data-i18n-(aria-label|alt)="([\w.]+)"/g)) expect(html).toContain(`${attr}="${en.messages[key!]}"`);
    // <title> and the description are written by the build from geo/content.json (scripts/lib/story-plugin.test.ts).
  });
});

describe('shipped catalogues', () => {
  it('hreflang for each language and x-default', () => {
    expect(hreflangLinks('https://example.org/j2/').map((l) => `${l.attrs.hreflang} ${l.attrs.href}`)).toEqual([
      'en https://example.org/j2/?lang=en',
      'ru https://example.org/j2/?lang=ru',
      'az-Latn https://example.org/j2/?lang=az',
      'kk https://example.org/j2/?lang=kk',
      'x-default https://example.org/j2/',
    ]);
  });
  it('messages with ICU syntax are shipped parsed, plain ones as text', () => {
    const ru = shippedCatalogue('.', 'ru');
    expect(typeof ru.messages['page.h1']).toBe('string');
    expect(Array.isArray(ru.messages['panel.daysAfter'])).toBe(true);
  });
  it('the pseudo-locale covers every message and the story', () => {
    const p = pseudoCatalogue('.');
    expect(Object.keys(p.messages)).toEqual(Object.keys(en.messages));
    expect(p.story?.events?.['first-impact']?.title).toMatch(/^Fíŕšţ íɱþáçţ/);
  });
});
