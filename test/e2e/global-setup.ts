/**
 * Builds the app ONCE per test run, before the browser tests and the size budget (both test the built app, not
 * the dev server), into E2E_DIST (test/support/dist.ts: E2E_OUT_DIR, else `.cache/e2e-dist`; never dist/).
 * Both projects (e2e, build) name this file; the second call in the same run reuses the first's build.
 * E2E_SKIP_BUILD=1 uses the folder as it is (a build you made yourself).
 */
import { build } from 'vite';
import { resolve } from 'node:path';
import { E2E_DIST, REPO } from '../support/dist';

const KEY = Symbol.for('j2-8243.e2e-build');
type Holder = { [KEY]?: Promise<void> };

export default async function setup() {
  if (process.env.E2E_SKIP_BUILD === '1') return;
  // Each project loads this file on its own, in the same process: the promise is kept on globalThis.
  const g = globalThis as Holder;
  g[KEY] ??= build({
    root: REPO,
    configFile: resolve(REPO, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: E2E_DIST, emptyOutDir: true },
  }).then(() => undefined);
  await g[KEY];
}
