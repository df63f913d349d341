import { describe, expect, it } from 'vitest';
import type { HtmlTagDescriptor } from 'vite';
import { ALLOWED_ORIGINS_META, embedOrigins, withAllowedOrigins } from './embed-origins-plugin';

const tags = (env: NodeJS.ProcessEnv) => (embedOrigins(env).transformIndexHtml as () => HtmlTagDescriptor[])();

describe('allowed embed origins in the page', () => {
  it('writes the build setting as a meta, and nothing without one', () => {
    expect(tags({ VITE_EMBED_ALLOWED_ORIGINS: ' https://news.example.com, https://amp.example.com ' })).toEqual([
      { tag: 'meta', attrs: { name: ALLOWED_ORIGINS_META, content: 'https://news.example.com, https://amp.example.com' }, injectTo: 'head' },
    ]);
    expect(tags({})).toEqual([]);
    expect(tags({ VITE_EMBED_ALLOWED_ORIGINS: '  ' })).toEqual([]);
  });
  it('sets or replaces it in a built page, escaped', () => {
    const page = '<html><head><title>x</title></head><body></body></html>';
    const once = withAllowedOrigins(page, 'https://a.example');
    expect(once).toContain(`<meta name="${ALLOWED_ORIGINS_META}" content="https://a.example">`);
    const twice = withAllowedOrigins(once, 'https://b.example"><script>');
    expect(twice.match(new RegExp(ALLOWED_ORIGINS_META, 'g'))).toHaveLength(1);
    expect(twice).toContain('content="https://b.example&quot;>&lt;script>"');
  });
});
