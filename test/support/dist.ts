/**
 * Where the browser tests and the size budget find the built app: E2E_OUT_DIR, else `.cache/e2e-dist` in the
 * repo (gitignored). Never `dist/`: the tests do not touch the developer's build.
 */
import { resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '../..');
export const E2E_DIST = resolve(REPO, process.env.E2E_OUT_DIR ?? '.cache/e2e-dist');
