/** Builds for the benchmark: the app (its own vite.config.ts) and the baseline pages, each into a temp dir, never dist/. */
import { build } from 'vite';
import { resolve } from 'node:path';
import { storyData } from '../../../scripts/lib/story-plugin.ts';

export const REPO = resolve(import.meta.dirname, '../../..');
export const PAGES = ['bare', 'scrub-baseline', 'export-baseline'] as const;

/** The app exactly as `npm run build` makes it, into outDir. */
export async function buildApp(outDir: string): Promise<void> {
  await build({ root: REPO, configFile: resolve(REPO, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
}

/** The baseline pages (test/bench/pages), with the app's public/ (basemap, fonts) and data/story.json. */
export async function buildPages(outDir: string): Promise<void> {
  const root = resolve(REPO, 'test/bench/pages');
  await build({
    configFile: false,
    root,
    base: './',
    publicDir: resolve(REPO, 'public'),
    logLevel: 'warn',
    plugins: [storyData(REPO)],
    // One MapLibre for every page: the export plugin's own dependency (maplibre-gl 5) is not used.
    resolve: { dedupe: ['maplibre-gl'] },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      chunkSizeWarningLimit: 5000,
      rolldownOptions: { input: Object.fromEntries(PAGES.map((p) => [p, resolve(root, `${p}.html`)])) },
    },
  });
}
