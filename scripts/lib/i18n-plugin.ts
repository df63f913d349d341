/**
 * Vite plugin for the catalogues (geo/i18n/*.json):
 * - checks them when the build starts (a missing key, an extra key, a placeholder that differs from English's
 *   fails the build, one line per problem);
 * - every locale, English too, is a file of its own, data/i18n/<locale>.json, fetched only by its readers (the
 *   code carries keys, not words); the pseudo-locale en-XA is data/i18n/en-XA.json;
 * - messages are shipped parsed (ICU AST), so the page carries intl-messageformat without its parser: the alias
 *   below swaps the parser for its no-parser build in the bundle. In dev the same files are served.
 */
import type { Plugin } from 'vite';
import { resolve } from 'node:path';
import { LOCALES, PSEUDO_LOCALE, type AnyLocale } from '../../src/i18n/locales.ts';
import { HTML_LANG } from '../../src/i18n/locales.ts';
import { normaliseBaseUrl } from '../../src/embed/oembed.ts';
import { I18N_DIR, shippedCatalogue, validateCatalogues } from './i18n-files.ts';
import { DEFAULT_PUBLIC_URL } from './oembed-plugin.ts';

export const I18N_URL_DIR = 'data/i18n';
const SHIPPED: AnyLocale[] = [...LOCALES, PSEUDO_LOCALE];

/** `<link rel="alternate" hreflang>` for each language (`?lang=`) and x-default, at the public URL (FLIGHTMAP_PUBLIC_URL). */
export function hreflangLinks(baseUrl: string) {
  return [
    ...LOCALES.map((l) => ({ tag: 'link', attrs: { rel: 'alternate', hreflang: HTML_LANG[l], href: `${baseUrl}?lang=${l}` }, injectTo: 'head' as const })),
    { tag: 'link', attrs: { rel: 'alternate', hreflang: 'x-default', href: baseUrl }, injectTo: 'head' as const },
  ];
}

export function i18n(root: string, env: NodeJS.ProcessEnv = process.env): Plugin {
  const baseUrl = normaliseBaseUrl(env.FLIGHTMAP_PUBLIC_URL?.trim() || DEFAULT_PUBLIC_URL);
  return {
    name: 'flightmap-i18n',
    enforce: 'pre',
    config() {
      return { resolve: { alias: [{ find: /^@formatjs\/icu-messageformat-parser$/, replacement: '@formatjs/icu-messageformat-parser/no-parser.js' }] } };
    },
    buildStart() {
      const errors = validateCatalogues(root);
      if (errors.length) throw new Error(`${I18N_DIR}/ has ${errors.length} problem(s):\n  ${errors.join('\n  ')}`);
      for (const l of LOCALES) this.addWatchFile(resolve(root, I18N_DIR, `${l}.json`));
    },
    transformIndexHtml: () => hreflangLinks(baseUrl),
    generateBundle() {
      for (const l of SHIPPED) this.emitFile({ type: 'asset', fileName: `${I18N_URL_DIR}/${l}.json`, source: JSON.stringify(shippedCatalogue(root, l)) });
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const m = req.url?.split('?')[0]?.match(/\/data\/i18n\/([\w-]+)\.json$/);
        const locale = SHIPPED.find((l) => l === m?.[1]);
        if (!locale) return next();
        for (const e of validateCatalogues(root)) server.config.logger.error(e);
        res.setHeader('Content-Type', 'application/json');
        res.end(JSON.stringify(shippedCatalogue(root, locale)));
      });
    },
  };
}
