/**
 * npm run export -- --out route.png|route.svg|route.pdf [--format png|svg|pdf]
 *                   [--preset 16x9|1x1|4x5|a4|a3|letter [--portrait] | --mm WxH | --width W --height H] [--scale N]
 *                   [--t <ISO UTC> | --event <id>] [--dark] [--no-legend] [--no-inset] [--dist DIR] [--meta FILE]
 *
 * Builds the app, serves it on loopback, and in headless Chromium either renders the map off-screen at
 * exactly width × scale by height × scale pixels and writes the PNG, or makes the SVG or PDF of the same
 * picture in true vectors (window.flightmap.exportSvg / exportPdf). Errors are one line on stderr:
 * exit 2 for a bad argument, 3 for no browser, 1 for anything else.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { parseCli, USAGE } from '../src/export/core/cli-args.ts';
import { buildTrack } from '../src/track/interpolate.ts';
import { buildTimelines } from '../src/time/timeline.ts';
import { exportFilename } from '../src/export/core/text.ts';
import { validateStoryDir } from './lib/story-files.ts';
import { CliError, cliTranslator, firstLine, formatBytes, requireChrome, ROOT, startExporter } from './lib/export-png.ts';

async function main(argv: string[]): Promise<number> {
  const story = validateStoryDir(ROOT);
  if (!story.ok) throw new CliError(`geo/ has ${story.errors.length} problem(s), first: ${story.errors[0]}`, 1);
  const track = buildTrack(story.story.track.features);
  const timelines = buildTimelines(story.story.events, { start: track.start, end: track.end });
  const parsed = parseCli(argv, { timelines });
  if (!parsed.ok) throw new CliError(parsed.error, 2);
  const { options, resolved } = parsed.value;
  if (options.help || !resolved) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  // Paths are relative to where the command was typed (npm runs scripts from the package root).
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const out = resolve(cwd, options.out ?? exportFilename(resolved, options.format));
  const dist = options.dist ? resolve(cwd, options.dist) : undefined;
  if (dist && !existsSync(join(dist, 'index.html')))
    throw new CliError(`--dist ${options.dist} is not a built app (no index.html): run npm run build, or leave --dist out.`, 2);
  requireChrome();
  const t = cliTranslator(options.lang);
  const t0 = performance.now();
  const exporter = await startExporter({ ...(dist ? { dist } : {}), lang: options.lang });
  try {
    const shown = isAbsolute(options.out ?? '') ? out : relative(cwd, out) || out;
    const secs = () => ((performance.now() - t0) / 1000).toFixed(1);
    if (options.format === 'png') {
      const r = await exporter.exportPng(options.request, out, {
        ...(options.meta ? { meta: resolve(cwd, options.meta) } : {}),
        expect: { width: resolved.size.outWidth, height: resolved.size.outHeight },
      });
      process.stdout.write(
        t('export.cli.wrote', { file: shown, size: t('export.px', { width: r.width, height: r.height }), bytes: formatBytes(r.bytes), seconds: secs() }) + '\n',
      );
    } else {
      const r = await exporter.exportVector(options.format, options.request, out, options.meta ? { meta: resolve(cwd, options.meta) } : {});
      const { mm, outWidth, outHeight } = resolved.size;
      const size = mm ? t('export.mm', { width: +mm.width.toFixed(1), height: +mm.height.toFixed(1) }) : t('export.px', { width: outWidth, height: outHeight });
      process.stdout.write(
        t('export.cli.wrote', { file: shown, size: `${options.format.toUpperCase()}, ${size}`, bytes: formatBytes(r.bytes), seconds: secs() }) + '\n',
      );
    }
  } finally {
    await exporter.close();
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    const code = e instanceof CliError ? e.code : 1;
    process.stderr.write(`export: ${e instanceof CliError ? e.message : `failed: ${firstLine(e)}`}\n`);
    process.exit(code);
  },
);
