import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { useLocale } from '../i18n';
import type { Catalogue } from '../i18n/messages';
import { localizeStory } from '../i18n/story-text';
import { buildLayers } from './layers';
import { layers, track } from '../export/core/story.fixture';
import { buildScene, sceneOf, wholeRoute, mapMomentAt } from './scene';
import { officialAreaId } from '../story/content';
import { story as data } from '../export/core/story.fixture';
import { NAMES } from '../theme/symbology';
import { positionAt } from '../track/interpolate';

const story = { layers, track };
const read = (l: string) => JSON.parse(readFileSync(`geo/i18n/${l}.json`, 'utf8')) as Catalogue;
const impact = Date.parse('2024-12-25T05:13:31Z');

describe('the scene', () => {
  it('gives every story feature a role: our strike area, the official one, the route, claims, airports, the crash site', () => {
    const s = buildScene(story, { kind: 'route' });
    const roles = (r: string) => s.features.filter((f) => f.role === r).map((f) => f.id);
    expect(roles('official-area')).toEqual([officialAreaId(data)]);
    expect(roles('strike-area').length).toBeGreaterThan(0);
    expect(roles('strike-area')).not.toContain(officialAreaId(data));
    expect(roles('planned').length).toBe(layers.route.features.length);
    expect(roles('claim').length).toBe(layers.claims.features.length);
    expect(roles('airport').length).toBe(layers.places.features.filter((f) => f.properties!.kind === 'airport').length);
    expect(roles('crash')).toHaveLength(1);
    expect(s.features.filter((f) => f.role === 'claim').every((f) => f.contested && f.visibleFrom !== undefined)).toBe(true);
  });

  it('in flight: the aircraft and its ring, the edges flown before it, the head of its edge, the rest unflown', () => {
    const s = buildScene(story, { kind: 'moment', chapter: 'flight', t: impact });
    const p = positionAt(track, impact);
    expect(s.aircraft).toEqual({ at: p.lonLat, bearing: p.bearing, uncertaintyKm: Math.max(0, p.uncertaintyKm), certainty: p.certainty });
    expect(s.aircraft!.uncertaintyKm).toBeGreaterThan(0);
    expect(s.track.length).toBe(layers.track.features.length);
    for (const e of s.track) expect(e.flown).toBe(e.index < p.edge);
    expect(s.track.some((e) => e.flown) && s.track.some((e) => !e.flown)).toBe(true);
    expect(s.moment).toEqual(mapMomentAt(track, 'flight', impact));
  });

  it('the whole route: every edge flown, no aircraft, no head, every claim shown', () => {
    const s = buildScene(story, { kind: 'route' });
    expect(s.aircraft).toBeNull();
    expect(s.head).toBeNull();
    expect(s.track.every((e) => e.flown)).toBe(true);
    expect(s.features.every((f) => f.shown)).toBe(true);
    expect(s.moment).toEqual(wholeRoute(track));
  });

  it('in the year after: a claim and its name are shown only from the day they were first reported', () => {
    const first = Math.min(...layers.claims.features.map((f) => f.properties!.firstReported as number));
    const before = sceneOf(story, { aircraft: null, flownEdges: track.edges.length, claimsAsOf: first - 1 });
    expect(before.features.filter((f) => f.role === 'claim').some((f) => f.shown)).toBe(false);
    expect(before.names.filter((n) => n.kind === 'claim').some((n) => n.shown)).toBe(false);
    const after = buildScene(story, { kind: 'moment', chapter: 'aftermath', t: first });
    expect(after.features.filter((f) => f.role === 'claim' && f.shown).length).toBeGreaterThan(0);
  });

  it('names every country, sea, claim, airport and the crash site, each with its kind’s priority', () => {
    const s = buildScene(story, { kind: 'route' });
    const kinds = new Set(s.names.map((n) => n.kind));
    expect([...kinds].sort()).toEqual(['airport', 'city', 'claim', 'country', 'crash', 'republic', 'sea']);
    // Each its kind's priority; the smaller republics (Ingushetia, North Ossetia) a little below, so they give way first.
    for (const n of s.names) expect(n.priority).toBe(NAMES[n.kind].priority - (/^republic:RU-(IN|SE):/.test(n.id) ? 0.1 : 0));
    // At any whole zoom, no name twice but a country's candidate points (one group: the layout draws one of them).
    for (let z = 2; z <= 13; z++) {
      const at = s.names.filter((n) => (n.minZoom ?? 0) <= z && z < (n.maxZoom ?? Infinity));
      const one = at.filter((n, i) => n.group === undefined || at.findIndex((m) => m.group === n.group) === i).map((n) => n.text);
      expect(new Set(one).size, `zoom ${z}`).toBe(one.length);
      expect(at.every((n) => (n.kind === 'country') === (n.group !== undefined))).toBe(true);
    }
    // Each country's candidates in the table's order, one group, the same text.
    const georgia = s.names.filter((n) => n.group === 'country:GEORGIA');
    expect(georgia.map((n) => n.id)).toEqual(georgia.map((_, k) => `country:GEORGIA:${k}`));
    expect(georgia.length).toBeGreaterThan(1);
    expect(new Set(georgia.map((n) => n.text))).toEqual(new Set(['GEORGIA']));
    expect(s.names.find((n) => n.kind === 'claim')!.minZoom).toBe(NAMES.claim.minZoom);
    expect(new Set(s.names.map((n) => n.id)).size).toBe(s.names.length);
  });
});

describe('a claim on the map says who claims it and that it is a claim', () => {
  afterEach(() => useLocale('en', read('en')));
  for (const lang of ['en', 'ru', 'az', 'kk'] as const)
    it(`${lang}: the forms the live map and the exports draw (the label, the short form) say "claim" and who claims it`, () => {
      const cat = read(lang);
      useLocale(lang, cat);
      const local = localizeStory(data, cat.story);
      const names = sceneOf({ layers: buildLayers(local, track), track }, wholeRoute(track)).names.filter((n) => n.kind === 'claim');
      const claims = local.strike.features.filter((f) => f.properties.kind === 'claim');
      expect(claims).toHaveLength(3);
      expect(names).toHaveLength(3);
      // The catalogue's own word for a claim (status.claim: "Claim", "Утверждение", "İddia", "Тұжырым").
      const word = String(cat.messages['status.claim']).toLocaleLowerCase(lang);
      const flat = (s: string) => s.replace(/\u00a0/g, ' ');
      for (const f of claims) {
        const p = f.properties as { id: string; claimant: string };
        const n = names.find((x) => x.feature === p.id)!;
        // Every form the layouts may draw (labels.ts: text, short, bare; claim-names.ts: short ?? text's first line, bare ?? short).
        // (The exports' last resort, the claim alone, is left out: layers.ts claimForms.)
        const forms = [n.text, n.short ?? n.text.split('\n')[0]!];
        for (const t of forms) expect(flat(t).toLocaleLowerCase(lang), `${lang}: ${t}`).toContain(word);
        // With its claimant.
        for (const t of forms.slice(0, 2)) expect(flat(t), `${lang}: ${t}`).toContain(p.claimant);
        // The claimant first, as everywhere on the map.
        expect(flat(n.short!).startsWith(p.claimant), n.short).toBe(true);
        expect(flat(n.text).startsWith(`${p.claimant}:`), n.text).toBe(true);
      }
    });
});
