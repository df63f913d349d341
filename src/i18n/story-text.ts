/**
 * Translations of the story's own words (geo/), kept in each locale's catalogue beside its messages:
 * `story[kind][id][field]`, e.g. `story.events["first-impact"].title`. English has none: its words are geo/ itself.
 * Sources keep their outlet and title as published. Pure.
 */
import type { StoryData } from '../story/validate';

/** What may be translated in the story, by kind: the fields a reader sees. */
export const STORY_FIELDS = {
  events: ['title', 'text', 'via'],
  disputes: ['question'],
  accounts: ['who', 'said', 'undated'],
  features: ['name', 'city', 'role', 'note', 'basis', 'claimedBy', 'claimant', 'start.basis', 'end.basis'],
} as const;
export type StoryKind = keyof typeof STORY_FIELDS;

export type StoryText = Partial<Record<StoryKind, Record<string, Record<string, string>>>>;

/** Everything in the story a locale may translate: kind → id → field → English. */
export function storyWords(story: StoryData): Record<StoryKind, Map<string, Record<string, string>>> {
  const pick = (kind: StoryKind, o: Record<string, unknown>): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const f of STORY_FIELDS[kind]) {
      const v = f.split('.').reduce<unknown>((x, k) => (x && typeof x === 'object' ? (x as Record<string, unknown>)[k] : undefined), o);
      if (typeof v === 'string') out[f] = v;
    }
    return out;
  };
  const features = [...story.places.features, ...story.route.features, ...story.strike.features, ...story.track.features];
  return {
    events: new Map(story.events.map((e) => [e.id, pick('events', e)])),
    disputes: new Map(story.disputes.map((d) => [d.id, pick('disputes', d)])),
    accounts: new Map(story.disputes.flatMap((d) => d.accounts.map((a) => [a.id, pick('accounts', a)] as const))),
    features: new Map(features.map((f) => [f.properties.id, pick('features', f.properties)])),
  };
}

/**
 * The story with its own words in a locale: a copy of StoryData with every translated field replaced (ids,
 * times, numbers, sources and geometry untouched). Everything downstream (panel, list, names on the map,
 * popups, exports) then speaks the locale without knowing it. Untranslated fields stay English.
 */
export function localizeStory(story: StoryData, text: StoryText | undefined): StoryData {
  if (!text) return story;
  const put = <T extends object>(kind: StoryKind, id: string, o: T): T => {
    const tr = text[kind]?.[id];
    if (!tr) return o;
    const out = { ...o } as Record<string, unknown>;
    for (const [field, value] of Object.entries(tr)) {
      const [a, b] = field.split('.') as [string, string | undefined];
      if (b === undefined) {
        if (typeof out[a] === 'string') out[a] = value;
      } else if (out[a] && typeof out[a] === 'object' && typeof (out[a] as Record<string, unknown>)[b] === 'string') {
        out[a] = { ...(out[a] as object), [b]: value };
      }
    }
    return out as T;
  };
  const fc = <F extends { properties: { id: string } }, C extends { features: F[] }>(c: C): C => ({
    ...c,
    features: c.features.map((f) => ({ ...f, properties: put('features', f.properties.id, f.properties) })),
  });
  return {
    ...story,
    events: story.events.map((e) => put('events', e.id, e)),
    disputes: story.disputes.map((d) => ({ ...put('disputes', d.id, d), accounts: d.accounts.map((a) => put('accounts', a.id, a)) })),
    places: fc(story.places),
    route: fc(story.route),
    strike: fc(story.strike),
    track: fc(story.track),
  };
}
