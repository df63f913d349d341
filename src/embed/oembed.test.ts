import { describe, expect, it } from 'vitest';
import { oembedDocument, oembedLinkAttrs, normaliseBaseUrl } from './oembed';
import { CONTENT, EN_IFRAME_TITLE } from '../../test/support/content';

const COPY = { title: CONTENT.title, providerName: CONTENT.publisher, iframeTitle: EN_IFRAME_TITLE };

const URL_ = 'https://news.example.com/graphics/j2-8243/';

describe('oEmbed', () => {
  it('matches the snapshot', () => {
    expect(JSON.stringify(oembedDocument({ baseUrl: URL_, ...COPY, thumbnail: { path: 'route.png', width: 1920, height: 1080 } }), null, 2)).toMatchSnapshot();
  });
  it('is a valid rich response', () => {
    const d = oembedDocument({ baseUrl: 'https://news.example.com/j2', ...COPY });
    expect(d).toMatchObject({ version: '1.0', type: 'rich', provider_url: 'https://news.example.com/j2/' });
    expect(d.html).toContain('src="https://news.example.com/j2/?embed&amp;childId=flightmap-j2-8243"');
    expect(d.width).toBeGreaterThan(0);
    expect(d.height).toBeGreaterThan(0);
    expect(d.thumbnail_url).toBeUndefined();
  });
  it('has a discovery link with an absolute href', () => {
    expect(oembedLinkAttrs('https://news.example.com/j2/', CONTENT.title)).toEqual({
      rel: 'alternate',
      type: 'application/json+oembed',
      href: 'https://news.example.com/j2/oembed.json',
      title: 'How Azerbaijan Airlines flight J2-8243 was lost, 25 December 2024',
    });
  });
  it('refuses a base URL that is not absolute http(s)', () => {
    expect(() => normaliseBaseUrl('/graphics/')).toThrow(/absolute/);
    expect(() => normaliseBaseUrl('ftp://x.example/')).toThrow(/http/);
    expect(normaliseBaseUrl('https://x.example/a?b=1#c')).toBe('https://x.example/a/');
  });
});
