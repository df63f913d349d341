/**
 * Floors: the import structure of src/, as a test. Each top-level folder stands on a floor, lowest first:
 *
 *   0  geo, theme                                  maths, the palette and symbology: import nothing of ours
 *   1  story                                       the story's schemas, validation, content accessors
 *   2  i18n                                        languages: messages, locales, the story's words in a locale
 *   3  track, time                                 the flown path; the event index, formats, playback steps
 *   4  state, scene                                the store and the URL; what is drawn and framed
 *   5  map, export, embed, opendata, ui, api       renderers and features (may use each other: no cycle); the App type
 *   6  app (src/app.ts, src/app/)                  the wiring
 *   7  main (src/main.ts)                          the start
 *
 * The rules: no import cycle between files; no file imports a higher floor; the pure folders (PURE below)
 * import neither MapLibre nor a module that needs the DOM (the DOM-free type-check is tsconfig.pure.json).
 * Type-only imports count: they tie the code together as much as any.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const SRC = resolve(import.meta.dirname, '../src');

export const FLOORS: Record<string, number> = {
  geo: 0,
  theme: 0,
  story: 1,
  i18n: 2,
  track: 3,
  time: 3,
  state: 4,
  scene: 4,
  map: 5,
  export: 5,
  embed: 5,
  opendata: 5,
  ui: 5,
  api: 5,
  app: 6,
  main: 7,
};

/** Pure code: no DOM, no MapLibre (paths relative to src/, a folder ends with /). */
export const PURE = [
  'geo/',
  'theme/',
  'story/',
  'i18n/',
  'track/',
  'time/',
  'state/',
  'scene/',
  'export/core/',
  'opendata/',
  'embed/protocol.ts',
  'embed/snippet.ts',
  'embed/oembed.ts',
  'embed/lifecycle.ts',
  'map/label-layout.ts',
  'map/scene-labels.ts',
  'ui/legend-data.ts',
];
/** Packages pure code may not import. */
const NOT_PURE_PACKAGES = /^maplibre-gl(\/|$)/;

/**
 * Known breaches, each with who fixes it; nothing else may be added. A pattern that no longer matches anything
 * is reported (remove it).
 */
const KNOWN: { breach: RegExp; why: string }[] = [];
const known = (b: string) => KNOWN.some((k) => k.breach.test(b));

const isPure = (f: string) => PURE.some((p) => (p.endsWith('/') ? f.startsWith(p) : f === p));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.ts$/.test(n) && !/\.(test|d)\.ts$/.test(n) && !/\.fixture\.ts$/.test(n) ? [relative(SRC, p).replaceAll('\\', '/')] : [];
  });
}

const IMPORT = /(?:^|[\n;])\s*(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** What a file imports: files of src/ (relative to src/) and packages (by name). */
export function importsOf(file: string): { files: string[]; packages: string[] } {
  const text = readFileSync(join(SRC, file), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:])\/\/.*$/gm, '$1');
  const files: string[] = [];
  const packages: string[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = (m[1] ?? m[2])!.split('?')[0]!;
    if (!spec.startsWith('.')) {
      packages.push(spec);
      continue;
    }
    const base = resolve(SRC, dirname(file), spec);
    const hit = [base, `${base}.ts`, join(base, 'index.ts')].find((c) => c.endsWith('.ts') && existsSync(c));
    if (hit && hit.startsWith(SRC)) files.push(relative(SRC, hit).replaceAll('\\', '/'));
  }
  return { files, packages };
}

/** A file's floor: its top folder's, app.ts and app/ are `app`, main.ts is `main`. */
export function floorOf(file: string): string {
  const top = file.split('/')[0]!.replace(/\.ts$/, '');
  return top;
}

const files = sourceFiles(SRC);
const graph = new Map(files.map((f) => [f, importsOf(f)]));

/** Every cycle's files (Tarjan's strongly connected components of more than one file, or a file importing itself). */
export function cycles(g: Map<string, { files: string[] }>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of g.get(v)?.files ?? []) {
      if (!g.has(w)) continue;
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const c: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        c.push(w);
      } while (w !== v);
      if (c.length > 1 || g.get(v)!.files.includes(v)) out.push(c.sort());
    }
  };
  for (const v of g.keys()) if (!idx.has(v)) visit(v);
  return out;
}

function breaches(): string[] {
  const out: string[] = [];
  for (const c of cycles(graph)) out.push(`cycle: ${c.join(' ↔ ')}`);
  for (const [f, { files: deps, packages }] of graph) {
    const ff = FLOORS[floorOf(f)];
    if (ff === undefined) {
      out.push(`no floor: ${f} (add its folder to FLOORS in scripts/floors.test.ts and to the README)`);
      continue;
    }
    for (const d of deps) {
      const fd = FLOORS[floorOf(d)];
      if (fd !== undefined && fd > ff) out.push(`upward: ${f} (${floorOf(f)}, floor ${ff}) imports ${d} (${floorOf(d)}, floor ${fd})`);
      if (isPure(f) && !isPure(d)) out.push(`impure: ${f} is pure and imports ${d}, which is not`);
    }
    if (isPure(f)) for (const p of packages) if (NOT_PURE_PACKAGES.test(p)) out.push(`impure: ${f} is pure and imports ${p}`);
  }
  return out.sort();
}

describe('floors (README: How it is built)', () => {
  const found = breaches();
  it('no import cycle, no upward import, no DOM or MapLibre in pure code', () => {
    expect(found.filter((b) => !known(b))).toEqual([]);
    const fixed = KNOWN.filter((k) => !found.some((b) => k.breach.test(b)));
    if (fixed.length) console.warn(`scripts/floors.test.ts: fixed, remove from KNOWN: ${fixed.map((k) => k.why).join('; ')}`);
  });
  it('can fail: finds a cycle, an upward import and impure code in a made-up graph', () => {
    const g = new Map([
      ['story/a.ts', { files: ['story/b.ts'] }],
      ['story/b.ts', { files: ['story/a.ts'] }],
    ]);
    expect(cycles(g)).toEqual([['story/a.ts', 'story/b.ts']]);
    expect(FLOORS[floorOf('story/schema.ts')]!).toBeLessThan(FLOORS[floorOf('map/style.ts')]!);
    expect(isPure('export/core/layout.ts') && !isPure('export/png/run.ts') && !isPure('map/style.ts')).toBe(true);
  });
  it("the README's table of floors says what FLOORS says", () => {
    const readme = readFileSync(resolve(import.meta.dirname, '../README.md'), 'utf8');
    const rows = [...readme.matchAll(/^\| (\d) \| (.+?) \|/gm)].flatMap(([, n, cell]) =>
      [...cell!.matchAll(/`(\w+)`/g)].map(([, f]) => [f!, Number(n)] as const),
    );
    expect(Object.fromEntries(rows)).toEqual(FLOORS);
  });
  it('reads every kind of import', () => {
    expect(graph.get('main.ts')!.files.length).toBeGreaterThan(3);
    expect(graph.get('map/story-map.ts')!.packages).toContain('maplibre-gl');
  });
});
