/**
 * Every way a story file can be wrong is refused, with a message naming the file, the feature or event,
 * and the field. Each case mutates a copy of the real data.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { STORY_FILES, validateStory, describePath, type RawStory, type StoryFileKey } from './validate';
import { parseBundle } from './parse-bundle';

type Json = any; // the cases mutate the files freely
const real = Object.fromEntries(Object.entries(STORY_FILES).map(([k, f]) => [k, JSON.parse(readFileSync(f, 'utf8'))])) as Record<StoryFileKey, Json>;
const copy = (): Record<StoryFileKey, Json> => structuredClone(real);

const cases: [name: string, mutate: (d: Record<StoryFileKey, Json>) => void | RawStory, expected: RegExp][] = [
  ['a file that is not JSON', () => ({ ...copy(), events: '{"events": [' }) as RawStory, /^geo\/events\.json: not valid JSON/],
  [
    'a missing file',
    (d) => {
      delete (d as Partial<typeof d>).disputes;
    },
    /^geo\/disputes\.json: file is missing/,
  ],
  [
    'a feature collection of the wrong type',
    (d) => {
      d.places.type = 'GeometryCollection';
    },
    /^geo\/places\.geojson: type: /,
  ],
  [
    'a route drawn as a Point',
    (d) => {
      d.route.features[0].geometry = { type: 'Point', coordinates: [47, 42] };
    },
    /^geo\/route-planned\.geojson: features\[0\] \(id "route-planned"\) → geometry\.type/,
  ],
  [
    'a LineString with one position',
    (d) => {
      d.track.features[1].geometry.coordinates = [[47.6, 42.8]];
    },
    /^geo\/track\.geojson: features\[1\] \(id "leg-to-grozny"\) → geometry\.coordinates: a LineString needs at least 2 positions/,
  ],
  [
    'a latitude out of range',
    (d) => {
      d.places.features[0].geometry.coordinates = [50, 95];
    },
    /^geo\/places\.geojson: features\[0\] \(id "gyd"\) → geometry\.coordinates\[1\]: latitude above 90/,
  ],
  [
    'swapped latitude and longitude',
    (d) => {
      d.places.features[1].geometry.coordinates = [43.3882, 45.69968];
    },
    /^geo\/places\.geojson: features\[1\] \(id "grv"\) → geometry\.coordinates\[0\]: \[43\.3882, 45\.69968\] is outside the story region .*look swapped/,
  ],
  [
    'a point outside the story region',
    (d) => {
      d.strike.features[2].geometry.coordinates = [30, 40];
    },
    /^geo\/strike-area\.geojson: features\[2\] \(id "claim-vchk-18km"\) → geometry\.coordinates\[0\]: .*outside the story region/,
  ],
  [
    'a time without Z',
    (d) => {
      d.events.events[3].time = '2024-12-25T04:26:00';
    },
    /^geo\/events\.json: events\[3\] \(id "gps-loss-reported"\) → time: must be ISO 8601 UTC/,
  ],
  [
    'a time with an offset',
    (d) => {
      d.events.events[0].time = '2024-12-25T07:55:00+04:00';
    },
    /^geo\/events\.json: events\[0\] \(id "takeoff"\) → time: must be ISO 8601 UTC/,
  ],
  [
    'an impossible time',
    (d) => {
      d.events.events[0].time = '2024-12-25T25:55:00Z';
    },
    /^geo\/events\.json: events\[0\] \(id "takeoff"\) → time: is not a real calendar time/,
  ],
  [
    'an impossible date',
    (d) => {
      d.disputes.disputes[0].accounts[0].date = '2024-02-30';
    },
    /^geo\/disputes\.json: disputes\[0\] \(id "cause"\) → accounts\[0\] \(id "[a-z0-9-]+"\) → date: is not a real calendar date/,
  ],
  [
    'a knot time that is not UTC',
    (d) => {
      d.track.features[0].properties.end.time = '04:25';
    },
    /^geo\/track\.geojson: features\[0\] \(id "leg-coast"\) → properties\.end\.time: must be ISO 8601 UTC/,
  ],
  [
    'events out of order',
    (d) => {
      const e = d.events.events;
      [e[4], e[5]] = [e[5], e[4]];
    },
    /^geo\/events\.json: events\[5\] \(id "first-call-grozny"\) → time: .* earlier than the event before it/,
  ],
  [
    'track legs out of order',
    (d) => {
      const f = d.track.features;
      [f[1], f[2]] = [f[2], f[1]];
    },
    /^geo\/track\.geojson: features\[1\] \(id "leg-approaches"\) → properties\.start\.time: .*does not continue the previous leg/,
  ],
  [
    'a leg that ends before it starts',
    (d) => {
      d.track.features[0].properties.end.time = '2024-12-25T03:00:00Z';
    },
    /^geo\/track\.geojson: features\[0\] \(id "leg-coast"\) → properties\.end\.time: .* is not after start\.time/,
  ],
  [
    'a gap in the track',
    (d) => {
      d.track.features[1].geometry.coordinates[0] = [47.7, 42.8];
    },
    /^geo\/track\.geojson: features\[1\] \(id "leg-to-grozny"\) → geometry\.coordinates\[0\]: .*does not continue the previous leg/,
  ],
  [
    'an event without sources',
    (d) => {
      d.events.events[2].sources = [];
    },
    /^geo\/events\.json: events\[2\] \(id "last-valid-adsb"\) → sources: needs at least one source/,
  ],
  [
    'a feature without sources',
    (d) => {
      delete d.strike.features[0].properties.sources;
    },
    /^geo\/strike-area\.geojson: features\[0\] \(id "strike-area-official"\) → properties\.sources: /,
  ],
  [
    'a feature without a status',
    (d) => {
      d.places.features[5].properties.status = 'rumour';
    },
    /^geo\/places\.geojson: features\[5\] \(id "crash-site"\) → properties\.status: /,
  ],
  [
    'a duplicate id',
    (d) => {
      d.events.events[1].id = 'takeoff';
    },
    /^geo\/events\.json: events\[1\] \(id "takeoff"\) → id: duplicate id "takeoff" \(also geo\/events\.json: events\[0\]/,
  ],
  [
    'an event id that clashes with a feature',
    (d) => {
      d.events.events[0].id = 'crash-site';
    },
    /duplicate id "crash-site" \(also geo\/places\.geojson/,
  ],
  [
    'a reference to a source that does not exist',
    (d) => {
      d.events.events[0].sources = ['S999'];
    },
    /^geo\/events\.json: events\[0\] \(id "takeoff"\) → sources\[0\]: unknown source "S999"/,
  ],
  [
    'a reference to a place that does not exist',
    (d) => {
      d.events.events[0].place = 'atlantis';
    },
    /^geo\/events\.json: events\[0\] \(id "takeoff"\) → place: unknown feature id "atlantis"/,
  ],
  [
    'a reference to a dispute that does not exist',
    (d) => {
      d.events.events[0].disputes = ['nothing'];
    },
    /^geo\/events\.json: events\[0\] \(id "takeoff"\) → disputes\[0\]: unknown dispute id "nothing"/,
  ],
  [
    'a source with a javascript: URL',
    (d) => {
      d.sources.sources[0].url = 'javascript:alert(1)';
    },
    /^geo\/sources\.json: sources\[0\] \(id "S\d+"\) → url: must be an http\(s\) URL/,
  ],
  [
    'an unknown field (a typo)',
    (d) => {
      d.events.events[0].titel = 'x';
    },
    /^geo\/events\.json: events\[0\] \(id "takeoff"\) → \(whole item\): Unrecognized key/,
  ],
  [
    'a flight event after the crash',
    (d) => {
      d.events.events[28].time = '2024-12-25T07:00:00Z';
    },
    /^geo\/events\.json: events\[28\] \(id "crash"\) → time: .*outside the flight/,
  ],
  [
    'an area stored as a Point',
    (d) => {
      d.strike.features[1].geometry = { type: 'Point', coordinates: [45.64, 43.47] };
    },
    /^geo\/strike-area\.geojson: features\[1\] \(id "strike-area-primary"\) → geometry\.type: an area must be a Polygon .*npm run areas/,
  ],
  [
    'an area whose radius disagrees with its Polygon',
    (d) => {
      d.strike.features[1].properties.radiusKm = 18;
    },
    /^geo\/strike-area\.geojson: features\[1\] \(id "strike-area-primary"\) → geometry\.coordinates\[0\]\[\d+\]: lies 15\.\d+ km from properties\.center .*radiusKm is 18; geometry and properties disagree/,
  ],
  [
    'an area whose centre disagrees with its Polygon',
    (d) => {
      d.strike.features[0].properties.center = [45.8, 43.4];
    },
    /^geo\/strike-area\.geojson: features\[0\] \(id "strike-area-official"\) → geometry\.coordinates\[0\]\[\d+\]: .*geometry and properties disagree/,
  ],
  [
    'an area ring that is clockwise',
    (d) => {
      d.strike.features[0].geometry.coordinates[0].reverse();
    },
    /^geo\/strike-area\.geojson: features\[0\] \(id "strike-area-official"\) → geometry\.coordinates\[0\]: the ring is clockwise/,
  ],
  [
    'an area ring that is not closed',
    (d) => {
      d.strike.features[0].geometry.coordinates[0].pop();
    },
    /^geo\/strike-area\.geojson: features\[0\] \(id "strike-area-official"\) → geometry\.coordinates\[0\]: the ring is not closed/,
  ],
  [
    'an area without its centre',
    (d) => {
      delete d.strike.features[0].properties.center;
    },
    /^geo\/strike-area\.geojson: features\[0\] \(id "strike-area-official"\) → properties\.center: /,
  ],
  [
    'a claim drawn as a Polygon',
    (d) => {
      d.strike.features[2].geometry = d.strike.features[0].geometry;
    },
    /^geo\/strike-area\.geojson: features\[2\] \(id "claim-vchk-18km"\) → geometry\.type: a claim must be a Point/,
  ],
  [
    'content.json naming an area that does not exist',
    (d) => {
      d.content.roles.officialArea = 'atlantis';
    },
    /^geo\/content\.json: roles → officialArea: unknown feature id "atlantis"/,
  ],
  [
    'content.json naming a claim as the official area',
    (d) => {
      d.content.roles.officialArea = 'claim-vchk-18km';
    },
    /^geo\/content\.json: roles → officialArea: "claim-vchk-18km" is a claim, not an area/,
  ],
  [
    'content.json following a dispute that does not exist',
    (d) => {
      d.content.followedDisputes.push('nothing');
    },
    /^geo\/content\.json: followedDisputes\[3\]: unknown dispute id "nothing" \(not in geo\/disputes\.json\)/,
  ],
  [
    'content.json opening on a frame that does not exist',
    (d) => {
      d.content.openingFrame = 'nowhere';
    },
    /^geo\/content\.json: openingFrame: unknown frame id "nowhere" \(not in geo\/frames\.json\)/,
  ],
  [
    'content.json without a publisher',
    (d) => {
      delete d.content.publisher;
    },
    /^geo\/content\.json: publisher: /,
  ],
  [
    'map bounds that cut the story region',
    (d) => {
      d.region.maxBounds = [44, 32, 66, 53];
    },
    /^geo\/region\.json: maxBounds: \[44, 32, 66, 53\] must hold the story region/,
  ],
  [
    'a source with neither a URL nor a note',
    (d) => {
      delete d.sources.sources[0].url;
    },
    /^geo\/sources\.json: sources\[0\] \(id "S1"\) → url: needs a url, or a note saying where its text is kept/,
  ],
  [
    'a source key that is not one',
    (d) => {
      d.sources.sources[0].id = 'S1-x';
    },
    /^geo\/sources\.json: sources\[0\] \(id "S1-x"\) → id: must be a source key like S13, S58a or SEED002/,
  ],
  [
    'an account with neither a date nor a reason',
    (d) => {
      delete d.disputes.disputes[0].accounts[0].date;
    },
    /^geo\/disputes\.json: disputes\[0\] \(id "cause"\) → accounts\[0\] \(id "rosaviatsia-bird-strike"\) → date: give either a date or, when the sources give none, "undated"/,
  ],
  [
    'an account with a date and a reason for none',
    (d) => {
      d.disputes.disputes[0].accounts[0].undated = 'x';
    },
    /→ accounts\[0\] \(id "rosaviatsia-bird-strike"\) → date: give either a date or/,
  ],
  [
    'a dated account after an undated one',
    (d) => {
      const a = d.disputes.disputes[0].accounts;
      a[1] = { ...a[1], date: undefined, undated: 'not known' };
      delete a[1].date;
    },
    /→ accounts\[2\] \(id "kovalenko-sam"\) → date: a dated account after an undated one; undated accounts come last/,
  ],
  [
    'an empty “via”',
    (d) => {
      d.events.events[0].via = ' ';
    },
    /^geo\/events\.json: events\[0\] \(id "takeoff"\) → via: must not be empty/,
  ],
  [
    'a frame of a feature that does not exist',
    (d) => {
      d.frames.frames[0].features.push('atlantis');
    },
    /^geo\/frames\.json: frames\[0\] \(id "whole-route"\) → features\[3\]: unknown feature id "atlantis"/,
  ],
  [
    'an event without a frame',
    (d) => {
      delete d.frames.events.crash;
    },
    /^geo\/events\.json: events\[28\] \(id "crash"\): has no frame; add "crash": "<frame id>" to geo\/frames\.json/,
  ],
  [
    'an event given a frame that does not exist',
    (d) => {
      d.frames.events.crash = 'nowhere';
    },
    /^geo\/frames\.json: events → crash: unknown frame id "nowhere"/,
  ],
  [
    'a frame for an event that does not exist',
    (d) => {
      d.frames.events.landing = 'whole-route';
    },
    /^geo\/frames\.json: events → landing: unknown event id "landing"/,
  ],
  [
    'points kept apart that are not points of the frame',
    (d) => {
      d.frames.frames[4].keepApart = ['claim-vchk-18km', 'leg-caspian'];
    },
    /^geo\/frames\.json: frames\[4\] \(id "strike-area"\) → keepApart\[1\]: "leg-caspian" must be a point among the frame's features/,
  ],
  [
    'too few events',
    (d) => {
      d.events.events = d.events.events.slice(0, 3);
    },
    /^geo\/events\.json: events: the timeline needs at least 15 events/,
  ],
];

describe('validateStory', () => {
  it('accepts the real data', () => {
    const r = validateStory(real);
    expect(r.ok ? [] : r.errors).toEqual([]);
  });
  it.each(cases)('refuses %s, naming file, item and field', (_name, mutate, expected) => {
    const d = copy();
    const raw = (mutate(d) ?? d) as RawStory;
    const r = validateStory(raw);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(
        r.errors.some((e) => expected.test(e)),
        r.errors.join('\n'),
      ).toBe(true);
  });
});

describe('describePath', () => {
  it('names items by index and id', () => {
    expect(describePath({ features: [{ properties: { id: 'x' } }] }, ['features', 0, 'properties', 'name'])).toBe('features[0] (id "x") → properties.name');
    expect(describePath({}, [])).toBe('(whole item)');
  });
});

describe('parseBundle (the browser’s check of data/story.json)', () => {
  it('names the original file of a problem', () => {
    const d = copy();
    d.events.events[0].time = 'soon';
    const bundle = Object.fromEntries(Object.entries(STORY_FILES).map(([k, f]) => [f, d[k as StoryFileKey]]));
    expect(() => parseBundle(JSON.stringify(bundle))).toThrow(/geo\/events\.json: events\[0\] \(id "takeoff"\) → time/);
    expect(() => parseBundle('<html>')).toThrow(/data\/story\.json: not valid JSON/);
    expect(() => parseBundle('[]')).toThrow(/must be an object/);
  });
});
