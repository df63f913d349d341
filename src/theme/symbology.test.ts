import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { StyleSpecification } from 'maplibre-gl';
import { buildStyle } from '../map/style';
import { legendEntries } from '../ui/legend-data';
import { storyClock } from '../story/content';
import { story } from '../export/core/story.fixture';
import { DARK, LIGHT } from './palette';
import { themeCss, cssVar } from './css';
import { PAGE_COLOURS } from './symbology';
import type { StoryLayers } from '../scene/layers';

const empty = { type: 'FeatureCollection', features: [] };
const layers = {
  route: empty,
  areas: empty,
  claims: empty,
  track: empty,
  places: empty,
  frame: [
    [0, 0],
    [1, 1],
  ],
} as unknown as StoryLayers;
const styleOf = (palette: typeof LIGHT) => buildStyle({ palette, base: 'http://127.0.0.1/', layers });

describe('the symbology table', () => {
  it('makes a MapLibre style that the style spec accepts, light and dark', () => {
    for (const palette of [LIGHT, DARK]) {
      const style = styleOf(palette);
      // font-faces is MapLibre GL JS's own (not yet in the spec's validator): checked by the browser tests.
      const { 'font-faces': _f, ...rest } = style as StyleSpecification & { 'font-faces'?: unknown };
      expect(validateStyleMin(rest as StyleSpecification).map((e) => e.message)).toEqual([]);
    }
  });

  it('the validator can fail', () => {
    const bad = JSON.parse(JSON.stringify(styleOf(LIGHT))) as StyleSpecification & { 'font-faces'?: unknown };
    delete bad['font-faces'];
    (bad.layers[0] as { paint: Record<string, unknown> }).paint['background-color'] = 42;
    expect(validateStyleMin(bad).length).toBeGreaterThan(0);
  });

  it('the legend shows what the style draws: colours, widths, opacities and dashes', () => {
    for (const palette of [LIGHT, DARK]) {
      const style = styleOf(palette);
      const paint = (id: string) => style.layers.find((l) => l.id === id)!.paint as Record<string, unknown>;
      const byKey = Object.fromEntries(legendEntries(palette, storyClock(story)).map((e) => [e.key, e.shapes]));
      /** The constant of a ['case', flown, a, b] opacity: the value when flown (for a flown layer) or not. */
      const opacity = (v: unknown, flown: boolean) => (Array.isArray(v) ? (flown ? v[2] : v[3]) : v);
      const lines: [string, string, boolean][] = [
        ['planned', 'route-planned', false],
        ['approximate', 'track-approximate', true],
        ['reconstructed', 'track-reconstructed', true],
        ['ahead', 'track-ghost', false],
      ];
      for (const [key, id, flown] of lines) {
        const p = paint(id);
        const s = byKey[key]![0]!;
        expect(s.type).toBe('line');
        if (s.type !== 'line') continue;
        expect([key, s.stroke, s.width, s.opacity ?? 1]).toEqual([key, p['line-color'], p['line-width'], opacity(p['line-opacity'], flown)]);
        const dash = p['line-dasharray'] as number[] | undefined;
        expect(s.dash ?? null).toEqual(dash && dash[1] ? dash.map((d) => d * (p['line-width'] as number)) : null);
      }
      const area = byKey.area![0]!,
        fill = paint('area-fill'),
        line = paint('area-line');
      expect(area).toMatchObject({ fill: fill['fill-color'], fillOpacity: fill['fill-opacity'], stroke: line['line-color'], strokeWidth: line['line-width'] });
      const outer = paint('area-outer');
      expect(byKey.outer![0]).toMatchObject({
        stroke: outer['line-color'],
        strokeWidth: outer['line-width'],
        dash: (outer['line-dasharray'] as number[]).map((d) => d * (outer['line-width'] as number)),
      });
      for (const [key, id] of [
        ['claim', 'claims'],
        ['airport', 'places'],
      ]) {
        const p = paint(id!);
        expect(byKey[key!]![0]).toMatchObject({
          r: p['circle-radius'],
          fill: p['circle-color'],
          stroke: p['circle-stroke-color'],
          strokeWidth: p['circle-stroke-width'],
        });
      }
      const halo = paint('aircraft-halo');
      expect(byKey.aircraft![0]).toMatchObject({
        fill: halo['circle-color'],
        fillOpacity: halo['circle-opacity'],
        strokeWidth: halo['circle-stroke-width'],
        strokeOpacity: halo['circle-stroke-opacity'],
      });
    }
  });

  it('gives the page a custom property for every colour its style sheets use', () => {
    const css = themeCss();
    expect(css).toContain(`${cssVar('accentText')}: ${PAGE_COLOURS.accentText.light};`);
    const defined = new Set([...css.matchAll(/(--[a-z0-9-]+):/g)].map((m) => m[1]));
    const dir = join(__dirname, '../styles');
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.css'))) {
      const text = readFileSync(join(dir, f), 'utf8');
      const own = new Set([...text.matchAll(/(--[a-z0-9-]+)\s*:/g)].map((m) => m[1]));
      for (const [, v] of text.matchAll(/var\((--[a-z0-9-]+)/g)) expect(defined.has(v) || own.has(v), `${f}: ${v}`).toBe(true);
    }
  });
});

/** Every file under dir, recursively. */
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

/** Comments say things like “(#8200)”: they are not colours. */
const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
export const COLOUR_LITERAL = /#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})\b|\b(?:rgba?|hsla?)\(/gi;

describe('no colour outside the theme', () => {
  it('finds a colour literal when there is one', () => {
    expect(code("const a = '#c45500'; // #fff").match(COLOUR_LITERAL)).toEqual(['#c45500']);
    expect(code('.x { box-shadow: 0 0 1px rgb(0 0 0 / 0.1); } /* #abc */').match(COLOUR_LITERAL)).toEqual(['rgb(']);
  });

  it('src/ (code and style sheets) has no colour literal outside src/theme/', () => {
    const root = join(__dirname, '..');
    const offenders: string[] = [];
    for (const f of files(root)) {
      const rel = relative(root, f);
      if (rel.startsWith('theme') || /\.test\.ts$|__snapshots__/.test(rel) || !/\.(ts|css)$/.test(rel)) continue;
      const found = code(readFileSync(f, 'utf8')).match(COLOUR_LITERAL);
      if (found) offenders.push(`${rel}: ${found.join(', ')}`);
    }
    expect(offenders).toEqual([]);
  });
});
