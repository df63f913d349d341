/**
 * Vite plugin: emits the oEmbed response (oembed.json, `type: rich`) into the build and adds the oEmbed
 * discovery link to the page. The public base URL is set at build time:
 *
 *   FLIGHTMAP_PUBLIC_URL=https://example.org/graphics/j2-8243/ npm run build
 *
 * Default: http://127.0.0.1:4173/ (what `npm run preview` serves), so a build made without it still has
 * a working oEmbed locally; set it for any real deployment.
 */
import type { Plugin } from 'vite';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { normaliseBaseUrl, OEMBED_FILE, oembedDocument, oembedFile, oembedLinkAttrs, type OEmbedInput } from '../../src/embed/oembed.ts';
import { validateStoryDir } from './story-files.ts';
import { englishCopy } from './content-file.ts';
import { LOCALES } from '../../src/i18n/locales.ts';
import { I18N_DIR } from './i18n-files.ts';
import { routeFile } from '../../src/opendata/build-info.ts';

export const DEFAULT_PUBLIC_URL = 'http://127.0.0.1:4173/';

/** What a build without FLIGHTMAP_PUBLIC_URL says: its absolute links point at the local preview, not at the site. */
export function publicUrlWarning(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.FLIGHTMAP_PUBLIC_URL?.trim()) return undefined;
  return (
    `FLIGHTMAP_PUBLIC_URL is not set: the page's language links (hreflang), the oEmbed link and oembed*.json, and the ` +
    `downloads' url point at ${DEFAULT_PUBLIC_URL} (what npm run preview serves). For a site, build with ` +
    `FLIGHTMAP_PUBLIC_URL=https://example.org/graphics/j2-8243/ npm run build`
  );
}

/** Width and height of a PNG from its IHDR chunk, or undefined. */
export function pngSize(buf: Uint8Array): { width: number; height: number } | undefined {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (buf.length < 24 || sig.some((b, i) => buf[i] !== b)) return undefined;
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  return { width: dv.getUint32(16), height: dv.getUint32(20) };
}

export function oembed(root: string, env: NodeJS.ProcessEnv = process.env): Plugin {
  const baseUrl = normaliseBaseUrl(env.FLIGHTMAP_PUBLIC_URL?.trim() || DEFAULT_PUBLIC_URL);
  /** The title, publisher and iframe title: geo/content.json (the story plugin fails the build on a bad story first). */
  const copy = () => {
    const s = validateStoryDir(root);
    if (!s.ok) throw new Error(`geo/ has ${s.errors.length} problem(s):\n  ${s.errors.join('\n  ')}`);
    const { title, publisher } = s.story.content;
    return { title, providerName: publisher, iframeTitle: englishCopy(root, s.story.content).iframeTitle };
  };
  /** The thumbnail: the route picture in the language (public/route-ru.png …), else the English one. */
  const input = (l = 'en'): OEmbedInput => {
    const file = existsSync(resolve(root, 'public', routeFile(l))) ? routeFile(l) : 'route.png';
    const png = resolve(root, 'public', file);
    const size = existsSync(png) ? pngSize(readFileSync(png)) : undefined;
    return { baseUrl, ...copy(), ...(size ? { thumbnail: { path: file, ...size } } : {}) };
  };
  const json = () => JSON.stringify(oembedDocument(input()), null, 2) + '\n';
  /** The same response in another language: its title and the iframe's, from that language's catalogue; the embed asks for `lang=`. */
  const localJson = (l: string) => {
    const m = (JSON.parse(readFileSync(resolve(root, I18N_DIR, `${l}.json`), 'utf8')) as { messages: Record<string, string> }).messages;
    return (
      JSON.stringify(oembedDocument({ ...input(l), lang: { code: l, title: m['embed.flightTitle']!, iframeTitle: m['embed.iframeTitle']! } }), null, 2) + '\n'
    );
  };
  return {
    name: 'flightmap-oembed',
    transformIndexHtml: {
      order: 'post',
      handler: () => [{ tag: 'link', attrs: oembedLinkAttrs(baseUrl, copy().title), injectTo: 'head' }],
    },
    generateBundle() {
      const warning = publicUrlWarning(env);
      if (warning) this.warn(warning); // said once, by this plugin, for the three that use the URL
      this.emitFile({ type: 'asset', fileName: OEMBED_FILE, source: json() });
      for (const l of LOCALES) if (l !== 'en') this.emitFile({ type: 'asset', fileName: oembedFile(l), source: localJson(l) });
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (!req.url || !req.url.split('?')[0]!.endsWith('/' + OEMBED_FILE)) return next();
        res.setHeader('Content-Type', 'application/json');
        res.end(json());
      });
    },
  };
}
