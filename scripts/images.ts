/**
 * npm run images: regenerates the committed pictures with the export command's pipeline (one build, one
 * browser):
 *   public/route.png    16:9, 1920×1080, the whole route, light: the page's picture without WebGL, with ?static
 *                       and without JavaScript, and the embed's fallback
 *   public/route-ru.png, route-az.png, route-kk.png   the same picture in each language (`--lang`): the static
 *                       embed and the no-script page in that language show it
 *   public/route-narrow.png, route-narrow-ru.png …   9:16, 810×1440, the whole route for phone-width boxes (up to
 *                       NARROW_MAX_WIDTH, 600 CSS px): 405 × 720 px at scale 2, a tall picture a phone's column
 *                       wide, so the export lays it out for 360 CSS px (presets.ts PHONE, layout.ts D_PHONE:
 *                       360 × 640 design px, its legend in a band under the map): at 360 px wide the map's names
 *                       are 12–13 px, the credits 11 and the legend 12 in English and Azerbaijani (9.25 and 10.25
 *                       in Russian and Kazakh, whose words run longer, so that the map keeps a third of the
 *                       picture); before, as the usual design at three quarters, 8–9 px (the wide one's: 2.4)
 *   docs/screenshot.png 1600×900 at 1×, the moment of the decision to divert: the README's picture
 * Run it after changing the story (geo/), the style or the layout, and commit every file. Output is
 * byte-identical from run to run on one machine; another machine's fonts do not matter (the app ships
 * its own), but its Chromium and CPU may change a few antialiased pixels.
 */
import { resolve } from 'node:path';
import type { ExportRequest } from '../src/export/core/request.ts';
import { buildApp, CliError, firstLine, formatBytes, ROOT, startExporter } from './lib/export-png.ts';
import { LOCALES } from '../src/i18n/locales.ts';
import { ROUTE_PICTURE, routeFile } from '../src/opendata/build-info.ts';

const size = (s: { width: number; height: number }) => [s.width, s.height] as const;
const ROUTE = { request: { preset: '16x9', moment: 'route' }, size: size(ROUTE_PICTURE.wide) } as const;
const NARROW = {
  request: { width: ROUTE_PICTURE.narrow.width / 2, height: ROUTE_PICTURE.narrow.height / 2, scale: 2, moment: 'route' },
  size: size(ROUTE_PICTURE.narrow),
} as const;
const JOBS: { lang: string; out: string; request: ExportRequest; size: readonly [number, number] }[] = [
  ...LOCALES.flatMap((lang) => [
    { lang, out: `public/${routeFile(lang)}`, ...ROUTE },
    { lang, out: `public/${routeFile(lang, 'narrow')}`, ...NARROW },
  ]),
  { lang: 'en', out: 'docs/screenshot.png', request: { width: 1600, height: 900, moment: { event: 'divert-aktau' } }, size: [1600, 900] },
];
/** Keep the committed pictures small (they ship with the app and the repository). */
const BUDGET = 400_000;

async function main() {
  const t0 = performance.now();
  const built = await buildApp(); // one build; one page per language
  try {
    for (const lang of new Set(JOBS.map((j) => j.lang))) {
      const exporter = await startExporter({ dist: built.dir, lang });
      try {
        for (const job of JOBS.filter((j) => j.lang === lang)) {
          const r = await exporter.exportPng(job.request, resolve(ROOT, job.out), { expect: { width: job.size[0], height: job.size[1] } });
          const over = r.bytes > BUDGET ? `  (over the ${formatBytes(BUDGET)} budget)` : '';
          process.stdout.write(`Wrote ${job.out}: ${r.width} × ${r.height} px, ${formatBytes(r.bytes)}${over}\n`);
        }
      } finally {
        await exporter.close();
      }
    }
  } finally {
    await built.cleanup();
  }
  process.stdout.write(`Done in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`images: ${e instanceof CliError ? e.message : `failed: ${firstLine(e)}`}\n`);
    process.exit(e instanceof CliError ? e.code : 1);
  },
);
