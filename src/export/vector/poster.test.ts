import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import { layers, story, timelines, track } from '../core/story.fixture';
import { buildLayers } from '../../scene/layers';
import { framePadding, framesFor, mapControls, openingCamera, storyFrames } from '../../scene/camera';
import { stopsAt } from '../../time/timeline';
import { localizeStory } from '../../i18n/story-text';
import { msg, useLocale } from '../../i18n';
import type { Catalogue } from '../../i18n/messages';
import { NAMES } from '../../theme/symbology';
import { notoMeasure } from '../../../test/support/font-measure';
import { buildScene } from '../../scene/scene';
import { LIGHT } from '../../theme/palette';
import { posterGroups, wrapLines } from './poster';
import { walk } from './model';

const basemap = JSON.parse(readFileSync('public/basemap/basemap.json', 'utf8')) as FeatureCollection;
const measure = (text: string, _w: number, size: number) => text.length * size * 0.55;
const covers = mapControls(400, 300, false);

describe('the embed’s poster, drawn from its scene', () => {
  it('draws the moment in the map’s box: the aircraft and its ring, the names, nothing outside the box', () => {
    const scene = buildScene({ layers, track }, { kind: 'moment', chapter: 'flight', t: Date.parse('2024-12-25T05:13:31Z') });
    const { groups } = posterGroups({ basemap, layers, scene, palette: LIGHT, width: 400, height: 300, measure, covers });
    const byId = Object.fromEntries(groups.map((g) => [g.id, g]));
    expect(byId.aircraft!.children.length).toBe(2);
    expect(byId['uncertainty-ring']!.children.length).toBeGreaterThan(0);
    const texts = [...walk(groups)].flatMap((n) => (n.kind === 'text' ? [n.text] : []));
    expect(texts).toEqual(expect.arrayContaining(['Grozny GRV']));
    for (const g of groups) expect(g.clip).toEqual({ x: 0, y: 0, w: 400, h: 300 });
  });
  it('in the year after: no aircraft', () => {
    const scene = buildScene({ layers, track }, { kind: 'moment', chapter: 'aftermath', t: Date.parse('2024-12-27T00:00:00Z') });
    const { groups } = posterGroups({ basemap, layers, scene, palette: LIGHT, width: 400, height: 300, measure, covers });
    expect(groups.find((g) => g.id === 'aircraft')!.children).toEqual([]);
  });
  it('draws at the camera it is given (the live map’s opening camera), else fits the export’s frame', () => {
    const scene = buildScene({ layers, track }, { kind: 'moment', chapter: 'flight', t: Date.parse('2024-12-25T05:13:31Z') });
    const camera = { center: [47.5, 43.2] as [number, number], zoom: 7.25 };
    expect(posterGroups({ basemap, layers, scene, palette: LIGHT, width: 400, height: 300, measure, camera, covers }).camera).toBe(camera);
    expect(posterGroups({ basemap, layers, scene, palette: LIGHT, width: 400, height: 300, measure, covers }).camera).not.toEqual(camera);
  });
});

const read = (l: string) => JSON.parse(readFileSync(`geo/i18n/${l}.json`, 'utf8')) as Catalogue;
const EN = read('en');

/** The embed at first impact `width` px wide (its 4:3 map box), in a language: the scene, the live map's opening camera. */
function firstImpact(lang: string, width: number) {
  const cat = read(lang);
  useLocale(lang as 'en', cat);
  const local = localizeStory(story, cat.story);
  const ls = buildLayers(local, track);
  const t = Date.parse('2024-12-25T05:13:31Z');
  const scene = buildScene({ layers: ls, track }, { kind: 'moment', chapter: 'flight', t });
  const frames = storyFrames(local);
  const height = (width * 3) / 4;
  const frame = framesFor(
    local,
    frames,
    stopsAt(timelines.flight, t).map((s) => s.id),
  );
  // A phone's embed: the page's phone layout (its controls' boxes).
  const covers = mapControls(width, height, true);
  const camera = openingCamera(frame, ls.frame, width, height, framePadding(width), covers);
  return { local, scene, camera, height, covers };
}

describe('the poster’s names are the live map’s', () => {
  afterAll(() => useLocale('en', EN));
  for (const lang of ['en', 'ru', 'az', 'kk'])
    it(`${lang}, 300 px at the first impact: every claim’s name drawn says who claims it and that it is a claim, and every name lies inside the poster`, () => {
      const { local, scene, camera, height, covers } = firstImpact(lang, 300);
      expect(camera.zoom).toBeGreaterThanOrEqual(NAMES.claim.minZoom!); // the claims are named at this zoom
      const { groups, names } = posterGroups({ basemap, layers, scene, palette: LIGHT, width: 300, height, measure: notoMeasure, camera, covers });
      const claims = names.filter((n) => n.kind === 'claim');
      expect(claims.length).toBeGreaterThan(0);
      const claimWord = msg('map.claimPrefix').replace(/:\s*$/, '').toLocaleLowerCase(lang);
      for (const c of claims) {
        const f = local.strike.features.find((x) => `claim:${x.properties.id}` === c.id)!.properties;
        const text = c.lines.join(' ').replace(/\s+/g, ' ');
        expect(f.kind).toBe('claim');
        if (f.kind === 'claim') expect(text).toContain(f.claimant.replace(/\s+/g, ' '));
        expect(text.toLocaleLowerCase(lang)).toContain(claimWord);
      }
      // Every name's box, and each of its lines as measured, inside the poster's box.
      for (const n of names) {
        expect(n.x, n.id).toBeGreaterThanOrEqual(0);
        expect(n.y, n.id).toBeGreaterThanOrEqual(0);
        expect(n.y + n.height, n.id).toBeLessThanOrEqual(height);
        for (const line of n.lines) expect(n.x + notoMeasure(line, NAMES[n.kind].weight, n.size), `${n.id}: ${line}`).toBeLessThanOrEqual(300);
      }
      // What is drawn is what was placed: the claims' text nodes are the placed names' lines.
      const drawn = [...walk(groups)].flatMap((g) =>
        g.kind === 'group' && g.id === 'name-claim' ? [g.children.map((t) => (t.kind === 'text' ? t.text : '')).join(' ')] : [],
      );
      expect(drawn.sort()).toEqual(claims.map((c) => c.lines.join(' ')).sort());
    });

  it('a claim’s name is broken as the page breaks it: at its line breaks, then at 14 em, at spaces or after a hyphen', () => {
    const w = (s: string) => s.length * 10;
    expect(wrapLines('ab cd ef\n(claim)', 50, w)).toEqual(['ab cd', 'ef', '(claim)']);
    expect(wrapLines('VChK-OGPU: 18\u00a0km', 60, w)).toEqual(['VChK-', 'OGPU:', '18\u00a0km']);
    expect(wrapLines('short', 100, w)).toEqual(['short']);
  });
});
