import { describe, expect, it } from 'vitest';
import { oembed, pngSize, DEFAULT_PUBLIC_URL } from './oembed-plugin.ts';
import { CONTENT } from '../../test/support/content.ts';

describe('oEmbed plugin', () => {
  it('reads a PNG size from its header', () => {
    const b = new Uint8Array(24);
    b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    new DataView(b.buffer).setUint32(16, 1920);
    new DataView(b.buffer).setUint32(20, 1080);
    expect(pngSize(b)).toEqual({ width: 1920, height: 1080 });
    expect(pngSize(new Uint8Array(30))).toBeUndefined();
  });
  it('adds the discovery link with the public URL from the environment, or the preview default', () => {
    const link = (env: NodeJS.ProcessEnv) => {
      const p = oembed('.', env);
      const t = p.transformIndexHtml as unknown as { handler: () => { attrs: Record<string, string> }[] };
      return t.handler()[0]!.attrs.href;
    };
    expect(link({ FLIGHTMAP_PUBLIC_URL: 'https://news.example.com/j2' })).toBe('https://news.example.com/j2/oembed.json');
    expect(link({})).toBe(new URL('oembed.json', DEFAULT_PUBLIC_URL).href);
    // its title is the story's (geo/content.json)
    expect((oembed('.', {}).transformIndexHtml as unknown as { handler: () => { attrs: Record<string, string> }[] }).handler()[0]!.attrs.title).toBe(CONTENT.title);
    expect(() => oembed('/x', { FLIGHTMAP_PUBLIC_URL: 'graphics/j2' })).toThrow(/FLIGHTMAP_PUBLIC_URL/);
  });
});
