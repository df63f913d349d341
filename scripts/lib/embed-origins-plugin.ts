/**
 * Vite plugin: who may control the embed. VITE_EMBED_ALLOWED_ORIGINS at build time becomes a
 * `<meta name="flightmap-embed-allowed-origins">` in the page, which the embed reads (src/embed/child.ts). A host
 * may also edit that meta in the built index.html, without building again (and the browser tests do, rather
 * than build a second time). No meta, or an empty one: any origin (`*`).
 */
import type { Plugin } from 'vite';

export const ALLOWED_ORIGINS_META = 'flightmap-embed-allowed-origins';

export function embedOrigins(env: NodeJS.ProcessEnv = process.env): Plugin {
  return {
    name: 'flightmap-embed-origins',
    transformIndexHtml() {
      const setting = env.VITE_EMBED_ALLOWED_ORIGINS?.trim();
      return setting ? [{ tag: 'meta', attrs: { name: ALLOWED_ORIGINS_META, content: setting }, injectTo: 'head' }] : [];
    },
  };
}

/** The built page with its allowed origins set (or replaced): what a host does by hand. */
export function withAllowedOrigins(html: string, setting: string): string {
  const attr = setting.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const meta = `<meta name="${ALLOWED_ORIGINS_META}" content="${attr}">`;
  const re = new RegExp(`<meta name="${ALLOWED_ORIGINS_META}"[^>]*>`);
  return re.test(html) ? html.replace(re, meta) : html.replace('</head>', `  ${meta}\n  </head>`);
}
