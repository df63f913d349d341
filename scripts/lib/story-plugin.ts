/**
 * Vite plugin: validates geo/ when the build starts (a bad file fails the build with the file, the
 * feature or event, and the field) and ships the story as one file, data/story.json, keyed by file name
 * so the browser's own check can name the file too. In dev it serves the same from the working tree.
 */
import type { Plugin } from 'vite';
import { resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { STORY_FILES, type StoryFileKey } from '../../src/story/validate.ts';
import { readBundle, storyDigest, storyFromFiles } from '../../src/story/bundle.ts';
import { readStoryFiles, validateStoryDir } from './story-files.ts';
import { checkContentMessages, englishCopy } from './content-file.ts';

export const STORY_JSON = 'data/story.json';

/** Text for an element's content (Vite escapes attribute values, not children). */
const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function storyBundle(root: string): string {
  const raw = readStoryFiles(root);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(STORY_FILES) as StoryFileKey[]) out[STORY_FILES[key]] = JSON.parse(String(raw[key]));
  return JSON.stringify(out);
}

/**
 * The digest of the bundle the build ships, when the story is valid and its checked form is the file as
 * it is (the schemas change nothing, e.g. no text to trim): the browser then uses that file without
 * running the schemas (src/story/load.ts). Otherwise undefined, and the browser checks every load.
 */
export async function validatedDigest(root: string): Promise<string | undefined> {
  const result = validateStoryDir(root);
  if (!result.ok) return undefined;
  const text = storyBundle(root);
  const asIs = storyFromFiles(readBundle(text) as Parameters<typeof storyFromFiles>[0]);
  return isDeepStrictEqual(asIs, result.story) ? ((await storyDigest(text)) ?? undefined) : undefined;
}

export function storyData(root: string): Plugin {
  const check = () => {
    const result = validateStoryDir(root);
    const errors = result.ok ? checkContentMessages(root, result.story.content) : result.errors;
    if (errors.length) throw new Error(`geo/ has ${errors.length} problem(s):\n  ${errors.join('\n  ')}`);
    return result;
  };
  return {
    name: 'story-data',
    async config() {
      // JSON.stringify(undefined) is not valid code: the page reads `typeof __STORY_DIGEST__`.
      const digest = await validatedDigest(root);
      return { define: { __STORY_DIGEST__: digest === undefined ? 'undefined' : JSON.stringify(digest) } };
    },
    // The page's <title> and description: the English messages geo/content.json names (the page translates them).
    transformIndexHtml() {
      const result = check();
      if (!result.ok) return [];
      const copy = englishCopy(root, result.story.content);
      return [
        { tag: 'title', children: escapeText(copy.pageTitle), injectTo: 'head' },
        { tag: 'meta', attrs: { name: 'description', content: copy.description }, injectTo: 'head' },
      ];
    },
    buildStart() {
      check();
      for (const f of Object.values(STORY_FILES)) this.addWatchFile(resolve(root, f));
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: STORY_JSON, source: storyBundle(root) });
    },
    configureServer(server) {
      server.watcher.add(resolve(root, 'geo'));
      server.watcher.on('change', (file) => {
        if (file.includes(`${resolve(root, 'geo')}`)) server.ws.send({ type: 'full-reload' });
      });
      server.middlewares.use((req, res, next) => {
        if (!req.url || !req.url.split('?')[0]!.endsWith('/' + STORY_JSON)) return next();
        const result = validateStoryDir(root);
        if (!result.ok) server.config.logger.error(`geo/ has problems:\n  ${result.errors.join('\n  ')}`);
        res.setHeader('Content-Type', 'application/json');
        res.end(storyBundle(root));
      });
    },
  };
}
