import { describe, expect, it } from 'vitest';
import { layers, track } from '../export/core/story.fixture';
import { buildScene } from './scene';
import { dotAt, dotCircle, dotRadius, inCityBand, sceneDots } from './dots';
import { paletteFor } from '../theme/symbology';

const story = { layers, track };
const route = buildScene(story, { kind: 'route' });
// the day of the crash, in the year after: one claim reported, the others not yet
const early = buildScene(story, { kind: 'moment', chapter: 'aftermath', t: Date.parse('2024-12-25T00:00:00Z') });

describe('the live map’s dots', () => {
  it('draws every claim, airport and city of the scene once, claims first, airports last', () => {
    const dots = sceneDots(route, 5);
    const kinds = dots.map((d) => d.kind);
    expect(kinds.filter((k) => k === 'claim')).toHaveLength(route.features.filter((f) => f.role === 'claim').length);
    expect(kinds.filter((k) => k === 'airport')).toHaveLength(route.features.filter((f) => f.role === 'airport').length);
    expect(kinds.filter((k) => k === 'city')).toHaveLength(route.names.filter((n) => n.kind === 'city').length);
    expect(kinds.filter((k) => k === 'city').length).toBeGreaterThan(0);
    // drawn in the export's order: claims, then the cities, then the airports over them
    expect(kinds.join(' ')).toMatch(/^(claim )+(city )+(airport ?)+$/);
    expect(new Set(dots.map((d) => `${d.kind}:${d.id}`)).size).toBe(dots.length);
  });

  it('shows a claim only once reported, as the scene says; an airport always', () => {
    const claims = (s: typeof route) => sceneDots(s, 6).filter((d) => d.kind === 'claim');
    expect(claims(early).map((d) => d.shown)).toEqual(early.features.filter((f) => f.role === 'claim').map((f) => f.shown));
    expect(claims(early).some((d) => !d.shown)).toBe(true); // the claims of later days are not yet drawn
    expect(claims(route).every((d) => d.shown)).toBe(true);
    expect(
      sceneDots(early, 6)
        .filter((d) => d.kind === 'airport')
        .every((d) => d.shown && d.selectable),
    ).toBe(true);
  });

  it('shows a city’s dot in its name’s zoom band, at whole zoom levels (as a MapLibre filter reads the zoom)', () => {
    expect(inCityBand({ minZoom: 6 }, 5.99)).toBe(false);
    expect(inCityBand({ minZoom: 6 }, 6)).toBe(true);
    expect(inCityBand({ minZoom: 6, maxZoom: 8 }, 7.99)).toBe(true);
    expect(inCityBand({ minZoom: 6, maxZoom: 8 }, 8)).toBe(false);
    expect(inCityBand({}, 0)).toBe(true);
    const banded = route.names.find((n) => n.kind === 'city' && n.minZoom !== undefined && n.minZoom > 3)!;
    expect(banded).toBeDefined();
    const at = (z: number) => sceneDots(route, z).find((d) => d.kind === 'city' && d.id === banded.id)!;
    expect(at(banded.minZoom! - 0.01).shown).toBe(false);
    expect(at(banded.minZoom! + 0.5).shown).toBe(true);
    expect(at(banded.minZoom!).selectable).toBe(false);
  });

  it('draws a dot as MapLibre does, its stroke outside the fill: the circle’s outer edge is the radius a click counts', () => {
    for (const mode of ['light', 'dark'] as const)
      for (const kind of ['claim', 'airport', 'city'] as const) {
        const d = dotCircle(kind, paletteFor(mode));
        expect(d.r + d.strokeWidth / 2, kind).toBe(dotRadius(kind));
        expect(d.r - d.strokeWidth / 2, kind).toBeGreaterThan(0);
        expect(d.fill).not.toBe(d.stroke);
      }
  });

  it('picks the topmost selectable dot within the pad of its edge, never a hidden one or a city', () => {
    const dots = sceneDots(early, 6);
    const project = ([x, y]: readonly number[]) => ({ x: x! * 100, y: y! * 100 });
    const airport = dots.find((d) => d.kind === 'airport')!;
    const p = project(airport.at);
    expect(dotAt(dots, project, p, 0)?.id).toBe(airport.id);
    const edge = dotRadius('airport');
    expect(dotAt(dots, project, { x: p.x + edge + 5.9, y: p.y }, 6)?.id).toBe(airport.id);
    expect(dotAt(dots, project, { x: p.x + edge + 6.1, y: p.y }, 6)).toBeNull();
    const hidden = dots.find((d) => d.kind === 'claim' && !d.shown)!;
    expect(dotAt(dots, project, project(hidden.at), 0)?.id).not.toBe(hidden.id);
    const city = sceneDots(early, 9).find((d) => d.kind === 'city' && d.shown)!;
    expect(dotAt([city], project, project(city.at), 0)).toBeNull();
    // an airport drawn over a claim at the same point is the one picked
    const claim = dots.find((d) => d.kind === 'claim' && d.shown)!;
    expect(dotAt([claim, { ...airport, at: claim.at }], project, project(claim.at), 0)?.kind).toBe('airport');
  });
});
