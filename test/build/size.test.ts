/**
 * Size budget: the build's own code and data may not grow past the budgets in size-budget.json (gzip -9,
 * kB = 1000 bytes), as maplibre-gl-js checks its bundle. The first load is recorded in real Chromium (the
 * files a reader downloads before the map is drawn, split as in `npm run bench`); "all our code" adds the
 * chunks loaded on demand (export, embed dialog, the story validator).
 *
 * Each budget has a working value (the size when it was last set, plus a small margin) and a hard limit
 * (the project's targets: 60 kB of code and 150 kB of data on first load). When growth is wanted, set the
 * working budgets again with UPDATE_SIZE_BUDGET=1 (never above the limit):
 *   UPDATE_SIZE_BUDGET=1 npx vitest run --project build
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChrome } from '../../scripts/lib/chrome.ts';
import { serveDir } from '../../scripts/lib/static-server.ts';
import { E2E_DIST } from '../support/dist.ts';
import { firstLoadPaths, ownCode, sizeFiles, sizeReport } from '../bench/lib/size.ts';

const BUDGET_FILE = join(import.meta.dirname, 'size-budget.json');
const MARGIN = 1.05;

interface Budget {
  /** Working budget, kB gzip. */
  budget_kb: number;
  /** Hard limit, kB gzip: UPDATE_SIZE_BUDGET never raises the budget past it. */
  limit_kb: number;
  what: string;
}
type Budgets = Record<'app_first_load' | 'data_first_load' | 'app_all', Budget> & { note?: string; updated?: string };

const budgets = JSON.parse(readFileSync(BUDGET_FILE, 'utf8')) as Budgets;
const measured: Record<keyof Omit<Budgets, 'note' | 'updated'>, number> = { app_first_load: NaN, data_first_load: NaN, app_all: NaN };
let files: string[] = [];
/** The run's test build (test/e2e/global-setup.ts builds it once for this project and the browser tests). */
const dir = E2E_DIST;

beforeAll(async () => {
  const server = await serveDir(dir, { headers: { 'Cache-Control': 'public, max-age=600' } });
  const browser = await launchChrome();
  try {
    const first = sizeFiles(dir, await firstLoadPaths(browser, server.url));
    const r = sizeReport(first);
    measured.app_first_load = r.app_gzip_kb;
    measured.data_first_load = r.data_gzip_kb;
    measured.app_all = sizeReport(ownCode(dir)).app_gzip_kb;
    files = first.map((f) => `${f.kind.padEnd(8)} ${(f.gzip / 1000).toFixed(1).padStart(6)} kB  ${f.path}`);
  } finally {
    await browser.close();
    await server.close();
  }
  if (process.env.UPDATE_SIZE_BUDGET === '1') {
    for (const k of Object.keys(measured) as (keyof typeof measured)[]) {
      const b = budgets[k];
      b.budget_kb = Math.min(b.limit_kb, Math.ceil(measured[k] * MARGIN * 2) / 2);
    }
    budgets.updated = new Date().toISOString().slice(0, 10);
    writeFileSync(BUDGET_FILE, JSON.stringify(budgets, null, 2) + '\n');
  }
}, 180_000);

describe('size budget (gzip -9, kB = 1000 bytes)', () => {
  for (const key of ['app_first_load', 'data_first_load', 'app_all'] as const) {
    it(`${key}: ${budgets[key].what}`, () => {
      const { budget_kb, limit_kb } = budgets[key];
      const kb = measured[key];
      const over = Math.round((kb - budget_kb) * 10) / 10;
      expect(
        kb,
        `${key} is ${kb} kB gzip, over the hard limit of ${limit_kb} kB by ${Math.round((kb - limit_kb) * 10) / 10} kB. First load:\n${files.join('\n')}`,
      ).toBeLessThanOrEqual(limit_kb);
      expect(
        kb,
        `${key} is ${kb} kB gzip, ${over} kB over its budget of ${budget_kb} kB (test/build/size-budget.json). ` +
          `If the growth is wanted, set the budgets again: UPDATE_SIZE_BUDGET=1 npx vitest run --project build (the hard limit stays ${limit_kb} kB). First load:\n${files.join('\n')}`,
      ).toBeLessThanOrEqual(budget_kb);
    });
  }
});
