import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { BROWSER_UI_FEATURES, CHROME_ARGS, chromeArgs, PLAYWRIGHT_DISABLED_FEATURES } from './chrome';

/** The names in playwright-core's own `disabledFeatures` list (its bundle, as installed). */
function playwrightDisabled(): string[] {
  const dir = dirname(createRequire(import.meta.url).resolve('playwright-core/package.json'));
  const code = readFileSync(join(dir, 'lib/coreBundle.js'), 'utf8');
  const list = /disabledFeatures\s*=\s*\[([\s\S]*?)\]/.exec(code)?.[1];
  if (!list) throw new Error('playwright-core/lib/coreBundle.js: no disabledFeatures list (has its layout changed?)');
  return [...list.replace(/\/\/.*$/gm, '').matchAll(/"([A-Za-z0-9_]+)"/g)].map((m) => m[1]!);
}

describe('the browser command line', () => {
  it('keeps every feature playwright-core turns off (Chromium reads only the last --disable-features)', () => {
    const theirs = playwrightDisabled();
    expect(theirs.length).toBeGreaterThan(5);
    expect(theirs.filter((f) => !PLAYWRIGHT_DISABLED_FEATURES.includes(f))).toEqual([]);
  });

  it('has one --disable-features: Playwright’s, the omnibox pop-ups and the caller’s, each once', () => {
    const args = chromeArgs(['--enable-precise-memory-info'], ['DelayLayerTreeViewDeletionOnLocalSwap', 'MediaRouter']);
    const flags = args.filter((a) => a.startsWith('--disable-features'));
    expect(flags).toHaveLength(1);
    const names = flags[0]!.slice('--disable-features='.length).split(',');
    expect(names).toEqual([...new Set(names)]);
    for (const f of [...PLAYWRIGHT_DISABLED_FEATURES, ...BROWSER_UI_FEATURES, 'DelayLayerTreeViewDeletionOnLocalSwap']) expect(names).toContain(f);
    expect(args.slice(0, CHROME_ARGS.length)).toEqual(CHROME_ARGS);
    expect(args.at(-1)).toBe('--enable-precise-memory-info');
  });

  it('refuses a --disable-features among the extra arguments (it would turn the others back on)', () => {
    expect(() => chromeArgs(['--disable-features=Foo'])).toThrow(/second argument/);
  });
});
