/**
 * A source's outlet as a reader sees it. Its own module, with no schema code: the page's first load reads it
 * (ui/sources.ts), and src/story/schema.ts brings zod, which a first load does not fetch (the story's digest
 * stands in for its schemas: story/load.ts).
 */
import type { Source } from './schema';

/** The outlet's name, and that its text is republished where it is (`word`: in the reader's language; English by default). */
export function outletName(s: Pick<Source, 'outlet' | 'republished'>, word = 'republished'): string {
  return s.republished ? `${s.outlet} (${word})` : s.outlet;
}
