/**
 * The page's loader: the file the build validated is used as it is (no schemas in the first load); any
 * other file goes through the full check, with the same messages.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { storyBundle, validatedDigest } from '../../scripts/lib/story-plugin';
import { storyDigest } from './bundle';
import { loadStory } from './load';
import { parseBundle } from './parse-bundle';

const text = storyBundle('.');
const serve = (body: string) => (async () => new Response(body, { status: 200 })) as unknown as typeof fetch;
const g = globalThis as { __STORY_DIGEST__?: string };

afterEach(() => {
  delete g.__STORY_DIGEST__;
});

describe('loadStory', () => {
  it('the build records the digest of the bundle it validated', async () => {
    expect(await validatedDigest('.')).toBe(await storyDigest(text));
  });

  it('uses the validated file as it is: the same story as the full check gives', async () => {
    g.__STORY_DIGEST__ = (await storyDigest(text))!;
    expect(await loadStory('http://x/', serve(text))).toEqual(parseBundle(text));
  });

  it('skips the schemas only for that exact file', async () => {
    const d = JSON.parse(text);
    d['geo/events.json'].events[3].time = 'soon';
    const other = JSON.stringify(d);
    g.__STORY_DIGEST__ = (await storyDigest(other))!; // as if the build had shipped this file
    expect((await loadStory('http://x/', serve(other))).events[3]!.time).toBe('soon');
  });

  it('checks any other file in full, naming the file, the event and the field', async () => {
    g.__STORY_DIGEST__ = (await storyDigest(text))!;
    const d = JSON.parse(text);
    d['geo/events.json'].events[3].time = '25/12/2024 04:26';
    await expect(loadStory('http://x/', serve(JSON.stringify(d)))).rejects.toThrow(
      /geo\/events\.json: events\[3\] \(id "gps-loss-reported"\) → time: must be ISO 8601 UTC/,
    );
    await expect(loadStory('http://x/', serve('<html>'))).rejects.toThrow(/data\/story\.json: not valid JSON/);
  });

  it('checks in full when the build recorded no digest', async () => {
    const d = JSON.parse(text);
    d['geo/sources.json'].sources[0].url = 'javascript:alert(1)';
    await expect(loadStory('http://x/', serve(JSON.stringify(d)))).rejects.toThrow(/url: must be an http\(s\) URL/);
  });

  it('tells files apart that differ by one character', async () => {
    expect(await storyDigest(text)).not.toBe(await storyDigest(text.replace('Baku', 'Bakv')));
    expect(await storyDigest(text)).toMatch(/^[0-9a-f]{64}-\d+$/);
  });

  it('checks in full where there is no Web Crypto (a page served over plain http)', async () => {
    g.__STORY_DIGEST__ = (await storyDigest(text))!;
    const crypto = Object.getOwnPropertyDescriptor(globalThis, 'crypto')!;
    Object.defineProperty(globalThis, 'crypto', { value: {}, configurable: true });
    try {
      expect(await storyDigest(text)).toBeNull();
      const d = JSON.parse(text);
      d['geo/events.json'].events[3].time = 'soon';
      await expect(loadStory('http://x/', serve(JSON.stringify(d)))).rejects.toThrow(/events\[3\].*time/);
      expect(await loadStory('http://x/', serve(text))).toEqual(parseBundle(text));
    } finally {
      Object.defineProperty(globalThis, 'crypto', crypto);
    }
  });
});
