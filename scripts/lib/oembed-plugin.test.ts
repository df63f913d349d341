import { describe, expect, it } from 'vitest';
import { oembed, pngSize, DEFAULT_PUBLIC_URL, publicUrlWarning } from './oembed-plugin.ts';
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
    expect((oembed('.', {}).transformIndexHtml as unknown as { handler: () => { attrs: Record<string, string> }[] }).handler()[0]!.attrs.title).toBe(
      CONTENT.title,
    );
    expect(() => oembed('/x', { FLIGHTMAP_PUBLIC_URL: 'graphics/j2' })).toThrow(/FLIGHTMAP_PUBLIC_URL/);
  });
});

describe('a build without FLIGHTMAP_PUBLIC_URL', () => {
  it('warns that its absolute links point at the local preview, and names the setting', () => {
    expect(publicUrlWarning({})).toMatch(/FLIGHTMAP_PUBLIC_URL is not set.*127\.0\.0\.1:4173/);
    expect(publicUrlWarning({ FLIGHTMAP_PUBLIC_URL: '  ' })).toMatch(/not set/);
    expect(publicUrlWarning({ FLIGHTMAP_PUBLIC_URL: 'https://news.example.com/j2/' })).toBeUndefined();
  });
});

describe('oEmbed in every language', () => {
  it('emits oembed-ru/az/kk.json: the title and the iframe title in the language, the embed asking for lang=', async () => {
    const { resolve } = await import('node:path');
    const { readFileSync } = await import('node:fs');
    const files: Record<string, string> = {};
    const p = oembed(resolve(__dirname, '../..'), { FLIGHTMAP_PUBLIC_URL: 'https://news.example.com/j2/' });
    (p.generateBundle as unknown as (this: { emitFile(f: { fileName: string; source: string }): void }) => void).call({
      emitFile: (f) => (files[f.fileName] = f.source),
    });
    expect(Object.keys(files).sort()).toEqual(['oembed-az.json', 'oembed-kk.json', 'oembed-ru.json', 'oembed.json']);
    for (const l of ['ru', 'az', 'kk']) {
      const m = (JSON.parse(readFileSync(resolve(__dirname, `../../geo/i18n/${l}.json`), 'utf8')) as { messages: Record<string, string> }).messages;
      const d = JSON.parse(files[`oembed-${l}.json`]!) as { title: string; html: string; type: string; thumbnail_url: string; thumbnail_width: number };
      expect(d.type).toBe('rich');
      expect(d.thumbnail_url).toBe(`https://news.example.com/j2/route-${l}.png`); // the picture in the language
      expect(d.thumbnail_width).toBe(1920);
      expect(d.title).toBe(m['embed.flightTitle']);
      expect(d.html).toContain(`&amp;lang=${l}&amp;childId=`);
      expect(d.html).toContain(`title="${m['embed.iframeTitle']!.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`);
    }
    expect(JSON.parse(files['oembed.json']!).title).toBe('How Azerbaijan Airlines flight J2-8243 was lost, 25 December 2024');
    expect(JSON.parse(files['oembed.json']!).thumbnail_url).toBe('https://news.example.com/j2/route.png');
  });
});
