/**
 * The SVG and PDF exports, through the command line as a user runs it, against the built app
 * (E2E_OUT_DIR): true vectors (no image: pdfimages, no <image>), text as text (pdftotext, pdffonts:
 * Noto Sans embedded and subset), named layers, small files, the same bytes twice, and the same picture
 * as the PNG of the same request: the SVG rasterised by Chromium and the PDF by poppler's pdftoppm,
 * compared with pixelmatch.
 *
 * The pixel threshold: the PNG's map is drawn by MapLibre (its text from signed-distance glyphs, its
 * dashes from a texture whose phase starts at each tile), the vectors by Chromium's and poppler's path
 * and font rasterisers. Measured on these pictures, that leaves 0.16 % (SVG) and 0.48 % (PDF) of the
 * pixels different, all along edges (pixelmatch's threshold 0.1, anti-aliased pixels not counted). The
 * limits are a little over that (0.4 % and 0.8 %) and well under a real fault: the same SVG with its map
 * moved by one pixel differs from the PNG in 0.75 % of the pixels, by two pixels in 1.1 %.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import pixelmatch from 'pixelmatch';
import { openExportDialog, useApp } from '../support/app';
import { exportCli } from '../support/export-cli';
import { decode } from '../support/pixels';
import { launchChrome } from '../../scripts/lib/chrome';
import { MAP_LAYERS } from '../../src/export/vector/map-layers.fixture';

const OUT = mkdtempSync(join(tmpdir(), 'export-vector-e2e-'));
const sha = (buf: Buffer) => createHash('sha256').update(buf).digest('hex');

const cli = exportCli;

async function exportFile(name: string, args: string[]): Promise<{ file: string; buf: Buffer; stdout: string }> {
  const file = join(OUT, name);
  const r = await cli(['--out', file, ...args]);
  expect(r.stderr, r.stderr).toBe('');
  expect(r.code).toBe(0);
  return { file, buf: readFileSync(file), stdout: r.stdout };
}

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });

/** The share of pixels that differ (pixelmatch, threshold 0.1, anti-aliasing not counted); writes the diff picture next to the files. */
function difference(a: PNG, b: PNG, name: string): number {
  expect([b.width, b.height]).toEqual([a.width, a.height]);
  const diff = new PNG({ width: a.width, height: a.height });
  const n = pixelmatch(a.data, b.data, diff.data, a.width, a.height, { threshold: 0.1 });
  writeFileSync(join(OUT, `${name}-diff.png`), PNG.sync.write(diff));
  return n / (a.width * a.height);
}

