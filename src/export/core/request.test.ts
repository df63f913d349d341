import { describe, expect, it } from 'vitest';
import { resolveRequest } from './request';
import { timelines } from './story.fixture';

const ctx = { timelines, current: () => ({ chapter: 'flight' as const, t: Date.parse('2024-12-25T05:50:00Z') }) };

describe('export request', () => {
  it('defaults to the whole route, 16:9 at 1×, light, with the legend', () => {
    const r = resolveRequest({}, ctx);
    expect(r).toMatchObject({
      ok: true,
      value: { moment: { kind: 'route' }, dark: false, legend: true, size: { preset: '16x9', outWidth: 1920, outHeight: 1080 } },
    });
    expect(resolveRequest(undefined, ctx).ok).toBe(true);
  });
  it('resolves events, times and the current moment to a chapter and an instant', () => {
    expect(resolveRequest({ moment: { event: 'first-impact' } }, ctx)).toMatchObject({
      ok: true,
      value: { moment: { kind: 'moment', chapter: 'flight', t: Date.parse('2024-12-25T05:13:31Z'), event: 'first-impact' } },
    });
    expect(resolveRequest({ moment: { t: '2024-12-27T00:00:00Z' } }, ctx)).toMatchObject({
      ok: true,
      value: { moment: { kind: 'moment', chapter: 'aftermath' } },
    });
    expect(resolveRequest({ moment: 'current', preset: 'a4', scale: 2, dark: true, legend: false }, ctx)).toMatchObject({
      ok: true,
      value: { moment: { chapter: 'flight', t: Date.parse('2024-12-25T05:50:00Z') }, dark: true, legend: false, size: { outWidth: 7016, outHeight: 4960 } },
    });
  });
  it('refuses what cannot be made, in one sentence', () => {
    const bad: [unknown, RegExp][] = [
      [{ moment: { event: 'nope' } }, /^There is no event called “nope” in this story\.$/],
      [{ moment: { t: 'garbage' } }, /could not be read: use UTC/],
      [{ moment: { t: '2023-01-01T00:00:00Z' } }, /outside this story: the flight is 2024-12-25T03:55:00Z to 2024-12-25T06:28:00Z/],
      [{ moment: 'later' }, /The moment must be/],
      [{ preset: '3x2' }, /Unknown preset “3x2”/],
      [{ scale: 9 }, /scale must be 1, 2, 3 or 4/],
      [{ width: 800 }, /both a width and a height/],
      [{ width: 800, height: 600, preset: '1x1' }, /Give one size: a preset, a width and height, or a size in millimetres/],
      [{ colour: 'red' }, /Unknown export option: colour/],
      [{ dark: 'yes' }, /“dark” must be true or false/],
      [{ maxTile: 10 }, /maxTile/],
      [null, /must be an object/],
    ];
    for (const [req, re] of bad) {
      const r = resolveRequest(req, ctx);
      expect(r.ok, JSON.stringify(req)).toBe(false);
      if (!r.ok) {
        expect(r.error).toMatch(re);
        expect(r.error).not.toContain('\n');
      }
    }
    expect(resolveRequest({ moment: 'current' }, { timelines }).ok).toBe(false);
  });
});
