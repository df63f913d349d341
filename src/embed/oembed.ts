/**
 * The oEmbed response for the map (oembed.com, `type: rich`): what a CMS gets when it asks how to embed
 * the map's URL. Built at build time with the public base URL. Pure: no DOM.
 */
import { DEFAULT_EMBED, embedSnippet, initialHeight } from './snippet.ts';

export const OEMBED_FILE = 'oembed.json';
export const OEMBED_WIDTH = 600;

export interface OEmbedRich {
  version: '1.0';
  type: 'rich';
  title: string;
  provider_name: string;
  provider_url: string;
  html: string;
  width: number;
  height: number;
  cache_age: number;
  thumbnail_url?: string;
  thumbnail_width?: number;
  thumbnail_height?: number;
}

export interface OEmbedInput {
  /** Absolute public URL of the app, ending with `/`. */
  baseUrl: string;
  /** The story's title and publisher (geo/content.json: title, publisher). */
  title: string;
  providerName: string;
  /** The snippet's iframe title, in English (the catalogue message content.json names as `iframeTitle`). */
  iframeTitle: string;
  /** A picture of the route, relative to baseUrl, with its size. */
  thumbnail?: { path: string; width: number; height: number };
  /** Another language than English: the embed's `lang=`, its title and its iframe's title in that language. */
  lang?: { code: string; title: string; iframeTitle: string };
}

/** The oEmbed response of a language other than English (the page's discovery link names English's). */
export const oembedFile = (lang: string) => `oembed-${lang}.json`;

/** Normalises a public base URL: absolute http(s), ends with `/`, no query or fragment. Throws otherwise. */
export function normaliseBaseUrl(raw: string): string {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new Error(`FLIGHTMAP_PUBLIC_URL must be an absolute http(s) URL, got “${raw}”`);
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error(`FLIGHTMAP_PUBLIC_URL must be http(s), got “${raw}”`);
  u.search = '';
  u.hash = '';
  if (!u.pathname.endsWith('/')) u.pathname += '/';
  return u.href;
}

export function oembedDocument(input: OEmbedInput): OEmbedRich {
  const baseUrl = normaliseBaseUrl(input.baseUrl);
  const doc: OEmbedRich = {
    version: '1.0',
    type: 'rich',
    title: input.lang?.title ?? input.title,
    provider_name: input.providerName,
    provider_url: baseUrl,
    html: embedSnippet({
      url: baseUrl,
      ...DEFAULT_EMBED,
      title: input.lang?.iframeTitle ?? input.iframeTitle,
      ...(input.lang ? { lang: input.lang.code } : {}),
    }),
    width: OEMBED_WIDTH,
    height: initialHeight(DEFAULT_EMBED),
    cache_age: 86_400,
  };
  if (input.thumbnail) {
    doc.thumbnail_url = new URL(input.thumbnail.path, baseUrl).href;
    doc.thumbnail_width = input.thumbnail.width;
    doc.thumbnail_height = input.thumbnail.height;
  }
  return doc;
}

/** The discovery link's attributes, for the page's <head>. */
export function oembedLinkAttrs(baseUrl: string, title: string): Record<string, string> {
  return { rel: 'alternate', type: 'application/json+oembed', href: new URL(OEMBED_FILE, normaliseBaseUrl(baseUrl)).href, title };
}
