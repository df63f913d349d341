/**
 * Builds the app once before the browser tests (they test the built app, not the dev server).
 * E2E_OUT_DIR builds elsewhere than dist/ (so two people can run browser tests at once).
 */
import { build } from 'vite';

export default async function setup() {
  if (process.env.E2E_SKIP_BUILD === '1') return;
  await build({ logLevel: 'warn', configFile: 'vite.config.ts', build: { outDir: process.env.E2E_OUT_DIR ?? 'dist', emptyOutDir: true } });
}
