/**
 * The corrections and updates log (geo/changelog.json): every change to the story's data, newest first,
 * with what changed, why, and the sources where the change was a fact. Pure: schema and checks, no fs.
 */
import { z } from 'zod';
import { IsoDate, SourceRefs } from '../story/schema';
import { describePath } from '../story/validate';

export const CHANGELOG_FILE = 'geo/changelog.json';

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

export const ChangelogEntry = z.strictObject({
  /** When the change was published (the commit's date), YYYY-MM-DD. */
  date: IsoDate,
  /** What changed, in plain words, naming the items (event or feature ids where it helps). */
  what: text(700),
  /** Why: the correction's reason, or what new reporting it adds. */
  why: text(700),
  /** Source keys (geo/sources.json) where the change rests on a fact; empty for an editorial change. */
  sources: z.array(SourceRefs.element).optional(),
});
export type ChangelogEntry = z.infer<typeof ChangelogEntry>;
export const ChangelogFile = z.strictObject({ entries: z.array(ChangelogEntry).min(1, 'needs at least one entry') });
export type Changelog = z.infer<typeof ChangelogFile>;

export interface ChangelogContext {
  /** Source keys that exist (geo/sources.json). */
  sourceIds: ReadonlySet<string>;
  /** The newest event's time (ISO UTC): the log's newest date must not be older. */
  newestEventTime?: string;
  /** Today (YYYY-MM-DD): no entry may be dated later. */
  today?: string;
}

export type ChangelogResult = { ok: true; log: Changelog } | { ok: false; errors: string[] };

/** Checks the log's shape, its order (newest first), its sources, and that it is not older than the story. */
export function validateChangelog(raw: unknown, ctx: ChangelogContext): ChangelogResult {
  const F = CHANGELOG_FILE;
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch (e) {
      return { ok: false, errors: [`${F}: not valid JSON: ${(e as Error).message}`] };
    }
  }
  if (value === undefined) return { ok: false, errors: [`${F}: file is missing`] };
  const parsed = ChangelogFile.safeParse(value);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((i) => `${F}: ${describePath(value, i.path)}: ${i.message}`) };
  const log = parsed.data;
  const errors: string[] = [];
  log.entries.forEach((e, i) => {
    const prev = log.entries[i - 1];
    if (prev && e.date > prev.date)
      errors.push(`${F}: entries[${i}] → date: ${e.date} is newer than the entry before it (${prev.date}); list entries newest first`);
    e.sources?.forEach((s, k) => {
      if (!ctx.sourceIds.has(s)) errors.push(`${F}: entries[${i}] → sources[${k}]: unknown source "${s}" (not in geo/sources.json)`);
    });
    if (ctx.today && e.date > ctx.today) errors.push(`${F}: entries[${i}] → date: ${e.date} is in the future (today is ${ctx.today})`);
  });
  const newest = log.entries[0]!.date;
  const eventDay = ctx.newestEventTime?.slice(0, 10);
  if (eventDay && newest < eventDay)
    errors.push(
      `${F}: entries[0] → date: the newest entry (${newest}) is older than the newest event (${eventDay}, geo/events.json); add an entry for the change that added it`,
    );
  return errors.length ? { ok: false, errors } : { ok: true, log };
}

/** The date the data is as of: the newest entry's. */
export const dataAsOf = (log: Changelog): string => log.entries[0]!.date;

/** The newest event's time in the story (ISO UTC), for the check above. */
export function newestEventTime(events: readonly { time: string }[]): string | undefined {
  return events.reduce<string | undefined>((max, e) => (max === undefined || e.time > max ? e.time : max), undefined);
}
