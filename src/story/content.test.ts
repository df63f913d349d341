import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { STORY_FILES, validateStory } from './validate';
import {
  contentMessageProblems,
  contentMessages,
  messageTimeProblems,
  crashDay,
  followedDisputes,
  maxBounds,
  officialAreaId,
  openingFrameFeatures,
} from './content';
import { buildLayers } from '../scene/layers';
import { buildTrack } from '../track/interpolate';

const r = validateStory(Object.fromEntries(Object.entries(STORY_FILES).map(([k, f]) => [k, readFileSync(f, 'utf8')])));
if (!r.ok) throw new Error(r.errors.join('\n'));
const story = r.story;
const en = JSON.parse(readFileSync('geo/i18n/en.json', 'utf8')) as { messages: Record<string, string> };

describe('the story content (geo/content.json and what follows from the data)', () => {
  it('reads the roles and the followed disputes from the content file', () => {
    expect(officialAreaId(story)).toBe('strike-area-official');
    expect(followedDisputes(story)).toEqual(['cause', 'landing-refused', 'strike-location']);
    expect(openingFrameFeatures(story)).toEqual(['gyd', 'grv', 'sco']);
  });
  it('derives the crash day from the end of the flown track, and the pan limit from the region file', () => {
    expect(new Date(crashDay(story)).toISOString()).toBe('2024-12-25T00:00:00.000Z');
    expect(maxBounds(story)).toEqual([
      [30, 32],
      [66, 53],
    ]);
  });
  it('the map marks the official area by its role and frames the opening frame', () => {
    const layers = buildLayers(story, buildTrack(story.track.features));
    expect(layers.areas.features.filter((f) => f.properties?.role === 'official').map((f) => f.properties?.id)).toEqual(['strike-area-official']);
    const pts = story.places.features.filter((f) => ['gyd', 'grv', 'sco'].includes(f.properties.id)).map((f) => f.geometry.coordinates);
    expect(layers.frame).toEqual([
      Math.min(...pts.map((p) => p[0]!)),
      Math.min(...pts.map((p) => p[1]!)),
      Math.max(...pts.map((p) => p[0]!)),
      Math.max(...pts.map((p) => p[1]!)),
    ]);
  });
  it('names catalogue messages that exist, and says which field names one that does not', () => {
    expect(contentMessageProblems(story.content, en.messages)).toEqual([]);
    expect(contentMessages(story.content, en.messages).pageTitle).toBe(en.messages['page.title']);
    const bad = { ...story.content, messages: { ...story.content.messages, iframeTitle: 'export.nope' } };
    expect(contentMessageProblems(bad, en.messages)).toEqual([
      'geo/content.json: messages → iframeTitle: unknown message key "export.nope" (not in geo/i18n/en.json → messages)',
    ]);
  });
  it('refuses a message quoting a clock time the data does not have', () => {
    expect(messageTimeProblems(story, 'geo/i18n/en.json', en.messages)).toEqual([]);
    expect(messageTimeProblems(story, 'geo/i18n/en.json', { 'legend.crash': 'Crash site, 06:29 UTC', 'url.badTime': 'like 2024-12-25T05:13:31Z' })).toEqual([
      "geo/i18n/en.json: messages → legend.crash: quotes 06:29, which is not a UTC time of the data (an event's or a track knot's)",
    ]);
  });
});
