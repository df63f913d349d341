/**
 * The story's copy and roles as the code reads them (geo/content.json, and what follows from the data): pure
 * accessors, so no module hard-codes a title, an id or a date. Pure: no DOM, no MapLibre.
 */
import type { BBox } from '../geo/bounds';
import type { Content } from './schema';
import type { StoryData } from './validate';

/** The id of the official account's area (drawn as a dashed ring; the others are filled). */
export const officialAreaId = (story: Pick<StoryData, 'content'>): string => story.content.roles.officialArea;

/** The disputes the panel follows through the year after, in order. */
export const followedDisputes = (story: Pick<StoryData, 'content'>): readonly string[] => story.content.followedDisputes;

/** The day of the crash, as the UTC midnight it starts at: the day the flown track ends. */
export function crashDay(story: Pick<StoryData, 'track'>): number {
  const end = new Date(story.track.features.at(-1)!.properties.end.time);
  return Date.UTC(end.getUTCFullYear(), end.getUTCMonth(), end.getUTCDate());
}

/** The clock of the story's words: when the reconstruction starts (the first reconstructed leg) and the crash (the track's end). */
export function storyClock(story: Pick<StoryData, 'track'>): { reconstructedFrom: number | null; crash: number } {
  const legs = story.track.features;
  const first = legs.find((f) => f.properties.certainty === 'reconstructed');
  return { reconstructedFrom: first ? Date.parse(first.properties.start.time) : null, crash: Date.parse(legs.at(-1)!.properties.end.time) };
}

/** How far the reader may pan the map (geo/region.json → maxBounds), as MapLibre's [[w, s], [e, n]]. */
export function maxBounds(story: Pick<StoryData, 'region'>): [[number, number], [number, number]] {
  const [w, s, e, n] = story.region.maxBounds as BBox;
  return [
    [w, s],
    [e, n],
  ];
}

/** The features of the frame the map opens on (content.json → openingFrame, a frame of geo/frames.json). */
export function openingFrameFeatures(story: Pick<StoryData, 'content' | 'frames'>): readonly string[] {
  return story.frames.frames.find((f) => f.id === story.content.openingFrame)?.features ?? [];
}

/** English copy the build writes (page <title>, description, oEmbed): each named message from the English catalogue. */
export function contentMessages(content: Content, messages: Readonly<Record<string, string>>): Record<keyof Content['messages'], string> {
  return Object.fromEntries(Object.entries(content.messages).map(([k, key]) => [k, messages[key] ?? ''])) as Record<keyof Content['messages'], string>;
}

/** Every message content.json names must be in the English catalogue: one line per problem, naming file and field. */
export function contentMessageProblems(
  content: Content,
  messages: Readonly<Record<string, unknown>>,
  file = 'geo/content.json',
  catalogue = 'geo/i18n/en.json',
): string[] {
  return Object.entries(content.messages)
    .filter(([, key]) => typeof messages[key] !== 'string')
    .map(([k, key]) => `${file}: messages → ${k}: unknown message key "${key}" (not in ${catalogue} → messages)`);
}

/** Every UTC clock time (HH:MM) of the data: events and track knots. A message may only quote these. */
export function dataClockTimes(story: Pick<StoryData, 'events' | 'track'>): Set<string> {
  const out = new Set<string>();
  for (const e of story.events) out.add(e.time.slice(11, 16));
  for (const f of story.track.features) for (const k of [f.properties.start, f.properties.end]) out.add(k.time.slice(11, 16));
  return out;
}

/**
 * The catalogue messages that quote a clock time the data does not have (the legend's "between 04:25 and 06:28 UTC",
 * the credit's): one line per problem, so a change of the data cannot leave a stale time in the words.
 */
export function messageTimeProblems(story: Pick<StoryData, 'events' | 'track'>, file: string, messages: Readonly<Record<string, unknown>>): string[] {
  const times = dataClockTimes(story);
  const out: string[] = [];
  for (const [key, text] of Object.entries(messages)) {
    if (typeof text !== 'string') continue;
    for (const m of text.matchAll(/(?<![\d:])(?:[01]\d|2[0-3]):[0-5]\d(?!\d)/g))
      if (!times.has(m[0])) out.push(`${file}: messages → ${key}: quotes ${m[0]}, which is not a UTC time of the data (an event's or a track knot's)`);
  }
  return out;
}
