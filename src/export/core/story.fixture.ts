/** For the unit tests: the real story from geo/, its track and timelines. */
import { readFileSync } from 'node:fs';
import { STORY_FILES, validateStory, type RawStory } from '../../story/validate';
import { buildTrack } from '../../track/interpolate';
import { buildTimelines } from '../../time/timeline';
import { buildLayers } from '../../scene/layers';

const raw = Object.fromEntries(Object.entries(STORY_FILES).map(([k, f]) => [k, readFileSync(f, 'utf8')])) as RawStory;
const result = validateStory(raw);
if (!result.ok) throw new Error(result.errors.join('\n'));
export const story = result.story;
export const track = buildTrack(story.track.features);
export const timelines = buildTimelines(story.events, { start: track.start, end: track.end });
export const layers = buildLayers(story, track);