describe('SVG and PDF export', () => {
  it('writes an A4 landscape PDF of the first impact: vectors and text, fonts embedded and subset, the PNG’s picture, the same bytes twice', async () => {
    // Without the insets: their small maps (coastlines at zoom 3, drawn by MapLibre in tiles) differ along every
    // edge; test/e2e/insets.test.ts pins them in both files.
    const args = ['--preset', 'a4', '--event', 'first-impact', '--no-inset'];
    const [pdf, again, png] = [await exportFile('a4.pdf', args), await exportFile('a4-again.pdf', args), await exportFile('a4.png', args)];
    expect(pdf.stdout).toMatch(/^Wrote .*a4\.pdf: PDF, 297 × 210 mm, [\d.]+ kB \([\d.]+ s\)\n$/);
    expect(sha(again.buf)).toBe(sha(pdf.buf));
    expect(pdf.buf.length).toBeLessThanOrEqual(1_000_000);

    expect(run('pdfinfo', [pdf.file])).toMatch(/Page size:\s+841\.89 x 595\.2\d* pts \(A4\)/);
    // No image at all: pdfimages lists only its two header lines.
    expect(run('pdfimages', ['-list', pdf.file]).trim().split('\n')).toHaveLength(2);
    // Three weights of Noto Sans, each embedded and subset, with a Unicode map (text can be copied).
    const fonts = run('pdffonts', [pdf.file]).trim().split('\n').slice(2);
    expect(fonts).toHaveLength(3);
    for (const f of fonts) expect(f).toMatch(/^[A-Z]{6}\+NotoSans-(Regular|SemiBold|Bold)\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    // The words are text: title, moment, names, legend, scale bars, note and credits.
    const text = run('pdftotext', ['-layout', pdf.file, '-']).replace(/\s+/g, ' ');
    for (const words of [
      'J2-8243 (AHY8243): Baku',
      'Grozny, diverted to Aktau',
      '25 Dec 2024, 05:13:31 UTC',
      'Grozny GRV',
      'Makhachkala MCX',
      'Caspian Sea',
      'Legend',
      'Claimed strike point (unverified)',
      'km',
      'nm',
      'is reconstructed from descriptions',
      'Basemap: Natural Earth.',
    ])
      expect(text).toContain(words);
    // Each name once: its halo (the same words, stroked) has no text of its own (until session 21, copying or searching
    // the PDF found "Makhachkala MCX Makhachkala MCX").
    // (in content-stream order: -layout folds text drawn twice at one place, copying and searching do not)
    const raw = run('pdftotext', ['-raw', pdf.file, '-']).replace(/\s+/g, ' ');
    expect(raw.split('Makhachkala MCX').length - 1).toBe(1);
    // Poppler draws it as the PNG shows it.
    const base = join(OUT, 'a4-poppler');
    run('pdftoppm', ['-png', '-singlefile', '-scale-to-x', '3508', '-scale-to-y', '2480', pdf.file, base]);
    const d = difference(decode(png.buf), decode(readFileSync(`${base}.png`)), 'a4-pdf');
    expect(d).toBeLessThan(0.008);
  }, 360_000);

  it('writes a 16:9 SVG of the first impact: layers, text in Noto Sans, no image, the PNG’s picture in Chromium, the same bytes twice', async () => {
    const args = ['--preset', '16x9', '--event', 'first-impact', '--no-inset'];
    const [svg, again, png] = [await exportFile('hd.svg', args), await exportFile('hd-again.svg', args), await exportFile('hd.png', args)];
    expect(svg.stdout).toMatch(/^Wrote .*hd\.svg: SVG, 1920 × 1080 px, [\d.]+ kB \([\d.]+ s\)\n$/);
    expect(sha(again.buf)).toBe(sha(svg.buf));
    expect(svg.buf.length).toBeLessThanOrEqual(1_500_000);
    const s = svg.buf.toString('utf8');
    expect(s).not.toMatch(/<image|data:image|<foreignObject/);
    expect(s).toMatch(/@font-face\{font-family:'Noto Sans';font-style:normal;font-weight:400;src:url\(data:font\/woff2;base64,/);
    const layers = [...s.matchAll(/<g id="([^"]+)"[^>]*inkscape:groupmode="layer"/g)].map((m) => m[1]);
    expect(layers.slice(0, MAP_LAYERS.length)).toEqual(MAP_LAYERS);
    expect(layers).toEqual(expect.arrayContaining(['title', 'legend', 'scale-bars', 'credits']));
    for (const words of ['J2-8243 (AHY8243): Baku', 'Grozny GRV', 'Caspian Sea', 'Legend'])
      expect(s).toMatch(new RegExp(`<text [^>]*>${words.replace(/[()]/g, '\\$&')}`));
    // SVG 1.1, as Illustrator imports it (src/export/vector/writers.test.ts audits the writer): no paint-order or
    // baseline property, no CSS beyond the fonts; a haloed name is its halo copy (aria-hidden) then its filled copy
    // in one group, so a reader or a search finds each name once.
    expect(s).not.toMatch(/paint-order|dominant-baseline|alignment-baseline|white-space|rgba\(|\bstyle="/);
    expect(s).toMatch(
      /<g>\n *<text aria-hidden="true" [^>]*fill="none" stroke="#[0-9a-f]{6}"[^>]*>Grozny GRV<\/text>\n *<text [^>]*fill="#[0-9a-f]{6}">Grozny GRV<\/text>\n *<\/g>/i,
    );
    const readable = [...s.matchAll(/<text (?!aria-hidden)[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    for (const name of ['Grozny GRV', 'Makhachkala MCX', 'Caspian Sea'])
      expect(
        readable.filter((t) => t === name),
        name,
      ).toHaveLength(1);
    expect(s.match(/<text aria-hidden="true"/g)?.length).toBe(s.match(/<g>\n/g)?.length);

    // Chromium draws it as the PNG shows it.
    const html = join(OUT, 'hd.html');
    writeFileSync(html, `<!doctype html><body style="margin:0"><img src="hd.svg" width="1920" height="1080" style="display:block">`);
    const browser = await launchChrome();
    try {
      const page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 });
      await page.goto(`file://${html}`);
      await page.waitForFunction(() => document.images[0]?.complete);
      const shot = decode(await page.screenshot({ type: 'png' }));
      const d = difference(decode(png.buf), shot, 'hd-svg');
      expect(d).toBeLessThan(0.004);
    } finally {
      await browser.close();
    }
  }, 360_000);

  it('refuses a file type it cannot write, and a format that contradicts the file', async () => {
    const [a, b] = await Promise.all([cli(['--out', join(OUT, 'x.eps')]), cli(['--out', join(OUT, 'x.svg'), '--format', 'pdf'])]);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/^export: --out must name a \.png, \.svg or \.pdf file/);
    expect(b.code).toBe(2);
    expect(b.stderr).toBe('export: --out names a .svg file but --format is pdf.\n');
  });
});

describe('the Export dialog (SVG and PDF)', () => {
  const app = useApp();

  it('offers PNG, SVG and PDF, and downloads a PDF of the chosen print size', async () => {
    const { page, log, close } = await app.open('?event=first-impact', { width: 1280, height: 800 }, { acceptDownloads: true });
    const dialog = await openExportDialog(page);
    await dialog.getByLabel('PDF').check();
    // The screen sizes have their own shape: no portrait option for them.
    expect(await dialog.getByLabel('Portrait: the page upright').isVisible()).toBe(false);
    await dialog.getByLabel('A3, 300 dpi').check();
    // Vectors have no pixel scale to choose.
    expect(await dialog.getByRole('group', { name: 'Pixel scale' }).isVisible()).toBe(false);
    // A print size turns upright.
    await dialog.getByLabel('Portrait: the page upright').check();
    expect(await dialog.locator('#export-summary').textContent()).toBe('297 × 420 mm · j2-8243_2024-12-25T051331Z_a3-portrait.pdf');
    await dialog.getByLabel('Portrait: the page upright').uncheck();
    expect(await dialog.locator('#export-summary').textContent()).toBe('420 × 297 mm · j2-8243_2024-12-25T051331Z_a3.pdf');
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await dialog.getByRole('button', { name: 'Export PDF' }).click();
    const d = await download;
    expect(d.suggestedFilename()).toBe('j2-8243_2024-12-25T051331Z_a3.pdf');
    const file = await d.path();
    expect(readFileSync(file).subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
    expect(run('pdfinfo', [file])).toMatch(/Page size:\s+1190\.55 x 841\.89 pts \(A3\)/);
    await page.waitForFunction(() => /^Saved /.test(document.querySelector('.export-status')?.textContent ?? ''));
    expect(await dialog.locator('.export-status').textContent()).toMatch(/^Saved j2-8243_.*\(420 × 297 mm, [\d.]+ kB\)\.$/);
    // And an SVG, from the same dialog.
    await dialog.getByLabel('SVG').check();
    const svgDownload = page.waitForEvent('download', { timeout: 60_000 });
    await dialog.getByRole('button', { name: 'Export SVG' }).click();
    const svg = readFileSync(await (await svgDownload).path()).toString('utf8');
    expect(svg).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg [^>]*width="420mm" height="297mm"/);
    expect(log.errors).toEqual([]);
    await close();
  }, 120_000);

  it('refuses a request it cannot make, saying why', async () => {
    const { page, close } = await app.open('');
    const errs = await page.evaluate(() =>
      Promise.all([
        (window as any).flightmap.exportSvg({ preset: 'a4', orientation: 'sideways' }).then(
          () => 'made',
          (e: Error) => e.message,
        ),
        (window as any).flightmap.exportPdf({ mm: [10, 10] }).then(
          () => 'made',
          (e: Error) => e.message,
        ),
      ]),
    );
    expect(errs).toEqual(['The orientation must be landscape or portrait (got sideways).', 'The width must be from 50 to 600 mm (got 10).']);
    await close();
  });
});
