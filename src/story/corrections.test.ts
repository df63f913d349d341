/**
 * The corrections of issue 12 (a review of geo/ against the fact sheet), each pinned to the data so that it
 * cannot quietly come back. Reads the real files in geo/.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import distance from '@turf/distance';
import { mesh } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import type { MultiLineString } from 'geojson';
import { STORY_FILES, validateStory, type StoryData } from './validate';
import { storyClock } from './content';

const raw = Object.fromEntries(Object.entries(STORY_FILES).map(([k, f]) => [k, readFileSync(f, 'utf8')]));
const r = validateStory(raw);
if (!r.ok) throw new Error(r.errors.join('\n'));
const s: StoryData = r.story;
const event = (id: string) => s.events.find((e) => e.id === id)!;
const source = (id: string) => s.sources.find((x) => x.id === id)!;
const dispute = (id: string) => s.disputes.find((d) => d.id === id)!;
const feature = (id: string) =>
  [...s.places.features, ...s.strike.features, ...s.track.features].find((f) => f.properties.id === id)!.properties as Record<string, unknown>;
const leg = (id: string) => s.track.features.find((f) => f.properties.id === id)!;

describe('the ring at 04:25 reaches the Russia–Azerbaijan border at the coast', () => {
  // Natural Earth 1:10m (world-atlas): the easternmost point of the Russia–Azerbaijan border is where it meets the Caspian.
  const require = createRequire(import.meta.url);
  const topo = JSON.parse(readFileSync(require.resolve('world-atlas/countries-10m.json'), 'utf8')) as Topology;
  const geoms = (topo.objects.countries as unknown as { geometries: { properties: { name: string } }[] }).geometries;
  const ru = geoms.find((g) => g.properties.name === 'Russia'),
    az = geoms.find((g) => g.properties.name === 'Azerbaijan');
  const border = mesh(topo, topo.objects.countries as never, (a: unknown, b: unknown) => (a === ru && b === az) || (a === az && b === ru)) as MultiLineString;
  const coast = border.coordinates.flat().reduce((m, p) => (p[0]! > m[0]! ? p : m));
  const mcx = leg('leg-coast').geometry.coordinates.at(-1)!;
  const km = distance([mcx[0]!, mcx[1]!], [coast[0]!, coast[1]!], { units: 'kilometers' });

  it('is where the data says (Samur mouth, about 41.85 N 48.58 E, 132 km from Makhachkala airport)', () => {
    expect(coast[1]).toBeCloseTo(41.85, 1);
    expect(coast[0]).toBeCloseTo(48.58, 1);
    expect(Math.round(km)).toBe(132);
    expect(leg('leg-coast').properties.end.basis).toContain('132 km south-east');
    expect(leg('leg-coast').properties.note).toContain('41.85 N 48.58 E');
  });
  it('is inside the ring at the end of leg-coast and the start of leg-to-grozny', () => {
    expect(leg('leg-coast').properties.end.uncertaintyKm).toBeGreaterThanOrEqual(km);
    expect(leg('leg-to-grozny').properties.start.uncertaintyKm).toBeGreaterThanOrEqual(km);
  });
  it('no text says “110 km” any more', () => {
    expect(JSON.stringify(s.track)).not.toMatch(/110 km/);
  });
});

describe('recorders-brazil: 30 Dec–7 Jan is the whole episode', () => {
  it('sends, then extracts (6 Jan), then hands over, in that order', () => {
    const t = event('recorders-brazil').text;
    expect(t).toMatch(/^Between 30 Dec and 7 Jan/);
    expect(t.indexOf('sent to Brazil')).toBeLessThan(t.indexOf('extracted there on 6 Jan'));
    expect(t.indexOf('extracted there on 6 Jan')).toBeLessThan(t.indexOf('handed to Kazakhstan'));
    expect(event('recorders-brazil').time).toBe('2025-01-06T00:00:00Z');
  });
});

describe('the landing refusal is a claim, apart from the Euronews report', () => {
  it('euronews-pantsir-report (reported) no longer carries it', () => {
    const e = event('euronews-pantsir-report');
    expect(e.status).toBe('reported');
    expect(e.text).not.toMatch(/refus|not allowed/i);
    expect(e.disputes).toEqual(['cause']);
  });
  it('euronews-landing-refused carries it, as a claim, with the landing-refused dispute', () => {
    const e = event('euronews-landing-refused');
    expect(e.status).toBe('claim');
    expect(e.text).toMatch(/not allowed to land/);
    expect(e.disputes).toContain('landing-refused');
    expect(dispute('landing-refused').accounts.find((a) => a.id === 'euronews-refused')!.status).toBe('claim');
  });
});

describe('the primary strike area is our estimate, not a report', () => {
  it('is named so in the data and the legend', async () => {
    const area = feature('strike-area-primary');
    expect(area.name).toBe('Claimed strike area (our estimate)');
    expect(String(area.basis)).toMatch(/^No source reports this area/);
    const { legendEntries } = await import('../ui/legend-data');
    const { LIGHT } = await import('../theme/palette');
    expect(legendEntries(LIGHT, storyClock(s)).find((e) => e.key === 'area')?.label).toBe('Claimed strike area (our estimate)'); // geo/i18n/en.json
    expect(JSON.stringify(s)).not.toMatch(/[Rr]eported strike area/);
  });
  // The page's description, the map's accessible name and the route picture's alt text said "reported strike area"
  // in every language (and the page's static English), after the legend had been corrected.
  it('is named so in the page’s texts, in every language and in the static page', () => {
    const said: Record<string, RegExp> = {
      en: /reported strike area/i,
      ru: /сообщённого поражения/i,
      az: /bildirilən zərbə/i,
      kk: /хабарланған аймақ/i,
    };
    const estimate: Record<string, string> = {
      en: 'claimed strike area (our estimate)',
      ru: '(наша оценка)',
      az: '(bizim təxminimiz)',
      kk: '(біздің бағамымыз)',
    };
    for (const [l, old] of Object.entries(said)) {
      const m = (JSON.parse(readFileSync(`geo/i18n/${l}.json`, 'utf8')) as { messages: Record<string, string> }).messages;
      for (const k of ['page.description', 'page.mapLabel', 'page.mapAlt']) {
        expect(m[k], `${l} ${k}`).not.toMatch(old);
        expect(m[k], `${l} ${k}`).toContain(estimate[l]);
      }
    }
    for (const f of ['index.html', 'examples/host.html', 'package.json']) expect(readFileSync(f, 'utf8'), f).not.toMatch(said.en!);
  });
});

describe('each citation can support its item: one URL per source', () => {
  it('final-report-delayed (9 Dec 2025) cites the AzerNews piece of 9 Dec 2025', () => {
    expect(event('final-report-delayed').sources).toEqual(['S57b']);
    expect(source('S57b').url).toBe('https://www.azernews.az/nation/251389.html');
    expect(event('lastayev-timetable').sources).toContain('S57a');
    expect(source('S57a').url).toMatch(/avia-pro\.net/);
  });
  it('kovalenko-russians-admit (26 Dec) cites the 26 Dec Ukrinform/MENAFN piece; the 25 Dec claim the Interfax-Ukraine one', () => {
    expect(event('kovalenko-russians-admit').sources).toEqual(['S41b']);
    expect(source('S41b').url).toMatch(/menafn\.com\/1109031809\//);
    expect(event('kovalenko-sam-claim').sources).toEqual(['S41a']);
    expect(source('S41a').url).toMatch(/interfax\.com\.ua/);
  });
  it('each airport cites its own infobox', () => {
    const own: Record<string, RegExp> = { grv: /Grozny/, sco: /Aktau/, gyd: /Baku/, mcx: /Uytash/, mrv: /Mineralnye_Vody/ };
    for (const [id, re] of Object.entries(own)) {
      const infobox = (feature(id).sources as string[]).filter((k) => k.startsWith('S58'));
      expect(infobox, id).toHaveLength(1);
      expect(source(infobox[0]!).url, id).toMatch(re);
    }
  });
  it('no source key holds two URLs, and the old shared keys are gone', () => {
    for (const k of ['S41', 'S57', 'S58']) expect(s.sources.find((x) => x.id === k)).toBeUndefined();
    const urls = s.sources.flatMap((x) => (x.url ? [x.url] : []));
    expect(new Set(urls).size).toBe(urls.length);
  });
});

describe('official-report items that rest on an analysis posted on an aggregator say so', () => {
  it.each(['mayday', 'hydraulic-failure', 'elevator-aileron-failure'])('%s', (id) => {
    const e = event(id);
    expect(e.status).toBe('official-report');
    expect(e.sources).toContain('S11');
    expect(e.via).toMatch(/analysis .* aggregator; not corroborated/);
    expect(e.text).toMatch(/news-pravda aggregator/);
  });
});

describe('what a reader expects, from the fact sheet', () => {
  it("Flightradar24's inferred path: south of Grozny heading north at 05:13, in the strike-location dispute and the loop's note", () => {
    const a = dispute('strike-location').accounts.find((x) => x.id === 'fr24-inferred-path-south')!;
    expect(a.said).toMatch(/at 05:13 the aircraft is south of Grozny heading north/);
    expect(a.status).toBe('ads-b');
    expect(a.date).toBeUndefined();
    expect(a.undated).toBeTruthy();
    expect(leg('leg-loop').properties.note).toMatch(/starts at 05:13 south of Grozny heading north/);
  });
  it('a dispute on the weather at Grozny, each account attributed', () => {
    const d = dispute('weather-grozny');
    const said = d.accounts.map((a) => `${a.who}: ${a.said}`).join('\n');
    expect(said).toMatch(/Rosaviatsia: Fog: “no visibility at 500 m”/);
    expect(said).toMatch(/transcript.*3,300 m, cloud base 240 m/);
    expect(said).toMatch(/FlightLevel\.be: Visibility about 3\.5 km/);
    expect(said).toMatch(/METARs.*no fog/);
    for (const id of ['first-approach', 'second-approach-return', 'yadrov-briefing']) expect(event(id).disputes).toContain('weather-grozny');
  });
  it('who was on board, who died and who survived', () => {
    expect(event('takeoff').text).toMatch(/42 Azerbaijani citizens, the 5 crew among them, 16 Russian, 6 Kazakh and 3 Kyrgyz/);
    expect(event('crash').text).toMatch(
      /the captain, the first officer, the senior flight attendant and 35 passengers \(by nationality 25 Azerbaijani, 7 Russian, 6 Kazakh/,
    );
    expect(event('crash').text).toMatch(/2 flight attendants and 27 passengers/);
    expect(event('takeoff').sources).toEqual(expect.arrayContaining(['S21', 'S54']));
  });
  it('the Paladichuk engagement times and the VChK-OGPU detonation times, against the report’s 05:13:31', () => {
    const d = dispute('strike-timing');
    const by = (id: string) => d.accounts.find((a) => a.id === id)!.said;
    expect(by('paladichuk-engagement')).toMatch(/08:13:30.*08:13:33.*08:13:47.*08:13:48.*2 s after the report’s first impact at 05:13:31/);
    expect(by('vchk-ogpu-detonations')).toMatch(/08:13:50 and 08:14:30 Moscow time \(05:13:50 and 05:14:30 UTC\)/);
    expect(by('kazakh-report-impacts')).toMatch(/05:13:31 and 05:13:56/);
    expect(event('first-impact').disputes).toContain('strike-timing');
    expect(event('paladichuk-leak').text).toMatch(/launch 08:13:33/);
  });
  it('the crash site relative to runway 11: 5.7 km short of its threshold, off the centreline', () => {
    const note = String(feature('crash-site').note);
    expect(note).toMatch(/5\.7 km short of the runway 11 threshold/);
    expect(note).toMatch(/15° off the extended centreline/);
    // Check the arithmetic: the threshold (facts.md §2, OurAirports) to the Wikipedia crash coordinates.
    const crash = s.places.features.find((f) => f.properties.id === 'crash-site')!.geometry.coordinates;
    expect(distance([51.0781, 43.8665], [crash[0], crash[1]], { units: 'kilometers' })).toBeCloseTo(5.7, 1);
  });
  it('the day of mourning in Azerbaijan (26 Dec) and the joint investigation, from the seeds', () => {
    expect(event('azerbaijan-mourning').time).toBe('2024-12-26T00:00:00Z');
    expect(event('azerbaijan-mourning').sources).toEqual(['SEED002', 'SEED003']);
    expect(event('joint-investigation').text).toMatch(/joint investigation committee of Kazakhstan, Azerbaijan and Russia/);
    for (const k of ['SEED000', 'SEED002', 'SEED003']) {
      expect(source(k).url).toBeUndefined();
      expect(source(k).note).toMatch(/shared\/seeds\/\d{3}_[0-9a-f]+\.txt/);
    }
  });
});
