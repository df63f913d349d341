/** Builds the app once before the browser tests (they test the built app, not the dev server). */
import { build } from 'vite';

export default async function setup() {
  if (process.env.E2E_SKIP_BUILD === '1') return;
  await build({ logLevel: 'warn', configFile: 'vite.config.ts' });
}
