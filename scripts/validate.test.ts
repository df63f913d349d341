/** `npm run validate` and the build refuse bad data with a message naming the file, item and field. */
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { storyData } from './lib/story-plugin';

function brokenCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'j2-geo-'));
  cpSync('geo', join(dir, 'geo'), { recursive: true });
  const f = join(dir, 'geo/events.json');
  const d = JSON.parse(readFileSync(f, 'utf8'));
  d.events[9].sources = ['S404'];
  writeFileSync(f, JSON.stringify(d));
  return dir;
}

describe('npm run validate', { timeout: 30_000 }, () => {
  it('passes on the real data', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/validate.ts'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/geo\/ is valid: \d+ events/);
  });
  it('exits 1 with one line per problem', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/validate.ts', brokenCopy()], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('geo/events.json: events[9] (id "first-impact") → sources[0]: unknown source "S404"');
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  });
});

describe('npm run validate: the catalogues (geo/i18n/)', { timeout: 30_000 }, () => {
  it('exits 1 when a locale misses a key, adds one, or changes a placeholder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'j2-geo-'));
    cpSync('geo', join(dir, 'geo'), { recursive: true });
    const f = join(dir, 'geo/i18n/kk.json');
    const d = JSON.parse(readFileSync(f, 'utf8'));
    delete d.messages['page.h1'];
    d.messages['panel.daysAfter'] = '{n, plural, one {# күн} other {# күн}}';
    writeFileSync(f, JSON.stringify(d));
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/validate.ts', dir], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('geo/i18n/kk.json: messages["page.h1"]: missing (English has it)');
    expect(r.stderr).toContain('geo/i18n/kk.json: messages["panel.daysAfter"]: placeholders {n: plural} differ from English\'s {days: plural}');
  });
});

describe('the build', () => {
  it('fails on bad data, naming file, item and field', () => {
    const plugin = storyData(brokenCopy());
    const ctx = { addWatchFile() {} };
    expect(() => (plugin.buildStart as unknown as (this: typeof ctx) => void).call(ctx)).toThrow(
      /geo\/events\.json: events\[9\] \(id "first-impact"\) → sources\[0\]: unknown source "S404"/,
    );
  });
});

describe('npm run validate: the corrections log', { timeout: 30_000 }, () => {
  it('exits 1 when geo/changelog.json is older than the newest event', () => {
    const dir = mkdtempSync(join(tmpdir(), 'j2-geo-'));
    cpSync('geo', join(dir, 'geo'), { recursive: true });
    const f = join(dir, 'geo/changelog.json');
    const d = JSON.parse(readFileSync(f, 'utf8'));
    for (const e of d.entries) e.date = '2025-01-01';
    writeFileSync(f, JSON.stringify(d));
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/validate.ts', dir], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('geo/changelog.json: entries[0] → date: the newest entry (2025-01-01) is older than the newest event');
  });
});
