/** The corrections log: its shape, its order, its sources, and that it is never older than the story. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { CHANGELOG_FILE, dataAsOf, newestEventTime, validateChangelog } from './changelog';
import { story } from './fixture';

const real = JSON.parse(readFileSync(CHANGELOG_FILE, 'utf8'));
const ctx = { sourceIds: new Set(story.sources.map((s) => s.id)), newestEventTime: newestEventTime(story.events), today: '2026-12-02' };
const entry = (over: Record<string, unknown> = {}) => ({ date: '2026-11-21', what: 'Changed a thing.', why: 'Because.', sources: ['S13'], ...over });
const errors = (raw: unknown, c = ctx) => {
  const r = validateChangelog(raw, c);
  return r.ok ? [] : r.errors;
};

describe('validateChangelog', () => {
  it('accepts the real log; the data is as of its newest entry', () => {
    // As the build checks it: today is the day it runs (the other cases keep a fixed day).
    const r = validateChangelog(readFileSync(CHANGELOG_FILE, 'utf8'), { ...ctx, today: new Date().toISOString().slice(0, 10) });
    expect(r.ok && dataAsOf(r.log)).toBe(real.entries[0].date);
  });

  it('names the file, the entry and the field of a bad entry', () => {
    expect(errors({ entries: [entry({ date: '21 Nov 2026' })] })).toContain('geo/changelog.json: entries[0] → date: must be an ISO date like 2024-12-26');
    expect(errors({ entries: [entry({ why: ' ' })] })).toEqual(['geo/changelog.json: entries[0] → why: must not be empty']);
    expect(errors({ entries: [entry({ extra: 1 })] })[0]).toMatch(/^geo\/changelog\.json: entries\[0\] → \(whole item\): Unrecognized key/);
    expect(errors({ entries: [] })).toEqual(['geo/changelog.json: entries: needs at least one entry']);
    expect(errors('{')[0]).toMatch(/^geo\/changelog\.json: not valid JSON/);
    expect(errors(undefined)).toEqual(['geo/changelog.json: file is missing']);
  });

  it('wants entries newest first, known sources, no date in the future', () => {
    expect(errors({ entries: [entry({ date: '2026-11-20' }), entry()] })).toEqual([
      'geo/changelog.json: entries[1] → date: 2026-11-21 is newer than the entry before it (2026-11-20); list entries newest first',
    ]);
    expect(errors({ entries: [entry({ sources: ['S404'] })] })).toEqual([
      'geo/changelog.json: entries[0] → sources[0]: unknown source "S404" (not in geo/sources.json)',
    ]);
    expect(errors({ entries: [entry({ date: '2026-12-03' })] })).toEqual([
      'geo/changelog.json: entries[0] → date: 2026-12-03 is in the future (today is 2026-12-02)',
    ]);
  });

  it('refuses a log older than the newest event', () => {
    const newest = newestEventTime(story.events)!;
    expect(newest).toBe('2025-12-26T00:00:00Z');
    expect(errors({ entries: [entry({ date: '2025-12-25' })] })).toEqual([
      'geo/changelog.json: entries[0] → date: the newest entry (2025-12-25) is older than the newest event (2025-12-26, geo/events.json); add an entry for the change that added it',
    ]);
    expect(errors({ entries: [entry({ date: '2025-12-26' })] })).toEqual([]);
  });
});
